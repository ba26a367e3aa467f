""" "The journal cited the navy as stating that X", "quoted an aide as saying X": the
noun phrase between a relay verb and "as" speaks through the reporting gerund after "as".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import _is_word

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "quoted_as"
RULES = ("quoted_as",)  # the rule names its claims carry


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, lemma: str, anchors: set[int]) -> bool:
    """A claim for the cue at ``i`` when it is the gerund of "cited X as saying"; True
    when this construction owns the cue."""
    toks = ex.toks
    if (
        i - 2 < s
        or toks[i].tag_ not in ex.m.gerund_tags
        or toks[i - 1].lower_ not in ex.m.quoted_as_links
        or ex.in_quote(i - 1)
    ):
        return False
    relay = None
    for j in range(i - 2, max(s, i - 10) - 1, -1):
        t = toks[j]
        if t.lower_ in ex.m.relay_verbs:
            relay = j
            break
        if not _is_word(t) or ex.in_quote(j) or t.pos_ in ("VERB", "AUX", "SCONJ"):
            return False
    if relay is None or relay + 1 >= i - 1:
        return False
    np = (relay + 1, i - 1)
    frame = ex.make_frame(np, None, np[0])
    if frame is None:
        return False
    j = ex.verb_group_end(i)
    content_start, kind, _, _ = ex.right_content(i, lemma, j, e)
    if content_start is None:
        content_start = _subject_and_verb(ex, j, e)
    elif kind not in ("que", "ccomp", "obj"):
        return False
    if content_start is None:
        return False
    ce = ex.clause_end(content_start, e, anchors, i)
    claim = ex.add_claim(
        ex.char_span(content_start, ce),
        frame,
        ex.cue_text(relay, ex.verb_group_end(i)),
        "indirect",
        ex.m.speech_verbs[lemma],
        0.65,
        "quoted_as",
        si,
        i,
    )
    if claim is None:
        return False
    ex.consumed.add(i)
    return True


def _subject_and_verb(ex: DocExtractor, j: int, e: int) -> int | None:
    """ "as stating Polar Air owned the plane": a clause with no "that" the parser did not
    hang on the gerund, a short noun phrase then a finite verb; where it starts."""
    toks = ex.toks
    for k in range(j, min(e, j + 7)):
        if ex.is_finite(k):
            return j if k > j else None
        if ex.in_quote(k) or toks[k].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"):
            return None
    return None
