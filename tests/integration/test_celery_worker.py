"""A real Celery worker process takes extraction tasks from Redis, stores mentions in PostgreSQL."""

import time

import pytest
from django.db import connection

from articles.models import Article
from articles.services import article_create_from_text
from claims.models import Mention

TASK_TIMEOUT = 60  # seconds per article: the worker loads a spaCy model on first use

FRENCH = (
    "La ministre des Armées a rejeté mardi toute nouvelle coupe dans le budget de la défense.\n\n"
    "« Nous ne céderons pas », a déclaré la ministre devant les députés de la commission.\n\n"
    "Selon plusieurs élus, le vote du texte est prévu pour la fin du mois."
)
FRENCH_QUOTE = "Nous ne céderons pas"

ENGLISH = (
    "The transport secretary rejected the rail unions' latest offer on Tuesday.\n\n"
    '"We will not back down on safety," the secretary said after the meeting in London.\n\n'
    "Union leaders said they would announce new strike dates next week."
)
ENGLISH_QUOTE = "We will not back down on safety"


def wait_until_processed(article: Article, worker) -> Article:
    deadline = time.monotonic() + TASK_TIMEOUT
    while True:
        article.refresh_from_db(fields=["status", "error"])
        if article.status in (Article.Status.READY, Article.Status.FAILED):
            return article
        worker.assert_alive()
        if time.monotonic() > deadline:
            pytest.fail(
                f"article {article.pk} still {article.status!r} after {TASK_TIMEOUT}s;"
                f" worker log:\n{worker.log()}"
            )
        time.sleep(0.25)


@pytest.mark.django_db(transaction=True)
def test_worker_extracts_french_and_english_articles_queued_in_redis(celery_worker_process):
    assert connection.vendor == "postgresql"
    submitted = [
        (article_create_from_text(text=FRENCH, language="fr", title="Budget"), FRENCH_QUOTE),
        (article_create_from_text(text=ENGLISH, language="en", title="Rail"), ENGLISH_QUOTE),
    ]
    for article, _quote in submitted:
        # Not run in this process: the task went to Redis.
        assert article.status == Article.Status.QUEUED

    for article, quote in submitted:
        article = wait_until_processed(article, celery_worker_process)
        assert article.status == Article.Status.READY, article.error
        mentions = list(Mention.objects.filter(article=article))
        assert mentions, f"no mention stored for article {article.pk} ({article.language})"
        for mention in mentions:
            assert article.text[mention.start : mention.end] == mention.content
        assert any(quote in mention.content for mention in mentions), [
            mention.content for mention in mentions
        ]

    # Both tasks ran in the worker process, not eagerly in the test process.
    log = celery_worker_process.log()
    assert log.count("claims.tasks.extract_claims[") >= 2
    assert log.count("succeeded in") >= 2
