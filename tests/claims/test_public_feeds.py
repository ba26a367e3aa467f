"""Atom feed of new and changed verdicts, sitemap.xml, and the static public pages."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from claims.models import Correction
from tests.factories import CorrectionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2024, 6, day, 8, 0, tzinfo=datetime.UTC)


def test_feed_lists_verdicts_with_a_corrected_one_first(client, publish):
    old = publish(statement="Old claim", verdict="false", published_at=at(1))
    publish(statement="Newer claim", verdict="true", published_at=at(5))
    correction = CorrectionFactory(claim=old, text="We changed the verdict to False.")
    Correction.objects.filter(pk=correction.pk).update(created_at=at(8))

    response = client.get("/claims/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "False: Old claim",
        "True: Newer claim",
    ]
    corrected = entries[0]
    assert corrected.find(f"{ATOM}updated").text.startswith("2024-06-08")
    assert corrected.find(f"{ATOM}published").text.startswith("2024-06-01")
    assert "We changed the verdict to False." in corrected.find(f"{ATOM}summary").text
    assert corrected.find(f"{ATOM}link").get("href").endswith(f"/claims/{old.slug}/")
    assert feed.find(f"{ATOM}updated").text.startswith("2024-06-08")


def test_sitemap_lists_published_claims_and_public_pages(client, publish):
    claim = publish(published_at=at(2))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod")
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url")
    }
    paths = {loc.split("://", 1)[1].split("/", 1)[1] for loc in urls}
    assert paths == {
        "",
        "claims/",
        "claims/about/methodology/",
        "claims/about/rating-scale/",
        f"claims/{claim.slug}/",
        f"claims/speakers/{claim.claimant_id}/",  # its claimant's speaker page
    }
    lastmod = next(v for k, v in urls.items() if claim.slug in k)
    assert lastmod.text.startswith("2024-06-02")


SITE = "https://claims.example.org"


@pytest.fixture
def canonical_site(settings):
    """The site's public address differs from the host the tests' requests come in on
    (testserver) and from their scheme (http)."""
    settings.SITE_URL = SITE
    settings.CLAIMTRACK_ORGANISATION_NAME = "Les Vérificateurs"
    settings.CLAIMTRACK_ORGANISATION_URL = "https://verificateurs.example"
    return settings


def canonical_url(client, claim) -> str:
    html = client.get(claim.get_absolute_url()).content.decode()
    links = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert len(links) == 1
    return links[0]


def test_feed_addresses_are_the_site_url_not_the_request_host(client, publish, canonical_site):
    claim = publish(statement="The port sold six cranes")
    response = client.get("/claims/feed/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "testserver" not in body
    addresses = set(re.findall(r"https?://[^\"<\s]+", body)) - {"http://www.w3.org/2005/Atom"}
    assert {a for a in addresses if not a.startswith(f"{SITE}/")} == {
        "https://verificateurs.example"  # the organisation's own address (author uri)
    }
    feed = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": f"{SITE}/claims/", "self": f"{SITE}/claims/feed/"}
    assert feed.find(f"{ATOM}id").text == f"{SITE}/claims/"
    (entry,) = feed.findall(f"{ATOM}entry")
    url = canonical_url(client, claim)
    assert url == f"{SITE}/claims/{claim.slug}/"
    assert entry.find(f"{ATOM}link").get("href") == url
    assert entry.find(f"{ATOM}id").text == url


def test_feed_author_is_the_publishing_organisation(client, publish, canonical_site):
    claim = publish(statement="The port sold six cranes")
    feed = ET.fromstring(client.get("/claims/feed/").content)
    (entry,) = feed.findall(f"{ATOM}entry")
    for author in [feed.find(f"{ATOM}author"), entry.find(f"{ATOM}author")]:
        assert author.find(f"{ATOM}name").text == "Les Vérificateurs"
        assert author.find(f"{ATOM}uri").text == "https://verificateurs.example"
    assert claim.claimant.name not in client.get("/claims/feed/").content.decode()


def test_feed_never_has_an_empty_author_name(client, publish, settings):
    publish(claimant=None)  # a claim without a claimant
    settings.CLAIMTRACK_ORGANISATION_NAME = " "
    settings.CLAIMTRACK_ORGANISATION_URL = ""
    feed = ET.fromstring(client.get("/claims/feed/").content)
    names = feed.findall(f".//{ATOM}author/{ATOM}name")
    assert len(names) == 2  # the feed's and the entry's
    assert all(name.text == "claimtrack" for name in names)
    assert feed.findall(f".//{ATOM}author/{ATOM}uri") == []  # no empty <uri/> either


@pytest.mark.parametrize("secure", [False, True])
def test_sitemap_locations_are_the_site_url_not_the_request_host(client, publish, settings, secure):
    settings.SITE_URL = SITE if not secure else "http://checks.example:8080"
    site = settings.SITE_URL
    claim = publish()
    response = client.get("/sitemap.xml", secure=secure)
    assert response.status_code == 200
    locs = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert len(locs) == 6  # the public pages, the claim and its claimant's speaker page
    assert all(loc.startswith(f"{site}/") for loc in locs), locs
    assert f"{site}/" in locs and f"{site}/claims/" in locs
    assert canonical_url(client, claim) in locs


def test_methodology_page_explains_sourcing_and_links_the_scale(client, roles):
    html = client.get("/claims/about/methodology/").content.decode()
    assert "Sourcing, kept apart from the verdict" in html
    assert 'href="/claims/about/rating-scale/"' in html


def test_healthz_is_a_trivial_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_feed_summary_is_escaped_html_and_shows_a_republication(client, publish, editor):
    from claims import services

    claim = publish(
        statement="Markup claim", conclusion="Costs <b>rose</b> & fell.\n\nSecond paragraph."
    )
    entry = ET.fromstring(client.get("/claims/feed/").content).find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # What a feed reader renders: the editors' text as text, in paragraphs.
    assert summary.text == (
        "<p>Costs &lt;b&gt;rose&lt;/b&gt; &amp; fell.</p>\n\n<p>Second paragraph.</p>"
    )

    services.claim_unpublish(claim=claim, by=editor, reason="Checking again")
    assert b"Markup claim" not in client.get("/claims/feed/").content
    services.claim_publish(claim=claim, verdict=claim.verdict, conclusion="Checked.", by=editor)
    entry = ET.fromstring(client.get("/claims/feed/").content).find(f"{ATOM}entry")
    assert "Published again with the verdict “False”." in entry.find(f"{ATOM}summary").text
