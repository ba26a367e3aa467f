"""Control characters stored before text was cleaned on input never break the reader's XML
(Atom feed, sitemap) or the ClaimReview JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from claims.models import Claim
from tests.factories import CorrectionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def dirty_claim(publish):
    # Written straight to the table, as rows stored before the input cleaning were.
    claim = publish(statement="The port\x01 sold six cranes")
    Claim.objects.filter(pk=claim.pk).update(
        conclusion="The minutes say otherwise.\x0bSee page 4.\x01"
    )
    CorrectionFactory(claim=claim, text="We fixed\x08 the date.")
    return claim


def test_the_feed_survives_control_characters(client, dirty_claim):
    response = client.get("/claims/feed/")
    assert response.status_code == 200
    [entry] = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text.endswith("The port sold six cranes")
    summary = entry.find(f"{ATOM}summary").text
    assert "See page 4." in summary and "We fixed the date." in summary


def test_the_sitemap_survives_control_characters(client, dirty_claim):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert dirty_claim.slug in response.content.decode()
    ET.fromstring(response.content)


def test_the_json_ld_carries_no_control_characters(client, dirty_claim):
    html = client.get(dirty_claim.get_absolute_url()).content.decode()
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "\\u0001" not in block
    assert json.loads(block)["claimReviewed"] == "The port sold six cranes"
