"""A tiny, dependency-free French/English detector based on stopword counts."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_FR = frozenset(
    "le la les des du de et est une un que qui dans pour pas au aux sur avec il elle ils "
    "elles ce ces son sa ses selon ont été sont cette mais ou nous vous leur leurs par "
    "plus être avait était sera après aussi d l qu n s c".split()
)
_EN = frozenset(
    "the and of to is that in for on with said it was as by he she are from at his her "
    "be has have not this which were will would had been their they an its who than "
    "but also after".split()
)


def detect_language(text: str) -> str | None:
    """Return "fr" or "en" from stopword counts, or None when there is no signal."""
    if not text:
        return None
    fr = en = 0
    # Sampling the head of very long texts keeps this O(1) in practice.
    for word in _WORD.findall(text[:20000].lower()):
        if word in _FR:
            fr += 1
        if word in _EN:
            en += 1
    if fr + en < 2 or fr == en:
        return None
    return "fr" if fr > en else "en"
