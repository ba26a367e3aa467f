"""The editorial workflow in a real browser: review, evidence, tasks, verdict, two-editor
publishing."""

import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim, Evidence, Mention, Task
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "The council met on Tuesday.\n\n"
    "The mayor said that the bridge would reopen in March.\n\n"
    "The union said that bus routes would stay diverted."
)


@pytest.fixture
def article(roles):
    article = ArticleFactory(title="Bridge story", text=TEXT)
    MentionFactory(article=article, content="the bridge would reopen in March", speaker="The mayor")
    MentionFactory(article=article, content="bus routes would stay diverted", speaker="The union")
    return article


def test_journalist_accepts_a_mention_into_a_claim_and_adds_evidence(new_page, journalist, article):
    page = new_page()
    log_in(page, journalist.username)
    page.get_by_role("link", name="Review").first.click()
    page.get_by_role("link", name="Bridge story").click()
    cards = page.locator(".mention-card")
    expect(cards).to_have_count(2)

    # Keyboard: j focuses the first statement, j the second, r rejects it (htmx, no reload).
    page.wait_for_load_state("load")  # review.js is deferred: shortcuts work once it ran
    page.keyboard.press("j")
    expect(cards.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(cards.nth(1)).to_be_focused()
    page.keyboard.press("r")
    expect(cards.nth(1)).to_contain_text("Rejected")

    first = cards.nth(0)
    first.get_by_label("New claim, in one sentence").fill("The Old Mill bridge reopens in March")
    first.get_by_role("button", name="Accept as a new claim").click()
    expect(cards.nth(0)).to_contain_text("Accepted")
    assert page.url.endswith(f"/review/articles/{article.pk}/")  # partial update, same page

    cards.nth(0).get_by_role("link", name=re.compile("Old Mill bridge")).click()
    page.get_by_label("Title").fill("Council minutes, 4 March")
    page.get_by_label("Link").fill("https://example.org/minutes")
    page.get_by_label("Kind").select_option("primary_document")
    page.get_by_label("Relation").select_option("refutes")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".messages")).to_contain_text("Evidence added.")
    expect(page.locator(".evidence-list")).to_contain_text("Council minutes, 4 March")

    claim = Claim.objects.get()
    assert claim.statement == "The Old Mill bridge reopens in March"
    assert claim.created_by == journalist
    assert claim.evidence.get().relation == Evidence.Relation.REFUTES
    states = dict(article.mentions.values_list("speaker", "review_state"))
    assert states == {"The mayor": Mention.ReviewState.ACCEPTED, "The union": "rejected"}


def test_editor_assigns_rules_and_a_second_editor_publishes(
    new_page, journalist, editor, editor2, article, mailoutbox
):
    mention = article.mentions.get(speaker="The mayor")
    from claims.services import claim_create_from_mention, evidence_add

    claim = claim_create_from_mention(
        mention=mention, statement="The Old Mill bridge reopens in March", by=journalist
    )
    evidence_add(claim=claim, by=journalist, title="Council minutes")

    page = new_page()
    log_in(page, editor.username)
    page.goto(claim.get_workspace_url())

    page.get_by_text("Assign a task").click()
    page.get_by_label("Title", exact=True).last.fill("Call the city engineer")
    page.get_by_label("Assignee").select_option(label=journalist.username)
    page.get_by_label("Due date").fill("2031-03-01")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".task-list")).to_contain_text("Call the city engineer")

    page.get_by_label("Rating").select_option(label="Mostly false")
    page.get_by_label("Written conclusion").fill("The city's schedule says June, not March.")
    page.get_by_role("button", name="Save verdict").click()
    expect(page.locator(".messages")).to_contain_text("Verdict saved.")

    page.get_by_role("button", name="Approve for the public page").click()
    # hx-boost swaps the page in place: wait for it before the next click.
    expect(page.locator(".messages")).to_contain_text("Evidence approved")
    page.get_by_role("button", name="Request publication").click()
    expect(page.locator(".messages")).to_contain_text("Publication requested.")

    # The requesting editor cannot approve alone: no button for them (issue 12, part 2).
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)
    assert not Claim.objects.published().exists()

    second = new_page()
    log_in(second, editor2.username)
    second.goto(claim.get_workspace_url())
    second.get_by_role("button", name="Approve and publish").click()
    expect(second.locator(".messages")).to_contain_text("Claim published.")

    reader = new_page()
    reader.goto(claim.get_absolute_url())
    expect(reader.locator("h1")).to_have_text("The Old Mill bridge reopens in March")
    expect(reader.locator("main")).to_contain_text("Mostly false")

    task = Task.objects.get()
    assert (task.assignee, str(task.due_date)) == (journalist, "2031-03-01")
    # The task's assignee, and the other editor asked to approve (claims.notifications).
    assert [m.to for m in mailoutbox] == [[journalist.email], [editor2.email]]
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PUBLISHED and claim.verdict.slug == "mostly-false"
    assert claim.history.filter(history_user=editor2, history_change_reason="Published").exists()
