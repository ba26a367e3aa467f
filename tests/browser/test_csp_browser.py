"""The Content-Security-Policy in a real browser: the main pages work under it and break none
of its rules (no inline script or style, nothing from elsewhere)."""

import pytest
from playwright.sync_api import expect

from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every violation the page reports, and what the console says about the policy.
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def watched(new_page):
    page = new_page()
    page.add_init_script(WATCH)
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return page


def visit(page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 200, path
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, path
    page.wait_for_load_state("load")


def assert_no_violation(page) -> None:
    page.wait_for_timeout(200)  # violation events are dispatched asynchronously
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in page.console_errors if "Content Security Policy" in m] == []


@pytest.fixture
def claim(publish, journalist):
    claim = publish(statement="The ferry runs all winter", created_by=journalist)
    EvidenceFactory(claim=claim, title="Timetable", is_approved=True)
    article = ArticleFactory(
        title="Ferry story", text="The captain said that the ferry runs all winter."
    )
    MentionFactory(
        article=article, claim=claim, speaker="The captain", content="the ferry runs all winter",
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    return claim


def test_public_pages_and_login_break_no_rule_of_the_policy(new_page, claim):
    page = watched(new_page)
    for path in ["/", "/claims/", claim.get_absolute_url(), "/claims/about/methodology/",
                 "/accounts/login/", "/admin/login/"]:  # fmt: skip
        visit(page, path)
        assert_no_violation(page)
    page.goto(claim.get_absolute_url())
    page.get_by_role("button", name="Français").click()  # the language switch posts a form
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert_no_violation(page)


def test_review_and_workspace_work_under_the_policy(new_page, claim, journalist):
    article = ArticleFactory(
        title="Bridge story", text="The mayor said that the bridge would reopen in March."
    )
    MentionFactory(article=article)
    draft = ClaimFactory(statement="The bridge reopens in March", created_by=journalist)
    page = watched(new_page)
    log_in(page, journalist.username)
    assert_no_violation(page)
    visit(page, f"/review/articles/{article.pk}/")
    page.keyboard.press("j")  # review.js: shortcuts
    page.keyboard.press("r")  # htmx: the card is swapped in place
    expect(page.locator(".mention-card").first).to_contain_text("Rejected")
    assert_no_violation(page)
    for path in [article.get_absolute_url(), "/review/", draft.get_workspace_url()]:
        visit(page, path)
        assert_no_violation(page)
    page.get_by_label("Title").fill("Harbour notice")
    page.get_by_role("button", name="Add evidence").click()  # hx-boost posts and swaps
    expect(page.locator(".messages")).to_contain_text("Evidence added.")
    assert_no_violation(page)
