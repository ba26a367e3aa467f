"""A published verdict changes only with two editors, in a real browser (issue 12, part 2):
editor A proposes, editor B approves in a second browser context, readers see the change."""

import pytest
from playwright.sync_api import expect

from claims import services
from tests.browser.helpers import log_in
from tests.factories import MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(editor, editor2, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The night trains return in April", by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="No timetable says so.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Rail timetable 2027")
    services.claim_request_publication(claim=claim, by=editor)
    return services.claim_approve_publication(claim=claim, by=editor2)


def test_editor_b_approves_the_verdict_editor_a_changed(new_page, editor, editor2, published):
    first = new_page()
    log_in(first, editor.username)
    first.goto(published.get_workspace_url())
    first.get_by_label("Rating").select_option(label="Mostly true")
    first.get_by_label("Written conclusion").fill("The operator's April timetable lists them.")
    first.locator("#id_verdict_correction").fill("The operator published its April timetable.")
    first.get_by_role("button", name="Save verdict").click()
    expect(first.locator(".messages")).to_contain_text("until a second editor approves")
    expect(first.locator(".pending-change")).to_contain_text("Mostly true")
    expect(first.get_by_role("button", name="Approve the change")).to_have_count(0)

    reader = new_page()
    reader.goto(published.get_absolute_url())
    expect(reader.locator("main")).to_contain_text("False")
    expect(reader.locator("main")).not_to_contain_text("Mostly true")

    second = new_page()
    log_in(second, editor2.username)
    second.goto("/review/board/")
    second.get_by_role("link", name="The night trains return in April").click()
    second.get_by_role("button", name="Approve the change").click()
    expect(second.locator(".messages")).to_contain_text("Change approved")

    reader.reload()
    expect(reader.locator("main")).to_contain_text("Mostly true")
    expect(reader.locator(".correction-log")).to_contain_text("Verdict: False → Mostly true")
    expect(reader.locator(".correction-log")).to_contain_text(
        "The operator published its April timetable."
    )
