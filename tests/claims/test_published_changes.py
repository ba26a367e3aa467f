"""A published verdict changes only with two editors (issue 12, part 2)."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from claims import published_changes, selectors, services
from claims.models import Claim, Correction, PendingChange
from tests.factories import ClaimFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

NOTE = "The ministry published the tender documents on Tuesday."


@pytest.fixture
def published(editor, editor2, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The harbour tunnel opens in June", by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="The works run late.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Works schedule", url="https://e.org/w")
    services.claim_request_publication(claim=claim, by=editor)
    return services.claim_approve_publication(claim=claim, by=editor2)


def _propose(claim, editor, ratings, verdict="mostly-true", note=NOTE):
    return services.claim_set_verdict(
        claim=claim,
        verdict=ratings[verdict],
        conclusion="The tender shows a June date.",
        by=editor,
        correction=note,
    )


def test_a_verdict_change_of_a_published_claim_waits_for_a_second_editor(
    published, editor, ratings
):
    _propose(published, editor, ratings)
    published.refresh_from_db()
    assert published.verdict == ratings["false"]
    assert published.conclusion == "The works run late."
    assert not published.corrections.exists()
    change = PendingChange.objects.get(claim=published)
    assert (change.verdict, change.requested_by, change.note) == (
        ratings["mostly-true"],
        editor,
        NOTE,
    )


def test_the_requester_cannot_approve_their_own_change(published, editor, ratings):
    _propose(published, editor, ratings)
    change = PendingChange.objects.get(claim=published)
    with pytest.raises(PermissionDenied):
        published_changes.pending_change_approve(change=change, by=editor)
    published.refresh_from_db()
    assert published.verdict == ratings["false"]


def test_a_second_editor_approves_and_the_correction_says_what_changed(
    published, editor, editor2, ratings
):
    _propose(published, editor, ratings)
    change = PendingChange.objects.get(claim=published)
    published_changes.pending_change_approve(change=change, by=editor2)
    published.refresh_from_db()
    assert published.verdict == ratings["mostly-true"]
    assert published.conclusion == "The tender shows a June date."
    correction = Correction.objects.get(claim=published)
    assert correction.text == NOTE
    assert correction.changes[1] == {"part": "conclusion"}
    verdict = correction.changes[0]
    assert (verdict["part"], verdict["from"], verdict["to"]) == ("verdict", "False", "Mostly true")
    assert correction.change_lines == ["Verdict: False → Mostly true", "Conclusion updated."]
    # Read in French, the log names the ratings as the French scale named them then.
    from django.utils import translation

    with translation.override("fr"):
        line = correction.change_lines[0]
    assert line.startswith("Verdict") and "False" not in line
    assert verdict["from_fr"] in line and verdict["to_fr"] in line
    assert not PendingChange.objects.exists()


def test_a_sourcing_change_is_pending_too_and_logged_by_its_label(published, editor, editor2):
    services.claim_update(
        claim=published, by=editor, statement=published.statement, sourcing="documentary",
        correction=NOTE,
    )  # fmt: skip
    published.refresh_from_db()
    assert published.sourcing == Claim.Sourcing.UNASSESSED
    published_changes.pending_change_approve(
        change=PendingChange.objects.get(claim=published), by=editor2
    )
    published.refresh_from_db()
    assert published.sourcing == Claim.Sourcing.DOCUMENTARY
    correction = published.corrections.get()
    assert correction.changes == [
        {"part": "sourcing", "from": "Not assessed yet", "to": "Documentary",
         "from_code": "unassessed", "to_code": "documentary"}
    ]  # fmt: skip
    assert correction.change_lines == ["Sourcing: Not assessed yet → Documentary"]
    from django.utils import translation

    with translation.override("fr"):
        assert "Documentary" not in correction.change_lines[0]


def test_a_change_needs_a_note(published, editor, ratings):
    with pytest.raises(ValidationError, match="correction note"):
        _propose(published, editor, ratings, note="  ")
    assert not PendingChange.objects.exists()


def test_journalists_cannot_propose_a_new_verdict(published, journalist, ratings):
    with pytest.raises(PermissionDenied):
        _propose(published, journalist, ratings)
    assert not PendingChange.objects.exists()


def test_only_one_change_waits_at_a_time(published, editor, editor2, ratings):
    _propose(published, editor, ratings)
    with pytest.raises(ValidationError, match="already waits"):
        _propose(published, editor2, ratings, verdict="mixed")
    assert PendingChange.objects.get().verdict == ratings["mostly-true"]


def test_the_requester_withdraws_and_nobody_else_can(published, editor, editor2, ratings):
    _propose(published, editor, ratings)
    change = PendingChange.objects.get()
    with pytest.raises(PermissionDenied):
        published_changes.pending_change_withdraw(change=change, by=editor2)
    published_changes.pending_change_withdraw(change=change, by=editor)
    assert not PendingChange.objects.exists()
    published.refresh_from_db()
    assert published.verdict == ratings["false"] and not published.corrections.exists()


def test_a_withdrawn_change_cannot_be_approved_afterwards(published, editor, editor2, ratings):
    _propose(published, editor, ratings)
    change = PendingChange.objects.get()
    published_changes.pending_change_withdraw(change=change, by=editor)
    with pytest.raises(ValidationError, match="already"):
        published_changes.pending_change_approve(change=change, by=editor2)


def test_unpublishing_lets_a_pending_change_lapse(published, editor, editor2, ratings):
    _propose(published, editor, ratings)
    services.claim_unpublish(claim=published, by=editor2, reason="The ministry retracted it.")
    assert not PendingChange.objects.exists()
    assert published.corrections.get().kind == Correction.Kind.UNPUBLISHED


def test_a_statement_edit_stays_a_direct_correction(published, editor):
    services.claim_update(
        claim=published, by=editor, statement="The harbour tunnel opens in late June",
        correction="Wording follows the minister's statement.",
    )  # fmt: skip
    published.refresh_from_db()
    assert published.statement == "The harbour tunnel opens in late June"
    assert published.corrections.get().changes == []
    assert not PendingChange.objects.exists()


def test_without_second_approval_the_change_applies_and_is_logged(
    published, editor, ratings, settings
):
    settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL = False
    _propose(published, editor, ratings)
    published.refresh_from_db()
    assert published.verdict == ratings["mostly-true"]
    assert published.corrections.get().changes[0] == {
        "part": "verdict",
        "from": "False",
        "to": "Mostly true",
        "from_fr": "Faux",
        "to_fr": "Plutôt vrai",
    }


def test_merging_into_a_published_claim_needs_a_note(published, editor):
    duplicate = ClaimFactory(statement="Harbour tunnel to open in June")
    with pytest.raises(ValidationError, match="correction note"):
        services.claim_merge(claim=duplicate, into=published, by=editor)
    assert Claim.objects.filter(pk=duplicate.pk).exists()
    services.claim_merge(claim=duplicate, into=published, by=editor, correction=NOTE)
    assert not Claim.objects.filter(pk=duplicate.pk).exists()
    assert published.corrections.get().text == NOTE


def test_the_board_lists_what_waits_for_my_approval_only(published, editor, editor2, ratings):
    _propose(published, editor, ratings)
    draft = ClaimFactory(statement="The ferry fares double")
    services.claim_set_verdict(claim=draft, verdict=ratings["false"], conclusion="No.", by=editor2)
    services.evidence_add(claim=draft, by=editor2, title="Fare table")
    services.claim_request_publication(claim=draft, by=editor2)
    mine = selectors.awaiting_approval_of(editor2)
    assert [(i["kind"], i["claim"]) for i in mine] == [("change", published)]
    theirs = selectors.awaiting_approval_of(editor)
    assert [(i["kind"], i["claim"]) for i in theirs] == [("publication", draft)]


def test_readers_see_the_old_verdict_until_approval_then_the_change_line(
    client, published, editor, editor2, ratings
):
    url = published.get_absolute_url()
    _propose(published, editor, ratings)
    page = client.get(url).content.decode()
    assert "False" in page and "Mostly true" not in page
    jsonld = json.dumps(page.split('application/ld+json">', 1)[-1])
    assert "Mostly true" not in jsonld
    feed = client.get(reverse("claims:feed")).content.decode()
    assert "Mostly true" not in feed and "The tender shows" not in feed
    published_changes.pending_change_approve(change=PendingChange.objects.get(), by=editor2)
    page = client.get(url).content.decode()
    assert "Verdict: False → Mostly true" in page
    assert "Conclusion updated." in page
    assert NOTE in page
    assert "The tender shows a June date." in page


# --- Views ------------------------------------------------------------------------------


@pytest.fixture
def change(published, editor, ratings):
    _propose(published, editor, ratings)
    return PendingChange.objects.get()


def test_approving_a_change_needs_login(client, change):
    response = client.post(reverse("review:change-approve", args=[change.pk]))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert PendingChange.objects.exists()


def test_journalists_cannot_approve_or_withdraw_a_change(journalist_client, change):
    for name in ["review:change-approve", "review:change-withdraw"]:
        assert journalist_client.post(reverse(name, args=[change.pk])).status_code == 403
    assert PendingChange.objects.exists()


def test_the_requester_sees_no_approve_button_and_is_refused(client, editor, change):
    client.force_login(editor)
    page = client.get(reverse("review:claim", args=[change.claim_id])).content.decode()
    assert "Change waiting for a second editor" in page
    assert reverse("review:change-approve", args=[change.pk]) not in page
    assert reverse("review:change-withdraw", args=[change.pk]) in page
    response = client.post(reverse("review:change-approve", args=[change.pk]))
    assert response.status_code == 403
    assert PendingChange.objects.exists()


def test_a_second_editor_sees_the_button_and_approves(client, editor2, change, ratings):
    client.force_login(editor2)
    page = client.get(reverse("review:claim", args=[change.claim_id])).content.decode()
    assert reverse("review:change-approve", args=[change.pk]) in page
    assert reverse("review:change-withdraw", args=[change.pk]) not in page
    board = client.get(reverse("review:board")).content.decode()
    assert "Waiting for my approval" in board and "The harbour tunnel opens in June" in board
    response = client.post(reverse("review:change-approve", args=[change.pk]))
    assert response.status_code == 302
    assert Claim.objects.get(pk=change.claim_id).verdict == ratings["mostly-true"]


def test_another_editor_cannot_withdraw_the_change(client, editor2, change):
    client.force_login(editor2)
    assert client.post(reverse("review:change-withdraw", args=[change.pk])).status_code == 403
    assert PendingChange.objects.exists()


def test_the_requester_withdraws_from_the_workspace(client, editor, change):
    client.force_login(editor)
    response = client.post(reverse("review:change-withdraw", args=[change.pk]))
    assert response.status_code == 302
    assert not PendingChange.objects.exists()


def test_the_verdict_form_tells_the_editor_it_waits(client, editor, published, ratings):
    client.force_login(editor)
    response = client.post(
        reverse("review:claim-verdict", args=[published.pk]),
        {"verdict": ratings["mixed"].pk, "conclusion": "Partly.", "correction": NOTE},
        follow=True,
    )
    assert "until a second editor approves your change" in response.content.decode()
    assert PendingChange.objects.get().verdict == ratings["mixed"]


def test_no_approve_button_for_ones_own_publication_request(client, editor, editor2, ratings):
    claim = ClaimFactory(statement="The ferry fares double")
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.evidence_add(claim=claim, by=editor, title="Fare table")
    services.claim_request_publication(claim=claim, by=editor)
    approve = reverse("review:claim-approve", args=[claim.pk])
    client.force_login(editor)
    assert approve not in client.get(reverse("review:claim", args=[claim.pk])).content.decode()
    response = client.post(approve, follow=True)
    assert "A second editor must approve" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW
    client.force_login(editor2)
    assert approve in client.get(reverse("review:claim", args=[claim.pk])).content.decode()
