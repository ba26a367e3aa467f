"""Where the content of a reporting verb ends: a quoted infinitive, and the object's
adjuncts that are about the speaker's act or describe the object rather than what was
said (the channel, a date, an infinitive or participle after a comma, a dismissal's
verdict), used by ``constructions.reporting_verb``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import QUOTE_CHARS

if TYPE_CHECKING:
    from ..runner import DocExtractor


def object_end(ex: DocExtractor, lemma: str, cs: int, ce: int) -> int:
    """The end of the object of the cue ``lemma`` opening at ``cs``, at most ``ce``."""
    ce = _means_adjunct(ex, cs, ce)
    keep = ex.m.object_needs_preposition.get(lemma, ())
    ce = ex._participle_adjunct(cs, _infinitive_adjunct(ex, cs, ce, keep))
    ce = _date_adjunct(ex, cs, _participial_apposition(ex, cs, ce))
    if lemma in ex.m.qualifying_verbs and ex._quoted_verdict(cs, ce):
        ce = _verdict_end(ex, cs, ce)
    if ex.m.speech_verbs[lemma] == "denies":
        ce = _dismissal_verdict(ex, cs, ce)
    return ce


def quoted_infinitive_end(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "qui affirme « agir au nom de Dieu », suite à ...": a quoted infinitive followed by
    a comma is the whole content."""
    toks = ex.toks
    if toks[cs].text not in QUOTE_CHARS or cs + 1 >= ex.n:
        return ce
    close = ex.close_tok.get(ex.quote_of[cs + 1])
    if close is not None and close + 1 < ce and toks[close + 1].text == ",":
        return close + 1
    return ce


def _means_adjunct(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "denied any wrongdoing through his lawyer": the channel is not the object."""
    for k in range(cs + 1, ce):
        if not ex.in_quote(k) and ex._starts_means(k, ce):
            return k
    return ce


def _infinitive_adjunct(ex: DocExtractor, cs: int, ce: int, keep: tuple[str, ...] = ()) -> int:
    """ "a fait état de X, après avoir convoqué Y": the adjunct after the object is
    about the speaker's act, not part of what was said. The preposition the cue takes
    after its object (``keep``: "accuse X, un ancien élu, d'avoir menti") goes on."""
    toks = ex.toks
    for k in range(cs + 1, ce - 2):
        if ex.in_quote(k) or toks[k].text != ",":
            continue
        prep, verb = toks[k + 1], toks[k + 2]
        if prep.lower_ in keep:
            continue
        if prep.pos_ in ("ADP", "SCONJ") and (
            "Inf" in verb.morph.get("VerbForm")
            or verb.lower_ in ("avoir", "être")
            or verb.tag_ in ex.m.gerund_tags
        ):
            return k
    return ce


def quoted_demand(ex: DocExtractor, cs: int, e: int, lemma: str) -> bool:
    """ "a appelé les habitants « à rester chez eux »": the quotation after the object
    opens with the preposition of a demand, so it is no verdict on it."""
    k = next((k for k in range(cs, e) if ex.toks[k].text in QUOTE_CHARS), e - 1)
    return k + 1 < e and ex.toks[k + 1].lower_ in ex.m.demand_prepositions.get(lemma, ())


def _verdict_end(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "a appelé X « le baron », en référence à Y": the verdict ends with its quotation
    when a comma follows it."""
    k = next((k for k in range(cs, ce) if ex.toks[k].text in QUOTE_CHARS), ce)
    ct = ex.close_tok.get(ex.quote_of[k + 1]) if k + 1 < ce else None
    return ct + 1 if ct is not None and ct + 1 < ce and ex.toks[ct + 1].text == "," else ce


def _participial_apposition(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "a dévoilé le plan, principalement financé par la région": a past participle and
    its preposition after a comma describe the object's noun; they are not what was said."""
    toks = ex.toks
    for k in range(cs + 2, ce - 2):
        if toks[k].text != "," or ex.in_quote(k) or toks[k - 1].text in QUOTE_CHARS:
            continue
        j = k + 1
        while j < ce - 1 and toks[j].pos_ == "ADV" and j - k <= 2:
            j += 1
        verb = toks[j]
        if (
            verb.pos_ == "VERB"
            and "Part" in verb.morph.get("VerbForm")
            and "Past" in verb.morph.get("Tense")
            and toks[j + 1].pos_ == "ADP"
            and not ex.in_quote(j)
        ):
            return k
    return ce


def _date_adjunct(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "a annoncé la nouvelle le 3 mai 2021 dans la revue X": the date of the act and what
    follows it are not the object."""
    toks = ex.toks
    for k in range(cs + 1, ce - 2):
        if (
            toks[k].lower_ in ex.m.date_openers
            and toks[k + 1].like_num
            and toks[k + 2].lower_ in ex.m.month_names
            and not ex.in_quote(k)
        ):
            return k
    return ce


def _dismissal_verdict(ex: DocExtractor, cs: int, ce: int) -> int:
    """ "dismissed the report as \"fabrication\"": the verdict is not the denied object."""
    for k in range(cs + 1, ce - 1):
        if ex.in_quote(k) or ex.toks[k].lower_ not in ex.m.dismissal_links:
            continue
        nxt = ex.toks[k + 1]
        if nxt.text in QUOTE_CHARS or nxt.pos_ in ("ADJ", "DET", "NOUN"):
            return k
    return ce
