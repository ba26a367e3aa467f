"""Direct quotes, with the reporting clause after, before (":") or around them, or
the speaker of the previous claim for a following quoted sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import SENT_END, Frame, _is_word
from ..text import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "direct_quote"
RULES = ("direct",)  # the rule names its claims carry


def find(
    ex: DocExtractor,
    si: int,
    s: int,
    e: int,
    q: int,
    anchors: set[int],
    vg_of: dict[int, int],
    cues: list[tuple[int, str]],
) -> None:
    toks = ex.toks
    text = ex.text
    o, c = ex.quotes[q]
    ot = ex.open_tok.get(q)
    ct = ex.close_tok.get(q)
    if ot is None or ct is None:
        return
    mark = ex.mark_len[q]
    span = ex.trim(o + mark, c)
    if span is None:
        return
    inner = text[span[0] : span[1]]
    # what precedes the opening mark decides between a quote and a quoted fragment
    p = o - 1
    while p >= 0 and text[p] in " \t":
        p -= 1
    prev_char = text[p] if p >= 0 else "\n"
    if len(inner.split()) < 3:
        # a short quote is a whole utterance only after a colon and with its own full
        # stop: "she said: « Absolutely not. »"
        closing = text[o + mark : c].rstrip()
        if not (prev_char == ":" and closing[-1:] in SENT_END):
            return
    para_start = prev_char == "\n"
    cue_before = None
    if para_start or prev_char in '.!?:;»”"–—' or (ot == s):
        candidate = True
    elif prev_char == ",":
        # "he said, “X”" / "», a-t-il déclaré, « Y »": a reporting clause just before
        cue_before = _cue_before(ex, ot, s, cues)
        candidate = cue_before is not None
    else:
        candidate = False
    if not candidate:
        return
    # 1. reporting clause after the quote
    frame = None
    cue = ""
    stance = "asserts"
    anchor = ot
    via: list[str] = []
    after = [
        (i, lemma) for i, lemma in cues if ct < i < min(e, ct + 30) and i not in ex.consumed
    ]
    if after:
        i, lemma = after[0]
        vg = vg_of.get(i, i)
        between = [
            j
            for j in range(ct + 1, vg)
            if _is_word(toks[j]) and toks[j].text not in QUOTE_CHARS
        ]
        if (
            not any(toks[j].text in OPENING_QUOTES for j in range(ct + 1, vg))
            and len(between) <= 14
            and not any(ex.is_finite(j) and not _in_relative(ex, j, ct) for j in between)
            and not ex.is_participle(i)
            or (ex.is_participle(i) and False)
        ):
            lo = ct + 1
            participial = False
            frame, asides, _, np = ex._speaker_for(
                si, s, i, vg, ex._left_bound(lo, vg) if vg > lo else lo, e, participial
            )
            relay_frame, relay_cue = ex._relay(asides, frame)
            if relay_frame is not None and relay_cue:
                frame = relay_frame
            cue = ex.cue_text(vg, ex.verb_group_end(i))
            stance = ex.m.speech_verbs[lemma]
            anchor = i
            if frame is not None:
                ex.consumed.add(i)
    # 2. reporting clause before: "Saparov told reporters in Astana: «...»"
    if frame is None:
        cb = (
            cue_before
            if cue_before is not None
            else (_cue_before(ex, ot, s, cues) if prev_char in ":," else None)
        )
        if cb is not None:
            i, lemma = cb
            # the clause was already used for a split quote: reuse its claim
            prior = [cl for cl in ex.claims if cl.anchor == i and cl.quote_type == "direct"]
            if prior:
                frame = prior[-1].frame
                cue = prior[-1].cue
                via = list(prior[-1].extra_via)
            else:
                vg = vg_of.get(i, i)
                frame, asides, _, _ = ex._speaker_for(
                    si, s, i, vg, ex._left_bound(s, vg), e, False
                )
                cue = ex.cue_text(vg, ex.verb_group_end(i))
                stance = ex.m.speech_verbs[lemma]
            anchor = i
            ex.consumed.add(i)
    # 3. a following quoted sentence with no new verb: same speaker as the previous claim
    if frame is None:
        # a quotation going on from the paragraph before follows that paragraph's claims
        para = ex.para_of[si] - (q in ex.continues_quote)
        prev = [cl for cl in ex.claims if ex.para_of[cl.sent] == para]
        if prev and (
            prev[-1].quote_type == "direct" or prev[-1].sent == si or prev[-1].sent == si - 1
        ):
            last = prev[-1]
            frame = last.frame
            cue = last.cue
            via = list(last.extra_via)
            anchor = ot
    if frame is None:
        return
    if stance == "asserts" and _negative(ex, ot, ct) and _recent_denial(ex, frame, si):
        stance = "denies"
    rule = "direct"
    ex.add_claim(span, frame, cue, "direct", stance, 0.9, rule, si, anchor, via)


def _cue_before(
    ex: DocExtractor, ot: int, s: int, cues: list[tuple[int, str]]
) -> tuple[int, str] | None:
    before = [(i, lemma) for i, lemma in cues if s <= i < ot]
    if not before:
        return None
    i, lemma = before[-1]
    # only adjuncts between the verb and the quote (no complementizer, no other verb)
    for j in range(ex.verb_group_end(i), ot):
        t = ex.toks[j]
        if t.lower_ in ex.m.complementizers or (
            ex.is_finite(j) and t.lower_ not in ex.m.aux
        ):
            return None
        if t.text in OPENING_QUOTES or t.text in CLOSING_QUOTES:
            if t.text in CLOSING_QUOTES and j < ot:
                continue
            return None
    return i, lemma


def _in_relative(ex: DocExtractor, j: int, lo: int) -> bool:
    """True when token j sits in a relative clause opened after ``lo`` ("qui restent")."""
    return any(
        ex.toks[k].lower_ in ex.m.relative_subjects
        or ex.toks[k].lower_ in ("que", "that")
        for k in range(max(lo, j - 4), j)
    )


def _negative(ex: DocExtractor, a: int, b: int) -> bool:
    return any(ex.toks[j].lower_ in ex.m.negations for j in range(a, b))


def _recent_denial(ex: DocExtractor, frame: Frame, si: int) -> bool:
    for claim in reversed(ex.claims):
        if claim.sent < si - 1:
            return False
        if claim.frame.text == frame.text:
            return claim.stance == "denies"
    return False
