"""What the newsroom and readers learn about a speaker (Source) or a publisher (Outlet):
their claims, their appearances month by month, their stances, how often they were relayed
by other outlets or rested on anonymous sources, which outlets carried them (or, for an
outlet, which speakers it carried).

Everything is counted in SQL (a few grouped queries, however many mentions a source has),
and claim lists are read a page at a time, so a source with ten thousand mentions costs
what a small one does. Reads only; writes are in claims.source_records.

Two views of the same data:
- the newsroom's: every mention except rejected ones, claims in any state;
- the readers' (`public=True`): accepted mentions of published claims only (appearances and
  responses), published claims only (Claim.objects.published(): the approved verdict, never
  a change waiting for a second editor).
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from articles.models import Outlet
from claims import charts
from claims.models import Claim, Mention, Source
from claims.paging import UncountedPage

# The appearances chart shows at most this many months, ending with the latest one.
MONTHS_SHOWN = 24
# Outlets (of a source) and speakers (of an outlet) listed, the most frequent first.
TOP = 15


def public_mentions(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    """Of these mentions, those readers see: accepted appearances and responses of
    published claims."""
    # A mention is an appearance or a response, never both: its claim is the one of the two
    # it has (claim_published_id_idx answers "published" without reading claims).
    return (
        mentions.filter(review_state=Mention.ReviewState.ACCEPTED)
        .alias(linked=Coalesce("claim_id", "responds_to_id"))
        .filter(linked__in=Claim.objects.published().values("pk"))
    )


def newsroom_mentions(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    """Of these mentions, those the newsroom counts: all but the rejected ones."""
    # Named states rather than "not rejected": an index condition of mention_source_state_idx.
    counted = [s for s in Mention.ReviewState.values if s != Mention.ReviewState.REJECTED]
    return mentions.filter(review_state__in=counted)


def source_mentions(source: Source, *, public: bool) -> QuerySet[Mention]:
    """A source's mentions readers see, or (newsroom) all of them, in every review state:
    profile_build(states=True) leaves the rejected ones out of its counts."""
    # mention_source_state_idx: a source's mentions by review state.
    mentions = Mention.objects.filter(source=source).order_by()
    return public_mentions(mentions) if public else mentions


def outlet_mentions(outlet: Outlet, *, public: bool) -> QuerySet[Mention]:
    """The mentions of an outlet's articles, as source_mentions."""
    mentions = Mention.objects.filter(article__outlet=outlet).order_by()
    return public_mentions(mentions) if public else mentions


def _ordered(claims: QuerySet[Claim], *, public: bool) -> QuerySet[Claim]:
    if public:
        return claims.published().order_by("-published_at", "-id")
    return claims.order_by("-updated_at", "-id")


def source_claims(source: Source, *, public: bool) -> QuerySet[Claim]:
    """The claims of a source: those it is the claimant of, and those it speaks in through
    an accepted mention (an appearance or a response); newest first."""
    accepted = Mention.objects.filter(
        source=source, review_state=Mention.ReviewState.ACCEPTED
    ).order_by()
    ids = (
        Claim.objects.filter(claimant=source)
        .order_by()
        .values("pk")
        .union(accepted.values("claim_id"), accepted.values("responds_to_id"))
    )
    return _ordered(Claim.objects.filter(pk__in=ids), public=public)


def outlet_claims(outlet: Outlet, *, public: bool) -> QuerySet[Claim]:
    """The claims an outlet carried: those its articles' mentions are appearances of."""
    mentions = Mention.objects.filter(article__outlet=outlet, claim__isnull=False).order_by()
    if public:
        mentions = mentions.filter(review_state=Mention.ReviewState.ACCEPTED)
    else:
        mentions = newsroom_mentions(mentions)
    return _ordered(Claim.objects.filter(pk__in=mentions.values("claim_id")), public=public)


def claim_page(claims: QuerySet[Claim], number: str | int | None, per_page: int) -> UncountedPage:
    """A page of these claims, with verdict and claimant: the page's ids first, ordered
    from claim_id_order_idx alone (a big source has thousands of claims), then its rows."""
    page = UncountedPage(claims.values_list("pk", flat=True), number, per_page)
    rows = Claim.objects.select_related("verdict", "claimant").in_bulk(page.object_list)
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return page


def source_is_public(source: Source) -> bool:
    """Whether readers have a page of this source: a named source with a published claim
    (as its claimant, or speaking in an accepted appearance or response). An anonymous
    source never has one: "a senior official" in one article is not a person readers can
    follow from article to article."""
    if source.is_anonymous:
        return False
    return (
        Claim.objects.published().filter(claimant=source).exists()
        or source_mentions(source, public=True).exists()
    )


def outlet_is_public(outlet: Outlet) -> bool:
    return outlet_claims(outlet, public=True).exists()


@dataclass
class StanceCount:
    stance: str
    label: str
    count: int


@dataclass
class Profile:
    """The counts of a set of mentions, as the speaker and outlet pages show them."""

    total: int
    stances: list[StanceCount]
    relayed: int  # through other outlets (Mention.via)
    anonymous: int  # resting on an anonymous source
    months: charts.StackedChart  # appearances per month (claims/charts/_columns.html)
    outlets: list[dict] = field(default_factory=list)
    speakers: list[dict] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)

    def share(self, count: int) -> int:
        return round(100 * count / self.total) if self.total else 0

    @property
    def relayed_share(self) -> int:
        return self.share(self.relayed)

    @property
    def anonymous_share(self) -> int:
        return self.share(self.anonymous)


# Resting on an anonymous source: the article says so (the hedge), or the speaker is one.
# JSON containment where the database has it (PostgreSQL); SQLite (make run) has none, and
# matches the hedge's quoted name in the stored list instead.
_ANONYMOUS_HEDGE = (
    Q(hedges__contains=["anonymous"])
    if connection.features.supports_json_field_contains
    else Q(hedges__icontains='"anonymous"')
)
_ANONYMOUS = _ANONYMOUS_HEDGE | Q(speaker_type=Source.Kind.ANONYMOUS)
_COUNTS = {
    "total": Count("pk"),
    "relayed": Count("pk", filter=~Q(via=[])),
    "anonymous": Count("pk", filter=_ANONYMOUS),
    **{f"stance_{v}": Count("pk", filter=Q(stance=v)) for v in Mention.Stance.values},
}


def _month_label(month: datetime.date) -> str:
    return date_format(month, "M Y")


def _as_month(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.replace(day=1)


def _count(value: float) -> str:
    return number_format(value, 0, force_grouping=True)


def _months(found: dict[datetime.date, int]) -> charts.StackedChart:
    """The latest MONTHS_SHOWN months up to the last one with a mention, empty ones too,
    as a column chart (empty when there is no mention)."""
    months: list[datetime.date] = []
    if found:
        last, first = max(found), min(found)
        months = [last]
        while len(months) < MONTHS_SHOWN and months[-1] > first:
            months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
        months.reverse()
    items = [(_month_label(m), found.get(m, 0)) for m in months]
    description = ""
    if items:
        busiest = max(range(len(items)), key=lambda i: items[i][1])
        description = gettext(
            "Statements: %(total)s, from %(first)s to %(last)s; the most in %(busiest)s "
            "(%(count)s)."
        ) % {
            "total": _count(sum(n for _, n in items)),
            "first": items[0][0],
            "last": items[-1][0],
            "busiest": items[busiest][0],
            "count": _count(items[busiest][1]),
        }
    return charts.column_chart(
        items,
        title=gettext("Statements per month"),
        series=gettext("Statements"),
        category_keys=[m.isoformat()[:7] for m in months],
        chart_id="appearances",
        max_labels=4,  # "Dec 2026" is wider than a week's "3 Mar"
        description=description,
        value_label=_count,
    )


def _speakers(mentions: QuerySet[Mention]) -> list[dict]:
    rows = (
        mentions.filter(source__isnull=False)
        .values("source_id", "source__name", "source__kind")
        .annotate(n=Count("pk"))
        .order_by("-n", "source__name")[:TOP]
    )
    return [
        {"id": r["source_id"], "name": r["source__name"], "kind": r["source__kind"],
         "anonymous": r["source__kind"] == Source.Kind.ANONYMOUS, "count": r["n"]}
        for r in rows
    ]  # fmt: skip


def _counted_only(counts: dict[str, Count]) -> dict[str, Count]:
    """The same counts, rejected mentions left out."""
    counted = ~Q(review_state=Mention.ReviewState.REJECTED)
    return {
        key: Count("pk", filter=counted & count.filter if count.filter else counted)
        for key, count in counts.items()
    }


def profile_build(
    mentions: QuerySet[Mention],
    *,
    outlets: bool = False,
    speakers: bool = False,
    states: bool = False,
) -> Profile:
    """The counts of these mentions in one pass: grouped by month (and outlet), each group
    counted by stance, relay and anonymity, summed here; one more query for speakers.

    `states` (the newsroom's view): the mentions are in every review state; the counts
    leave the rejected ones out, and Profile.states counts each state.
    """
    groups = ["month", "article__outlet_id"] if outlets else ["month"]
    counts = _counted_only(_COUNTS) if states else dict(_COUNTS)
    if states:
        counts.update(
            {
                f"state_{v}": Count("pk", filter=Q(review_state=v))
                for v in Mention.ReviewState.values
            }
        )
    rows = (
        mentions.annotate(
            month=TruncMonth(Coalesce("article__published_at", "article__created_at"))
        )
        .values(*groups)
        .annotate(**counts)
        .order_by()
    )
    totals = dict.fromkeys(counts, 0)
    by_month: dict[datetime.date, int] = {}
    by_outlet: dict[int, int] = {}
    for row in rows:
        for key in counts:
            totals[key] += row[key]
        if not row["total"]:  # rejected mentions only
            continue
        month = _as_month(row["month"])
        by_month[month] = by_month.get(month, 0) + row["total"]
        if outlets and row["article__outlet_id"] is not None:
            outlet = row["article__outlet_id"]
            by_outlet[outlet] = by_outlet.get(outlet, 0) + row["total"]
    top = sorted(by_outlet.items(), key=lambda item: -item[1])[:TOP]
    names = dict(Outlet.objects.filter(pk__in=[pk for pk, _ in top]).values_list("pk", "name"))
    labels = dict(Mention.Stance.choices)
    return Profile(
        total=totals["total"],
        stances=[
            StanceCount(stance=v, label=str(labels[v]), count=totals[f"stance_{v}"])
            for v in Mention.Stance.values
        ],
        relayed=totals["relayed"],
        anonymous=totals["anonymous"],
        months=_months(by_month),
        outlets=[{"id": pk, "name": names.get(pk, ""), "count": n} for pk, n in top],
        speakers=_speakers(newsroom_mentions(mentions) if states else mentions) if speakers else [],
        states={v: totals[f"state_{v}"] for v in Mention.ReviewState.values} if states else {},
    )
