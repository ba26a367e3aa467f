"""Writes on articles: every article that enters is stored first, with a status."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from articles.models import Article, Language, Outlet, content_hash
from claims import extraction

ERROR_EMPTY = "The article has no text: paste the article body and submit it again."
ERROR_UNKNOWN_LANGUAGE = (
    "We could not tell whether this article is in French or English. "
    "Choose the language by hand and submit it again."
)


def outlet_get_or_create(*, name: str) -> Outlet | None:
    """The outlet of that name, created when new; None for a blank name."""
    name = " ".join(name.split())
    if not name:
        return None
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None:
        outlet, _ = Outlet.objects.get_or_create(name=name)
    return outlet


def _guess_title(text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first_line) <= 200:
        return first_line
    return first_line[:197].rsplit(" ", 1)[0] + "…"


def article_create_from_text(
    *,
    text: str,
    language: str | None = None,
    outlet_name: str | None = None,
    title: str = "",
    submitted_by: AbstractBaseUser | None = None,
    enqueue: bool = True,
) -> Article:
    """Store a pasted article, then queue claim extraction once the row is committed.

    The article is always stored. Text that cannot be processed (empty, a language we
    do not support) is stored as failed, with the reason in words a journalist can act on.
    With `enqueue=False` the caller runs extraction itself (`ingest --sync`).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    language = (language or "").strip().lower() or None
    article = Article(
        text=text,
        title=(title or _guess_title(text))[:500],
        outlet=outlet_get_or_create(name=outlet_name or ""),
        content_hash=content_hash(text),
        submitted_by=submitted_by if submitted_by and submitted_by.is_authenticated else None,
    )
    if not text.strip():
        article.status, article.error = Article.Status.FAILED, ERROR_EMPTY
    elif language is not None and language not in Language.values:
        article.status = Article.Status.FAILED
        article.error = (
            f"Unsupported language “{language}”: claimtrack extracts claims from French (fr) "
            "and English (en) articles."
        )
    else:
        article.language = language or extraction.detect_language(text) or ""
        if not article.language:
            article.status, article.error = Article.Status.FAILED, ERROR_UNKNOWN_LANGUAGE
    with transaction.atomic():
        article.save()
        if enqueue and article.status == Article.Status.QUEUED:
            article_enqueue_extraction(article=article)
    return article


def article_enqueue_extraction(*, article: Article) -> None:
    """Queue claim extraction for the article once the current transaction commits."""
    from claims.tasks import extract_claims

    article_id = article.pk
    # robust: if the broker is unreachable the article stays queued (and is logged)
    # instead of turning the submission itself into an error.
    transaction.on_commit(lambda: extract_claims.delay(article_id), robust=True)


def article_requeue(*, article: Article) -> Article:
    """Send a stored article through claim extraction again."""
    with transaction.atomic():
        article.status, article.error = Article.Status.QUEUED, ""
        article.save(update_fields=["status", "error", "updated_at"])
        article_enqueue_extraction(article=article)
    return article
