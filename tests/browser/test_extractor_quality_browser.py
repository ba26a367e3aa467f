"""/review/quality/ in headless Chromium, on a phone and a desktop: the extractor's figures
from the newsroom's reviews, readable, the page never wider than the screen."""

import pytest

from claims import services
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TEXT = (
    "Mayor Linda Okafor said that the bridge would reopen in March. "
    '"We have the money," she told reporters. Police declined to comment.'
)


@pytest.fixture
def reviewed(editor, journalist):
    article = ArticleFactory(
        text=TEXT, language="en", outlet=OutletFactory(name="Northbridge Herald")
    )
    services.article_extract_claims(article=article)
    bridge, money, police = article.mentions.order_by("start")
    claim = services.claim_create_from_mention(mention=bridge, statement="Bridge", by=journalist)
    services.mention_accept(mention=money, by=journalist, claim=claim)
    services.mention_reject(mention=police, by=journalist, reason="not_checkable")
    return article


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_quality_page_shows_the_figures_on_phone_and_desktop(
    new_page, reviewed, editor, viewport, tmp_path
):
    page = new_page(viewport)
    log_in(page, editor.username)
    page.goto("/review/quality/")
    overall = page.locator("table.quality-overall")
    # 3 proposed, 2 kept and both found: precision 2/3, recall 1.
    assert overall.locator("tr", has_text="Precision").locator("td").first.inner_text() == "0.667"
    assert overall.locator("tr", has_text="Recall").locator("td").first.inner_text() == "1.000"
    assert page.locator("table.quality-by-outlet").get_by_text("Northbridge Herald").is_visible()
    bar = page.locator("table.quality-overall rect.quality-bar-value").first
    assert bar.get_attribute("width") == "67"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot = tmp_path / f"quality-{viewport['width']}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
