""""selon X" / "according to X", leading or trailing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import _is_word
from ..engine.outlets import _outlet_name, _strip_article

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "according"
RULES = ("according_to", "according_to_trailing")  # the rule names its claims carry


def find(ex: DocExtractor, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
    toks = ex.toks
    plen = next(
        len(p)
        for p in ex.m.according_to
        if all(i + k < ex.n and toks[i + k].lower_ == w for k, w in enumerate(p))
    )
    src_start = i + plen
    # the source NP runs to the next comma (plus appositives without a verb)
    segs = ex.split_segments(src_start, e)
    if not segs:
        return
    src = segs[0]
    cue = ex.cue_text(i, src_start)
    leading = (
        i == s
        or all(
            not _is_word(t) or t.lower_ in ex.m.adverbial_openers or t.pos_ == "ADV"
            for t in toks[s:i]
        )
        or (i > s and toks[i - 1].text == "," and _starts_sentence_part(ex, s, i))
    )
    if leading and len(segs) >= 2:
        k = 1
        content_seg_start = segs[1][0]
        while k < len(segs) - 1 and (
            ex.seg_kind(*segs[k]) == "paren"
            or ex.seg_kind(*segs[k]) == "np"
            and not ex._has_finite(*segs[k])
            or _participial_relay(ex, *segs[k])  # "Selon X, citant Y, ..."
        ):
            k += 1
            content_seg_start = segs[k][0]
        frame = ex.make_frame(src, None, src[0])
        if frame is None:
            return
        # "Selon Libération, qui cite trois pharmaciens, X": the cited people speak
        relay_frame, relay_cue = ex._relay(_relative_relays(ex, segs[1:k]), frame)
        if relay_cue is not None and relay_frame is not None:
            frame = relay_frame
        cs = content_seg_start
        ce = ex.clause_end(cs, e, anchors, None)
        span = ex.char_span(cs, ce)
        ex.add_claim(span, frame, cue, "indirect", "asserts", 0.75, "according_to", si, i)
        return
    if i > s and toks[i - 1].text == ",":
        # trailing "..., selon X." : a relay when the clause before is itself a reporting clause
        recent = ex.sent_claims(si, i)
        frame = ex.make_frame(src, None, src[0])
        if frame is None:
            return
        if (
            recent
            and any(s <= c.anchor < i for c in recent)
            and _reporting_clause_before(ex, s, i)
        ):
            for c in recent:
                if frame.text not in c.extra_via:
                    c.extra_via.append(
                        _strip_article(_outlet_name(frame.text), ex.m.articles)
                    )
            return
        lo = s
        span = ex.char_span(lo, i - 1)
        if span is None or not ex._has_finite(lo, i - 1):
            return
        ex.add_claim(
            span, frame, cue, "indirect", "asserts", 0.7, "according_to_trailing", si, i
        )


def _participial_relay(ex: DocExtractor, a: int, b: int) -> bool:
    """ "citant une source proche du dossier", "citing officials": a relay aside."""
    while a < b and not _is_word(ex.toks[a]):
        a += 1
    return (
        a + 1 < b
        and ex.toks[a].lower_ in ex.m.relay_verbs
        and ex.is_participle(a)
        and not ex._has_finite(a + 1, b)
    )


def _relative_relays(ex: DocExtractor, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Relay asides among ``segs``, "qui cite X" included, as (relay verb, end) ranges."""
    out = []
    for a, b in segs:
        while a < b and not _is_word(ex.toks[a]):
            a += 1
        if a + 1 < b and ex.toks[a].lower_ in ex.m.relative_subjects:
            a += 1
        if a < b and ex.toks[a].lower_ in ex.m.relay_verbs:
            out.append((a, b))
    return out


def _starts_sentence_part(ex: DocExtractor, s: int, i: int) -> bool:
    return all(
        not _is_word(t)
        or t.pos_ in ("ADV", "ADP", "CCONJ")
        or t.lower_ in ex.m.adverbial_openers
        for t in ex.toks[s:i]
    )


def _reporting_clause_before(ex: DocExtractor, s: int, i: int) -> bool:
    # the comma before "selon" closes a reporting clause ("», a dit X, selon le WSJ")
    for c in ex.claims:
        if s <= c.anchor < i and c.quote_type == "direct":
            return True
    if any(c.rule in ("postposed",) and s <= c.anchor < i for c in ex.claims):
        return True
    # "X a affirmé que Y, selon Le Parisien": reported content that runs up to the comma
    last = ex.toks[i - 2].idx if i - 2 >= s else -1
    return any(
        s <= c.anchor < i and c.quote_type == "indirect" and c.end > last
        for c in ex.claims_by_sent.get(ex.sent_of[i], ())
    )
