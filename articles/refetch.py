"""Sources that change (issue 13): linked articles are fetched again, and their versions kept.

Outlets edit articles after publication: a quote is reworded, a paragraph removed, a
correction added. A claim checked against the first text must be checked again, so every
article that came from a link is fetched again on a schedule:

- **When.** Sooner for new articles, rarer for old ones (``REFETCH_STEPS``): every hour in
  its first day, every 6 hours in its first week, daily until 30 days, weekly after that,
  never again after ``CLAIMTRACK_REFETCH_STOP_AFTER_DAYS`` (180). The age counts from the
  publication date when the page gave one, else from when claimtrack stored it. Celery beat
  runs ``articles.tasks.refetch_due_articles``, which sends the due ones to the workers.
- **Politely.** A conditional GET (If-None-Match / If-Modified-Since with what the site sent
  last): 304 means unchanged at the cost of a header. At most one request per host every
  ``CLAIMTRACK_REFETCH_HOST_INTERVAL`` seconds, counted in the shared cache (Redis in
  production), so all workers respect it together; an article whose host is busy waits for
  its turn and is never dropped.
- **Safely.** Through articles.fetch (the SSRF guard, the size and time limits) like any
  fetch. A failure is recorded on the article in words (``refetch_error``) and changes
  nothing else: the article keeps its text and mentions and is tried again at its next time.
- **Versions.** When the text changed (its fingerprint differs), the old text stays as a
  version (version 1 is made from the stored text the first time an article is re-fetched)
  and the new one becomes the article's text; the mentions are re-anchored and the claims
  they support get their alerts (claims.source_changes), then claim extraction runs again
  for the statements the new text adds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from articles import fetch as fetching
from articles.models import Article, ArticleVersion, content_hash
from articles.pages import ERROR_NO_TEXT
from claimtrack.text import clean_text

logger = logging.getLogger(__name__)

# (age below which, interval): the first step whose age the article has not reached applies.
REFETCH_STEPS: list[tuple[timedelta, timedelta]] = [
    (timedelta(days=1), timedelta(hours=1)),
    (timedelta(days=7), timedelta(hours=6)),
    (timedelta(days=30), timedelta(days=1)),
    (timedelta(days=365 * 100), timedelta(weeks=1)),
]
# A re-fetch sent to a worker is not sent again for this long, unless it finishes first.
REFETCH_LEASE = timedelta(minutes=30)

ERROR_CHANGED_MEANWHILE = gettext_noop(
    "The article was being processed when its page was fetched again; it will be checked "
    "at its next time."
)
ERROR_NOT_REFETCHABLE = gettext_noop(
    "Only articles that came from a link and whose claims were extracted are fetched again."
)


class HostBusy(Exception):
    """The article's site was asked for a page less than the host interval ago."""

    def __init__(self, host: str, wait: float) -> None:
        super().__init__(f"{host} was asked for a page less than {wait:g} s ago")
        self.host = host
        self.wait = wait


@dataclass
class RefetchResult:
    """What one re-fetch did, as `manage.py refetch_articles` prints it."""

    id: int
    changed: bool = False
    version: int = 1
    reanchored: int = 0
    removed: int = 0
    status: str = "unchanged"  # unchanged, not_modified, changed, failed, skipped
    fuzzy: int = 0
    alerts: int = 0
    error: str = ""
    notices: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        data = asdict(self)
        if not self.error:
            del data["error"]
        return data


# --- schedule ----------------------------------------------------------------------------


def refetch_interval(age: timedelta) -> timedelta | None:
    """How long until an article of this age is fetched again; None: never again."""
    if age >= timedelta(days=settings.CLAIMTRACK_REFETCH_STOP_AFTER_DAYS):
        return None
    for below, interval in REFETCH_STEPS:
        if age < below:
            return interval
    return REFETCH_STEPS[-1][1]


def refetch_next_time(*, article: Article, now: datetime) -> datetime | None:
    """When the article is due again after a re-fetch at `now` (None: it is too old)."""
    interval = refetch_interval(now - article.dated)
    return None if interval is None else now + interval


def articles_refetchable() -> QuerySet[Article]:
    """Articles whose page may be fetched again: from a link, text extracted, not in a run."""
    return Article.objects.exclude(url="").filter(status=Article.Status.READY).exclude(text="")


def articles_due_for_refetch(*, now: datetime | None = None) -> QuerySet[Article]:
    """Linked articles due for a re-fetch, the most overdue first.

    An article never re-fetched is due an hour after it was stored (the first step), unless
    it is already older than the stop age; afterwards `next_refetch_at` says (None: stopped).
    """
    now = now or timezone.now()
    never = Q(
        last_refetched_at__isnull=True,
        next_refetch_at__isnull=True,
        created_at__lte=now - REFETCH_STEPS[0][1],
        created_at__gte=now - timedelta(days=settings.CLAIMTRACK_REFETCH_STOP_AFTER_DAYS),
    )
    return (
        articles_refetchable()
        .filter(Q(next_refetch_at__lte=now) | never)
        .order_by("next_refetch_at", "id")
    )


# --- per-host rate limit -----------------------------------------------------------------


def _host_key(host: str) -> str:
    return f"refetch-host:{host}"


def refetch_host(url: str) -> str:
    """The host a re-fetch is counted against (lower-case, without www.)."""
    return fetching.url_host(url)


def host_slot_take(host: str) -> bool:
    """Take the host's one request of the current interval; False when it is taken.

    `cache.add` is atomic (SET NX in Redis), so two workers never both get the slot.
    """
    interval = settings.CLAIMTRACK_REFETCH_HOST_INTERVAL
    if interval <= 0:
        return True
    return cache.add(_host_key(host), 1, timeout=max(1, round(interval)))


def host_slot_release(host: str) -> None:
    """Forget the host's last request (tests and the bench start from a quiet host)."""
    cache.delete(_host_key(host))


def hosts_spread(articles: Iterable[Article], *, per_host: int) -> list[tuple[Article, float]]:
    """The articles to send now, each with its countdown: the k-th of a host k intervals on.

    At most `per_host` per host: the others stay due and are sent by a later beat.
    """
    interval = max(settings.CLAIMTRACK_REFETCH_HOST_INTERVAL, 0)
    counts: dict[str, int] = {}
    sent = []
    for article in articles:
        host = refetch_host(article.url)
        k = counts.get(host, 0)
        if k >= per_host:
            continue
        counts[host] = k + 1
        sent.append((article, k * interval))
    return sent


# --- re-fetching -------------------------------------------------------------------------


def _record(article: Article, now: datetime, **fields) -> None:
    """Store the outcome of a re-fetch and the next time, without touching anything else."""
    fields.setdefault("refetch_error", "")
    Article.objects.filter(pk=article.pk).update(
        last_refetched_at=now,
        next_refetch_at=refetch_next_time(article=article, now=now),
        refetch_count=F("refetch_count") + 1,
        **fields,
    )


def _first_version(article: Article) -> ArticleVersion:
    """Version 1: the text as claimtrack first stored it."""
    version, _ = ArticleVersion.objects.get_or_create(
        article=article,
        number=1,
        defaults={
            "text": article.text,
            "content_hash": article.content_hash or content_hash(article.text),
            "title": article.title,
            "fetched_at": article.processed_at or article.created_at,
        },
    )
    return version


def article_refetch(
    *,
    article: Article,
    policy: fetching.FetchPolicy | None = None,
    wait_for_host: bool = False,
    extract: str = "queue",
) -> RefetchResult:
    """Fetch a linked article's page again; keep a new version when its text changed.

    Raises HostBusy when its site was asked less than the host interval ago, unless
    `wait_for_host` (the command's --sync), which sleeps until its turn. A failure to fetch
    or read the page is recorded on the article and returned, never raised. When the text
    changed, claim extraction runs again for the new statements: queued (`extract="queue"`),
    in this process (`"now"`), or not at all (`"no"`, the bench).
    """
    from articles.services import _read_page, fetch_policy

    result = RefetchResult(id=article.pk, version=article.version)
    if not articles_refetchable().filter(pk=article.pk).exists():
        result.status, result.error = "skipped", ERROR_NOT_REFETCHABLE
        return result
    host = refetch_host(article.url)
    while not host_slot_take(host):
        if not wait_for_host:
            raise HostBusy(host, settings.CLAIMTRACK_REFETCH_HOST_INTERVAL)
        time.sleep(min(settings.CLAIMTRACK_REFETCH_HOST_INTERVAL, 1.0) / 4)
    headers = {}
    if article.etag:
        headers["If-None-Match"] = article.etag
    if article.last_modified:
        headers["If-Modified-Since"] = article.last_modified
    now = timezone.now()
    try:
        page = fetching.fetch(article.url, policy=policy or fetch_policy(), headers=headers)
        found = None if page.not_modified else _read_page(page)
    except fetching.FetchError as error:
        _record(article, now, refetch_error=error.message)
        result.status, result.error = "failed", error.message
        return result
    except Exception:
        logger.exception("Reading the page of article %s again failed", article.pk)
        from articles.services import ERROR_READING

        _record(article, now, refetch_error=ERROR_READING)
        result.status, result.error = "failed", ERROR_READING
        return result
    if article.version == 1:
        _first_version(article)  # the text as first stored, kept before anything changes
    validators = {
        "etag": page.headers.get("etag", article.etag)[:500],
        "last_modified": page.headers.get("last-modified", article.last_modified)[:100],
    }
    if page.not_modified:
        _record(article, now, **validators)
        result.status = "not_modified"
        return result
    if found is None:
        _record(article, now, refetch_error=ERROR_NO_TEXT)
        result.status, result.error = "failed", ERROR_NO_TEXT
        return result
    text = clean_text(found.text)
    if content_hash(text) == article.content_hash:
        _record(article, now, **validators)
        return result
    result = _article_store_version(
        article=article, text=text, page=page, title=found.title, now=now, result=result,
        validators=validators, extract=extract,
    )  # fmt: skip
    if result.changed and extract == "now":
        from claims.services import article_extract_claims

        article.refresh_from_db()
        article_extract_claims(article=article)
    return result


def _article_store_version(
    *,
    article: Article,
    text: str,
    page: fetching.FetchedPage,
    title: str,
    now: datetime,
    result: RefetchResult,
    validators: dict[str, str],
    extract: str,
) -> RefetchResult:
    """Keep the new text as a version, re-anchor the mentions, queue their re-extraction."""
    from articles.services import article_enqueue_extraction
    from claims.source_changes import article_text_changed

    old_hash = article.content_hash
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != Article.Status.READY or current.content_hash != old_hash:
            # A run started, or another re-fetch stored a version, while this one fetched.
            _record(current, now, refetch_error=ERROR_CHANGED_MEANWHILE)
            result.status, result.error = "skipped", ERROR_CHANGED_MEANWHILE
            return result
        number = current.version + 1
        ArticleVersion.objects.create(
            article=current,
            number=number,
            text=text,
            content_hash=content_hash(text),
            title=" ".join(clean_text(title).split())[:500],
            fetched_at=now,
            http_status=page.status_code,
            **validators,
        )
        change = article_text_changed(
            article=current, old_text=current.text, new_text=text, version=number
        )
        current.text, current.content_hash, current.version = text, content_hash(text), number
        current.last_refetched_at, current.refetch_error = now, ""
        current.next_refetch_at = refetch_next_time(article=current, now=now)
        current.refetch_count += 1
        current.etag, current.last_modified = validators["etag"], validators["last_modified"]
        # Extraction runs again for the statements the new text adds; it replaces only the
        # unreviewed mentions (claims.services._store_mentions).
        if extract != "no":
            current.status = Article.Status.QUEUED
        current.save()
        if extract == "queue":
            article_enqueue_extraction(article=current)
    result.changed, result.status, result.version = True, "changed", number
    result.reanchored, result.fuzzy = change.exact + change.fuzzy, change.fuzzy
    result.removed, result.alerts, result.notices = change.removed, change.alerts, change.notices
    return result


def article_versions(*, article: Article) -> list[ArticleVersion]:
    """The versions of an article's page, oldest first, without their texts (its page)."""
    return list(ArticleVersion.objects.filter(article=article).defer("text").order_by("number"))
