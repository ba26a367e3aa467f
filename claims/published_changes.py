"""A published verdict changes only with two editors.

Changing the ruling of a published claim (its verdict, conclusion or sourcing) makes a
PendingChange: readers keep the approved version (page, JSON-LD, feeds) until a second editor
approves it. Approval applies it and writes a public Correction that records, beside the
requester's note, what changed from → to. The requester may withdraw it, never approve it.

Statement and claimant edits of a published claim stay direct corrections (an editor, a note):
they do not change the ruling readers rely on.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from claims import notifications
from claims.models import Claim, Correction, PendingChange, Rating
from claims.permissions import can_publish, require
from claims.public.cache import public_cache_invalidate
from claimtrack.text import clean_text

RULING_PARTS = ("verdict_id", "sourcing", "conclusion")


def ruling_changes(*, before: Claim, after) -> list[dict]:
    """What differs between two rulings (a claim and a claim or a pending change), as the
    structured lines of the correction log: labels as they were when the change was made."""
    changes = []
    if before.verdict_id != after.verdict_id:
        labels = {
            pk: (label, label_fr or label)
            for pk, label, label_fr in Rating.objects.filter(
                pk__in=[before.verdict_id, after.verdict_id]
            ).values_list("pk", "label", "label_fr")
        }
        old, new = labels.get(before.verdict_id, ("", "")), labels.get(after.verdict_id, ("", ""))
        # Both languages, as the scale read then: the log says what readers saw at the time.
        changes.append(
            {"part": "verdict", "from": old[0], "to": new[0], "from_fr": old[1], "to_fr": new[1]}
        )
    if before.sourcing != after.sourcing:
        sourcing = dict(Claim.Sourcing.choices)
        changes.append(
            {
                "part": "sourcing",
                "from": str(sourcing.get(before.sourcing, before.sourcing)),
                "to": str(sourcing.get(after.sourcing, after.sourcing)),
                "from_code": before.sourcing,
                "to_code": after.sourcing,
            }
        )
    if before.conclusion != after.conclusion:
        changes.append({"part": "conclusion"})
    return changes


def pending_change_of(claim: Claim) -> PendingChange | None:
    """The change waiting for a second editor on this claim, if any."""
    return (
        PendingChange.objects.filter(claim_id=claim.pk)
        .select_related("verdict", "requested_by")
        .first()
    )


def pending_change_request(
    *, claim: Claim, proposed: Claim, by: AbstractBaseUser, note: str
) -> PendingChange:
    """Propose a new ruling (`proposed`: the edited, unsaved claim) for a published `claim`
    (as the database has it). Called by claims.services.claim_save inside its transaction,
    after its checks (an editor, a note)."""
    require(can_publish(by), gettext("Only editors change the verdict of a published claim."))
    note = clean_text(note).strip()
    if not note:
        raise ValidationError(
            gettext("This claim is published: describe the change in a correction note.")
        )
    if PendingChange.objects.filter(claim_id=claim.pk).exists():
        raise ValidationError(
            gettext(
                "A change of this claim already waits for a second editor: "
                "approve or withdraw it first."
            )
        )
    if not proposed.verdict_id:
        raise ValidationError(
            gettext("A published claim needs a verdict: unpublish it before withdrawing it.")
        )
    change = PendingChange.objects.create(
        claim_id=claim.pk,
        verdict_id=proposed.verdict_id,
        conclusion=proposed.conclusion,
        sourcing=proposed.sourcing,
        note=note,
        requested_by=by,
    )
    notifications.notification_publication_requested(claim=claim, by=by, change=change)
    return change


def pending_change_approve(*, change: PendingChange, by: AbstractBaseUser) -> Claim:
    """A second editor approves: the claim takes the proposed ruling, readers see it (the
    public cache is invalidated) with a correction saying what changed, from → to."""
    require(can_publish(by), gettext("Only editors approve changes of published claims."))
    if change.requested_by_id == by.pk:
        raise PermissionDenied(gettext("A second editor must approve: you asked for this change."))
    with transaction.atomic():
        claim = Claim.objects.select_for_update().get(pk=change.claim_id)
        change = PendingChange.objects.select_for_update().filter(pk=change.pk).first()
        if change is None:
            raise ValidationError(gettext("This change was approved or withdrawn already."))
        if claim.status != Claim.Status.PUBLISHED:
            raise ValidationError(gettext("This claim is no longer published."))
        changes = ruling_changes(before=claim, after=change)
        claim.verdict_id = change.verdict_id
        claim.conclusion = change.conclusion
        claim.sourcing = change.sourcing
        claim._history_user = by
        claim._change_reason = "Change approved"
        claim.save()
        Correction.objects.create(
            claim=claim, text=change.note, changes=changes, created_by=change.requested_by
        )
        change.delete()
    public_cache_invalidate()
    return claim


def pending_change_withdraw(*, change: PendingChange, by: AbstractBaseUser) -> None:
    """The requester takes their proposed change back; readers never saw it."""
    require(can_publish(by), gettext("Only editors withdraw changes."))
    if change.requested_by_id != by.pk:
        raise PermissionDenied(gettext("Only the editor who asked for this change withdraws it."))
    PendingChange.objects.filter(pk=change.pk).delete()
