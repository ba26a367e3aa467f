import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article
from claims.extraction import detect_language
from claims.management.commands.seed_demo import DEMO_ARTICLES, DEMO_CLAIMS
from claims.models import Claim
from claims.services import claim_approve_publication

pytestmark = pytest.mark.django_db

VALMER = "Le port de Valmer a vendu six grues de quai à un armateur étranger"
CANTEENS = (
    "Toutes les cantines des lycées de la région serviront des repas entièrement bio à la rentrée"
)
BRIDGE_CRACKS = "Cracks were found in a pier of the Old Mill bridge"
BUSES = "Bus routes over the Old Mill bridge will stay diverted until April"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def demo_items() -> dict[str, dict]:
    return {item["key"]: item for item in json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))}


def listed(client, query: str = "") -> str:
    return client.get(f"/claims/{query}").content.decode()


def test_seed_demo_creates_accounts_articles_and_claims_in_every_state(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    users = get_user_model().objects
    assert users.get(username="editor").check_password("claimtrack-editor")
    assert users.get(username="journalist").check_password("claimtrack-journalist")
    assert "claimtrack-editor" in out and "claimtrack-journalist" in out

    articles = Article.objects.all()
    assert {a.language for a in articles} == {"fr", "en"}
    assert all(a.status == Article.Status.READY for a in articles)
    assert sum(a.mentions.count() for a in articles) >= 8
    assert {c.status for c in Claim.objects.all()} == set(Claim.Status.values)
    assert set(Claim.objects.published().values_list("statement", flat=True)) == {
        VALMER,
        CANTEENS,
        BUSES,
    }
    assert Claim.objects.get(statement=BRIDGE_CRACKS).status == Claim.Status.IN_REVIEW
    draft = Claim.objects.get(statement="St Anne's emergency ward will close at night from January")
    assert draft.status == Claim.Status.DRAFT and draft.published_at is None
    withdrawn = Claim.objects.get(statement="The Old Mill bridge will reopen to traffic in March")
    assert withdrawn.status == Claim.Status.DRAFT and withdrawn.published_at is not None
    assert withdrawn.corrections.filter(text__contains="postponed the reopening").exists()
    assert "reopen to traffic in March”: withdrawn" in out


def test_seed_demo_articles_have_an_outlet_link_and_a_publication_date():
    call_command("seed_demo")
    items = demo_items()
    now = datetime.datetime.now(datetime.UTC)
    for item in items.values():
        article = Article.objects.get(title=item["title"])
        assert article.url == item["url"]
        assert re.fullmatch(r"https://www\.[a-z-]+\.example/.+", article.url)  # RFC 2606
        assert article.outlet.domain == article.url.split("/")[2]
        assert now - datetime.timedelta(weeks=3) < article.published_at < article.created_at
    # The French article came out before the English one that relays it.
    french, english = (
        Article.objects.get(url=items[key]["url"]) for key in ("fr-port", "en-cranes")
    )
    assert french.published_at < english.published_at
    assert all(
        article.published_at < claim.published_at
        for claim in Claim.objects.published()
        for article in Article.objects.filter(mentions__claim=claim)
    )


def test_seed_demo_claims_are_written_in_the_language_of_their_first_article():
    call_command("seed_demo")
    items = demo_items()
    for key, _span, statement, *_ in DEMO_CLAIMS:
        claim = Claim.objects.get(statement=statement)
        assert claim.language == items[key]["language"], statement
        public_texts = [
            claim.statement,
            claim.conclusion,
            *claim.evidence.values_list("title", flat=True),
            *claim.evidence.exclude(note="").values_list("note", flat=True),
            *claim.corrections.exclude(text="").values_list("text", flat=True),
        ]
        other = {"fr": "en", "en": "fr"}[claim.language]
        assert detect_language(" ".join(public_texts)) == claim.language, statement
        for text in public_texts:
            assert detect_language(text) != other, text
    assert Claim.objects.get(statement=VALMER).language == "fr"
    assert Claim.objects.get(statement=BRIDGE_CRACKS).language == "en"


def test_seed_demo_claims_are_found_by_their_language(client):
    call_command("seed_demo")
    french, english = listed(client, "?language=fr"), listed(client, "?language=en")
    for statement in (VALMER, CANTEENS):
        assert escape(statement) in french and escape(statement) not in english
    assert escape(BUSES) in english and escape(BUSES) not in french

    # The English claim waiting for a second editor, once approved, is listed in English.
    claim = Claim.objects.get(statement=BRIDGE_CRACKS)
    claim_approve_publication(claim=claim, by=get_user_model().objects.get(username="editor2"))
    french, english = listed(client, "?language=fr"), listed(client, "?language=en")
    assert escape(BRIDGE_CRACKS) in english and escape(BRIDGE_CRACKS) not in french
    assert escape(VALMER) not in english


def test_seed_demo_claim_pages_link_their_appearances_to_the_articles(client):
    call_command("seed_demo")
    items = demo_items()
    for claim in Claim.objects.published():
        html = client.get(claim.get_absolute_url()).content.decode()
        timeline = html[html.index('<ol class="timeline">') :]
        timeline = timeline[: timeline.index("</ol>")]
        item = JSON_LD.search(html).group(1)
        review = json.loads(item)["itemReviewed"]
        assert review["appearance"] and review["firstAppearance"] == review["appearance"][0]
        for work in review["appearance"]:
            article = Article.objects.get(url=work["url"])
            assert f'href="{article.url}"' in timeline
            assert work["datePublished"] == timezone.localdate(article.published_at).isoformat()

    valmer = Claim.objects.get(statement=VALMER)
    html = client.get(valmer.get_absolute_url()).content.decode()
    review = json.loads(JSON_LD.search(html).group(1))["itemReviewed"]
    assert [work["url"] for work in review["appearance"]] == [
        items["fr-port"]["url"],
        items["en-cranes"]["url"],
        items["en-wire"]["url"],
    ]
    assert review["datePublished"] == review["firstAppearance"]["datePublished"]
    first = html[html.index('class="timeline-item is-first"') :]
    assert first.index(items["fr-port"]["url"]) < first.index(items["en-cranes"]["url"])


def test_seed_demo_shows_readers_its_published_claims_only(client):
    call_command("seed_demo")
    listing = client.get("/claims/").content.decode()
    for claim in Claim.objects.all():
        page = client.get(claim.get_absolute_url())
        withdrawn = claim.corrections.filter(kind="unpublished").exists()
        published = claim.status == Claim.Status.PUBLISHED
        assert page.status_code == (200 if published else 410 if withdrawn else 404)
        assert (escape(claim.statement) in page.content.decode()) == published
        assert (escape(claim.statement) in listing) == (claim.status == Claim.Status.PUBLISHED)


def test_seed_demo_can_run_twice_without_duplicates():
    call_command("seed_demo")
    counts = (Article.objects.count(), Claim.objects.count(), get_user_model().objects.count())
    dates = dict(Article.objects.values_list("url", "published_at"))
    call_command("seed_demo")
    assert (
        Article.objects.count(),
        Claim.objects.count(),
        get_user_model().objects.count(),
    ) == counts
    assert dict(Article.objects.values_list("url", "published_at")) == dates


def test_seed_demo_completes_data_seeded_by_an_earlier_version():
    """Articles seeded without a link or date get them; a claim tracked under an older
    wording is kept, not tracked twice."""
    call_command("seed_demo")
    valmer = Claim.objects.get(statement=VALMER)
    Claim.objects.filter(pk=valmer.pk).update(
        statement="Valmer port sold six quay cranes to a foreign shipowner"
    )
    Article.objects.update(url="", published_at=None)
    claims = Claim.objects.count()

    call_command("seed_demo")
    assert Claim.objects.count() == claims
    assert not Claim.objects.filter(statement=VALMER).exists()
    assert valmer.mentions.count() == 3
    assert not Article.objects.filter(url="").exists()
    assert not Article.objects.filter(published_at=None).exists()


def test_seed_demo_attaches_responses_to_the_claims_they_answer(client):
    call_command("seed_demo")
    port = Claim.objects.get(statement__startswith="Le port de Valmer")
    assert port.responses.count() >= 3
    assert not port.mentions.exclude(stance="asserts").exists()  # responses are no appearances
    html = client.get(port.get_absolute_url()).content.decode()
    assert "Paul Deschamps denied it" in html
    assert "could not verify it" in html
    call_command("seed_demo")  # a second run adds nothing
    assert Claim.objects.get(pk=port.pk).responses.count() == port.responses.count()


def test_seed_demo_alerts_catch_the_bare_relay_of_the_valmer_claim(client):
    """The Shipping Wire states the Valmer claim bare: its appearance drops the hedges, the
    source and the mayor's denial the earlier articles had; nothing else drifts."""
    from claims.models import Alert

    call_command("seed_demo")
    valmer = Claim.objects.get(statement=VALMER)
    alerts = Alert.objects.all()
    assert {a.kind for a in alerts} == {"hedge_dropped", "source_dropped", "denial_dropped"}
    assert {a.claim_id for a in alerts} == {valmer.pk}
    assert {a.later.article.outlet.name for a in alerts} == {"Shipping Wire"}
    html = client.get(valmer.get_absolute_url()).content.decode()
    assert "Without attribution: <strong>Shipping Wire</strong>" in html
    call_command("seed_demo")
    assert Alert.objects.count() == 3
