"""Nominal attributions ("une affirmation formulée par X et démentie par Y").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import DASHES

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "nominal"
RULES = ("nominal",)  # the rule names its claims carry


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
