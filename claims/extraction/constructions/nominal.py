"""Nominal attributions ("une affirmation formulée par X et démentie par Y").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import DASHES

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "nominal"
RULES = ("nominal", "possessed_statement")  # the rule names its claims carry


def find_possessed(ex: DocExtractor, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
    """ "the court's finding that X", "la conclusion de l'enquête selon laquelle X": a
    statement or finding noun with its owner and its content clause; the owner speaks."""
    toks = ex.toks
    m = ex.m
    owner = None
    k = i + 1
    if i >= 2 and toks[i - 1].lower_ in ("'s", "’s"):
        a = i - 2
        while a > s and i - a < 7 and toks[a - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            a -= 1
            if toks[a].pos_ == "DET":
                break
        owner = (a, i - 1)
    elif k < e and toks[k].lower_ in m.owner_prepositions:
        b = k + 1
        while b < e and b - k < 8:
            if any(ex._words_at(b, p, e) for p in m.noun_complementizers):
                break
            if toks[b].text in (",", ";", ".", ":") or ex.in_quote(b) or ex.is_finite(b):
                return
            b += 1
        owner = (k + 1, b)
        k = b
    if owner is None or owner[1] <= owner[0]:
        return
    pattern = next((p for p in m.noun_complementizers if ex._words_at(k, p, e)), None)
    if pattern is None:
        return
    cs = k + len(pattern)
    frame = ex.make_frame(owner, None, owner[0])
    if frame is None or cs >= e:
        return
    ce = _noun_clause_end(ex, i, cs, ex.clause_end(cs, e, anchors, None))
    cue = ex.cue_text(owner[0] if owner[0] < i else i, cs)
    ex.add_claim(
        ex.char_span(cs, ce), frame, cue, "indirect", "asserts", 0.55, "possessed_statement", si, i
    )


def _noun_clause_end(ex: DocExtractor, noun: int, cs: int, ce: int) -> int:
    """Where the clause completing a noun ends when the sentence goes on ("the finding that
    X was void surprised observers"): the parser's subtree of that clause, if it has one."""
    for j in range(cs, ce):
        tok = ex.toks[j]
        if tok.head.i == noun or (tok.head.i < cs and tok.dep_ in ("acl", "ccomp", "appos")):
            return min(ce, tok.right_edge.i + 1)
    return ce


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
    """ "une affirmation formulée par X et démentie par Y": claims sharing a content."""
    toks = ex.toks
    m = ex.m
    j = i + 1
    found = []
    while j < e and j - i < 16:
        low = toks[j].lower_
        if low in m.nominal_participles:
            stance = m.nominal_participles[low]
            k = j + 1
            while k < e and k - j < 8 and toks[k].lower_ not in m.agent_prepositions:
                if toks[k].text in (",", ";", ".") or toks[k].lower_ in m.coordinators:
                    break
                k += 1
            if k < e and toks[k].lower_ in m.agent_prepositions:
                a = k + 1
                b = a
                while (
                    b < e
                    and toks[b].text not in (",", ".", ";")
                    and toks[b].lower_ not in m.coordinators
                    and toks[b].text not in DASHES
                    and b - a < 10
                ):
                    b += 1
                if b > a:
                    found.append((stance, j, (a, b)))
                j = b
                continue
        if toks[j].text in (".", ";") or (toks[j].text == "," and not found):
            break
        j += 1
    if not found:
        return
    # the content is the claim this noun stands in apposition to
    prev = ex.sent_claims(si, i)
    if not prev:
        return
    target = prev[-1]
    for stance, pj, np in found:
        frame = ex.make_frame(np, None, np[0])
        if frame is None:
            continue
        if frame.kind in ("organization",) and any(
            ex.ent_label.get(x) in ("LOC", "GPE") for x in range(*np)
        ):
            frame.kind = "government"
        cue = ex.cue_text(i if pj == found[0][1] else pj, np[0])
        ex.add_claim(
            (target.start, target.end), frame, cue, "indirect", stance, 0.6, "nominal", si, i
        )
