"""Shapes of reporting clauses around a cue, for ``constructions/reporting_verb``: "as X
said" before or after the clause it reports, a quotation right after the cue, a cue
interrupting a clause, and a cue in a subordinate clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import QUOTE_CHARS
from .common import SENT_END, _is_word

if TYPE_CHECKING:
    from ..runner import DocExtractor


def _as_clause(ex: DocExtractor, si: int, s: int, e: int, i: int, lemma: str, vg: int) -> bool:
    """ "X, comme l'affirmait le député Y" / "X, as the paper had reported": Y made the
    statement reported just before, so it gets a claim on the same span."""
    toks = ex.toks
    opener = None
    for j in range(vg - 1, max(s - 1, vg - 8), -1):
        low = toks[j].lower_
        if low in ex.m.as_clause_openers:
            if j > s and toks[j - 1].text == "," or _opens_sentence(ex, s, j):
                opener = j
            break
        if toks[j].text in (",", ";", ":") or ex.in_quote(j) or ex.is_finite(j):
            break
    if opener is None:
        return False
    start = toks[opener].idx
    prev = [c for c in ex.sent_claims(si, i) if c.quote_type == "indirect" and c.end <= start]
    k = vg
    while k > opener + 1 and toks[k - 1].lower_ in ex.m.as_clause_clitics:
        k -= 1
    vg_end = ex.verb_group_end(i)
    np = (opener + 1, k) if k > opener + 1 else ex.right_np(vg_end, e)
    if np is None:
        return False
    if prev:
        span = (prev[-1].start, prev[-1].end)
    else:
        span = _as_clause_content(ex, s, e, opener, i, vg_end)
        if span is None:
            return False
    frame = ex.make_frame(np, None, np[0])
    claim = ex.add_claim(
        span,
        frame,
        " ".join((toks[opener].text, ex.cue_text(k, vg_end))),
        "indirect",
        ex.m.speech_verbs[lemma],
        0.6,
        "as_clause",
        si,
        i,
    )
    if claim is not None:
        ex.consumed.add(i)
    return claim is not None


def _opens_sentence(ex: DocExtractor, s: int, j: int) -> bool:
    """ "As X reported, ...": the opener starts the sentence, or follows only a quotation
    mark or a short adverbial set off by a comma ("Of course, as X noted, ...")."""
    toks = ex.toks
    k = s
    while k < j and (toks[k].text in QUOTE_CHARS or toks[k].is_space):
        k += 1
    if k == j:
        return True
    return (
        toks[j - 1].text == ","
        and all(t.pos_ in ("ADV", "ADP", "DET", "ADJ", "NOUN", "PUNCT") for t in toks[k : j - 1])
        and j - 1 - k <= 3
    )


def _as_clause_content(
    ex: DocExtractor, s: int, e: int, opener: int, i: int, vg_end: int
) -> tuple[int, int] | None:
    """What "as X said" refers to when no claim before it does: the clause before
    (", as X noted.") or, opening the sentence, the clause after ("As X reported, Y.").
    The cue must have no content of its own ("as X said he would")."""
    toks = ex.toks
    if any(c.i > i and c.dep_ in ("ccomp", "dobj", "obj", "xcomp") for c in toks[i].children):
        return None
    j = ex._skip_adjuncts(vg_end, e)
    if j >= e or toks[j].text not in (",",) + tuple(SENT_END):
        return None
    if opener > s and toks[opener - 1].text == "," and not _opens_sentence(ex, s, opener):
        if j < e and toks[j].text == "," and not ex._has_finite(s, opener - 1):
            return None
        cs = _content_left_start(ex, s, opener - 1)
        segs = ex.split_segments(cs, opener - 1)
        if not segs or ex.seg_kind(*segs[0]) != "clause":
            return None
        return ex.char_span(cs, opener - 1)
    if toks[j].text != ",":
        return None
    cs = j + 1
    while cs < e and toks[cs].text in QUOTE_CHARS:
        cs += 1
    ce = ex.clause_end(cs, e, set(), i)
    while ce > cs and toks[ce - 1].text in QUOTE_CHARS | set(SENT_END):
        ce -= 1
    if ce - cs < 3 or not ex._has_finite(cs, ce):
        return None
    return ex.char_span(cs, ce)


def _quote_right_after(
    ex: DocExtractor, vg_end: int, e: int, anchors: set[int], i: int
) -> tuple[int, int] | None:
    """The inner span of a quoted clause that opens right after the verb group and closes
    the sentence: 'The ad says "nothing will change."'."""
    toks = ex.toks
    if vg_end >= e or toks[vg_end].text not in QUOTE_CHARS or ex.in_quote(vg_end - 1):
        return None
    ce = ex.clause_end(vg_end, e, anchors, i)
    quoted = ex.whole_quote(vg_end, ce)
    if quoted is None:
        return None
    inner = [k for k in range(vg_end + 1, ce) if ex.in_quote(k) and _is_word(toks[k])]
    if len(inner) < 4 or not any(toks[k].pos_ in ("VERB", "AUX") for k in inner):
        return None  # 'called it "a hoax"': a verdict, not a quoted statement
    return quoted


def _interrupted_clause(
    ex: DocExtractor,
    np: tuple[int, int],
    lo: int,
    vg_end: int,
    e: int,
    anchors: set[int],
    i: int,
) -> tuple[int, int] | None:
    """ "Those who can vote, he said, must still register.", "If the vote fails, the
    campaign said, it may not appeal.": subject and verb set off by commas inside a clause
    that has a verb before them; the claim is the whole clause around the cue."""
    toks = ex.toks
    if np[0] <= lo + 2 or toks[np[0] - 1].text != "," or not ex._has_finite(lo, np[0] - 1):
        return None
    if any(ex.in_quote(k) or toks[k].text in QUOTE_CHARS for k in range(lo, np[0])):
        return None
    if toks[i].dep_ in ("relcl", "acl") or ex.toks[np[0]].lower_ in ex.m.coordinators:
        return None
    j = ex._skip_adjuncts(vg_end, e)
    if j + 1 >= e or toks[j].text != ",":
        return None
    nxt = j + 1
    if not _is_word(toks[nxt]) or ex.in_quote(nxt) or toks[nxt].lower_ in ex.m.coordinators:
        return None
    ce = ex.clause_end(nxt, e, anchors, i)
    if ce - nxt < 2:
        return None
    cs = _content_left_start(ex, lo, np[0] - 1)
    return ex.char_span(cs, ce) if cs < np[0] - 1 else None


def _content_left_start(ex: DocExtractor, lo: int, end: int) -> int:
    """Where post-posed content starts: sentence start, or after a dateline."""
    j = ex.skip_dateline(lo, end)
    return j if j < end else end


def _subordinate_end(ex: DocExtractor, i: int, cs: int, ce: int) -> int:
    """ "Shortly after X said A, they left": a cue in a subordinate clause that comes before
    its main clause reports only up to the end of that subordinate clause."""
    tok = ex.toks[i]
    head = tok.head
    if tok.dep_ not in ("advcl",) or head.i <= i or not (cs < head.i < ce):
        return ce
    if not any(c.i < i and (c.dep_ == "mark" or c.tag_ == "WRB") for c in tok.children):
        return ce  # no subordinator: the parse may have misread a main clause
    end = tok.right_edge.i + 1
    while end > cs and ex.toks[end - 1].is_punct and ex.toks[end - 1].text not in QUOTE_CHARS:
        end -= 1
    return end if cs < end < ce else ce
