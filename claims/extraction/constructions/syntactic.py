"""A fallback construction that reads reported claims off the dependency parse.

The positional rules of ``rules.py`` find a reporting verb's speaker and content by
walking the tokens around it. They miss what the word order hides and the parse
shows: a complement clause without "that" ("X reported 62 outlets had closed"), the
object of a coordinated verb ("X a nié … et a réitéré Y"), a gerund or participle whose
speaker is the subject of the main clause ("…, en affirmant que …"), a relative clause
("X, qui affirme …"), the agent of a passive ("was announced by X").

This runs after them, on the cues they left alone, and only keeps what the parse
states plainly: the small pipelines mis-parse long sentences, so every doubt drops
the claim. The grammar lives here; the words (cue verbs, complementizers, negations,
prepositions) come from the language pack, and the dependency labels of both label
schemes (Universal Dependencies for French, ClearNLP for English) are listed below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..engine import object_ends
from ..text import QUOTE_CHARS
from . import reporting_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import DocExtractor

NAME = "syntactic"
RULES = ("syntactic",)
CONFIDENCE = 0.55  # below the positional rules (0.65-0.8): a fallback on a noisy parse
RULE = "syntactic"

SUBJECT = {"nsubj"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass"}
PASSIVE_AUX = {"aux:pass", "auxpass"}
AGENT = {"obl:agent", "agent"}
CLAUSE = {"ccomp"}
OBJECT = {"obj", "dobj"}
OPEN_CLAUSE = {"xcomp"}
RELATIVE = {"acl:relcl", "relcl"}
PARTICIPIAL = {"advcl", "acl"}
COORDINATED = {"conj"}
PREPOSITIONAL = {"prep", "obl", "obl:arg", "obl:mod", "xcomp", "advcl", "nmod"}
NEGATION = {"neg", "advmod"}
NOMINAL = {"NOUN", "PROPN", "PRON"}
CLIMB_LIMIT = 4  # heads climbed from the cue to the clause with the subject
SPEAKER_LIMIT = 12  # tokens: a longer subject is a mis-parse
MIN_CLAUSE_WORDS = 3
MIN_OBJECT_WORDS = 2


def find(ex: DocExtractor, si: int, s: int, e: int) -> None:
    """Add the claims of sentence ``si`` (tokens [s, e)) that the parse shows and the
    positional rules did not find."""
    for i in range(s, e):
        tok = ex.toks[i]
        if tok.pos_ != "VERB" or ex.in_quote(i) or tok.text in QUOTE_CHARS:
            continue
        lemma = _lemma(ex, tok)
        if lemma is None or i in ex.consumed or _cue_taken(ex, i):
            continue
        _claim_for(ex, si, s, e, tok, lemma)


def _lemma(ex: DocExtractor, tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in ex.m.speech_verbs and " " not in lemma:
        return lemma
    return None


def _cue_taken(ex: DocExtractor, i: int) -> bool:
    return any(c.anchor == i for c in ex.claims)


def _claim_for(ex: DocExtractor, si: int, s: int, e: int, tok: Token, lemma: str) -> None:
    stance = ex.m.speech_verbs[lemma]
    if "Inf" in tok.morph.get("VerbForm") or tok.tag_ == "VB":
        return  # an infinitive is the content or the aim of another verb
    if stance != "denies" and _negated(ex, tok):
        return
    if _demand(ex, tok, lemma):
        return  # "appelle à manifester", "called for talks": a request
    found = speaker_of(ex, tok, s, e)
    if found is None:
        return
    speaker, passive = found
    content = _content(ex, tok, lemma, passive, s, e)
    if content is None:
        return
    a, b = content
    if a < speaker[1] and speaker[0] < b:
        return  # the subject inside the content: a mis-parse
    if b <= tok.i and not _reporting_clause_after(ex, tok, content, speaker):
        return
    span = ex.char_span(a, b)
    if span is None or _overlaps(ex, span):
        return
    frames = []
    for party in _parties(ex, speaker):
        frame = ex.make_frame(party, at=party[0])
        if frame is None or frame.is_pronoun or _unresolved_pronoun(ex, party, frame.text):
            return
        frames.append(frame)
    cue = ex.cue_text(ex.verb_group_start(tok.i), ex.verb_group_end(tok.i))
    for frame in frames:  # "Arlo and Verdi announced": one claim per party
        ex.add_claim(span, frame, cue, "indirect", stance, CONFIDENCE, RULE, si, anchor=tok.i)
    ex.consumed.add(tok.i)


def speaker_of(ex: DocExtractor, tok: Token, s: int, e: int) -> tuple[tuple[int, int], bool] | None:
    """The token range of who speaks through the cue ``tok`` (the agent of a passive, else
    the subject the cue's clause climbs to), outside any quotation, and whether the cue is
    passive; None when the parse names nobody."""
    passive = any(c.dep_ in PASSIVE_AUX or c.dep_ in PASSIVE_SUBJECT for c in tok.children)
    head = _agent(tok) if passive else _subject(ex, tok)
    if head is None:
        return None
    speaker = _range(ex, head, tok.i, s, e)
    if speaker is None or any(ex.in_quote(k) for k in range(*speaker)):
        return None
    return speaker, passive


def _parties(ex: DocExtractor, speaker: tuple[int, int]) -> list[tuple[int, int]]:
    """The conjuncts of a coordinated subject ("the union and the employers"), each as a
    token range; the whole subject when it is not a coordination of nouns."""
    a, b = speaker
    heads = [t for t in ex.toks[a:b] if t.head.i < a or t.head.i >= b or t.head.i == t.i]
    if len(heads) != 1:
        return [speaker]
    head = heads[0]
    conjuncts = [c for c in head.children if c.dep_ in COORDINATED and a <= c.i < b]
    if not conjuncts or not all(c.pos_ in ("NOUN", "PROPN") for c in conjuncts + [head]):
        return [speaker]
    if any(
        ex.toks[k].lower_ not in ex.m.coordinators for k in range(a, b) if ex.toks[k].dep_ == "cc"
    ):
        return [speaker]  # "X but not Y", "X as well as Y"
    first_end = min(c.left_edge.i for c in conjuncts)
    while first_end > a and (
        ex.toks[first_end - 1].dep_ == "cc" or ex.toks[first_end - 1].is_punct
    ):
        first_end -= 1
    parties = [(a, first_end)] + [(c.left_edge.i, min(c.right_edge.i + 1, b)) for c in conjuncts]
    return [p for p in parties if p[1] > p[0]]


# ---------------------------------------------------------------------- guards


def _reporting_clause_after(
    ex: DocExtractor, tok: Token, content: tuple[int, int], speaker: tuple[int, int]
) -> bool:
    """A content before its cue needs the shape "X, Y said" / "X,” Y said" / "X, said Y":
    not a reduced relative ("X, a plan residents had rejected"), nor a clause running over
    a semicolon (a headline's "A; B, others vow")."""
    a, b = content
    s0 = speaker[0]
    if reporting_verb._reduced_relative(ex, speaker):
        return False
    if s0 < tok.i and not (s0 > b and all(ex.toks[j].is_punct for j in range(b, s0))):
        return False
    return not any(ex.toks[k].text == ";" and not ex.in_quote(k) for k in range(a, b))


def _unresolved_pronoun(ex: DocExtractor, speaker: tuple[int, int], text: str) -> bool:
    """ "I have written", "nous estimons": a pronoun the extractor could not resolve."""
    words = [t for t in ex.toks[speaker[0] : speaker[1]] if not t.is_punct]
    return len(words) == 1 and words[0].pos_ == "PRON" and text.lower() == words[0].lower_


def _negated(ex: DocExtractor, tok: Token) -> bool:
    """ "n'a pas affirmé", "did not say": nothing is reported (a denial still is)."""
    return any(c.dep_ in NEGATION and c.lower_ in ex.m.negations for c in tok.children)


def _demand(ex: DocExtractor, tok: Token, lemma: str) -> bool:
    preps = ex.m.demand_prepositions.get(lemma, ())
    return bool(preps) and any(c.i > tok.i and c.left_edge.lower_ in preps for c in tok.children)


def _overlaps(ex: DocExtractor, span: tuple[int, int]) -> bool:
    a, b = span
    return any(c.start < b and a < c.end for c in ex.claims)


# ---------------------------------------------------------------------- speaker


def _relative_pronoun(ex: DocExtractor, tok: Token) -> bool:
    return (
        "Rel" in tok.morph.get("PronType")
        or tok.tag_ in ("WP", "WDT")
        or tok.lower_ in ex.m.relative_subjects
    )


def _present_participle(tok: Token) -> bool:
    """ "affirmant", "blaming": a participle that keeps its speaker active."""
    return tok.tag_ == "VBG" or (
        "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
    )


def _subject(ex: DocExtractor, tok: Token) -> Token | None:
    """The subject of the cue, else of the clause a gerund, participle, coordinated or
    relative cue hangs on: the noun a relative clause or a participle modifies."""
    t = tok
    for _ in range(CLIMB_LIMIT):
        subjects = [c for c in t.children if c.dep_ in SUBJECT]
        if any(c.dep_ in PASSIVE_SUBJECT for c in t.children):
            return None  # the clause climbed to is passive: its subject does not speak
        if subjects:
            subject = subjects[0]
            if not _relative_pronoun(ex, subject):
                return subject
            if t.dep_ in RELATIVE and t.head.pos_ in NOMINAL:
                return t.head  # "X, qui affirme …": the antecedent speaks
            return None
        if t.dep_ in RELATIVE:
            return t.head if t.head.pos_ in NOMINAL else None
        if t.dep_ in COORDINATED:
            t = t.head
            if t.pos_ not in ("VERB", "AUX"):
                # "a nié toute responsabilité et a réitéré": the parser hangs the second
                # verb on the first one's object; the verb governing that object speaks
                t = t.head if t.dep_ in OBJECT else t
                if t.pos_ not in ("VERB", "AUX"):
                    return None
            continue
        if t.dep_ in PARTICIPIAL and _present_participle(t):
            if any(_circumstance(ex, c) for c in t.children):
                return None  # "when announcing X, he called …": a circumstance
            if t.dep_ == "acl":
                return _participle_owner(ex, t.head)
            t = t.head
            if t.dep_ in CLAUSE:
                return None  # hangs on reported content: whose gerund it is is unclear
            continue
        if t.dep_ in OPEN_CLAUSE and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            continue
        return None
    return None


def _participle_owner(ex: DocExtractor, noun: Token) -> Token | None:
    """Who speaks through a participle on ``noun``: the noun itself ("une croyance
    affirmant que"), the author of a statement it modifies ("X posted a message on
    Twitter blaming Y": the parser hangs "blaming" on the name inside the phrase)."""
    if noun.pos_ not in NOMINAL:
        return None
    if noun.pos_ == "PROPN" and noun.dep_ in ("pobj", "nmod"):
        owner = noun.head.head if noun.dep_ == "pobj" else noun.head
        if owner.pos_ in ("NOUN", "PROPN"):
            noun = owner
    low = noun.lower_
    statement = low in ex.m.statement_nouns or low in ex.m.document_heads
    if noun.dep_ in ("pobj", "nmod") and not statement:
        return None  # "at a news conference announcing X": the event does not speak
    subjects = [c for c in noun.head.children if c.dep_ in SUBJECT]
    if noun.dep_ in OBJECT and subjects and not _relative_pronoun(ex, subjects[0]):
        if statement:
            return subjects[0]  # "X issued a statement saying": X speaks
        return None  # "X posted a message …", "X met a man …": whose words, unclear
    return noun


def _circumstance(ex: DocExtractor, tok: Token) -> bool:
    """ "when", "quand", "après": a subordinator that is no gerund marker ("en", "by")."""
    if tok.dep_ == "mark":
        return tok.lower_ not in ex.m.gerund_markers
    return tok.dep_ == "advmod" and (
        "Int" in tok.morph.get("PronType") or tok.tag_ in ("WRB", "WP", "WDT")
    )


def _agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in AGENT:
            if c.pos_ == "ADP":  # ClearNLP: "by" heads the agent noun
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return objs[0] if objs else None
            return c
    return None


def _range(ex: DocExtractor, head: Token, cue: int, s: int, e: int) -> tuple[int, int] | None:
    """The token range of ``head``'s subtree inside the sentence, stopping before the
    dependent that holds the cue ("Ansar Eddine, qui affirme": only "Ansar Eddine")."""
    a, b = head.left_edge.i, head.right_edge.i + 1
    for c in head.children:
        if c.i > head.i and c.left_edge.i <= cue <= c.right_edge.i:
            b = min(b, c.left_edge.i)
    if a <= cue < b:
        return None
    # drop a case marker the parser keeps in the agent ("par le ministre")
    while a < b and ex.toks[a].pos_ == "ADP":
        a += 1
    a, b = max(a, s), min(b, e)
    if b <= a:
        return None
    if b - a > SPEAKER_LIMIT:
        cut = next((k for k in range(head.i, b) if ex.toks[k].text == ","), None)
        b = cut if cut is not None and cut > head.i else head.i + 1
        if b - a > SPEAKER_LIMIT:
            return None
    return a, b


# ---------------------------------------------------------------------- content


def _content(
    ex: DocExtractor, tok: Token, lemma: str, passive: bool, s: int, e: int
) -> tuple[int, int] | None:
    """Token range of what the cue reports: its complement clause, else (for the verbs
    whose object is a statement) the object, else a complement infinitive."""
    m = ex.m
    children = list(tok.children)
    clauses = [c for c in children if c.dep_ in CLAUSE]
    if clauses:
        found = _subtree(ex, clauses[0], tok.i, s, e)
        if found is None:
            return None
        if found[0] < tok.i:
            return found if _postposed(ex, tok, found) and _clause_ok(ex, found) else None
        found = _clause_end(ex, tok, found, e)
        if found is None or _question(ex, tok.i, found):
            return None  # "explained why …", "a précisé si …": no statement
        return found if _clause_ok(ex, found) else None
    if tok.dep_ in CLAUSE and tok.head.i > tok.i and not passive:
        found = _inverted_clause(ex, tok, s, e)
        if found is not None:
            return found if _clause_ok(ex, found) else None
    if lemma in m.clause_only_verbs:
        return None
    if lemma in m.object_content_verbs:
        preps = m.object_needs_preposition.get(lemma)
        if preps:
            for c in children:
                if c.i > tok.i and c.dep_ in PREPOSITIONAL and c.left_edge.lower_ in preps:
                    found = _after_preposition(ex, c, tok.i, s, e)
                    if found is not None and _infinitive_ok(ex, found, lemma, marked=True):
                        return found if _object_ok(ex, found, lemma) else None
            return None
        objects = [c for c in children if c.dep_ in (PASSIVE_SUBJECT if passive else OBJECT)]
        if objects:
            obj = objects[0]
            if obj.pos_ == "PRON" or ex.in_quote(obj.i) or obj.text in QUOTE_CHARS:
                return None  # "l'a nié", "denied it": nothing said; a quote is direct
            found = _subtree(ex, obj, tok.i, s, e)
            if found is not None and obj.i > tok.i:
                found = _object_end(ex, tok, found, e)
            if found is not None and _infinitive_ok(ex, found, lemma, marked=False):
                return found if _object_ok(ex, found, lemma) else None
            return None
    for c in children:
        if c.dep_ in OPEN_CLAUSE and c.i > tok.i:
            if any(g.dep_ in OBJECT or g.dep_ == "iobj" for g in children):
                return None  # "told them to leave": an order
            found = _subtree(ex, c, tok.i, s, e)
            if found is not None and _infinitive_ok(ex, found, lemma, marked=False):
                return found if _clause_ok(ex, found) else None
            return None
    return None


def _question(ex: DocExtractor, cue: int, span: tuple[int, int]) -> bool:
    """An indirect question or "if/whether" opens the clause (or sits between it and the
    cue): what is reported is an explanation or a doubt, not a statement."""
    a, _ = span
    toks = ex.toks
    if toks[cue].dep_ not in RELATIVE and any(
        c.dep_ not in SUBJECT and _interrogative(c) for c in toks[cue].children
    ):
        return True  # "What X says his plan would do"
    for k in range(cue + 1, a + 1):
        if _interrogative(toks[k]):
            return True
        t = toks[k]
        if t.dep_ == "mark" and t.lower_ not in ex.m.complementizers:
            return True
    return False


def _interrogative(tok: Token) -> bool:
    return "Int" in tok.morph.get("PronType") or tok.tag_ in ("WRB", "WP", "WDT", "WP$")


def _inverted_clause(ex: DocExtractor, tok: Token, s: int, e: int) -> tuple[int, int] | None:
    """ "Deutsche Welle reported 62 outlets had closed": without "that" the small English
    model often makes the content's verb the root and the cue its complement. The content
    is then the head's subtree after the cue's own (subject, cue, adjuncts)."""
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or tok.left_edge.i != head.left_edge.i:
        return None  # the cue's clause must open the head's: nothing of the content before it
    if not any(c.dep_ in SUBJECT for c in tok.children):
        return None
    if not any(c.dep_ in SUBJECT | PASSIVE_SUBJECT and c.i > tok.i for c in head.children):
        return None  # the content has a subject of its own after the cue
    a, b = tok.right_edge.i + 1, min(head.right_edge.i + 1, e)
    toks = ex.toks
    while a < b and (toks[a].lower_ in ex.m.complementizers or toks[a].text in (",", ":")):
        a += 1
    while b > a and toks[b - 1].is_punct and toks[b - 1].text not in QUOTE_CHARS | {")"}:
        b -= 1
    if not (a <= head.i < b) or any(toks[k].dep_ == "ROOT" and k != head.i for k in range(a, b)):
        return None
    return a, b


def _postposed(ex: DocExtractor, tok: Token, span: tuple[int, int]) -> bool:
    """ "X, the minister said": a clause before the cue only when the cue heads the
    sentence and a comma closes the clause (never "a plan residents had rejected")."""
    a, b = span
    first = ex.toks[a]
    if first.dep_ == "mark" or first.pos_ == "SCONJ":
        return False  # "as Brandt went on …, Ines said yes": a circumstance
    if any(c.i > tok.i and c.dep_ in CLAUSE | OBJECT | OPEN_CLAUSE for c in tok.children):
        return False  # the cue has its own content after it ("…, she added the words")
    return tok.dep_ == "ROOT" and b < tok.i and ex.toks[b].text == ","


def _clause_end(
    ex: DocExtractor, tok: Token, span: tuple[int, int], e: int
) -> tuple[int, int] | None:
    """The complement clause stops where the positional rules stop one, if earlier: the
    parser may hang the main clause on it ("X, qui affirme que Y, a pris Z")."""
    a, b = span
    anchors = {c.anchor for c in ex.claims_by_sent.get(ex.sent_of[tok.i], ())}
    end = _trim_tokens(ex, a, min(b, ex.clause_end(a, e, anchors, tok.i)))
    return (a, end) if end > a else None


def _object_end(ex: DocExtractor, tok: Token, span: tuple[int, int], e: int) -> tuple[int, int]:
    """The object runs on to where the positional rules end it when the parser hung its
    modifiers on the verb ("admitted his guilt in eight murders"), minus the speaker's
    means and aims ("through his lawyer", ", après avoir …")."""
    a, b = span
    anchors = {c.anchor for c in ex.claims_by_sent.get(ex.sent_of[tok.i], ())}
    end = ex.clause_end(a, e, anchors, tok.i)
    end = object_ends._infinitive_adjunct(ex, a, object_ends._means_adjunct(ex, a, end))
    if end <= b:
        return span
    # only the verb's own modifiers may extend it, never a new clause
    toks = ex.toks
    for k in range(b, end):
        if toks[k].pos_ in ("VERB", "AUX") or toks[k].text in (",", ";", ":"):
            end = k
            break
        if toks[k].head.i != tok.i and not (b <= toks[k].head.i < end):
            return span
    end = _trim_tokens(ex, a, end)
    return (a, end) if end > b else span


def _trim_tokens(ex: DocExtractor, a: int, b: int) -> int:
    while b > a and ex.toks[b - 1].is_punct:
        b -= 1
    return b


def _subtree(ex: DocExtractor, head: Token, cue: int, s: int, e: int) -> tuple[int, int] | None:
    """``head``'s subtree without a leading complementizer or trailing punctuation."""
    a, b = max(head.left_edge.i, s), min(head.right_edge.i + 1, e)
    toks = ex.toks
    if a <= cue < b:
        # "X, which state media said were under control": the relative pronoun stands
        # for X, the subject of what follows the cue; anything else is a mis-parse
        before = [t for t in head.subtree if t.i < cue and not t.is_punct]
        if toks[cue].dep_ not in RELATIVE or not all(
            t.head.i == head.i and _relative_pronoun(ex, t) for t in before
        ):
            return None
        a = cue + 1
    while a < b and (toks[a].lower_ in ex.m.complementizers or toks[a].text in (",", ":")):
        a += 1
    while b > a and toks[b - 1].is_punct and toks[b - 1].text not in QUOTE_CHARS | {")"}:
        b -= 1
    return (a, b) if b > a else None


def _after_preposition(
    ex: DocExtractor, head: Token, cue: int, s: int, e: int
) -> tuple[int, int] | None:
    found = _subtree(ex, head, cue, s, e)
    if found is None:
        return None
    a, b = found
    toks = ex.toks
    a += 1  # the preposition itself
    if a < b and toks[a].text in ("'", "’"):
        a += 1  # "d’" split in two
    return (a, b) if b > a else None


def _infinitive_ok(ex: DocExtractor, span: tuple[int, int], lemma: str, marked: bool) -> bool:
    """An infinitive content is a claim only when the verb reports a fact with it: "a nié
    avoir reçu", "claimed to have", "accusé d'avoir menti"; not "urged X to leave"."""
    a, b = span
    toks = ex.toks
    first = a
    if toks[first].lower_ in ex.m.infinitive_markers and first + 1 < b:
        first += 1
        marked = True
    while first < b and toks[first].lower_ in ex.m.infinitive_clitics:
        first += 1
    if first >= b:
        return False
    head = toks[first]
    if "Inf" not in head.morph.get("VerbForm") and head.tag_ != "VB":
        return True
    if head.lemma_.lower() in ex.m.infinitive_auxiliaries or head.lower_ in ("have", "having"):
        return True  # a perfect infinitive reports the past
    if marked:
        return lemma in ex.m.to_infinitive_verbs
    return ex.m.bare_infinitive_complements or lemma in ex.m.to_infinitive_verbs


def _words(ex: DocExtractor, span: tuple[int, int]) -> int:
    return sum(1 for t in ex.toks[span[0] : span[1]] if not (t.is_punct or t.is_space))


def _clause_ok(ex: DocExtractor, span: tuple[int, int]) -> bool:
    a, b = span
    if _words(ex, span) < MIN_CLAUSE_WORDS:
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in ex.toks[a:b]):
        return False
    return not all(ex.in_quote(k) or ex.toks[k].text in QUOTE_CHARS for k in range(a, b))


def _object_ok(ex: DocExtractor, span: tuple[int, int], lemma: str) -> bool:
    a, b = span
    if _words(ex, span) < MIN_OBJECT_WORDS:
        return False
    if lemma in ex.m.statement_object_only and not ex._statement_object(a, b, lemma):
        return False  # "rejected a bid", "admitted 12% of the candidates": no statement
    return not all(ex.in_quote(k) or ex.toks[k].text in QUOTE_CHARS for k in range(a, b))
