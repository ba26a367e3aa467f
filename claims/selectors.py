"""Reads of the newsroom workspace that views share: the review queue, the claim list, a
claim's history, someone's tasks, the editors' board (HackSoft's "selectors")."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from articles.models import Article
from claims.models import (
    Claim,
    Evidence,
    Mention,
    PendingChange,
    Rating,
    Source,
    SourceEvent,
    Task,
)


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


def _statement_or_claimant(query: str) -> Q:
    return Q(statement__icontains=query) | Q(claimant__name__icontains=query)


def claim_list(*, status: str = "", query: str = "") -> QuerySet[Claim]:
    """The newsroom's claim list, last changed first, optionally by status and text."""
    claims = Claim.objects.select_related("claimant", "verdict").annotate(
        appearances=Count("mentions", distinct=True)
    )
    if status in Claim.Status.values:
        claims = claims.filter(status=status)
    if query:
        claims = claims.filter(_statement_or_claimant(query))
    return claims.order_by("-updated_at", "-id")


def claim_search(*, query: str, limit: int = 10) -> list[Claim]:
    """Claims whose statement or claimant contains `query`, to link a mention to by hand:
    the last changed first, at most `limit`."""
    query = " ".join(query.split())
    if len(query) < 2:
        return []
    return list(
        Claim.objects.select_related("claimant")
        .filter(_statement_or_claimant(query))
        .order_by("-updated_at", "-id")[:limit]
    )


# Fields the history does not list: bookkeeping that another line already says in words.
HISTORY_SILENT = {"publication_requested_at", "completed_at", "normalized_name"}
# Lazy: the module is imported once, the history is read in each request's language.
HISTORY_KINDS = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
}
# The fixed change reasons claims.services stores in English: the workspace shows them
# translated ({% translate entry.reason %}); any other reason is shown as stored.
HISTORY_REASONS = (
    gettext_noop("Created from an extracted mention"),
    gettext_noop("Publication requested"),
    gettext_noop("Published"),
    gettext_noop("Published again"),
    gettext_noop("Unpublished"),
    gettext_noop("Change approved"),
    gettext_noop("Created by hand"),
)


def claim_history(claim: Claim) -> list[dict]:
    """Who changed what on the claim, its tasks and its evidence, newest first, in words:
    "Publication requested by ana", "Verdict: — → False", never field names and ids."""
    records = [
        ("claim", claim.history.select_related("history_user").order_by("-history_date")[:100]),
        ("task", Task.history.filter(claim_id=claim.pk).select_related("history_user")[:100]),
        (
            "evidence",
            Evidence.history.filter(claim_id=claim.pk).select_related("history_user")[:100],
        ),
    ]
    records = [(kind, list(rows)) for kind, rows in records]
    names = _history_names(row for _kind, rows in records for row in rows)
    entries = []
    for kind, rows in records:
        by_object = defaultdict(list)
        for record in rows:
            by_object[record.id].append(record)
        for versions in by_object.values():
            versions.sort(key=lambda r: r.history_date)
            for previous, record in zip([None, *versions[:-1]], versions, strict=True):
                changes = []
                if previous is not None:
                    delta = record.diff_against(previous)
                    changes = [
                        _history_line(record, c.field, c.old, c.new, names)
                        for c in delta.changes
                        if c.field not in HISTORY_SILENT
                    ]
                entries.append(
                    {
                        "what": _history_subject(kind, record),
                        "kind": HISTORY_KINDS.get(record.history_type, record.history_type),
                        "who": record.history_user,
                        "when": record.history_date,
                        "reason": getattr(record, "history_change_reason", "") or "",
                        "changes": changes,
                    }
                )
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


def _history_subject(kind: str, record) -> str:
    if kind == "task":
        return _("Task “%(title)s”") % {"title": record.title}
    if kind == "evidence":
        return _("Evidence “%(title)s”") % {"title": record.title}
    return _("Claim")


def _history_names(records) -> dict[str, dict[int, str]]:
    """Display names of the users, sources and ratings the records point to (3 queries)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for record in records:
        for field in ("assignee_id", "created_by_id", "publication_requested_by_id", "added_by_id"):
            if getattr(record, field, None):
                wanted["user"].add(getattr(record, field))
        if getattr(record, "claimant_id", None):
            wanted["source"].add(record.claimant_id)
    users = get_user_model().objects.filter(pk__in=wanted["user"])
    sources = dict(Source.objects.filter(pk__in=wanted["source"]).values_list("pk", "name"))
    if wanted["source"] - sources.keys():  # merged since (claims.source_records.source_merge)
        merged = SourceEvent.objects.filter(merged_source_id__in=wanted["source"] - sources.keys())
        sources.update((e.merged_source_id, e.detail.get("merged_name", "")) for e in merged)
    return {
        "user": {u.pk: u.get_username() for u in users},
        "source": sources,
        "rating": {r.pk: r.display_label for r in Rating.objects.all()},
    }


USER_FIELDS = {"assignee", "created_by", "publication_requested_by", "added_by"}
# Field names as the newsroom reads them (model verbose names are not translated).
HISTORY_LABELS = {
    "statement": gettext_lazy("Statement"),
    "claimant": gettext_lazy("Claimant"),
    "language": gettext_lazy("Language"),
    "sourcing": gettext_lazy("Sourcing"),
    "verdict": gettext_lazy("Verdict"),
    "conclusion": gettext_lazy("Conclusion"),
    "status": gettext_lazy("Status"),
    "published_at": gettext_lazy("Published"),
    "title": gettext_lazy("Title"),
    "assignee": gettext_lazy("Assignee"),
    "due_date": gettext_lazy("Due date"),
    "state": gettext_lazy("State"),
    "notes": gettext_lazy("Notes"),
    "url": gettext_lazy("Link"),
    "kind": gettext_lazy("Kind"),
    "relation": gettext_lazy("Relation"),
    "note": gettext_lazy("Note"),
    "is_approved": gettext_lazy("Approved"),
}


def _history_line(record, field: str, old, new, names: dict) -> str:
    """One change as a sentence people read."""
    if field == "publication_requested_by":
        if new:
            return _("Publication requested by %(user)s") % {
                "user": _value(record, field, new, names)
            }
        return _("Publication request closed (approved or withdrawn)")
    label = HISTORY_LABELS.get(field) or capfirst(
        record.instance_type._meta.get_field(field).verbose_name
    )
    return _("%(field)s: %(old)s → %(new)s") % {
        "field": label,
        "old": _value(record, field, old, names),
        "new": _value(record, field, new, names),
    }


def _value(record, field: str, value, names: dict) -> str:
    """A history value as people read it: labels and names, not codes or ids."""
    if value in (None, ""):
        return "—"
    if field == "verdict":
        return names["rating"].get(value, _("a rating since deleted"))
    if field == "claimant":
        return names["source"].get(value, _("a source since deleted"))
    if field in USER_FIELDS:
        return names["user"].get(value, _("an account since deleted"))
    model_field = record.instance_type._meta.get_field(field)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
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


def awaiting_approval_of(user: AbstractBaseUser) -> list[dict]:
    """What waits for this editor's approval: first publications and changes of published
    claims that another editor asked for, oldest request first (two queries)."""
    publications = (
        Claim.objects.filter(status=Claim.Status.IN_REVIEW)
        .exclude(publication_requested_by=user)
        .select_related("publication_requested_by")
        .order_by("publication_requested_at", "id")[:200]
    )
    changes = (
        PendingChange.objects.exclude(requested_by=user)
        .select_related("claim", "requested_by", "verdict")
        .order_by("requested_at", "id")[:200]
    )
    items = [
        {
            "kind": "publication",
            "claim": claim,
            "by": claim.publication_requested_by,
            "at": claim.publication_requested_at,
        }
        for claim in publications
    ] + [
        {
            "kind": "change",
            "claim": c.claim,
            "by": c.requested_by,
            "at": c.requested_at,
            "change": c,
        }
        for c in changes
    ]
    return sorted(items, key=lambda item: (item["at"] is None, item["at"] or 0))
