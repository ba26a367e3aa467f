"""Attributed-claim extraction for French and English news articles.

Pure Python + spaCy; no Django. ``extract(text, language)`` returns a list of
:class:`ExtractedClaim` whose offsets always index the text it was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from . import calibration
from .engine.hedges import ATTRIBUTION_HEDGES, attribution_hedges
from .engine.outlets import to_public
from .language_id import detect_language, identify_language, language_name
from .pipeline import SUPPORTED_LANGUAGES, configure, model_name, nlp_for
from .runner import DocExtractor
from .text import normalize
from .types import ExtractedClaim

EXTRACTOR_VERSION = "5"  # 5: hedges (issue 13)
CHUNK_CHARS = 20000  # long articles are parsed in paragraph-aligned chunks

__all__ = [
    "ATTRIBUTION_HEDGES",
    "EXTRACTOR_VERSION",
    "SUPPORTED_LANGUAGES",
    "ExtractedClaim",
    "attribution_hedges",
    "configure",
    "detect_language",
    "extract",
    "extract_batch",
    "identify_language",
    "language_name",
    "model_name",
    "nlp_for",
]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def _chunks(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into (start, end) pieces of at most ~CHUNK_CHARS, at line breaks."""
    if len(text) <= CHUNK_CHARS:
        return [(0, len(text))]
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = None
            for m in _PARAGRAPH_BREAK.finditer(text, start + CHUNK_CHARS // 2, end):
                cut = m.end()
            if cut is None:
                space = text.rfind(" ", start + CHUNK_CHARS // 2, end)
                cut = space + 1 if space > start else end
            end = cut
        out.append((start, end))
        start = end
    return out


def _resolve_language(text: str, language: str | None) -> str:
    if language is None:
        language = detect_language(text) or "en"
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"Unsupported language {language!r}: claim extraction supports "
            f"{', '.join(SUPPORTED_LANGUAGES)}."
        )
    return language


def extract(text: str, language: str | None = None) -> list[ExtractedClaim]:
    """Extract attributed claims from one article."""
    if not text or not text.strip():
        if language is not None:
            _resolve_language(text or "", language)
        return []
    language = _resolve_language(text, language)
    return extract_batch([text], language)[0]


def extract_batch(
    texts: list[str], language: str, batch_size: int = 32
) -> list[list[ExtractedClaim]]:
    """Extract claims from many articles of one language, parsing them with ``nlp.pipe``."""
    language = _resolve_language("", language)
    results: list[list[ExtractedClaim]] = [[] for _ in texts]
    for ti, start, original, doc in parsed_pieces(texts, language, batch_size):
        claims = DocExtractor(doc, original, language, start).run()
        for claim in to_public(claims, original, start, language):
            claim.confidence = calibration.calibrated(language, claim.rule, claim.confidence)
            results[ti].append(claim)
    return results


def parsed_pieces(
    texts: list[str], language: str, batch_size: int = 32
) -> Iterable[tuple[int, int, str, Doc]]:
    """(text index, start offset, original piece, parsed piece) for every piece of the
    texts: long articles go in pieces of ~CHUNK_CHARS, each normalized then parsed."""
    nlp = nlp_for(language)
    pieces: list[tuple[int, int, int]] = []  # (text index, start, end)
    for ti, text in enumerate(texts):
        if text and text.strip():
            for start, end in _chunks(text):
                pieces.append((ti, start, end))
    normalized: dict[int, str] = {}

    def stream() -> Iterable[str]:
        for ti, start, end in pieces:
            if ti not in normalized:
                normalized.clear()
                normalized[ti] = normalize(texts[ti])
            yield normalized[ti][start:end]

    for (ti, start, end), doc in zip(
        pieces, nlp.pipe(stream(), batch_size=batch_size), strict=True
    ):
        yield ti, start, texts[ti][start:end], doc
