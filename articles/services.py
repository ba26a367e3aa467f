"""Writes on articles: every article that enters is stored first, with a status.

An article enters as pasted text, a link (form, command, API), a feed entry or an import
line. Links are fetched by a worker (`fetch_article`), then every article goes through claim
extraction (`claims.tasks.extract_claims`). Each step is a Celery task sent when the
transaction commits; when the broker cannot be reached the article simply stays queued and
the sweeper (`articles_sweep_stuck`, run by Celery beat) sends it again later.
"""

import datetime
import io
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin

import feedparser
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop

from articles import fetch as fetching
from articles.models import Article, Feed, Language, Outlet, content_hash
from articles.pages import ERROR_NO_TEXT, PageArticle, page_article, plain_text_article
from claims import extraction
from claimtrack.text import clean_text

logger = logging.getLogger(__name__)

# Errors stored on an article (Article.error) are kept in English, whoever submitted it; the
# fixed ones are marked for translation so that pages can show them translated
# (gettext(article.error)) when they are read.
ERROR_EMPTY = gettext_noop("The article has no text: paste the article body and submit it again.")
ERROR_UNKNOWN_LANGUAGE = gettext_noop(
    "We could not tell whether this article is in French or English. "
    "Choose the language by hand and submit it again."
)
ERROR_UNSUPPORTED_CODE = gettext_noop(
    "Unsupported language “%(language)s”: claimtrack extracts claims from French (fr) "
    "and English (en) articles."
)


def unsupported_language_error(code: str) -> str:
    """What a journalist reads about an article in a language claimtrack does not extract."""
    return (
        f"The article seems to be in {extraction.language_name(code)}: claimtrack handles "
        "French and English."
    )


ERROR_READING = gettext_noop(
    "Reading this page stopped on an unexpected problem. The article is kept; the technical "
    "team has the details in the worker log."
)
ERROR_INTERRUPTED = (
    "Processing of this article was interrupted {count} times (a worker stopped in the middle "
    "of it), so claimtrack stopped trying. The technical team has the details in the worker log."
)
# The longest article a person may paste (form or API): a long read is 60,000 characters;
# this leaves room for a report pasted whole, and spaCy reads it in a few seconds.
# settings.DATA_UPLOAD_MAX_MEMORY_SIZE (3 MB) lets it through form-encoded or as JSON in any
# script.
PASTED_TEXT_MAX_CHARS = 200_000
CHARS_PER_PAGE = 3_000  # about 500 words


def pasted_text_limit() -> str:
    """The paste limit in words, for messages."""
    return gettext(
        "Pasted articles can be at most %(chars)s characters (about %(pages)s pages)"
    ) % {
        "chars": number_format(PASTED_TEXT_MAX_CHARS, force_grouping=True),
        "pages": PASTED_TEXT_MAX_CHARS // CHARS_PER_PAGE,
    }


def pasted_text_error(text: str) -> str:
    """Why a pasted text is refused (too long), or "" when it may be submitted."""
    if len(text) <= PASTED_TEXT_MAX_CHARS:
        return ""
    return gettext("%(limit)s; this one has %(length)s.") % {
        "limit": pasted_text_limit(),
        "length": number_format(len(text), force_grouping=True),
    }


ERROR_NOT_A_FEED = (
    "This address does not give an RSS or Atom feed. Check that it is the feed's address, "
    "not the site's home page."
)


@dataclass(frozen=True)
class Submission:
    """The article a submission ended in, and whether it was new."""

    article: Article
    created: bool
    message: str  # what happened, for the person who submitted it

    @property
    def duplicate(self) -> bool:
        return not self.created


class FetchRetryLater(Exception):
    """The page could not be fetched for a reason that may pass (network, HTTP 503)."""

    def __init__(self, error: fetching.FetchError) -> None:
        super().__init__(error.message)
        self.error = error


def fetch_policy() -> fetching.FetchPolicy:
    """The fetch limits from settings (loopback only with CLAIMTRACK_FETCH_ALLOW_LOOPBACK=1)."""
    return fetching.FetchPolicy.from_environment(
        max_bytes=settings.CLAIMTRACK_FETCH_MAX_BYTES,
        connect_timeout=settings.CLAIMTRACK_FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.CLAIMTRACK_FETCH_READ_TIMEOUT,
        total_timeout=settings.CLAIMTRACK_FETCH_TOTAL_TIMEOUT,
    )


def outlet_get_or_create(*, name: str) -> Outlet | None:
    """The outlet of that name, created when new; None for a blank name."""
    name = " ".join(clean_text(name).split())[:200]
    if not name:
        return None
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is None:
        outlet, _ = Outlet.objects.get_or_create(name=name)
    return outlet


def outlet_for_domain(*, domain: str, site_name: str = "") -> Outlet | None:
    """The outlet publishing on that domain, created from the site's name when new."""
    domain = domain.lower().strip(".")
    if not domain:
        return None
    outlet = Outlet.objects.filter(domain__iexact=domain).order_by("id").first()
    if outlet is not None:
        return outlet
    name = " ".join(clean_text(site_name).split())[:200] or domain
    outlet = Outlet.objects.filter(name__iexact=name).first()
    if outlet is not None and not outlet.domain:
        Outlet.objects.filter(pk=outlet.pk).update(domain=domain)
        return outlet
    if outlet is not None:  # another site uses that name: tell them apart by domain
        name = domain
    try:
        with transaction.atomic():
            return Outlet.objects.create(name=name, domain=domain)
    except IntegrityError:  # created meanwhile by another worker
        return Outlet.objects.filter(name=name).first()


def _guess_title(text: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first_line) <= 200:
        return first_line
    return first_line[:197].rsplit(" ", 1)[0] + "…"


def provenance_clean(
    *, url: str = "", published: str | datetime.date | datetime.datetime | None = None
) -> tuple[str, datetime.datetime | None]:
    """The original link (canonical) and the publication moment of a pasted text.

    Raises ValidationError, in words a journalist understands, for a link that is not a web
    address or a date that is not a date. A bare date is taken as noon in the site's time
    zone, so that it shows as the same day wherever it is read.
    """
    url = " ".join(clean_text(url or "").split())
    if url:
        try:
            url = fetching.canonical_url(url)
        except fetching.FetchError as error:
            raise ValidationError(gettext(error.message), code="url") from None
    moment = None
    if isinstance(published, str):
        published = published.strip()
        if published:
            parsed = parse_datetime(published) or parse_date(published)
            if parsed is None:
                raise ValidationError(
                    gettext(
                        "“%(value)s” is not a date: write the publication date as "
                        "YYYY-MM-DD (for example 2026-03-14)."
                    )
                    % {"value": published[:40]},
                    code="published",
                )
            published = parsed
        else:
            published = None
    if isinstance(published, datetime.datetime):
        moment = published if timezone.is_aware(published) else timezone.make_aware(published)
    elif isinstance(published, datetime.date):
        moment = timezone.make_aware(datetime.datetime.combine(published, datetime.time(12)))
    if moment is not None and moment > timezone.now() + timedelta(days=1):
        raise ValidationError(
            gettext("The publication date is in the future: check it."), code="published"
        )
    return url, moment


def article_create_from_text(
    *,
    text: str,
    language: str | None = None,
    outlet_name: str | None = None,
    title: str = "",
    url: str = "",
    published_at: datetime.datetime | None = None,
    submitted_by: AbstractBaseUser | None = None,
    enqueue: bool = True,
) -> Article:
    """Store a pasted article, then queue claim extraction once the row is committed.

    The article is always stored. Text that cannot be processed is stored with the reason in
    words a journalist can act on: failed when empty, unsupported for a language we do not
    handle. `url` and `published_at` are its provenance (provenance_clean): the link of the
    original and its publication date, used by the claim pages and ClaimReview.
    With `enqueue=False` the caller runs extraction itself (`ingest --sync`).
    """
    text = clean_text(text)
    language = clean_text(language or "").strip().lower() or None
    article = Article(
        text=text,
        title=(clean_text(title) or _guess_title(text))[:500],
        outlet=outlet_get_or_create(name=outlet_name or "") or _outlet_of_link(url),
        url=url,
        published_at=published_at,
        content_hash=content_hash(text),
        submitted_by=submitted_by if submitted_by and submitted_by.is_authenticated else None,
    )
    if not text.strip():
        article.status, article.error = Article.Status.FAILED, ERROR_EMPTY
    elif language is not None and language not in Language.values:
        article.status = Article.Status.UNSUPPORTED
        article.error = ERROR_UNSUPPORTED_CODE % {"language": language}
    else:
        article.language = language or ""
        if not article.language:
            article.status, article.error, article.language = _detect_language(text)
    will_enqueue = enqueue and article.status == Article.Status.QUEUED
    if will_enqueue:
        article.enqueued_at = timezone.now()  # recorded by the INSERT, no second query
    with transaction.atomic():
        article.save()
        if will_enqueue:
            from claims.tasks import extract_claims

            _send_on_commit(
                article.pk, extract_claims, mark=False, options=_extraction_options(article)
            )
    return article


def _detect_language(text: str) -> tuple[str, str, str]:
    """(status, error, language) of an article from its text alone."""
    language = extraction.identify_language(text)
    if not language:
        return Article.Status.FAILED, ERROR_UNKNOWN_LANGUAGE, ""
    if language not in Language.values:
        return Article.Status.UNSUPPORTED, unsupported_language_error(language), ""
    return Article.Status.QUEUED, "", language


def _lock_fingerprint(fingerprint: str) -> None:
    """Serialise, until the transaction ends, the submissions of one text (PostgreSQL).

    Without it two workers fetching the same story from two links at the same moment would
    both see no earlier copy. SQLite serialises writers anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(fingerprint[:15], 16)])


def _same_text(fingerprint: str, *, exclude_pk: int | None = None, include_failed: bool):
    """The first article holding this text, if any (duplicates point to it, never match)."""
    articles = (
        Article.objects.filter(content_hash=fingerprint)
        .exclude(text="")
        .exclude(status=Article.Status.DUPLICATE)
    )
    if not include_failed:
        articles = articles.exclude(status__in=Article.Status.with_error())
    if exclude_pk is not None:
        articles = articles.exclude(pk=exclude_pk)
    return articles.order_by("id").first()


def _same_url(urls: list[str], *, exclude_pk: int | None = None) -> Article | None:
    urls = [url for url in urls if url]
    if not urls:
        return None
    articles = Article.objects.filter(Q(url__in=urls) | Q(canonical_url__in=urls)).exclude(
        status=Article.Status.DUPLICATE
    )
    if exclude_pk is not None:
        articles = articles.exclude(pk=exclude_pk)
    return articles.order_by("id").first()


def _already(article: Article, what: str) -> str:
    values = {"number": article.pk, "status": str(article.get_status_display()).lower()}
    if what == "text":
        return (
            gettext(
                "This text was already submitted: it is article %(number)s (%(status)s). "
                "Nothing was done again."
            )
            % values
        )
    return (
        gettext(
            "This link was already submitted: it is article %(number)s (%(status)s). "
            "Nothing was done again."
        )
        % values
    )


def article_submit_text(
    *,
    text: str,
    language: str | None = None,
    outlet_name: str | None = None,
    title: str = "",
    url: str = "",
    published: str | datetime.date | datetime.datetime | None = None,
    submitted_by: AbstractBaseUser | None = None,
    enqueue: bool = True,
    retry_failed: bool = True,
) -> Submission:
    """Store pasted text as an article, unless the same text is already stored.

    The same text (ignoring case and spacing) returns the existing article, and says so. An
    earlier copy that failed does not count when `retry_failed` (the person may have chosen
    the language this time); bulk imports pass False so that a second run repeats nothing.

    `url` (the original link) and `published` (its publication date) say where the text
    comes from; a bad one raises ValidationError before anything is stored. A link already
    stored is the same article: when that article failed to fetch and holds no text (a
    paywall, a site that refuses robots), the pasted text goes into it and is extracted.
    """
    url, published_at = provenance_clean(url=url, published=published)
    normalised = clean_text(text)  # as article_create_from_text stores it
    with transaction.atomic():
        if normalised.strip():  # an empty text is stored as failed, never a duplicate
            fingerprint = content_hash(normalised)
            _lock_fingerprint(fingerprint)
            existing = _same_text(fingerprint, include_failed=not retry_failed)
            if existing is not None:
                return Submission(existing, False, _already(existing, "text"))
        if url and (linked := _same_url([url])) is not None:
            if linked.status == Article.Status.FAILED and not linked.text and normalised.strip():
                return _fill_failed_link(
                    linked, text=normalised, language=language, outlet_name=outlet_name,
                    title=title, published_at=published_at, enqueue=enqueue,
                )  # fmt: skip
            return Submission(linked, False, _already(linked, "link"))
        article = article_create_from_text(
            text=text, language=language, outlet_name=outlet_name, title=title,
            url=url, published_at=published_at, submitted_by=submitted_by, enqueue=enqueue,
        )  # fmt: skip
    if article.status == Article.Status.QUEUED:
        return Submission(article, True, gettext("Article stored. Claims are being extracted."))
    return Submission(article, True, gettext(article.error))


def _outlet_of_link(url: str) -> Outlet | None:
    if not url:
        return None
    return outlet_for_domain(domain=fetching.url_host(url))


def _fill_failed_link(
    article: Article,
    *,
    text: str,
    language: str | None,
    outlet_name: str | None,
    title: str,
    published_at: datetime.datetime | None,
    enqueue: bool,
) -> Submission:
    """Put pasted text into a link's article that failed to fetch, and extract it."""
    article.text, article.content_hash = text, content_hash(text)
    article.title = article.title or (clean_text(title) or _guess_title(text))[:500]
    article.outlet = article.outlet or outlet_get_or_create(name=outlet_name or "")
    article.published_at = article.published_at or published_at
    language = clean_text(language or "").strip().lower()
    if language and language not in Language.values:
        article.status, article.error = (
            Article.Status.UNSUPPORTED,
            unsupported_language_error(language),
        )
    elif language:
        article.language, article.status, article.error = language, Article.Status.QUEUED, ""
    else:
        article.status, article.error, article.language = _detect_language(text)
    article.save()
    if enqueue and article.status == Article.Status.QUEUED:
        article_enqueue_extraction(article=article)
    if article.status == Article.Status.QUEUED:
        message = gettext(
            "This link had failed to fetch (article %(number)s): the pasted text is now stored "
            "in it and claims are being extracted."
        )
    else:
        message = gettext(
            "This link had failed to fetch (article %(number)s): the pasted text is now stored "
            "in it."
        )
    return Submission(article, False, message % {"number": article.pk})


def article_submit_url(
    *,
    url: str,
    language: str | None = None,
    outlet_name: str | None = None,
    title: str = "",
    submitted_by: AbstractBaseUser | None = None,
    feed: Feed | None = None,
    enqueue: bool = True,
    retry_failed: bool = True,
) -> Submission:
    """Store a link as an article to fetch, unless the same page is already stored.

    The link is compared in its canonical form (no tracking parameters, no fragment) with
    the links and the pages' own canonical links of stored articles. A link that failed
    before is tried again when `retry_failed`. Raises ValidationError for a link that can
    never be fetched (not http/https, malformed).
    """
    try:
        canonical = fetching.canonical_url(url)
    except fetching.FetchError as error:
        raise ValidationError(gettext(error.message)) from None
    language = clean_text(language or "").strip().lower()
    if language and language not in Language.values:
        raise ValidationError(gettext(ERROR_UNSUPPORTED_CODE) % {"language": language})
    existing = _same_url([canonical])
    if existing is not None:
        if language and existing.status == Article.Status.FAILED and not existing.language:
            Article.objects.filter(pk=existing.pk).update(language=language)
            existing.language = language
        retryable = existing.needs_fetching or existing.language
        if retry_failed and existing.status == Article.Status.FAILED and retryable:
            article_retry(article=existing)
            return Submission(
                existing,
                False,
                gettext(
                    "This link was already submitted as article %(number)s and had failed; "
                    "claimtrack is trying again."
                )
                % {"number": existing.pk},
            )
        return Submission(existing, False, _already(existing, "link"))
    outlet = outlet_get_or_create(name=outlet_name or "") or (feed.outlet if feed else None)
    article = Article(
        url=canonical,
        title=" ".join(clean_text(title).split())[:500],
        outlet=outlet,
        language=language,
        feed=feed,
        submitted_by=submitted_by if submitted_by and submitted_by.is_authenticated else None,
    )
    try:
        with transaction.atomic():
            article.save()
            if enqueue:
                article_enqueue_fetch(article=article)
    except IntegrityError:  # the same link, submitted at the same moment
        existing = _same_url([canonical])
        if existing is None:
            raise
        return Submission(existing, False, _already(existing, "link"))
    return Submission(article, True, gettext("Link stored. The page will be fetched and read."))


SEND_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def _send_on_commit(
    article_id: int, task, *, mark: bool = True, options: dict | None = None
) -> None:
    """Hand the article's next task to the queue once the transaction commits.

    `enqueued_at` records the hand-over; when the broker cannot be reached it is cleared
    and the article stays queued, so the sweeper knows to send it again. `options` go to
    `apply_async` (time limits).
    """

    def send() -> None:
        try:
            # No result is read back, and a broker that is down must not hold a web request
            # for long: fail fast, the sweeper sends it later.
            task.apply_async(
                (article_id,),
                ignore_result=True,
                retry_policy=SEND_RETRY_POLICY,
                **(options or {}),
            )
        except Exception:  # kombu/redis errors: the broker is down or unreachable
            logger.warning(
                "Could not queue %s for article %s (broker unreachable); "
                "the sweeper will send it again.",
                task.name,
                article_id,
                exc_info=True,
            )
            Article.objects.filter(pk=article_id).update(enqueued_at=None)

    if mark:
        Article.objects.filter(pk=article_id).update(enqueued_at=timezone.now())
    transaction.on_commit(send)


def _extraction_options(article: Article) -> dict:
    """Celery time limits of the article's extraction, scaled to the length of its text."""
    from claims.services import extraction_time_limits

    soft, hard = extraction_time_limits(len(article.text))
    return {"soft_time_limit": soft, "time_limit": hard}


def article_enqueue_extraction(*, article: Article) -> None:
    """Queue claim extraction for the article once the current transaction commits."""
    from claims.tasks import extract_claims

    _send_on_commit(article.pk, extract_claims, options=_extraction_options(article))


def article_enqueue_fetch(*, article: Article) -> None:
    """Queue the fetching of the article's page once the current transaction commits."""
    from articles.tasks import fetch_article

    _send_on_commit(article.pk, fetch_article)


def article_enqueue_next_step(*, article: Article) -> None:
    """Queue whatever the article needs next: its page fetched, or its claims extracted."""
    if article.needs_fetching:
        article_enqueue_fetch(article=article)
    else:
        article_enqueue_extraction(article=article)


def article_requeue(*, article: Article) -> Article:
    """Send a stored article through claim extraction again.

    Refused while a live run extracts it (the article is returned as it is, extracting):
    its mentions are on their way, and a second run would only redo them.
    """
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.is_being_extracted:
            return current
        article.status, article.error = Article.Status.QUEUED, ""
        article.save(update_fields=["status", "error", "updated_at"])
        article_enqueue_extraction(article=article)
    return article


def article_retry(*, article: Article) -> Article:
    """Send a failed article through the step it failed at (fetching or extraction) again."""
    if not article.needs_fetching and not article.language:
        return article  # it would fail the same way: its language must be chosen first
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.is_being_extracted:  # not failed any more: a run took it meanwhile
            return current
        article.status, article.error = Article.Status.QUEUED, ""
        article.save(update_fields=["status", "error", "updated_at"])
        article_enqueue_next_step(article=article)
    return article


def _finish(article: Article, status: str, error: str = "") -> Article:
    article.status, article.error = status, error
    article.processed_at = timezone.now()
    article.save(update_fields=["status", "error", "processed_at", "updated_at"])
    return article


def _read_page(page: fetching.FetchedPage) -> PageArticle | None:
    html = fetching.decode_body(page.body, page.charset)
    if page.content_type == "text/plain":
        return plain_text_article(html)
    return page_article(html, url=page.url)


def article_fetch(
    *,
    article: Article,
    final_attempt: bool = True,
    policy: fetching.FetchPolicy | None = None,
    enqueue: bool = True,
) -> Article:
    """Fetch a submitted link, read the article in the page and queue its claim extraction.

    Ends the article as queued for extraction, or as failed, unsupported (language) or
    duplicate with a sentence saying why. Safe to run twice: only an article still waiting
    for its page is fetched. Raises FetchRetryLater for a failure that may pass, unless this
    is the `final_attempt`.
    """
    claimed = Article.objects.filter(
        pk=article.pk,
        status__in=[Article.Status.QUEUED, Article.Status.FETCHING],
        text="",
    ).update(status=Article.Status.FETCHING, updated_at=timezone.now())
    article.refresh_from_db()
    if not claimed or not article.url:
        return article
    try:
        page = fetching.fetch(article.url, policy=policy or fetch_policy())
        found = _read_page(page)
    except fetching.FetchError as error:
        if error.retryable and not final_attempt:
            raise FetchRetryLater(error) from None
        return _finish(article, Article.Status.FAILED, error.message)
    except Exception:
        logger.exception("Reading the page of article %s failed", article.pk)
        return _finish(article, Article.Status.FAILED, ERROR_READING)
    if found is None:
        return _finish(article, Article.Status.FAILED, ERROR_NO_TEXT)
    return _article_store_page(article=article, page=page, found=found, enqueue=enqueue)


def _canonical_or_blank(url: str) -> str:
    try:
        return fetching.canonical_url(url) if url else ""
    except fetching.FetchError:
        return ""


def _article_store_page(
    *, article: Article, page: fetching.FetchedPage, found: PageArticle, enqueue: bool
) -> Article:
    text = clean_text(found.text)
    fingerprint = content_hash(text)
    final_url = _canonical_or_blank(page.url)
    declared = _canonical_or_blank(found.canonical_url)
    if declared and not fetching.same_site(declared, final_url or article.url):
        # Any page can name any address as its canonical link: trusted from another site,
        # it would make that site's own article "already submitted" and never fetched.
        declared = ""
    with transaction.atomic():
        _lock_fingerprint(fingerprint)
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status != Article.Status.FETCHING:  # finished meanwhile by another worker
            return article
        article.text = text
        article.content_hash = fingerprint
        # Kept for its re-fetches (articles.refetch): an unchanged page then costs a 304.
        article.etag = page.headers.get("etag", "")[:500]
        article.last_modified = page.headers.get("last-modified", "")[:100]
        title = " ".join(clean_text(found.title).split())[:500]
        article.title = article.title or title or _guess_title(text)
        article.byline = " ".join(clean_text(found.byline).split())[:500]
        article.published_at = found.published_at
        article.canonical_url = next(
            (url for url in (declared, final_url) if url and url != article.url), ""
        )
        if article.outlet_id is None:
            article.outlet = outlet_for_domain(
                domain=fetching.url_host(final_url or article.url), site_name=found.site_name
            )
        original = _same_url([declared, final_url], exclude_pk=article.pk) or _same_text(
            fingerprint, exclude_pk=article.pk, include_failed=False
        )
        if original is not None and original.pk < article.pk:
            article.status = Article.Status.DUPLICATE
            article.duplicate_of = original
            article.error = (
                f"This page has the same article as article {original.pk}: its claims are "
                "there, so it was not processed again."
            )
            article.processed_at = timezone.now()
        elif article.language:
            article.status = Article.Status.QUEUED
        else:
            article.status, article.error, article.language = _detect_language(text)
            hint = found.language_hint[:2]
            if article.status == Article.Status.FAILED and hint:
                # Too little text to tell: the page's own <html lang> decides.
                if hint in Language.values:
                    article.status, article.error, article.language = (
                        Article.Status.QUEUED,
                        "",
                        hint,
                    )
                else:
                    article.status = Article.Status.UNSUPPORTED
                    article.error = unsupported_language_error(hint)
            if article.status != Article.Status.QUEUED:
                article.processed_at = timezone.now()
        article.save()
        if enqueue and article.status == Article.Status.QUEUED:
            article_enqueue_extraction(article=article)
    return article


def article_process_now(*, article: Article) -> Article:
    """Run the article's remaining steps in this process (`ingest --sync`, imports)."""
    from claims.services import article_extract_claims

    if article.needs_fetching and article.status in Article.Status.in_progress():
        article = article_fetch(article=article, enqueue=False)
    if article.status == Article.Status.QUEUED and article.text:
        article = article_extract_claims(article=article)
    article.refresh_from_db()
    return article


def articles_sweep_stuck(
    *,
    unsent_after: timedelta,
    queued_after: timedelta,
    running_after: timedelta,
    heartbeat_after: timedelta | None = None,
    max_sweeps: int = 3,
) -> int:
    """Send again the articles whose task was lost; returns how many were sent.

    Three cases: queued but never handed to the broker (it was down: `enqueued_at` is
    empty); queued and handed over so long ago that the message must be lost; fetching for
    longer than any task takes, or extracting with no heartbeat for `heartbeat_after`
    (default CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT; `running_after` when the run never beat):
    its worker died. An extraction that still beats is never sent again. The last case
    counts as an interruption; after `max_sweeps` of them the article fails instead of
    being retried forever (a page that kills workers must not kill them all).
    """
    if heartbeat_after is None:
        heartbeat_after = timedelta(seconds=settings.CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT)
    now = timezone.now()
    is_stuck = (
        Q(
            status=Article.Status.QUEUED,
            enqueued_at__isnull=True,
            updated_at__lte=now - unsent_after,
        )
        | Q(status=Article.Status.QUEUED, enqueued_at__lte=now - queued_after)
        | Q(status=Article.Status.FETCHING, updated_at__lte=now - running_after)
        | Q(
            status=Article.Status.EXTRACTING,
            heartbeat_at__isnull=True,
            updated_at__lte=now - running_after,
        )
        | Q(status=Article.Status.EXTRACTING, heartbeat_at__lte=now - heartbeat_after)
    )
    stuck = Article.objects.filter(is_stuck)
    sent = 0
    for article_id in stuck.order_by("id").values_list("id", flat=True):
        with transaction.atomic():
            # Checked again under the lock: the run may have beaten or finished meanwhile.
            article = (
                Article.objects.select_for_update(skip_locked=True)
                .filter(is_stuck, pk=article_id)
                .first()
            )
            if article is None:
                continue
            interrupted = article.status != Article.Status.QUEUED
            if interrupted and article.sweep_count >= max_sweeps:
                article.extraction_run = None
                article.save(update_fields=["extraction_run"])
                _finish(
                    article,
                    Article.Status.FAILED,
                    ERROR_INTERRUPTED.format(count=article.sweep_count + 1),
                )
                continue
            article.status = Article.Status.QUEUED
            article.sweep_count = F("sweep_count") + int(interrupted)
            # The dead run's token is void: should it come back, it cannot store anything.
            article.extraction_run = None
            article.save(update_fields=["status", "sweep_count", "extraction_run", "updated_at"])
            article.refresh_from_db(fields=["sweep_count"])
            article_enqueue_next_step(article=article)
            sent += 1
    if sent:
        logger.info("Sweeper sent %s stuck article(s) again", sent)
    return sent


def articles_reextract_outdated(*, dry_run: bool = False, limit: int | None = None) -> int:
    """Queue claim extraction again for articles processed by an older extractor version."""
    outdated = (
        Article.objects.filter(status=Article.Status.READY)
        .exclude(pipeline_version=extraction.EXTRACTOR_VERSION)
        .order_by("id")
    )
    ids = list(outdated.values_list("id", flat=True)[:limit])
    if not dry_run:
        for article in Article.objects.filter(pk__in=ids):
            article_requeue(article=article)
    return len(ids)


# --- feeds -------------------------------------------------------------------------------


def _entry_link(entry) -> str:
    link = entry.get("link") or ""
    if not link:
        for candidate in entry.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                return candidate["href"]
    return link


def feed_poll(*, feed: Feed, policy: fetching.FetchPolicy | None = None) -> int:
    """Poll a feed and submit its new entries as links; returns how many articles are new.

    Sends the ETag and Last-Modified of the previous poll, so an unchanged feed costs one
    304. The outcome (or the reason for failing, in words) is kept on the feed.
    """
    now = timezone.now()
    feed.last_polled_at = now
    feed.next_poll_at = now + timedelta(minutes=feed.poll_interval)
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.modified:
        headers["If-Modified-Since"] = feed.modified
    fields = ["last_polled_at", "next_poll_at", "last_error"]
    try:
        page = fetching.fetch(
            feed.url, policy=policy or fetch_policy(), accept=fetching.FEED_TYPES, headers=headers
        )
    except fetching.FetchError as error:
        feed.last_error = error.message
        feed.save(update_fields=fields)
        return 0
    if page.not_modified:
        feed.last_error, feed.last_success_at, feed.last_new_entries = "", now, 0
        feed.save(update_fields=[*fields, "last_success_at", "last_new_entries"])
        return 0
    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(
        io.BytesIO(page.body),
        response_headers={
            "content-type": page.headers.get("content-type", ""),
            "content-location": page.url,
        },
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        feed.last_error = ERROR_NOT_A_FEED
        feed.save(update_fields=fields)
        return 0
    new = 0
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        try:
            submission = article_submit_url(
                url=urljoin(page.url, link),
                title=entry.get("title", ""),
                language=feed.language or None,
                feed=feed,
                retry_failed=False,
            )
        except ValidationError:
            continue  # an entry pointing to mailto:, ftp:… is not an article
        new += submission.created
    feed.etag = page.headers.get("etag", "")[:500]
    feed.modified = page.headers.get("last-modified", "")[:100]
    feed.title = feed.title or " ".join(clean_text(parsed.feed.get("title", "")).split())[:300]
    feed.last_error, feed.last_success_at, feed.last_new_entries = "", now, new
    feed.save(
        update_fields=[*fields, "etag", "modified", "title", "last_success_at", "last_new_entries"]
    )
    return new


def feeds_due(*, now=None):
    """Active feeds whose next poll is due."""
    now = now or timezone.now()
    return Feed.objects.filter(active=True).filter(
        Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    )
