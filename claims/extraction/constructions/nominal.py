"""Nominal attributions ("une affirmation formulée par X et démentie par Y")."""

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


def retrospective_opener(ex: DocExtractor, s: int, e: int) -> int:
    """Tokens of the opener of a sentence that points back to the one before it ("C'est",
    "Tel est", "That is"), or 0."""
    # only the openers whose first word is token s's can match there (an empty one adds 0)
    openers = ex.lex.retrospective_by_first.get(ex.lower[s], ())
    return max((len(p) for p in openers if ex._words_at(s, p, e)), default=0)


def find_retrospective(ex: DocExtractor, si: int, s: int, e: int) -> None:
    """The sentence before is the claim of the source this one names: "C'est la remarque de
    X.", "C'est ce qu'a affirmé X.", "C'est ce que pense X.", "Le constat est de X."."""
    if si == 0:
        return
    toks = ex.toks
    end = e
    while end > s and not any(c.isalnum() for c in toks[end - 1].text):
        end -= 1
    if end - s < 3 or any(ex.in_quote(k) for k in range(s, end)):
        return
    found = _retrospective_source(ex, s, end)
    if found is None:
        return
    np, cue_end, stance = found
    words = [t for t in toks[np[0] : np[1]] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if not words or np[1] - np[0] > 12:
        return
    frame = ex.make_frame(np, None, np[0])
    if frame is None:
        return
    ps, pe = ex.sents[si - 1]
    if ex.quotes_by_sent.get(si - 1) and _one_quote(ex, ps, pe) is not None:
        span, quote_type = _one_quote(ex, ps, pe), "direct"
    else:
        span, quote_type = ex.char_span(ps, pe), "indirect"
    ex.add_claim(span, frame, ex.cue_text(s, cue_end), quote_type, stance, 0.5, "nominal", si, s)


def _retrospective_source(ex: DocExtractor, s: int, end: int):
    """(source span, end of the cue, stance) of "C'est ce qu'a dit X" / "C'est ce que X
    pense" / "C'est l'avis de X" / "Le constat est du X", or None."""
    toks = ex.toks
    m = ex.m
    k = s + retrospective_opener(ex, s, end)
    if k > s:
        rel = next((p for p in m.retrospective_relatives if ex._words_at(k, p, end)), None)
        if rel is not None:
            k += len(rel)
            cue = next((j for j in range(k, min(end, k + 8)) if ex.cue_lemma(j)), None)
            if cue is None:
                return None
            stance = m.speech_verbs.get(ex.cue_lemma(cue), "asserts")
            vg = ex.verb_group_start(cue)
            if vg > k:  # "C'est ce que le ministre a affirmé (mardi)"
                if ex._has_finite(cue + 1, end):
                    return None  # "That was what X said she experienced": not the sentence before
                ex.consumed.add(cue)  # its subject is the source, the sentence before its object
                return (k, vg), cue + 1, stance
            ex.consumed.add(cue)
            return (cue + 1, _np_end(ex, cue + 1, end)), cue + 1, stance
    # "C'est la remarque de X" / "Le constat amer est du X", "Le constat est le récit de X"
    dets = m.articles | m.definite_determiners
    j = k + 1 if toks[k].lower_ in dets else k
    if j >= end or toks[j].lower_ not in m.retrospective_nouns:
        return None
    j += 1
    if k == s:  # no opener: the copula, then maybe another of the nouns, then "de"
        while j < end and j - k < 6 and toks[j].lower_ not in m.retrospective_copulas:
            if ex.is_finite(j) or toks[j].text in (",", ";", ":"):
                return None
            j += 1
        if j >= end or toks[j].lower_ not in m.retrospective_copulas:
            return None
        j += 1
        if j + 1 < end and toks[j].lower_ in dets and toks[j + 1].lower_ in m.retrospective_nouns:
            j += 2
    else:  # "C'est la remarque amère de X": adjectives only
        while j < end and j - k < 5 and toks[j].pos_ == "ADJ":
            j += 1
    if j >= end or toks[j].lower_ not in m.owner_prepositions:
        return None
    return (j + 1, _np_end(ex, j + 1, end)), j + 1, "asserts"


def _np_end(ex: DocExtractor, a: int, end: int) -> int:
    """The end of the source's noun phrase: the end of the sentence, or the punctuation
    before a clause ("X, qui ..."); an appositive ("le directeur, Paul Vernet") is kept."""
    for b in range(a, end):
        if ex.toks[b].text in (";", ":", "(") or ex.toks[b].text in DASHES:
            return b
        if ex.toks[b].text == "," and (end - b > 8 or ex._has_finite(b, end)):
            return b
    return end


def _one_quote(ex: DocExtractor, ps: int, pe: int) -> tuple[int, int] | None:
    """The inside of a quotation that is the whole sentence, if it is one."""
    first = next((k for k in range(ps, pe) if ex.toks[k].text.strip()), ps)
    q = ex.quote_of[first + 1] if first + 1 < pe else -1
    if q == -1 or ex.open_tok.get(q) != first:
        return None
    ct = ex.close_tok.get(q)
    if ct is None or any(ex.toks[k].is_alpha for k in range(ct + 1, pe)):
        return None
    return ex.char_span(first + 1, ct)
