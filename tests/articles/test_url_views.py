"""Article pages: submitting a link, live status (htmx), failures that explain themselves."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_the_new_article_page_offers_a_link_and_a_text(journalist_client):
    page = journalist_client.get(reverse("articles:new")).content.decode()
    assert 'action="/articles/new/link/"' in page and 'name="url"' in page
    assert 'name="text"' in page


def test_submitting_a_link_fetches_it_and_shows_the_article(
    journalist_client, page_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = journalist_client.post(
            reverse("articles:new-url"), {"url": page_server.url("/en/article.html")}
        )
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    page = journalist_client.get(response.url).content.decode()
    assert "Harbour authority rejects dredging delay" in page
    assert "Hannah Morris" in page and "We cannot let the channel silt up" in page


def test_an_invalid_link_is_explained_on_the_form(journalist_client):
    response = journalist_client.post(reverse("articles:new-url"), {"url": "ftp://x.example/a"})
    assert response.status_code == 400
    assert "Only web addresses starting with http:// or https://" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_link_already_submitted_says_so(journalist_client, page_server):
    existing = ArticleFactory(url=page_server.url("/en/article.html"))
    response = journalist_client.post(
        reverse("articles:new-url"), {"url": page_server.url("/en/article.html")}, follow=True
    )
    assert response.redirect_chain[-1][0] == existing.get_absolute_url()
    assert "already submitted" in response.content.decode()


def test_an_article_in_progress_polls_its_status(journalist_client):
    article = ArticleFactory(status="queued", text="", url="https://news.example/a")
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert f'hx-get="/articles/{article.pk}/status/"' in page and 'hx-trigger="every 2s"' in page
    assert "Waiting for a worker to fetch the page" in page


def test_the_status_partial_reloads_the_page_once_processing_is_over(journalist_client):
    article = ArticleFactory(status="fetching", text="", url="https://news.example/a")
    url = reverse("articles:status", args=[article.pk])
    response = journalist_client.get(url, HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in response and "Fetching the page" in response.content.decode()
    Article.objects.filter(pk=article.pk).update(
        status="failed", error="The page could not be found (HTTP 404). Check the link."
    )
    response = journalist_client.get(url, HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    assert "hx-get" not in response.content.decode()


@pytest.mark.parametrize(
    "status, error, heading",
    [
        ("failed", "This link points to a private network address and was refused.", "failed"),
        ("unsupported", "The article seems to be in German.", "Language not supported"),
    ],
)
def test_a_failure_explains_itself(journalist_client, status, error, heading):
    article = ArticleFactory(status=status, error=error, text="")
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert heading in page and error in page
    assert "hx-get" not in page


def test_a_duplicate_links_to_the_original(journalist_client):
    original = ArticleFactory(title="The original")
    copy = ArticleFactory(status="duplicate", duplicate_of=original, error="Same article.")
    page = journalist_client.get(copy.get_absolute_url()).content.decode()
    assert original.get_absolute_url() in page and "The original" in page


def test_the_article_list_filters_by_status(journalist_client):
    ArticleFactory(title="Broken one", status="failed", error="HTTP 404")
    ArticleFactory(title="Good one")
    page = journalist_client.get(reverse("articles:list") + "?status=failed").content.decode()
    assert "Broken one" in page and "Good one" not in page


def test_the_status_partial_needs_login(client):
    article = ArticleFactory()
    assert client.get(reverse("articles:status", args=[article.pk])).status_code == 302
