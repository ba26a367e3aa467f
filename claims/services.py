"""Writes on sources, mentions and claims."""

import datetime
import logging
import random
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop

from articles.models import Article
from claims import decisions, drift, extraction, notifications, published_changes, responses, spans
from claims.extraction.types import HEDGES
from claims.models import (
    Annotation,
    AnnotationAssignment,
    AnnotationRound,
    ArticleQuality,
    Claim,
    Comment,
    Correction,
    Evidence,
    Mention,
    Rating,
    ReviewDecision,
    Source,
    SourceAlias,
    Task,
)
from claims.permissions import (
    can_assign,
    can_edit_claim,
    can_publish,
    can_review,
    is_editor,
    require,
)
from claims.public.cache import public_cache_invalidate
from claims.source_names import name_key, split_title
from claimtrack.text import clean_text

logger = logging.getLogger(__name__)

ERROR_EXTRACTION = (
    "Claim extraction stopped on an unexpected problem with this article's text. "
    "The article is kept; the technical team has the details in the worker log."
)
ERROR_TOO_LONG = (
    "This article is too long or unusual to analyse in the time allowed ({chars:,} "
    "characters): split it, or paste the main text only, and submit it again."
)
ERROR_TOO_MANY_ATTEMPTS = (
    "Claim extraction of this article was started {count} times without finishing: it is "
    "too long or unusual to analyse in the time allowed, or workers stopped in the middle of "
    "it. Split it, or paste the main text only, and submit it again."
)


def _normalize_name(name: str) -> str:
    # Articles, case, accents, punctuation and known abbreviations: claims.source_names.
    return name_key(name)


def _speaker_name(name: str, kind: str) -> tuple[str, str]:
    """(title, name) of a speaker: a titled person is the person, the title kept apart."""
    name = " ".join(clean_text(name).split())[:300]
    if kind in ("", Source.Kind.PERSON):
        return split_title(name)
    return "", name


def _aliased(keys: set[str]) -> dict[str, Source]:
    """The sources that aliases (SourceAlias) name, by normalised alias."""
    if not keys:
        return {}
    found = SourceAlias.objects.filter(normalized__in=keys).select_related("source")
    return {a.normalized: a.source for a in found}


def source_get_or_create(*, name: str, kind: str, titled: bool = True) -> Source:
    """The source speaking: named sources are shared, each anonymous one is new.

    "le WSJ" finds the Wall Street Journal (normalised names and aliases); "le ministre Paul
    Martin" is the person Paul Martin (the title is the mention's, see _speaker_name), unless
    `titled` is False: a name an editor typed is kept as typed.
    """
    if kind not in Source.Kind.values:
        kind = Source.Kind.PERSON
    if titled:
        _, name = _speaker_name(name, kind)
    else:
        name = " ".join(clean_text(name).split())[:300]
    normalized = _normalize_name(name)[:300]
    if kind == Source.Kind.ANONYMOUS:
        return Source.objects.create(name=name, normalized_name=normalized, kind=kind)
    source = Source.objects.filter(normalized_name=normalized, kind=kind).first()
    if source is None:
        source = _aliased({normalized}).get(normalized)
    if source is not None:
        return source
    try:
        with transaction.atomic():
            return Source.objects.create(name=name, normalized_name=normalized, kind=kind)
    except IntegrityError:  # created meanwhile by another worker
        return Source.objects.get(normalized_name=normalized, kind=kind)


def source_alias_learn(*, source: Source, alias: str) -> SourceAlias | None:
    """Remember that `alias` names `source` (a journalist corrected a speaker written so);
    an alias already naming a source, or the source's own name, is left as it is."""
    normalized = _normalize_name(alias)[:300]
    if not normalized or normalized == source.normalized_name or source.kind == "anonymous":
        return None
    # Only a spelling of the same name: its words all in the name ("Romanenko"), or its
    # initials ("IMF"). "he" or "the minister" corrected to a name say which person spoke
    # here, not what those words always mean.
    words = source.normalized_name.split()
    initials = "".join(w[0] for w in words if w not in {"of", "de", "des", "du", "la", "the"})
    if not (set(normalized.split()) <= set(words) or normalized.replace(" ", "") == initials):
        return None
    alias_row, _ = SourceAlias.objects.get_or_create(
        normalized=normalized, defaults={"source": source, "alias": alias[:300]}
    )
    return alias_row


def sources_for_speakers(speakers: list[tuple[str, str]]) -> list[Source]:
    """The sources of many (name, kind) speakers at once, in order, with a few queries.

    Named sources are shared (looked up together, by name and by alias, the missing ones
    inserted together); each anonymous speaker gets a source of its own, as in
    source_get_or_create.
    """
    keys = []
    for name, kind in speakers:
        kind = kind if kind in Source.Kind.values else Source.Kind.PERSON
        _, name = _speaker_name(name, kind)
        keys.append((name, _normalize_name(name)[:300], kind))
    named = {(norm, kind): name for name, norm, kind in keys if kind != Source.Kind.ANONYMOUS}

    def lookup() -> dict[tuple[str, str], Source]:
        if not named:
            return {}
        found = Source.objects.filter(
            normalized_name__in={norm for norm, _ in named},
            kind__in={kind for _, kind in named},
        )
        known = {(s.normalized_name, s.kind): s for s in found}
        aliased = _aliased({norm for norm, kind in named if (norm, kind) not in known})
        for norm, kind in named:
            if (norm, kind) not in known and norm in aliased:
                known[(norm, kind)] = aliased[norm]
        return known

    known = lookup()
    missing = [key for key in named if key not in known]
    if missing:
        # ignore_conflicts: another worker may insert the same speaker meanwhile.
        Source.objects.bulk_create(
            [Source(name=named[key], normalized_name=key[0], kind=key[1]) for key in missing],
            ignore_conflicts=True,
        )
        known = lookup()
    anonymous = Source.objects.bulk_create(
        [
            Source(name=name, normalized_name=norm, kind=kind)
            for name, norm, kind in keys
            if kind == Source.Kind.ANONYMOUS
        ]
    )
    fresh = iter(anonymous)
    return [
        next(fresh) if kind == Source.Kind.ANONYMOUS else known[(norm, kind)]
        for _, norm, kind in keys
    ]


def extraction_time_limits(text_length: int) -> tuple[float, float]:
    """(soft, hard) Celery time limits in seconds for extracting a text of that length."""
    soft = min(
        settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_BASE
        + settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_PER_KCHAR * text_length / 1000,
        settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_MAX,
    )
    return soft, soft + settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_GRACE


def _extraction_take(article: Article) -> uuid.UUID | None:
    """Make a new extraction run the owner of the article; None when it cannot be taken.

    Refused while another run owns it and beats; an article whose runs keep starting without
    finishing (killed workers, hard time limits) is failed instead.
    """
    now = timezone.now()
    with transaction.atomic():
        current = Article.objects.select_for_update().filter(pk=article.pk).first()
        if current is None or current.is_being_extracted:
            logger.info("Article %s is being extracted by another run: skipped", article.pk)
            return None
        if current.extraction_attempts >= settings.CLAIMTRACK_EXTRACT_MAX_ATTEMPTS:
            error = ERROR_TOO_MANY_ATTEMPTS.format(count=current.extraction_attempts)
            Article.objects.filter(pk=article.pk).update(**_run_failed(error, now))
            return None
        run = uuid.uuid4()
        Article.objects.filter(pk=article.pk).update(
            status=Article.Status.EXTRACTING, extraction_run=run, heartbeat_at=now,
            extraction_attempts=F("extraction_attempts") + 1, updated_at=now,
        )  # fmt: skip
    return run


@contextmanager
def _heartbeat(article_id: int, run: uuid.UUID) -> Iterator[None]:
    """Refresh the run's heartbeat from a thread while the block runs.

    The sweeper sends an extracting article again only once its heartbeat is older than
    CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT, so a killed worker is noticed in minutes.
    """
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.CLAIMTRACK_EXTRACT_HEARTBEAT_INTERVAL):
                owned = Article.objects.filter(pk=article_id, extraction_run=run).update(
                    heartbeat_at=timezone.now()
                )
                if not owned:  # another run took the article: ours will not be stored
                    return
        except Exception:
            logger.warning("Heartbeat of article %s failed", article_id, exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-article-{article_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


def _run_failed(error: str, now: datetime.datetime) -> dict:
    """The fields of an article whose extraction ended failed, no run owning it."""
    return {
        "status": Article.Status.FAILED, "error": error, "extraction_run": None,
        "heartbeat_at": None, "extraction_attempts": 0, "processed_at": now, "updated_at": now,
    }  # fmt: skip


def _extraction_fail(article: Article, run: uuid.UUID, error: str) -> Article:
    """End the run with status failed, unless another run owns the article by now."""
    Article.objects.filter(pk=article.pk, extraction_run=run).update(
        **_run_failed(error, timezone.now())
    )
    article.refresh_from_db()
    return article


def article_extract_claims(*, article: Article) -> Article:
    """Run claim extraction on a stored article and store its mentions.

    Idempotent: the article's unreviewed mentions are replaced in one transaction, so
    running it twice never duplicates them, and reviewed mentions are never touched.
    Two runs never write at once: a run takes the article with a token (refused while
    another run beats) and stores its mentions only if its token is still the article's.
    Any failure ends with status failed and a sentence a journalist can act on, including
    the Celery soft time limit (`extraction_time_limits`).
    """
    if not article.text.strip() or not article.language:
        return article
    run = _extraction_take(article)
    if run is None:
        article.refresh_from_db()
        return article
    too_long = ERROR_TOO_LONG.format(chars=len(article.text))
    try:
        with _heartbeat(article.pk, run):
            found = extraction.extract(article.text, article.language)
    except SoftTimeLimitExceeded:
        logger.warning("Claim extraction of article %s ran out of time", article.pk)
        return _extraction_fail(article, run, too_long)
    except Exception:
        logger.exception("Claim extraction failed for article %s", article.pk)
        return _extraction_fail(article, run, ERROR_EXTRACTION)
    try:  # database errors propagate: the task retries them
        stored = _store_mentions(article, run, found)
    except SoftTimeLimitExceeded:
        logger.warning("Storing the claims of article %s ran out of time", article.pk)
        return _extraction_fail(article, run, too_long)
    if not stored:
        logger.info("Article %s was taken by another run: mentions not stored", article.pk)
        article.refresh_from_db()
        return article
    from claims.matching import article_propose_matches  # it builds on these services

    article_propose_matches(article=article)
    return article


def _overlaps(item, spans: list[tuple[int, int]]) -> bool:
    """Whether `item` covers at least half of one of `spans`, or they half of it."""
    for start, end in spans:
        shared = min(end, item.end) - max(start, item.start)
        if shared > 0 and shared * 2 >= min(end - start, item.end - item.start):
            return True
    return False


def _store_mentions(article: Article, run: uuid.UUID, found: list) -> bool:
    """Replace the article's unreviewed mentions, if `run` still owns it; whether it did."""
    with transaction.atomic():
        # The row lock orders this write after any other run's, and the token check drops
        # the write of a run that was given up for dead meanwhile.
        if not Article.objects.select_for_update().filter(pk=article.pk, extraction_run=run):
            return False
        article.mentions.filter(review_state=Mention.ReviewState.UNREVIEWED).delete()
        kept = article.mentions.filter(removed_at__isnull=True)
        reviewed = set(kept.values_list("start", "end", "speaker").order_by())
        # A prediction a journalist already decided on, then corrected (moved its span,
        # renamed its speaker), is not proposed again: its original is kept on the mention.
        for original in kept.exclude(extracted=None).values_list("extracted", flat=True):
            reviewed.add((original["start"], original["end"], original.get("speaker") or ""))
        # A span a re-fetch moved (articles.refetch) may differ a little from what the
        # extractor finds in the new text: a statement overlapping it is the same one.
        moved = list(kept.exclude(anchored="").values_list("start", "end").order_by())
        items = [
            i
            for i in found
            if (i.start, i.end, i.speaker or "") not in reviewed and not _overlaps(i, moved)
        ]
        spoken = [i for i in items if i.speaker]
        sources = dict(
            zip(
                map(id, spoken),
                sources_for_speakers([(i.speaker, i.speaker_type) for i in spoken]),
                strict=True,
            )
        )
        mentions = [
            Mention(
                article=article,
                source=sources.get(id(item)),
                speaker=(item.speaker or "")[:300],
                speaker_type=item.speaker_type or "",
                speaker_title=_speaker_name(item.speaker or "", item.speaker_type or "")[0][:100],
                content=item.content,
                start=item.start,
                end=item.end,
                cue=(item.cue or "")[:200],
                quote_type=item.quote_type,
                stance=item.stance,
                via=list(item.via),
                hedges=list(getattr(item, "hedges", None) or []),
                confidence=min(max(float(item.confidence), 0.0), 1.0),
                rule=(getattr(item, "rule", "") or "")[:100],
                extractor_version=extraction.EXTRACTOR_VERSION,
                extracted=decisions.extracted_of(
                    item,
                    extractor_version=extraction.EXTRACTOR_VERSION,
                    text_version=article.version,
                ),
            )
            for item in items
        ]
        Mention.objects.bulk_create(mentions)
        if mentions:  # new statements wait for a decision: the article is not reviewed
            ArticleQuality.objects.filter(article=article).delete()
        article.status = Article.Status.READY
        article.error = ""
        article.pipeline_version = extraction.EXTRACTOR_VERSION
        article.processed_at = timezone.now()
        article.extraction_run, article.heartbeat_at, article.extraction_attempts = None, None, 0
        article.save(
            update_fields=[
                "status", "error", "pipeline_version", "processed_at", "updated_at",
                "extraction_run", "heartbeat_at", "extraction_attempts",
            ]
        )  # fmt: skip
    return True


def article_mark_failed(*, article: Article, error: str) -> Article:
    """Record that processing failed, and why, in plain words."""
    article.status = Article.Status.FAILED
    article.error = error
    article.processed_at = timezone.now()
    article.save(update_fields=["status", "error", "processed_at", "updated_at"])
    return article


# Slugs that public claim URLs must not take: /claims/feed/ is the Atom feed.
RESERVED_SLUGS = {"feed", "about"}


SLUG_MAX = 100


def _slug_base(statement: str) -> str:
    """The statement as a URL slug of at most SLUG_MAX characters, cut between words."""
    slug = slugify(statement)
    if len(slug) > SLUG_MAX:
        cut = slug[: SLUG_MAX + 1]
        # Cut at the last word boundary, unless that leaves a stub of a slug (one long word).
        slug = cut[: cut.rfind("-")] if cut.rfind("-") >= SLUG_MAX // 2 else slug[:SLUG_MAX]
    return slug.strip("-") or "claim"


def _unique_slug(statement: str) -> str:
    base = _slug_base(statement)
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Claim.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_statement(statement: str) -> str:
    statement = " ".join(clean_text(statement).split())
    if not statement:
        raise ValidationError(gettext("A claim needs a statement: write it in one sentence."))
    return statement


# --- The rules for what readers see -----------------------------------------------------

LOCKED = gettext_noop(
    "This claim is waiting for a second editor's approval; withdraw the request to change it."
)
NEEDS_CORRECTION = gettext_noop(
    "This claim is published: describe the change in a correction note for readers."
)


def _require_unlocked(claim: Claim | None) -> None:
    """A claim waiting for a second editor's approval changes only once the request is
    withdrawn, so that the approval covers exactly what was requested. Asks the database:
    the instance in hand may be stale."""
    if claim is not None and claim.pk is not None:
        if Claim.objects.filter(pk=claim.pk, status=Claim.Status.IN_REVIEW).exists():
            raise ValidationError(gettext(LOCKED))


def _require_public_change(*, by: AbstractBaseUser, correction: str) -> None:
    """Readers will see the change on a published claim: an editor's, with a public note."""
    require(is_editor(by), gettext("Only editors change what readers see of a published claim."))
    if not clean_text(correction).strip():  # as _correction_log will store it
        raise ValidationError(gettext(NEEDS_CORRECTION))


def _correction_log(
    *, claim: Claim, by: AbstractBaseUser, correction: str, changes: list | None = None
) -> Correction:
    return Correction.objects.create(
        claim=claim, text=clean_text(correction).strip(), created_by=by, changes=changes or []
    )


# --- Reviewing mentions -------------------------------------------------------------------


def mention_check_change(
    *, mention: Mention, by: AbstractBaseUser, correction: str = "", into: Claim | None = None
) -> Claim | None:
    """Check that a mention may change (its span, speaker or stance, or the claim it
    belongs to, `into`); return the published claim whose correction log gets the note.

    An appearance readers see (an accepted mention of a published claim) changes only by an
    editor with a correction note; no mention of a claim in review changes at all.
    """
    # Its claim: the one it is an appearance of, or the one it answers (a response).
    linked = mention.claim_id or mention.responds_to_id
    current = Claim.objects.filter(pk=linked).first() if linked else None
    _require_unlocked(current)
    _require_unlocked(into)
    if (
        current is not None
        and current.status == Claim.Status.PUBLISHED
        and mention.review_state == Mention.ReviewState.ACCEPTED
    ):
        _require_public_change(by=by, correction=correction)
        return current
    return None


def claim_create_from_mention(
    *,
    mention: Mention,
    statement: str,
    by: AbstractBaseUser | None = None,
    correction: str = "",
) -> Claim:
    """Accept a mention into a new claim that tracks its statement. A response (a denial,
    a refusal to comment, a failed verification) is never a claim of its own."""
    if by is not None:
        require(can_review(by), gettext("Only journalists and editors review mentions."))
    if mention.is_response:
        raise ValidationError(responses.NOT_A_CLAIM)
    statement = _clean_statement(statement)
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        previous = mention_check_change(mention=mention, by=by, correction=correction)
        claim = Claim(
            statement=statement,
            slug=_unique_slug(statement),
            claimant=mention.source,
            language=mention.article.language,
            created_by=by,
        )
        claim._change_reason = "Created from an extracted mention"
        claim._history_user = by
        claim.save()
        _mention_link(mention=mention, claim=claim, previous=previous, by=by, correction=correction)
        decisions.decision_record(
            mention=mention, kind=ReviewDecision.Kind.ACCEPT, by=by, before=before
        )
    return claim


def _mention_link(
    *,
    mention: Mention,
    claim: Claim,
    previous: Claim | None = None,
    by: AbstractBaseUser | None = None,
    correction: str = "",
) -> None:
    if previous is not None and previous.pk != claim.pk:
        _correction_log(claim=previous, by=by, correction=correction)
    mention.claim, mention.responds_to = claim, None
    mention.review_state = Mention.ReviewState.ACCEPTED
    mention.save(update_fields=["claim", "responds_to", "review_state"])
    drift.claim_check_drift(claim=claim)  # a new appearance: did a hedge, source, denial drop?
    if claim.is_published or previous is not None:
        public_cache_invalidate()


def mention_accept(
    *,
    mention: Mention,
    by: AbstractBaseUser,
    claim: Claim,
    correction: str = "",
    decision: str = ReviewDecision.Kind.ACCEPT,
) -> Mention:
    """Accept a mention as one more appearance of an existing claim (also: merge into it).

    Moving an appearance away from a published claim, or adding one to it, is a public
    change: an editor, with a note that lands in that claim's correction log. The decision
    is kept as `decision` (claims.matching accepts through a match).
    """
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    if mention.is_response:  # a denial linked to a claim answers it
        return responses.response_attach(mention=mention, claim=claim, by=by, correction=correction)
    if mention.claim_id == claim.pk and mention.review_state == Mention.ReviewState.ACCEPTED:
        return mention
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        previous = mention_check_change(mention=mention, by=by, correction=correction, into=claim)
        if Claim.objects.published().filter(pk=claim.pk).exists():
            # Its public timeline and ClaimReview gain an appearance.
            _require_public_change(by=by, correction=correction)
            _correction_log(claim=claim, by=by, correction=correction)
        _mention_link(mention=mention, claim=claim, previous=previous, by=by, correction=correction)
        decisions.decision_record(mention=mention, kind=decision, by=by, before=before)
    return mention


def mention_reject(
    *,
    mention: Mention,
    by: AbstractBaseUser,
    correction: str = "",
    reason: str = "",
    note: str = "",
) -> Mention:
    """Mark an extracted mention as not a claim worth tracking, with why (reason + note)."""
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    if reason and reason not in Mention.RejectionReason.values:
        raise ValidationError(gettext("Choose a reason from the list."))
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        previous = mention_check_change(mention=mention, by=by, correction=correction)
        if previous is not None:
            _correction_log(claim=previous, by=by, correction=correction)
        mention.review_state = Mention.ReviewState.REJECTED
        mention.claim = mention.responds_to = None
        mention.rejection_reason = reason
        mention.rejection_note = (note or "").strip()[:500]
        mention.save(
            update_fields=[
                "review_state",
                "claim",
                "responds_to",
                "rejection_reason",
                "rejection_note",
            ]
        )
        decisions.decision_record(
            mention=mention, kind=ReviewDecision.Kind.REJECT, by=by, before=before, reason=reason
        )
    if previous is not None:
        public_cache_invalidate()
    return mention


def mention_restore(*, mention: Mention, by: AbstractBaseUser) -> Mention:
    """Undo a rejection: the mention waits for a decision again, its reason cleared.

    Only rejected mentions are restored; a rejected mention is never public, so readers'
    pages do not change.
    """
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    if mention.review_state != Mention.ReviewState.REJECTED:
        raise ValidationError(gettext("Only a rejected statement can be restored."))
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        mention.review_state = Mention.ReviewState.UNREVIEWED
        mention.rejection_reason = ""
        mention.rejection_note = ""
        mention.save(update_fields=["review_state", "rejection_reason", "rejection_note"])
        decisions.decision_record(
            mention=mention, kind=ReviewDecision.Kind.RESTORE, by=by, before=before
        )
    return mention


def mention_check_span(*, mention: Mention, start: int, end: int) -> None:
    """A corrected span lies inside the article text, its start before its end."""
    spans.span_check(text=mention.article.text, start=start, end=end)


def _mention_fields_check(*, speaker_type: str, quote_type: str, stance: str) -> None:
    if stance not in Mention.Stance.values:
        raise ValidationError(gettext("Unknown stance “%(value)s”.") % {"value": stance})
    if quote_type not in Mention.QuoteType.values:
        raise ValidationError(gettext("Unknown quote type “%(value)s”.") % {"value": quote_type})
    if speaker_type and speaker_type not in Source.Kind.values:
        raise ValidationError(
            gettext("Unknown speaker type “%(value)s”.") % {"value": speaker_type}
        )


def mention_correct(
    *,
    mention: Mention,
    by: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    speaker: str | None = None,
    stance: str | None = None,
    correction: str = "",
    words: str = "",
    speaker_type: str | None = None,
    cue: str | None = None,
    quote_type: str | None = None,
    via: str | list | None = None,
) -> Mention:
    """Fix what the extractor got wrong: the span (selected offsets, or the exact words,
    found nearest to the old span), the speaker and its type, the cue, the quote type, the
    stance, the relay chain (`via`, one outlet per line). A field left as None is unchanged.

    On an appearance of a published claim this is a public correction: an editor, a note.
    """
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    text = mention.article.text
    if start is None and end is None and not (words or "").strip():
        start, end = mention.start, mention.end
    else:
        start, end = spans.span_resolve(
            text=text, start=start, end=end, words=words, near=mention.start
        )
    speaker = mention.speaker if speaker is None else " ".join(clean_text(speaker).split())[:300]
    stance = mention.stance if stance is None else stance
    speaker_type = mention.speaker_type if speaker_type is None else speaker_type
    quote_type = mention.quote_type if quote_type is None else quote_type
    cue = mention.cue if cue is None else " ".join(clean_text(cue).split())[:200]
    via = list(mention.via or []) if via is None else spans.via_clean(via)
    _mention_fields_check(speaker_type=speaker_type, quote_type=quote_type, stance=stance)
    fields = (start, end, speaker, stance, speaker_type, quote_type, cue, via)
    changed = fields != (
        mention.start,
        mention.end,
        mention.speaker,
        mention.stance,
        mention.speaker_type,
        mention.quote_type,
        mention.cue,
        list(mention.via or []),
    )
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        published = None
        if changed:
            published = mention_check_change(mention=mention, by=by, correction=correction)
            if published is not None:
                _correction_log(claim=published, by=by, correction=correction)
        if speaker != mention.speaker or speaker_type != mention.speaker_type:
            kind = speaker_type or Source.Kind.PERSON
            written = mention.speaker if speaker != mention.speaker else ""
            mention.source = source_get_or_create(name=speaker, kind=kind) if speaker else None
            mention.speaker_title = _speaker_name(speaker, kind)[0][:100]
            if written and mention.source is not None:
                # The extractor's spelling names the corrected source from now on.
                source_alias_learn(source=mention.source, alias=written)
        attribution_changed = (speaker_type, cue, via) != (
            mention.speaker_type, mention.cue, mention.via
        )  # fmt: skip
        mention.start, mention.end = start, end
        mention.content = text[start:end]
        mention.speaker = speaker
        mention.speaker_type = speaker_type
        mention.stance = stance
        mention.quote_type = quote_type
        mention.cue = cue
        mention.via = via
        if (mention.is_response and mention.claim_id) or (
            not mention.is_response and mention.responds_to_id
        ):
            # A new stance changes what the mention is (an appearance or a response): it
            # leaves its claim and waits for a decision again.
            mention.claim = mention.responds_to = None
            mention.review_state = Mention.ReviewState.CORRECTED
        if attribution_changed:
            mention.hedges = mention_hedges_after_edit(mention)
        mention.rule = "corrected-by-journalist"
        if mention.review_state == Mention.ReviewState.UNREVIEWED:
            # Corrected by a person: re-running the extractor must keep it.
            mention.review_state = Mention.ReviewState.CORRECTED
        mention.save()
        if changed:
            decisions.decision_record(
                mention=mention, kind=ReviewDecision.Kind.CORRECT, by=by, before=before
            )
    if published is not None:
        public_cache_invalidate()
    return mention


def mention_hedges_after_edit(mention: Mention) -> list[str]:
    """A corrected or hand-made mention's hedges: those the extractor read in the text
    (conditional, allegedly, unverified) stay; when the speaker type, the cue or the relays
    were corrected, those that follow from them (anonymous, attributed) follow the
    correction, so that drift alerts compare what the journalist settled. A relay's
    attribution word outside the cue ("reported, citing X") is the extractor's to read:
    a correction can add `attributed` through the cue, and keeps it when it had a relay."""
    kept = [h for h in mention.hedges or [] if h not in extraction.ATTRIBUTION_HEDGES]
    if "attributed" in (mention.hedges or []) and mention.via:
        kept.append("attributed")
    derived = extraction.attribution_hedges(
        mention.article.language, cue=mention.cue, speaker_type=mention.speaker_type
    )
    return [h for h in HEDGES if h in kept or h in derived]


def mention_add(
    *,
    article: Article,
    by: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    words: str = "",
    speaker: str = "",
    speaker_type: str = "",
    cue: str = "",
    quote_type: str = Mention.QuoteType.INDIRECT,
    stance: str = Mention.Stance.ASSERTS,
    via: str | list = "",
) -> Mention:
    """Add a statement the extractor missed, chosen by selecting it in the article (or by
    its exact words). A person found it: confidence 1, rule and extractor "manual", and it
    waits, corrected, for a decision like any other; re-running the extractor keeps it."""
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    text = Article.objects.values_list("text", flat=True).get(pk=article.pk)
    fields = _statement_fields(
        text=text, start=start, end=end, words=words, speaker=speaker,
        speaker_type=speaker_type, cue=cue, quote_type=quote_type, stance=stance, via=via,
    )  # fmt: skip
    source = None
    if fields["speaker"]:
        source = source_get_or_create(
            name=fields["speaker"], kind=speaker_type or Source.Kind.PERSON
        )
    hedges = extraction.attribution_hedges(
        article.language, cue=fields["cue"], speaker_type=speaker_type
    )
    with transaction.atomic():
        mention = Mention.objects.create(
            hedges=hedges,
            article=article,
            source=source,
            **fields,
            confidence=1.0,
            rule="manual",
            extractor_version=decisions.MANUAL,
            review_state=Mention.ReviewState.CORRECTED,
        )
        decisions.decision_record(mention=mention, kind=ReviewDecision.Kind.ADD, by=by, before=None)
    return mention


def claim_create(
    *, statement: str, claimant_name: str = "", language: str = "", by: AbstractBaseUser
) -> Claim:
    """A claim written by hand in the newsroom (a draft, with no appearance yet)."""
    require(can_review(by), gettext("Only journalists and editors create claims."))
    statement = _clean_statement(statement)[:1000]
    language = (language or "").strip().lower()
    languages = {value for value, _label in Claim._meta.get_field("language").choices}
    if language and language not in languages:
        raise ValidationError(gettext("Unknown language “%(value)s”.") % {"value": language})
    claimant_name = " ".join(clean_text(claimant_name or "").split())
    claimant = (
        source_get_or_create(name=claimant_name, kind=Source.Kind.PERSON) if claimant_name else None
    )
    claim = Claim(
        statement=statement,
        slug=_unique_slug(statement),
        claimant=claimant,
        language=language,
        created_by=by,
    )
    claim._change_reason = "Created by hand"
    claim._history_user = by
    claim.save()
    return claim


def claim_merge(*, claim: Claim, into: Claim, by: AbstractBaseUser, correction: str = "") -> Claim:
    """Merge a duplicate claim into another: its mentions, evidence and tasks move over.

    Neither claim may be in review; when the claim merged into is published and gains
    appearances or evidence readers will see, that is a correction (an editor, a note).
    """
    require(is_editor(by) or can_edit_claim(by, claim), gettext("You cannot merge this claim."))
    if claim.pk == into.pk:
        raise ValidationError(gettext("A claim cannot be merged into itself."))
    if claim.status == Claim.Status.PUBLISHED:
        raise ValidationError(gettext("Unpublish this claim before merging it into another."))
    _require_unlocked(claim)
    _require_unlocked(into)
    into_published = Claim.objects.published().filter(pk=into.pk).exists()
    # Merging into a published claim is always said to readers: it may change what they see.
    public = into_published
    if public:
        _require_public_change(by=by, correction=correction)
    with transaction.atomic():
        if public:
            _correction_log(claim=into, by=by, correction=correction)
        claim.mentions.update(claim=into)
        claim.responses.update(responds_to=into)  # responses stay responses
        claim.evidence.update(claim=into)
        claim.tasks.update(claim=into)
        claim.comments.update(claim=into)
        claim._change_reason = f"Merged into claim {into.pk}"
        claim.delete()
        drift.claim_check_drift(claim=into)  # its appearances now meet the merged ones
    if into_published:
        public_cache_invalidate()
    return into


# --- Working on a claim -------------------------------------------------------------------


def claim_update(
    *,
    claim: Claim,
    by: AbstractBaseUser,
    statement: str,
    claimant_name: str = "",
    sourcing: str | None = None,
    correction: str = "",
) -> Claim:
    """Edit the statement, claimant and sourcing assessment of a claim."""
    require(can_edit_claim(by, claim), gettext("You can only edit claims you are assigned to."))
    statement = _clean_statement(statement)
    if sourcing is not None and sourcing != claim.sourcing:
        require(is_editor(by), gettext("Only editors set the sourcing assessment."))
        if sourcing not in Claim.Sourcing.values:
            raise ValidationError(
                gettext("Unknown sourcing assessment “%(value)s”.") % {"value": sourcing}
            )
        claim.sourcing = sourcing
    claim.statement = statement
    claimant_name = " ".join(clean_text(claimant_name).split())
    if claimant_name and (claim.claimant is None or claimant_name != claim.claimant.name):
        kind = claim.claimant.kind if claim.claimant else Source.Kind.PERSON
        claim.claimant = source_get_or_create(name=claimant_name, kind=kind, titled=False)
    return claim_save(claim=claim, by=by, correction=correction)


def claim_set_verdict(
    *,
    claim: Claim,
    verdict: Rating | None,
    conclusion: str,
    by: AbstractBaseUser,
    correction: str = "",
) -> Claim:
    """Rule on a claim: its verdict on the rating scale and the written conclusion."""
    require(is_editor(by), gettext("Only editors set verdicts."))
    claim.verdict = verdict
    claim.conclusion = clean_text(conclusion).strip()
    return claim_save(claim=claim, by=by, correction=correction)


# The claim's own fields that readers see; an admin form or a service changing one of them
# on a published claim writes a correction note.
PUBLIC_FIELDS = ["statement", "claimant_id", "language", "sourcing", "verdict_id", "conclusion"]
RULING_FIELDS = {"sourcing", "verdict_id", "conclusion"}
RULING_APART = gettext_noop(
    "This claim is published: save a new verdict, conclusion or sourcing on its own, apart "
    "from the statement and the claimant. The new ruling waits for a second editor, while "
    "the other change and its note reach readers at once."
)
# Set by the publication services only.
WORKFLOW_FIELDS = [
    "status",
    "published_at",
    "publication_requested_by_id",
    "publication_requested_at",
    "publication_snapshot",
]


def claim_check_change(*, claim: Claim, by: AbstractBaseUser, correction: str = "") -> list[str]:
    """Check an edited (unsaved) claim against the rules; return the public fields changed.

    Sourcing and verdicts are for editors; a claim in review is locked; a published claim
    changes only by an editor, with a correction note, and keeps a verdict. The newsroom
    pages (through claim_update and claim_set_verdict) and the admin's change form ask here.
    """
    if claim.pk is None:
        return []
    before = Claim.objects.get(pk=claim.pk)
    changed = [f for f in PUBLIC_FIELDS if getattr(before, f) != getattr(claim, f)]
    if not changed:
        return []
    if RULING_FIELDS.intersection(changed):
        require(is_editor(by), gettext("Only editors set the sourcing assessment and verdicts."))
    if before.status == Claim.Status.IN_REVIEW:
        raise ValidationError(gettext(LOCKED))
    if before.status == Claim.Status.PUBLISHED:
        require(
            is_editor(by), gettext("Only editors change what readers see of a published claim.")
        )
        if not claim.verdict_id:
            raise ValidationError(
                gettext(
                    "A published claim needs a verdict: "
                    "unpublish it before withdrawing its verdict."
                )
            )
        _require_public_change(by=by, correction=correction)
    return changed


def claim_save(*, claim: Claim, by: AbstractBaseUser, correction: str = "") -> Claim:
    """Save a claim edited field by field (the admin's change form uses this): the rules of
    claim_check_change apply, and a change readers see lands in the correction log."""
    correction = clean_text(correction)
    # The admin's form reaches here without claim_update: its text is cleaned here too.
    claim.statement = clean_text(claim.statement)
    claim.conclusion = clean_text(claim.conclusion)
    with transaction.atomic():
        if claim.pk is not None:
            # One edit at a time; the publication state is the database's, never a stale copy's.
            current = Claim.objects.select_for_update().get(pk=claim.pk)
            for field in WORKFLOW_FIELDS:
                setattr(claim, field, getattr(current, field))
            if current.status != Claim.Status.DRAFT:
                claim.slug = current.slug  # its public address (or the one requested) stays
        if claim.slug in RESERVED_SLUGS:
            raise ValidationError(
                gettext("“%(slug)s” is a reserved address: choose another slug.")
                % {"slug": claim.slug}
            )
        changed = claim_check_change(claim=claim, by=by, correction=correction)
        ruling = RULING_FIELDS.intersection(changed)
        # Whether readers see anything of this save (the cache and the DataFeed's ETag move).
        seen = bool(changed) and claim.status == Claim.Status.PUBLISHED
        if ruling and claim.status == Claim.Status.PUBLISHED:
            if settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL:
                if set(changed) - ruling:
                    # The note would reach readers at once with the direct correction,
                    # telling them of the ruling before the second editor approves it.
                    raise ValidationError(gettext(RULING_APART))
                # A second editor approves a new ruling; readers keep the approved one.
                published_changes.pending_change_request(
                    claim=current, proposed=claim, by=by, note=correction
                )
                claim.verdict, claim.conclusion = current.verdict, current.conclusion
                claim.sourcing = current.sourcing
                changed, seen = [], False
            else:
                _correction_log(
                    claim=claim,
                    by=by,
                    correction=correction,
                    changes=published_changes.ruling_changes(before=current, after=claim),
                )
                changed = []
        if changed and claim.status == Claim.Status.PUBLISHED:
            _correction_log(claim=claim, by=by, correction=correction)
        claim._history_user = by
        claim.save()
    if seen:
        public_cache_invalidate()
    return claim


# Evidence fields readers see once it is approved.
EVIDENCE_FIELDS = ["title", "url", "kind", "relation", "note", "is_approved"]


def evidence_check_change(
    *, evidence: Evidence, by: AbstractBaseUser, correction: str = ""
) -> bool:
    """Check new or edited (unsaved) evidence against the rules; return whether readers will
    see the change (approved evidence of a published claim: an editor, a correction note).
    Only editors approve; no evidence of a claim in review changes."""
    before = Evidence.objects.filter(pk=evidence.pk).first() if evidence.pk else None
    if before is not None:
        if before.claim_id != evidence.claim_id:
            raise ValidationError(
                gettext("Evidence stays with its claim: add it to the other claim.")
            )
        if all(getattr(before, f) == getattr(evidence, f) for f in EVIDENCE_FIELDS):
            return False
    if (before.is_approved if before else False) != evidence.is_approved:
        require(is_editor(by), gettext("Only editors approve evidence."))
    claim = Claim.objects.get(pk=evidence.claim_id)
    _require_unlocked(claim)
    seen = evidence.is_approved or (before is not None and before.is_approved)
    if seen and claim.status == Claim.Status.PUBLISHED:
        _require_public_change(by=by, correction=correction)
        return True
    return False


def evidence_save(*, evidence: Evidence, by: AbstractBaseUser, correction: str = "") -> Evidence:
    """Save new or edited evidence (the admin's change form uses this): the rules of
    evidence_check_change apply, and a change readers see lands in the correction log."""
    evidence.title, evidence.note = clean_text(evidence.title), clean_text(evidence.note)
    with transaction.atomic():
        # Readers see the change (approved evidence of a published claim): draft evidence
        # of a published claim leaves its page, the cache and the DataFeed's ETag as they are.
        seen = evidence_check_change(evidence=evidence, by=by, correction=correction)
        if seen:
            _correction_log(claim=evidence.claim, by=by, correction=correction)
        evidence._history_user = by
        evidence.full_clean(exclude=["added_by"])
        evidence.save()
    if seen:
        public_cache_invalidate()
    return evidence


def evidence_add(
    *,
    claim: Claim,
    by: AbstractBaseUser,
    title: str,
    url: str = "",
    kind: str = Evidence.Kind.MEDIA_REPORT,
    relation: str = Evidence.Relation.CONTEXT,
    note: str = "",
    correction: str = "",
) -> Evidence:
    """Record a source consulted; evidence from editors is approved at once (on a published
    claim, with a correction note)."""
    require(can_edit_claim(by, claim), gettext("You can only add evidence to claims you work on."))
    title, url, note = clean_text(title), clean_text(url), clean_text(note)
    if not title.strip():
        raise ValidationError(gettext("Give the evidence a title."))
    evidence = Evidence(
        claim=claim,
        title=title.strip()[:300],
        url=url.strip(),
        kind=kind,
        relation=relation,
        note=note.strip(),
        added_by=by,
        is_approved=is_editor(by),
    )
    return evidence_save(evidence=evidence, by=by, correction=correction)


def evidence_approve(*, evidence: Evidence, by: AbstractBaseUser, correction: str = "") -> Evidence:
    """An editor vets a piece of evidence so it may appear on the public page (on a published
    claim, with a correction note)."""
    require(is_editor(by), gettext("Only editors approve evidence."))
    if evidence.is_approved:
        return evidence
    evidence.is_approved = True
    try:
        return evidence_save(evidence=evidence, by=by, correction=correction)
    except (ValidationError, PermissionDenied):
        evidence.is_approved = False
        raise


def comment_add(*, claim: Claim, by: AbstractBaseUser, body: str) -> Comment:
    """An internal comment on a claim (never public)."""
    require(can_edit_claim(by, claim), gettext("You can only comment on claims you work on."))
    body = clean_text(body)
    if not body.strip():
        raise ValidationError(gettext("The comment is empty."))
    comment = Comment.objects.create(claim=claim, author=by, body=body.strip())
    notifications.notification_comment_mentions(comment=comment)
    return comment


# --- Tasks --------------------------------------------------------------------------------


def task_create(
    *,
    claim: Claim,
    by: AbstractBaseUser,
    assignee: AbstractBaseUser,
    title: str,
    due_date: datetime.date | None = None,
    notes: str = "",
) -> Task:
    """An editor assigns verification work; the assignee is told by e-mail."""
    require(can_assign(by), gettext("Only editors assign tasks."))
    title, notes = clean_text(title), clean_text(notes)
    require(can_review(assignee), gettext("Tasks go to journalists or editors."))
    if not title.strip():
        raise ValidationError(gettext("Say what the task is."))
    task = Task(
        claim=claim,
        assignee=assignee,
        created_by=by,
        title=title.strip()[:200],
        due_date=due_date,
        notes=notes.strip(),
    )
    task._history_user = by
    task.save()
    if assignee.email:
        url = reverse("review:claim", args=[claim.pk])
        due = f"Due {due_date:%d %B %Y}. " if due_date else ""
        message = (
            f"{by.get_username()} assigned you a verification task: {task.title}\n\n"
            f"Claim: {claim.statement}\n{due}\nOpen it: {settings.SITE_URL}{url}\n"
        )
        transaction.on_commit(
            lambda: send_mail(
                f"[claimtrack] New task: {task.title}", message, None, [assignee.email]
            ),
            robust=True,
        )
    return task


def task_set_state(*, task: Task, by: AbstractBaseUser, state: str) -> Task:
    """Close (done/cancelled) or reopen a task: the assignee or an editor."""
    require(task.assignee_id == by.pk or can_assign(by), gettext("This task is not yours."))
    if state not in Task.State.values:
        raise ValidationError(gettext("Unknown task state “%(value)s”.") % {"value": state})
    if state == Task.State.CANCELLED:
        require(can_assign(by), gettext("Only editors cancel tasks."))
    finished = state == Task.State.DONE and task.state != Task.State.DONE
    task.state = state
    task.completed_at = timezone.now() if state != Task.State.OPEN else None
    task._history_user = by
    task.save(update_fields=["state", "completed_at"])
    if finished:
        notifications.notification_task_done(task=task, by=by)
    return task


# --- Publishing ---------------------------------------------------------------------------


def claim_publication_problems(claim: Claim) -> list[str]:
    """What a claim still lacks before it can be published, in words for the editor."""
    problems = []
    if not claim.verdict_id:
        problems.append("a verdict")
    if not claim.conclusion.strip():
        problems.append("a written conclusion")
    if not claim.evidence.filter(is_approved=True).exists():
        problems.append("at least one approved evidence item")
    return problems


def _require_publishable(claim: Claim) -> None:
    problems = claim_publication_problems(claim)
    if problems:
        missing = ", ".join(gettext(problem) for problem in problems)
        raise ValidationError(
            gettext("Before publishing, this claim needs %(missing)s.") % {"missing": missing}
        )


def _lock_fresh(claim: Claim) -> None:
    """Lock the claim's row for this transaction and reload it: decide on the database's
    state, never on a copy read before another editor's change."""
    Claim.objects.select_for_update().filter(pk=claim.pk).first()
    claim.refresh_from_db()


def claim_public_content(claim: Claim) -> dict[str, str]:
    """What readers would see of a claim, part by part, in words: what a publication request
    pins and the second editor approves (claim_changes_since_request compares the two)."""
    claimant = Source.objects.filter(pk=claim.claimant_id).values_list("name", flat=True)
    verdict = Rating.objects.filter(pk=claim.verdict_id).values_list("label", flat=True)
    evidence = [
        f"{e.get_relation_display()}: {e.title}"
        + (f" <{e.url}>" if e.url else "")
        + f" ({e.get_kind_display()})"
        + (f" — {e.note}" if e.note else "")
        for e in claim.evidence.approved().order_by("pk")
    ]
    appearances = [
        f"{m.article.title or m.article.url or m.article_id}: {m.speaker or '?'} "
        f"({m.get_stance_display().lower()}{', via ' + ', '.join(m.via) if m.via else ''}) "
        f"“{m.content}”"
        for m in claim.mentions.public().select_related("article").order_by("pk")
    ]
    return {
        "Statement": claim.statement,
        "Claimant": claimant.first() or "",
        "Language": claim.language,
        "Sourcing": claim.get_sourcing_display(),
        "Verdict": verdict.first() or "",
        "Conclusion": claim.conclusion,
        "Approved evidence": "\n".join(evidence),
        "Appearances": "\n".join(appearances),
    }


def claim_changes_since_request(claim: Claim) -> list[tuple[str, str, str]]:
    """What differs between the version pinned by the publication request and the claim now,
    as (part, requested, now), for the approving editor; empty when nothing changed."""
    if claim.status != Claim.Status.IN_REVIEW or not claim.publication_snapshot:
        return []
    pinned, now = claim.publication_snapshot, claim_public_content(claim)
    return [
        (part, pinned.get(part, ""), value)
        for part, value in now.items()
        if pinned.get(part, "") != value
    ]


def claim_request_publication(*, claim: Claim, by: AbstractBaseUser) -> Claim:
    """An editor asks to publish; a second editor approves (unless the setting turns it off).

    The request pins what readers would see; until it is approved or withdrawn the claim is
    locked, and the approval publishes that version only.
    """
    require(can_publish(by), gettext("Only editors publish claims."))
    if claim.status != Claim.Status.DRAFT:
        raise ValidationError(
            gettext("This claim is %(status)s already.")
            % {"status": claim.get_status_display().lower()}
        )
    _require_publishable(claim)
    if not settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL:
        return _claim_publish(claim=claim, by=by)
    claim.status = Claim.Status.IN_REVIEW
    claim.publication_requested_by = by
    claim.publication_requested_at = timezone.now()
    claim.publication_snapshot = claim_public_content(claim)
    claim._history_user = by
    claim._change_reason = "Publication requested"
    claim.save()
    notifications.notification_publication_requested(claim=claim, by=by)
    return claim


def claim_approve_publication(*, claim: Claim, by: AbstractBaseUser) -> Claim:
    """A second editor approves the publication another editor requested, as requested: a
    claim that changed since the request (by any path) is refused, with what changed."""
    require(can_publish(by), gettext("Only editors publish claims."))
    with transaction.atomic():
        _lock_fresh(claim)
        if claim.status != Claim.Status.IN_REVIEW or not claim.publication_requested_by_id:
            raise ValidationError(gettext("Nobody has asked to publish this claim yet."))
        if claim.publication_requested_by_id == by.pk:
            raise ValidationError(
                gettext("A second editor must approve: you asked for this publication.")
            )
        if not claim.publication_snapshot:
            raise ValidationError(
                gettext(
                    "This request does not say what it covers (it predates pinned versions): "
                    "withdraw it and request publication again."
                )
            )
        changes = claim_changes_since_request(claim)
        if changes:
            raise ValidationError(
                gettext(
                    "This claim changed since the request (%(changes)s): withdraw the request, "
                    "check the claim and request publication again."
                )
                % {"changes": ", ".join(str(part).lower() for part, _, _ in changes)}
            )
        _require_publishable(claim)
        return _claim_publish(claim=claim, by=by)


def claim_withdraw_publication_request(
    *, claim: Claim, by: AbstractBaseUser, reason: str = ""
) -> Claim:
    """An editor takes back a publication request: the claim is a draft again, open to
    changes, and needs a new request (and a second editor) to be published."""
    require(can_publish(by), gettext("Only editors withdraw publication requests."))
    with transaction.atomic():
        _lock_fresh(claim)
        if claim.status != Claim.Status.IN_REVIEW:
            raise ValidationError(gettext("Nobody has asked to publish this claim."))
        claim.status = Claim.Status.DRAFT
        claim.publication_requested_by = None
        claim.publication_requested_at = None
        claim.publication_snapshot = {}
        claim._history_user = by
        claim._change_reason = " ".join(f"Publication request withdrawn. {reason}".split())
        claim.save()
    return claim


def _claim_publish(*, claim: Claim, by: AbstractBaseUser) -> Claim:
    """Publish; a claim that was withdrawn keeps its first publication date, and readers see
    in its log that it came back, with which verdict (the feed and sitemap show it updated)."""
    republished = claim.published_at is not None
    with transaction.atomic():
        if republished:
            Correction.objects.create(
                claim=claim, kind=Correction.Kind.REPUBLISHED, verdict=claim.verdict, created_by=by
            )
        claim.status = Claim.Status.PUBLISHED
        claim.published_at = claim.published_at or timezone.now()
        claim.publication_snapshot = {}
        claim._history_user = by
        claim._change_reason = "Published again" if republished else "Published"
        claim.save()
    public_cache_invalidate()
    return claim


def claim_unpublish(*, claim: Claim, by: AbstractBaseUser, reason: str) -> Claim:
    """Take a claim off the public site; readers are told why in the correction log."""
    require(can_publish(by), gettext("Only editors unpublish claims."))
    reason = clean_text(reason)
    if claim.status != Claim.Status.PUBLISHED:
        raise ValidationError(gettext("This claim is not published."))
    if not reason.strip():
        raise ValidationError(gettext("Say why the claim is unpublished."))
    with transaction.atomic():
        Correction.objects.create(
            claim=claim, kind=Correction.Kind.UNPUBLISHED, text=reason.strip(), created_by=by
        )
        claim.status = Claim.Status.DRAFT
        claim.publication_requested_by = None
        # A change waiting for approval was a change of the published version: it lapses.
        claim.pending_changes.all().delete()
        claim._history_user = by
        claim._change_reason = "Unpublished"
        claim.save()
    public_cache_invalidate()
    return claim


def claim_publish(
    *, claim: Claim, verdict: Rating, conclusion: str, by: AbstractBaseUser | None = None
) -> Claim:
    """Publish a draft at once with a verdict and conclusion: for trusted scripts such as
    seed_demo (a claim in review or published changes through its own path)."""
    if claim.status != Claim.Status.DRAFT:
        raise ValidationError(
            gettext("This claim is %(status)s already.")
            % {"status": claim.get_status_display().lower()}
        )
    conclusion = clean_text(conclusion)
    if not conclusion.strip():
        raise ValidationError(gettext("A published claim needs a written conclusion."))
    claim.verdict = verdict
    claim.conclusion = conclusion.strip()
    return _claim_publish(claim=claim, by=by)


# --- Annotation agreement (issue 14, part 5) --------------------------------------------------
# Rounds, assignments and annotations are the newsroom's measure of its own consistency:
# nothing here writes a Mention, a Claim or anything readers see.

ANNOTATION_SAMPLE_MAX = 200


def _annotators_check(annotator_a: AbstractBaseUser, annotator_b: AbstractBaseUser) -> None:
    if annotator_a is None or annotator_b is None:
        raise ValidationError(gettext("Choose two annotators."))
    if annotator_a.pk == annotator_b.pk:
        raise ValidationError(
            gettext(
                "Choose two different annotators: agreement compares two people's work "
                "on the same articles."
            )
        )
    for person in (annotator_a, annotator_b):
        if not (person.is_active and can_review(person)):
            raise ValidationError(
                gettext("%(name)s is not a journalist or an editor: choose someone else.")
                % {"name": person.get_username()}
            )


def _annotation_sample(
    *,
    size: int | None,
    article_ids: list[int] | None,
    language: str,
    outlet_id: int | None,
    published_from: datetime.date | None,
    published_to: datetime.date | None,
    rng: random.Random | None,
) -> list[int]:
    """The ids of the articles of a new round: the ones picked, else `size` at random among
    the ready articles matching the filters."""
    from django.db.models.functions import Coalesce, TruncDate

    ready = Article.objects.filter(status=Article.Status.READY)
    if article_ids:
        wanted = list(dict.fromkeys(article_ids))
        if len(wanted) > ANNOTATION_SAMPLE_MAX:
            raise ValidationError(
                gettext("A round holds at most %(max)s articles.") % {"max": ANNOTATION_SAMPLE_MAX}
            )
        found = set(ready.filter(pk__in=wanted).values_list("pk", flat=True))
        missing = [str(pk) for pk in wanted if pk not in found]
        if missing:
            raise ValidationError(
                gettext(
                    "These article numbers are not ready articles (unknown, or still being "
                    "processed): %(ids)s."
                )
                % {"ids": ", ".join(missing[:20])}
            )
        return wanted
    if not size or size < 1:
        raise ValidationError(
            gettext("Say how many articles to send (at least 1), or pick article numbers.")
        )
    if size > ANNOTATION_SAMPLE_MAX:
        raise ValidationError(
            gettext("A round holds at most %(max)s articles.") % {"max": ANNOTATION_SAMPLE_MAX}
        )
    if language:
        ready = ready.filter(language=language)
    if outlet_id:
        ready = ready.filter(outlet_id=outlet_id)
    if published_from or published_to:
        ready = ready.annotate(day=TruncDate(Coalesce("published_at", "created_at")))
        if published_from:
            ready = ready.filter(day__gte=published_from)
        if published_to:
            ready = ready.filter(day__lte=published_to)
    pool = sorted(ready.values_list("pk", flat=True))
    if not pool:
        raise ValidationError(
            gettext("No ready article matches these filters: the sample is empty.")
        )
    if size > len(pool):
        raise ValidationError(
            gettext(
                "Only %(count)s ready articles match these filters: ask for %(count)s or fewer."
            )
            % {"count": len(pool)}
        )
    return (rng or random.SystemRandom()).sample(pool, size)


def annotation_round_create(
    *,
    name: str,
    by: AbstractBaseUser,
    annotator_a: AbstractBaseUser,
    annotator_b: AbstractBaseUser,
    size: int | None = None,
    article_ids: list[int] | None = None,
    language: str = "",
    outlet_id: int | None = None,
    published_from: datetime.date | None = None,
    published_to: datetime.date | None = None,
    rng: random.Random | None = None,
) -> AnnotationRound:
    """An editor sends a sample of articles to two annotators, who mark their statements
    independently: `article_ids` picked by hand, else `size` ready articles at random
    (narrowed by language, outlet and date). Both annotators are notified."""
    require(is_editor(by), gettext("Only editors send articles to annotate."))
    name = " ".join(clean_text(name or "").split())[:200]
    if not name:
        raise ValidationError(gettext("Give the round a name."))
    _annotators_check(annotator_a, annotator_b)
    ids = _annotation_sample(
        size=size,
        article_ids=article_ids,
        language=language,
        outlet_id=outlet_id,
        published_from=published_from,
        published_to=published_to,
        rng=rng,
    )
    with transaction.atomic():
        round = AnnotationRound.objects.create(
            name=name, created_by=by, annotator_a=annotator_a, annotator_b=annotator_b
        )
        round.articles.set(ids)
        AnnotationAssignment.objects.bulk_create(
            AnnotationAssignment(round=round, article_id=pk, annotator=person)
            for pk in ids
            for person in (annotator_a, annotator_b)
        )
        notifications.notification_annotation_assigned(round=round, by=by)
    return round


def _round_open_check(assignment: AnnotationAssignment) -> None:
    # Asked of the database: the round may have been closed since the page was loaded.
    if AnnotationRound.objects.filter(pk=assignment.round_id, closed_at__isnull=False).exists():
        raise ValidationError(gettext("This round is closed: its annotations are final."))


def _assignment_open_check(assignment: AnnotationAssignment, by: AbstractBaseUser) -> None:
    """Only its annotator changes an assignment, while it is not done and its round open."""
    require(
        by.is_authenticated and assignment.annotator_id == by.pk,
        gettext("This article was sent to someone else to annotate."),
    )
    _round_open_check(assignment)
    if assignment.is_done:
        raise ValidationError(
            gettext("You marked this article done: reopen it to change your statements.")
        )


def _statement_fields(
    *,
    text: str,
    start: int | None,
    end: int | None,
    words: str,
    speaker: str,
    speaker_type: str,
    cue: str,
    quote_type: str,
    stance: str,
    via: str | list,
    near: int = 0,
) -> dict:
    """A hand-marked statement's span and fields, resolved and cleaned: a mention added in
    the review (mention_add) and an annotation (annotation_add, annotation_edit)."""
    start, end = spans.span_resolve(text=text, start=start, end=end, words=words, near=near)
    _mention_fields_check(speaker_type=speaker_type, quote_type=quote_type, stance=stance)
    return {
        "start": start,
        "end": end,
        "content": text[start:end],
        "speaker": " ".join(clean_text(speaker or "").split())[:300],
        "speaker_type": speaker_type,
        "cue": " ".join(clean_text(cue or "").split())[:200],
        "quote_type": quote_type,
        "stance": stance,
        "via": spans.via_clean(via),
    }


def annotation_add(
    *,
    assignment: AnnotationAssignment,
    by: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    words: str = "",
    speaker: str = "",
    speaker_type: str = "",
    cue: str = "",
    quote_type: str = Mention.QuoteType.INDIRECT,
    stance: str = Mention.Stance.ASSERTS,
    via: str | list = "",
) -> Annotation:
    """The annotator marks a statement in the article of their assignment, selected in
    the text (or by its exact words), with who said it and how."""
    _assignment_open_check(assignment, by)
    text = Article.objects.values_list("text", flat=True).get(pk=assignment.article_id)
    fields = _statement_fields(
        text=text, start=start, end=end, words=words, speaker=speaker,
        speaker_type=speaker_type, cue=cue, quote_type=quote_type, stance=stance, via=via,
    )  # fmt: skip
    return Annotation.objects.create(assignment=assignment, **fields)


def annotation_edit(
    *,
    annotation: Annotation,
    by: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    words: str = "",
    speaker: str = "",
    speaker_type: str = "",
    cue: str = "",
    quote_type: str = Mention.QuoteType.INDIRECT,
    stance: str = Mention.Stance.ASSERTS,
    via: str | list = "",
) -> Annotation:
    """The annotator changes one of their statements (typed words are looked up nearest
    to where it was)."""
    assignment = annotation.assignment
    _assignment_open_check(assignment, by)
    text = Article.objects.values_list("text", flat=True).get(pk=assignment.article_id)
    fields = _statement_fields(
        text=text, start=start, end=end, words=words, speaker=speaker,
        speaker_type=speaker_type, cue=cue, quote_type=quote_type, stance=stance, via=via,
        near=annotation.start,
    )  # fmt: skip
    for key, value in fields.items():
        setattr(annotation, key, value)
    annotation.save(update_fields=list(fields))
    return annotation


def annotation_delete(*, annotation: Annotation, by: AbstractBaseUser) -> None:
    """The annotator removes one of their statements."""
    _assignment_open_check(annotation.assignment, by)
    annotation.delete()


def assignment_finish(
    *, assignment: AnnotationAssignment, by: AbstractBaseUser
) -> AnnotationAssignment:
    """The annotator is done with the article: it counts in the agreement once the other
    annotator is done too. Reversible (assignment_reopen) until the round is closed."""
    _assignment_open_check(assignment, by)
    assignment.state = AnnotationAssignment.State.DONE
    assignment.done_at = timezone.now()
    assignment.save(update_fields=["state", "done_at"])
    return assignment


def assignment_reopen(
    *, assignment: AnnotationAssignment, by: AbstractBaseUser
) -> AnnotationAssignment:
    """The annotator takes a finished article back to change it, while the round is open."""
    require(
        by.is_authenticated and assignment.annotator_id == by.pk,
        gettext("This article was sent to someone else to annotate."),
    )
    _round_open_check(assignment)
    assignment.state = AnnotationAssignment.State.TODO
    assignment.done_at = None
    assignment.save(update_fields=["state", "done_at"])
    return assignment


def annotation_round_close(*, round: AnnotationRound, by: AbstractBaseUser) -> AnnotationRound:
    """An editor closes a round: its annotations are final, and editors who annotated in it
    may now see its agreement."""
    require(is_editor(by), gettext("Only editors close annotation rounds."))
    if not round.is_closed:
        round.closed_at = timezone.now()
        round.save(update_fields=["closed_at"])
    return round
