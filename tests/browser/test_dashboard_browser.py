"""The editors' dashboard in headless Chromium (issue 14, part 2): on a phone (390x844) and a
desktop (1280x900) its charts are drawn, each with its numbers in a table, nothing scrolls
sideways, and the date filter changes what is shown."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.models import Alert, Claim, Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PNG = b"\x89PNG\r\n\x1a\n"

LAYOUT = """() => {
  const root = document.documentElement;
  const charts = [...document.querySelectorAll("svg.chart-svg")];
  const box = s => s.getBoundingClientRect();
  const tables = "figure.chart ~ .chart-table table, figure.chart details table";
  return {
    sideways: root.scrollWidth > window.innerWidth,
    width: root.scrollWidth,
    charts: charts.length,
    chartsOffScreen: charts.filter(s => box(s).right > window.innerWidth + 1).length,
    chartsDrawn: charts.filter(s => box(s).height > 40).length,
    labelled: charts.filter(s => s.querySelector("title") && s.getAttribute("role") === "img")
      .length,
    tables: document.querySelectorAll(tables).length,
  };
}"""


@pytest.fixture
def news(ratings):
    """Three weeks of news in two outlets (one with a long, awkward name), published claims
    with verdicts, a backlog and an open alert."""
    now = timezone.now()
    outlets = [
        OutletFactory(name="Northbridge Herald"),
        OutletFactory(name="Le Courrier du Littoral & de l'Arrière-Pays <Édition du soir>"),
    ]
    claims = []
    for day in range(0, 21, 2):
        article = ArticleFactory(
            outlet=outlets[(day // 2) % 2], language="fr" if day % 4 else "en",
            published_at=now - dt.timedelta(days=day),
        )  # fmt: skip
        claim = ClaimFactory(language=article.language)
        MentionFactory(article=article, claim=claim, review_state="accepted")
        MentionFactory(article=article, stance="denies", review_state="unreviewed")
        claims.append(claim)
    for i, claim in enumerate(claims[2:8]):
        Claim.objects.filter(pk=claim.pk).update(
            status="published", verdict=ratings["false" if i % 2 else "true"],
            published_at=now - dt.timedelta(days=i % 3),
        )  # fmt: skip
    Mention.objects.filter(review_state="unreviewed").update(created_at=now - dt.timedelta(days=5))
    Alert.objects.create(claim=claims[0], kind="hedge_dropped", detail="A hedge went.")
    return claims


def test_dashboard_on_a_phone_and_a_desktop(new_page, editor, news, tmp_path):
    for name, viewport in [("phone", PHONE), ("desktop", DESKTOP)]:
        page = new_page(viewport=viewport)
        log_in(page, editor.username)
        page.goto("/review/dashboard/")
        assert page.get_by_role("heading", name="Dashboard", exact=True).is_visible()
        layout = page.evaluate(LAYOUT)
        assert not layout["sideways"], f"{name}: the page is {layout['width']} px wide"
        assert layout["charts"] == 9  # 5 weekly, verdicts, time to verdict, backlog, alerts
        assert layout["chartsOffScreen"] == 0 and layout["chartsDrawn"] == 9
        assert layout["labelled"] == 9
        assert layout["tables"] == 9  # every chart has its numbers beside it
        # The weekly numbers are in a <details> the reader can open.
        page.get_by_text("The numbers: Mentions per week, by outlet").click()
        table = page.locator("#mentions-by-outlet table")
        assert table.is_visible()
        assert "Northbridge Herald" in table.inner_text()
        assert not page.evaluate(LAYOUT)["sideways"], f"{name}: the open table widens the page"
        # A long outlet name is text (escaped), shortened in the drawing only.
        legend = page.locator("#mentions-by-outlet .chart-legend").inner_text()
        assert "<Édition du soir>" in legend
        # New claims by the outlet of their first appearance: 11, each first in one outlet.
        page.get_by_text("The numbers: New claims per week, by outlet of first appearance").click()
        claims_table = page.locator("#claims-by-outlet table")
        assert claims_table.is_visible()
        assert claims_table.locator("tfoot td").last.text_content() == "11"
        assert not page.evaluate(LAYOUT)["sideways"], f"{name}: the open table widens the page"
        path = tmp_path / f"dashboard-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.read_bytes().startswith(PNG)
        assert path.stat().st_size > 10_000


def test_the_date_filter_narrows_the_charts(new_page, editor, news):
    page = new_page(viewport=PHONE)
    log_in(page, editor.username)
    page.goto("/review/dashboard/")
    before = page.locator("#mentions-by-outlet tfoot td").last.text_content()
    today = timezone.localdate()
    since = today - dt.timedelta(days=today.weekday())  # this week only
    page.locator("#id_since").fill(since.isoformat())
    page.locator("#id_until").fill(today.isoformat())
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"**since={since.isoformat()}**")
    assert "(1 week)." in page.locator(".lead").inner_text()
    after = page.locator("#mentions-by-outlet tfoot td").last.text_content()
    assert int(after) < int(before)
    assert page.locator("#mentions-by-outlet .chart-column").count() == 1
    assert not page.evaluate(LAYOUT)["sideways"]


def test_a_bad_date_is_explained_on_the_page(new_page, editor, news):
    page = new_page(viewport=PHONE)
    log_in(page, editor.username)
    page.goto("/review/dashboard/?since=31/12/2026")
    alert = page.get_by_role("alert")
    assert "“31/12/2026” is not a date the dashboard can read" in alert.inner_text()
    assert page.locator("svg.chart-svg").count() == 9  # the last 12 weeks, still shown
