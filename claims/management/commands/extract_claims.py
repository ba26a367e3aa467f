"""Print the claims extracted from text files as JSON (writes nothing to the database)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import SUPPORTED_LANGUAGES, detect_language, extract


class Command(BaseCommand):
    help = "Extract attributed claims from UTF-8 text files and print them as JSON."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--language",
            choices=SUPPORTED_LANGUAGES,
            default=None,
            help="Language of every file (detected per file when omitted).",
        )

    def handle(self, *args, **options):
        output = []
        for path in options["files"]:
            try:
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"Cannot read {path}: {exc}") from exc
            language = options["language"] or detect_language(text) or "en"
            claims = extract(text, language)
            output.append(
                {
                    "file": path,
                    "language": language,
                    "claims": [claim.to_dict() for claim in claims],
                }
            )
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
