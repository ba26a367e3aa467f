"""Two readings of the segments before a reporting verb, used by ``engine.phrases``: a
name after a comparison opener ("Tout comme X, ex-ministre, l'avait dit") and a quoted
fragment that opens post-posed content ("« Avec X », la question est Y, affirme-t-il")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .common import SENT_END, _is_word

if TYPE_CHECKING:
    from ..runner import DocExtractor


def compared_name(
    ex: DocExtractor, s: int, e: int, nps: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """ "Tout comme Nadia Roux, ancienne ministre, l'avait dit": after a comparison
    opener, a name with an apposition without determiner is the subject of the verb."""
    toks = ex.toks
    for opener in ex.m.comparison_openers:
        words = tuple(opener.split())
        k = s + len(words)
        if k < e and ex._words_at(s, words, e) and toks[k].pos_ == "PROPN":
            break
    else:
        return None
    if len(nps) != 1 or toks[nps[0][0]].pos_ in ("DET", "PROPN", "PRON", "NUM"):
        return None
    if not all(t.pos_ == "PROPN" or t.text == "-" for t in toks[k:e] if _is_word(t)):
        return None
    return k, e


def leading_fragment(ex: DocExtractor, j: int, vg: int) -> bool:
    """ "« Avec la hausse des prix, … », la question est de savoir X, affirme-t-il": a
    quotation opening with a preposition or without a verb of its own opens the content,
    then a comma and a clause (not a cue) lead to the verb."""
    q = ex.quote_of[j - 1] if j > 0 else -1
    ot = ex.open_tok.get(q)
    toks = ex.toks
    if q == -1 or ot is None or j + 2 >= vg or toks[j + 1].text != ",":
        return False
    if ot > 0 and _is_word(toks[ot - 1]) and toks[ot - 1].text not in SENT_END:
        return False
    return (
        (toks[ot + 1].pos_ == "ADP" or not any(ex.is_finite(k) for k in range(ot + 1, j)))
        and toks[j - 1].text not in SENT_END
        and ex.cue_lemma(j + 2) is None
        and any(ex.is_finite(k) and not ex.in_quote(k) for k in range(j + 2, vg))
    )
