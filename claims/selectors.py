"""Reads of the newsroom workspace that views share: the review queue, the claim list, a
claim's history, someone's tasks, the editors' board (HackSoft's "selectors")."""

from collections import defaultdict
from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from articles.models import Article
from claims.models import Claim, Evidence, Mention, Rating, Task


def queue_articles(
    *, doubtful_first: bool = False, order: str = "newest", filters: dict | None = None
) -> QuerySet[Article]:
    """Articles that still have mentions waiting for a decision, newest first (or oldest
    first, or those holding the least confident statements first), narrowed by `filters`
    (claims.bulk.QueueFilterForm: q, outlet, language, stance, speaker, confidence_below,
    has_suggestions).

    Mention filters (stance, speaker, confidence, suggestions, the statement half of the
    search) apply to the pending mentions themselves: an article is listed when one of its
    pending mentions matches them all.
    """
    filters = filters or {}
    if doubtful_first:
        order = "doubtful"
    pending = Mention.objects.pending().filter(article=OuterRef("pk"))
    matching = pending
    if filters.get("stance"):
        matching = matching.filter(stance=filters["stance"])
    if filters.get("speaker"):
        matching = matching.filter(speaker__icontains=filters["speaker"])
    if filters.get("confidence_below") is not None:
        matching = matching.filter(confidence__lt=filters["confidence_below"])
    if filters.get("has_suggestions"):
        # "Looks like an existing claim", cheaply: its resolved speaker is already the
        # claimant of a claim. One EXISTS on claim.claimant_id (the FK index), instead of
        # the text similarity the card computes for the few mentions on screen.
        matching = matching.filter(Exists(Claim.objects.filter(claimant_id=OuterRef("source_id"))))
    # EXISTS keeps the page query an index walk that stops after one page; the pending
    # counts are then computed for the articles on the page only (queue_counts_attach).
    articles = (
        Article.objects.filter(Exists(matching))
        .select_related("outlet")
        .only("title", "language", "status", "created_at", "outlet__name")
    )
    if filters.get("q"):
        q = filters["q"]
        said = pending.filter(Q(content__icontains=q) | Q(speaker__icontains=q))
        articles = articles.filter(Q(title__icontains=q) | Exists(said))
    if filters.get("outlet"):
        articles = articles.filter(outlet_id=filters["outlet"])
    if filters.get("language"):
        articles = articles.filter(language=filters["language"])
    if order == "doubtful":
        least = matching.order_by("confidence").values("confidence")[:1]
        return articles.annotate(least_confidence=Subquery(least)).order_by(
            "least_confidence", "created_at", "id"
        )
    if order == "oldest":
        return articles.order_by("created_at", "id")
    return articles.order_by("-created_at", "-id")


def queue_counts_attach(articles: list[Article]) -> None:
    """Set `pending` and `doubtful` (mention counts) on each article of a queue page."""
    ids = [a.pk for a in articles]
    counts = dict(
        Mention.objects.pending()
        .filter(article__in=ids)
        .values_list("article")
        .annotate(n=Count("id"))
        .order_by()
    )
    doubtful = dict(
        Mention.objects.pending()
        .doubtful()
        .filter(article__in=ids)
        .values_list("article")
        .annotate(n=Count("id"))
        .order_by()
    )
    for article in articles:
        article.pending = counts.get(article.pk, 0)
        article.doubtful = doubtful.get(article.pk, 0)


def claim_list(*, status: str = "", query: str = "") -> QuerySet[Claim]:
    """The newsroom's claim list, last changed first, optionally by status and text."""
    claims = Claim.objects.select_related("claimant", "verdict").annotate(
        appearances=Count("mentions", distinct=True)
    )
    if status in Claim.Status.values:
        claims = claims.filter(status=status)
    if query:
        claims = claims.filter(Q(statement__icontains=query) | Q(claimant__name__icontains=query))
    return claims.order_by("-updated_at", "-id")


def claim_history(claim: Claim) -> list[dict]:
    """Who changed what on the claim, its tasks and its evidence, newest first."""
    entries = []
    ratings = dict(Rating.objects.values_list("pk", "label"))

    def collect(records, label: Callable) -> None:
        records = list(records)
        by_object = defaultdict(list)
        for record in records:
            by_object[record.id].append(record)
        for versions in by_object.values():
            versions.sort(key=lambda r: r.history_date)
            for previous, record in zip([None, *versions[:-1]], versions, strict=True):
                changes = []
                if previous is not None:
                    delta = record.diff_against(previous)
                    changes = [
                        (
                            c.field,
                            _display(record, c.field, c.old, ratings),
                            _display(record, c.field, c.new, ratings),
                        )
                        for c in delta.changes
                    ]
                entries.append(
                    {
                        "what": label(record),
                        "kind": record.get_history_type_display(),
                        "who": record.history_user,
                        "when": record.history_date,
                        "reason": getattr(record, "history_change_reason", "") or "",
                        "changes": changes,
                    }
                )

    collect(
        claim.history.select_related("history_user").order_by("-history_date")[:100],
        lambda r: "Claim",
    )
    collect(
        Task.history.filter(claim_id=claim.pk).select_related("history_user")[:100],
        lambda r: f"Task “{r.title}”",
    )
    collect(
        Evidence.history.filter(claim_id=claim.pk).select_related("history_user")[:100],
        lambda r: f"Evidence “{r.title}”",
    )
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


def _display(record, field: str, value, ratings: dict[int, str]) -> str:
    """A history value as people read it: labels, not codes or ids."""
    if value in (None, ""):
        return "—"
    if field == "verdict":
        return ratings.get(value, str(value))
    model_field = record.instance_type._meta.get_field(field)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if field in {"assignee", "claimant", "created_by", "publication_requested_by"}:
        return f"#{value}"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def tasks_of(user: AbstractBaseUser) -> QuerySet[Task]:
    """Someone's tasks, open ones first by due date."""
    return (
        Task.objects.filter(assignee=user)
        .select_related("claim", "created_by")
        .order_by("state", "due_date", "id")
    )


def board_columns() -> list[dict]:
    """Open tasks grouped by assignee (by username), with each column's overdue count."""
    today = timezone.localdate()
    tasks = Task.objects.open().select_related("assignee", "claim").order_by("due_date", "id")
    by_assignee: dict = defaultdict(list)
    for task in tasks[:1000]:
        by_assignee[task.assignee].append(task)
    return [
        {
            "assignee": assignee,
            "tasks": items,
            "overdue": sum(1 for t in items if t.due_date and t.due_date < today),
        }
        for assignee, items in sorted(by_assignee.items(), key=lambda kv: kv[0].get_username())
    ]
