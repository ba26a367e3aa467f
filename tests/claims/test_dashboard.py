"""The editors' dashboard (issue 14, part 2): the numbers on the page are the data's, the
date filter and bad dates, who may see it, a bounded number of queries, and the charts'
geometry and escaping (claims.charts)."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from lxml import html

from articles.models import Article
from claims import charts, dashboard
from claims.models import Alert, Claim, ClaimFirstOutlet, Mention
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

URL = reverse("review:dashboard")
# Two weeks of March 2026: Monday 2 and Monday 9.
PERIOD = "?since=2026-03-02&until=2026-03-15"


def at(day: int, hour: int = 12, month: int = 3) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, month, day, hour))


def table(page: str, caption: str) -> list[list[str]]:
    """The rows (header cell first) of the table captioned `caption`, as text."""
    tree = html.fromstring(page)
    found = [t for t in tree.iter("table") if t.findtext("caption") == caption]
    assert found, f"no table captioned {caption!r}"
    return [
        [cell.text_content().strip() for cell in row.iter("th", "td")]
        for row in found[0].iter("tr")
    ]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def news(ratings):
    """Mentions in two outlets over two weeks of March 2026, claims with verdicts, a
    backlog and alerts."""
    herald = OutletFactory(name="Herald")
    gazette = OutletFactory(name="<b>Gazette & Co</b>")  # outlet names are user data
    week1 = ArticleFactory(outlet=herald, language="en", published_at=at(3), title="Bridge")
    week1b = ArticleFactory(outlet=gazette, language="fr", published_at=at(5))
    week2 = ArticleFactory(outlet=gazette, language="fr", published_at=at(10))
    april = ArticleFactory(outlet=herald, language="en", published_at=at(6, month=4))
    stances = [
        (week1, "asserts", "accepted"),
        (week1, "asserts", "unreviewed"),
        (week1, "denies", "accepted"),
        (week1, "asserts", "rejected"),  # rejected: not counted
        (week1b, "asserts", "accepted"),
        (week2, "declines_comment", "unreviewed"),
        (week2, "asserts", "accepted"),
        (april, "asserts", "accepted"),  # after the period
    ]
    mentions = [
        MentionFactory(article=article, stance=stance, review_state=state)
        for article, stance, state in stances
    ]
    # Claims started on 4 March (en) and 11 March (fr, twice); verdicts false, false, none.
    false = ratings["false"]
    first = ClaimFactory(language="en", verdict=false)
    second = ClaimFactory(language="fr", verdict=false)
    third = ClaimFactory(language="fr")
    Claim.objects.filter(pk=first.pk).update(created_at=at(4))
    Claim.objects.filter(pk__in=[second.pk, third.pk]).update(created_at=at(11))
    # First appearances: the first claim on 3 March (and 10 March), published 7 March noon:
    # 4 days; the second on 5 March, published 8 March noon: 3 days exactly.
    for mention, claim in [(mentions[0], first), (mentions[6], first), (mentions[4], second)]:
        Mention.objects.filter(pk=mention.pk).update(claim=claim)
    Claim.objects.filter(pk=first.pk).update(status="published", published_at=at(7))
    Claim.objects.filter(pk=second.pk).update(status="published", published_at=at(8))
    Alert.objects.create(claim=first, kind="hedge_dropped", detail="A hedge went.")
    Alert.objects.create(claim=first, kind="hedge_dropped", detail="Another hedge went.")
    Alert.objects.create(claim=second, kind="denial_dropped", detail="The denial went.")
    Alert.objects.create(
        claim=second, kind="source_dropped", detail="Old.", state="dismissed", dismiss_reason="ok"
    )
    return {"mentions": mentions, "claims": [first, second, third], "herald": herald}


# --- Who may see it --------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_journalists_are_refused_with_a_reason(journalist_client):
    response = journalist_client.get(URL)
    assert response.status_code == 403
    assert "The dashboard is for editors." in response.content.decode()


def test_the_menu_links_the_dashboard_for_editors_only(editor_client, journalist, client):
    assert f'href="{URL}"' in editor_client.get(reverse("review:queue")).content.decode()
    client.force_login(journalist)
    assert f'href="{URL}"' not in client.get(reverse("review:queue")).content.decode()


# --- The numbers -----------------------------------------------------------------------------


def test_mentions_per_week_by_outlet_language_and_stance(editor_client, news):
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, "Mentions per week, by outlet") == [  # a tie: by name
        ["Week of", "<b>Gazette & Co</b>", "Herald", "Total"],
        ["2 Mar", "1", "3", "4"],
        ["9 Mar", "2", "0", "2"],
        ["Total", "3", "3", "6"],
    ]
    assert table(page, "Mentions per week, by language") == [
        ["Week of", "French", "English", "Total"],
        ["2 Mar", "1", "3", "4"],
        ["9 Mar", "2", "0", "2"],
        ["Total", "3", "3", "6"],
    ]
    assert table(page, "Mentions per week, by stance") == [
        ["Week of", "Asserts", "Denies", "Declines to comment", "Total"],
        ["2 Mar", "3", "1", "0", "4"],
        ["9 Mar", "1", "0", "1", "2"],
        ["Total", "4", "1", "1", "6"],
    ]


def test_new_claims_per_week_by_language(editor_client, news):
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, "New claims per week, by language") == [
        ["Week of", "French", "English", "Total"],
        ["2 Mar", "0", "1", "1"],
        ["9 Mar", "2", "0", "2"],
        ["Total", "2", "1", "3"],
    ]


CLAIMS_BY_OUTLET = "New claims per week, by outlet of first appearance"


def test_new_claims_per_week_by_outlet_of_first_appearance(editor_client, news):
    page = editor_client.get(URL + PERIOD).content.decode()
    # The first claim appeared in the Herald (3 March) before the Gazette (10 March); the
    # second in the Gazette; the third has no mention at all.
    assert table(page, CLAIMS_BY_OUTLET) == [
        ["Week of", "<b>Gazette & Co</b>", "Herald", "No appearance yet", "Total"],
        ["2 Mar", "0", "1", "0", "1"],
        ["9 Mar", "1", "0", "1", "2"],
        ["Total", "1", "1", "1", "3"],
    ]


@pytest.fixture
def first_reports(db):
    """Claims started on 4 March 2026: one reported by A, then B; one with a rejected
    mention only; one with a mention nobody has reviewed yet."""
    a, b, c = (OutletFactory(name=name) for name in ("Outlet A", "Outlet B", "Outlet C"))
    # A's article has no date of its own: it counts from when it was stored (2 March),
    # before B's (published 5 March, though stored first, on 1 March).
    in_a = ArticleFactory(outlet=a, published_at=None)
    in_b = ArticleFactory(outlet=b, published_at=at(5))
    Article.objects.filter(pk=in_a.pk).update(created_at=at(2))
    Article.objects.filter(pk=in_b.pk).update(created_at=at(1))
    in_c = ArticleFactory(outlet=c, published_at=at(1))
    spread, rejected, waiting = ClaimFactory(), ClaimFactory(), ClaimFactory()
    Claim.objects.update(created_at=at(4))
    MentionFactory(article=in_b, claim=spread, review_state="accepted")  # found first
    MentionFactory(article=in_a, claim=spread, review_state="accepted")
    MentionFactory(article=in_c, claim=rejected, review_state="rejected")
    MentionFactory(article=in_c, claim=waiting, review_state="unreviewed")
    return {"a": a, "b": b, "c": c, "claims": [spread, rejected, waiting]}


EXPECTED_FIRST_REPORTS = [
    ["Week of", "Outlet A", "No appearance yet", "Total"],
    ["2 Mar", "1", "2", "3"],
    ["9 Mar", "0", "0", "0"],
    ["Total", "1", "2", "3"],
]


def test_a_claim_counts_for_the_outlet_that_reported_it_first(editor_client, first_reports):
    page = editor_client.get(URL + PERIOD).content.decode()  # counted on the first view
    assert ClaimFirstOutlet.objects.count() == 3
    assert table(page, CLAIMS_BY_OUTLET) == EXPECTED_FIRST_REPORTS


def test_claims_started_since_the_count_are_looked_up_live(editor_client, first_reports):
    editor_client.get(URL + PERIOD)  # counted
    ClaimFirstOutlet.objects.all().delete()  # as if all three were started since
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, CLAIMS_BY_OUTLET) == EXPECTED_FIRST_REPORTS
    # A mention accepted since the count shows at the next count (in ten minutes at most).
    late = ClaimFactory()
    Claim.objects.filter(pk=late.pk).update(created_at=at(10))
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, CLAIMS_BY_OUTLET)[2] == ["9 Mar", "0", "1", "1"]  # live: none yet
    MentionFactory(
        article=ArticleFactory(outlet=first_reports["b"], published_at=at(11)),
        claim=late,
        review_state="accepted",
    )
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, CLAIMS_BY_OUTLET)[2] == ["9 Mar", "0", "1", "0", "1"]  # live again
    dashboard.dashboard_recount()
    page = editor_client.get(URL + PERIOD).content.decode()
    assert table(page, CLAIMS_BY_OUTLET)[2] == ["9 Mar", "0", "1", "0", "1"]  # counted


def test_the_recount_keeps_each_claims_first_appearance(first_reports):
    dashboard.dashboard_recount()
    dashboard.dashboard_recount()  # twice: the rows replace each other
    spread, rejected, waiting = first_reports["claims"]
    rows = {row.claim_id: row.outlet_id for row in ClaimFirstOutlet.objects.all()}
    assert rows == {spread.pk: first_reports["a"].pk, rejected.pk: None, waiting.pk: None}
    assert ClaimFirstOutlet.objects.get(claim=rejected).article_id is None


def test_new_claims_beyond_the_top_five_outlets_are_drawn_together(editor_client, ratings):
    articles = [
        ArticleFactory(outlet=OutletFactory(name=f"Outlet {i}"), published_at=at(3))
        for i in range(7)
    ]
    for i, article in enumerate(articles):
        for _ in range(7 - i):
            MentionFactory(article=article, claim=ClaimFactory(), review_state="accepted")
    without_outlet = ArticleFactory(outlet=None, published_at=at(3))
    MentionFactory(article=without_outlet, claim=ClaimFactory(), review_state="accepted")
    Claim.objects.update(created_at=at(4))
    page = editor_client.get(URL + PERIOD).content.decode()
    rows = table(page, CLAIMS_BY_OUTLET)
    assert rows[0] == [
        "Week of", "Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4", "Other outlets",
        "Total",
    ]  # fmt: skip
    assert rows[1] == ["2 Mar", "7", "6", "5", "4", "3", "4", "29"]  # 2 + 1 + 1 without outlet


def test_outlets_beyond_the_top_five_are_drawn_together(editor_client, ratings):
    for i in range(7):
        article = ArticleFactory(outlet=OutletFactory(name=f"Outlet {i}"), published_at=at(3))
        for _ in range(7 - i):
            MentionFactory(article=article)
    MentionFactory(article=ArticleFactory(outlet=None, published_at=at(3)))
    page = editor_client.get(URL + PERIOD).content.decode()
    rows = table(page, "Mentions per week, by outlet")
    assert rows[0] == [
        "Week of", "Outlet 0", "Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4", "Other outlets",
        "Total",
    ]  # fmt: skip
    assert rows[1] == ["2 Mar", "7", "6", "5", "4", "3", "4", "29"]  # 2 + 1 + 1 without outlet


def test_verdict_distribution_follows_the_rating_scale(editor_client, news, ratings):
    page = editor_client.get(URL + PERIOD).content.decode()
    rows = table(page, "Claims by verdict")
    scale = [r.display_label for r in ratings.values()]
    assert [row[0] for row in rows[1:]] == [*scale, "No verdict yet"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label[ratings["false"].display_label] == ["2", "2"]  # claims, of which published
    assert by_label["No verdict yet"] == ["1", "0"]
    assert sum(int(row[1]) for row in rows[1:]) == 3


def test_time_to_verdict_median_and_buckets(editor_client, news):
    page = editor_client.get(URL + PERIOD).content.decode()
    # 4 days and 3 days: median 3.5.
    assert "Median: <strong>3.5 days</strong>, over 2 published claims." in page
    rows = dict((row[0], row[1]) for row in table(page, "Time from first appearance to verdict"))
    assert rows["3 to 7 days"] == "2"
    assert rows["1 to 3 days"] == "0"


def test_time_to_verdict_counts_from_the_earliest_accepted_appearance(news):
    first = news["claims"][0]
    # An unreviewed mention of an earlier article does not make it appear earlier.
    early = MentionFactory(article=ArticleFactory(published_at=at(1)), review_state="unreviewed")
    Mention.objects.filter(pk=early.pk).update(claim=first)
    dashboard.dashboard_recount()
    period = dashboard.Period(dt.date(2026, 3, 2), dt.date(2026, 3, 15))
    waits = dashboard.time_to_verdict(period)
    assert waits.claims == 2
    assert waits.median_days == pytest.approx(3.5)
    assert dict(waits.buckets)["week"] == 2  # 3 and 4 days: "3 to 7 days"
    # Filtered by an outlet, the same numbers come from the claims themselves.
    gazette = news["mentions"][4].article.outlet_id
    only = dashboard.time_to_verdict(
        dashboard.Period(period.since, period.until, outlet_id=gazette)
    )
    assert (only.claims, only.median_days) == (2, pytest.approx(3.5))  # both appear in it
    assert only.buckets == waits.buckets


def test_time_to_verdict_counts_claims_published_without_an_appearance(news, ratings):
    claim = ClaimFactory(language="en", verdict=ratings["true"])
    Claim.objects.filter(pk=claim.pk).update(status="published", published_at=at(9))
    dashboard.dashboard_recount()
    waits = dashboard.time_to_verdict(dashboard.Period(dt.date(2026, 3, 2), dt.date(2026, 3, 15)))
    assert (waits.claims, waits.without_appearance) == (2, 1)
    english = dashboard.Period(dt.date(2026, 3, 2), dt.date(2026, 3, 15), language="en")
    assert dashboard.time_to_verdict(english).claims == 1  # the first claim only


def test_backlog_by_age_and_by_article(editor_client, news):
    now = timezone.now()
    pending = [m for m in news["mentions"] if m.review_state == "unreviewed"]
    ages = [dt.timedelta(hours=2), dt.timedelta(days=10)]
    for mention, age in zip(pending, ages, strict=True):
        Mention.objects.filter(pk=mention.pk).update(created_at=now - age)
    corrected = MentionFactory(review_state="corrected")
    Mention.objects.filter(pk=corrected.pk).update(created_at=now - dt.timedelta(days=40))
    page = editor_client.get(URL + PERIOD).content.decode()
    rows = dict((row[0], row[1]) for row in table(page, "Review backlog by age"))
    assert rows == {
        "Waiting for": "Mentions",
        "Less than a day": "1",
        "1 to 3 days": "0",
        "3 to 7 days": "0",
        "1 to 2 weeks": "1",
        "2 to 4 weeks": "0",
        "More than 4 weeks": "1",
    }
    assert "<strong>3</strong> mentions waiting, in 3 articles." in page
    links = html.fromstring(page).xpath('//table[@class="backlog-articles"]/tbody/tr//a/@href')
    # Waiting longest first: the corrected mention's article, then the 10-day-old one.
    assert links == [
        reverse("review:article", args=[corrected.article_id]),
        reverse("review:article", args=[pending[1].article_id]),
        reverse("review:article", args=[pending[0].article_id]),
    ]


def test_open_alerts_by_kind_link_to_the_alerts(editor_client, news):
    page = editor_client.get(URL + PERIOD).content.decode()
    rows = dict((row[0], row[1]) for row in table(page, "Open alerts by kind"))
    assert rows["Hedge dropped"] == "2"
    assert rows["Denial dropped"] == "1"
    assert rows["Source dropped"] == "0"  # the dismissed one is not open
    assert "<strong>3</strong> open alerts." in page
    assert f'href="{reverse("review:alerts")}"' in page


def test_filter_by_language_and_outlet(editor_client, news):
    page = editor_client.get(URL + PERIOD + "&language=fr").content.decode()
    assert table(page, "Mentions per week, by outlet")[-1] == ["Total", "3", "3"]
    assert table(page, "New claims per week, by language")[-1] == ["Total", "2", "2"]
    herald = news["herald"].pk
    page = editor_client.get(URL + PERIOD + f"&outlet={herald}").content.decode()
    assert table(page, "Mentions per week, by outlet") == [
        ["Week of", "Herald", "Total"],
        ["2 Mar", "3", "3"],
        ["9 Mar", "0", "0"],
        ["Total", "3", "3"],
    ]
    assert "Only: Herald." in page
    # Claims that appeared in the Herald, by where they appeared first: the Herald.
    assert table(page, CLAIMS_BY_OUTLET)[0] == ["Week of", "Herald", "Total"]
    assert table(page, CLAIMS_BY_OUTLET)[-1] == ["Total", "1", "1"]


def test_new_claims_by_outlet_filtered_by_language_and_outlet(editor_client, news):
    page = editor_client.get(URL + PERIOD + "&language=fr").content.decode()
    assert table(page, CLAIMS_BY_OUTLET) == [
        ["Week of", "<b>Gazette & Co</b>", "No appearance yet", "Total"],
        ["2 Mar", "0", "0", "0"],
        ["9 Mar", "1", "1", "2"],
        ["Total", "1", "1", "2"],
    ]
    # Claims that appeared in the Gazette: the first one appeared in the Herald before.
    gazette = news["mentions"][4].article.outlet_id
    page = editor_client.get(URL + PERIOD + f"&outlet={gazette}").content.decode()
    assert table(page, CLAIMS_BY_OUTLET) == [
        ["Week of", "<b>Gazette & Co</b>", "Herald", "Total"],
        ["2 Mar", "0", "1", "1"],
        ["9 Mar", "1", "0", "1"],
        ["Total", "1", "1", "2"],
    ]


# --- Dates -----------------------------------------------------------------------------------


def test_the_default_period_is_the_last_twelve_weeks(editor_client, ratings):
    today = timezone.localdate()
    recent = ArticleFactory(published_at=timezone.now() - dt.timedelta(days=3))
    old = ArticleFactory(published_at=timezone.now() - dt.timedelta(weeks=13))
    MentionFactory(article=recent)
    MentionFactory(article=old)
    response = editor_client.get(URL)
    period = response.context["period"]
    assert period.until == today
    assert len(period.weeks) == 12 and period.since.weekday() == 0
    assert response.context["weekly_charts"][0].total == 1


def test_a_two_year_period_is_drawn_by_month(editor_client, ratings):
    MentionFactory(article=ArticleFactory(published_at=at(3, month=3) - dt.timedelta(days=700)))
    MentionFactory(article=ArticleFactory(published_at=at(3, month=3)))
    claim = ClaimFactory(language="fr")
    Claim.objects.filter(pk=claim.pk).update(created_at=at(10))
    response = editor_client.get(URL + "?since=2024-03-18&until=2026-03-15")
    chart = response.context["weekly_charts"][0]
    assert len(chart.columns) == 25  # March 2024 to March 2026
    assert chart.title == "Mentions per month, by outlet"
    assert [c.total for c in chart.columns if c.total] == [1, 1]
    assert chart.columns[0].label == "Mar 2024" and chart.columns[-1].total == 1
    page = response.content.decode()
    rows = table(page, "New claims per month, by language")
    assert rows[0][0] == "Month" and rows[-2] == ["Mar 2026", "1", "1"]
    assert sum(column.show_label for column in chart.columns) <= 6


def test_periods_of_up_to_26_weeks_are_drawn_by_week():
    period = dashboard.Period(dt.date(2026, 1, 5), dt.date(2026, 7, 5))
    assert len(period.weeks) == 26 and period.buckets == period.weeks
    longer = dashboard.Period(dt.date(2025, 11, 20), dt.date(2026, 7, 5))
    assert longer.by_month and longer.buckets[0] == dt.date(2025, 11, 1)
    assert longer.buckets[-1] == dt.date(2026, 7, 1) and len(longer.buckets) == 9
    assert longer.bucket(dt.date(2025, 12, 29)) == dt.date(2025, 12, 1)  # by its Monday


@pytest.mark.parametrize(
    "query, message",
    [
        ("?since=2026-13-01", "“2026-13-01” is not a date the dashboard can read"),
        ("?until=yesterday", "“yesterday” is not a date the dashboard can read"),
        ("?since=2026-03-15&until=2026-03-01", "The start date (2026-03-15) is after the end date"),
        ("?since=2010-01-01&until=2026-01-01", "Choose a period of at most five years."),
        ("?since=%3Cscript%3E", "“&lt;script&gt;” is not a date"),
    ],
)
def test_bad_dates_are_explained_and_the_default_period_shown(editor_client, query, message):
    response = editor_client.get(URL + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "so it shows the last 12 weeks" in page
    assert "<script>" not in page.split("<main", 1)[1]
    assert response.context["period"] == dashboard.Period.default(timezone.localdate())


def test_an_unknown_outlet_is_explained(editor_client):
    response = editor_client.get(URL + "?outlet=999999")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_only_a_start_date_runs_to_today(editor_client):
    response = editor_client.get(URL + "?since=2026-01-05")
    assert response.context["period"].since == dt.date(2026, 1, 5)
    assert response.context["period"].until == max(timezone.localdate(), dt.date(2026, 1, 5))


# --- Queries ---------------------------------------------------------------------------------

# session, user, 2 x permissions, outlets, 13 of the dashboard (the 13th: new claims by outlet
# of first appearance), extractor quality, badge
MAX_QUERIES = 20


def test_the_dashboard_makes_a_bounded_number_of_queries(
    editor_client, news, django_assert_max_num_queries
):
    editor_client.get(URL + PERIOD)  # the weekly counts are counted the first time
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        editor_client.get(URL + PERIOD)
    for i in range(20):  # more outlets, articles, claims and alerts: no more queries
        article = ArticleFactory(outlet=OutletFactory(name=f"More {i}"), published_at=at(4))
        claim = ClaimFactory()
        MentionFactory(article=article, claim=claim, review_state="accepted")
        MentionFactory(review_state="unreviewed")
        Claim.objects.filter(pk=claim.pk).update(
            created_at=at(5), status="published", published_at=at(9),
            verdict=news["claims"][0].verdict,
        )  # fmt: skip
        Alert.objects.create(claim=claim, kind="quote_changed", detail="Changed.")
    dashboard.dashboard_recount()  # as the Celery task does
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(URL + PERIOD)
    page = response.content.decode()
    assert "over 22 published claims" in page
    assert table(page, "Mentions per week, by outlet")[-1][-1] == "26"
    assert table(page, CLAIMS_BY_OUTLET)[-1][-1] == "23"


def test_weekly_counts_are_counted_again_when_older_than_ten_minutes(
    editor_client, news, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from claims.models import MentionWeek

    def total() -> str:
        page = editor_client.get(URL + PERIOD).content.decode()
        return table(page, "Mentions per week, by outlet")[-1][-1]

    assert total() == "6"  # counted on the first view
    MentionFactory(article=news["mentions"][0].article)
    assert total() == "6"  # counted less than ten minutes ago: as counted
    MentionWeek.objects.update(counted_at=timezone.now() - dt.timedelta(minutes=11))
    cache.delete("dashboard:recount")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        total()
    assert len(callbacks) == 1  # the recount, sent to Celery (run in-process here)
    assert total() == "7"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        total()
    assert callbacks == []  # fresh again


def test_celery_beat_recounts_the_rollups(news, settings):
    from claims.models import MentionWeek, VerdictWait
    from claims.tasks import dashboard_recount
    from claimtrack.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["dashboard-recount"]
    assert entry["task"] in app.tasks and entry["schedule"] <= 600
    dashboard_recount.delay()  # in-process in the tests
    assert MentionWeek.objects.count() == 6 and VerdictWait.objects.count() == 2


def test_the_recount_matches_the_mentions(news):
    from claims.models import MentionWeek

    dashboard.dashboard_recount()
    dashboard.dashboard_recount()  # twice: the counts replace each other
    rows = {
        (w.week, w.outlet.name, w.language, w.stance): w.mentions
        for w in MentionWeek.objects.select_related("outlet")
    }
    assert rows == {
        (dt.date(2026, 3, 2), "Herald", "en", "asserts"): 2,
        (dt.date(2026, 3, 2), "Herald", "en", "denies"): 1,
        (dt.date(2026, 3, 2), "<b>Gazette & Co</b>", "fr", "asserts"): 1,
        (dt.date(2026, 3, 9), "<b>Gazette & Co</b>", "fr", "declines_comment"): 1,
        (dt.date(2026, 3, 9), "<b>Gazette & Co</b>", "fr", "asserts"): 1,
        (dt.date(2026, 4, 6), "Herald", "en", "asserts"): 1,
    }


# --- claims.charts ---------------------------------------------------------------------------


def test_stacked_columns_stack_each_week_bottom_up():
    chart = charts.stacked_columns(
        ["w1", "w2", "w3"], [("A", [1, 0, 4]), ("B", [2, 3, 1])], title="Per week", height=220
    )
    assert chart.y_ticks[-1].value >= 5 and chart.y_ticks[0].value == 0
    scale = (chart.plot_bottom - chart.plot_top) / chart.y_ticks[-1].value
    first = chart.columns[0]
    a, b = first.segments
    assert a.y + a.height == pytest.approx(chart.plot_bottom)  # A at the bottom
    assert b.y + b.height == pytest.approx(a.y)  # B on top of A
    assert a.height == pytest.approx(1 * scale) and b.height == pytest.approx(2 * scale)
    assert len(chart.columns[1].segments) == 1  # no empty segment for A's zero
    assert [c.total for c in chart.columns] == [3, 3, 5]
    lefts = [c.x for c in chart.columns]
    assert lefts == sorted(lefts) and all(
        c.x >= chart.plot_left and c.x + c.width <= chart.plot_right for c in chart.columns
    )
    assert [s.total for s in chart.series] == [5, 6]
    assert chart.series[0].pattern != chart.series[1].pattern  # not told apart by colour only


def test_stacked_columns_label_some_weeks_counting_from_the_last():
    chart = charts.stacked_columns(
        [f"w{i}" for i in range(104)], [("A", [1] * 104)], title="Two years", max_labels=6
    )
    shown = [c.label for c in chart.columns if c.show_label]
    assert len(shown) <= 6 and shown[-1] == "w103"


def test_stacked_columns_refuse_a_series_of_the_wrong_length():
    with pytest.raises(ValueError):
        charts.stacked_columns(["w1", "w2"], [("A", [1])], title="Broken")


def test_the_other_series_is_grey_with_its_own_pattern():
    chart = charts.stacked_columns(["w"], [("A", [1]), ("Rest", [2])], title="t", other="Rest")
    assert chart.series[1].colour == charts.OTHER_COLOUR
    assert chart.series[1].pattern == charts.OTHER_PATTERN


def test_column_chart_draws_one_series_without_legend_and_its_table_beside():
    chart = charts.column_chart(
        [("Jan 2026", 4), ("Feb 2026", 0), ("Mar 2026", 2)],
        title="Statements per month",
        series="Statements",
        category_keys=["2026-01", "2026-02", "2026-03"],
        description="Six in all.",
    )
    assert not chart.stacked and [s.label for s in chart.series] == ["Statements"]
    january, february, march = chart.columns
    assert january.segments[0].height == pytest.approx(2 * march.segments[0].height)
    assert february.segments == [] and chart.total == 6
    assert [c.key for c in chart.columns] == ["2026-01", "2026-02", "2026-03"]
    page = html.fromstring(
        render_to_string(
            "claims/charts/_columns.html", {"chart": chart, "category_heading": "Month"}
        )
    )
    svg = page.xpath("//svg")[0]
    assert svg.get("role") == "img" and svg.xpath("./title")[0].text == "Statements per month"
    assert svg.xpath("./desc")[0].text == "Six in all."
    assert svg.xpath(".//rect[@x]/title")[0].text == "Jan 2026: 4"
    assert not page.xpath("//ul[@class='chart-legend']") and not page.xpath("//details")
    table = page.xpath("//div[contains(@class, 'chart-table')]/table")[0]
    assert [th.text_content() for th in table.xpath(".//thead//th")] == ["Month", "Statements"]
    rows = [[cell.text_content() for cell in tr] for tr in table.xpath(".//tbody/tr")]
    assert rows == [["Jan 2026", "4"], ["Feb 2026", "0"], ["Mar 2026", "2"]]
    assert table.xpath(".//tbody//time")[0].get("datetime") == "2026-01"
    assert [c.text_content() for c in table.xpath(".//tfoot//th|.//tfoot//td")] == ["Total", "6"]


def test_column_chart_labels_are_escaped_and_an_empty_one_says_so():
    name = '<script>alert("x")</script> & Co'
    chart = charts.column_chart([(name, 2)], title=name, series=name)
    out = render_to_string("claims/charts/_columns.html", {"chart": chart})
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in out
    empty = charts.column_chart([], title="Nothing", series="Statements")
    assert empty.is_empty and empty.columns == []
    assert "Nothing in this period" in render_to_string(
        "claims/charts/_columns.html", {"chart": empty}
    )


def test_axis_labels_stay_inside_the_drawing():
    months = [f"Month {i:02}" for i in range(24)]
    chart = charts.column_chart([(m, 1) for m in months], title="t", series="s")
    last = chart.columns[-1]
    assert last.show_label and last.label_anchor == "end" and last.label_x <= chart.width
    assert last.centre + len(last.label) * charts.AXIS_CHAR_WIDTH / 2 > chart.width  # moved
    shown = [c for c in chart.columns if c.show_label][:-1]
    assert all(c.label_anchor == "middle" and c.label_x == c.centre for c in shown)


def test_stacked_columns_refuse_keys_of_the_wrong_length():
    with pytest.raises(ValueError):
        charts.stacked_columns(["w1", "w2"], [("A", [1, 2])], title="t", category_keys=["k"])


def test_stacked_charts_keep_their_legend_and_total_column():
    chart = charts.stacked_columns(["w1"], [("A", [1]), ("B", [2])], title="t")
    page = html.fromstring(render_to_string("claims/charts/_stacked.html", {"chart": chart}))
    assert chart.stacked and len(page.xpath("//ul[@class='chart-legend']/li")) == 2
    headings = [th.text_content() for th in page.xpath("//details//thead//th")]
    assert headings == ["Week of", "A", "B", "Total"]
    assert page.xpath("//rect[@x]/title")[0].text == "A, w1: 1"


def test_hbar_chart_bars_are_proportional_and_labelled():
    chart = charts.hbar_chart([("False", 10), ("True", 5), ("None yet", 0)], title="Verdicts")
    false, true, none = chart.bars
    assert false.bar_width == pytest.approx(2 * true.bar_width)
    assert none.bar_width == 0
    assert chart.plot_left + false.bar_width <= chart.plot_right
    assert false.value_label == "10" and false.value_x > chart.plot_left + false.bar_width
    assert false.bar_y < true.bar_y < none.bar_y
    assert chart.height >= none.bar_y + chart.bar_height


def test_long_labels_are_shortened_in_the_drawing_only():
    label = "A very long outlet name " * 5
    bar = charts.hbar_chart([(label, 1)], title="t").bars[0]
    assert len(bar.short_label) <= charts.LABEL_CHARS and bar.short_label.endswith("…")
    assert bar.label == label


def test_empty_charts_say_so():
    chart = charts.stacked_columns(["w1"], [], title="Nothing")
    assert chart.is_empty
    svg = render_to_string("claims/charts/_stacked.html", {"chart": chart})
    assert "Nothing in this period" in svg


@pytest.mark.parametrize(
    "maximum, top", [(0, 1), (3, 3), (7, 8), (45, 60), (90, 100), (1234, 1500)]
)
def test_nice_ticks_reach_a_round_top(maximum, top):
    ticks = charts.nice_ticks(maximum)
    assert ticks[0] == 0 and ticks[-1] == top


def test_chart_labels_are_escaped_in_the_svg_and_the_table():
    name = '<script>alert("x")</script> & Co'
    stacked = charts.stacked_columns(["3 Mar"], [(name, [2])], title="Per outlet")
    bars = charts.hbar_chart([(name, 2)], title="Bars")
    svg = render_to_string("claims/charts/_stacked.html", {"chart": stacked})
    svg += render_to_string(
        "claims/charts/_hbars.html",
        {"chart": bars, "headings": ["Outlet", "Mentions"], "rows": [[name, "2"]]},
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in svg


def test_chart_ids_are_safe_in_svg_references():
    assert charts.chart_slug('Mentions "per" week <by> outlet') == "mentions-per-week-by-outlet"
    chart = charts.stacked_columns(["w"], [("A", [1])], title="t", chart_id="a b")
    svg = render_to_string("claims/charts/_stacked.html", {"chart": chart})
    assert 'fill="url(#a-b-p0)"' in svg and 'id="a-b-p0"' in svg


def test_coordinates_stay_numbers_in_french(settings):
    from django.utils import translation

    chart = charts.stacked_columns(["w1", "w2", "w3"], [("A", [1, 2, 3])], title="t")
    with translation.override("fr"):
        svg = render_to_string("claims/charts/_stacked.html", {"chart": chart})
    viewbox = html.fromstring(svg).xpath("//svg")[0].get("viewbox")
    assert viewbox == "0 0 400 220"
    rect = html.fromstring(svg).xpath("//rect[@x]")[0]
    assert "," not in rect.get("x") and float(rect.get("x")) > 0


# --- The demo ---------------------------------------------------------------------------------


def test_the_demo_data_fills_every_part_of_the_dashboard(client, capsys):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("seed_demo")
    client.force_login(get_user_model().objects.get(username="editor"))
    response = client.get(URL)
    weekly = response.context["weekly_charts"]
    assert all(chart.total > 0 for chart in weekly)
    assert len([c for c in weekly[3].columns if c.total]) >= 2  # claims started over weeks
    assert response.context["waits"].median_days > 1
    backlog = response.context["backlog"]
    assert len([n for _, n in backlog.buckets if n]) >= 2  # waiting for different times
    assert response.context["alerts_open"] > 0
