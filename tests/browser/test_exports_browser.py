"""The newsroom's Exports page in headless Chromium, on a phone and a desktop: it fits the
screen, the dates go into the links, and a link downloads the streamed file."""

import csv
import io

import pytest

from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_journalist_picks_dates_and_downloads_the_mentions(
    new_page, journalist, viewport, tmp_path
):
    MentionFactory(
        article=ArticleFactory(title="Harbour story"), speaker="=The harbour master",
        review_state=Mention.ReviewState.UNREVIEWED,
    )  # fmt: skip
    page = new_page(viewport)
    log_in(page, journalist.username)
    page.goto("/review/exports/")
    assert page.get_by_role("heading", name="Exports", exact=True).is_visible()
    page.get_by_label("From").fill("2020-01-01")
    page.get_by_role("button", name="Apply to the links").click()
    page.wait_for_url("**/review/exports/?since=2020-01-01&until=")
    link = page.locator('a[href="/review/exports/mentions.csv?since=2020-01-01"]')
    assert link.is_visible()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= page.evaluate("window.innerWidth"), "the page scrolls sideways"
    shot = tmp_path / f"exports-{viewport['width']}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("claimtrack-mentions-")
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [row["speaker"] for row in rows] == ["'=The harbour master"]
    assert rows[0]["article_title"] == "Harbour story"
