"""Opinion prepositions opening a sentence ("Pour X, ...", "De l'avis de X, ...", "Aux yeux
de X, ...", "For X, ...", "In the view of X, ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import _is_word
from ..text import OPENING_QUOTES, QUOTE_CHARS

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "opinion"
RULES = ("opinion",)  # the rule names its claims carry


def opener_length(ex: DocExtractor, s: int, e: int) -> int:
    """Tokens of the opinion preposition that opens the sentence at ``s``, or 0."""
    best = 0
    for pattern in ex.m.opinion_prepositions:
        if len(pattern) > best and ex._words_at(s, pattern, e):
            best = len(pattern)
    return best


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
    """Sentence-initial "Pour le parquet, X ..." when the noun phrase names a source."""
    toks = ex.toks
    plen = opener_length(ex, i, e)
    if not plen:
        return
    segs = ex.split_segments(i + plen, e)
    if len(segs) < 2:
        return
    src = segs[0]
    words = [t for t in toks[src[0] : src[1]] if _is_word(t)]
    if not words or len(words) > 12:
        return
    if words[0].pos_ == "VERB" or "Inf" in words[0].morph.get("VerbForm"):
        return
    if not _names_a_source(ex, words):
        return
    if ex._has_finite(*src):
        return
    frame = ex.make_frame(src, None, src[0])
    if frame is None:
        return
    rest = 1
    if len(segs) > 2 and _appositive(ex, *segs[1]):
        # "Pour X, chercheuse à l'Inrae, le problème ...": skip the appositive
        rest = 2
    cs = segs[rest][0]
    ce = ex.clause_end(cs, e, anchors, None)
    for k in range(cs, ce - 1):
        if toks[k].text == ":" and toks[k + 1].text in OPENING_QUOTES:
            if not ex._has_finite(cs, k):
                # "Pour X, son secrétaire général : « ... »": the quote is the opinion
                quoted = _quote_from(ex, k + 1)
                if quoted is not None:
                    ex.add_claim(
                        quoted, frame, toks[i].text, "direct", "asserts", 0.55, "opinion", si, i
                    )
                return
            # "le problème est plus profond : « ... »": the quote is a claim of its own
            ce = k
            break
    if (
        not ex._has_finite_or_quoted(cs, ce)
        or ex.in_quote(cs)
        or toks[cs].text in QUOTE_CHARS
    ):
        return
    claim = ex.add_claim(
        ex.char_span(cs, ce),
        frame,
        ex.cue_text(i, i + plen),
        "indirect",
        "asserts",
        0.55,
        "opinion",
        si,
        i,
    )
    if claim is not None and any(cs <= a < ce and not ex.in_quote(a) for a in anchors):
        # "Pour l'AFP, le ministre a affirmé que ...": the verb's claim, if the verb makes
        # one ("la réforme menace l'emploi" makes none); decided once the sentence is done
        ex.opinions_to_check.append((claim, cs, ce))


def drop_overridden(ex: DocExtractor, si: int) -> None:
    """Drop an opinion claim whose clause holds a reporting verb that made its own claim."""
    pending = ex.opinions_to_check
    if not pending:
        return
    for claim, cs, ce in [p for p in pending if p[0].sent == si]:
        pending.remove((claim, cs, ce))
        if any(
            other.rule != "opinion" and cs <= other.anchor < ce
            for other in ex.claims_by_sent.get(si, ())
        ):
            ex.claims.remove(claim)
            ex.claims_by_sent[si].remove(claim)


def _names_a_source(ex: DocExtractor, words) -> bool:
    """A name, a personal pronoun or a noun that may hold an opinion ("l'organisation")."""
    if len(words) == 1 and words[0].lower_ in ex.m.opinion_pronouns:
        return True
    if any(t.pos_ == "PROPN" for t in words):
        return True
    m = ex.m
    holders = (
        m.opinion_holder_nouns
        | m.government_heads
        | m.group_heads
        | m.spokesperson_heads
        | m.publication_heads
        | m.anonymous_heads
    )
    return any(t.pos_ == "NOUN" and t.lower_ in holders for t in words[:4])


def _appositive(ex: DocExtractor, a: int, b: int) -> bool:
    """A segment without a finite verb, an infinitive or a quotation between the source
    and the content ("juriste à la Ligue"; not "le caractérise d'être « grossier »")."""
    return not ex._has_finite_or_quoted(a, b) and not any(
        t.text in QUOTE_CHARS or "Inf" in t.morph.get("VerbForm") for t in ex.toks[a:b]
    )


def _quote_from(ex: DocExtractor, k: int) -> tuple[int, int] | None:
    q = ex.quote_of[k + 1] if k + 1 < ex.n else -1
    ct = ex.close_tok.get(q)
    if q == -1 or ct is None or ex.open_tok.get(q) != k:
        return None
    return ex.char_span(k + 1, ct)
