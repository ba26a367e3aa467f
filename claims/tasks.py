"""Celery tasks for claims: thin, take ids, safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.db import OperationalError

from articles.models import Article
from claims.dashboard import dashboard_recount as dashboard_rollups_recount
from claims.services import article_extract_claims, extraction_time_limits
from claims.webhooks import webhook_deliver, webhook_deliveries_sweep

# Messages sent without their own limits (apply_async(soft_time_limit=...) scaled to the
# text by articles.services.article_enqueue_extraction) get those of the longest text.
SOFT_TIME_LIMIT, TIME_LIMIT = extraction_time_limits(settings.CLAIMTRACK_FETCH_MAX_BYTES)


# reject_on_worker_lost: a worker killed mid-task leaves the message for another one (the
# service is idempotent and lets one run at a time write); a lost database connection is
# retried with backoff. The soft time limit ends the article as failed, with the reason.
@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=TIME_LIMIT,
)
def extract_claims(article_id: int) -> str | None:
    """Extract the claims of one stored article; returns its final status."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:  # deleted since it was queued: nothing to do
        return None
    return article_extract_claims(article=article).status


# Retries are the task's own (self.retry with the configured countdowns), not autoretry: the
# service decides from the receiver's answer whether another attempt can help.
@shared_task(bind=True, acks_late=True, max_retries=None, ignore_result=True)
def deliver_webhook(self, delivery_id: int) -> None:
    """POST one webhook delivery; on a failure that may pass, try again after a backoff."""
    eager = bool(self.request.is_eager)
    wait = webhook_deliver(
        delivery_id=delivery_id, attempt_number=self.request.retries + 1, can_retry=not eager
    )
    if wait is not None:
        raise self.retry(countdown=wait)


@shared_task(ignore_result=True)
def sweep_webhook_deliveries() -> int:
    """Queue again the webhook deliveries whose message was lost (beat, every few minutes)."""
    return webhook_deliveries_sweep()


@shared_task(ignore_result=True)
def dashboard_recount() -> None:
    """The dashboard's rollups, counted again (claims.dashboard); safe to run twice (the
    later count replaces the earlier)."""
    dashboard_rollups_recount()
