"""Correction notices: the sentence an outlet adds when it changed an article after the fact.

When a re-fetched version holds a notice the previous one did not, every claim that appears
in the article gets an alert (articles.refetch). The patterns are data: add an outlet's own
formula here, in the language it is written in.
"""

from __future__ import annotations

import re

NOTICE_PATTERNS: dict[str, list[str]] = {
    "en": [
        r"\bcorrections?\s*:",
        r"\ban earlier version of this (?:article|story|report)\b",
        r"\beditor[’']s note\s*:",
        r"\bthis (?:article|story) (?:has been|was) (?:corrected|updated to correct)\b",
    ],
    "fr": [
        r"\brectificatif\b",
        r"\berratum\b",
        r"\bune (?:précédente|première) version de cet article\b",
        r"\bcet article a été (?:modifié|corrigé|rectifié)\b",
    ],
}

_NOTICE = re.compile(
    "|".join(pattern for patterns in NOTICE_PATTERNS.values() for pattern in patterns),
    re.IGNORECASE,
)
# A notice is quoted up to the end of its sentence (or paragraph), at most this long.
NOTICE_MAX_CHARS = 500
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s|\n")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind("\n", 0, at) + 1, 0)
    end_match = _SENTENCE_END.search(text, at)
    end = end_match.start() if end_match else len(text)
    return " ".join(text[start:end].split())[:NOTICE_MAX_CHARS]


def correction_notices(*, old: str, new: str) -> list[str]:
    """The correction notices of `new` that `old` did not have, each as its sentence."""
    previous = _normalised(old)
    found: list[str] = []
    for match in _NOTICE.finditer(new):
        sentence = _sentence_at(new, match.start())
        if sentence and _normalised(sentence) not in previous and sentence not in found:
            found.append(sentence)
    return found
