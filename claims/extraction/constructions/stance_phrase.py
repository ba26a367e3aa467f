"""Fixed phrases for declining to comment and being unable to verify (the patterns of
the language pack); the rule is the stance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon_common
from ..engine.common import Frame, _is_word
from ..engine.outlets import _acronym, _strip_article

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "stance_phrase"
RULES = ("declines_comment", "cannot_verify")  # the rule names its claims carry


def find(ex: DocExtractor, si: int, s: int, e: int, hit, anchors: set[int]) -> None:
    ti, tj, stance, match = hit
    toks = ex.toks
    vg = ti
    lo = ex._left_bound(s, vg)
    frame = None
    np = None
    asides: list[tuple[int, int]] = []
    passive = bool(ex.lex.passive_verify.search(match.group())) and stance == "cannot_verify"
    after = _source_after(ex, tj, e)
    if passive:
        # agentless "n'a pas pu être vérifié": the outlet itself, named or not
        frame = _own_outlet(ex) or Frame("", "publication")
    elif after is not None:
        # "Il n'y a pas eu de réaction immédiate du gouvernement": the phrase ends on the
        # preposition of an owner, its source follows
        frame = ex.make_frame(after, None, after[0])
    elif vg - 1 >= s and toks[vg - 1].lower_ in ex.m.relative_subjects:
        frame = ex._antecedent(vg - 1)
    else:
        np, asides, clause_end = ex.left_subject(lo, vg)
        np = _without_leading_participle(ex, np)
        prev_tok = toks[vg - 1] if vg > s else None
        if (
            prev_tok is not None
            and prev_tok.lower_ in ex.m.coordinators
            and (np is None or ex.seg_kind(np[0], vg) == "clause")
        ):
            prev = ex.sent_claims(si, ti)
            frame = prev[-1].frame if prev else ex.main_subject(s, vg)
            np = None
        elif np is not None:
            words = [t.lower_ for t in toks[np[0] : np[1]] if _is_word(t)]
            if words and words[0] in ex.m.relative_subjects and len(words) == 1:
                frame = ex._antecedent(np[0])
            else:
                frame = ex.make_frame(np, asides, np[0])
        else:
            frame = None
    if frame is None:
        prev = ex.sent_claims(si, ti)
        if prev and vg > s and toks[vg - 1].lower_ in ex.m.coordinators:
            frame = prev[-1].frame
    if frame is None:
        return
    ce = ex.clause_end(ti, e, anchors - {ti}, None)
    span = ex.char_span(ti, ce)
    cue = " ".join(match.group().split())
    frames = ex._split_coordinated(np, frame, tj - 1) if np is not None else [frame]
    for f in frames:
        via = _recipient_via(ex, ti, ce)
        ex.add_claim(span, f, cue, "indirect", stance, 0.8, stance, si, ti, via)


def _source_after(ex: DocExtractor, tj: int, e: int) -> tuple[int, int] | None:
    """The noun phrase after a stance phrase that ends on an owner's preposition ("de",
    "of"), to the end of the clause."""
    toks = ex.toks
    a = tj
    owner = ex.m.owner_prepositions
    if a < e and toks[a - 1].lower_ in ex.m.articles and toks[a - 2].lower_ in owner:
        a -= 1  # "de la préfecture": the article opens the noun phrase
    elif a >= e or toks[a - 1].lower_ not in owner:
        return None
    b = tj
    while b < e and toks[b].text not in (",", ";", ".", ":", "(") and b - tj < 10:
        b += 1
    return (a, b) if b > tj else None


def _without_leading_participle(ex: DocExtractor, np):
    """ "Contacté par nos soins, le ministère n'a pas répondu": the participle clause before
    the comma is about the subject, not part of it."""
    if np is None or np[1] - np[0] < 3:
        return np
    first, after = ex.toks[np[0]], ex.toks[np[0] + 1]
    participle = first.pos_ == "VERB" or (
        first.lower_.endswith(ex.m.participle_endings)
        and (after.text == "," or after.lower_ in ex.m.agent_prepositions)
    )
    if not participle:
        return np
    for k in range(np[0] + 1, np[1] - 1):
        if ex.toks[k].text == ",":
            return (k + 1, np[1])
    return np


def _recipient_via(ex: DocExtractor, a: int, b: int) -> list[str]:
    """ "a refusé de commenter au WSJ": the addressee relays it when it reported earlier."""
    reporters = [
        c.frame.text for c in ex.claims if c.frame.kind == "publication" and c.stance == "asserts"
    ]
    if not reporters:
        return []
    for j in range(a, min(b, ex.n)):
        if ex.toks[j].lower_ in ("au", "à", "to") and j + 1 < b:
            name = (
                ex.toks[j + 1].text
                if ex.toks[j + 1].lower_ not in ("l'", "l’", "the")
                else (ex.toks[j + 2].text if j + 2 < b else "")
            )
            for r in reversed(reporters):
                if name and (name.lower() in r.lower() or _acronym(r) == name):
                    return [_strip_article(r, ex.m.articles)]
    return []


def _own_outlet(ex: DocExtractor) -> Frame | None:
    """The outlet of an agentless "could not be verified": the agency people spoke to."""
    counts: dict[str, int] = {}
    for j in range(ex.n - 2):
        low = ex.toks[j].lower_
        if low in ("à", "au", "told", "to"):
            k = j + 1
            if ex.toks[k].lower_ in ("l'", "l’", "the"):
                k += 1
            if k < ex.n:
                name = ex.toks[k].text
                if name.lower() in lexicon_common.KNOWN_OUTLETS:
                    counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    name = max(counts, key=counts.get)
    return Frame(name, "publication")
