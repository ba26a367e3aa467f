"""Claim services clean the text people type or paste: no NUL, lone surrogate or control
character reaches the database (PostgreSQL refuses NUL) or the public XML."""

import pytest

from claims import services
from claims.models import Claim
from tests.factories import ClaimFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

DIRTY = "Line one\x0bline two\x00 and \ud800three\x01."
CLEAN = "Line one\nline two and three."


def test_verdict_conclusion_and_correction_are_cleaned(editor, ratings):
    claim = ClaimFactory(statement="The port sold six cranes")
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion=DIRTY, by=editor)
    assert Claim.objects.get(pk=claim.pk).conclusion == CLEAN


def test_statement_claimant_comment_evidence_and_task_notes_are_cleaned(editor, journalist):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The port\x00 sold \ud800six cranes", by=journalist
    )
    assert claim.statement == "The port sold six cranes"
    services.claim_update(
        claim=claim, by=editor, statement="The port sold\x0bsix cranes\x01",
        claimant_name="Port\x00 authority",
    )  # fmt: skip
    claim.refresh_from_db()
    assert claim.statement == "The port sold six cranes"
    assert claim.claimant.name == "Port authority"
    assert services.comment_add(claim=claim, by=editor, body=DIRTY).body == CLEAN
    evidence = services.evidence_add(claim=claim, by=editor, title="Minutes\x00", note=DIRTY)
    evidence.refresh_from_db()
    assert (evidence.title, evidence.note) == ("Minutes", CLEAN)
    task = services.task_create(
        claim=claim, by=editor, assignee=journalist, title="Call\x00 them", notes=DIRTY
    )
    task.refresh_from_db()
    assert (task.title, task.notes) == ("Call them", CLEAN)


def test_correction_and_unpublish_notes_are_cleaned(editor, editor2, publish):
    from claims.published_changes import pending_change_approve, pending_change_of

    claim = publish(statement="The port sold six cranes")
    services.claim_set_verdict(
        claim=claim, verdict=claim.verdict, conclusion="New conclusion", by=editor,
        correction=DIRTY,
    )  # fmt: skip
    change = pending_change_of(claim)
    assert change.note == CLEAN  # the waiting change holds the cleaned note
    pending_change_approve(change=change, by=editor2)
    assert claim.corrections.get().text == CLEAN
    services.claim_unpublish(claim=claim, by=editor, reason=DIRTY)
    assert claim.corrections.order_by("id").last().text == CLEAN
