"""Atom feed of new and changed verdicts, sitemap.xml, and the static public pages."""

import datetime
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
    }
    lastmod = next(v for k, v in urls.items() if claim.slug in k)
    assert lastmod.text.startswith("2024-06-02")


def test_methodology_page_explains_sourcing_and_links_the_scale(client, roles):
    html = client.get("/claims/about/methodology/").content.decode()
    assert "Sourcing, kept apart from the verdict" in html
    assert 'href="/claims/about/rating-scale/"' in html


def test_healthz_is_a_trivial_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
