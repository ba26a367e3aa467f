"""Accuracy, memory and time of language identification on short heads of real articles.

    python -m claims.extraction.evaluation.bench_language [FILE.jsonl ...]

Each line of a file is an article with "language" and "text" (and maybe "title"), like the
evaluation corpus; without files the held-out test articles are read. Every head (title, first
sentence, first 30/50/100/200 characters, whole text) is identified; "none" is no answer (the
caller then falls back on the page's <html lang> or asks), "wrong" a wrong one.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import spacy  # noqa: F401 - already in every worker: not counted as the identifier's memory

from ..language_id import identify_language

HELDOUT = Path(__file__).resolve().parents[2] / "tests" / "extraction" / "heldout"
_SENTENCE_END = re.compile(r"(?<=[.!?»\"])\s+(?=[A-ZÀ-Ý«\"])")


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _heads(record: dict) -> list[tuple[str, str]]:
    text = record["text"].strip()
    heads = [("title", record.get("title", ""))] if record.get("title") else []
    heads.append(("sentence", _SENTENCE_END.split(text, maxsplit=1)[0]))
    heads += [(f"{n} chars", text[:n]) for n in (30, 50, 100, 200)]
    return heads + [("full", text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    files = parser.parse_args().files or sorted(HELDOUT.glob("*.jsonl"))
    records = [
        json.loads(line)
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    before = _rss_mb()
    start = time.perf_counter()
    identify_language("Le ministre a déclaré lundi que la réforme serait adoptée.")
    print(f"loaded in {time.perf_counter() - start:.2f} s, +{_rss_mb() - before:.0f} MB RSS")
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seconds: dict[str, list[float]] = defaultdict(list)
    for record in records:
        for kind, head in _heads(record):
            start = time.perf_counter()
            found = identify_language(head)
            seconds[kind].append(time.perf_counter() - start)
            if found is None:
                verdict = "none"
            else:
                verdict = "right" if found == record["language"] else "wrong"
            counts[(kind, record["language"])][verdict] += 1
    print(f"{'head':<10} {'lang':<4} {'right':>5} {'wrong':>5} {'none':>5} {'ms/call':>8}")
    order = list(seconds)  # heads in the order they are cut
    for (kind, language), c in sorted(counts.items(), key=lambda i: (order.index(i[0][0]), i[0])):
        ms = 1000 * sum(seconds[kind]) / len(seconds[kind])
        print(f"{kind:<10} {language:<4} {c['right']:>5} {c['wrong']:>5} {c['none']:>5} {ms:>8.3f}")
    print(f"after {len(records)} articles: +{_rss_mb() - before:.0f} MB RSS")


if __name__ == "__main__":
    main()
