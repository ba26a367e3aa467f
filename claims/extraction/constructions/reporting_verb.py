"""Reporting verbs with a complement clause (que/that), an infinitive or an object;
reporting clauses after the content ("X, a déclaré Y" / "X, Y said"); "as X said"; and
the claim of the relay ("Le Monde, citant deux diplomates, rapporte que ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import DASHES, SENT_END, _is_word
from ..engine.object_ends import object_end, quoted_demand, quoted_infinitive_end
from ..engine.outlets import _names_outlet
from ..engine.reporting_clauses import (
    _as_clause,
    _content_left_start,
    _interrupted_clause,
    _quote_right_after,
    _subordinate_end,
)
from ..text import QUOTE_CHARS
from . import called_relative, quoted_as

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "reporting_verb"
RULES = (  # the rule names its claims carry
    "complement",
    "infinitive",
    "object",
    "postposed",
    "relay",
    "as_clause",
    "statement_noun_owner",
    "nominal_participle",
)


def find(
    ex: DocExtractor,
    si: int,
    s: int,
    e: int,
    i: int,
    lemma: str,
    anchors: set[int],
    vg_of: dict[int, int],
) -> None:
    toks = ex.toks
    if quoted_as.find(ex, si, s, e, i, lemma, anchors):
        return  # "cited the navy as stating X"
    vg = _raising_start(ex, s, vg_of.get(i, i))
    if called_relative.find(ex, si, s, e, i, lemma, vg):
        return  # "which X called “a disgrace”"
    light = ex._periphrastic_match(i)
    verb = i if light is None else light[1]  # "mettant en garde": the light verb's form
    if toks[verb].lower_ in ex.m.participle_clitics and verb + 1 < e:
        verb += 1  # "y voyant un signe": the verb after the clitic
    participial = (
        (
            ex.is_participle(verb)
            and vg > s
            and (
                toks[vg - 1].text in (",",) + tuple(DASHES)
                or _gerund_opener(ex, s, vg)
                or vg - 1 in ex.closing_marks  # "« … » évoquant X"
                or toks[vg].lower_ in ex.m.participle_clitics  # "a salué X y voyant Y"
            )
        )
        or _bare_gerund(ex, s, vg, verb)
        or ex._infinitive_after_opener(i)
    ) and not ex._has_perfect_aux(verb)
    if participial and toks[i].lower_ in ex.m.relay_verbs:
        return
    if not participial and _nominal_participle(ex, si, s, e, i, lemma, vg, anchors):
        return
    if (
        ex.is_participle(i)
        and not participial
        and ex.m.participle_needs_auxiliary
        and not ex._has_aux_any(i)
    ):
        return
    if _as_clause(ex, si, s, e, i, lemma, vg):
        return
    lo = ex._left_bound(s, vg)
    frame, asides, clause_end, np = ex._speaker_for(si, s, i, vg, lo, e, participial)
    vg_end = ex.verb_group_end(i)
    recipient = _recipient_outlet(ex, vg_end, e)
    if recipient is not None:
        # "a annoncé le chercheur à l'agence RIA Novosti", "told Reuters": the outlet relays
        prep, outlet = recipient
        direct = toks[prep].lower_ not in ex.m.recipient_prepositions
        if np is not None and np[0] <= prep < np[1] and direct:
            outlet = None  # "X, a indiqué l'AFP": the outlet is the subject
        elif np is not None and np[0] >= vg_end and np[0] < prep < np[1]:
            np = (np[0], prep)
            frame = ex.make_frame(np, None, np[0])
        if outlet is not None and frame is not None and outlet not in frame.via:
            frame.via = list(frame.via) + [outlet]
    # relay asides may also sit between the verb and "that": "reported, citing X, that"
    content_start, kind, extra_asides, owner = ex.right_content(i, lemma, vg_end, e)
    if content_start is None and lemma in ex.m.object_needs_preposition:
        return  # "accuse un retard": not a reporting verb at all
    if (
        content_start is not None
        and lemma in ex.m.request_verbs
        and not (
            kind == "obj"
            and (
                (ex._quoted_verdict(content_start, e) or ex._clitic_verdict(i, content_start, e))
                and not quoted_demand(ex, content_start, e, lemma)
                or ex._unquoted_verdict(i, content_start, e) is not None
            )
        )
    ):
        # "a appelé à la retenue", "urged residents to stay home": a request is no claim
        ex.consumed.add(i)
        return
    if np is not None and content_start is not None and np[0] <= content_start < np[1]:
        content_start = None  # the inverted subject is not the object
    asides = asides + extra_asides
    relay_frame, relay_cue = ex._relay(asides, frame)
    cue_words = ex.cue_text(vg, vg_end)
    if content_start is None and np is not None and clause_end is None:
        last = ex.split_segments(np[0], np[1])[-1]
        if last[0] > np[0] and _parenthetical(ex, last, lo, vg_end, e):
            # "Flood defences, the engineer noted, were ...": no appositive here
            np = last
            frame = ex.make_frame(last, None, last[0])
    if content_start is None:
        if toks[i].pos_ == "ADJ" and i > s and toks[i - 1].pos_ == "NOUN" and vg == i:
            return  # "grâce aux indications précises": an adjective, not "préciser"
        if (
            np is not None
            and vg_end < e
            and _is_word(toks[vg_end])
            and (
                toks[np[0]].lower_ in ex.m.coordinators
                or np[0] > s
                and toks[np[0] - 1].lower_ in ex.m.coordinators
            )
        ):
            return  # "X, et la moyenne du site estime à ...": a clause of its own
        opener = (  # a short adverbial, then the cue: "Par ailleurs, poursuit X, ..."
            lo + 1 < vg <= lo + 5
            and toks[vg - 1].text == ","
            and _adverbial_opener(ex, lo, vg - 1)
            and all(t.text != "," for t in toks[lo : vg - 1])
        )
        quoted = None
        if np is not None and clause_end is None and np[1] <= vg:
            quoted = _quote_right_after(ex, vg_end, e, anchors, i)
        if quoted is not None:
            # 'She said "we worked hard."': a quotation right after the cue, no colon
            _postposed(
                ex, quoted, "direct", frame, relay_frame, relay_cue, np, cue_words, lemma, si, i
            )
            return
        if (
            lemma in ex.m.clause_only_verbs
            and not (np is None or clause_end is not None)
            and not _parenthetical(ex, np, lo, vg_end, e)
            and not (opener and np[0] >= vg_end)  # "Par ailleurs, poursuit X, ..."
        ):
            return
        span = None
        if np is not None and _reduced_relative(ex, np):
            return  # "X, an idea Dushanbe had rejected": not a reporting clause
        if clause_end is not None:
            # post-posed reporting clause: "X, Y said." / "X, a déclaré Y."
            cs = _content_left_start(ex, lo, clause_end)
            span = ex.char_span(cs, clause_end)
        elif (
            vg > lo
            and (toks[vg - 1].text == "," or _quote_closes_before(ex, lo, vg))
            and (np is None or np[0] >= vg)
        ):
            # inverted subject: "X, a rapporté le journal." / "X, said Y."
            left = vg - 1 if toks[vg - 1].text == "," else vg
            cs = _content_left_start(ex, lo, left)
            # an inverted subject already shows this is a reporting clause
            if cs < left and (ex._has_finite(cs, left) or (np is not None and left - cs >= 3)):
                span = ex.char_span(cs, left)
            if np is None and cs < left:
                # "Il est, disent-ils, la langue de ...": a cue inserted in the clause
                span = _inserted_cue_span(ex, cs, left, vg_end, e, anchors, i) or span
            elif span is None and np is not None and opener:
                # "Par ailleurs, poursuit X, une langue ...": the clause goes on after X
                span = _inserted_cue_span(ex, cs, left, np[1], e, anchors, i)
        if span is None and np is not None and _parenthetical(ex, np, lo, vg_end, e):
            # parenthetical reporting clause: "The board, she said, had taken ..."
            j = ex._skip_adjuncts(vg_end, e)
            ce = ex.clause_end(j + 1, e, anchors, i)
            quoted = ex.whole_quote(j + 1, ce)
            if quoted is not None:
                # "X observed, \"...\"": a direct quote, unless the quote rule claims it
                # too (``drop_quote_duplicates``)
                _postposed(
                    ex, quoted, "direct", frame, relay_frame, relay_cue, np, cue_words, lemma, si, i
                )
                return
            span = ex.char_span(j + 1, ce)
        if (
            span is None
            and np is not None
            and clause_end is None
            and lemma not in ex.m.object_content_verbs  # "an idea X had rejected"
            and toks[i].dep_ not in ("relcl", "acl")
        ):
            span = _closing_reporting_clause(ex, np, lo, vg_end, e)
        if span is None and np is not None and clause_end is None:
            span = _interrupted_clause(ex, np, lo, vg_end, e, anchors, i)
        if span is None:
            return
        _postposed(ex, span, "indirect", frame, relay_frame, relay_cue, np, cue_words, lemma, si, i)
        return
    ce = _subordinate_end(ex, i, content_start, ex.clause_end(content_start, e, anchors, i))
    if relay_cue is None and ce < e and toks[ce].lower_ in ex.m.relay_verbs:
        # "reported him to be dead citing sources": the sources speak, the subject relays
        relay_frame, relay_cue = ex._relay([(ce, ex.clause_end(ce + 1, e, anchors))], frame)
    if kind == "inf":
        ce = quoted_infinitive_end(ex, content_start, ce)
    if kind == "obj":
        ce = object_end(ex, lemma, content_start, ce)
    span = ex.char_span(content_start, ce)
    stance = ex.m.speech_verbs[lemma]
    rule = {"que": "complement", "inf": "infinitive", "obj": "object", "ccomp": "complement"}[kind]
    if _clause_has_direct_quote_only(ex, content_start, ce):
        return
    if owner is not None and span is not None:
        # "les affirmations occidentales selon lesquelles X": the West asserted X
        # (listed before the denial that reports it)
        ex.add_claim(
            span, owner, cue_words, "indirect", "asserts", 0.55, "statement_noun_owner", si, i
        )
    _emit_for_subjects(
        ex,
        span,
        frame,
        relay_frame,
        relay_cue,
        np,
        cue_words,
        "indirect",
        stance,
        0.8 if kind in ("que", "ccomp") else 0.65,
        rule,
        si,
        i,
    )
    ex.consumed.add(i)


def drop_quote_duplicates(ex: DocExtractor, si: int) -> None:
    """Drop a direct claim of this module when the quote rule made one on the same span."""
    mine = [
        c
        for c in ex.claims_by_sent.get(si, ())
        if c.rule == "postposed" and c.quote_type == "direct"
    ]
    if not mine:
        return
    quoted = {(c.start, c.end) for c in ex.claims_by_sent[si] if c.rule == "direct"}
    for c in mine:
        if (c.start, c.end) in quoted:
            ex.claims.remove(c)
            ex.claims_by_sent[si].remove(c)


def _inserted_cue_span(
    ex: DocExtractor, cs: int, left: int, vg_end: int, e: int, anchors: set[int], i: int
) -> tuple[int, int] | None:
    """ "Il est, disent-ils, la langue de ..." : the clause goes on after the inserted cue,
    so the content is the whole clause; after a relative pronoun or a complementizer
    ("des soldats qui, dit-on, s'étaient rendus") it is what follows the cue."""
    toks = ex.toks
    if vg_end + 1 >= e or toks[vg_end].text != ",":
        return None
    nxt = vg_end + 1
    if not _is_word(toks[nxt]) or toks[nxt].text in SENT_END or ex.in_quote(nxt):
        return None
    before = toks[left - 1].lower_
    after_relative = before in ex.m.relative_subjects or before in ex.m.complementizers
    kind = ex.seg_kind(nxt, ex.split_segments(nxt, e)[0][1])
    if kind not in ("np", "clause") and not (after_relative and kind == "paren"):
        return None  # "X, disent-ils, ajoutant que ...": an aside, not the clause going on
    ce = ex.clause_end(nxt, e, anchors, i)
    if ce <= nxt:
        return None
    if after_relative or _adverbial_opener(ex, cs, left):
        return ex.char_span(nxt, ce)
    return ex.char_span(cs, ce)


def _quote_closes_before(ex: DocExtractor, lo: int, vg: int) -> bool:
    """ "... de savoir « si nous allons recruter » affirme-t-il": no comma, but the
    quoted fragment that ends the clause closes just before the cue."""
    j = vg - 1
    return j > lo and ex.toks[j].text in QUOTE_CHARS and ex.in_quote(j - 1)


def _adverbial_opener(ex: DocExtractor, cs: int, left: int) -> bool:
    """ "Contrairement aux rumeurs, assure-t-il, l'usine restera ouverte": an adverbial
    before the inserted cue, with no verb of its own, frames the claim that follows it."""
    return ex.toks[cs].pos_ in ("ADP", "ADV") and not ex._has_finite(cs, left)


def _nominal_participle(
    ex: DocExtractor,
    si: int,
    s: int,
    e: int,
    i: int,
    lemma: str,
    vg: int,
    anchors: set[int],
) -> bool:
    """ "une croyance locale affirmant que X", "un rapport estimant que X": a present
    participle right after a noun phrase, with a complement clause; the noun phrase speaks."""
    toks = ex.toks
    if vg != i or vg <= s or not toks[i].lower_.endswith(ex.m.participle_suffix):
        return False
    if ex.in_quote(vg - 1) or toks[vg - 1].pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    start = vg - 1
    while start > s and vg - start < 7 and toks[start - 1].pos_ in ("NOUN", "ADJ", "PROPN", "DET"):
        start -= 1
        if toks[start].pos_ == "DET":
            break
    if toks[start].pos_ != "DET" and not any(t.pos_ in ("NOUN", "PROPN") for t in toks[start:vg]):
        return False  # a determiner shows a noun phrase even when the tagger says ADJ
    content_start, kind, _, _ = ex.right_content(i, lemma, ex.verb_group_end(i), e)
    # ", with local media reporting no-one was hurt": an absolute construction
    absolute = (
        start > s
        and toks[start - 1].lower_ in ex.m.absolute_markers
        and lemma not in ex.m.request_verbs
    )
    if content_start is None or (kind != "que" and not absolute):
        return False
    frame = ex.make_frame((start, vg), None, start)
    if frame is None:
        return False
    ce = ex.clause_end(content_start, e, anchors, i)
    cue = ex.cue_text(start, ex.verb_group_end(i))
    claim = ex.add_claim(
        ex.char_span(content_start, ce),
        frame,
        cue,
        "indirect",
        ex.m.speech_verbs[lemma],
        0.6,
        "nominal_participle",
        si,
        i,
    )
    if claim is not None:
        ex.consumed.add(i)
    return claim is not None


def _recipient_outlet(ex: DocExtractor, j: int, e: int) -> tuple[int, str] | None:
    """A news outlet the statement was made to, after the verb group: "à l'AFP",
    "à l'agence RIA Novosti", "told Reuters". Returns the index of its first word (or of
    its preposition) and its name."""
    toks = ex.toks
    m = ex.m
    for k in range(j, min(e, j + 10)):
        t = toks[k]
        if t.text in (",", ";", ":", ".") or ex.in_quote(k) or t.lower_ in m.complementizers:
            return None
        if not (t.lower_ in m.recipient_prepositions or k == j):
            continue
        n = k + 1 if t.lower_ in m.recipient_prepositions else k
        while n < e and toks[n].lower_ in m.articles:
            n += 1
        headed = n < e and toks[n].lower_ in m.publication_heads
        if headed:
            n += 1
        start = n
        while n < e and n - start < 5 and (toks[n].pos_ == "PROPN" or toks[n].text[:1].isupper()):
            n += 1
        if n == start:
            continue
        words = [w.lower_ for w in toks[start:n]]
        name = ex.np_text(start, n)
        if headed or _names_outlet(words):
            return k, name
        for article in sorted(m.articles):
            if _names_outlet([article, *words]):  # "au Monde": Le Monde
                return k, f"{article.capitalize()} {name}"
    return None


def _raising_start(ex: DocExtractor, s: int, vg: int) -> int:
    """ "went on to say that", "was quick to point out that": the verb group starts at the
    phrase whose infinitive reports for its subject."""
    if vg - 1 <= s or ex.toks[vg - 1].lower_ not in ex.m.infinitive_markers:
        return vg
    for phrase in ex.m.raising_phrases:
        start = vg - 1 - len(phrase)
        if start >= s and ex._words_at(start, phrase, vg - 1):
            return start
    return vg


def _gerund_opener(ex: DocExtractor, s: int, vg: int) -> bool:
    """ ", tout en affirmant que", ", while insisting that": a participle after a comma
    and a gerund marker reports for the main clause's subject like a bare one."""
    j = vg
    while j > s and ex.toks[j - 1].lower_ in ex.m.gerund_markers:
        j -= 1
    return s < j < vg and ex.toks[j - 1].text == ","


def _bare_gerund(ex: DocExtractor, s: int, vg: int, verb: int) -> bool:
    """ "a nié toute responsabilité en affirmant que", "by saying that": a gerund marker
    right before the participle makes it report for the main clause's subject, comma or
    not."""
    toks = ex.toks
    if not ex.is_participle(verb) or verb <= s:
        return False
    marker = vg if vg < verb else vg - 1
    return s <= marker < verb and toks[marker].lower_ in ex.m.gerund_markers and marker > s


def _reduced_relative(ex: DocExtractor, np: tuple[int, int]) -> bool:
    """ "an idea Dushanbe (had rejected)": indefinite noun, then the relative's subject."""
    words = [t for t in ex.toks[np[0] : np[1]] if _is_word(t)]
    if len(words) < 3 or words[0].lower_ not in ex.m.name_appositive_articles:
        return False
    return any(
        a.pos_ == "NOUN" and (b.pos_ in ("PROPN", "PRON") or b.dep_ == "nsubj")
        for a, b in zip(words, words[1:], strict=False)
    )


def _parenthetical(ex: DocExtractor, np: tuple[int, int], lo: int, vg_end: int, e: int) -> bool:
    """ "The board, she said, had taken ...": subject and verb set off by commas."""
    if vg_end >= e:
        return False
    j = ex._skip_adjuncts(vg_end, e)
    return (
        j < e
        and ex.toks[j].text == ","
        and np[0] > lo
        and ex.toks[np[0] - 1].text == ","
        and not ex._has_finite(lo, np[0] - 1)
    )


def _closing_reporting_clause(
    ex: DocExtractor, np: tuple[int, int], lo: int, vg_end: int, e: int
) -> tuple[int, int] | None:
    """ "X has suspended Y, pending Z, the governing body said on Tuesday.": the subject
    and verb close the sentence after a comma, and what precedes is a whole clause."""
    if np[0] <= lo + 2 or ex.toks[np[0] - 1].text != ",":
        return None
    j = ex._skip_adjuncts(vg_end, e)
    if j < e and ex.toks[j].text not in SENT_END:
        return None
    segs = ex.split_segments(lo, np[0] - 1)
    if not segs or ex.seg_kind(*segs[0]) != "clause":
        return None
    return ex.char_span(lo, np[0] - 1)


def _clause_has_direct_quote_only(ex: DocExtractor, cs: int, ce: int) -> bool:
    words = [
        j for j in range(cs, ce) if _is_word(ex.toks[j]) and ex.toks[j].text not in QUOTE_CHARS
    ]
    return bool(words) and all(ex.in_quote(j) for j in words) and False


def _postposed(
    ex: DocExtractor, span, quote_type, frame, relay_frame, relay_cue, np, cue_words, lemma, si, i
) -> None:
    """The claim of a reporting clause after or around its content ("X, Y said.",
    'Y said "X."', "The board, she said, had ..."); the cue is then used up."""
    _emit_for_subjects(
        ex,
        span,
        frame,
        relay_frame,
        relay_cue,
        np,
        cue_words,
        quote_type,
        ex.m.speech_verbs[lemma],
        0.7,
        "postposed",
        si,
        i,
    )
    ex.consumed.add(i)


def _emit_for_subjects(
    ex: DocExtractor,
    span,
    frame,
    relay_frame,
    relay_cue,
    np,
    cue_words,
    quote_type,
    stance,
    confidence,
    rule,
    si,
    anchor,
) -> None:
    if span is None:
        return
    if relay_frame is not None and relay_cue is not None:
        ex.add_claim(
            span, relay_frame, relay_cue, quote_type, stance, confidence, "relay", si, anchor
        )
        return
    frames = ex._split_coordinated(np, frame, anchor)
    for f in frames:
        ex.add_claim(span, f, cue_words, quote_type, stance, confidence, rule, si, anchor)
