"""The whole re-fetch path through a real Celery worker (issue 13 part 4): an article edited
at its source becomes a new version, its spans are re-anchored, and the published claim it
supports gets an alert. PostgreSQL, Redis and the worker are real; the site is a local
server whose page changes during the test."""

import time

import pytest

from articles.models import Article, ArticleVersion
from articles.services import article_submit_url
from articles.tasks import refetch_article
from claims.models import Alert, Mention
from tests.fixtures.changing_pages import start_changing_pages

TIMEOUT = 90  # seconds: the worker loads a spaCy model on first use

QUOTE = "The new tram line will open before the end of the summer"
PAGE = (
    "Tram works reach the city centre\n\n"
    "Workers laid the last rails of the new tram line on the main square on Monday.\n\n"
    f'"{QUOTE}," the transport director, Helen Marsh, told a public meeting.\n\n'
    "Shopkeepers on the square said the works had kept customers away for a year."
)


@pytest.fixture
def refetch_env(monkeypatch):
    """Read by the worker process when it starts: loopback fetchable, no per-host wait."""
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK", "1")
    monkeypatch.setenv("CLAIMTRACK_FETCH_RETRIES", "0")
    monkeypatch.setenv("CLAIMTRACK_REFETCH_HOST_INTERVAL", "0")


def wait_for(article: Article, worker, done) -> Article:
    deadline = time.monotonic() + TIMEOUT
    while True:
        article.refresh_from_db()
        if done(article):
            return article
        worker.assert_alive()
        if time.monotonic() > deadline:
            pytest.fail(f"article {article.pk} is {article.status!r}, version {article.version}")
        time.sleep(0.25)


@pytest.mark.django_db(transaction=True)
def test_an_article_edited_at_its_source_is_versioned_reanchored_and_alerts_its_claim(
    refetch_env, celery_worker_process, publish
):
    pages = start_changing_pages()
    try:
        pages.put("/tram", PAGE, etag='"first"')
        article = article_submit_url(url=pages.url("/tram")).article
        article = wait_for(article, celery_worker_process, lambda a: a.status == "ready")
        mention = article.mentions.get(content__contains="tram line")
        claim = publish(statement="The tram line opens this summer.")
        mention.claim, mention.review_state = claim, Mention.ReviewState.ACCEPTED
        mention.save(update_fields=["claim", "review_state"])

        edited = PAGE.replace("before the end of the summer", "before the end of the autumn")
        pages.put("/tram", "Update: the date was moved.\n\n" + edited, etag='"second"')
        refetch_article.delay(article.pk)
        article = wait_for(
            article, celery_worker_process, lambda a: a.version == 2 and a.status == "ready"
        )
    finally:
        pages.stop()
    assert pages.asked("/tram")[-1]["if-none-match"] == '"first"'
    assert list(
        ArticleVersion.objects.filter(article=article).values_list("number", flat=True)
    ) == [1, 2]
    assert ArticleVersion.objects.get(article=article, number=1).text == PAGE
    mention.refresh_from_db()
    new_quote = QUOTE.replace("summer", "autumn")
    assert mention.anchored == "fuzzy" and mention.removed_at is None
    assert article.text[mention.start : mention.end] == new_quote
    assert article.mentions.filter(content__contains="tram line").count() == 1
    alert = Alert.objects.get(claim=claim)
    assert (alert.kind, alert.state) == (Alert.Kind.QUOTE_CHANGED, Alert.State.OPEN)
    assert alert.data["new"] == new_quote and alert.data["version"] == 2
    assert "Source article changed: version 2" in claim.history.first().history_change_reason
    log = celery_worker_process.log()
    assert "articles.tasks.refetch_article[" in log and "raised unexpected" not in log
