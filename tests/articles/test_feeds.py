"""RSS and Atom feeds: polled with ETag/Last-Modified, new entries ingested, errors kept."""

import pytest
from django.utils import timezone

from articles.models import Article, Feed
from articles.services import ERROR_NOT_A_FEED, feed_poll, fetch_policy
from articles.tasks import poll_due_feeds
from tests.fixtures.server import FEED_ETAG, FEED_MODIFIED

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(page_server, django_capture_on_commit_callbacks, settings):
    settings.CLAIMTRACK_FETCH_RETRIES = 0

    def poll(feed: Feed) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            new = feed_poll(feed=feed, policy=fetch_policy())
        feed.refresh_from_db()
        return new

    return poll


def test_rss_entries_become_articles_and_are_processed(poll, page_server):
    feed = Feed.objects.create(url=page_server.url("/feed.rss"))
    assert poll(feed) == 3
    assert feed.title == "The Coastal Ledger — News"
    assert (feed.etag, feed.modified, feed.last_error) == (FEED_ETAG, FEED_MODIFIED, "")
    assert feed.last_new_entries == 3 and feed.last_success_at is not None
    urls = sorted(Article.objects.filter(feed=feed).values_list("url", flat=True))
    assert urls == [
        page_server.url(p) for p in ("/en/article.html", "/fr/article.html", "/missing")
    ]
    statuses = sorted(Article.objects.filter(feed=feed).values_list("status", flat=True))
    assert statuses == ["failed", "ready", "ready"]
    # The tracking parameter of the feed's link is not part of the stored link.
    assert Article.objects.filter(url=page_server.url("/en/article.html")).exists()


def test_an_unchanged_feed_answers_304_and_adds_nothing(poll, page_server):
    feed = Feed.objects.create(url=page_server.url("/feed.rss"))
    poll(feed)
    count = Article.objects.count()
    assert poll(feed) == 0
    second = [r for r in page_server.requests if r.path == "/feed.rss"][-1]
    assert second.headers["if-none-match"] == FEED_ETAG
    assert second.headers["if-modified-since"] == FEED_MODIFIED
    assert Article.objects.count() == count
    assert feed.last_error == "" and feed.last_new_entries == 0


def test_entries_already_known_are_not_fetched_again(poll, page_server):
    feed = Feed.objects.create(url=page_server.url("/feed.rss"))
    poll(feed)
    Feed.objects.filter(pk=feed.pk).update(etag="", modified="")
    feed.refresh_from_db()
    assert poll(feed) == 0
    assert page_server.hits("/fr/article.html") == 1


def test_atom_entries_become_articles(poll, page_server):
    feed = Feed.objects.create(url=page_server.url("/feed.atom"), language="fr")
    assert poll(feed) == 1
    article = Article.objects.get(feed=feed)
    assert (article.status, article.language) == ("ready", "fr")
    assert article.title == "La région renonce à fermer la ligne de train"


@pytest.mark.parametrize(
    "path, error",
    [
        ("/missing", "The page could not be found (HTTP 404). Check the link."),
        ("/en/article.html", ERROR_NOT_A_FEED),
        ("/redirect-to-private", "This link points to a private network address and was refused."),
    ],
)
def test_a_broken_feed_shows_its_last_error(poll, page_server, path, error):
    feed = Feed.objects.create(url=page_server.url(path))
    assert poll(feed) == 0
    assert feed.last_error == error
    assert feed.last_polled_at is not None and feed.next_poll_at > timezone.now()
    assert Article.objects.count() == 0


def test_beat_polls_only_the_feeds_that_are_due(
    page_server, settings, django_capture_on_commit_callbacks
):
    settings.CLAIMTRACK_FETCH_RETRIES = 0
    due = Feed.objects.create(url=page_server.url("/feed.atom"))
    later = Feed.objects.create(
        url=page_server.url("/feed.rss"), next_poll_at=timezone.now() + timezone.timedelta(hours=1)
    )
    Feed.objects.create(url=page_server.url("/missing"), active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_due_feeds.delay().get() == 1
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.last_polled_at is not None and later.last_polled_at is None
    assert page_server.hits("/feed.rss") == 0 and page_server.hits("/missing") == 0
