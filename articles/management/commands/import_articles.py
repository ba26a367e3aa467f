"""`manage.py import_articles FILE`: bulk import of links or texts from JSONL or CSV.

JSONL: one object per line with "url" or "text" (and optionally "title", "language",
"outlet", "published"), or a bare JSON string (a link or a text). CSV: a header row naming
a "url" or "text" column (and the optional ones), or no header and one link or text per row.
A record with a text is imported as that text: its "url" and "published" (YYYY-MM-DD) are
where and when it was published, and nothing is fetched; a record with only a url is fetched.

Every record is submitted like a link or a text pasted by a person: an article already
stored (same canonical link, same text) is counted as a duplicate and nothing is done again,
so running the command a second time resumes an interrupted import.

One bad record never stops an import: it is counted as failed, with its reason, and the
next one is imported. Text is cleaned by the services (NUL bytes, lone surrogates and
control characters dropped); a UTF-8 byte order mark (Excel) is ignored.
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper

from articles.models import Article, Language
from articles.services import article_process_now, article_submit_text, article_submit_url
from claimtrack.text import needs_cleaning

logger = logging.getLogger(__name__)

FIELDS = ("url", "text", "title", "language", "outlet", "published")

CLEANED = (
    "imported, without characters no article can hold (NUL bytes, broken Unicode "
    "surrogates or control characters); check the text against the original"
)


@dataclass
class Record:
    line: int
    url: str = ""
    text: str = ""
    title: str = ""
    language: str = ""
    outlet: str = ""
    published: str = ""
    problem: str = ""

    def had_unstorable_characters(self) -> bool:
        """Whether cleaning changes more than line ends (NUL, lone surrogate, control)."""
        return any(
            needs_cleaning(value)
            for value in (self.url, self.text, self.title, self.language, self.outlet)
        ) or needs_cleaning(self.published)


def _from_value(line: int, value) -> Record:
    if isinstance(value, str):
        value = {"url": value} if value.strip().lower().startswith("http") else {"text": value}
    if not isinstance(value, dict):
        return Record(line, problem="expected an object with a url or a text")
    fields = {key: str(value.get(key) or "") for key in FIELDS}
    if not fields["url"].strip() and not fields["text"].strip():
        return Record(line, problem="neither a url nor a text")
    return Record(line, **fields)


# Bytes that are not UTF-8 are read as lone surrogates (errors="surrogateescape"), so that
# the record holding them fails on its own instead of the whole file.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "not UTF-8 text (byte 0x{byte:02X}): save the file as UTF-8 and import it again"
# A CSV cell may hold a whole article: far more than the csv module's default 131,072.
CSV_FIELD_LIMIT = 16 * 1024 * 1024


def _not_utf8(number: int, value: str) -> Record | None:
    found = _NOT_UTF8.search(value)
    if found is None:
        return None
    return Record(number, problem=NOT_UTF8.format(byte=ord(found.group()) - 0xDC00))


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if (bad := _not_utf8(number, line)) is not None:
                yield bad
                continue
            try:
                yield _from_value(number, json.loads(line))
            except json.JSONDecodeError as error:
                yield Record(number, problem=f"not valid JSON ({error.msg})")
            except RecursionError:
                yield Record(number, problem="not valid JSON (nested too deeply)")
            except ValueError as error:  # e.g. a number of more than 4,300 digits
                yield Record(number, problem=f"not valid JSON ({error})")


def _csv_rows(handle) -> Iterator[tuple[int, list[str] | None, str]]:
    """(row number, row, problem) for each CSV row, numbered as a spreadsheet shows them; a
    row the csv module refuses is a problem, and reading goes on after it."""
    rows = csv.reader(handle)
    for number in itertools.count(1):
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, None, f"not valid CSV ({error})"
            continue
        yield number, row, ""


def read_csv(path: Path) -> Iterator[Record]:
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        names: list[str] | None = None
        for number, row, problem in _csv_rows(handle):
            if problem:
                yield Record(number, problem=problem)
                continue
            if not row or not any(cell.strip() for cell in row):
                continue
            if (bad := _not_utf8(number, "".join(row))) is not None:
                yield bad
                continue
            if names is None:  # the first row: a header naming the columns, or a record
                names = [name.strip().lower() for name in row]
                if "url" in names or "text" in names:
                    continue
                names = []
            if not names:
                yield _from_value(number, row[0])
            else:
                yield _from_value(number, dict(zip(names, row, strict=False)))


class Progress:
    """A progress bar on stderr; a line every 10% when stderr is not a terminal."""

    def __init__(self, stream: OutputWrapper, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.tty = stream.isatty()
        self.last_decile = -1

    def update(self, done: int, note: str = "") -> None:
        share = done / self.total
        if self.tty:
            bar = "#" * int(share * 30)
            line = f"\r{self.label} [{bar:<30}] {done}/{self.total} {share:4.0%} {note}"
            self.stream.write(line, ending="")
            self.stream.flush()
        elif int(share * 10) != self.last_decile:
            self.last_decile = int(share * 10)
            self.stream.write(f"{self.label}: {done}/{self.total} ({share:.0%}) {note}")

    def close(self) -> None:
        if self.tty:
            self.stream.write("")


class Command(BaseCommand):
    help = (
        "Import links or texts in bulk from a JSONL or CSV file, with a progress bar and a "
        "summary. Running it again skips what is already imported (resumes)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--format", choices=("jsonl", "csv"), help="Default: from the name")
        parser.add_argument("--language", choices=Language.values, help="Default language")
        parser.add_argument("--outlet", default="", help="Default outlet name")
        parser.add_argument(
            "--sync", action="store_true", help="Fetch and extract each article in this process"
        )
        parser.add_argument(
            "--wait",
            action="store_true",
            help="After queueing, wait for the workers and report the final outcomes",
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Send again the links that failed in an earlier import",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        kind = options["format"] or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
        records = list(read_csv(path) if kind == "csv" else read_jsonl(path))
        counts: Counter[str] = Counter()
        failures: list[tuple[str, str]] = []
        new_ids: list[tuple[int, int]] = []  # (line, article id)
        cleaned: list[tuple[str, str]] = []
        progress = Progress(self.stderr, len(records), "Importing")
        for done, record in enumerate(records, start=1):
            try:
                outcome, detail = self.import_one(record, options)
            except Exception as error:  # one bad record must not stop the import
                logger.exception("Importing line %s of %s failed", record.line, path)
                outcome, detail = "failed", f"this record could not be stored ({error})"
            counts[outcome] += 1
            if outcome != "failed" and record.had_unstorable_characters():
                cleaned.append((f"line {record.line}", CLEANED))
            if outcome == "failed":
                failures.append((f"line {record.line}", detail))
            elif outcome == "new":
                new_ids.append((record.line, detail))
            progress.update(done, f"{counts['new']} new, {counts['duplicate']} duplicates")
        progress.close()
        if options["wait"] and not options["sync"] and new_ids:
            self.wait([article_id for _, article_id in new_ids])
        if options["sync"] or options["wait"]:
            for line, article_id in new_ids:
                article = Article.objects.get(pk=article_id)
                if article.status in Article.Status.with_error():
                    counts["new"] -= 1
                    counts["failed"] += 1
                    failures.append((f"line {line} (article {article_id})", article.error))
        self.summary(
            path,
            len(records),
            counts,
            failures,
            cleaned,
            queued=not (options["sync"] or options["wait"]),
        )

    def import_one(self, record: Record, options: dict) -> tuple[str, str | int]:
        if record.problem:
            return "failed", record.problem
        common = {
            "language": (record.language or options["language"] or None),
            "outlet_name": record.outlet or options["outlet"],
            "title": record.title,
            "enqueue": not options["sync"],
            "retry_failed": options["retry_failed"],
        }
        try:
            if record.text.strip():  # the text itself; a url beside it says where it is from
                submission = article_submit_text(
                    text=record.text, url=record.url, published=record.published, **common
                )
            else:
                submission = article_submit_url(url=record.url, **common)
        except ValidationError as error:
            return "failed", " ".join(error.messages)
        if submission.duplicate:
            return "duplicate", submission.article.pk
        article = submission.article
        if options["sync"]:
            article = article_process_now(article=article)
        if article.status in Article.Status.with_error():
            return "failed", f"{article.error} (article {article.pk})"
        return "new", article.pk

    def wait(self, ids: list[int]) -> None:
        progress = Progress(self.stderr, len(ids), "Processing")
        while True:
            waiting = Article.objects.filter(
                pk__in=ids, status__in=Article.Status.in_progress()
            ).count()
            progress.update(len(ids) - waiting)
            if not waiting:
                break
            time.sleep(1)
        progress.close()

    def summary(self, path, total, counts, failures, cleaned, *, queued: bool) -> None:
        self.stdout.write(
            f"{path}: {total} record(s): {counts['new']} new, "
            f"{counts['duplicate']} duplicate(s) already imported, {counts['failed']} failed."
        )
        if queued and counts["new"]:
            self.stdout.write(
                f"The {counts['new']} new article(s) are queued for the workers; follow them "
                "on /articles/ (filter by status) or run again with --wait."
            )
        for where, reason in failures:
            self.stdout.write(f"  {where}: {reason}")
        if cleaned:
            self.stdout.write(f"{len(cleaned)} record(s) imported after cleaning:")
            for where, note in cleaned:
                self.stdout.write(f"  {where}: {note}")
