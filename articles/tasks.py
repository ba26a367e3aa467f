"""Celery tasks for articles: thin, take ids, safe to run twice."""

import random
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone

from articles.models import Article, Feed
from articles.services import (
    FetchRetryLater,
    article_fetch,
    articles_sweep_stuck,
    feed_poll,
    feeds_due,
)


def fetch_backoff(retries: int) -> float:
    """Seconds before the next attempt: 10 s, 30 s, 90 s… with jitter."""
    return settings.CLAIMTRACK_FETCH_RETRY_DELAY * (3**retries) * random.uniform(0.8, 1.2)


# acks_late + reject_on_worker_lost: a worker that dies in the middle of a fetch leaves the
# message in Redis for another worker. Lost database connections are retried with backoff.
@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=None,
)
def fetch_article(self, article_id: int) -> str | None:
    """Fetch and read the page of a submitted link; returns the article's status."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:  # deleted since it was queued: nothing to do
        return None
    retries = settings.CLAIMTRACK_FETCH_RETRIES
    try:
        final = self.request.retries >= retries
        return article_fetch(article=article, final_attempt=final).status
    except FetchRetryLater as exc:
        raise self.retry(
            exc=exc, countdown=fetch_backoff(self.request.retries), max_retries=retries
        ) from None


@shared_task(acks_late=True, reject_on_worker_lost=True)
def poll_feed(feed_id: int) -> int | None:
    """Poll one feed; returns how many new articles it brought."""
    feed = Feed.objects.filter(pk=feed_id, active=True).first()
    if feed is None:
        return None
    return feed_poll(feed=feed)


@shared_task
def poll_due_feeds() -> int:
    """Celery beat: send a poll for each feed that is due (marked so it is sent once)."""
    sent = 0
    for feed in feeds_due():
        next_poll = timezone.now() + timedelta(minutes=feed.poll_interval)
        claimed = Feed.objects.filter(pk=feed.pk, next_poll_at=feed.next_poll_at).update(
            next_poll_at=next_poll
        )
        if claimed:
            transaction.on_commit(lambda feed_id=feed.pk: poll_feed.delay(feed_id))
            sent += 1
    return sent


@shared_task
def sweep_stuck_articles() -> int:
    """Celery beat: send again the articles whose task was lost."""
    return articles_sweep_stuck(
        unsent_after=timedelta(seconds=settings.CLAIMTRACK_SWEEP_UNSENT_AFTER),
        queued_after=timedelta(seconds=settings.CLAIMTRACK_SWEEP_QUEUED_AFTER),
        running_after=timedelta(seconds=settings.CLAIMTRACK_SWEEP_RUNNING_AFTER),
    )


# --- re-fetching linked articles (articles.refetch) -------------------------------------


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def refetch_article(self, article_id: int) -> str | None:
    """Fetch a linked article again; returns what happened (changed, not_modified…)."""
    from articles.refetch import HostBusy, article_refetch

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return None
    try:
        return article_refetch(article=article).status
    except HostBusy as busy:
        if self.request.is_eager:  # in-process (no broker): the next beat sends it again
            return "host_busy"
        # Its site's turn has not come: wait for it (the article keeps its lease meanwhile).
        raise self.retry(countdown=busy.wait * random.uniform(1.0, 2.0)) from None


@shared_task
def refetch_due_articles() -> int:
    """Celery beat: send the linked articles due for a re-fetch, spread per host."""
    from articles.refetch import REFETCH_LEASE, articles_due_for_refetch, hosts_spread

    now = timezone.now()
    interval = settings.CLAIMTRACK_REFETCH_HOST_INTERVAL
    # Each host gets as many requests as fit in one beat period; the rest wait for the next.
    per_host = (
        max(1, int(settings.CLAIMTRACK_REFETCH_BEAT_INTERVAL // interval))
        if interval > 0
        else 10**6
    )
    due = articles_due_for_refetch(now=now)[: settings.CLAIMTRACK_REFETCH_BATCH]
    sent = 0
    for article, countdown in hosts_spread(due, per_host=per_host):
        claimed = Article.objects.filter(
            pk=article.pk, next_refetch_at=article.next_refetch_at
        ).update(next_refetch_at=now + REFETCH_LEASE)
        if claimed:
            transaction.on_commit(
                lambda pk=article.pk, wait=countdown: refetch_article.apply_async(
                    (pk,), countdown=wait
                )
            )
            sent += 1
    return sent
