""" "the plan, which Mr. Abt called “a disgrace”", "what she described as “a farce”": a
qualifying verb in an object relative, its subject just before it and its quoted verdict
right after it; the subject speaks, the quoted words are the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import _is_word

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "called_relative"
RULES = ("called_relative",)  # the rule names its claims carry

# at most this many tokens in the subject between the relative and the verb group
_SUBJECT_WORDS = 6


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, lemma: str, vg: int) -> bool:
    """A claim for the qualifying verb at ``i`` (its verb group starts at ``vg``) when it
    is the verb of an object relative with a quoted verdict; True when this construction
    owns the cue."""
    m = ex.m
    toks = ex.toks
    if lemma not in m.qualifying_verbs or not m.object_relatives:
        return False
    rel = None
    for j in range(vg - 1, max(s, vg - 1 - _SUBJECT_WORDS) - 1, -1):
        t = toks[j]
        if t.lower_ in m.object_relatives and not ex.in_quote(j):
            rel = j
            break
        if not _is_word(t) or ex.in_quote(j) or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            return False
    if rel is None or rel + 1 >= vg:
        return False
    k = ex.verb_group_end(i)
    if k < e and toks[k].lower_ in m.verdict_links:
        k += 1  # "what she described as “a farce”"
    if k >= e or k not in ex.opening_marks or k + 1 >= e:
        return False
    q = ex.quote_of[k + 1]
    if q == -1 or ex.open_tok.get(q) != k or ex.close_tok.get(q) is None:
        return False
    o, c = ex.quotes[q]
    span = ex.trim(o + ex.mark_len[q], c)
    if span is None:
        return False
    frame = ex.make_frame((rel + 1, vg), None, rel + 1)
    if frame is None:
        return False
    claim = ex.add_claim(
        span,
        frame,
        ex.cue_text(vg, ex.verb_group_end(i)),
        "direct",
        m.speech_verbs[lemma],
        0.6,
        NAME,
        si,
        i,
    )
    if claim is None:
        return False
    ex.consumed.add(i)
    return True
