"""Write the newsroom's claims, mentions, sources or reviews to a CSV or JSON file.

    manage.py export_claims --format csv --out claims.csv
    manage.py export_claims --kind mentions --format json --out - --since 2026-01-01

The rows are streamed (claims.exports): a big export does not load into memory. The file is
written beside its destination and moved into place at the end, so a failed export never
leaves half a file where a good one was.
"""

import os
import tempfile

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from claims.exports import (
    FORMATS,
    KINDS,
    ExportError,
    csv_stream,
    export_date,
    export_format,
    export_kind,
    export_rows,
    json_stream,
)


def _cannot_write(out: str, error: OSError) -> str:
    return gettext("Cannot write %(file)s: %(reason)s.") % {
        "file": out,
        "reason": error.strerror or error,
    }


class _Counted:
    """The rows, counted as they go by (for the summary line)."""

    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


class Command(BaseCommand):
    help = "Export claims, mentions, sources or reviews (the verdicts) as CSV or JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("--out", required=True, help="The file to write; - for stdout.")
        parser.add_argument(
            "--kind", default="claims", help=f"One of: {', '.join(KINDS)} (default: claims)."
        )
        parser.add_argument("--since", help="Only rows dated on or after YYYY-MM-DD.")
        parser.add_argument("--until", help="Only rows dated on or before YYYY-MM-DD.")

    def handle(self, *args, **options) -> None:
        try:
            kind = export_kind(options["kind"])
            fmt = export_format(options["format"])
            since = export_date(options["since"], field="--since")
            until = export_date(options["until"], field="--until")
        except ExportError as error:
            raise CommandError(str(error)) from None
        rows = _Counted(export_rows(kind, since=since, until=until))
        pieces = csv_stream(kind, rows) if fmt == "csv" else json_stream(rows)
        out = options["out"]
        if out == "-":
            for piece in pieces:
                self.stdout.write(piece, ending="")
            self.stdout.flush()
        else:
            self._write_file(out, pieces)
        where = "stdout" if out == "-" else out
        # The summary goes to stderr: with --out - the data alone is on stdout.
        self.stderr.write(
            gettext("Wrote %(count)s %(kind)s (%(format)s) to %(where)s.")
            % {"count": f"{rows.count:,}", "kind": kind.name, "format": fmt, "where": where}
        )

    def _write_file(self, out: str, pieces) -> None:
        folder = os.path.dirname(os.path.abspath(out))
        try:
            handle, partial = tempfile.mkstemp(
                dir=folder, prefix=f".{os.path.basename(out)}.", suffix=".partial"
            )
        except OSError as error:
            raise CommandError(_cannot_write(out, error)) from None
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                for piece in pieces:
                    file.write(piece)
            os.chmod(partial, 0o644)
            os.replace(partial, out)
        except OSError as error:
            os.unlink(partial)
            raise CommandError(_cannot_write(out, error)) from None
        except BaseException:
            os.unlink(partial)
            raise
