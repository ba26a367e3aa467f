"""Reads of the editors' dashboard (issue 14, part 2), HackSoft's "selectors".

Each function is one GROUP BY query (or two), whatever the number of claims and mentions: the
database counts, Python only reshapes the groups into series (weeks x outlets, for instance)
for claims.charts. They run on PostgreSQL and SQLite alike (TruncWeek, Coalesce, Min, Count).
The weekly mention counts, the waits to verdict and the outlet of each claim's first
appearance come from rollups (MentionWeek, VerdictWait, ClaimFirstOutlet), recounted in the
background when older than ROLLUP_MAX_AGE: grouping half a million mentions, or finding the
first appearance of 36,000 claims, at every view took seconds.

Dates, as the page explains them:

- a mention is counted in the week of its article's date (Article.dated: its own publication
  date, else when claimtrack stored it), as MentionQuerySet.in_time_order orders them; the
  weekly charts count whole weeks (Monday to Sunday) of the period;
- a claim is counted in the week the newsroom started tracking it (Claim.created_at);
- a claim's first appearance is the earliest date of the articles of its accepted mentions;
  the outlet it first appeared in is that article's (ties broken as in_time_order does:
  article, then position), and new claims are drawn by it;
- its verdict date is when it was published (Claim.published_at): a verdict is only final
  for readers then, and the history of unpublished drafts does not say when an editor
  settled on it. Claims never published have no time to verdict.
"""

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.db import transaction
from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber, TruncMonth, TruncWeek
from django.utils import timezone

from articles.models import Article, Language, Outlet
from claims.models import (
    Alert,
    Claim,
    ClaimFirstOutlet,
    Mention,
    MentionWeek,
    Rating,
    VerdictWait,
)

TOP_OUTLETS = 5
# Age of the review backlog: (upper bound in days, key); the last bucket has no bound.
BACKLOG_BUCKETS = [(1, "day"), (3, "3days"), (7, "week"), (14, "2weeks"), (28, "4weeks")]
# Time from first appearance to verdict, in days: (upper bound, key).
VERDICT_BUCKETS = [(1, "day"), (3, "3days"), (7, "week"), (14, "2weeks"), (30, "month")]
DEFAULT_WEEKS = 12
# Longer periods are drawn by month: a hundred weekly columns are a blur on a phone.
MONTHLY_AFTER_WEEKS = 26
# The weekly mention counts (MentionWeek) are recounted when older than this.
ROLLUP_MAX_AGE = dt.timedelta(minutes=10)


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week (TruncWeek's weeks, ISO 8601)."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """What the dashboard shows: the days from `since` to `until` (both included), in
    articles of one language and/or one outlet (none: all)."""

    since: dt.date
    until: dt.date
    language: str = ""
    outlet_id: int | None = None

    @classmethod
    def default(cls, today: dt.date | None = None, **filters) -> "Period":
        """The last 12 weeks: this week and the 11 before it, up to today."""
        today = today or timezone.localdate()
        return cls(week_start(today) - dt.timedelta(weeks=DEFAULT_WEEKS - 1), today, **filters)

    @property
    def start(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.since, dt.time.min))

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period (midnight after `until`)."""
        return timezone.make_aware(dt.datetime.combine(self.until, dt.time.min)) + dt.timedelta(
            days=1
        )

    # Cached: the readers ask for a period's columns once per row they group.
    @cached_property
    def weeks(self) -> list[dt.date]:
        first, last = week_start(self.since), week_start(self.until)
        return [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]

    @cached_property
    def by_month(self) -> bool:
        return len(self.weeks) > MONTHLY_AFTER_WEEKS

    @cached_property
    def buckets(self) -> list[dt.date]:
        """The columns of the charts: the Mondays of the period's weeks, or the first days
        of its months when it is longer than MONTHLY_AFTER_WEEKS weeks."""
        if not self.by_month:
            return self.weeks
        first = self.weeks[0].replace(day=1)
        months = (self.until.year - first.year) * 12 + self.until.month - first.month + 1
        return [
            dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
            for i in range(months)
        ]

    def bucket(self, day: dt.date) -> dt.date:
        """The column of a week (its Monday) or day: its week, or the month it starts in."""
        return day.replace(day=1) if self.by_month else week_start(day)


def _article_dated(prefix: str = "article__") -> Coalesce:
    """Article.dated in SQL, through the relation `prefix`."""
    return Coalesce(f"{prefix}published_at", f"{prefix}created_at")


def _week(value) -> dt.date:
    """A TruncWeek or TruncMonth value (an aware datetime, or a date) as a date."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _claims_in(period: Period) -> QuerySet[Claim]:
    """Claims the newsroom started tracking in the period; with an outlet, those with an
    accepted appearance in one of its articles."""
    claims = Claim.objects.filter(created_at__gte=period.start, created_at__lt=period.end)
    if period.language:
        claims = claims.filter(language=period.language)
    if period.outlet_id:
        claims = claims.filter(
            Exists(
                Mention.objects.public().filter(
                    claim_id=OuterRef("pk"), article__outlet_id=period.outlet_id
                )
            )
        )
    return claims


@dataclass(frozen=True)
class Weekly:
    """Counts per week, by series: `series` is [(label, [count per week])], in order."""

    weeks: list[dt.date]  # the columns: Mondays, or first days of months (by_month)
    series: list[tuple[str, list[int]]]
    other: str | None = None
    by_month: bool = False

    @property
    def total(self) -> int:
        return sum(sum(values) for _, values in self.series)


def _mention_groups() -> QuerySet:
    """Mentions (rejected ones left out) grouped by week of their article's date, outlet,
    language and stance: what MentionWeek holds."""
    return (
        Mention.objects.exclude(review_state=Mention.ReviewState.REJECTED)
        .annotate(week=TruncWeek(_article_dated()))
        .values("week", "article__outlet_id", "article__language", "stance")
        .annotate(n=Count("id"))
        .values_list("week", "article__outlet_id", "article__language", "stance", "n")
        .order_by()
    )


def _in_time_order() -> list:
    """MentionQuerySet.in_time_order's order (the articles' dates, then article and
    position) as expressions, for a window or a subquery."""
    return [_article_dated().asc(), F("article_id").asc(), F("start").asc(), F("id").asc()]


def _first_appearances() -> QuerySet:
    """(claim, article, outlet) of the first appearance of every claim that has one: its
    earliest accepted mention in time order, ranked in SQL (a window over the mentions)."""
    return (
        Mention.objects.public()
        .filter(claim__isnull=False)
        .annotate(rank=Window(RowNumber(), partition_by=[F("claim_id")], order_by=_in_time_order()))
        .filter(rank=1)
        .values_list("claim_id", "article_id", "article__outlet_id")
        .order_by()
    )


def dashboard_recount() -> tuple[int, int]:
    """Count the rollups again from the mentions and claims as a whole, in one transaction
    (the dashboard reads the old counts meanwhile): the mentions of every week (MentionWeek),
    the wait to verdict of every published claim (VerdictWait) and the first appearance of
    every claim (ClaimFirstOutlet). Returns the numbers of rows of the first two. Seconds at
    500,000 mentions, so it runs in a Celery task (claims.tasks.dashboard_recount) except
    the very first time."""
    now = timezone.now()
    weeks = [
        MentionWeek(
            week=_week(week), outlet_id=outlet_id, language=language or "", stance=stance,
            mentions=n, counted_at=now,
        )
        for week, outlet_id, language, stance, n in _mention_groups()
    ]  # fmt: skip
    waits = [
        VerdictWait(
            claim_id=pk, language=language, published_at=published_at, counted_at=now,
            # Published before the article's own date (a dateline in the future, a claim
            # checked before it spread): counted as no wait.
            wait=None if wait is None else max(wait, dt.timedelta(0)),
        )
        for pk, language, published_at, wait in _published_waits(Claim.objects.published())
    ]  # fmt: skip
    # Every claim has a row, those without an accepted appearance too (article empty): a
    # claim without one is one started since, looked up live by claim_outlet_weeks.
    first = {
        claim_id: (article_id, outlet_id)
        for claim_id, article_id, outlet_id in _first_appearances()
    }
    outlets = [
        ClaimFirstOutlet(
            claim_id=pk, article_id=first.get(pk, (None, None))[0],
            outlet_id=first.get(pk, (None, None))[1], counted_at=now,
        )
        for pk in Claim.objects.values_list("pk", flat=True).order_by()
    ]  # fmt: skip
    with transaction.atomic():
        MentionWeek.objects.all().delete()
        MentionWeek.objects.bulk_create(weeks, batch_size=5000)
        VerdictWait.objects.all().delete()
        VerdictWait.objects.bulk_create(waits, batch_size=5000)
        ClaimFirstOutlet.objects.all().delete()
        ClaimFirstOutlet.objects.bulk_create(outlets, batch_size=5000)
    return len(weeks), len(waits)


def mention_weeks_counted_at(*, now: dt.datetime | None = None) -> dt.datetime:
    """When the weekly counts were made: counted now if they never were, and a recount sent
    to Celery when they are older than ROLLUP_MAX_AGE (one at a time, a cache key says
    one is on its way)."""
    from claims.tasks import dashboard_recount as recount_task

    now = now or timezone.now()
    counted_at = MentionWeek.objects.aggregate(at=Max("counted_at"))["at"]
    if counted_at is None:
        if not Mention.objects.exists():
            return now
        dashboard_recount()
        return timezone.now()
    if now - counted_at > ROLLUP_MAX_AGE and cache.add(
        "dashboard:recount", True, ROLLUP_MAX_AGE.total_seconds()
    ):
        transaction.on_commit(recount_task.delay)
    return counted_at


def mention_weeks(period: Period, *, labels: dict) -> dict[str, Weekly]:
    """Mentions per week (or month) by outlet (the TOP_OUTLETS with most mentions, then the
    rest together), by language and by stance, from the rollup (MentionWeek): three GROUP BY
    queries of the period's whole weeks, whatever the number of mentions.

    `labels` names what has no name of its own: "other", "no_outlet", "no_language"; and
    the languages and stances (their choices' labels)."""
    weeks = period.weeks
    counts = MentionWeek.objects.filter(week__gte=weeks[0], week__lte=weeks[-1])
    if period.language:
        counts = counts.filter(language=period.language)
    if period.outlet_id:
        counts = counts.filter(outlet_id=period.outlet_id)
    buckets = period.buckets
    index = {bucket: i for i, bucket in enumerate(buckets)}

    def grouped(*fields: str) -> dict:
        """{key: [count per column]}: the rollup summed by week and `fields` in SQL."""
        series: dict = defaultdict(lambda: [0] * len(buckets))
        rows = counts.values("week", *fields).annotate(n=Sum("mentions")).order_by()
        for row in rows.values_list("week", *fields, "n"):
            week, *key, n = row
            series[tuple(key) if len(key) > 1 else key[0]][index[period.bucket(week)]] += n
        return series

    by_outlet_named = grouped("outlet_id", "outlet__name")
    by_outlet = {outlet_id: values for (outlet_id, _), values in by_outlet_named.items()}
    names = {outlet_id: name or labels["no_outlet"] for outlet_id, name in by_outlet_named}
    by_language = {code or "": values for code, values in grouped("language").items()}
    by_stance = grouped("stance")
    ranked = sorted(
        (o for o in by_outlet if o is not None), key=lambda o: (-sum(by_outlet[o]), names[o])
    )
    weeks = buckets
    top, rest = ranked[:TOP_OUTLETS], ranked[TOP_OUTLETS:]
    outlet_series = [(names[o], by_outlet[o]) for o in top]
    others = [by_outlet[o] for o in rest] + ([by_outlet[None]] if None in by_outlet else [])
    other_label = None
    if others:
        other_label = labels["other"] if rest else labels["no_outlet"]
        outlet_series.append((other_label, [sum(col) for col in zip(*others, strict=True)]))

    language_series = [
        (str(label), by_language[code]) for code, label in Language.choices if code in by_language
    ]
    if "" in by_language:
        language_series.append((labels["no_language"], by_language[""]))
    stance_series = [
        (str(label), by_stance[code]) for code, label in Mention.Stance.choices if code in by_stance
    ]
    monthly = period.by_month
    return {
        "outlet": Weekly(weeks, outlet_series, other=other_label, by_month=monthly),
        "language": Weekly(weeks, language_series, by_month=monthly),
        "stance": Weekly(weeks, stance_series, by_month=monthly),
    }


@dataclass(frozen=True)
class VerdictRow:
    rating: Rating | None  # None: no verdict yet
    claims: int
    published: int


def claim_counts(period: Period, *, labels: dict) -> tuple[Weekly, list[VerdictRow]]:
    """Claims the newsroom started in the period (Claim.created_at): new claims per week
    (or month) by language, and all of them by their current verdict, in the order of the
    rating scale, then those with no verdict yet, with how many of each are published.
    One GROUP BY (column, language, verdict) and the rating scale."""
    trunc = TruncMonth if period.by_month else TruncWeek
    rows = (
        _claims_in(period)
        .annotate(bucket=trunc("created_at"))
        .values("bucket", "language", "verdict_id")
        .annotate(n=Count("id"), published=Count("id", filter=Q(status=Claim.Status.PUBLISHED)))
        .values_list("bucket", "language", "verdict_id", "n", "published")
        .order_by()
    )
    buckets = period.buckets
    index = {bucket: i for i, bucket in enumerate(buckets)}
    by_language: dict[str, list[int]] = defaultdict(lambda: [0] * len(buckets))
    by_verdict: dict[int | None, list[int]] = defaultdict(lambda: [0, 0])
    for bucket, language, verdict_id, n, published in rows:
        i = index.get(_week(bucket))
        if i is not None:
            by_language[language or ""][i] += n
        by_verdict[verdict_id][0] += n
        by_verdict[verdict_id][1] += published
    series = [
        (str(label), by_language[code]) for code, label in Language.choices if code in by_language
    ]
    if "" in by_language:
        series.append((labels["no_language"], by_language[""]))
    verdicts = [
        VerdictRow(rating, *by_verdict.get(rating.pk, [0, 0])) for rating in Rating.objects.all()
    ]
    verdicts.append(VerdictRow(None, *by_verdict.get(None, [0, 0])))
    return Weekly(buckets, series, by_month=period.by_month), verdicts


def claim_outlet_weeks(
    period: Period, *, labels: dict, outlet_names: dict[int, str] | None = None
) -> Weekly:
    """New claims per week (or month), as claim_counts counts them, by the outlet of their
    first appearance: the TOP_OUTLETS that were first with most of them, then the rest
    together, then the claims with no accepted appearance yet. With an outlet chosen: the
    claims that appeared in it, by the outlet that carried them first (it, or another).

    One GROUP BY of the claims joined to their rollup row (ClaimFirstOutlet); the few
    claims started since the last count have none and are looked up live, in a second
    query made only when there are some. `labels` as for mention_weeks, and
    "no_appearance"; `outlet_names` ({id: name}, the view has them all for its filter)
    saves the query of the names."""
    trunc = TruncMonth if period.by_month else TruncWeek
    claims = _claims_in(period).annotate(bucket=trunc("created_at"))
    # Counts of the rollup's columns, not conditions on them: the join stays a LEFT JOIN,
    # so a claim without a row is counted in `n` and not in `counted`.
    rows = (
        claims.values("bucket", "first_outlet_rollup__outlet_id")
        .annotate(
            n=Count("id"),
            counted=Count("first_outlet_rollup__claim_id"),
            appeared=Count("first_outlet_rollup__article_id"),
        )
        .values_list("bucket", "first_outlet_rollup__outlet_id", "n", "counted", "appeared")
        .order_by()
    )
    buckets = period.buckets
    index = {bucket: i for i, bucket in enumerate(buckets)}
    by_outlet: dict[int | None, list[int]] = defaultdict(lambda: [0] * len(buckets))
    missing = [0] * len(buckets)
    uncounted = 0
    for bucket, outlet_id, n, counted, appeared in rows:
        uncounted += n - counted
        i = index.get(_week(bucket))
        if i is None:
            continue
        if appeared:
            by_outlet[outlet_id][i] += appeared
        missing[i] += counted - appeared
    if uncounted:
        # Claims started since the count, looked up live in a second query. Not as
        # subqueries of the first: their estimated cost over every claim of the period
        # made PostgreSQL compile the query (JIT), 600 ms at 100,000 claims.
        live = Mention.objects.public().filter(claim_id=OuterRef("pk"))
        live = live.order_by(*_in_time_order())
        started_since = (
            claims.filter(first_outlet_rollup__isnull=True)
            .annotate(
                first_article=Subquery(live.values("article_id")[:1]),
                first_outlet=Subquery(live.values("article__outlet_id")[:1]),
            )
            .values_list("bucket", "first_article", "first_outlet")
            .order_by()
        )
        for bucket, article_id, outlet_id in started_since:
            i = index.get(_week(bucket))
            if i is None:
                continue
            if article_id is None:
                missing[i] += 1
            else:
                by_outlet[outlet_id][i] += 1
    named = [o for o in by_outlet if o is not None]
    names = outlet_names
    if names is None:
        names = dict(Outlet.objects.filter(pk__in=named).values_list("pk", "name")) if named else {}
    ranked = sorted(named, key=lambda o: (-sum(by_outlet[o]), names.get(o, "")))
    top, rest = ranked[:TOP_OUTLETS], ranked[TOP_OUTLETS:]
    series = [(names.get(o, labels["no_outlet"]), by_outlet[o]) for o in top]
    others = [by_outlet[o] for o in rest] + ([by_outlet[None]] if None in by_outlet else [])
    other_label = None
    if others:
        other_label = labels["other"] if rest else labels["no_outlet"]
        series.append((other_label, [sum(col) for col in zip(*others, strict=True)]))
    if any(missing):
        series.append((labels["no_appearance"], missing))
    return Weekly(buckets, series, other=other_label, by_month=period.by_month)


@dataclass(frozen=True)
class TimeToVerdict:
    buckets: list[tuple[str, int]]  # (bucket key, claims)
    median_days: float | None
    claims: int  # published in the period with a first appearance
    without_appearance: int  # published in the period, no accepted appearance


def _published_waits(claims: QuerySet[Claim]) -> QuerySet:
    """(pk, language, published_at, wait) of these claims: the wait from their first
    appearance to publication, computed in SQL (None: no accepted appearance)."""
    appearances = Q(mentions__review_state=Mention.ReviewState.ACCEPTED)
    first = Min(_article_dated("mentions__article__"), filter=appearances)
    return (
        claims.annotate(
            wait=ExpressionWrapper(F("published_at") - first, output_field=DurationField())
        )
        .values_list("pk", "language", "published_at", "wait")
        .order_by()
    )


def _wait_buckets() -> dict[str, Q]:
    buckets, shorter = {}, dt.timedelta(0)
    for bound, key in VERDICT_BUCKETS:
        buckets[key] = Q(wait__gte=shorter, wait__lt=dt.timedelta(days=bound))
        shorter = dt.timedelta(days=bound)
    buckets["longer"] = Q(wait__gte=shorter)
    return buckets


def time_to_verdict(period: Period) -> TimeToVerdict:
    """Claims published in the period: days from their first appearance to publication.

    From the rollup (VerdictWait): the buckets in one aggregate, the median in a second
    query (the middle one or two waits in order). With an outlet, computed from the claims
    themselves (those with an accepted appearance in it: a few)."""
    if period.outlet_id:
        return _time_to_verdict_live(period)
    rows = VerdictWait.objects.filter(published_at__gte=period.start, published_at__lt=period.end)
    if period.language:
        rows = rows.filter(language=period.language)
    buckets = _wait_buckets()
    counts = rows.aggregate(
        claims=Count("wait"),
        missing=Count("id", filter=Q(wait__isnull=True)),
        **{f"b{i}": Count("id", filter=q) for i, q in enumerate(buckets.values())},
    )
    n = counts["claims"]
    median = None
    if n:
        middle = rows.filter(wait__isnull=False).order_by("wait").values_list("wait", flat=True)
        around = list(middle[(n - 1) // 2 : n // 2 + 1])
        median = sum(w.total_seconds() for w in around) / len(around) / 86400
    return TimeToVerdict(
        buckets=[(key, counts[f"b{i}"]) for i, key in enumerate(buckets)],
        median_days=median,
        claims=n,
        without_appearance=counts["missing"],
    )


def _time_to_verdict_live(period: Period) -> TimeToVerdict:
    claims = Claim.objects.published().filter(
        published_at__gte=period.start, published_at__lt=period.end
    )
    if period.language:
        claims = claims.filter(language=period.language)
    if period.outlet_id:
        claims = claims.filter(
            Exists(
                Mention.objects.public().filter(
                    claim_id=OuterRef("pk"), article__outlet_id=period.outlet_id
                )
            )
        )
    waits, missing = [], 0
    for _, _, _, wait in _published_waits(claims):
        if wait is None:
            missing += 1
        else:
            waits.append(max(0.0, wait.total_seconds() / 86400))
    counts = dict.fromkeys([key for _, key in VERDICT_BUCKETS] + ["longer"], 0)
    for days in waits:
        counts[next((key for bound, key in VERDICT_BUCKETS if days < bound), "longer")] += 1
    return TimeToVerdict(
        buckets=list(counts.items()),
        median_days=statistics.median(waits) if waits else None,
        claims=len(waits),
        without_appearance=missing,
    )


@dataclass(frozen=True)
class Backlog:
    total: int
    articles: int
    buckets: list[tuple[str, int]]  # (bucket key, mentions)
    oldest: dt.datetime | None
    by_article: list[dict]  # the articles waiting longest


def review_backlog(
    period: Period, *, now: dt.datetime | None = None, articles: int = 10
) -> Backlog:
    """Mentions waiting for a decision now (unreviewed, or corrected and not yet accepted),
    by how long since they were found (Mention.created_at); the period's language and
    outlet apply, its dates do not (the backlog is today's). Three queries."""
    now = now or timezone.now()
    pending = Mention.objects.pending()
    if period.language:
        pending = pending.filter(article__language=period.language)
    if period.outlet_id:
        pending = pending.filter(article__outlet_id=period.outlet_id)
    bounds = {key: now - dt.timedelta(days=days) for days, key in BACKLOG_BUCKETS}
    aggregates = {"total": Count("id"), "articles": Count("article_id", distinct=True)}
    newer_than = None
    for _, key in BACKLOG_BUCKETS:
        q = Q(created_at__gt=bounds[key])
        if newer_than is not None:
            q &= Q(created_at__lte=newer_than)
        aggregates[key] = Count("id", filter=q)
        newer_than = bounds[key]
    aggregates["longer"] = Count("id", filter=Q(created_at__lte=newer_than))
    aggregates["oldest"] = Min("created_at")
    counts = pending.aggregate(**aggregates)
    by_article = list(
        pending.values("article_id")
        .annotate(waiting=Count("id"), since=Min("created_at"))
        .order_by("since", "article_id")[:articles]
    )
    # The titles of these few articles only (joining every article before grouping cost
    # more than the grouping).
    titles = {
        a.pk: a
        for a in Article.objects.filter(pk__in=[row["article_id"] for row in by_article])
        .select_related("outlet")
        .only("title", "outlet__name")
    }
    for row in by_article:
        article = titles.get(row["article_id"])
        row["title"] = article.title if article else ""
        row["outlet"] = article.outlet.name if article and article.outlet_id else ""
    keys = [key for _, key in BACKLOG_BUCKETS] + ["longer"]
    return Backlog(
        total=counts["total"],
        articles=counts["articles"],
        buckets=[(key, counts[key]) for key in keys],
        oldest=counts["oldest"],
        by_article=by_article,
    )


def open_alerts(period: Period) -> list[tuple[str, str, int]]:
    """Open alerts now, by kind: (kind, label, count) for every kind, in the kinds' order;
    the period's language applies (the claim's), its dates do not."""
    alerts = Alert.objects.filter(state=Alert.State.OPEN)
    if period.language:
        alerts = alerts.filter(claim__language=period.language)
    if period.outlet_id:
        alerts = alerts.filter(article__outlet_id=period.outlet_id)
    counts = dict(alerts.values_list("kind").annotate(n=Count("id")).order_by())
    return [(kind, str(label), counts.get(kind, 0)) for kind, label in Alert.Kind.choices]
