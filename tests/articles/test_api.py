"""REST API: token-authenticated submission, status and claims; the OpenAPI schema."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article
from tests.factories import ArticleFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The council met on Monday.\n\n"
    '"We will open three new schools in September," said Mayor Tom Reed.\n\n'
    "According to the education board, enrolment is rising."
)


@pytest.fixture
def api():
    user = UserFactory(username="newsroom-bot")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


def test_the_api_needs_a_token(client):
    assert APIClient().get("/api/articles/").status_code == 401
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert bad.post("/api/articles/", {"text": ENGLISH}, format="json").status_code == 401
    assert Article.objects.count() == 0


def test_posting_a_text_stores_it_and_claims_follow(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/articles/", {"text": ENGLISH, "outlet": "Herald"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["duplicate"] is False and body["status"] == "queued"
    article = Article.objects.get(pk=body["id"])
    assert article.submitted_by == api.user and article.outlet.name == "Herald"

    detail = api.get(f"/api/articles/{article.pk}/").json()
    assert detail["status"] == "ready" and detail["error"] == ""
    assert detail["claims"] == article.mentions.count() >= 1
    claims = api.get(detail["claims_url"]).json()
    assert claims["count"] == detail["claims"]
    assert any("Reed" in c["speaker"] for c in claims["results"])
    first = claims["results"][0]
    assert ENGLISH[first["start"] : first["end"]] == first["content"]


def test_posting_a_link_fetches_it(api, page_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/articles/", {"url": page_server.url("/fr/article.html")}, format="json"
        )
    assert response.status_code == 201
    detail = api.get(f"/api/articles/{response.json()['id']}/").json()
    assert (detail["status"], detail["language"]) == ("ready", "fr")
    assert detail["outlet"] == "Le Courrier du Val"


def test_posting_the_same_link_again_returns_the_existing_article(api, page_server):
    url = page_server.url("/en/article.html")
    first = api.post("/api/articles/", {"url": url}, format="json").json()
    again = api.post("/api/articles/", {"url": url + "#top"}, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["duplicate"] is True
    assert "already submitted" in again.json()["message"]


def test_a_failed_article_says_why(api):
    article = ArticleFactory(status="failed", error="The page is larger than 5 MB.")
    body = api.get(f"/api/articles/{article.pk}/").json()
    assert (body["status"], body["error"]) == ("failed", "The page is larger than 5 MB.")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "non_field_errors"),
        ({"url": "http://a.example/", "text": ENGLISH}, "non_field_errors"),
        ({"url": "ftp://files.example/x"}, "url"),
        ({"text": ENGLISH, "language": "de"}, "language"),
    ],
)
def test_invalid_submissions_are_400_with_the_reason(api, payload, field):
    response = api.post("/api/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Article.objects.count() == 0


def test_claims_of_an_unknown_article_are_404(api):
    assert api.get("/api/articles/999999/claims/").status_code == 404


def test_claims_list_is_in_text_order(api):
    article = ArticleFactory(text=ENGLISH)
    late = MentionFactory(article=article, content="enrolment is rising")
    early = MentionFactory(article=article, content="We will open three new schools")
    ids = [c["id"] for c in api.get(f"/api/articles/{article.pk}/claims/").json()["results"]]
    assert ids == [early.pk, late.pk]


def test_the_openapi_schema_describes_the_article_endpoints(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/articles/", "/api/articles/{id}/", "/api/articles/{id}/claims/"} <= set(paths)
    assert "post" in paths["/api/articles/"]
