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

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Outlet
from claims.bars import Bars, bars
from claims.models import Claim, Mention, Source

# The appearances chart shows at most this many months, ending with the latest one.
MONTHS_SHOWN = 24
# Outlets (of a source) and speakers (of an outlet) listed, the most frequent first.
TOP = 15

_PUBLISHED_CLAIM = Q(claim__status=Claim.Status.PUBLISHED, claim__published_at__isnull=False)
_PUBLISHED_ANSWER = Q(
    responds_to__status=Claim.Status.PUBLISHED, responds_to__published_at__isnull=False
)


def public_mentions(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    """Of these mentions, those readers see: accepted appearances and responses of
    published claims."""
    return mentions.filter(review_state=Mention.ReviewState.ACCEPTED).filter(
        _PUBLISHED_CLAIM | _PUBLISHED_ANSWER
    )


def newsroom_mentions(mentions: QuerySet[Mention]) -> QuerySet[Mention]:
    """Of these mentions, those the newsroom counts: all but the rejected ones."""
    return mentions.exclude(review_state=Mention.ReviewState.REJECTED)


def source_mentions(source: Source, *, public: bool) -> QuerySet[Mention]:
    # mention_source_state_idx: a source's mentions by review state.
    mentions = Mention.objects.filter(source=source)
    return public_mentions(mentions) if public else newsroom_mentions(mentions)


def outlet_mentions(outlet: Outlet, *, public: bool) -> QuerySet[Mention]:
    mentions = Mention.objects.filter(article__outlet=outlet)
    return public_mentions(mentions) if public else newsroom_mentions(mentions)


def source_claims(source: Source, *, public: bool) -> QuerySet[Claim]:
    """The claims of a source: those it is the claimant of, and those it speaks in through
    an accepted mention (an appearance or a response); newest first."""
    accepted = Mention.objects.filter(source=source, review_state=Mention.ReviewState.ACCEPTED)
    claims = Claim.objects.filter(
        Q(claimant=source)
        | Q(pk__in=accepted.values("claim_id"))
        | Q(pk__in=accepted.values("responds_to_id"))
    ).select_related("verdict", "claimant")
    if public:
        return claims.published().order_by("-published_at", "-id")
    return claims.order_by("-updated_at", "-id")


def outlet_claims(outlet: Outlet, *, public: bool) -> QuerySet[Claim]:
    """The claims an outlet carried: those its articles' mentions are appearances of."""
    mentions = Mention.objects.filter(article__outlet=outlet, claim__isnull=False)
    if public:
        mentions = mentions.filter(review_state=Mention.ReviewState.ACCEPTED)
    else:
        mentions = newsroom_mentions(mentions)
    claims = Claim.objects.filter(pk__in=mentions.values("claim_id")).select_related(
        "verdict", "claimant"
    )
    if public:
        return claims.published().order_by("-published_at", "-id")
    return claims.order_by("-updated_at", "-id")


def source_is_public(source: Source) -> bool:
    """Whether readers have a page of this source: a named source with a published claim
    (as its claimant, or speaking in an accepted appearance or response). An anonymous
    source never has one: "a senior official" in one article is not a person readers can
    follow from article to article."""
    if source.is_anonymous:
        return False
    return source_claims(source, public=True).exists()


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
    months: Bars
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


_ANONYMOUS = (
    Q(hedges__contains=["anonymous"])
    | Q(speaker_type=Source.Kind.ANONYMOUS)
    | Q(source__kind=Source.Kind.ANONYMOUS)
)


def _counts(mentions: QuerySet[Mention]) -> dict[str, int]:
    """Total, per stance, relayed and anonymous: one aggregate query."""
    stances = {
        f"stance_{value}": Count("pk", filter=Q(stance=value)) for value in Mention.Stance.values
    }
    return mentions.aggregate(
        total=Count("pk"),
        relayed=Count("pk", filter=~Q(via=[])),
        anonymous=Count("pk", filter=_ANONYMOUS),
        **stances,
    )


def _month_label(month: datetime.date) -> str:
    return date_format(month, "M Y")


def _months(mentions: QuerySet[Mention]) -> Bars:
    """Mentions per month (the article's own date, else when it was stored), the latest
    MONTHS_SHOWN months up to the last one with a mention, empty months included."""
    rows = (
        mentions.annotate(
            month=TruncMonth(Coalesce("article__published_at", "article__created_at"))
        )
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    found = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        found[month.replace(day=1)] = found.get(month.replace(day=1), 0) + row["n"]
    if not found:
        return bars([])
    last, first = max(found), min(found)
    months = [last]
    while len(months) < MONTHS_SHOWN and months[-1] > first:
        previous = (months[-1] - datetime.timedelta(days=1)).replace(day=1)
        months.append(previous)
    months.reverse()
    return bars([(_month_label(m), found.get(m, 0), m.isoformat()[:7]) for m in months])


def _outlets(mentions: QuerySet[Mention]) -> list[dict]:
    rows = (
        mentions.filter(article__outlet__isnull=False)
        .values("article__outlet_id", "article__outlet__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "article__outlet__name")[:TOP]
    )
    return [{"id": r["article__outlet_id"], "name": r["article__outlet__name"], "count": r["n"]}
            for r in rows]  # fmt: skip


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


def profile_build(
    mentions: QuerySet[Mention], *, outlets: bool = False, speakers: bool = False
) -> Profile:
    """The counts of these mentions: 2 queries, one more for outlets, one for speakers."""
    counts = _counts(mentions)
    labels = dict(Mention.Stance.choices)
    return Profile(
        total=counts["total"],
        stances=[
            StanceCount(stance=v, label=str(labels[v]), count=counts[f"stance_{v}"])
            for v in Mention.Stance.values
        ],
        relayed=counts["relayed"],
        anonymous=counts["anonymous"],
        months=_months(mentions),
        outlets=_outlets(mentions) if outlets else [],
        speakers=_speakers(mentions) if speakers else [],
    )


def review_states(mentions: QuerySet[Mention]) -> dict[str, int]:
    """How many of these mentions are in each review state (the newsroom's view)."""
    rows = mentions.values("review_state").annotate(n=Count("pk")).order_by()
    found = {r["review_state"]: r["n"] for r in rows}
    return {value: found.get(value, 0) for value in Mention.ReviewState.values}
