"""REST API: token-authenticated submission, status and claims; the OpenAPI schema.

Every endpoint is for the newsroom: anonymous requests are 401, signed-in accounts in neither
the Journalists nor the Editors group are 403.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles import api_urls
from articles.api import IsNewsroomMember
from articles.models import Article
from claims.roles import EDITORS, JOURNALISTS
from tests.factories import ArticleFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The council met on Monday.\n\n"
    '"We will open three new schools in September," said Mayor Tom Reed.\n\n'
    "According to the education board, enrolment is rising."
)


NOT_IN_NEWSROOM = "Your account is not in the newsroom's Journalists or Editors group."


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def api(roles):
    """A journalist's token (the newsroom's usual API account)."""
    user = UserFactory(username="newsroom-bot")
    user.groups.add(Group.objects.get(name=JOURNALISTS))
    return token_client(user)


@pytest.fixture
def outsider_api(db):
    """A signed-in account in no group: a reader who registered, a former staff member."""
    return token_client(UserFactory(username="outsider"))


def api_calls(article: Article) -> list[tuple[str, str]]:
    """(method, url) for every endpoint of articles/api_urls.py and every method it answers
    (besides HEAD and OPTIONS), so that a new endpoint is checked without being listed."""
    calls = []
    examples = {"kind": "claims", "fmt": "csv"}  # /api/exports/claims.csv
    for pattern in api_urls.urlpatterns:
        kwargs = {name: examples.get(name, article.pk) for name in pattern.pattern.converters}
        url = reverse(f"api:{pattern.name}", kwargs=kwargs)
        view = pattern.callback.view_class
        for method in view().allowed_methods:
            if method not in {"HEAD", "OPTIONS"}:
                calls.append((method.lower(), url))
    return calls


def call(client, method: str, url: str):
    """One request of api_calls(); a POST sends a text, so that nothing is fetched."""
    if method == "get":
        return client.get(url)
    assert method == "post", f"no test payload for {method.upper()} {url}"
    return client.post(
        url,
        {"text": "The mayor said that the bridge would reopen."},
        content_type="application/json",
    )


def test_the_api_needs_a_token(client):
    assert APIClient().get("/api/articles/").status_code == 401
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert bad.post("/api/articles/", {"text": ENGLISH}, format="json").status_code == 401
    assert Article.objects.count() == 0


def test_every_endpoint_is_listed_and_needs_the_newsroom_permission():
    names = {pattern.name for pattern in api_urls.urlpatterns}
    assert names == {"article-list", "article-detail", "article-claims", "alert-list", "export"}
    for pattern in api_urls.urlpatterns:
        assert IsNewsroomMember in pattern.callback.view_class.permission_classes, pattern.name


def test_every_endpoint_refuses_a_signed_in_account_in_no_group(outsider_api):
    article = ArticleFactory(text=ENGLISH)
    MentionFactory(article=article, content="enrolment is rising")
    calls = api_calls(article)
    assert ("get", f"/api/articles/{article.pk}/claims/") in calls
    assert ("post", "/api/articles/") in calls
    for method, url in calls:
        response = call(outsider_api, method, url)
        assert response.status_code == 403, (method, url)
        assert response.json() == {"detail": NOT_IN_NEWSROOM}, (method, url)
    assert Article.objects.count() == 1  # the refused POST stored nothing


def test_every_endpoint_refuses_anonymous_requests_with_401():
    article = ArticleFactory(text=ENGLISH)
    for method, url in api_calls(article):
        response = call(APIClient(), method, url)
        assert response.status_code == 401, (method, url)
        assert response["WWW-Authenticate"] == "Token"


def test_a_session_in_no_group_is_refused_too(client):
    """The API also accepts the site's session cookie: the same rule applies."""
    article = ArticleFactory(text=ENGLISH)
    client.force_login(UserFactory(username="outsider"))
    for method, url in api_calls(article):
        response = call(client, method, url)
        assert response.status_code == 403, (method, url)


@pytest.mark.parametrize("group", [JOURNALISTS, EDITORS])
def test_every_endpoint_answers_journalists_and_editors(roles, group):
    user = UserFactory(username=f"member-{group}")
    user.groups.add(Group.objects.get(name=group))
    member = token_client(user)
    article = ArticleFactory(text=ENGLISH)
    MentionFactory(article=article, content="enrolment is rising")
    for method, url in api_calls(article):
        response = call(member, method, url)
        assert response.status_code in {200, 201}, (method, url, response.content)


def test_a_superuser_in_no_group_is_let_in():
    boss = UserFactory(username="boss", is_superuser=True, is_staff=True)
    assert token_client(boss).get("/api/articles/").status_code == 200


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


def test_the_list_is_newest_first(api):
    first, second, third = ArticleFactory(), ArticleFactory(), ArticleFactory()
    ids = [a["id"] for a in api.get("/api/articles/").json()["results"]]
    assert ids == [third.pk, second.pk, first.pk]


def test_claims_of_an_unknown_article_are_404(api):
    assert api.get("/api/articles/999999/claims/").status_code == 404


def test_claims_list_is_in_text_order(api):
    article = ArticleFactory(text=ENGLISH)
    late = MentionFactory(article=article, content="enrolment is rising")
    early = MentionFactory(article=article, content="We will open three new schools")
    ids = [c["id"] for c in api.get(f"/api/articles/{article.pk}/claims/").json()["results"]]
    assert ids == [early.pk, late.pk]


@pytest.mark.parametrize("who", ["journalist", "outsider", "anonymous"])
def test_the_openapi_schema_describes_the_article_endpoints(api, outsider_api, who):
    """The schema describes the endpoints and holds no data: anyone may read it (an
    integrator writes a client before being given a newsroom account)."""
    client = {"journalist": api, "outsider": outsider_api, "anonymous": APIClient()}[who]
    ArticleFactory(title="ZZLEAK article", text=ENGLISH)
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert "ZZLEAK" not in response.content.decode()
    paths = response.json()["paths"]
    assert {"/api/articles/", "/api/articles/{id}/", "/api/articles/{id}/claims/"} <= set(paths)
    assert "post" in paths["/api/articles/"]


def test_a_request_too_big_to_read_is_413_in_json(api):
    response = api.post("/api/articles/", {"text": "x" * (5 * 1024 * 1024)}, format="json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "Pasted articles can be at most 200,000 characters" in response.json()["detail"]
    assert Article.objects.count() == 0


def test_a_text_over_the_limit_is_400_with_the_limit_in_words(api):
    text = ("The council met on Monday and said nothing. " * 4546)[:200_001]
    response = api.post("/api/articles/", {"text": text}, format="json")
    assert response.status_code == 400
    assert response.json()["text"] == [
        "Pasted articles can be at most 200,000 characters (about 66 pages); this one has 200,001."
    ]


def test_json_nested_too_deep_is_400_with_a_message(api):
    deep = "[" * 100_000 + "]" * 100_000
    response = api.post("/api/articles/", deep, content_type="application/json")
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_a_status_filter_with_a_nul_byte_is_400(api):
    ArticleFactory()
    response = api.get("/api/articles/?status=%00")
    assert response.status_code == 400
    assert "status" in response.json()
    assert api.get("/api/articles/?status=ready").status_code == 200


@pytest.mark.parametrize(
    "escape, reason", [("\\ud800", "Surrogate characters"), ("\\u0000", "Null characters")]
)
def test_a_posted_text_with_a_lone_surrogate_or_a_nul_is_400_with_the_reason(api, escape, reason):
    body = '{"text": "' + escape + ENGLISH.replace("\n", "\\n").replace('"', '\\"') + '"}'
    response = api.post("/api/articles/", body, content_type="application/json")
    assert response.status_code == 400
    assert reason in response.json()["text"][0]
    assert Article.objects.count() == 0
