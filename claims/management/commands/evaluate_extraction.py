"""Score the extractor against annotated corpora (see /work/shared/eval/README.md)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import extract, model_name
from claims.extraction.evaluation.scoring import (
    by_construction,
    confidence_bands,
    evaluate,
    format_table,
    format_tally_table,
    load_corpus,
    recall_by_gold_construction,
)


def load_corpora(paths: list[str]) -> list[dict]:
    """The annotated articles of every corpus, or a CommandError saying which file failed."""
    docs = []
    for path in paths:
        try:
            docs.extend(load_corpus(path))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(str(exc)) from exc
    return docs


def load_predictions(path: str) -> dict[str, list[dict]]:
    """Predictions read from a file instead of running the extractor: a predictions file
    (article id -> claims, as --predictions writes it) or a corpus in the gold format (its
    claims are the predictions; a speaker list stands for its first, resolved, name)."""
    if not path.endswith((".json", ".jsonl")):
        raise CommandError(f"{path}: expected a .json or .jsonl file of predictions")
    data = None
    if path.endswith(".json"):
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: invalid JSON ({exc})") from exc
    if isinstance(data, dict) and "text" not in data:
        if not all(isinstance(v, list) for v in data.values()):
            raise CommandError(f"{path}: expected article ids, each with a list of claims")
        by_id = {str(k): v for k, v in data.items()}
    else:
        by_id = {str(doc.get("id", "")): doc.get("claims", []) for doc in load_corpora([path])}
    for claims in by_id.values():
        for claim in claims:
            if isinstance(claim, dict) and isinstance(claim.get("speaker"), list):
                claim["speaker"] = claim["speaker"][0] if claim["speaker"] else ""
    return by_id


class Command(BaseCommand):
    help = "Evaluate claim extraction on .jsonl/.json corpora: P, R, F1 and accuracies."

    def add_arguments(self, parser):
        parser.add_argument("corpora", nargs="+", metavar="CORPUS")
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="List missed, spurious and wrongly attributed claims per document.",
        )
        parser.add_argument(
            "--by-construction",
            action="store_true",
            help="Precision per extractor rule, and recall per construction of the gold claims.",
        )
        parser.add_argument(
            "--confidence-bands",
            action="store_true",
            help="Precision per band of the predictions' confidence.",
        )
        parser.add_argument(
            "--predictions",
            metavar="FILE",
            help="Also write the predictions as JSON (article id -> claims), the input of "
            "the reference scorers (eval/score.py, eval/polnear/score_adjusted.py).",
        )
        parser.add_argument(
            "--against",
            metavar="FILE",
            help="Score the predictions of FILE instead of running the extractor: a "
            "predictions file (as --predictions writes) or a corpus in the gold format "
            "(e.g. an export_gold file scored against itself).",
        )

    def handle(self, *args, **options):
        for path in options["corpora"]:
            if not path.endswith((".json", ".jsonl")):
                raise CommandError(f"{path}: expected a .json or .jsonl corpus")
        docs = load_corpora(options["corpora"])
        predictions: dict[str, list[dict]] = {}
        ids = iter([str(doc.get("id", "")) for doc in docs])  # evaluate() keeps their order
        given = load_predictions(options["against"]) if options["against"] else None

        def extract_and_keep(text, language):
            if given is not None:
                doc_id = next(ids)
                predictions[doc_id] = list(given.get(doc_id, []))
                return predictions[doc_id]
            claims = extract(text, language)
            predictions[next(ids)] = [claim.to_dict() for claim in claims]
            return claims

        report = evaluate(docs, extract_and_keep)
        if options["predictions"]:
            try:
                with open(options["predictions"], "w", encoding="utf-8") as out:
                    json.dump(predictions, out, ensure_ascii=False)
            except OSError as exc:
                raise CommandError(f"Cannot write {options['predictions']}: {exc}") from exc
        languages = sorted(report.by_language)
        models = ", ".join(
            f"{lang}: {model_name(lang)}" for lang in languages if lang in ("fr", "en")
        )
        if given is not None:
            self.stdout.write(f"predictions: {options['against']}")
        elif models:
            self.stdout.write(f"models: {models}")
        self.stdout.write(format_table(report))
        if options["by_construction"]:
            self.stdout.write("\nPredictions per extractor rule (P = matched / predicted)")
            self.stdout.write(format_tally_table("rule", by_construction(report).items(), "P"))
            self.stdout.write("\nGold claims per construction (R = matched / gold)")
            self.stdout.write(
                format_tally_table(
                    "gold construction", recall_by_gold_construction(report).items(), "R"
                )
            )
        if options["confidence_bands"]:
            self.stdout.write("\nPredictions per confidence band (P = matched / predicted)")
            self.stdout.write(format_tally_table("confidence", confidence_bands(report), "P"))
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
