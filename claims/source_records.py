"""Editors keep the record of who speaks: rename a source, change its type, add or remove
its aliases, merge two sources that are one, split off the mentions of another speaker.

Every write is an editor's, audited in SourceEvent (who, when, what; the source's newsroom
page shows it). A merged source's name becomes an alias of the source it went into, so
every later extraction (claims.services.source_get_or_create, sources_for_speakers) maps
that name to the canonical source. Anonymous sources are each their own row: their
description never becomes an alias, and nothing is merged into one.

Readers see a source as the claimant of published claims (claim page, ClaimReview author,
speaker page): a change to a source that has published claims invalidates the public
cache. A claim waiting for a second editor's approval whose claimant is renamed or merged
cannot be approved as it was requested (claims.services.claim_approve_publication compares
the claimant's name with the pinned version): the request is made again, so readers never see
an unapproved claimant. An anonymous source that readers see is never merged into a named
one: that would name, with no correction note and no second editor, who spoke anonymously.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext

from claims.models import Claim, Correction, Mention, Source, SourceAlias, SourceEvent
from claims.permissions import is_editor, require
from claims.public.cache import public_cache_invalidate
from claims.source_names import name_key
from claimtrack.text import clean_text

ONLY_EDITORS = "Only editors change the record of a source."


def _clean_name(name: str) -> str:
    return " ".join(clean_text(name or "").split())[:300]


def _log(source: Source, action: str, summary: str, by: AbstractBaseUser, **detail) -> SourceEvent:
    return SourceEvent.objects.create(
        source=source,
        action=action,
        summary=summary[:500],
        detail=detail,
        by=by,
        merged_source_id=detail.get("merged_id"),
    )


def _published_claims_of(*sources: Source):
    """Published claims readers see one of these sources on: as claimant, or speaking in
    an accepted appearance or response."""
    ids = [s.pk for s in sources]
    accepted = Mention.ReviewState.ACCEPTED
    return Claim.objects.published().filter(
        Q(claimant_id__in=ids)
        | Q(
            pk__in=Mention.objects.filter(source_id__in=ids, review_state=accepted).values(
                "claim_id"
            )
        )
        | Q(
            pk__in=Mention.objects.filter(source_id__in=ids, review_state=accepted).values(
                "responds_to_id"
            )
        )
    )


def _invalidate_if_public(*sources: Source) -> None:
    if _published_claims_of(*sources).exists():
        public_cache_invalidate()


def _named_holder(normalized: str, *, kind: str) -> Source | None:
    """The source a key already leads to: a named source of that type with that name, else
    the source an alias of that spelling names (what source_get_or_create would find)."""
    found = Source.objects.filter(normalized_name=normalized, kind=kind).first()
    if found is None:
        alias = SourceAlias.objects.filter(normalized=normalized).select_related("source").first()
        found = alias.source if alias else None
    return found


def _lock(*sources: Source) -> None:
    """Lock the rows in id order (two editors merging crosswise wait, never deadlock) and
    refuse a source deleted meanwhile (merged by another editor)."""
    ids = sorted(s.pk for s in sources)
    found = set(Source.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    if found != set(ids):
        raise ValidationError(
            gettext("This source no longer exists: another editor merged it. Reload the page.")
        )
    for source in sources:
        source.refresh_from_db()


def _claimant_correction(claims, *, note: str, by: AbstractBaseUser) -> None:
    """Published claims whose claimant readers see change ("Claimed by", the ClaimReview
    author): a correction, as any change of their claimant (claims.services.claim_update),
    with the editor's note in each one's log (which moves its updated date)."""
    published = list(claims.published())
    if not published:
        return
    note = clean_text(note).strip()
    if not note:
        raise ValidationError(
            gettext(
                "%(count)s published claims name this source as their claimant: write the "
                "correction note readers will see."
            )
            % {"count": len(published)}
        )
    Correction.objects.bulk_create(
        Correction(claim=claim, text=note, created_by=by) for claim in published
    )


def source_rename(
    *, source: Source, name: str, by: AbstractBaseUser, correction: str = ""
) -> Source:
    """Give a source its canonical name. The old name stays an alias (extraction keeps
    mapping it here); for an anonymous source the name is its description. Published claims
    it is the claimant of get the `correction` note (required then)."""
    require(is_editor(by), gettext(ONLY_EDITORS))
    name = _clean_name(name)
    normalized = name_key(name)[:300]
    if not normalized:
        raise ValidationError(gettext("Write the source's name."))
    with transaction.atomic():
        _lock(source)
        old_name, old_key = source.name, source.normalized_name
        if name == old_name:
            return source
        if not source.is_anonymous and normalized != old_key:
            holder = _named_holder(normalized, kind=source.kind)
            if holder is not None and holder.pk != source.pk:
                raise ValidationError(
                    gettext(
                        "“%(name)s” already names another source (%(other)s, no. %(id)s): "
                        "merge this source into it instead."
                    )
                    % {"name": name, "other": holder.name, "id": holder.pk}
                )
        _claimant_correction(Claim.objects.filter(claimant=source), note=correction, by=by)
        source.name, source.normalized_name = name, normalized
        source.save(update_fields=["name", "normalized_name"])
        if not source.is_anonymous and normalized != old_key:
            # The new name is no longer an alias of it; the old one becomes one.
            SourceAlias.objects.filter(source=source, normalized=normalized).delete()
            SourceAlias.objects.get_or_create(
                normalized=old_key, defaults={"source": source, "alias": old_name}
            )
        _log(
            source,
            SourceEvent.Action.RENAMED,
            f"“{old_name}” → “{name}”",
            by,
            old=old_name,
            new=name,
        )
        _invalidate_if_public(source)
    return source


def source_set_kind(
    *, source: Source, kind: str, by: AbstractBaseUser, correction: str = ""
) -> Source:
    """Change a source's type (person, organization, …). A named source and an anonymous
    one are different things: neither becomes the other here (split the mentions off).
    Published claims it is the claimant of (their ClaimReview author is a Person or an
    Organization) get the `correction` note (required then)."""
    require(is_editor(by), gettext(ONLY_EDITORS))
    if kind not in Source.Kind.values:
        raise ValidationError(gettext("Unknown type of source “%(value)s”.") % {"value": kind})
    with transaction.atomic():
        _lock(source)
        if kind == source.kind:
            return source
        if Source.Kind.ANONYMOUS in (kind, source.kind):
            raise ValidationError(
                gettext(
                    "A named source cannot become anonymous, nor an anonymous one named: split "
                    "the mentions off into a source of the right type instead."
                )
            )
        clash = Source.objects.filter(normalized_name=source.normalized_name, kind=kind).first()
        if clash is not None:
            raise ValidationError(
                gettext(
                    "There is already a source “%(other)s” of that type (no. %(id)s): merge "
                    "this source into it instead."
                )
                % {"other": clash.name, "id": clash.pk}
            )
        _claimant_correction(Claim.objects.filter(claimant=source), note=correction, by=by)
        old = source.kind
        source.kind = kind
        source.save(update_fields=["kind"])
        labels = dict(Source.Kind.choices)
        _log(
            source,
            SourceEvent.Action.KIND_CHANGED,
            f"{labels[old]} → {labels[kind]}",
            by,
            old=old,
            new=kind,
        )
        _invalidate_if_public(source)  # ClaimReview says Person or Organization
    return source


def source_alias_add(*, source: Source, alias: str, by: AbstractBaseUser) -> SourceAlias:
    """Another way people write this source ("WSJ", "Le Wall Street Journal"): from now on
    extraction maps it here."""
    require(is_editor(by), gettext(ONLY_EDITORS))
    alias = _clean_name(alias)
    normalized = name_key(alias)[:300]
    if source.is_anonymous:
        raise ValidationError(
            gettext("An anonymous source has no aliases: each description is its own source.")
        )
    if not normalized:
        raise ValidationError(gettext("Write the alias."))
    with transaction.atomic():
        _lock(source)
        if normalized == source.normalized_name:
            raise ValidationError(
                gettext("“%(alias)s” is already this source's name (written another way).")
                % {"alias": alias}
            )
        taken = SourceAlias.objects.filter(normalized=normalized).select_related("source").first()
        if taken is not None:
            raise ValidationError(
                gettext("“%(alias)s” is already an alias of %(other)s (no. %(id)s).")
                % {"alias": alias, "other": taken.source.name, "id": taken.source_id}
            )
        other = (
            Source.objects.exclude(kind=Source.Kind.ANONYMOUS)
            .filter(normalized_name=normalized)
            .first()
        )
        if other is not None:
            raise ValidationError(
                gettext(
                    "“%(alias)s” is the name of another source (%(other)s, no. %(id)s): merge "
                    "it into this one instead, and its name becomes an alias."
                )
                % {"alias": alias, "other": other.name, "id": other.pk}
            )
        row = SourceAlias.objects.create(source=source, alias=alias, normalized=normalized)
        _log(source, SourceEvent.Action.ALIAS_ADDED, f"“{alias}”", by, alias=alias)
    return row


def source_alias_remove(*, alias: SourceAlias, by: AbstractBaseUser) -> None:
    """Forget a spelling: later extraction no longer maps it to this source."""
    require(is_editor(by), gettext(ONLY_EDITORS))
    with transaction.atomic():
        source = alias.source
        _lock(source)
        alias.delete()
        _log(source, SourceEvent.Action.ALIAS_REMOVED, f"“{alias.alias}”", by, alias=alias.alias)


def _refuse_naming_anonymous(source: Source, *, chosen, claims: bool = False) -> None:
    """Refuse to give a named source an anonymous one's statements that readers see (the
    `chosen` mentions accepted in published claims, or published `claims` it is the claimant
    of): their claim pages and the named source's speaker page would tell readers who spoke
    anonymously, with no correction note and no second editor."""
    accepted = chosen.filter(review_state=Mention.ReviewState.ACCEPTED)
    seen = claims or (
        Claim.objects.published()
        .filter(
            Q(claimant=source)
            | Q(pk__in=accepted.values("claim_id"))
            | Q(pk__in=accepted.values("responds_to_id"))
        )
        .exists()
    )
    if seen:
        raise ValidationError(
            gettext(
                "“%(name)s” is an anonymous source of published claims: giving its statements "
                "to a named source would name it to readers. Leave it anonymous, or correct "
                "each appearance's speaker (and the claimant) with a correction note."
            )
            % {"name": source.name}
        )


def source_merge(
    *, source: Source, into: Source, by: AbstractBaseUser, correction: str = ""
) -> Source:
    """Merge `source` into `into` (they are one speaker): its mentions, the claims it is the
    claimant of, its aliases and its log move to `into`; its name becomes an alias of `into`
    (never an anonymous description), and `source` is deleted. Published claims that get
    `into` as claimant under another name get the `correction` note (required then)."""
    require(is_editor(by), gettext("Only editors merge sources."))
    if source.pk == into.pk:
        raise ValidationError(gettext("A source cannot be merged into itself."))
    if into.is_anonymous:
        raise ValidationError(
            gettext(
                "Nothing is merged into an anonymous source: an anonymous description is not "
                "a name, and two unnamed sources need not be one person. Merge into a named "
                "source, or split the mentions off."
            )
        )
    with transaction.atomic():
        _lock(source, into)
        if source.is_anonymous:
            _refuse_naming_anonymous(source, chosen=Mention.objects.filter(source=source))
        public = _published_claims_of(source, into).exists()
        if into.name != source.name:
            _claimant_correction(Claim.objects.filter(claimant=source), note=correction, by=by)
        mentions = Mention.objects.filter(source=source).update(source=into)
        claims = Claim.objects.filter(claimant=source).update(claimant=into)
        moved_aliases = 0
        for alias in SourceAlias.objects.filter(source=source):
            if alias.normalized == into.normalized_name and source.kind == into.kind:
                alias.delete()  # into's own name
            else:
                alias.source = into
                alias.save(update_fields=["source"])
                moved_aliases += 1
        if not source.is_anonymous and not (
            source.normalized_name == into.normalized_name and source.kind == into.kind
        ):
            # The merged name maps to `into` from now on, whatever named it before.
            SourceAlias.objects.update_or_create(
                normalized=source.normalized_name, defaults={"source": into, "alias": source.name}
            )
        SourceEvent.objects.filter(source=source).update(source=into)
        merged_id, merged_name = source.pk, source.name
        source.delete()
        _log(
            into,
            SourceEvent.Action.MERGED,
            gettext(
                "“%(name)s” (no. %(id)s) merged in: %(mentions)s mentions, claimant of "
                "%(claims)s claims."
            )
            % {"name": merged_name, "id": merged_id, "mentions": mentions, "claims": claims},
            by,
            merged_id=merged_id,
            merged_name=merged_name,
            mentions=mentions,
            claims=claims,
            aliases=moved_aliases,
        )
        if public:
            public_cache_invalidate()
    return into


def _target_for_split(source: Source, name: str, kind: str) -> tuple[Source, bool]:
    """(the source the mentions go to, whether it is new): a named source already known by
    that name (or alias) takes them; an anonymous description is always a new source."""
    normalized = name_key(name)[:300]
    if kind == Source.Kind.ANONYMOUS:
        return Source(name=name, normalized_name=normalized, kind=kind), True
    holder = _named_holder(normalized, kind=kind)
    if holder is not None and holder.pk == source.pk:
        raise ValidationError(
            gettext(
                "“%(name)s” is this source's own name or alias: give the other speaker's name "
                "(remove the alias first if it belongs to them)."
            )
            % {"name": name}
        )
    if holder is not None:
        return holder, False
    return Source(name=name, normalized_name=normalized, kind=kind), True


def source_split(
    *,
    source: Source,
    mentions: list[Mention],
    name: str,
    kind: str,
    by: AbstractBaseUser,
    correction: str = "",
) -> Source:
    """Move chosen mentions of `source` to another speaker: a new source named `name` of
    type `kind`, or the named source already known by that name.

    A claim whose claimant is `source` moves with them when all of its mentions spoken by
    `source` are among the chosen ones (they were its only justification). A published claim
    changing claimant is a correction readers see: it needs a note, which lands in its
    correction log; a claim waiting for approval is locked (withdraw the request first).
    """
    require(is_editor(by), gettext("Only editors split sources."))
    name = _clean_name(name)
    if not name:
        raise ValidationError(gettext("Write the name (or description) of the other speaker."))
    if kind not in Source.Kind.values:
        raise ValidationError(gettext("Unknown type of source “%(value)s”.") % {"value": kind})
    ids = {m.pk for m in mentions}
    if not ids:
        raise ValidationError(gettext("Choose the mentions to move to the other speaker."))
    with transaction.atomic():
        _lock(source)
        chosen = Mention.objects.filter(pk__in=ids, source=source)
        if chosen.count() != len(ids):
            raise ValidationError(
                gettext("Some of the chosen mentions are not this source's (any more): reload.")
            )
        claim_ids = set(
            Claim.objects.filter(claimant=source, mentions__pk__in=ids).values_list("pk", flat=True)
        )
        still_spoken = set(
            Mention.objects.filter(source=source, claim_id__in=claim_ids)
            .exclude(pk__in=ids)
            .values_list("claim_id", flat=True)
        )
        moving = Claim.objects.filter(pk__in=claim_ids - still_spoken)
        if moving.filter(status=Claim.Status.IN_REVIEW).exists():
            raise ValidationError(
                gettext(
                    "A claim whose claimant would change waits for a second editor's approval: "
                    "withdraw that request first."
                )
            )
        published = list(moving.filter(status=Claim.Status.PUBLISHED))
        if source.is_anonymous and kind != Source.Kind.ANONYMOUS:
            _refuse_naming_anonymous(source, chosen=chosen, claims=bool(published))
        note = clean_text(correction).strip()
        if published and not note:
            raise ValidationError(
                gettext(
                    "%(count)s published claims would get another claimant: write the "
                    "correction note readers will see."
                )
                % {"count": len(published)}
            )
        public = bool(published) or (
            Claim.objects.published()
            .filter(Q(pk__in=chosen.values("claim_id")) | Q(pk__in=chosen.values("responds_to_id")))
            .exists()
        )
        target, new = _target_for_split(source, name, kind)
        if new:
            target.save()
        else:
            _lock(target)
        moved = chosen.update(source=target)
        claims = moving.update(claimant=target)
        Correction.objects.bulk_create(
            Correction(claim=claim, text=note, created_by=by) for claim in published
        )
        _log(
            source,
            SourceEvent.Action.SPLIT_OFF,
            gettext("%(mentions)s mentions and %(claims)s claims moved to “%(name)s” (no. %(id)s).")
            % {"mentions": moved, "claims": claims, "name": target.name, "id": target.pk},
            by,
            to_id=target.pk,
            to_name=target.name,
            mentions=moved,
            claims=claims,
        )
        _log(
            target,
            SourceEvent.Action.SPLIT_INTO,
            gettext(
                "%(mentions)s mentions and %(claims)s claims came from “%(name)s” (no. %(id)s)."
            )
            % {"mentions": moved, "claims": claims, "name": source.name, "id": source.pk},
            by,
            from_id=source.pk,
            from_name=source.name,
            mentions=moved,
            claims=claims,
        )
        if public:
            public_cache_invalidate()
    return target
