"""Public claim pages in headless Chromium, on a phone and a desktop viewport."""

import json

import pytest
from playwright.sync_api import expect

from claims.models import Mention
from tests.factories import ArticleFactory, EvidenceFactory, MentionFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def claim(publish):
    claim = publish(
        statement="Valmer port sold six quay cranes to a foreign shipowner",
        verdict="mostly-false",
        sourcing="relayed",
        conclusion="The port's lease register shows the cranes were leased for the summer.",
    )
    for outlet, title in [
        ("Le Courrier du Littoral", "Le port de Valmer aurait vendu ses grues"),
        ("Coastal Times", "Valmer port denies selling its cranes, a rather long headline here"),
    ]:
        article = ArticleFactory(
            title=title, outlet=OutletFactory(name=outlet), url=f"https://{len(title)}.example/a"
        )
        MentionFactory(
            article=article, claim=claim, speaker="Deux cadres de la capitainerie",
            via=["La Gazette de l'Ouest"], review_state=Mention.ReviewState.ACCEPTED,
        )  # fmt: skip
    EvidenceFactory(claim=claim, title="Lease register, summer season", url="https://port.example/")
    return claim


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_claim_page_reads_well_on_phone_and_desktop(new_page, claim, viewport, tmp_path):
    page = new_page(viewport=viewport)
    page.goto(claim.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_have_text(claim.statement)
    expect(page.locator(".verdict-panel")).to_contain_text("Mostly false")
    expect(page.locator(".sourcing-panel")).to_contain_text("Relayed and unverified")
    expect(page.locator(".chain")).to_have_count(2)
    expect(page.locator(".timeline-item")).to_have_count(2)
    expect(page.locator(".timeline-item.is-first")).to_contain_text("First appearance")
    expect(page.get_by_role("link", name="Lease register, summer season")).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()

    markup = page.locator('script[type="application/ld+json"]')
    expect(markup).to_have_count(1)
    review = json.loads(markup.text_content())
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.statement
    assert review["reviewRating"]["alternateName"] == "Mostly false"
    assert len(review["itemReviewed"]["appearance"]) == 2

    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    shot = tmp_path / f"claim-{viewport['width']}x{viewport['height']}.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000


def test_reader_switches_the_interface_to_french_and_searches(new_page, claim):
    page = new_page(viewport=PHONE)
    page.goto("/claims/")
    page.get_by_role("button", name="français").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifications")
    page.get_by_role("searchbox", name="Rechercher").fill("cranes")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name=claim.statement).click()
    expect(page.get_by_role("heading", name="Notre verdict")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
