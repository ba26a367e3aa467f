"""Celery tasks for claims: thin, take ids, safe to run twice."""

from celery import shared_task

from articles.models import Article
from claims.services import article_extract_claims


@shared_task(acks_late=True)
def extract_claims(article_id: int) -> str | None:
    """Extract the claims of one stored article; returns its final status."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:  # deleted since it was queued: nothing to do
        return None
    return article_extract_claims(article=article).status
