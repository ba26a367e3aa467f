"""Score the extractor against annotated corpora (see /work/shared/eval/README.md)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import extract
from claims.extraction.scoring import evaluate, format_table, load_corpus


class Command(BaseCommand):
    help = "Evaluate claim extraction on .jsonl/.json corpora: P, R, F1 and accuracies."

    def add_arguments(self, parser):
        parser.add_argument("corpora", nargs="+", metavar="CORPUS")
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="List missed, spurious and wrongly attributed claims per document.",
        )

    def handle(self, *args, **options):
        docs = []
        for path in options["corpora"]:
            if not path.endswith((".json", ".jsonl")):
                raise CommandError(f"{path}: expected a .json or .jsonl corpus")
            try:
                docs.extend(load_corpus(path))
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc}") from exc
            except (ValueError, UnicodeDecodeError) as exc:
                raise CommandError(str(exc)) from exc
        report = evaluate(docs, extract)
        self.stdout.write(format_table(report))
        if options["verbose"]:
            for doc in report.docs:
                if not (doc.misses or doc.spurious or doc.errors):
                    continue
                self.stdout.write(f"\n== {doc.id} ({doc.language})")
                for claim in doc.misses:
                    self.stdout.write("  missed   " + json.dumps(claim, ensure_ascii=False))
                for claim in doc.spurious:
                    self.stdout.write("  spurious " + json.dumps(claim, ensure_ascii=False))
                for err in doc.errors:
                    self.stdout.write("  wrong    " + json.dumps(err, ensure_ascii=False))
