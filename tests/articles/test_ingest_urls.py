"""Submitting links: every fixture page, good or bad, ends in the right status with a reason."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, Outlet
from articles.services import ERROR_UNKNOWN_LANGUAGE, article_submit_text, article_submit_url
from claims import extraction

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(page_server, django_capture_on_commit_callbacks, settings):
    """Submit a fixture page's link; its tasks run here (eager Celery) once committed."""
    settings.CLAIMTRACK_FETCH_RETRIES = 0

    def submit(path: str, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            submission = article_submit_url(url=page_server.url(path), **kwargs)
        submission.article.refresh_from_db()
        return submission

    return submit


@pytest.mark.parametrize(
    "path, language, quote",
    [
        ("/en/article.html", "en", "We cannot let the channel silt up for another winter"),
        ("/fr/article.html", "fr", "Cette ligne est vitale pour les élèves"),
    ],
)
def test_a_good_article_is_fetched_read_and_its_claims_extracted(submit, path, language, quote):
    article = submit(path).article
    assert article.status == Article.Status.READY, article.error
    assert article.language == language
    assert article.error == ""
    assert article.mentions.filter(content__contains=quote).exists()
    assert all(article.text[m.start : m.end] == m.content for m in article.mentions.all())
    assert "Accueil" not in article.text and "Log in" not in article.text  # no navigation
    assert article.published_at is not None and article.byline


def test_the_outlet_comes_from_the_domain_and_the_site_name(submit):
    article = submit("/en/article.html").article
    assert article.title == "Harbour authority rejects dredging delay"
    assert article.byline == "Hannah Morris"
    assert article.outlet.name == "The Coastal Ledger"
    assert article.outlet.domain == "127.0.0.1"
    # The next article from that domain reuses the outlet.
    assert submit("/fr/article.html").article.outlet == article.outlet
    assert Outlet.objects.count() == 1


BAD_INPUTS = [
    ("/missing", "failed", "The page could not be found (HTTP 404). Check the link."),
    ("/error", "failed", "The site had a problem and could not send the page (HTTP 500)."),
    ("/slow", "failed", "The site took too long to answer. Try again later."),
    ("/drip", "failed", "The site took more than 2 seconds to send the page."),
    ("/huge", "failed", "The page is larger than 5 MB; it was not fetched."),
    ("/huge-no-length", "failed", "The page is larger than 5 MB; it was not fetched."),
    ("/binary", "failed", "This link leads to a file (application/octet-stream), not a web page."),
    ("/document.pdf", "failed", "This link leads to a PDF document, not a web page."),
    ("/binary-as-html", "failed", "This link leads to a file, not a web page."),
    ("/redirect-to-zero", "failed", "This link points to a private network address and was"),
    ("/redirect-to-private", "failed", "This link points to a private network address"),
    ("/redirect-to-metadata", "failed", "This link points to a private network address"),
    ("/redirect-to-mapped", "failed", "This link points to a private network address"),
    ("/redirect-to-file", "failed", "Only web addresses starting with http:// or https://"),
    ("/redirect-loop", "failed", "The link redirects too many times; it may be broken."),
    ("/empty", "failed", "The page is empty: the site sent no content."),
    ("/not-article", "failed", "The page has no article text we could extract."),
    ("/de/article.html", "unsupported", "The article seems to be in German: claimtrack handles"),
]  # fmt: skip


@pytest.mark.parametrize("path, status, error", BAD_INPUTS, ids=[p for p, *_ in BAD_INPUTS])
def test_a_bad_page_ends_with_a_status_and_a_reason(submit, path, status, error):
    article = submit(path).article
    assert (article.status, article.error[: len(error)]) == (status, error)
    assert article.processed_at is not None
    assert article.mentions.count() == 0


@pytest.mark.parametrize("language", ["fr", "en"])
def test_when_the_text_cannot_tell_the_pages_html_lang_decides(submit, language):
    article = submit(f"/scores/{language}.html").article  # a page of scores, no words
    assert extraction.identify_language(article.text) is None
    assert article.status == Article.Status.READY, article.error
    assert article.language == language


def test_when_neither_the_text_nor_the_page_tells_the_language_it_is_asked_for(submit):
    article = submit("/scores/none.html").article  # its <html> declares no lang
    assert (article.status, article.error) == (Article.Status.FAILED, ERROR_UNKNOWN_LANGUAGE)


@pytest.mark.parametrize("path", ["/wrong-charset", "/wrong-charset-latin1"])
def test_a_wrong_charset_declaration_does_not_garble_the_text(submit, path):
    article = submit(path).article
    assert article.status == Article.Status.READY, article.error
    assert "La région renonce" in article.title
    assert "Cette ligne est vitale pour les élèves" in article.text
    assert "Ã" not in article.text and "\ufffd" not in article.text


@pytest.mark.parametrize("path", ["/no-content-type", "/plain.txt"])
def test_pages_without_html_type_are_still_read(submit, path):
    article = submit(path).article
    assert article.status == Article.Status.READY, article.error
    assert "dredging" in article.text


def test_a_network_failure_is_retried_then_succeeds(submit, page_server, settings):
    page_server.flaky_failures = 2
    settings.CLAIMTRACK_FETCH_RETRIES = 3
    article = submit("/flaky").article
    assert article.status == Article.Status.READY, article.error
    assert page_server.hits("/flaky") == 3


def test_retries_give_up_with_the_last_reason(
    page_server, django_capture_on_commit_callbacks, settings
):
    page_server.flaky_failures = 10
    settings.CLAIMTRACK_FETCH_RETRIES = 2
    with django_capture_on_commit_callbacks(execute=True):
        article = article_submit_url(url=page_server.url("/flaky")).article
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "(HTTP 503)" in article.error
    assert page_server.hits("/flaky") == 3


def test_the_same_link_returns_the_existing_article_without_fetching_again(submit, page_server):
    first = submit("/en/article.html")
    assert first.created
    again = submit("/en/article.html?utm_source=newsletter#comments")
    assert again.duplicate and again.article == first.article
    assert "already submitted" in again.message
    assert page_server.hits("/en/article.html") == 1
    assert Article.objects.count() == 1


def test_the_pages_canonical_link_is_recognised(submit, page_server):
    first = submit("/en/article.html").article
    assert first.canonical_url == page_server.url("/en/harbour-dredging")
    again = submit("/en/harbour-dredging")
    assert again.duplicate and again.article == first
    assert page_server.hits("/en/harbour-dredging") == 0


def test_the_same_article_at_another_address_is_a_duplicate_not_processed_again(submit):
    original = submit("/fr/article.html").article
    copy = submit("/fr/copy.html").article
    assert copy.status == Article.Status.DUPLICATE
    assert copy.duplicate_of == original
    assert f"article {original.pk}" in copy.error
    assert copy.mentions.count() == 0 and original.mentions.count() > 0


def test_pasted_text_already_fetched_returns_the_existing_article(submit):
    fetched = submit("/fr/article.html").article
    again = article_submit_text(text="  " + fetched.text.upper() + "\n")
    assert again.duplicate and again.article == fetched


def test_a_failed_link_submitted_again_is_tried_again(submit, page_server):
    page_server.flaky_failures = 1
    failed = submit("/flaky").article
    assert failed.status == Article.Status.FAILED
    again = submit("/flaky")
    assert again.duplicate and again.article == failed
    assert "trying again" in again.message
    assert again.article.status == Article.Status.READY


@pytest.mark.parametrize(
    "url, error",
    [("ftp://files.example/a", "http:// or https://"), ("see attached", "not a valid web address")],
)
def test_links_that_cannot_be_fetched_are_refused_at_once(url, error):
    with pytest.raises(ValidationError, match=error):
        article_submit_url(url=url)
    assert Article.objects.count() == 0


def test_a_forced_language_is_kept(submit):
    article = submit("/en/article.html", language="en").article
    assert article.language == "en" and article.status == Article.Status.READY


def test_a_canonical_link_to_another_site_cannot_stand_in_for_that_sites_article(
    submit, page_server, django_capture_on_commit_callbacks
):
    # The attacker's page (on 127.0.0.1) declares the victim's article (on localhost) as
    # its canonical link.
    victim_url = f"http://localhost:{page_server.port}/en/article.html"
    attacker = submit("/attacker.html").article
    assert attacker.status == Article.Status.READY, attacker.error
    assert attacker.canonical_url == ""

    with django_capture_on_commit_callbacks(execute=True):
        victim = article_submit_url(url=victim_url)
    assert victim.created, victim.message
    victim.article.refresh_from_db()
    assert victim.article.status == Article.Status.READY, victim.article.error
    assert "We cannot let the channel silt up" in victim.article.text
    assert "never been in better shape" not in victim.article.text
    assert page_server.hits("/en/article.html") == 1


def test_a_canonical_link_on_the_same_site_is_still_trusted(submit, page_server):
    first = submit("/en/article.html").article
    assert first.canonical_url == page_server.url("/en/harbour-dredging")
    assert article_submit_url(url=page_server.url("/en/harbour-dredging")).duplicate
