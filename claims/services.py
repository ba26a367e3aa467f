"""Writes on sources, mentions and claims."""

import logging
import unicodedata

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from claims import extraction
from claims.models import Claim, Mention, Source

logger = logging.getLogger(__name__)

ERROR_EXTRACTION = (
    "Claim extraction stopped on an unexpected problem with this article's text. "
    "The article is kept; the technical team has the details in the worker log."
)


def _normalize_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def source_get_or_create(*, name: str, kind: str) -> Source:
    """The source speaking: named sources are shared, each anonymous one is new."""
    name = " ".join(name.split())[:300]
    if kind not in Source.Kind.values:
        kind = Source.Kind.PERSON
    normalized = _normalize_name(name)[:300]
    if kind == Source.Kind.ANONYMOUS:
        return Source.objects.create(name=name, normalized_name=normalized, kind=kind)
    source = Source.objects.filter(normalized_name=normalized, kind=kind).first()
    if source is not None:
        return source
    try:
        with transaction.atomic():
            return Source.objects.create(name=name, normalized_name=normalized, kind=kind)
    except IntegrityError:  # created meanwhile by another worker
        return Source.objects.get(normalized_name=normalized, kind=kind)


def article_extract_claims(*, article: Article) -> Article:
    """Run claim extraction on a stored article and store its mentions.

    Idempotent: the article's unreviewed mentions are replaced in one transaction, so
    running it twice never duplicates them, and reviewed mentions are never touched.
    Any failure ends with status failed and a sentence a journalist can act on.
    """
    if not article.text.strip() or not article.language:
        return article
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.EXTRACTING, updated_at=timezone.now()
    )
    try:
        found = extraction.extract(article.text, article.language)
    except Exception:
        logger.exception("Claim extraction failed for article %s", article.pk)
        return article_mark_failed(article=article, error=ERROR_EXTRACTION)

    with transaction.atomic():
        article.mentions.filter(review_state=Mention.ReviewState.UNREVIEWED).delete()
        reviewed = set(article.mentions.values_list("start", "end", "speaker").order_by())
        mentions = []
        for item in found:
            if (item.start, item.end, item.speaker or "") in reviewed:
                continue
            source = (
                source_get_or_create(name=item.speaker, kind=item.speaker_type)
                if item.speaker
                else None
            )
            mentions.append(
                Mention(
                    article=article,
                    source=source,
                    speaker=(item.speaker or "")[:300],
                    speaker_type=item.speaker_type or "",
                    content=item.content,
                    start=item.start,
                    end=item.end,
                    cue=(item.cue or "")[:200],
                    quote_type=item.quote_type,
                    stance=item.stance,
                    via=list(item.via),
                    confidence=min(max(float(item.confidence), 0.0), 1.0),
                    rule=(getattr(item, "rule", "") or "")[:100],
                    extractor_version=extraction.EXTRACTOR_VERSION,
                )
            )
        Mention.objects.bulk_create(mentions)
        article.status = Article.Status.READY
        article.error = ""
        article.pipeline_version = extraction.EXTRACTOR_VERSION
        article.processed_at = timezone.now()
        article.save(
            update_fields=["status", "error", "pipeline_version", "processed_at", "updated_at"]
        )
    return article


def article_mark_failed(*, article: Article, error: str) -> Article:
    """Record that processing failed, and why, in plain words."""
    article.status = Article.Status.FAILED
    article.error = error
    article.processed_at = timezone.now()
    article.save(update_fields=["status", "error", "processed_at", "updated_at"])
    return article


def _unique_slug(statement: str) -> str:
    base = slugify(statement)[:100].strip("-") or "claim"
    slug, n = base, 2
    while Claim.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def claim_create_from_mention(
    *, mention: Mention, statement: str, by: AbstractBaseUser | None = None
) -> Claim:
    """Accept a mention into a new claim that tracks its statement."""
    statement = " ".join(statement.split())
    if not statement:
        raise ValidationError("A claim needs a statement.")
    with transaction.atomic():
        claim = Claim.objects.create(
            statement=statement,
            slug=_unique_slug(statement),
            claimant=mention.source,
            language=mention.article.language,
            created_by=by,
        )
        mention.claim = claim
        mention.review_state = Mention.ReviewState.ACCEPTED
        mention.save(update_fields=["claim", "review_state"])
    return claim


def claim_publish(
    *, claim: Claim, verdict: str, conclusion: str, by: AbstractBaseUser | None = None
) -> Claim:
    """Publish a claim with its verdict and written conclusion."""
    if verdict not in Claim.Verdict.values:
        raise ValidationError(f"Unknown verdict “{verdict}”.")
    if not conclusion.strip():
        raise ValidationError("A published claim needs a written conclusion.")
    claim.verdict = verdict
    claim.conclusion = conclusion.strip()
    claim.status = Claim.Status.PUBLISHED
    claim.published_at = claim.published_at or timezone.now()
    claim.save(update_fields=["verdict", "conclusion", "status", "published_at", "updated_at"])
    return claim
