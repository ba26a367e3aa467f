"""Pasted text carries its provenance: original link, outlet, publication date (form, API,
import), and the claim pages date a claim by its articles, never by the day we stored them."""

import datetime
import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from articles.models import Article
from articles.services import article_submit_text
from claims.models import Mention
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Le conseil régional s'est réuni jeudi.\n\n"
    "« Le tramway sera prolongé jusqu'à la gare en 2027 », a affirmé la présidente, Léa Roux."
)


def test_the_paste_form_stores_link_outlet_and_publication_date(journalist_client):
    response = journalist_client.post(
        "/articles/new/",
        {
            "text": TEXT,
            "title": "Tramway",
            "outlet": "Le Courrier de l'Ouest",
            "url": "https://courrier.example/tram?utm_source=share",
            "published": "2026-03-14",
            "language": "",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.url == "https://courrier.example/tram"  # canonical: tracking dropped
    assert article.outlet.name == "Le Courrier de l'Ouest"
    assert timezone.localtime(article.published_at).date() == datetime.date(2026, 3, 14)
    assert not article.needs_fetching  # the text is there: nothing is fetched from the link


def test_the_paste_form_names_the_outlet_after_the_link_when_none_is_given(journalist_client):
    journalist_client.post(
        "/articles/new/", {"text": TEXT, "url": "https://www.courrier.example/tram"}
    )
    assert Article.objects.get().outlet.domain == "courrier.example"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published", "14/03/2026", "YYYY-MM-DD"),
        ("published", "2099-01-01", "in the future"),
        ("url", "ftp://courrier.example/tram", ""),
    ],
)
def test_a_bad_link_or_date_is_refused_and_nothing_is_stored(
    journalist_client, field, value, message
):
    response = journalist_client.post("/articles/new/", {"text": TEXT, field: value})
    assert response.status_code == 200
    assert Article.objects.count() == 0
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])


def test_pasting_the_text_of_a_link_that_failed_to_fetch_fills_that_article():
    failed = Article.objects.create(
        url="https://paywall.example/story",
        status=Article.Status.FAILED,
        error="The site refused to send the page (HTTP 403).",
    )
    submission = article_submit_text(
        text=TEXT, url="https://paywall.example/story", published="2026-02-01", enqueue=False
    )
    failed.refresh_from_db()
    assert submission.article.pk == failed.pk and not submission.created
    assert "pasted text is now stored" in submission.message
    assert failed.text.startswith("Le conseil régional")
    assert failed.status == Article.Status.QUEUED and failed.error == ""
    assert failed.language == "fr"
    assert failed.published_at is not None
    assert Article.objects.count() == 1


def test_pasting_text_under_a_link_already_stored_with_its_text_is_a_duplicate():
    stored = ArticleFactory(url="https://courrier.example/tram", text="Another text entirely.")
    submission = article_submit_text(text=TEXT, url="https://courrier.example/tram")
    assert submission.article == stored and submission.duplicate
    assert "already submitted" in submission.message
    assert Article.objects.count() == 1


@pytest.fixture
def api_client(journalist):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=journalist).key}")
    return client


def test_the_api_takes_the_original_link_and_date_of_a_text(api_client):
    response = api_client.post(
        "/api/articles/",
        {"text": TEXT, "original_url": "https://courrier.example/tram", "published": "2026-03-14"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["url"] == "https://courrier.example/tram"
    assert body["published_at"].startswith("2026-03-14")


def test_the_api_refuses_a_bad_date_with_the_field_named(api_client):
    response = api_client.post(
        "/api/articles/", {"text": TEXT, "published": "yesterday"}, format="json"
    )
    assert response.status_code == 400
    assert "YYYY-MM-DD" in " ".join(response.json()["published"])
    assert Article.objects.count() == 0


def test_the_api_refuses_provenance_beside_a_link_to_fetch(api_client):
    response = api_client.post(
        "/api/articles/",
        {"url": "https://courrier.example/tram", "published": "2026-03-14"},
        format="json",
    )
    assert response.status_code == 400
    assert Article.objects.count() == 0


def test_an_import_record_with_a_text_keeps_its_link_and_date_and_fetches_nothing(tmp_path):
    path = tmp_path / "articles.jsonl"
    record = {
        "text": TEXT,
        "url": "https://courrier.example/tram",
        "published": "2026-03-14",
        "outlet": "Le Courrier de l'Ouest",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_articles", str(path), "--sync")
    article = Article.objects.get()
    assert article.url == "https://courrier.example/tram"
    assert timezone.localtime(article.published_at).date() == datetime.date(2026, 3, 14)
    assert article.text.startswith("Le conseil régional")
    assert article.status == Article.Status.READY


def test_an_import_record_with_a_bad_date_is_counted_failed_with_its_reason(tmp_path, capsys):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "mars 2026"}) + "\n")
    call_command("import_articles", str(path), "--sync")
    assert Article.objects.count() == 0
    assert "YYYY-MM-DD" in capsys.readouterr().out


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def _published_claim(publish, *, article_date):
    claim = publish(statement="The tram will reach the station in 2027", published_at=at(20))
    article = ArticleFactory(
        title="Tram",
        text="The president said the tram would reach the station in 2027.",
        outlet=OutletFactory(name="The Courier"),
        url="https://courier.example/tram",
        published_at=article_date,
    )
    MentionFactory(
        article=article, claim=claim, content="the tram would reach the station in 2027",
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    return claim


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, 9, 0, tzinfo=datetime.UTC)


def test_claim_review_dates_the_claim_by_its_article_and_says_language_and_update(client, publish):
    claim = _published_claim(publish, article_date=at(14))
    review = json_ld(client.get(claim.get_absolute_url()).content.decode())[0]
    assert review["itemReviewed"]["datePublished"] == "2026-03-14"
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://courier.example/tram"
    assert review["inLanguage"] == "en"
    assert review["dateModified"] == "2026-03-20"


def test_an_undated_article_gives_the_claim_no_publication_date_in_claim_review(client, publish):
    claim = _published_claim(publish, article_date=None)
    review = json_ld(client.get(claim.get_absolute_url()).content.decode())[0]
    assert "datePublished" not in review["itemReviewed"]  # not the day we stored it
    assert "datePublished" not in review["itemReviewed"]["appearance"][0]


def test_ingest_takes_the_original_link_and_date_of_a_text_file(tmp_path, capsys):
    path = tmp_path / "tram.txt"
    path.write_text(TEXT, encoding="utf-8")
    call_command(
        "ingest", str(path), "--sync", "--json", "--original-url",
        "https://courrier.example/tram", "--published", "2026-03-14",
    )  # fmt: skip
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    article = Article.objects.get(pk=line["id"])
    assert article.url == "https://courrier.example/tram"
    assert timezone.localtime(article.published_at).date() == datetime.date(2026, 3, 14)


def test_ingest_refuses_a_bad_date_and_stores_nothing(tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "tram.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("ingest", str(path), "--published", "le 14 mars")
    assert Article.objects.count() == 0
