"""Direct quotes, with the reporting clause after, before (":") or around them, or
the speaker of the previous claim for a following quoted sentence.

The forms news writes, in both languages:

- after the quote, with or without a comma: "« … », a déclaré X", "« … » résume X",
  '"…?" Graham asked', "« … », a expliqué à l'AFP X" (the outlet goes to ``via``);
- before it: "X a déclaré : « … »", 'X said, "…"', 'X said "We …"' (a whole utterance right
  after the verb; a quoted noun phrase there is the verb's object), "…, adding: “…”" (the
  main clause's subject speaks), a paragraph ending with a colon above the quote;
- a clause naming a statement before a colon: "Brandt's statement read: “…”";
- reported speech before a colon: "a précisé que … : « … »" (same speaker and cue);
- a following quote with no verb of its own, and a quote running over paragraphs (each open
  paragraph is one claim; a cue after its last paragraph serves them all).

Verbs that only attribute quotations (``quote_verbs``) and statement nouns (``quote_nouns``)
come from the language pack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.common import SENT_END, Frame, _Claim, _is_word
from ..engine.outlets import _names_outlet, _strip_article
from ..text import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS

if TYPE_CHECKING:
    from ..runner import DocExtractor

NAME = "direct_quote"
RULES = ("direct",)  # the rule names its claims carry

# at most this many tokens between a verb and a quotation it opens with no punctuation
# ('said "…"', "a lancé aux journalistes « … »")
_ADJACENT_GAP = 4


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
        opens_sentence = prev_char in "\n.!?" or ot == s
        if not (
            prev_char == ":"
            and closing[-1:] in SENT_END
            or opens_sentence
            and closing[-1:] in ",?!"
            and _cue_right_after(ex, ct, e, cues + _quote_verbs(ex, s, e, cues))
        ):
            return
    para_start = prev_char == "\n"
    cue_before = None
    cues = cues + _quote_verbs(ex, s, e, cues)
    cues.sort()
    if para_start or prev_char in '.!?:;»”"–—' or (ot == s):
        candidate = True
    elif prev_char == "," and _quoted_relative(ex, ot, inner):
        return  # "a condamné les agressions contre X, « qui doivent … »": no utterance
    elif prev_char == ",":
        # "he said, “X”" / "», a-t-il déclaré, « Y »": a reporting clause just before
        cue_before = _cue_before(ex, ot, s, cues)
        candidate = cue_before is not None or _embedded_follow_on(ex, si, e, ot, ct, cues)
    elif prev_char.isalnum() and _opens_utterance(inner):
        # 'said "We will …"', "a lancé « Nous … »": a whole utterance right after the verb
        # (a quoted noun phrase there is the verb's object: "a dénoncé « une campagne »")
        cue_before = _cue_before(ex, ot, s, cues, _ADJACENT_GAP)
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
    after = [(i, lemma) for i, lemma in cues if ct < i < min(e, ct + 30) and i not in ex.consumed]
    if after:
        i, lemma = after[0]
        vg = vg_of.get(i, i)
        between = [
            j for j in range(ct + 1, vg) if _is_word(toks[j]) and toks[j].text not in QUOTE_CHARS
        ]
        if (
            not any(
                toks[j].text in OPENING_QUOTES or j in ex.opening_marks for j in range(ct + 1, vg)
            )
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
            if frame is None:
                # "« … », a expliqué à l'AFP X": the outlet spoken to, then the speaker
                frame, via = _speaker_after_outlet(ex, ex.verb_group_end(i), e)
            cue = ex.cue_text(vg, ex.verb_group_end(i))
            stance = ex.m.speech_verbs.get(lemma, "asserts")
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
        if cb is not None and prev_char == ":" and cb[1] in ex.m.demand_prepositions:
            # "a appelé à une enquête : « Nous appelons … »": the quotation states the appeal,
            # and appeals are no claims
            return
        if cb is not None:
            i, lemma = cb
            # the clause was already used for a split quote: reuse its claim
            prior = [cl for cl in ex.claims if cl.anchor == i and cl.quote_type == "direct"]
            if prior:
                frame = prior[-1].frame
                cue = prior[-1].cue
                via = list(prior[-1].extra_via)
            else:
                vg = vg_of.get(i, ex.verb_group_start(i))
                # "X a rejeté l'offre, ajoutant : « … »": the main clause's subject speaks
                participial = ex.is_participle(i) and vg > s and toks[vg - 1].text == ","
                frame, asides, _, _ = ex._speaker_for(
                    si, s, i, vg, ex._left_bound(s, vg), e, participial
                )
                if frame is None and prev_char == ":":
                    frame = _colon_clause_subject(ex, s, ot)
                cue = ex.cue_text(vg, ex.verb_group_end(i))
                stance = ex.m.speech_verbs.get(lemma, "asserts")
                _drop_misread_postposed(ex, si, i)
            anchor = i
            ex.consumed.add(i)
    # 2a. a paragraph ending with a colon introduces the quotation opening the next one:
    # "Caddell continued:¶¶“…”"
    if frame is None and para_start and si > 0 and ex.toks[ex.sents[si - 1][1] - 1].text == ":":
        introduced = _colon_paragraph(ex, si - 1)
        if introduced is not None:
            frame, cue, stance, anchor = introduced
    # 2b. a clause before the colon that announces the quotation without a reporting verb:
    # "Brandt's statement read: “…”", "made the following announcement: “…”"
    if frame is None and prev_char == ":":
        announced = _announcing_clause(ex, s, ot)
        if announced is not None:
            frame, cue, anchor = announced
    # 2c. reported speech before the colon goes on in the quotation after it, in the same
    # words' owner: "a précisé que les milices … : « Au Mali, … »"
    if frame is None and prev_char == ":":
        running = _claim_over_colon(ex, si, o)
        if running is not None:
            frame, cue, stance, anchor = running.frame, running.cue, running.stance, running.anchor
            via = list(running.extra_via)
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
    # 4. a quotation running over paragraphs whose cue comes after a later paragraph of it:
    # "“…¶“…,” she said."
    if frame is None and text[c] == "\n":
        ahead = _cue_after_continuation(ex, q)
        if ahead is not None:
            frame, cue, stance, via = ahead
    if frame is None:
        return
    if stance == "asserts" and _negative(ex, ot, ct) and _recent_denial(ex, frame, si):
        stance = "denies"
    rule = "direct"
    if ex.add_claim(span, frame, cue, "direct", stance, 0.9, rule, si, anchor, via) is not None:
        _cut_indirect_claims_at(ex, si, o, anchor)


def _cue_before(
    ex: DocExtractor, ot: int, s: int, cues: list[tuple[int, str]], gap: int | None = None
) -> tuple[int, str] | None:
    before = [(i, lemma) for i, lemma in cues if s <= i < ot]
    if not before:
        return None
    i, lemma = before[-1]
    if gap is not None and ot - ex.verb_group_end(i) > gap:
        return None
    # only adjuncts between the verb and the quote (no complementizer, no other verb)
    for j in range(ex.verb_group_end(i), ot):
        t = ex.toks[j]
        if t.lower_ in ex.m.complementizers or (ex.is_finite(j) and t.lower_ not in ex.m.aux):
            return None
        if t.text in OPENING_QUOTES or t.text in CLOSING_QUOTES:
            if t.text in CLOSING_QUOTES and j < ot:
                continue
            return None
    return i, lemma


def _in_relative(ex: DocExtractor, j: int, lo: int) -> bool:
    """True when token j sits in a relative clause opened after ``lo`` ("qui restent")."""
    return any(
        ex.toks[k].lower_ in ex.m.relative_subjects or ex.toks[k].lower_ in ("que", "that")
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


def _opens_utterance(inner: str) -> bool:
    """The quotation reads as a sentence of its own: it opens with a capital letter."""
    head = inner.lstrip("[(…. ")
    return head[:1].isupper()


def _embedded_follow_on(
    ex: DocExtractor, si: int, e: int, ot: int, ct: int, cues: list[tuple[int, str]]
) -> bool:
    """ "Selon le communiqué, « … ». L'agression a été violente, « seul un passager a pu
    … », et …": a quoted clause set off by commas, in a sentence without a cue, right after
    a direct quote of the paragraph, goes on with that quote."""
    if cues or ct + 1 >= e or ex.toks[ct + 1].text != "," or si == 0:
        return False
    if not any(ex.is_finite(k) for k in range(ot + 1, ct)):
        return False  # a quoted noun phrase: "un « signe distinctif »"
    before = ex.claims_by_sent.get(si - 1, ())
    return (
        ex.para_of[si - 1] == ex.para_of[si] and bool(before) and before[-1].quote_type == "direct"
    )


def _quoted_relative(ex: DocExtractor, ot: int, inner: str) -> bool:
    """A quotation after "noun," that opens with a relative pronoun ("les journalistes,
    « qui doivent … »") goes on with the noun phrase before it: it is no utterance."""
    words = inner.split()
    return (
        ot >= 2
        and inner[:1].islower()
        and words[0] in ex.m.relative_subjects
        and not inner.rstrip().endswith("?")
        and ex.toks[ot - 2].pos_ in ("NOUN", "PROPN")
    )


def _quote_verbs(
    ex: DocExtractor, s: int, e: int, cues: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Verbs of the pack's ``quote_verbs`` that stand next to a quotation of the sentence:
    right after its closing mark (a comma, auxiliaries and clitics between) or before its
    opening one (a colon, a comma or nothing between)."""
    words = ex.m.quote_verbs
    if not words:
        return []
    toks = ex.toks
    known = {i for i, _ in cues}
    out = []
    for q in ex.quotes_by_sent.get(ex.sent_of[s], ()):
        ot, ct = ex.open_tok.get(q), ex.close_tok.get(q)
        if ot is None or ct is None:
            continue
        # after the quote: "», s'interroge X", '?" he shouted'
        j = ct + 1
        while j < min(e, ct + 9):
            t = toks[j]
            if _quote_verb(ex, j) and j not in known:
                out.append((j, _quote_verb(ex, j)))
                break
            if not (
                t.text == ","
                or t.lower_ in ex.m.aux
                or t.lower_ in ex.m.reflexive_clitics
                or t.lower_ in ex.m.inversion_clitics
                or t.pos_ in ("ADV", "PRON", "PROPN", "DET", "NOUN", "ADJ", "ADP")
            ):
                break
            j += 1
        # before the quote: "a lancé : « … »", 'exclaimed: "…"'
        j = ot - 1
        while j > max(s - 1, ot - 4) and (toks[j].text in (":", ",") or toks[j].pos_ == "ADV"):
            j -= 1
        if j >= s and j not in known and _quote_verb(ex, j):
            out.append((j, _quote_verb(ex, j)))
    return sorted(set(out))


def _quote_verb(ex: DocExtractor, j: int) -> str | None:
    tok = ex.toks[j]
    if ex.in_quote(j) or tok.pos_ in ("ADP", "DET", "PRON", "PUNCT", "PROPN", "NUM"):
        return None
    lemma = tok.lemma_.lower()
    return lemma if lemma in ex.m.quote_verbs else None


def _speaker_after_outlet(ex: DocExtractor, j: int, e: int) -> tuple[Frame | None, list[str]]:
    """ "a expliqué à l'AFP Jeanne Morel": the outlet spoken to goes to ``via``, the noun
    phrase after it speaks."""
    toks = ex.toks
    if j >= e or toks[j].lower_ not in ex.m.recipient_prepositions:
        return None, []
    for k in range(j + 2, min(e, j + 7)):
        words = [t.lower_ for t in toks[j + 1 : k] if t.lower_ not in ex.m.articles]
        if words and _names_outlet(words) and (toks[k].pos_ in ("PROPN", "DET")):
            r = ex.right_np(k, e)
            if r is None:
                return None, []
            outlet = _strip_article(ex.np_text(j + 1, k), ex.m.articles)
            return ex.make_frame(r, None, r[0]), [outlet]
    return None, []


def _colon_clause_start(ex: DocExtractor, s: int, colon: int) -> int:
    """Where the clause ending at ``colon`` begins: after a ";" or a closed quotation."""
    start = s
    for j in range(s, colon):
        if (ex.toks[j].text == ";" and not ex.in_quote(j)) or j in ex.closing_marks:
            start = j + 1
    return start


def _colon_clause_subject(ex: DocExtractor, s: int, ot: int) -> Frame | None:
    """The subject of the clause before the colon ("le ministre, X, a pour sa part ajouté :")."""
    colon = _colon_before(ex, ot, s)
    if colon is None:
        return None
    return ex.main_subject(_colon_clause_start(ex, s, colon), colon)


def _colon_before(ex: DocExtractor, ot: int, s: int) -> int | None:
    j = ot - 1
    while j >= s and ex.toks[j].is_space:
        j -= 1
    return j if j >= s and ex.toks[j].text == ":" else None


def _announcing_clause(ex: DocExtractor, s: int, ot: int) -> tuple[Frame, str, int] | None:
    """A clause naming a statement before the colon: its subject (or the statement's owner)
    speaks. "Brandt's statement read:", "the council made the following announcement:"."""
    colon = _colon_before(ex, ot, s)
    if colon is None:
        return None
    start = _colon_clause_start(ex, s, colon)
    toks = ex.toks
    nouns = ex.m.quote_nouns
    trigger = next(
        (j for j in range(start, colon) if toks[j].lower_ in nouns and not ex.in_quote(j)), None
    )
    if trigger is None or any(
        toks[j].lower_ in ex.m.complementizers for j in range(trigger, colon)
    ):
        return None
    frame = _statement_owner(ex, trigger, start, colon) or ex.main_subject(start, colon)
    if frame is None:
        return None
    return frame, ex.cue_text(trigger, colon), trigger


def _statement_owner(ex: DocExtractor, trigger: int, start: int, colon: int) -> Frame | None:
    """Who made the statement the noun names: its possessor ("Brandt's statement") or the
    agent after it ("this statement by Brandt")."""
    toks = ex.toks
    for j in range(start, trigger):
        if toks[j].dep_ in ("poss", "nmod:poss") and toks[j].head.i == trigger:
            a = max(start, toks[j].left_edge.i)
            if a <= j and not any(ex.in_quote(k) for k in range(a, j + 1)):
                return ex.make_frame((a, j + 1), None, a)
    if trigger + 1 < colon and toks[trigger + 1].lower_ in ex.m.agent_prepositions:
        r = ex.right_np(trigger + 2, colon)
        if r is not None:
            return ex.make_frame(r, None, r[0])
    return None


def _drop_misread_postposed(ex: DocExtractor, si: int, i: int) -> None:
    """ "X a estimé que …, ajoutant : « … »": the verb introduces the quotation, so the
    clause before it is no content the verb reports."""
    verb_start = ex.toks[i].idx
    for claim in [
        c for c in ex.claims_by_sent.get(si, ()) if c.anchor == i and c.rule == "postposed"
    ]:
        if claim.end <= verb_start:
            ex.claims.remove(claim)
            ex.claims_by_sent[si].remove(claim)


def _colon_paragraph(ex: DocExtractor, psi: int) -> tuple[Frame, str, str, int] | None:
    """Speaker, cue, stance and anchor of sentence ``psi`` when it ends with a colon that
    introduces a quotation: its reporting verb, else a clause naming a statement."""
    ps, pe = ex.sents[psi]
    colon = pe - 1
    cues = [
        (i, lemma) for i in range(ps, colon) if not ex.in_quote(i) and (lemma := ex.cue_lemma(i))
    ]
    known = {i for i, _ in cues}
    cues += [
        (i, lemma) for i in range(ps, colon) if i not in known and (lemma := _quote_verb(ex, i))
    ]
    cb = _cue_before(ex, colon, ps, sorted(cues))
    if cb is not None:
        i, lemma = cb
        vg = ex.verb_group_start(i)
        participial = ex.is_participle(i) and vg > ps and ex.toks[vg - 1].text == ","
        frame = ex._speaker_for(psi, ps, i, vg, ex._left_bound(ps, vg), pe, participial)[0]
        if frame is None:
            frame = ex.main_subject(_colon_clause_start(ex, ps, colon), colon)
        if frame is not None:
            cue = ex.cue_text(vg, ex.verb_group_end(i))
            return frame, cue, ex.m.speech_verbs.get(lemma, "asserts"), i
    announced = _announcing_clause(ex, ps, pe)
    if announced is not None:
        frame, cue, anchor = announced
        return frame, cue, "asserts", anchor
    return None


def _cue_after_continuation(ex: DocExtractor, q: int) -> tuple[Frame, str, str, list[str]] | None:
    """Speaker, cue, stance and via of the reporting clause right after the paragraphs that
    go on with the running quotation ``q``."""
    nxt = q + 1
    while nxt in ex.continues_quote and ex.quotes[nxt][1] < len(ex.text):
        ot2, ct2 = ex.open_tok.get(nxt), ex.close_tok.get(nxt)
        if ot2 is None or ct2 is None:
            return None
        if ex.text[ex.quotes[nxt][1]] != "\n":
            break  # the paragraph that closes the quotation
        nxt += 1
    else:
        return None
    si2 = ex.sent_of[ct2]
    s2, e2 = ex.sents[si2]
    for i in range(ct2 + 1, min(e2, ct2 + 9)):
        if ex.in_quote(i) or ex.toks[i].text in QUOTE_CHARS:
            return None
        lemma = ex.cue_lemma(i) or _quote_verb(ex, i)
        if lemma is None:
            if ex.is_finite(i) and ex.toks[i].lower_ not in ex.m.aux:
                return None
            continue
        vg = ex.verb_group_start(i)
        lo = ct2 + 1
        frame = ex._speaker_for(
            si2, s2, i, vg, ex._left_bound(lo, vg) if vg > lo else lo, e2, False
        )[0]
        if frame is None:
            return None
        cue = ex.cue_text(vg, ex.verb_group_end(i))
        return frame, cue, ex.m.speech_verbs.get(lemma, "asserts"), []
    return None


def _claim_over_colon(ex: DocExtractor, si: int, o: int) -> _Claim | None:
    """An indirect claim of the sentence that starts before the colon and runs into the
    quotation opening at ``o``."""
    colon = ex.text.rfind(":", 0, o)
    if colon < 0 or ex.text[colon + 1 : o].strip():
        return None
    for claim in ex.claims_by_sent.get(si, ()):
        if (
            claim.quote_type == "indirect"
            and claim.start <= o < claim.end
            and ex.toks[claim.anchor].idx < colon
        ):
            return claim
    return None


def _cut_indirect_claims_at(ex: DocExtractor, si: int, o: int, anchor: int) -> None:
    """Indirect claims of the same cue (or running over the colon) end before the quotation
    opening at ``o``: the quotation is its own, direct claim; one left with no words goes."""
    for claim in list(ex.claims_by_sent.get(si, ())):
        if claim.quote_type != "indirect" or not claim.start <= o < claim.end:
            continue
        over_colon = _claim_over_colon(ex, si, o) is claim
        if not over_colon and (claim.anchor != anchor or claim.start < o):
            # a quoted fragment inside reported speech leaves that speech whole
            continue
        cut = ex.trim(claim.start, o)
        if cut is None:
            ex.claims.remove(claim)
            ex.claims_by_sent[si].remove(claim)
        else:
            claim.start, claim.end = cut


def _cue_right_after(ex: DocExtractor, ct: int, e: int, cues: list[tuple[int, str]]) -> bool:
    """ '"Not again," Mr. Abt said.': a short quote opening its sentence, then a reporting
    clause of at most four words (subject and verb) is an utterance, not a fragment."""
    return any(ct < i <= ct + 5 and i < e and i not in ex.consumed for i, _ in cues)

