"""Measure each extractor rule's precision on annotated real news: the claims' confidence.

    manage.py calibrate_confidence CORPUS.jsonl ... [--write]

Prints, per language and rule, how many predictions matched a gold claim, then the
precision per confidence band when every article is scored with a table made from the
*other* articles only (leave one article out): what the bands are worth on unseen text.
``--write`` stores the table in ``claims/extraction/calibration.json``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import EXTRACTOR_VERSION, calibration, extract
from claims.extraction.evaluation.scoring import (
    Counts,
    Report,
    confidence_bands,
    format_tally_table,
    score_document,
)
from claims.management.commands.evaluate_extraction import load_corpora


class Command(BaseCommand):
    help = "Calibrate the extractor's confidence per rule on annotated corpora."

    def add_arguments(self, parser):
        parser.add_argument("corpora", nargs="+", metavar="CORPUS")
        parser.add_argument(
            "--write",
            action="store_true",
            help=f"Write the table to {calibration.TABLE_PATH.name} next to the extractor.",
        )
        parser.add_argument(
            "--output",
            metavar="FILE",
            help="With --write: write the table here instead (to compare tables).",
        )

    def handle(self, *args, **options):
        docs = load_corpora(options["corpora"])
        if not docs:
            raise CommandError("No annotated articles in the corpora given.")
        scored = []  # (language, DocResult)
        with calibration.raw_confidence():
            for doc in docs:
                predicted = extract(doc.get("text", ""), doc.get("language"))
                scored.append((str(doc.get("language", "")), score_document(doc, predicted)))
        outcomes = [(lang, p.rule, p.matched) for lang, r in scored for p in r.predictions]
        table = calibration.count(outcomes)
        self.stdout.write("lang  rule                     matched  predicted      P")
        for language in sorted(table):
            for rule, (matched, predicted) in sorted(table[language].items()):
                rate = matched / predicted
                row = f"{language:4}  {rule:23}  {matched:7}  {predicted:9}  {rate:.3f}"
                self.stdout.write(row)
        held_out = []
        for language, result in scored:
            own = calibration.count((language, p.rule, p.matched) for p in result.predictions)
            others = {
                lang: {
                    rule: (m - mine[0], n - mine[1])
                    for rule, (m, n) in rules.items()
                    for mine in [own.get(lang, {}).get(rule, [0, 0])]
                }
                for lang, rules in table.items()
            }
            predictions = [
                replace(
                    p,
                    confidence=calibration.calibrated(
                        language, p.rule, p.confidence or 0.5, table=others
                    ),
                )
                for p in result.predictions
            ]
            held_out.append(replace(result, predictions=predictions))
        report = Report(by_language={}, overall=Counts(), docs=held_out)
        self.stdout.write(
            "\nPrecision per confidence band, each article scored with a table made "
            "without it (leave one article out)"
        )
        self.stdout.write(format_tally_table("confidence", confidence_bands(report), "P"))
        if options["write"]:
            data = {
                "about": "Per language and rule: [matched, predicted] on the corpora named; "
                "made by manage.py calibrate_confidence.",
                "extractor_version": EXTRACTOR_VERSION,
                "corpora": [str(path).rsplit("/", 1)[-1] for path in options["corpora"]],
                "rules": table,
            }
            out = Path(options["output"]) if options["output"] else calibration.TABLE_PATH
            try:
                out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")
            except OSError as exc:
                raise CommandError(f"Cannot write {out}: {exc}") from exc
            calibration.reload()
            self.stdout.write(f"\nWrote {out}")
