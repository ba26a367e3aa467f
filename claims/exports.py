"""The newsroom's data out (issue 14): claims, mentions, sources and reviews as CSV or JSON.

One module for the three ways out: `manage.py export_claims`, the newsroom's Exports page
(`/review/exports/`) and the API (`/api/exports/<kind>.<format>`). Exports are for staff:
they hold unpublished claims and unreviewed mentions, so only journalists and editors reach
them (the views check it); readers have the public API and the DataFeed.

Rows are streamed: read with `values()` through a server-side cursor a few thousand at a
time (`.iterator(chunk_size=...)`) and written out as they come, so 100,000 rows never sit in
memory (`python -m claims.bench_exports` measures it). CSV has a header row, is UTF-8, and
a text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) is prefixed with a quote; JSON is one array of objects.

The kinds:
- claims: every claim, whatever its state, with its claimant and verdict;
- mentions: every attributed statement found, with its article, outlet and review state;
- sources: every speaker, with how many claims and mentions name it;
- reviews: the verdicts — every claim with a verdict set (published, withdrawn or still in
  preparation): rating slug, labels and value, sourcing, conclusion, who asked for the
  publication and who published it, when, the number of public corrections, and whether a
  change of the ruling waits for a second editor.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, Exists, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from claims.models import Claim, Correction, Mention, PendingChange, Source

FORMATS = ("csv", "json")
CHUNK_ROWS = 2000  # rows fetched per round trip of the server-side cursor
LINES_PER_CHUNK = 500  # lines of CSV or JSON sent at once (one write per row is slow)
# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _count(model, field: str) -> Coalesce:
    """How many rows of `model` point at the exported row through `field` (a subquery: no
    GROUP BY over the whole export)."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _claims() -> QuerySet:
    return Claim.objects.values(
        "id", "slug", "statement", "language", "status",
        claimant_pk=F("claimant"), claimant_name=F("claimant__name"),
        verdict_slug=F("verdict__slug"), verdict_label=F("verdict__label"),
        sourcing_code=F("sourcing"), conclusion_text=F("conclusion"),
        published=F("published_at"), created=F("created_at"), updated=F("updated_at"),
        created_by_username=F("created_by__username"),
    )  # fmt: skip


def _mentions() -> QuerySet:
    return Mention.objects.values(
        "id", "article_id", "speaker", "speaker_type", "speaker_title", "content", "start",
        "end", "cue", "quote_type", "stance", "via", "hedges", "confidence", "rule",
        "extractor_version", "review_state", "rejection_reason", "rejection_note", "anchored",
        "removed_at", "created_at",
        article_title=F("article__title"), article_url=F("article__url"),
        article_published_at=F("article__published_at"), outlet=F("article__outlet__name"),
        language=F("article__language"), claim_slug=F("claim__slug"),
        claim_pk=F("claim_id"), responds_to_pk=F("responds_to_id"), source_pk=F("source_id"),
        source_name=F("source__name"),
    )  # fmt: skip


def _sources() -> QuerySet:
    return Source.objects.values(
        "id", "name", "kind", "created_at",
        claims_count=_count(Claim, "claimant"), mentions_count=_count(Mention, "source"),
    )  # fmt: skip


def _reviews() -> QuerySet:
    history = Claim.history.model.objects.filter(
        id=OuterRef("pk"), history_change_reason__in=["Published", "Published again"]
    ).order_by("-history_date")
    return Claim.objects.filter(verdict__isnull=False).values(
        "id", "slug", "statement", "status", "sourcing", "conclusion", "published_at",
        verdict_slug=F("verdict__slug"), verdict_label=F("verdict__label"),
        verdict_label_fr=F("verdict__label_fr"), rating_value=F("verdict__score"),
        publication_requested_by_username=F("publication_requested_by__username"),
        published_by=Subquery(history.values("history_user__username")[:1]),
        corrections_count=_count(Correction, "claim"),
        change_waiting=Exists(PendingChange.objects.filter(claim=OuterRef("pk"))),
    )  # fmt: skip


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: str
    description: str
    rows: Callable[[], QuerySet]
    # (column in the file, key of the values() row); the file's columns, in order.
    columns: tuple[tuple[str, str], ...]
    date_field: str  # what ?since= / ?until= and --since / --until compare
    date_meaning: str


KINDS: dict[str, ExportKind] = {
    kind.name: kind
    for kind in [
        ExportKind(
            "claims",
            gettext_lazy("Claims"),
            gettext_lazy("Every claim, in every state, with its claimant and verdict."),
            _claims,
            (
                ("id", "id"),
                ("slug", "slug"),
                ("statement", "statement"),
                ("language", "language"),
                ("status", "status"),
                ("claimant_id", "claimant_pk"),
                ("claimant", "claimant_name"),
                ("verdict", "verdict_slug"),
                ("verdict_label", "verdict_label"),
                ("sourcing", "sourcing_code"),
                ("conclusion", "conclusion_text"),
                ("published_at", "published"),
                ("created_at", "created"),
                ("updated_at", "updated"),
                ("created_by", "created_by_username"),
            ),
            "updated_at",
            gettext_lazy("last edited"),
        ),
        ExportKind(
            "mentions",
            gettext_lazy("Mentions"),
            gettext_lazy(
                "Every attributed statement found in the articles, reviewed or not, with its "
                "article, outlet, speaker, stance and review state."
            ),
            _mentions,
            (
                ("id", "id"),
                ("article_id", "article_id"),
                ("article_title", "article_title"),
                ("article_url", "article_url"),
                ("outlet", "outlet"),
                ("article_published_at", "article_published_at"),
                ("language", "language"),
                ("claim_id", "claim_pk"),
                ("claim_slug", "claim_slug"),
                ("responds_to_claim_id", "responds_to_pk"),
                ("source_id", "source_pk"),
                ("source", "source_name"),
                ("speaker", "speaker"),
                ("speaker_type", "speaker_type"),
                ("speaker_title", "speaker_title"),
                ("content", "content"),
                ("start", "start"),
                ("end", "end"),
                ("cue", "cue"),
                ("quote_type", "quote_type"),
                ("stance", "stance"),
                ("via", "via"),
                ("hedges", "hedges"),
                ("confidence", "confidence"),
                ("rule", "rule"),
                ("extractor_version", "extractor_version"),
                ("review_state", "review_state"),
                ("rejection_reason", "rejection_reason"),
                ("rejection_note", "rejection_note"),
                ("anchored", "anchored"),
                ("removed_at", "removed_at"),
                ("created_at", "created_at"),
            ),
            "created_at",
            gettext_lazy("found"),
        ),
        ExportKind(
            "sources",
            gettext_lazy("Sources"),
            gettext_lazy("Every speaker, with how many claims and mentions name them."),
            _sources,
            (
                ("id", "id"),
                ("name", "name"),
                ("kind", "kind"),
                ("claims", "claims_count"),
                ("mentions", "mentions_count"),
                ("created_at", "created_at"),
            ),
            "created_at",
            gettext_lazy("first seen"),
        ),
        ExportKind(
            "reviews",
            gettext_lazy("Reviews"),
            gettext_lazy(
                "The verdicts: every claim with a verdict (published, withdrawn or in "
                "preparation), its rating, sourcing, conclusion, who published it and when, "
                "and how many corrections it has."
            ),
            _reviews,
            (
                ("claim_id", "id"),
                ("slug", "slug"),
                ("statement", "statement"),
                ("status", "status"),
                ("verdict", "verdict_slug"),
                ("verdict_label", "verdict_label"),
                ("verdict_label_fr", "verdict_label_fr"),
                ("rating_value", "rating_value"),
                ("sourcing", "sourcing"),
                ("conclusion", "conclusion"),
                ("published_at", "published_at"),
                ("publication_requested_by", "publication_requested_by_username"),
                ("published_by", "published_by"),
                ("corrections", "corrections_count"),
                ("change_waiting", "change_waiting"),
            ),
            "published_at",
            gettext_lazy("published"),
        ),
    ]
}


class ExportError(ValueError):
    """A request for an export that cannot be made, in words for the person who asked."""


def export_kind(name: str) -> ExportKind:
    if name not in KINDS:
        raise ExportError(
            gettext("There is no export of “%(kind)s”: choose one of %(choices)s.")
            % {"kind": name, "choices": ", ".join(KINDS)}
        )
    return KINDS[name]


def export_format(name: str) -> str:
    if name not in FORMATS:
        raise ExportError(
            gettext("“%(format)s” is not an export format: choose csv or json.") % {"format": name}
        )
    return name


def export_date(value: str | None, *, field: str) -> datetime.date | None:
    """A date of the date filter (YYYY-MM-DD), or None when not given."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ExportError(
            gettext("“%(value)s” is not a date for “%(field)s”: write it YYYY-MM-DD.")
            % {"value": value, "field": field}
        ) from None


def export_rows(
    kind: ExportKind,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    chunk_size: int = CHUNK_ROWS,
) -> Iterator[dict]:
    """The rows of an export, oldest first, read `chunk_size` at a time; each a dict of the
    file's columns. Dates compare in the site's time zone, `until` included."""
    rows = kind.rows()
    if since:
        rows = rows.filter(**{f"{kind.date_field}__date__gte": since})
    if until:
        rows = rows.filter(**{f"{kind.date_field}__date__lte": until})
    for row in rows.order_by("pk").iterator(chunk_size=chunk_size):
        yield {column: row[key] for column, key in kind.columns}


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_cell(value) -> str | int | float:
    """A value as a spreadsheet cell: lists joined with "; ", booleans as true/false, empty
    for None, and a text that would start a formula prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    value = str(_plain(value))
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_stream(kind: ExportKind, rows: Iterable[dict]) -> Iterator[str]:
    """The CSV text, a header row then the rows, in pieces of a few hundred lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column for column, _ in kind.columns])
    lines = 0
    for row in rows:
        writer.writerow([csv_cell(value) for value in row.values()])
        lines += 1
        if lines % LINES_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_stream(rows: Iterable[dict]) -> Iterator[str]:
    """One JSON array of objects, one per line, in pieces of a few hundred rows."""
    pieces, separator = ["["], "\n"
    for row in rows:
        text = json.dumps({key: _plain(value) for key, value in row.items()}, ensure_ascii=False)
        pieces.append(separator + text)
        separator = ",\n"
        if len(pieces) >= LINES_PER_CHUNK:
            yield "".join(pieces)
            pieces = []
    pieces.append("\n]\n")
    yield "".join(pieces)


def export_stream(
    kind: ExportKind,
    fmt: str,
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> Iterator[str]:
    """The export as text, in pieces, for a file or a streamed response."""
    rows = export_rows(kind, since=since, until=until)
    return csv_stream(kind, rows) if fmt == "csv" else json_stream(rows)


CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def export_filename(kind: ExportKind, fmt: str) -> str:
    return f"claimtrack-{kind.name}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def export_response(kind: ExportKind, fmt: str, *, since=None, until=None):
    """A streamed download of the export (the newsroom's page and the API)."""
    from django.http import StreamingHttpResponse

    response = StreamingHttpResponse(
        (piece.encode() for piece in export_stream(kind, fmt, since=since, until=until)),
        content_type=CONTENT_TYPES[fmt],
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename(kind, fmt)}"'
    # Staff data: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
