"""Confidence that means something: the precision a claim's rule had on real news.

Each rule gives its claims a first guess of confidence. On its own that number says little:
a rule can guess 0.9 and be right two times in three. ``calibration.json``, written by
``manage.py calibrate_confidence`` from annotated real articles, holds per language and per
rule how many of the rule's predictions matched a gold claim; a claim's confidence becomes
that precision, pulled towards the rule's own guess when the rule was seen only a few times:

    confidence = (matched + PRIOR_WEIGHT * guess) / (predicted + PRIOR_WEIGHT)

A rule the table does not know keeps its guess. The review queue can then put the claims of
the least reliable rules first, and ``evaluate_extraction --confidence-bands`` shows whether
the bands hold.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("calibration.json")
PRIOR_WEIGHT = 2.0  # the rule's own guess counts as this many observations

_raw = contextvars.ContextVar("claimtrack_raw_confidence", default=False)


@cache
def _table(path: Path = TABLE_PATH) -> dict[str, dict[str, tuple[int, int]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {
        language: {rule: (int(m), int(n)) for rule, (m, n) in rules.items()}
        for language, rules in data.get("rules", {}).items()
    }


def calibrated(language: str, rule: str, guess: float, table: dict | None = None) -> float:
    """The confidence of a claim of ``rule`` in ``language`` whose rule guessed ``guess``."""
    if _raw.get():
        return guess
    counts = (table if table is not None else _table()).get(language, {}).get(rule)
    if not counts:
        return guess
    matched, predicted = counts
    return round((matched + PRIOR_WEIGHT * guess) / (predicted + PRIOR_WEIGHT), 2)


def reload() -> None:
    """Read the table again (after ``calibrate_confidence --write``)."""
    _table.cache_clear()


@contextmanager
def raw_confidence() -> Iterator[None]:
    """Within this block the extractor returns its rules' own guesses (to calibrate them)."""
    token = _raw.set(True)
    try:
        yield
    finally:
        _raw.reset(token)


def count(outcomes: Iterable[tuple[str, str, bool]]) -> dict[str, dict[str, list[int]]]:
    """(language, rule, matched) per prediction -> {language: {rule: [matched, predicted]}}."""
    table: dict[str, dict[str, list[int]]] = {}
    for language, rule, matched in outcomes:
        cell = table.setdefault(language, {}).setdefault(rule, [0, 0])
        cell[0] += bool(matched)
        cell[1] += 1
    return table
