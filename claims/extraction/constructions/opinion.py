"""Opinion prepositions opening a sentence ("pour X, ..." / "in X's view, ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import OPENING_QUOTES, QUOTE_CHARS

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "opinion"
RULES = ("opinion",)  # the rule names its claims carry


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
    """Sentence-initial "Pour le parquet, X ..." when the NP names a source."""
    toks = ex.toks
    segs = ex.split_segments(i + 1, e)
    if len(segs) < 2:
        return
    src = segs[0]
    words = toks[src[0] : src[1]]
    if not words or len(words) > 12:
        return
    if words[0].pos_ == "VERB" or "Inf" in words[0].morph.get("VerbForm"):
        return
    if not (
        any(t.pos_ == "PROPN" for t in words)
        or (len(words) == 1 and words[0].lower_ in ("lui", "elle", "eux"))
    ):
        return
    if ex._has_finite(*src):
        return
    frame = ex.make_frame(src, None, src[0])
    if frame is None:
        return
    rest = 1
    if len(segs) > 2 and not ex._has_finite_or_quoted(*segs[1]):
        # "Pour X, chercheuse à l'Inrae, le problème ...": skip the appositive
        rest = 2
    cs = segs[rest][0]
    if (
        not ex._has_finite_or_quoted(cs, e)
        or ex.in_quote(cs)
        or toks[cs].text in QUOTE_CHARS
    ):
        return
    ce = ex.clause_end(cs, e, anchors, None)
    for k in range(cs + 1, ce - 1):
        # "le problème est plus profond : « ... »": the quote is a claim of its own
        if toks[k].text == ":" and toks[k + 1].text in OPENING_QUOTES:
            ce = k
            break
    ex.add_claim(
        ex.char_span(cs, ce),
        frame,
        toks[i].text,
        "indirect",
        "asserts",
        0.55,
        "opinion",
        si,
        i,
    )
