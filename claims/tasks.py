"""Celery tasks for claims: thin, take ids, safe to run twice."""

from celery import shared_task
from django.db import OperationalError

from articles.models import Article
from claims.services import article_extract_claims


# reject_on_worker_lost: a worker killed mid-task leaves the message for another one (the
# service is idempotent); a lost database connection is retried with backoff.
@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def extract_claims(article_id: int) -> str | None:
    """Extract the claims of one stored article; returns its final status."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:  # deleted since it was queued: nothing to do
        return None
    return article_extract_claims(article=article).status
