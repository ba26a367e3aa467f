"""A journalist attaches a denial to the claim it answers, from the review card, in Chromium."""

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "The Courier reported that the ferry line would be sold to a private firm.\n\n"
    "The island council denied that the ferry line would be sold."
)


def test_journalist_attaches_a_denial_to_its_claim_and_the_workspace_shows_it(
    new_page, journalist
):
    article = ArticleFactory(title="Ferry sale", text=TEXT)
    asserted = MentionFactory(
        article=article, content="the ferry line would be sold to a private firm",
        speaker="The Courier",
    )  # fmt: skip
    claim = services.claim_create_from_mention(
        mention=asserted, statement="The ferry line will be sold", by=journalist
    )
    denial = MentionFactory(
        article=article, content="the ferry line would be sold", speaker="The island council",
        stance=Mention.Stance.DENIES,
    )  # fmt: skip
    page = new_page()
    log_in(page, journalist.username)
    page.goto(f"/review/articles/{article.pk}/")
    card = page.locator(f"[data-mention='{denial.pk}']")
    expect(card).to_contain_text("not a claim of its own")
    expect(card.get_by_role("button", name="Accept as a new claim")).to_have_count(0)
    card.get_by_role("button", name="Answers “The ferry line will be sold”").click()
    # htmx swaps the card in place: it now says what it answers.
    expect(page.locator(f"[data-mention='{denial.pk}'] .review-state")).to_contain_text(
        "a response to"
    )
    denial.refresh_from_db()
    assert denial.responds_to_id == claim.pk and denial.claim_id is None
    page.goto(claim.get_workspace_url())
    responses = page.locator("section.responses")
    expect(responses).to_contain_text("The island council denied it")
    expect(page.locator("#appearances-h")).to_contain_text("(1)")
