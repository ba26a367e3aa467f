"""Speaker pages in headless Chromium: the newsroom's source page and the readers' speaker
page at phone and desktop sizes (screenshots, no sideways scroll on the phone), and an
editor merging two sources through the page."""

import pytest
from django.utils import timezone

from claims import services
from claims.models import Mention, Source
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, EvidenceFactory, MentionFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PNG = b"\x89PNG\r\n\x1a\n"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def speaker(publish):
    """A speaker with a published claim and a year of appearances in three outlets."""
    source = services.source_get_or_create(name="Ministre Amélie Fontaine-Lagarde", kind="person")
    claim = publish(
        claimant=source,
        statement="The regional rail budget doubles next year, for every line of the network",
    )
    EvidenceFactory(claim=claim)
    stances = [Mention.Stance.ASSERTS, Mention.Stance.DENIES, Mention.Stance.DECLINES_COMMENT]
    for i in range(12):
        article = ArticleFactory(
            title=f"Rail budget story {i} with a rather long headline about the network",
            outlet=OutletFactory(name=f"The Extraordinarily Long Named Regional Gazette {i % 3}"),
            published_at=timezone.now() - timezone.timedelta(days=31 * i),
        )
        MentionFactory(
            article=article, source=source, claim=claim if i % 3 == 0 else None,
            review_state=Mention.ReviewState.ACCEPTED, stance=stances[i % 3],
            via=["Wire agency"] if i % 2 else [],
        )  # fmt: skip
    return source


def _shoot(page, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes().startswith(PNG)


@pytest.mark.parametrize(("size", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_newsroom_source_page_and_public_speaker_page_fit_the_screen(
    new_page, tmp_path, speaker, journalist, size, viewport
):
    readers = new_page(viewport=viewport)
    readers.goto(speaker.get_absolute_url())
    assert readers.get_by_role("heading", level=1).inner_text() == speaker.name
    chart = readers.locator(".chart-pair-columns")
    assert chart.locator("svg.chart-svg[role=img] g.chart-column rect").count() > 1
    assert readers.get_by_role("img", name="Statements per month").is_visible()
    assert chart.locator("table tbody tr").count() > 1
    assert chart.locator("table").is_visible()  # beside (or under) the chart, not folded
    box = chart.locator("svg.chart-svg").bounding_box()
    assert box["width"] > 300 and box["x"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    _shoot(readers, tmp_path, f"speaker-{size}")
    if viewport is PHONE:
        assert readers.evaluate(NO_SIDEWAYS_SCROLL)
    claim_page = speaker.claims.get().get_absolute_url()
    readers.goto(claim_page)
    readers.locator("a.claimant-link").click()
    readers.wait_for_url(f"**{speaker.get_absolute_url()}")

    newsroom = new_page(viewport=viewport)
    log_in(newsroom, journalist.username)
    newsroom.goto(speaker.get_newsroom_url())
    assert newsroom.locator("ul.profile-counts").inner_text().startswith("12")
    assert newsroom.locator("table.outlets tbody tr").count() == 3
    _shoot(newsroom, tmp_path, f"source-{size}")
    if viewport is PHONE:
        assert newsroom.evaluate(NO_SIDEWAYS_SCROLL)


def test_an_editor_merges_two_sources_through_the_page(new_page, tmp_path, editor):
    journal = services.source_get_or_create(name="Wall Street Journal", kind="publication")
    typo = services.source_get_or_create(name="Wall St. Jrnl", kind="publication")
    MentionFactory(source=typo)
    page = new_page(viewport=PHONE)
    log_in(page, editor.username)
    page.goto(typo.get_newsroom_url())
    form = page.locator("form.merge-form")
    form.get_by_label("Merge into").fill("Wall Street Journal")
    form.get_by_role("button", name="Merge this source into it").click()
    page.wait_for_url(f"**{journal.get_newsroom_url()}")
    assert "Sources merged." in page.locator(".messages").inner_text()
    assert "Wall St. Jrnl" in page.locator("ul.aliases").inner_text()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    _shoot(page, tmp_path, "merged-phone")
    assert not Source.objects.filter(pk=typo.pk).exists()
    assert services.source_get_or_create(name="Wall St. Jrnl", kind="publication") == journal
