"""The public list of fact checks: search, filters, pagination."""

import datetime
import re

import pytest
from django.db import connection

from claims.models import Mention
from tests.factories import ArticleFactory, MentionFactory, OutletFactory, SourceFactory

pytestmark = pytest.mark.django_db


def statements(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<p class="claim-card-statement"[^>]*><a href="[^"]+">(.*?)</a>', html)


def day(n: int) -> datetime.datetime:
    return datetime.datetime(2024, 3, n, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def claims(publish):
    cranes = publish(
        statement="Le port a cédé six grues de quai à un armateur étranger",
        language="fr",
        verdict="mostly-false",
        claimant=SourceFactory(name="Hélène Marchand"),
        published_at=day(1),
    )
    bridge = publish(
        statement="The bridge was closed because of cracks in the piers",
        language="en",
        verdict="true",
        claimant=SourceFactory(name="Linda Okafor"),
        conclusion="The inspection report confirms the cracks.",
        published_at=day(5),
    )
    wards = publish(
        statement="The emergency ward closes at night",
        language="en",
        verdict="false",
        published_at=day(9),
    )
    article = ArticleFactory(outlet=OutletFactory(name="Northbridge Herald"))
    MentionFactory(article=article, claim=bridge, review_state=Mention.ReviewState.ACCEPTED)
    return {"cranes": cranes, "bridge": bridge, "wards": wards}


def test_list_shows_newest_published_first(client, claims):
    assert statements(client.get("/claims/")) == [
        "The emergency ward closes at night",
        "The bridge was closed because of cracks in the piers",
        "Le port a cédé six grues de quai à un armateur étranger",
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search on PostgreSQL")
@pytest.mark.parametrize(
    "query, expected",
    [
        ("grue", "Le port a cédé six grues de quai à un armateur étranger"),  # French stem
        ("armateurs étrangers", "Le port a cédé six grues de quai à un armateur étranger"),
        ("crack", "The bridge was closed because of cracks in the piers"),  # English stem
        ("nights", "The emergency ward closes at night"),
        ("inspection", "The bridge was closed because of cracks in the piers"),  # conclusion
        ("Okafor", "The bridge was closed because of cracks in the piers"),  # claimant
    ],
)
def test_full_text_search_in_french_and_english(client, claims, query, expected):
    assert statements(client.get("/claims/", {"q": query})) == [expected]


def test_search_without_match_says_so(client, claims):
    response = client.get("/claims/", {"q": "helicopter engines"})
    assert statements(response) == []
    assert "No published fact check matches these filters." in response.content.decode()


def test_simple_search_fallback_matches_every_word(client, claims, monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert statements(client.get("/claims/", {"q": "bridge CRACKS"})) == [
        "The bridge was closed because of cracks in the piers"
    ]
    assert statements(client.get("/claims/", {"q": "bridge grues"})) == []


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"verdict": "true"}, ["bridge"]),
        ({"language": "fr"}, ["cranes"]),
        ({"language": "en"}, ["wards", "bridge"]),
        ({"since": "2024-03-04", "until": "2024-03-08"}, ["bridge"]),
        ({"since": "2024-03-05"}, ["wards", "bridge"]),
    ],
)
def test_filters_narrow_the_list(client, claims, params, expected):
    assert statements(client.get("/claims/", params)) == [claims[k].statement for k in expected]


def test_filter_by_claimant_and_by_outlet(client, claims):
    from articles.models import Outlet

    claimant = claims["cranes"].claimant
    assert statements(client.get("/claims/", {"claimant": claimant.pk})) == [
        claims["cranes"].statement
    ]
    outlet = Outlet.objects.get(name="Northbridge Herald")
    assert statements(client.get("/claims/", {"outlet": outlet.pk})) == [claims["bridge"].statement]


def test_invalid_filter_is_reported_not_an_error(client, claims):
    response = client.get("/claims/", {"since": "not a date"})
    assert len(statements(response)) == 3
    html = response.content.decode()
    assert "Enter a valid date." in html
    field = re.search(r'<input[^>]*name="since"[^>]*>', html).group(0)
    assert 'aria-describedby="id_since-error"' in field and 'aria-invalid="true"' in field
    assert '<p class="error" id="id_since-error">Enter a valid date.</p>' in html


def test_pagination_keeps_the_filters(client, publish):
    for i in range(25):
        publish(statement=f"Budget claim number {i}", language="en", published_at=day(1 + i))
    first = client.get("/claims/", {"language": "en"}).content.decode()
    assert first.count('class="claim-card"') == 20
    assert 'href="?language=en&amp;page=2"' in first
    second = client.get("/claims/", {"language": "en", "page": 2})
    assert statements(second) == [f"Budget claim number {i}" for i in range(4, -1, -1)]
    assert client.get("/claims/", {"page": 9}).status_code == 404
