import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/articles/", "/articles/new/"])
def test_article_pages_require_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_article_detail_requires_login(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 302


def test_accounts_outside_the_newsroom_cannot_read_or_add_articles(client, roles):
    """Articles and their unreviewed statements are for journalists and editors only."""
    from tests.factories import UserFactory

    article = ArticleFactory(title="ZZINTERNAL article")
    MentionFactory(article=article, speaker="ZZINTERNAL speaker")
    client.force_login(UserFactory(username="outsider"))
    for url in ["/articles/", "/articles/new/", article.get_absolute_url(),
                reverse("articles:status", args=[article.pk])]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"ZZINTERNAL" not in response.content
    count = Article.objects.count()
    assert client.post("/articles/new/", {"text": "Some text. " * 20}).status_code == 403
    response = client.post(reverse("articles:new-url"), {"url": "https://a.example/"})
    assert response.status_code == 403
    assert Article.objects.count() == count
    home = client.get("/").content.decode()
    assert "ZZINTERNAL" not in home and 'href="/articles/"' not in home


def test_submitting_text_stores_the_article_and_shows_its_claims(
    journalist_client, journalist, django_capture_on_commit_callbacks
):
    text = (
        "Le conseil municipal s'est réuni.\n\n"
        "« La piscine rouvrira en juin », a affirmé l'adjoint aux sports, Marc Petit."
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = journalist_client.post(
            "/articles/new/",
            {"text": text, "title": "Piscine", "outlet": "La Voix", "language": ""},
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    assert article.submitted_by == journalist
    assert article.outlet.name == "La Voix"

    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "Ready" in page
    assert '<mark class="mention' in page
    assert "Marc Petit" in page
    assert "La piscine rouvrira en juin" in page


def test_form_without_text_is_refused_with_a_message(journalist_client):
    response = journalist_client.post("/articles/new/", {"text": "  ", "title": "x"})
    assert response.status_code == 200
    assert "Paste the text of the article." in response.content.decode()
    assert not Article.objects.exists()


def test_article_text_is_escaped(journalist_client):
    text = 'She said "<script>alert(1)</script>" loudly.'
    article = ArticleFactory(text=text)
    MentionFactory(article=article, content="<script>alert(1)</script>", speaker="She")
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_failed_article_explains_itself(journalist_client):
    article = ArticleFactory(status=Article.Status.FAILED, error="The article has no text.")
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "Processing failed." in page
    assert "The article has no text." in page


def test_article_in_progress_refreshes_itself(journalist_client):
    article = ArticleFactory(status=Article.Status.QUEUED)
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in page
    ready = ArticleFactory(status=Article.Status.READY)
    assert (
        'http-equiv="refresh"'
        not in journalist_client.get(ready.get_absolute_url()).content.decode()
    )


def test_mention_list_shows_the_relay_chain(journalist_client):
    article = ArticleFactory(
        text="The Ledger, citing two engineers, reported that cracks were found."
    )
    MentionFactory(
        article=article,
        content="cracks were found",
        speaker="two engineers",
        speaker_type="anonymous",
        via=["The Ledger"],
    )
    page = journalist_client.get(article.get_absolute_url()).content.decode()
    assert f"two engineers → The Ledger → {article.outlet.name}" in page


def test_article_list_shows_status(journalist_client):
    ArticleFactory(title="Bridge story", status=Article.Status.FAILED, error="x")
    page = journalist_client.get("/articles/").content.decode()
    assert "Bridge story" in page and "Failed" in page


def test_a_pasted_article_over_the_limit_is_refused_with_the_limit_in_words(journalist_client):
    text = ("The council met on Monday and said nothing. " * 4546)[:200_001]
    response = journalist_client.post("/articles/new/", {"text": text, "title": "Long"})
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Pasted articles can be at most 200,000 characters (about 66 pages); this one has 200,001."
    ) in page
    assert Article.objects.count() == 0


def test_the_paste_form_says_the_limit_before_anything_is_pasted(journalist_client):
    page = journalist_client.get("/articles/new/").content.decode()
    assert "Pasted articles can be at most 200,000 characters (about 66 pages)." in page


def test_the_longest_pasted_article_allowed_is_stored(journalist_client):
    text = "Le conseil a voté le budget. « Il est équilibré », a dit le maire. " * 3000
    text = text[:200_000]
    response = journalist_client.post("/articles/new/", {"text": text, "title": "Budget"})
    assert response.status_code == 302
    assert len(Article.objects.get().text) == 200_000


def test_a_request_too_big_to_read_is_413_with_the_limit_in_words(journalist_client):
    response = journalist_client.post("/articles/new/", {"text": "x" * (5 * 1024 * 1024)})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Pasted articles can be at most 200,000 characters" in page
    assert Article.objects.count() == 0
