""" "selon X" / "according to X", leading or trailing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import _is_word
from ..engine.outlets import _outlet_name, _strip_article
from ..text import QUOTE_CHARS

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
    glued = None
    if _glued_clause(ex, *src):
        # "according to Okafor historians have not ...": no comma tells where the source
        # ends and the content starts, unless a name ends before a lowercase subject
        glued = _name_before_clause(ex, *src)
        if glued is None:
            return
        segs = [(src[0], glued), (glued, src[1])] + segs[1:]
        src = segs[0]
    if ex._head_noun(*src) in ex.m.according_norms:
        return  # "selon la loi", "according to the rules": a norm is no source
    cue = ex.cue_text(i, src_start)
    leading = (
        i == s
        or all(
            not _is_word(t) or t.lower_ in ex.m.adverbial_openers or t.pos_ == "ADV"
            for t in toks[s:i]
        )
        or (i > s and toks[i - 1].text == "," and _starts_sentence_part(ex, s, i))
        or ex.skip_dateline(s, i) == i
    )
    # "Six of the murders were, according to X, \"sexual in nature\"": the source is set
    # off inside the sentence and the content is what follows it
    medial = (
        not leading
        and i > s
        and toks[i - 1].text == ","
        and len(segs) >= 2
        and (src[1] >= e or toks[src[1]].text != ";")
        and any(_is_word(t) for t in toks[segs[1][0] : segs[1][1]])
        # "..., including, according to X, 54 children": an open slot before the source;
        # else what follows must be a clause, not appositives of the source
        and (
            toks[i - 2].pos_ in ("ADP", "SCONJ", "VERB", "AUX", "DET", "PART")
            or ex._has_finite_or_quoted(segs[1][0], e)
        )
        and not (recent_before(ex, si, s, i) and _reporting_clause_before(ex, s, i))
        # "X, according to Lena Ortiz, who runs the branch.": only asides of the source
        # follow it, so it closes the sentence
        and not (
            all(ex.seg_kind(*seg) == "paren" for seg in segs[1:])
            and not any(segs[1][0] <= a < e for a in anchors)
        )
    )
    if (leading or medial) and len(segs) >= 2:
        k = 1
        content_seg_start = segs[1][0]
        while k < len(segs) - 1 and (
            ex.seg_kind(*segs[k]) == "paren"
            # an appositive of the source comes before a clause, not before an aside:
            # "According to X, some stores resorted to Y, a loophole which ..."
            or ex.seg_kind(*segs[k]) == "np"
            and not ex._has_finite(*segs[k])
            and (ex.seg_kind(*segs[k + 1]) != "np" or _quoted_clause(ex, *segs[k + 1]))
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
        if medial:
            # "the court's president decided, according to the summary, \"that X\"": the
            # verb's subject said X, the source relays it
            teller = _subject_of_verb_before(ex, s, i, cs)
            if teller is not None:
                teller.via = list(teller.via) + [
                    _strip_article(_outlet_name(frame.text), ex.m.articles)
                ]
                frame = teller
                cue = ex.cue_text(i - 2, src[1])
                if toks[cs].lower_ in ex.m.complementizers:
                    cs += 1  # an indirect content starts after "that"
        if any(cs <= a <= ce + 1 and not ex.in_quote(a) for a in anchors):
            # "Selon l'AFP, le Conseil a affirmé que X", "Selon l'AFP, le Conseil, principale
            # coalition, a appelé à ...": the claim is the verb's, relayed by the source;
            # when the cue word reports nothing ("according to X, they have found no
            # pens"), the source's own claim stands
            fallback = None
            if ex._has_finite(cs, ce) and not _object_cue(ex, cs, ce):
                fallback = (ex.char_span(cs, ce), frame, cue, i, "according_to")
            ex.according_relays.append((si, cs, e, frame.text, fallback))
            return
        if medial and ex.seg_kind(cs, ce) == "paren":
            return  # "according to X, a former aide, whose conclusions ...": about the source
        quoted = ex.whole_quote(cs, ce)
        if quoted is not None:
            # "Selon le communiqué, « X »": a quote attributed with "selon" is direct
            ex.add_claim(quoted, frame, cue, "direct", "asserts", 0.75, "according_to", si, i)
            return
        if leading and not ex._has_finite_or_quoted(cs, ce) and ex.seg_kind(cs, ce) == "np":
            # "Selon l'AFP, le Conseil national, ...": a noun phrase says nothing; a verb
            # further on may report for it
            ex.according_relays.append((si, cs, e, frame.text, None))
            return
        span = ex.char_span(cs, ce)
        ex.add_claim(span, frame, cue, "indirect", "asserts", 0.75, "according_to", si, i)
        return
    closes = (
        len(segs) == 1
        or (src[1] < e and toks[src[1]].text == ";")
        # "..., according to Craig Bryan, head of the centre, and other scientists."
        or not ex._has_finite_or_quoted(segs[1][0], e)
        # "..., according to the union, which had opposed it."; not "..., selon le site,
        # qui affirme que X": a reporting verb there makes a claim of its own
        or (
            all(ex.seg_kind(*seg) == "paren" for seg in segs[1:])
            and not any(segs[1][0] <= a < e for a in anchors)
        )
    )
    comma = _comma_before(ex, s, i)
    if comma is not None and closes:
        # trailing "..., selon X." : a relay when the clause before is itself a reporting clause
        frame = ex.make_frame(src, None, src[0])
        if frame is None:
            return
        if recent_before(ex, si, s, i) and _reporting_clause_before(ex, s, i):
            for c in ex.sent_claims(si, i):
                if frame.text not in c.extra_via:
                    c.extra_via.append(_strip_article(_outlet_name(frame.text), ex.m.articles))
            return
        lo = ex.skip_dateline(_clause_start(ex, s, i), comma)
        span = ex.char_span(lo, comma)
        if any(lo <= a < i for a in anchors):
            # "X said Y on Monday, according to the summary": a reporting verb before the
            # comma owns the clause, the source relays it; a cue word that reports nothing
            # leaves the clause to the source ("said little, according to an attendee",
            # "has found himself in a bind"), decided once the sentence is read
            fallback = None
            if span is not None and ex._has_finite(lo, comma) and not _object_cue(ex, lo, i):
                fallback = (span, frame, cue, i, "according_to_trailing")
            ex.according_relays.append((si, lo, i, frame.text, fallback))
            return
        if span is None or not ex._has_finite(lo, comma):
            return
        ex.add_claim(span, frame, cue, "indirect", "asserts", 0.7, "according_to_trailing", si, i)


def relay_to_verbs(ex: DocExtractor, si: int) -> None:
    """ "Selon l'AFP, le ministère a affirmé que X": l'AFP goes to the via of the verb's claim."""
    for sent, a, b, name, fallback in ex.according_relays:
        if sent != si:
            continue
        outlet = _strip_article(_outlet_name(name), ex.m.articles)
        owned = [c for c in ex.claims_by_sent.get(si, ()) if a <= c.anchor < b]
        if not owned:
            if fallback is not None:
                span, frame, cue, i, rule = fallback
                # a request consumed there is no statement of the source's
                if not any(a <= k < b for k in ex.consumed):
                    ex.add_claim(span, frame, cue, "indirect", "asserts", 0.7, rule, si, i)
            continue
        first = min(c.anchor for c in owned)  # the verb that owns the clause, not a later one
        for c in owned:
            if c.anchor == first and outlet not in c.extra_via:
                c.extra_via.append(outlet)


def _quoted_clause(ex: DocExtractor, a: int, b: int) -> bool:
    """ "Selon le ministre, Paul Varenne, « les usines vont rouvrir »": a quoted clause
    after the appositive is the content, not one more noun phrase."""
    return ex.whole_quote(a, b) is not None and ex._has_finite_or_quoted(a, b)


def _glued_clause(ex: DocExtractor, a: int, b: int) -> bool:
    """A finite verb in the source segment that no relative pronoun introduces."""
    for j in range(a, b):
        if ex.toks[j].lower_ in ex.m.relative_subjects:
            return False
        if not ex.in_quote(j) and ex.is_finite(j):
            return True
    return False


def _comma_before(ex: DocExtractor, s: int, i: int) -> int | None:
    """Where the clause before "according to" at ``i`` ends: at the comma right before it
    (spaces skipped), at one inside a closing quotation mark ('a \"root canal,\" according
    to X': the quoted words are part of the clause), or after a closing mark."""
    toks = ex.toks
    j = i - 1
    while j > s and toks[j].is_space:
        j -= 1
    if j <= s:
        return None
    if toks[j].text == ",":
        return j
    if toks[j].text in QUOTE_CHARS and toks[j - 1].text == "," and ex.in_quote(j - 1):
        return j - 1
    if toks[j].text in QUOTE_CHARS and ex.in_quote(j - 1) and not ex.in_quote(j):
        # 'go around at "very low height" according to X': a closing mark, no comma (a
        # bare "acted according to the rules" is no attribution)
        return j + 1
    return None


def _subject_of_verb_before(ex: DocExtractor, s: int, i: int, cs: int):
    """The subject of a verb right before ", according to X," when "that" (or a quotation
    opening with "that") follows the source: that verb reports the content."""
    toks = ex.toks
    j = cs
    if j < ex.n and toks[j].text in QUOTE_CHARS:
        j += 1
    if i - 2 < s or j >= ex.n or toks[j].lower_ not in ex.m.complementizers:
        return None
    verb = toks[i - 2]
    if verb.pos_ != "VERB" or ex.in_quote(verb.i):
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj or subj[0].left_edge.i < s:
        return None
    return ex.make_frame((subj[0].left_edge.i, subj[0].right_edge.i + 1), None, subj[0].left_edge.i)


def _object_cue(ex: DocExtractor, a: int, b: int) -> bool:
    """A cue in [a, b) that takes an object and has one ("the group claimed the attack"):
    its claim, found or not, is the verb's, not the source's."""
    for k in range(a, b):
        lemma = None if ex.in_quote(k) else ex.cue_lemma(k)
        if lemma in ex.m.object_content_verbs and any(
            c.dep_ in ("dobj", "obj") for c in ex.toks[k].children
        ):
            return True
    return False


def _name_before_clause(ex: DocExtractor, a: int, b: int) -> int | None:
    """ "according to Okafor historians have not found ...": a proper name, then a
    lowercase noun phrase that is the subject of a finite verb; where the clause starts."""
    toks = ex.toks
    j = a
    while j < b and toks[j].pos_ == "PROPN" and toks[j].text[:1].isupper():
        j += 1
    if j == a or j >= b or not toks[j].text[:1].islower():
        return None
    if toks[j].pos_ not in ("NOUN", "DET", "NUM", "ADJ"):
        return None
    for k in range(j + 1, min(b, j + 6)):
        if ex.is_finite(k):
            return j if toks[k - 1].pos_ in ("NOUN", "PRON") else None
        if ex.in_quote(k) or toks[k].pos_ not in ("NOUN", "DET", "NUM", "ADJ"):
            return None
    return None


def recent_before(ex: DocExtractor, si: int, s: int, i: int) -> bool:
    """A claim of this sentence has its cue before token ``i``."""
    return any(s <= c.anchor < i for c in ex.sent_claims(si, i))


def _clause_start(ex: DocExtractor, s: int, i: int) -> int:
    """Start of the clause that ends at ``i``: after the last ";" or ":" outside quotes."""
    for j in range(i - 1, s, -1):
        if ex.toks[j].text in (";", ":") and not ex.in_quote(j):
            return j + 1
    return s


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
        not _is_word(t) or t.pos_ in ("ADV", "ADP", "CCONJ") or t.lower_ in ex.m.adverbial_openers
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
