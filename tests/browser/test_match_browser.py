"""A journalist sees that an English statement is the one a French article reported, on the
review card at phone size, accepts the match, and the claim workspace lists both."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from claims import services
from claims.models import MentionMatch
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRENCH = (
    "Le ministre polonais de la Défense a déclaré mardi que Varsovie achèterait 120 chars "
    "à la Corée du Sud."
)
ENGLISH = "Poland will buy 120 tanks from South Korea, the Polish defence minister said."


def _extracted(text: str, language: str, outlet: str, days_ago: int) -> Article:
    article = ArticleFactory(
        title=f"{outlet} story", text=text, language=language,
        outlet=OutletFactory(name=outlet), status=Article.Status.EXTRACTING,
        published_at=timezone.now() - timedelta(days=days_ago),
    )  # fmt: skip
    return services.article_extract_claims(article=article)


def test_journalist_accepts_a_french_english_match_and_the_claim_has_both(new_page, journalist):
    french = _extracted(FRENCH, "fr", "Le Quotidien", days_ago=2)
    english = _extracted(ENGLISH, "en", "The Courier", days_ago=0)
    match = MentionMatch.objects.get(mention__article=english)
    page = new_page(viewport={"width": 390, "height": 844})
    log_in(page, journalist.username)
    page.goto(f"/review/articles/{english.pk}/")
    proposal = page.locator(f"[data-match='{match.pk}']")
    expect(proposal).to_contain_text("Also reported by Le Quotidien, 2 days earlier")
    expect(proposal).to_contain_text("French")
    expect(proposal).to_contain_text("Varsovie achèterait 120 chars")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, f"the review page scrolls sideways on a phone ({width}px)"
    proposal.get_by_role("button", name="Accept match").click()
    expect(page.get_by_text("Match accepted")).to_be_visible()
    match.refresh_from_db()
    assert match.state == MentionMatch.State.ACCEPTED
    claim = match.candidate_mention.claim
    page.goto(claim.get_workspace_url())
    appearances = page.locator("section[aria-labelledby='appearances-h']")
    expect(page.locator("#appearances-h")).to_contain_text("(2)")
    expect(appearances).to_contain_text("Varsovie achèterait 120 chars")
    expect(appearances).to_contain_text("Poland will buy 120 tanks")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert claim.mentions.filter(article__in=[french, english]).count() == 2
