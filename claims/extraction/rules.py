"""Attribution rules over a parsed spaCy ``Doc``.

The rules are deliberately shallow: they read the token sequence (words, lemmas,
punctuation, quotation marks) and use the dependency parse only as a hint, because
small pipelines mis-parse long news sentences. Every scan is bounded to a window,
so the cost stays linear in the length of the article.

Vocabulary lives in the language packs (``languages/fr.py``, ``languages/en.py``);
this module only encodes the grammar of attribution:

- direct quotes with the reporting clause after, before (":") or around them;
- reporting verbs with a complement clause (que/that), an infinitive or an object;
- reporting clauses placed after the content ("X, a déclaré Y" / "X, Y said");
- "selon X" / "according to X", leading or trailing;
- relays ("Le Monde, citant deux diplomates, rapporte que ...");
- fixed phrases for declining to comment and being unable to verify;
- nominal attributions ("une affirmation formulée par X et démentie par Y").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from . import lexicon_common, syntactic
from .languages import LanguagePack, pack_for
from .text import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS, find_quotes
from .types import ExtractedClaim

WINDOW = 40  # maximum tokens any single scan walks
DASHES = {"–", "—", "--", "-"}
SENT_END = {".", "!", "?", "…"}
APOSTROPHES = ("'", "’")
APOSTROPHE_ARTICLES = ("l'", "l’")


# --------------------------------------------------------------------------- lexicon


@dataclass
class Lexicon:
    lang: str
    pack: LanguagePack
    forms: dict[str, str]
    declines: list[re.Pattern]
    cannot_verify: list[re.Pattern]
    passive_verify: re.Pattern
    according_first: frozenset[str]


@cache
def lexicon(lang: str) -> Lexicon:
    mod = pack_for(lang)
    forms: dict[str, str] = {}
    for lemma in mod.speech_verbs:
        if " " in lemma:
            continue
        for form in mod.verb_forms(lemma):
            forms.setdefault(form, lemma)
        for form in mod.irregular_forms.get(lemma, []):
            forms[form] = lemma
    flags = re.IGNORECASE
    declines = [
        re.compile(r"\b" + p if p[0].isalpha() else p, flags) for p in mod.declines_patterns
    ]
    cannot = [
        re.compile(r"\b" + p if p[0].isalpha() else p, flags) for p in mod.cannot_verify_patterns
    ]
    passive = re.compile(r"\b(?:être|be)\s+(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|ed)\b", flags)
    according_first = frozenset(p[0] for p in mod.according_to)
    return Lexicon(lang, mod, forms, declines, cannot, passive, according_first)


# --------------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=4096)
def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _is_word(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)


@dataclass
class Frame:
    """A speaker found for a claim, with what we know about it."""

    text: str
    kind: str  # person, organization, ...
    gender: str | None = None
    number: str | None = None
    via: list[str] = field(default_factory=list)
    is_pronoun: bool = False


@dataclass
class _Claim:
    start: int
    end: int
    frame: Frame
    cue: str
    quote_type: str
    stance: str
    confidence: float
    rule: str
    sent: int
    anchor: int  # token index of the cue, for ordering
    extra_via: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- extractor


class DocExtractor:
    """Runs every rule over one parsed document."""

    def __init__(self, doc: Doc, original: str, lang: str, offset: int = 0):
        self.doc = doc
        self.original = original  # the original text of this chunk (same length as doc.text)
        self.offset = offset
        self.lang = lang
        self.lex = lexicon(lang)
        self.m = self.lex.pack
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.ents = list(doc.ents)
        self.toks = list(doc)
        self.n = len(self.toks)
        self.claims: list[_Claim] = []
        self.consumed: set[int] = set()
        self.claims_by_sent: dict[int, list[_Claim]] = {}
        self._index_quotes()
        self._segment()
        self.quotes_by_sent: dict[int, list[int]] = {}
        for q, ot in self.open_tok.items():
            self.quotes_by_sent.setdefault(self.sent_of[ot], []).append(q)
        self.per_ents = [(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")]
        self.per_ents = sorted(set(self.per_ents) | set(self._personal_names(doc)))
        self.ent_label = {}
        for e in doc.ents:
            for i in range(e.start, e.end):
                self.ent_label[i] = e.label_

    # ------------------------------------------------------------------ preparation

    def _personal_names(self, doc: Doc) -> list[tuple[int, int]]:
        """Names the tagger missed that a personal reflexive marks as people:
        "Sá himself broke his silence", "Dupont lui-même a reconnu"."""
        found = []
        for tok in doc:
            if tok.lower_ not in self.m.personal_reflexives or tok.i == 0:
                continue
            e = tok.i
            s = e
            while (
                s > 0
                and e - s < 4
                and doc[s - 1].pos_ in ("PROPN", "NOUN")
                and doc[s - 1].text[:1].isupper()
                and doc[s - 1].ent_type_ in ("", "PER", "PERSON")
            ):
                s -= 1
            if s < e:
                found.append((s, e))
        return found

    def _index_quotes(self) -> None:
        text = self.text
        self.quotes = find_quotes(text)
        self.quote_of = [-1] * self.n  # token strictly inside a quote -> quote index
        self.open_tok: dict[int, int] = {}  # quote index -> token of opening mark
        self.close_tok: dict[int, int] = {}
        qi = 0
        for i, tok in enumerate(self.toks):
            pos = tok.idx
            while qi < len(self.quotes) and self.quotes[qi][1] < pos:
                qi += 1
            if qi < len(self.quotes):
                o, c = self.quotes[qi]
                if pos == o or (o <= pos < o + len(tok.text) and tok.text[0] in QUOTE_CHARS):
                    self.open_tok.setdefault(qi, i)
                if pos == c or (
                    pos <= c < pos + len(tok.text) and tok.idx + len(tok.text) - 1 == c
                ):
                    self.close_tok[qi] = i
                elif o < pos < c:
                    self.quote_of[i] = qi

    def _segment(self) -> None:
        """Sentences as token ranges; never broken inside a quotation."""
        self.sents: list[tuple[int, int]] = []
        self.para_of: list[int] = []
        self.sent_of = [0] * self.n
        start, para = 0, 0
        abbreviations = self.m.abbreviations
        toks = self.toks
        closing_marks = set(self.close_tok.values())

        def close(end: int, new_para: bool) -> None:
            nonlocal start, para
            s, e = start, end
            while s < e and toks[s].is_space:
                s += 1
            while e > s and toks[e - 1].is_space:
                e -= 1
            if e > s:
                for i in range(s, e):
                    self.sent_of[i] = len(self.sents)
                self.sents.append((s, e))
                self.para_of.append(para)
            if new_para:
                para += 1
            start = end

        for i, tok in enumerate(toks):
            if tok.is_space and "\n" in tok.text:
                close(i, True)
                start = i + 1
                continue
            if "\n" in tok.whitespace_ or (tok.text == "\n"):
                close(i + 1, True)
                continue
            if self.quote_of[i] != -1:
                continue
            text = tok.text
            ends = text in SENT_END
            if not ends and i in closing_marks:
                # «... contournés. » ends the sentence with its closing mark
                ends = i > 0 and toks[i - 1].text in SENT_END
            if not ends:
                continue
            if (
                text == "."
                and i > 0
                and (
                    toks[i - 1].lower_ in abbreviations
                    or (len(toks[i - 1].text) == 1 and toks[i - 1].text.isupper())
                )
            ):
                continue
            nxt = i + 1
            while nxt < self.n and toks[nxt].is_space and "\n" not in toks[nxt].text:
                nxt += 1
            if nxt >= self.n:
                continue
            ntext = toks[nxt].text
            if ntext in CLOSING_QUOTES or (ntext == '"' and self.quote_of[i] != -1):
                continue
            if (
                ntext[0].isupper()
                or ntext[0].isdigit()
                or ntext in OPENING_QUOTES
                or ntext == '"'
                or toks[nxt].is_space
            ):
                close(i + 1, False)
        close(self.n, False)

    # ------------------------------------------------------------------ token classes

    def sent_claims(self, si: int, before: int) -> list[_Claim]:
        """Claims already found in sentence ``si`` whose cue precedes token ``before``."""
        return [c for c in self.claims_by_sent.get(si, ()) if c.anchor < before]

    def in_quote(self, i: int) -> bool:
        return self.quote_of[i] != -1

    def _periphrastic(self, i: int) -> str | None:
        """ "a fait savoir que", "a laissé entendre que": the speech verb these stand for."""
        match = self._periphrastic_match(i)
        return None if match is None else match[0]

    def _periphrastic_match(self, i: int) -> tuple[str, int] | None:
        """The speech verb a light-verb phrase ending at ``i`` stands for, and the index of
        its light verb: "a fait savoir", "a mis en garde", "pointed out", "made it clear"."""
        if i == 0:
            return None
        low = self.toks[i].lower_
        light = self.m.periphrastic_cues.get(low)
        if light is not None and self.toks[i - 1].lower_.startswith(light[0]):
            return light[1], i - 1
        for stems, middle, lemma in self.m.multiword_cues.get(low, ()):
            start = i - len(middle) - 1
            if start < 0 or self.in_quote(start):
                continue
            if not all(self.toks[start + 1 + n].lower_ == w for n, w in enumerate(middle)):
                continue
            if not self.toks[start].lower_.startswith(stems) or self._is_passive(start):
                continue  # "a été mis en garde": the one warned does not speak
            return lemma, start
        return None

    def cue_lemma(self, i: int) -> str | None:
        tok = self.toks[i]
        low = tok.lower_
        periphrastic = self._periphrastic(i)
        if periphrastic is not None:
            return periphrastic
        lemma = self.lex.forms.get(low)
        if lemma is None:
            lem = tok.lemma_.lower()
            if lem in self.m.speech_verbs and tok.pos_ in ("VERB", "AUX") and low[:3] == lem[:3]:
                lemma = lem
        if lemma is None:
            return None
        if self.m.cue_verbs_by_tags:
            # Penn tags tell the base form, the past participle and the past tense apart
            if not tok.tag_.startswith("VB") and not (tok.pos_ == "VERB"):
                return None
            if self._is_passive(i):
                return None
            nxt = self.toks[i + 1].lower_ if i + 1 < self.n else ""
            if tok.tag_ == "VBN" and not self._has_perfect_aux(i):
                prev = self.toks[i - 1] if i > 0 else None
                if (
                    nxt in self.m.agent_prepositions
                    or prev is None
                    or prev.pos_ in ("NOUN", "ADJ", "DET")
                ):
                    return None
            if tok.tag_ == "VB" and i > 0 and self.toks[i - 1].lower_ in self.m.infinitive_markers:
                return None  # "declined to say", "plans to announce"
        else:
            # the form tells: the lemma itself is the infinitive, the endings the participle
            if low == lemma and not self._infinitive_after_opener(i):
                return None  # infinitive: "a refusé d'annoncer"
            participle = low.endswith(self.m.participle_endings) or (
                not lemma.endswith(self.m.regular_infinitive_ending)
                and low.endswith(self.m.irregular_participle_endings)
                and low not in self.m.present_tense_participles
            )
            reflexive = self._reflexive_perfect(i)
            if lemma in self.m.pronominal_only_verbs and not (
                reflexive or (i > 0 and self.toks[i - 1].lower_ in self.m.reflexive_clitics)
            ):
                return None  # "a félicité les joueurs" reports nothing; "s'est félicité" does
            if participle and not (
                self._has_perfect_aux(i) or reflexive or self._coordinated_perfect(i)
            ):
                # past participles report speech only in a compound tense
                return None
            if self._is_passive(i) and not reflexive:
                return None
            if tok.pos_ in ("NOUN", "PROPN") and low in self.m.cue_homograph_nouns:
                return None
        return lemma

    def _is_finite_fr_dit(self, i: int) -> bool:
        # "dit"/"écrit" are also present tense: "X dit que"
        return not self._has_perfect_aux(i) and i + 1 < self.n

    def _aux_before(self, i: int) -> list[int]:
        out = []
        j = i - 1
        steps = 0
        while j >= 0 and steps < 6:
            t = self.toks[j]
            low = t.lower_
            if low in self.m.aux:
                out.append(j)
            elif (
                t.pos_ == "ADV"
                or low in self.m.time_words
                or low in self.m.negations
                or low in ("-t", "ailleurs", "par", "pour", "sa", "part")
                or low in _ASIDE_LOCUTION_ENDS
                or (low == "en" and j + 1 < i and self.toks[j + 1].lower_ in _ASIDE_LOCUTION_ENDS)
                or low in self.m.inversion_clitics
            ):
                pass
            else:
                break
            j -= 1
            steps += 1
        return out

    def _has_perfect_aux(self, i: int) -> bool:
        return any(self.toks[j].lower_ in self.m.perfect_aux for j in self._aux_before(i))

    def _coordinated_perfect(self, i: int) -> bool:
        """ "a rejeté X et affirmé Y": a bare participle after "et" shares the auxiliary
        of the compound verb it is coordinated with."""
        if i == 0 or self.toks[i - 1].lower_ not in self.m.coordinators:
            return False
        for k in range(i - 2, max(-1, i - 16), -1):
            t = self.toks[k]
            if t.text in SENT_END or t.text in (";", ",") and not self.in_quote(k):
                return False
            if self.in_quote(k) or t.text in QUOTE_CHARS:
                continue
            if t.pos_ == "VERB" and self._has_perfect_aux(k):
                return not self._is_passive(k)
            if self.is_finite(k):
                return False
        return False

    def _reflexive_perfect(self, i: int) -> bool:
        """ "s'est félicité", "se sont inquiétés": être is the perfect auxiliary, not passive."""
        auxes = self._aux_before(i)
        if not auxes or not self.m.reflexive_clitics:
            return False
        last = auxes[-1]
        return last > 0 and self.toks[last - 1].lower_ in self.m.reflexive_clitics

    def _is_passive(self, i: int) -> bool:
        auxes = self._aux_before(i)
        if not auxes:
            return False
        nearest = self.toks[auxes[0]].lower_
        return nearest in self.m.passive_aux

    def is_participle(self, i: int) -> bool:
        tok = self.toks[i]
        return tok.tag_ in self.m.gerund_tags or tok.lower_.endswith(self.m.participle_suffix)

    def is_finite(self, i: int) -> bool:
        tok = self.toks[i]
        if self.m.finite_tags:  # the tagset marks finiteness (Penn: VBD, VBZ, VBP, MD)
            return tok.tag_ in self.m.finite_tags and tok.dep_ not in ("amod", "compound")
        if tok.lower_ in self.m.finite_aux:
            return True
        return (
            tok.pos_ in ("VERB", "AUX")
            and "Fin" in tok.morph.get("VerbForm")
            and tok.dep_ not in _NOMINAL_DEPS
            and (not tok.text[0].isupper() or tok.i == 0)
        )

    def verb_group_start(self, i: int) -> int:
        match = self._periphrastic_match(i)
        j = i if match is None else match[1]  # the light verb: "a fait savoir"
        steps = 0
        while j - 1 >= 0 and steps < 7:
            t = self.toks[j - 1]
            low = t.lower_
            if self.in_quote(j - 1):
                break
            if low == "ailleurs" and j - 2 >= 0 and self.toks[j - 2].lower_ == "par":
                j -= 2
            elif low in _ASIDE_LOCUTION_ENDS and j - 2 >= 0 and self.toks[j - 2].lower_ == "en":
                j -= 2  # "a en revanche démenti"
            elif (
                low in self.m.aux
                or low in self.m.negations
                or low in self.m.inversion_clitics
                or low == "-t"
            ):
                j -= 1
            elif (
                t.pos_ == "ADV"
                and low not in ("selon", "comme", "ainsi")
                or low in self.m.time_words
            ):
                j -= 1
            elif low in self.m.verb_group_clitics and j - 1 > 0:
                j -= 1
            else:
                break
            steps += 1
        # never start a verb group on an adverb that precedes the auxiliary chain
        while (
            j < i
            and (self.toks[j].pos_ == "ADV" or self.toks[j].lower_ in self.m.time_words)
            and self.toks[j].lower_ not in self.m.negations
            and not any(
                self.toks[k].lower_ in self.m.aux or self.toks[k].lower_ in self.m.negations
                for k in range(j, i)
            )
        ):
            j += 1
        return j

    def verb_group_end(self, i: int) -> int:
        """Index after the cue verb and any inversion clitic ("a-t-il déclaré", "affirme-t-il")."""
        j = i + 1
        while j < self.n and (
            self.toks[j].lower_ in ("-t",) or self.toks[j].lower_ in self.m.inversion_clitics
        ):
            j += 1
        return j

    def inversion_pronoun(self, vg_start: int, vg_end: int) -> int | None:
        for j in range(vg_start, min(vg_end + 1, self.n)):
            low = self.toks[j].lower_
            if low in self.m.inversion_clitics:
                return j
        return None

    # ------------------------------------------------------------------ segments

    def split_segments(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Comma/dash separated segments of [lo, hi), ignoring separators inside quotes/brackets."""
        segs = []
        depth = 0
        s = lo
        for j in range(lo, hi):
            t = self.toks[j].text
            if t in "([":
                depth += 1
            elif t in ")]":
                depth = max(0, depth - 1)
            elif (
                depth == 0
                and not self.in_quote(j)
                and (t in (",", ";") or (t in DASHES and self._spaced_dash(j)))
            ):
                segs.append((s, j))
                s = j + 1
        segs.append((s, hi))
        return segs

    def _spaced_dash(self, j: int) -> bool:
        """A dash that separates ("X – citing Y – said"), not one inside "California-based"."""
        tok = self.toks[j]
        return bool(tok.whitespace_) or j == 0 or bool(self.toks[j - 1].whitespace_)

    def seg_kind(self, s: int, e: int) -> str:
        """np, paren (relative/participial aside), relay, adverbial, clause or empty."""
        while s < e and (
            self.toks[s].is_space
            or self.toks[s].text in QUOTE_CHARS
            or self.toks[s].lower_ in self.m.coordinators
        ):
            s += 1
        if s >= e:
            return "empty"
        first = self.toks[s]
        low = first.lower_
        if low in self.m.relay_verbs:
            return "relay"
        if low in self.m.relative_subjects or low in ("dont", "whose", "which"):
            return "paren"
        if low in self.m.aside_openers:
            return "paren"
        if self.is_participle(s) and first.pos_ in ("VERB", "AUX") and not first.text[0].isupper():
            return "paren"
        if (
            low in self.m.adverbial_openers
            or first.pos_ in ("ADP", "SCONJ")
            or (first.pos_ == "ADV" and low not in self.m.indefinite_determiners)
        ):
            # a capitalised opener ("Contactée,") may be tagged PROPN; a listed opener still counts
            listed_alone = low in self.m.adverbial_openers and (
                e - s == 1 or not first.text[0].isupper()
            )
            named = first.pos_ == "PROPN" or first.ent_type_ in ("ORG", "PER", "PERSON", "GPE")
            if listed_alone or not named:
                return "adverbial"
        relative = False
        for j in range(s, e):
            if j > s and self.toks[j].lower_ in self.m.relative_subjects:
                relative = True  # "residents who joined the suit": still a noun phrase
            if not relative and not self.in_quote(j) and self.is_finite(j):
                return "clause"
        return "np"

    def left_subject(
        self, lo: int, vg: int
    ) -> tuple[tuple[int, int] | None, list[tuple[int, int]], int | None]:
        """Subject NP in [lo, vg) -> (np range, asides, start of post-posed content end).

        Returns the NP span (may include appositives), the aside segments (relative
        clauses, relays) and, when the segments before the subject form a clause,
        the token index where that clause ends (the comma before the subject).
        """
        segs = self.split_segments(lo, vg)
        asides: list[tuple[int, int]] = []
        nps: list[tuple[int, int]] = []
        clause_end = None
        for s, e in reversed(segs):
            kind = self.seg_kind(s, e)
            if kind == "empty":
                if nps:
                    break
                continue
            if kind in ("paren", "relay"):
                if nps:
                    break
                asides.append((s, e))
                continue
            if kind == "adverbial":
                # an aside between subject and verb ("Les FSR, de leur côté, ont nié")
                if nps or not (asides or len(segs) > 1 and segs[-1][0] == segs[-1][1]):
                    break
                asides.append((s, e))
                continue
            if kind == "np":
                if len(nps) >= 2:
                    break
                if nps and not self._appositive_ok(s, e, nps[-1]):
                    break
                nps.append((s, e))
                continue
            if kind == "clause" and nps:
                clause_end = e
            break
        if not nps:
            return None, asides, None
        if clause_end is not None and len(nps) == 2 and not any(
            self._names_someone(*np) for np in nps
        ):
            # "X rose 4%, the fastest pace in a year, the office said": the first noun
            # phrase is in apposition to the reported clause, not to the speaker
            clause_end = nps[1][1]
            nps = nps[:1]
        s = nps[-1][0]
        e = nps[0][1]
        return (s, e), asides, clause_end

    def _names_someone(self, s: int, e: int) -> bool:
        """A proper name or a title in [s, e): "Nadir Belkacem", "le porte-parole"."""
        return any(
            t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > s) or t.lower_ in self.m.titles
            for t in self.toks[s:e]
        )

    def _appositive_ok(self, s: int, e: int, later: tuple[int, int]) -> bool:
        # "Son porte-parole, Nadir Belkacem," / "Ce témoin, l'ancien directeur ..."
        for a, b in ((s, e), later):
            words = [t for t in self.toks[a:b] if _is_word(t)]
            if len(words) == 1 and (words[0].lower_ in self.m.pronouns or words[0].pos_ == "PRON"):
                return False
        return (e - s) <= 12 and (later[1] - later[0]) <= 14

    def right_np(self, j: int, hi: int) -> tuple[int, int] | None:
        """Inverted subject after the verb: skip adverbs, time words and PPs."""
        toks = self.toks
        steps = 0
        in_pp = False
        last_pp_word = None
        while j < hi and steps < WINDOW:
            t = toks[j]
            low = t.lower_
            if (
                t.text in (",", ".", ";", ":")
                or t.text in DASHES
                or self.in_quote(j)
                or t.text in QUOTE_CHARS
                or low in self.m.complementizers
                or (self.is_finite(j) and low not in self.m.aux)
                # "admitted 8% of applicants": a quantity object, not an inverted subject
                or (t.text == "%" and not in_pp)
            ):
                if t.text == "," and in_pp:
                    in_pp = False
                    j += 1
                    steps += 1
                    continue
                return None
            if (
                low in self.m.time_words
                or (t.pos_ == "ADV" and low not in ("selon", "de", "d'", "d’", "du"))
                or t.like_num
                and not in_pp
            ):
                j += 1
                steps += 1
                continue
            if t.pos_ == "ADP" or low in (
                "à",
                "au",
                "aux",
                "lors",
                "dans",
                "devant",
                "de",
                "d'",
                "d’",
                "du",
                "pendant",
                "durant",
                "to",
                "in",
                "at",
                "on",
                "during",
                "before",
                "after",
            ):
                in_pp = True
                last_pp_word = low
                j += 1
                steps += 1
                continue
            if in_pp:
                prev = toks[j - 1]
                starts_np = (
                    (
                        t.pos_ == "DET"
                        or low in self.m.articles
                        or low in self.m.definite_determiners
                    )
                    and prev.lower_ not in ("de", "d'", "d’", "du", "des", "of", "à", "au", "aux")
                    and prev.pos_ != "ADP"
                    and low not in ("de", "d'", "d’")
                    and last_pp_word is not None
                    and prev.i != j - 1 - 0
                    or False
                )
                starts_np = starts_np or (
                    (
                        t.pos_ == "DET"
                        or low in self.m.definite_determiners
                        or low in ("le", "la", "les", "l'", "l’", "un", "une", "the", "a", "an")
                    )
                    and (prev.pos_ in ("NOUN", "PROPN", "ADJ") or prev.text[:1].isupper())
                    and prev.lower_ not in ("de", "d'", "d’", "of")
                )
                if not starts_np:
                    j += 1
                    steps += 1
                    continue
            # NP starts here: run to the next separator, keep a following name appositive
            if not (
                t.pos_ in ("DET", "PROPN", "NOUN", "NUM")
                or "Yes" in t.morph.get("Poss")  # "said its spokesman, X"
                or low in self.m.articles
                or low in self.m.titles
                or t.text[:1].isupper()
            ):
                return None
            s = j
            e = j
            depth = 0
            while e < hi and e - s < WINDOW:
                tt = toks[e].text
                if tt == "(":
                    depth += 1
                elif tt == ")":
                    depth = max(0, depth - 1)
                elif depth == 0 and (
                    tt in (",", ".", ";", ":")
                    or tt in DASHES and (tt != "-" or self._spaced_dash(e))  # "lieutenant-général"
                    or tt in QUOTE_CHARS
                ):
                    break
                e += 1
            if e < hi and toks[e].text == ",":
                k = e + 1
                while (
                    k < hi
                    and (
                        toks[k].pos_ == "PROPN"
                        or toks[k].text in ("-",)
                        or toks[k].lower_ in self.m.titles
                        or toks[k].text[:1].isupper()
                    )
                    and k - e < 6
                ):
                    k += 1
                if k > e + 1 and (k >= hi or toks[k].text in (",", ".")):
                    e = k
            while e > s and not _is_word(toks[e - 1]) and toks[e - 1].text != ")":
                e -= 1
            return (s, e) if e > s else None
        return None

    # ------------------------------------------------------------------ clause ends

    def clause_end(self, cs: int, hi: int, anchors: set[int], cue: int | None = None) -> int:
        """End (exclusive) of a content clause starting at ``cs``."""
        toks = self.toks
        j = cs
        limit = min(hi, cs + 400)
        # a cue inside a relative clause ("X, qui dénonce Y, a appelé à ..."): the content
        # stops where the main clause resumes
        relative = False
        if cue is not None:
            vg = self.verb_group_start(cue)
            relative = vg > 0 and toks[vg - 1].lower_ in self.m.relative_subjects
        while j < limit:
            if self.in_quote(j):
                j += 1
                continue
            t = toks[j]
            text = t.text
            low = t.lower_
            if (
                text == ";"
                or (text in DASHES and (t.whitespace_ or j == 0 or toks[j - 1].whitespace_))
                and text != "-"
            ):
                return j
            if text in SENT_END and j + 1 >= limit:
                return j
            if j > cs and j in anchors:
                # coordinated reporting verb sharing the subject: "... but declined to comment"
                k = j - 1
                if toks[k].lower_ in self.m.coordinators:
                    k -= 1
                    return k + 1 if toks[k].text != "," else k
                if toks[k].text == ",":
                    return k
            if text == "," and j + 1 < limit:
                nxt = toks[j + 1]
                nlow = nxt.lower_
                if relative and (nxt.pos_ == "AUX" or self.is_finite(j + 1)):
                    return j
                if nlow in self.m.relay_verbs or (j + 1) in anchors:
                    return j
                if self._starts_according(j + 1):
                    return j
                if nlow in self.m.context_clause_openers and self._context_clause(j + 2, limit):
                    return j  # "said it had shot down 41 drones, as strikes left ..."
                if (
                    j + 2 < limit
                    and (nlow in self.m.articles or nlow in self.m.definite_determiners)
                    and toks[j + 2].lower_ in self.m.statement_nouns
                ):
                    return j  # ", une affirmation démentie par X" / ", a claim denied by X"
                if (
                    nlow in self.m.coordinators
                    and j + 2 < limit
                    and self._clause_with_anchor(j + 2, limit, anchors, appositive=True)
                ):
                    return j
                if self._clause_with_anchor(j + 1, limit, anchors, subject_only=True):
                    return j
            if low in self.m.coordinators and j > cs and (j + 1) in anchors:
                return j
            if (
                low in self.m.coordinators
                and j > cs
                and cue is not None
                and j + 1 < limit
                and not self._continues_content_tense(j + 1, cue)
            ):
                # a verb coordinated with the reporting verb, not with the content verb:
                # "ont rejeté les affirmations selon lesquelles X et ont évité de ..."
                for k in range(j + 1, min(limit, j + 4)):
                    tk = toks[k]
                    if tk.pos_ == "VERB":
                        if tk.head.i == cue or tk.head.i < cs:
                            return j
                        break
                    if tk.pos_ not in ("AUX", "ADV", "PART"):
                        break
                nxt = toks[j + 1]
                if nxt.dep_ == "conj" and nxt.head.i == cue and nxt.pos_ in ("VERB", "AUX"):
                    return j
                if (
                    nxt.pos_ in ("AUX", "VERB")
                    and nxt.dep_ in ("conj", "aux", "aux:tense")
                    and nxt.head.i < cs
                    and nxt.head.i == cue
                ):
                    return j
            j += 1
        return limit

    def _context_clause(self, k: int, hi: int) -> bool:
        """A full clause (subject, then a finite verb) at ``k``: after ", as" it is the
        writer's context ("as fresh strikes left homes without power"), not the speaker's."""
        toks = self.toks
        if k >= hi or toks[k].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"):
            return False
        for j in range(k + 1, min(hi, k + 10)):
            if self.in_quote(j) or toks[j].text in (",", ";", ":") or toks[j].text in SENT_END:
                return False
            if self.is_finite(j):
                return any(c.dep_ in ("nsubj", "nsubjpass") for c in toks[j].children)
        return False

    def _continues_content_tense(self, k: int, cue: int) -> bool:
        """ "a estimé que X allait bien mais restait fragile": an imperfect verb after the
        coordinator follows the reported clause, not a reporting verb in the perfect."""
        if self.m.backshift_auxiliaries:
            # "said it was X and had contacted Y": a back-shifted auxiliary (pluperfect,
            # conditional) after a simple-past cue carries on the reported clause
            return (
                self.toks[cue].tag_ == "VBD"
                and self.toks[k].lower_ in self.m.backshift_auxiliaries
            )
        if not self._has_perfect_aux(cue):
            return False
        tok = self.toks[k]
        return tok.pos_ in ("VERB", "AUX") and "Imp" in tok.morph.get("Tense")

    def _clause_with_anchor(
        self, j: int, hi: int, anchors: set[int], subject_only: bool = False, appositive=False
    ) -> bool:
        """True when [j, ...) is a short subject followed by an anchor ("AFP could not ...").

        After ", and" the new subject may carry an appositive: ", and a spokeswoman for the
        largest, the X Foundation, declined to comment"."""
        for k in range(j, min(hi, j + (16 if appositive else 9))):
            if k in anchors:
                return k > j or not subject_only
            t = self.toks[k]
            if (t.text in (",", ".", ";") and not (appositive and t.text == ",")) or self.in_quote(
                k
            ):
                return False
            if self.is_finite(k) and t.lower_ not in self.m.aux:
                return False
        return False

    def _starts_according(self, j: int) -> bool:
        if self.toks[j].lower_ not in self.lex.according_first:
            return False
        for pattern in self.m.according_to:
            if self._words_at(j, pattern, self.n):
                nxt = self.toks[j + len(pattern)] if j + len(pattern) < self.n else None
                if nxt is not None and nxt.lower_ in (
                    "lequel",
                    "laquelle",
                    "lesquels",
                    "lesquelles",
                ):
                    return False
                return True
        return False

    # ------------------------------------------------------------------ spans & speakers

    def char_span(self, s: int, e: int) -> tuple[int, int] | None:
        """Trimmed character span of tokens [s, e) (offsets into the chunk)."""
        if e <= s:
            return None
        a = self.toks[s].idx
        b = self.toks[e - 1].idx + len(self.toks[e - 1].text)
        return self.trim(a, b)

    def trim(self, a: int, b: int) -> tuple[int, int] | None:
        text = self.text
        while a < b and (text[a].isspace() or text[a] in ",;:"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:–—-"):
            b -= 1
        # drop an unmatched quotation mark left at either edge
        if (
            b > a
            and text[a] in QUOTE_CHARS
            and text.count(text[a], a, b) == 1
            and not any(c in text[a:b] for c in '»”"' if text[a] in '«“"')
        ):
            a += 1
            while a < b and text[a].isspace():
                a += 1
        if b > a and text[b - 1] in "»”" and not any(c in text[a : b - 1] for c in "«“"):
            b -= 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ".,"):
                b -= 1
        if b - a < 2:
            return None
        return a, b

    def np_text(self, s: int, e: int) -> str:
        a = self.toks[s].idx
        b = self.toks[e - 1].idx + len(self.toks[e - 1].text)
        return " ".join(self.text[a:b].split())

    def make_frame(
        self,
        span: tuple[int, int],
        asides: list[tuple[int, int]] | None = None,
        at: int | None = None,
    ) -> Frame | None:
        """Build (and resolve) a speaker from an NP token range."""
        s, e = span
        toks = self.toks
        # drop leading conjunctions/punctuation and trailing modifiers
        while s < e and (not _is_word(toks[s]) or toks[s].lower_ in self.m.coordinators):
            s += 1
        if s >= e:
            return None
        cut = e
        for j in range(s + 1, e):
            low = toks[j].lower_
            if (
                low in self.m.relative_subjects
                or low in ("s'", "s’", "ayant", "who", "which")
                or (
                    self.is_participle(j)
                    and toks[j].pos_ in ("VERB", "AUX")
                    and self.m.participle_ends_noun_phrase
                    and low.endswith(self.m.participle_suffix)
                )
                or (
                    toks[j].text == ","
                    and j + 1 < e
                    and self.seg_kind(j + 1, e) in ("paren", "relay", "adverbial")
                )
            ):
                asides = (asides or []) + [(j, e)]
                cut = j
                break
        e = cut
        while e > s and (
            (not _is_word(toks[e - 1]) and toks[e - 1].text != ")")
            or toks[e - 1].pos_ == "ADV"
            or toks[e - 1].lower_ in self.m.time_words
        ):
            e -= 1
        if e <= s:
            return None
        aside_text = " ".join(self.np_text(a, b) for a, b in (asides or []) if b > a)
        full = self.np_text(s, e)
        low_words = [t.lower_ for t in toks[s:e] if _is_word(t)]
        if len(low_words) == 1 and low_words[0] in self.m.pronouns:
            return self.resolve_pronoun(low_words[0], at if at is not None else s)
        if (
            low_words
            and low_words[0] in ("one", "l'un", "l’un", "l'une", "l’une")
            and low_words[-1] in ("them", "eux", "elles")
        ):
            ante = self.resolve_pronoun(self.m.plural_pronoun, s)
            if ante is not None and not ante.is_pronoun:
                kind = ante.kind
                if self.m.one_of_prefix:  # "one of them" -> "one of the inspectors"
                    return Frame(self.m.one_of_prefix + ante.text, kind, via=list(ante.via))
                return Frame(full, kind, via=list(ante.via))
        kind = self.speaker_kind(s, e, full + " " + aside_text)
        gender, number = self._gender_number(s, e)
        text = full
        # a person named inside the NP ("la procureure Mathilde Sarrazin") is the speaker
        for ps, pe in self.per_ents:
            if s <= ps and pe <= e and pe - ps >= 2 and kind != "anonymous":
                text = self.np_text(ps, pe)
                kind = "person"
                break
        name_end = self._name_before_indefinite_appositive(s, e)
        if name_end is not None and text == full:
            text = self.np_text(s, name_end)  # "Corvane Systems, a software maker," -> the name
        text = self._strip_document(text, s, e)
        if kind == "person":
            text = self._full_name(text, s)
        if text == full:
            described = self._described_person(s, e)
            if described is not None:
                text, kind = described, "person"  # "le ministre" -> "Étienne Valmorel"
        frame = Frame(text, kind, gender, number)
        resolved = self.resolve_definite(frame, s, e) if kind != "person" else None
        return resolved or frame

    def _described_person(self, s: int, e: int) -> str | None:
        """ "Le ministre a démenti": the person an earlier sentence introduced with that
        title ("a assuré le ministre, Étienne Valmorel"), or None."""
        toks = self.toks
        words = [t for t in toks[s:e] if _is_word(t)]
        if not (2 <= len(words) <= 3) or words[0].lower_ not in self.m.articles:
            return None
        if words[0].lower_ in self.m.indefinite_determiners or any(
            t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > s for t in words
        ):
            return None
        head = words[-1].lower_
        if words[-1].pos_ != "NOUN" or head in self.m.anonymous_heads:
            return None
        for ps, pe in reversed(self.per_ents):
            if pe > s or self.sent_of[ps] == self.sent_of[s]:
                continue
            # the title right before the name: "le ministre, Étienne Valmorel",
            # "le lieutenant-général Ihor Romanenko"
            for k in range(ps - 1, max(self.sents[self.sent_of[ps]][0], ps - 4) - 1, -1):
                low = toks[k].lower_
                if low == head or low.startswith(head + "-"):
                    if k > 0 and toks[k - 1].lower_ in self.m.definite_determiners:
                        return " ".join(self._without_title(self.np_text(ps, pe))) or None
                    break
                if not (toks[k].text == "," or toks[k].lower_ in self.m.titles):
                    break
        return None

    def _without_title(self, name: str) -> list[str]:
        """The words of a name without a leading title ("M.", "Me", "Dr")."""
        words = name.split()
        return words[1:] if words and words[0].lower() in self.m.titles else words

    def _full_name(self, text: str, at: int) -> str:
        """ "M. Desforges", "Raman": the full name given earlier ("Paul Desforges")."""
        words = self._without_title(text)
        if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
            return text
        tail = [w.lower() for w in words]
        names = [self.np_text(ps, pe) for ps, pe in reversed(self.per_ents) if pe <= at]
        names += [c.frame.text for c in reversed(self.claims) if c.frame.kind == "person"]
        for name in names:
            full = self._without_title(name)
            if len(full) > len(tail) and [w.lower() for w in full[-len(tail) :]] == tail:
                return " ".join(full)
        return text

    def _name_before_indefinite_appositive(self, s: int, e: int) -> int | None:
        """End of a proper name followed by ", a/un ..." describing it, else None."""
        for c in range(s + 1, min(e - 1, s + 8)):
            if self.toks[c].text != ",":
                continue
            if self.toks[c + 1].lower_ not in self.m.name_appositive_articles:
                return None
            name = self.toks[s:c]
            if all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in name if _is_word(t)):
                return c
            return None
        return None

    def _strip_document(self, text: str, s: int, e: int) -> str:
        """Drop a document head: "les chiffres du ministère X" -> "ministère X"."""
        toks = [t for t in self.toks[s:e]]
        words = [t.lower_ for t in toks]
        docs = self.m.document_heads
        if self.m.document_head_first:  # "les chiffres du ministère" / "the ministry figures"
            k = 0
            while k < len(words) and (
                words[k] in self.m.articles
                or words[k] in docs
                or words[k] in self.m.definite_determiners
                or toks[k].pos_ == "ADJ"
            ):
                if (
                    words[k] in docs
                    and k + 1 < len(words)
                    and words[k + 1] in self.m.document_agent_words
                ):
                    rest = toks[k + 2 :]
                    if rest and any(t.pos_ in ("NOUN", "PROPN") for t in rest):
                        return self.np_text(toks[k + 2].i, e)
                k += 1
        else:
            if len(words) >= 2 and words[-1] in docs and toks[-2].pos_ in ("NOUN", "PROPN"):
                return self.np_text(s, e - 1)
        return text

    def _gender_number(self, s: int, e: int) -> tuple[str | None, str | None]:
        gender = number = None
        for t in self.toks[s:e]:
            if t.pos_ in ("DET", "NOUN", "PROPN") or t.lower_ in self.m.titles:
                g = t.morph.get("Gender")
                nb = t.morph.get("Number")
                low = t.lower_
                if low in ("mme", "mlle", "la", "une", "she", "mrs", "ms", "mrs.", "ms."):
                    gender = gender or "Fem"
                elif low in ("m.", "mr", "mr."):
                    gender = gender or "Masc"
                # the elided article "l'" carries no gender, whatever the tagger says
                if g and gender is None and t.pos_ != "PROPN" and low not in APOSTROPHE_ARTICLES:
                    gender = g[0]
                if nb and number is None and t.pos_ != "PROPN":
                    number = nb[0]
            if gender and number:
                break
        if self.m.plural_tags and number is None:
            number = "Plur" if any(t.tag_ in self.m.plural_tags for t in self.toks[s:e]) else "Sing"
        return gender, number

    def _head_noun(self, s: int, e: int) -> str:
        """Last noun of the first nominal run ("three council members" -> "members")."""
        head = ""
        for t in self.toks[s:e]:
            if t.pos_ in ("NOUN", "PROPN") or t.lower_ in self.m.anonymous_heads:
                head = t.lower_
            elif head and (
                t.pos_ in ("ADP", "PUNCT", "VERB", "AUX", "PRON")
                or t.lower_ in ("de", "d'", "d’", "du", "des", "of")
            ):
                break
        return head

    def speaker_kind(self, s: int, e: int, text: str) -> str:
        m = self.m
        low = strip_accents(text.lower())
        words = [t.lower_ for t in self.toks[s:e] if _is_word(t)]
        nouns = [
            t.lower_
            for t in self.toks[s:e]
            if t.pos_ in ("NOUN", "PROPN") or t.lower_ in m.anonymous_heads
        ]
        has_per = any(s <= ps and pe <= e for ps, pe in self.per_ents)
        if any(strip_accents(mark) in low for mark in m.anonymous_markers):
            return "anonymous"
        if _names_outlet(words) and not any(w in m.spokesperson_heads for w in words):
            if not has_per:
                return "publication"
        head = self._head_noun(s, e) or (nouns[0] if nouns else (words[0] if words else ""))
        first = words[0] if words else ""
        if has_per or (
            first in m.titles and 1 < len(words) <= 4 and self.toks[e - 1].text[:1].isupper()
        ):
            return "person"  # "M. Desforges", "Dr Hale": a title names a person
        if any(w in m.spokesperson_heads for w in words):
            return "government" if any(w in m.government_heads for w in words) else "organization"
        if (
            head in m.anonymous_heads
            and (first in m.indefinite_determiners or first == head or (self.toks[s].like_num))
            and not any(
                t.pos_ == "PROPN" and t.ent_type_ in ("PER", "PERSON") for t in self.toks[s:e]
            )
        ):
            return "anonymous"
        if (
            head in m.anonymous_heads
            and (first in m.indefinite_determiners or self.toks[s].like_num)
            and not any(t.pos_ == "PROPN" for t in self.toks[s:e])
        ):
            return "anonymous"
        if any(w in m.publication_heads for w in words[:3]) and not any(
            w in ("ministère", "ministry") for w in words
        ):
            if head in m.publication_heads or (words and words[-1] in m.publication_heads):
                return "publication"
        if (
            any(w in m.government_heads for w in words)
            or any(self.ent_label.get(j) in ("GPE", "LOC") for j in range(s, e))
            and len(words) <= 4
        ):
            if head in m.group_heads:
                return "group"
            return "government"
        if head in m.group_heads or (words and words[-1] in m.group_heads):
            return "group"
        if head in m.anonymous_heads:
            return "group" if first in m.definite_determiners else "anonymous"
        return "organization"

    # ------------------------------------------------------------------ resolution

    def resolve_pronoun(self, pronoun: str, at: int) -> Frame | None:
        """The referent of a subject pronoun: the latest compatible speaker or subject person."""
        gender, number = self.m.pronouns.get(pronoun, (None, None))
        personal = pronoun in ("il", "elle", "lui", "-il", "-elle", "he", "she", "him", "her")
        found: Frame | None = None
        found_at = -1
        fallback = None
        for claim in reversed(self.claims):
            f = claim.frame
            if f.is_pronoun or not f.text:
                continue
            if number == "Plur" and f.number == "Sing" and f.kind != "organization":
                continue
            if number == "Sing" and f.number == "Plur":
                continue
            if (
                not self.m.personal_pronouns_name_institutions
                and personal
                and f.kind in ("publication", "government", "group")
            ):
                fallback = fallback or f
                continue
            if pronoun in self.m.impersonal_pronouns and f.kind == "person":
                continue
            if gender in ("Masc", "Fem") and f.gender in ("Masc", "Fem") and f.gender != gender:
                continue
            found, found_at = f, claim.anchor
            break
        if number == "Plur" and not personal:
            # "Plusieurs associations ont écrit au ministre. Elles estiment que ...": the plural
            # subject of the previous sentence beats an older speaker
            subject = self._previous_plural_subject(at, found_at, gender)
            if subject is not None:
                return subject
        if personal and number == "Sing":
            # a person who is the subject of a more recent sentence ("Le journaliste X est
            # détenu ... Lui et son journal nient") beats an older speaker
            for ps, pe in reversed(self.per_ents):
                if pe > at:
                    continue
                if ps <= found_at:
                    break
                if self._subject_position(ps, pe):
                    return Frame(self.np_text(ps, pe), "person", gender, "Sing")
        if found is not None:
            return Frame(found.text, found.kind, found.gender, found.number, list(found.via))
        if fallback is not None:
            return Frame(
                fallback.text, fallback.kind, fallback.gender, fallback.number, list(fallback.via)
            )
        for ps, pe in reversed(self.per_ents):
            if pe <= at:
                return Frame(self.np_text(ps, pe), "person")
        return Frame(
            self.toks[at].text if at < self.n else pronoun,
            "person",
            gender,
            number,
            is_pronoun=True,
        )

    def _previous_plural_subject(self, at: int, found_at: int, gender: str | None) -> Frame | None:
        si = self.sent_of[at] if at < self.n else len(self.sents) - 1
        if si == 0:
            return None
        ps, pe = self.sents[si - 1]
        if ps <= found_at:
            return None
        frame = self.main_subject(ps, pe)
        if frame is None or frame.is_pronoun or frame.number != "Plur":
            return None
        if gender in ("Masc", "Fem") and frame.gender in ("Masc", "Fem") and frame.gender != gender:
            return None
        return frame

    def _subject_position(self, ps: int, pe: int) -> bool:
        """A name near the start of its sentence, outside quotes and reported content."""
        s = self.sents[self.sent_of[ps]][0]
        if ps - s > 8 or self.in_quote(ps):
            return False
        if any(t.pos_ == "SCONJ" or t.lower_ in self.m.complementizers for t in self.toks[s:ps]):
            return False  # "Asked whether Kyiv had requested ...": a subordinate subject
        char = self.toks[ps].idx
        if any(c.start <= char < c.end for c in self.claims):
            return False
        return any(self.is_finite(k) for k in range(pe, min(pe + 4, self.n)))

    def resolve_definite(self, frame: Frame, s: int, e: int) -> Frame | None:
        """ "le journal" / "the newspaper" / "l'agence" / "les sources" -> an earlier speaker."""
        words = [w for w in re.split(r"[\s'’]+", frame.text.lower()) if w]
        if len(words) < 2 or len(words) > 4:
            return None
        if words[0] not in self.m.definite_determiners and words[0] not in ("l",):
            return None
        if any(t.pos_ == "PROPN" or t.ent_type_ in ("PER", "PERSON") for t in self.toks[s:e]):
            return None
        head = strip_accents(words[1])
        if (
            head in ("sources", "source")
            or frame.kind == "anonymous"
            or head in self.m.anonymous_heads
        ):
            for claim in reversed(self.claims[-8:]):
                f = claim.frame
                if f.kind == "anonymous" and f.number == frame.number and f.text != frame.text:
                    fw = strip_accents(f.text.lower())
                    if head in ("sources", "source") or head in fw or head.rstrip("s") in fw:
                        return Frame(f.text, f.kind, f.gender, f.number, list(f.via))
            return None
        if len(head) < 3:
            return None
        is_outlet = head in self.m.publication_heads or head in ("journal", "newspaper", "paper")
        # 1. an earlier speaker whose name contains the head noun ("Wall Street Journal")
        for claim in reversed(self.claims):
            f = claim.frame
            if (
                f.text
                and head in strip_accents(f.text.lower()).split()
                and f.text != frame.text
                and not f.is_pronoun
                and len(f.text.split()) > 1
                or (
                    f.text
                    and is_outlet
                    and f.kind == "publication"
                    and head in strip_accents(f.text.lower())
                )
            ):
                return Frame(
                    _strip_article(f.text, self.m.articles), f.kind, f.gender, f.number, list(f.via)
                )
        # 2. a named organisation mentioned before
        for ent in self.ents:
            if ent.end > s:
                break
            if ent.label_ == "ORG" and head in strip_accents(ent.text.lower()).split():
                return Frame(_strip_article(ent.text, self.m.articles), frame.kind)
        # 3. a newspaper: the last outlet that reported something
        if is_outlet:
            for claim in reversed(self.claims):
                f = claim.frame
                if f.kind == "publication" and claim.stance == "asserts" and f.text:
                    return Frame(
                        _strip_article(f.text, self.m.articles), "publication", via=list(f.via)
                    )
        return None

    # ------------------------------------------------------------------ claim creation

    def add_claim(
        self,
        span: tuple[int, int] | None,
        frame: Frame | None,
        cue: str,
        quote_type: str,
        stance: str,
        confidence: float,
        rule: str,
        sent: int,
        anchor: int,
        via: list[str] | None = None,
    ) -> _Claim | None:
        if span is None or frame is None:
            return None
        a, b = span
        if b - a < 2:
            return None
        claim = _Claim(
            a, b, frame, cue, quote_type, stance, confidence, rule, sent, anchor, list(via or [])
        )
        self.claims.append(claim)
        self.claims_by_sent.setdefault(sent, []).append(claim)
        return claim

    def cue_text(self, s: int, e: int) -> str:
        return self.np_text(s, e) if e > s else ""

    # ------------------------------------------------------------------ main

    def run(self) -> list[_Claim]:
        for si, (s, e) in enumerate(self.sents):
            try:
                self.sentence(si, s, e)
            except (IndexError, ValueError):  # pragma: no cover - defensive: never crash an article
                continue
        return self.claims

    def sentence(self, si: int, s: int, e: int) -> None:
        toks = self.toks
        text = self.text
        # 1. fixed stance phrases (declines to comment, cannot verify)
        stance_hits: list[tuple[int, int, str, re.Match]] = []
        if e - s < 2000:
            a = toks[s].idx
            b = toks[e - 1].idx + len(toks[e - 1].text)
            chunk = text[a:b]
            for stance, patterns in (
                ("declines_comment", self.lex.declines),
                ("cannot_verify", self.lex.cannot_verify),
            ):
                for pat in patterns:
                    for m in pat.finditer(chunk):
                        ti = self._tok_at(a + m.start(), s, e)
                        tj = self._tok_at(a + len(m.group().rstrip()) + m.start() - 1, s, e)
                        if ti is None or tj is None or self.in_quote(ti):
                            continue
                        stance_hits.append((ti, tj + 1, stance, m))
        # two patterns may match the same words ("s'est refusée à tout commentaire"): keep
        # one hit per span, and never compare the match objects when sorting
        unique: dict[tuple[int, int, str], tuple[int, int, str, re.Match]] = {}
        for hit in stance_hits:
            unique.setdefault(hit[:3], hit)
        stance_hits = sorted(unique.values(), key=lambda hit: hit[:3])
        hit_tokens: set[int] = set()
        for ti, tj, _, _ in stance_hits:
            hit_tokens.update(range(ti, tj))

        # 2. anchors: cue verbs outside quotes
        cues: list[tuple[int, str]] = []
        for i in range(s, e):
            if self.in_quote(i) or i in hit_tokens or toks[i].text in QUOTE_CHARS:
                continue
            lemma = self.cue_lemma(i)
            if lemma:
                cues.append((i, lemma))
        anchors: set[int] = set()
        vg_of: dict[int, int] = {}
        for i, _ in cues:
            vg = self.verb_group_start(i)
            vg_of[i] = vg
            anchors.add(vg)
        for ti, _, _, _ in stance_hits:
            anchors.add(ti)

        events: list[tuple[int, str, object]] = []
        for q in self.quotes_by_sent.get(si, ()):
            events.append((self.open_tok[q], "quote", q))
        for i, lemma in cues:
            events.append((i, "cue", lemma))
        for hit in stance_hits:
            events.append((hit[0], "stance", hit))
        for i in range(s, e):
            if not self.in_quote(i) and self._starts_according(i):
                events.append((i, "according", None))
            elif not self.in_quote(i) and toks[i].lower_ in self.m.statement_nouns:
                events.append((i, "nominal", None))
        if (toks[s].lower_,) in self.m.opinion_prepositions:
            events.append((s, "opinion", None))
        events.sort(key=lambda ev: (ev[0], ev[1] != "quote"))
        for pos, kind, payload in events:
            if kind == "quote":
                self.direct_quote(si, s, e, payload, anchors, vg_of, cues)
            elif kind == "cue":
                if pos not in self.consumed:
                    self.reporting_verb(si, s, e, pos, payload, anchors, vg_of)
            elif kind == "stance":
                self.stance_phrase(si, s, e, payload, anchors)
            elif kind == "according":
                self.according(si, s, e, pos, anchors)
            elif kind == "nominal":
                self.nominal(si, s, e, pos, anchors)
            elif kind == "opinion":
                self.opinion(si, s, e, pos, anchors)
        syntactic.find(self, si, s, e)

    def _tok_at(self, char: int, s: int, e: int) -> int | None:
        """Index of the token covering ``char`` (or the last token starting before it)."""
        lo, hi = s, e - 1
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.toks[mid].idx <= char:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    # ------------------------------------------------------------------ rules

    def _speaker_for(
        self, si: int, s: int, cue_i: int, vg: int, lo: int, hi: int, participial: bool
    ) -> tuple[Frame | None, list[tuple[int, int]], int | None, tuple[int, int] | None]:
        """Speaker of a reporting verb: participial -> previous, inversion, left, right."""
        toks = self.toks
        if participial:
            prev = self.sent_claims(si, cue_i)
            if prev:
                f = prev[-1].frame
                return Frame(f.text, f.kind, f.gender, f.number, list(f.via)), [], None, None
            frame = self.main_subject(s, vg)
            return frame, [], None, None
        vg_end = self.verb_group_end(cue_i)
        inv = self.inversion_pronoun(vg, vg_end)
        if inv is not None:
            return (
                self.resolve_pronoun(toks[inv].lower_.lstrip("-t").lstrip("-") or "il", inv),
                [],
                None,
                None,
            )
        if vg - 1 >= s and toks[vg - 1].lower_ in self.m.relative_subjects:
            # "..., l'AFP, qui n'a pas pu vérifier": the antecedent speaks
            return self._antecedent(vg - 1), [], None, None
        if vg > lo and toks[vg - 1].text == ",":
            # "X, a estimé le conseil." / "X, said the minister.": an inverted subject after
            # the verb wins over a left segment the tagger may have misread as a noun phrase
            r = self.right_np(vg_end, hi)
            if r is not None and (
                self._right_content_absent(cue_i, vg_end, hi)
                or self._inverted_after_clause(lo, vg, r, hi)
            ):
                return self.make_frame(r, None, r[0]), [], None, r
        np, asides, clause_end = self.left_subject(lo, vg)
        if np is not None:
            # relative subject "qui" -> its antecedent just before
            words = [t.lower_ for t in toks[np[0] : np[1]] if _is_word(t)]
            if words and words[0] in self.m.relative_subjects and len(words) == 1:
                ante = self._antecedent(np[0])
                return ante, asides, None, np
            return self.make_frame(np, asides, np[0]), asides, clause_end, np
        if vg > s and toks[vg - 1].lower_ in self.m.coordinators:
            # "Le groupe conteste ces accusations et affirme que ...": shared subject
            prev = self.sent_claims(si, cue_i)
            frame = prev[-1].frame if prev else self.main_subject(s, vg)
            if frame is not None:
                return frame, [], None, None
        inversion_ok = (
            self.m.subject_inversion
            or vg <= lo
            or toks[vg - 1].text in (",", ":")
            or (toks[vg - 1].text in QUOTE_CHARS)
        )
        r = self.right_np(vg_end, hi) if inversion_ok else None
        if r is not None:
            return self.make_frame(r, None, r[0]), [], None, r
        return None, [], None, None

    def _inverted_after_clause(self, lo: int, vg: int, r: tuple[int, int], hi: int) -> bool:
        """ "X a notifié une commande, a annoncé le ministère.": a whole clause before the
        comma and a noun phrase closing the sentence make that noun phrase the subject."""
        end = r[1]
        while end < hi and not _is_word(self.toks[end]) and self.toks[end].text not in SENT_END:
            end += 1
        if end < hi and self.toks[end].text not in SENT_END:
            return False
        segs = self.split_segments(lo, vg - 1)
        return bool(segs) and self.seg_kind(*segs[0]) == "clause"

    def _right_content_absent(self, i: int, vg_end: int, hi: int) -> bool:
        lemma = self.cue_lemma(i) or ""
        return self.right_content(i, lemma, vg_end, hi)[0] is None

    def _antecedent(self, j: int) -> Frame | None:
        k = j - 1
        while k >= 0 and toks_text(self.toks[k]) in (",",):
            k -= 1
        e = k + 1
        s = k
        while (
            s - 1 >= 0
            and self.toks[s - 1].text not in (",", ".", ";")
            and e - s < 6
            and (
                self.toks[s - 1].lower_ not in ("aux", "au", "à", "de", "of", "to", "by", "par")
                or self._inside_name(s - 1)
            )
            # "denied X through his lawyer, who ...": the antecedent starts after the verb
            # and the channel preposition
            and not self.is_finite(s - 1)
            and (self.toks[s - 1].lower_,) not in self.m.means_prepositions
        ):
            s -= 1
        if e <= s:
            return None
        return self.make_frame((s, e), None, s)

    def _inside_name(self, j: int) -> bool:
        """A preposition between two capitalised words belongs to a name ("Vent de Côte")."""
        return (
            0 < j < self.n - 1
            and self.toks[j - 1].text[:1].isupper()
            and self.toks[j + 1].text[:1].isupper()
        )

    def _skip_time_phrase(self, j: int, hi: int) -> int:
        """Skip "depuis deux ans" / "for years" between a verb and its object."""
        if j >= hi or self.toks[j].lower_ not in self.m.time_prepositions:
            return j
        k = j + 1
        if k < hi and self.toks[k].pos_ == "DET":
            k += 1
        start = k
        while k < hi and k - j < 6 and self.toks[k].pos_ in ("NUM", "NOUN", "ADJ"):
            k += 1
        if k > start and k < hi and self.toks[k].pos_ == "DET":
            return k
        return j

    def main_subject(self, s: int, hi: int) -> Frame | None:
        for j in range(s, min(hi, s + WINDOW)):
            if not self.in_quote(j) and self.is_finite(j):
                vg = self.verb_group_start(j)
                np, asides, _ = self.left_subject(s, vg)
                if np is not None:
                    return self.make_frame(np, asides, np[0])
                return None
        return None

    def _relay(
        self, asides: list[tuple[int, int]], frame: Frame | None
    ) -> tuple[Frame | None, str | None]:
        """A "citant X"/"citing X" aside turns X into the speaker and the subject into a relay."""
        for a, b in asides:
            first = a
            while first < b and not _is_word(self.toks[first]):
                first += 1
            if first < b and self.toks[first].lower_ in self.m.relay_verbs:
                if first + 1 < b and self.toks[first + 1].lower_ in self.m.agent_prepositions:
                    # passive "X, quoted by the FT, said": X speaks, the agent relays
                    agent = self.make_frame((first + 2, b), None, first + 2)
                    if frame is None or agent is None:
                        continue
                    frame.via = list(frame.via) + [
                        _strip_article(_outlet_name(agent.text), self.m.articles)
                    ]
                    return frame, None
                src = self.make_frame((first + 1, b), None, first + 1)
                if src is None:
                    continue
                via = []
                if frame is not None:
                    via = list(frame.via) + [
                        _strip_article(_outlet_name(frame.text), self.m.articles)
                    ]
                if src.kind not in ("person",):
                    src.kind = (
                        "anonymous"
                        if src.kind in ("organization", "group", "anonymous")
                        and not any(t.pos_ == "PROPN" for t in self.toks[first + 1 : b])
                        else src.kind
                    )
                src.via = via
                return src, self.toks[first].text
        return frame, None

    def reporting_verb(
        self, si: int, s: int, e: int, i: int, lemma: str, anchors: set[int], vg_of: dict[int, int]
    ) -> None:
        toks = self.toks
        vg = vg_of.get(i, i)
        light = self._periphrastic_match(i)
        verb = i if light is None else light[1]  # "mettant en garde": the light verb's form
        participial = (
            (
                self.is_participle(verb)
                and vg > s
                and (toks[vg - 1].text in (",",) + tuple(DASHES) or self._gerund_opener(s, vg))
            )
            or self._infinitive_after_opener(i)
        ) and not self._has_perfect_aux(verb)
        if participial and toks[i].lower_ in self.m.relay_verbs:
            return
        if (
            self.is_participle(i)
            and not participial
            and self.m.participle_needs_auxiliary
            and not self._has_aux_any(i)
        ):
            return
        if self._as_clause(si, s, e, i, lemma, vg):
            return
        lo = self._left_bound(s, vg)
        frame, asides, clause_end, np = self._speaker_for(si, s, i, vg, lo, e, participial)
        vg_end = self.verb_group_end(i)
        # relay asides may also sit between the verb and "that": "reported, citing X, that"
        content_start, kind, extra_asides, owner = self.right_content(i, lemma, vg_end, e)
        if content_start is None and lemma in self.m.object_needs_preposition:
            return  # "accuse un retard": not a reporting verb at all
        if np is not None and content_start is not None and np[0] <= content_start < np[1]:
            content_start = None  # the inverted subject is not the object
        asides = asides + extra_asides
        relay_frame, relay_cue = self._relay(asides, frame)
        cue_words = self.cue_text(vg, vg_end)
        if content_start is None and np is not None and clause_end is None:
            last = self.split_segments(np[0], np[1])[-1]
            if last[0] > np[0] and self._parenthetical(last, lo, vg_end, e):
                # "Flood defences, the engineer noted, were ...": no appositive here
                np = last
                frame = self.make_frame(last, None, last[0])
        if content_start is None:
            if (
                lemma in self.m.clause_only_verbs
                and not (np is None or clause_end is not None)
                and not self._parenthetical(np, lo, vg_end, e)
            ):
                return
            span = None
            if np is not None and self._reduced_relative(np):
                return  # "X, an idea Dushanbe had rejected": not a reporting clause
            if clause_end is not None:
                # post-posed reporting clause: "X, Y said." / "X, a déclaré Y."
                cs = self._content_left_start(lo, clause_end)
                span = self.char_span(cs, clause_end)
            elif vg > lo and toks[vg - 1].text == "," and (np is None or np[0] >= vg):
                # inverted subject: "X, a rapporté le journal." / "X, said Y."
                left = vg - 1
                cs = self._content_left_start(lo, left)
                # an inverted subject already shows this is a reporting clause
                if cs < left and (
                    self._has_finite(cs, left) or (np is not None and left - cs >= 3)
                ):
                    span = self.char_span(cs, left)
            if span is None and np is not None and self._parenthetical(np, lo, vg_end, e):
                # parenthetical reporting clause: "The board, she said, had taken ..."
                j = self._skip_adjuncts(vg_end, e)
                ce = self.clause_end(j + 1, e, anchors, i)
                span = self.char_span(j + 1, ce)
            if (
                span is None
                and np is not None
                and clause_end is None
                and lemma not in self.m.object_content_verbs  # "an idea X had rejected"
                and toks[i].dep_ not in ("relcl", "acl")
            ):
                span = self._closing_reporting_clause(np, lo, vg_end, e)
            if span is None:
                return
            self._emit_for_subjects(
                span,
                frame,
                relay_frame,
                relay_cue,
                np,
                cue_words,
                "indirect",
                self.m.speech_verbs[lemma],
                0.7,
                "postposed",
                si,
                i,
            )
            self.consumed.add(i)
            return
        ce = self.clause_end(content_start, e, anchors, i)
        if kind == "obj":
            ce = self._means_adjunct(content_start, ce)
            ce = self._infinitive_adjunct(content_start, ce)
            if self.m.speech_verbs[lemma] == "denies":
                ce = self._dismissal_verdict(content_start, ce)
        span = self.char_span(content_start, ce)
        stance = self.m.speech_verbs[lemma]
        rule = {"que": "complement", "inf": "infinitive", "obj": "object", "ccomp": "complement"}[
            kind
        ]
        if self._clause_has_direct_quote_only(content_start, ce):
            return
        if owner is not None and span is not None:
            # "les affirmations occidentales selon lesquelles X": the West asserted X
            # (listed before the denial that reports it)
            self.add_claim(
                span, owner, cue_words, "indirect", "asserts", 0.55, "statement_noun_owner", si, i
            )
        self._emit_for_subjects(
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
        self.consumed.add(i)

    def _as_clause(self, si: int, s: int, e: int, i: int, lemma: str, vg: int) -> bool:
        """ "X, comme l'affirmait le député Y" / "X, as the paper had reported": Y made the
        statement reported just before, so it gets a claim on the same span."""
        toks = self.toks
        opener = None
        for j in range(vg - 1, max(s, vg - 8), -1):
            low = toks[j].lower_
            if low in self.m.as_clause_openers:
                if toks[j - 1].text == ",":
                    opener = j
                break
            if toks[j].text in (",", ";", ":") or self.in_quote(j) or self.is_finite(j):
                break
        if opener is None:
            return False
        start = toks[opener].idx
        prev = [
            c for c in self.sent_claims(si, i) if c.quote_type == "indirect" and c.end <= start
        ]
        if not prev:
            return False
        k = vg
        while k > opener + 1 and toks[k - 1].lower_ in self.m.as_clause_clitics:
            k -= 1
        vg_end = self.verb_group_end(i)
        np = (opener + 1, k) if k > opener + 1 else self.right_np(vg_end, e)
        if np is None:
            return False
        frame = self.make_frame(np, None, np[0])
        claim = self.add_claim(
            (prev[-1].start, prev[-1].end),
            frame,
            " ".join((toks[opener].text, self.cue_text(k, vg_end))),
            "indirect",
            self.m.speech_verbs[lemma],
            0.6,
            "as_clause",
            si,
            i,
        )
        if claim is not None:
            self.consumed.add(i)
        return claim is not None

    def _infinitive_after_opener(self, i: int) -> bool:
        """ ", avant d'ajouter que X": the infinitive reports for the main clause's subject."""
        for pattern in self.m.infinitive_openers:
            n = len(pattern)
            if i - n - 1 >= 0 and self.toks[i - n - 1].text == ",":
                if self._words_at(i - n, pattern, i):
                    return True
        return False

    def _gerund_opener(self, s: int, vg: int) -> bool:
        """ ", tout en affirmant que", ", while insisting that": a participle after a comma
        and a gerund marker reports for the main clause's subject like a bare one."""
        j = vg
        while j > s and self.toks[j - 1].lower_ in self.m.gerund_markers:
            j -= 1
        return s < j < vg and self.toks[j - 1].text == ","

    def _reduced_relative(self, np: tuple[int, int]) -> bool:
        """ "an idea Dushanbe (had rejected)": indefinite noun, then the relative's subject."""
        words = [t for t in self.toks[np[0] : np[1]] if _is_word(t)]
        if len(words) < 3 or words[0].lower_ not in self.m.name_appositive_articles:
            return False
        return any(
            a.pos_ == "NOUN" and (b.pos_ in ("PROPN", "PRON") or b.dep_ == "nsubj")
            for a, b in zip(words, words[1:], strict=False)
        )

    def _parenthetical(self, np: tuple[int, int], lo: int, vg_end: int, e: int) -> bool:
        """ "The board, she said, had taken ...": subject and verb set off by commas."""
        if vg_end >= e:
            return False
        j = self._skip_adjuncts(vg_end, e)
        return (
            j < e
            and self.toks[j].text == ","
            and np[0] > lo
            and self.toks[np[0] - 1].text == ","
            and not self._has_finite(lo, np[0] - 1)
        )

    def _closing_reporting_clause(
        self, np: tuple[int, int], lo: int, vg_end: int, e: int
    ) -> tuple[int, int] | None:
        """ "X has suspended Y, pending Z, the governing body said on Tuesday.": the subject
        and verb close the sentence after a comma, and what precedes is a whole clause."""
        if np[0] <= lo + 2 or self.toks[np[0] - 1].text != ",":
            return None
        j = self._skip_adjuncts(vg_end, e)
        if j < e and self.toks[j].text not in SENT_END:
            return None
        segs = self.split_segments(lo, np[0] - 1)
        if not segs or self.seg_kind(*segs[0]) != "clause":
            return None
        return self.char_span(lo, np[0] - 1)

    def _has_aux_any(self, i: int) -> bool:
        return bool(self._aux_before(i))

    def _clause_has_direct_quote_only(self, cs: int, ce: int) -> bool:
        words = [
            j
            for j in range(cs, ce)
            if _is_word(self.toks[j]) and self.toks[j].text not in QUOTE_CHARS
        ]
        return bool(words) and all(self.in_quote(j) for j in words) and False

    def _emit_for_subjects(
        self,
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
            self.add_claim(
                span, relay_frame, relay_cue, quote_type, stance, confidence, "relay", si, anchor
            )
            return
        frames = self._split_coordinated(np, frame, anchor)
        for f in frames:
            self.add_claim(span, f, cue_words, quote_type, stance, confidence, rule, si, anchor)

    def _split_coordinated(
        self, np: tuple[int, int] | None, frame: Frame | None, anchor: int
    ) -> list[Frame | None]:
        """ "Lui et son journal nient" -> one frame per conjunct (plural verb only)."""
        if np is None or frame is None:
            return [frame]
        s, e = np
        verb = self.toks[anchor]
        aux = self._aux_before(anchor)
        plural = (
            "Plur" in verb.morph.get("Number")
            or any("Plur" in self.toks[a].morph.get("Number") for a in aux)
            or verb.tag_ == "VBP"
        )
        if not plural:
            return [frame]
        conj = [
            j for j in range(s, e) if self.toks[j].lower_ in ("et", "and") and not self.in_quote(j)
        ]
        if len(conj) != 1:
            return [frame]
        c = conj[0]
        left, right = (s, c), (c + 1, e)
        if left[1] - left[0] < 1 or right[1] - right[0] < 1:
            return [frame]

        # both sides must be nominal: a pronoun, a proper noun or a determiner + noun
        def nominal(a: int, b: int) -> bool:
            t = self.toks[a]
            return (
                t.lower_ in self.m.pronouns
                or t.pos_ in ("PROPN", "PRON")
                or t.lower_ in self.m.definite_determiners
                or t.pos_ == "DET"
            )

        if not (nominal(*left) and nominal(*right)):
            return [frame]
        out = []
        for part in (left, right):
            f = self.make_frame(part, None, part[0])
            if f is not None:
                out.append(f)
        return out or [frame]

    def _left_bound(self, s: int, vg: int) -> int:
        """Start of the region that may hold the subject (after the last quote or break)."""
        lo = s
        for j in range(vg - 1, max(s, vg - WINDOW) - 1, -1):
            t = self.toks[j]
            if t.text in CLOSING_QUOTES or (t.text == '"' and j > s and self.quote_of[j - 1] != -1):
                if self._closes_fragment(j):
                    continue  # "X a « pris acte » de la décision, a indiqué Y": one clause
                lo = j + 1
                break
            if t.text == ";" or t.text == ":":
                lo = j + 1
                break
        if vg - lo > WINDOW:
            lo = vg - WINDOW
        while lo < vg and (self.toks[lo].text in (",", ".") or self.toks[lo].is_space):
            lo += 1
        return lo

    def _closes_fragment(self, j: int) -> bool:
        """True when the quotation closed at token ``j`` is a fragment inside a clause:
        a word precedes its opening mark and a word follows its closing mark."""
        q = self.quote_of[j - 1] if j > 0 else -1
        ot = self.open_tok.get(q)
        if q == -1 or ot is None or ot == 0 or j + 1 >= self.n:
            return False
        before, after = self.toks[ot - 1], self.toks[j + 1]
        return (
            _is_word(before)
            and not before.is_space
            and _is_word(after)
            and after.text not in QUOTE_CHARS
        )

    def _content_left_start(self, lo: int, end: int) -> int:
        """Where post-posed content starts: sentence start, or after a leading connective."""
        j = lo
        return j if j < end else end

    def _has_finite_or_quoted(self, a: int, b: int) -> bool:
        """A finite verb, possibly inside a quoted fragment ("l'usine « a fermé »")."""
        return any(self.is_finite(j) for j in range(a, b))

    def _has_finite(self, a: int, b: int) -> bool:
        return any(not self.in_quote(j) and self.is_finite(j) for j in range(a, b))

    def _skip_adjuncts(self, j: int, hi: int) -> int:
        steps = 0
        while j < hi and steps < 12:
            t = self.toks[j]
            if t.text in (",", ".", ";", ":") or t.text in DASHES or t.text in QUOTE_CHARS:
                return j
            if self.is_finite(j) and t.lower_ not in self.m.aux:
                return j
            j += 1
            steps += 1
        return j

    def right_content(
        self, i: int, lemma: str, j: int, hi: int
    ) -> tuple[int | None, str, list[tuple[int, int]], Frame | None]:
        """Start of the reported content after a reporting verb, and what introduces it."""
        toks = self.toks
        m = self.m
        asides: list[tuple[int, int]] = []
        # skip adverbs / time words / negation right after the verb
        while j < hi and (
            toks[j].lower_ in m.time_words
            or (toks[j].pos_ == "ADV" and toks[j].lower_ not in ("selon",))
            and toks[j].lower_ not in m.complementizers
            and toks[j].lower_ not in m.totality_determiners
        ):
            j += 1
        j = self._skip_time_phrase(j, hi)
        j = self._skip_means_aside(j, hi)
        if j >= hi:
            return None, "", asides, None
        first = toks[j]
        # infinitive complement: "ont nié avoir reçu", "claims to have"
        if self.m.bare_infinitive_complements:  # "ont nié avoir reçu": no marker
            k = j
            # a recipient before the infinitive: "a indiqué à l'AFP avoir ouvert"
            if toks[k].lower_ in self.m.recipient_prepositions:
                r = k + 1
                while r < hi and r - k <= 5 and toks[r].pos_ in ("DET", "PROPN", "NOUN"):
                    r += 1
                if r > k + 1 and r < hi and "Inf" in toks[r].morph.get("VerbForm"):
                    j = k = r
            if toks[k].lower_ in self.m.infinitive_clitics and k + 1 < hi:
                k += 1
            if (
                "Inf" in toks[k].morph.get("VerbForm")
                or toks[k].lower_ in self.m.infinitive_auxiliaries
            ):
                if not self.in_quote(k):
                    return j, "inf", asides, None
        else:
            # "claims to have", "denied having": only for the verbs listed
            if (
                first.lower_ in self.m.infinitive_markers
                and j + 1 < hi
                and toks[j + 1].tag_ in self.m.infinitive_tags
                and lemma in self.m.to_infinitive_verbs
            ):
                return j, "inf", asides, None
            if first.tag_ in self.m.gerund_tags and lemma in self.m.gerund_complement_verbs:
                return j, "inf", asides, None
        # "called for X", "appelle à X": the demand follows the preposition
        prep, after = toks[j].lower_, j + 1
        if prep == "d" and after < hi and toks[after].text in ("'", "’"):
            prep, after = "d" + toks[after].text, after + 1  # "d’« un taux »" splits in two
        if prep in m.demand_prepositions.get(lemma, ()) and after < hi:
            if not self.in_quote(after) and toks[after].text not in (",", "."):
                return after, "obj", asides, None
        # "juge la situation « intenable »", "called the plan \"a disgrace\"": an object
        # with a quoted verdict on it
        if lemma in m.qualifying_verbs and self._quoted_verdict(j, hi):
            return j, "obj", asides, None
        # a statement noun object with its own complement: "rejected reports that X",
        # "a rejeté les affirmations occidentales selon lesquelles X"
        owner = None
        if lemma in m.object_content_verbs:
            k = j
            while (
                k < hi
                and k - j < 6
                and (
                    toks[k].pos_ in ("DET", "ADJ", "NOUN", "ADV")
                    or "Part" in toks[k].morph.get("VerbForm")
                )
                and not self.in_quote(k)
                and toks[k].lower_ not in m.complementizers
            ):
                if toks[k].lower_ in m.statement_nouns:
                    nc = self._noun_complement(k + 1, hi)
                    if nc is not None:
                        owner = self._statement_owner(j, nc[0])
                        return nc[1], "que", asides, owner
                k += 1
        # complementizer within a window of adjuncts/recipients/relay asides
        k = j
        steps = 0
        while k < hi and steps < 25:
            t = toks[k]
            low = t.lower_
            if self.in_quote(k) or t.text in QUOTE_CHARS:
                break
            if low in m.complementizers:
                if (
                    self.m.complementizer_may_be_determiner  # "that decision"
                    and k + 1 < hi
                    and toks[k + 1].pos_ in ("NOUN",)
                    and toks[k + 1].dep_ == "det"
                ):
                    break
                return k + 1, "que", asides, None
            if t.text in (",",) or t.text in DASHES:
                # a relay aside between verb and complementizer
                n1 = k + 1
                if n1 < hi and toks[n1].lower_ in m.relay_verbs:
                    end = n1
                    while (
                        end < hi
                        and toks[end].text not in (",",)
                        and toks[end].text not in DASHES
                        and toks[end].lower_ not in m.complementizers
                        and end - n1 < 20
                    ):
                        end += 1
                    asides.append((n1, end))
                    k = end
                    if k < hi and toks[k].lower_ in m.complementizers:
                        return k + 1, "que", asides, None
                    k += 1
                    steps += 1
                    continue
                break
            fact_noun = low == "fait" and k > j and toks[k - 1].lower_ == "le"
            if t.text in (".", ";", ":", "!", "?") or (
                self.is_finite(k) and k > j and not fact_noun
            ):
                break
            if t.pos_ in ("VERB", "AUX") and k > j and low not in m.time_words and not fact_noun:
                break
            k += 1
            steps += 1
        # zero complementizer ("said it would"): the parser's clausal complement
        if self.m.zero_complementizer:
            for child in toks[i].children:
                if child.dep_ == "ccomp" and child.i > i and child.i < hi:
                    left = child.left_edge.i
                    if left <= i:
                        continue
                    while left < child.i and toks[left].lower_ in m.complementizers:
                        left += 1
                    if left > i + 1 and toks[left - 1].text in OPENING_QUOTES:
                        left -= 1  # the parser hangs the opening mark on the verb
                    fragment = self._quoted_fragment_object(left, hi) and not self.in_quote(child.i)
                    if not fragment and (
                        self.in_quote(left)
                        or toks[left].text in QUOTE_CHARS
                        or any(toks[k].text == ":" for k in range(i, left))
                    ):
                        # "told reporters: «...»" is a direct quote, handled with the quote
                        continue
                    if toks[left].pos_ == "ADP":
                        subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
                        if subj and subj[0].left_edge.i > left:
                            left = subj[0].left_edge.i
                    if left - j > 8:
                        continue
                    # "told AFP the board should ...": skip the recipient when the parser kept it
                    return left, "ccomp", asides, None
        # noun phrase object
        if lemma in m.object_content_verbs:
            k = self._skip_quoted_adverb(j, hi)
            fragment = self._quoted_fragment_object(k, hi)
            if fragment and (
                lemma not in m.statement_object_only or self._statement_object(k + 1, hi, lemma)
            ):
                # "a reconnu « des difficultés » sur son site": a quoted fragment opens the object
                return k, "obj", asides, None
            if k < hi and (
                toks[k].pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON")
                or toks[k].lower_
                in (m.articles | m.definite_determiners | {"tout", "toute", "tous", "toutes"})
                or (
                    toks[k].lower_ in self.m.recipient_prepositions
                    and lemma in self.m.dative_content_verbs
                )
            ):
                if self.in_quote(k) or toks[k].text in QUOTE_CHARS:
                    return None, "", asides, None
                if (
                    toks[k].pos_ == "PRON"
                    and toks[k].lower_ not in ("tout",)
                    and toks[k].lower_ in self.m.vague_object_pronouns
                ):
                    return None, "", asides, None
                if lemma in m.statement_object_only and not self._statement_object(k, hi, lemma):
                    return None, "", asides, None
                if lemma in m.object_needs_preposition and not self._object_preposition(
                    k, hi, m.object_needs_preposition[lemma]
                ):
                    return None, "", asides, None
                return k, "obj", asides, None
        return None, "", asides, None

    def _quoted_verdict(self, j: int, hi: int) -> bool:
        """A short noun phrase at ``j`` followed by a quoted fragment."""
        toks = self.toks
        if j >= hi or not (
            toks[j].pos_ in ("DET", "NOUN", "PROPN") or "Yes" in toks[j].morph.get("Poss")
        ):
            return False
        for k in range(j + 1, min(hi, j + 8)):
            t = toks[k]
            if t.text in OPENING_QUOTES or (t.text == '"' and not self.in_quote(k - 1)):
                return k > j + 1
            if not (
                t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
                or "Yes" in t.morph.get("Poss")
                or t.lower_ in self.m.verdict_links
            ) or self.in_quote(k):
                # "a jugé l'ancien maire pour « corruption »": a trial, not a verdict
                return False
        return False

    def _words_at(self, k: int, words: tuple[str, ...], hi: int) -> bool:
        """The lowercased tokens from ``k`` (before ``hi``) are ``words``."""
        return all(k + n < hi and self.toks[k + n].lower_ == w for n, w in enumerate(words))

    def _starts_means(self, k: int, hi: int) -> bool:
        return any(self._words_at(k, pattern, hi) for pattern in self.m.means_prepositions)

    def _skip_means_aside(self, j: int, hi: int) -> int:
        """ "a fait savoir, par la voix de son avocat, qu'il ...", "said through his lawyer
        that ...": the channel between the verb and its content is skipped."""
        toks = self.toks
        comma = j < hi and toks[j].text == ","
        start = j + 1 if comma else j
        if not self._starts_means(start, hi):
            return j
        for k in range(start + 1, min(hi, start + 14)):
            if self.in_quote(k) or toks[k].text in QUOTE_CHARS or toks[k].text in SENT_END:
                return j
            if toks[k].text == ",":
                return k + 1
            if not comma and (
                toks[k].lower_ in self.m.complementizers or "Inf" in toks[k].morph.get("VerbForm")
            ):
                return k
        return j

    def _means_adjunct(self, cs: int, ce: int) -> int:
        """ "denied any wrongdoing through his lawyer": the channel is not the object."""
        for k in range(cs + 1, ce):
            if not self.in_quote(k) and self._starts_means(k, ce):
                return k
        return ce

    def _infinitive_adjunct(self, cs: int, ce: int) -> int:
        """ "a fait état de X, après avoir convoqué Y": the adjunct after the object is
        about the speaker's act, not part of what was said."""
        toks = self.toks
        for k in range(cs + 1, ce - 2):
            if self.in_quote(k) or toks[k].text != ",":
                continue
            prep, verb = toks[k + 1], toks[k + 2]
            if prep.pos_ in ("ADP", "SCONJ") and (
                "Inf" in verb.morph.get("VerbForm")
                or verb.lower_ in ("avoir", "être")
                or verb.tag_ in self.m.gerund_tags
            ):
                return k
        return ce

    def _dismissal_verdict(self, cs: int, ce: int) -> int:
        """ "dismissed the report as \"fabrication\"": the verdict is not the denied object."""
        for k in range(cs + 1, ce - 1):
            if self.in_quote(k) or self.toks[k].lower_ not in self.m.dismissal_links:
                continue
            nxt = self.toks[k + 1]
            if nxt.text in QUOTE_CHARS or nxt.pos_ in ("ADJ", "DET", "NOUN"):
                return k
        return ce

    def _skip_quoted_adverb(self, k: int, hi: int) -> int:
        """ "a rejeté « catégoriquement » ces accusations": a quoted manner adverb is not
        part of the object."""
        toks = self.toks
        if (
            k + 2 < hi
            and toks[k].text in OPENING_QUOTES
            and toks[k + 2].text in QUOTE_CHARS
            and toks[k + 1].lower_.endswith(self.m.adverb_suffixes)
        ):
            return k + 3
        return k

    def _in_relative(self, j: int, lo: int) -> bool:
        """True when token j sits in a relative clause opened after ``lo`` ("qui restent")."""
        return any(
            self.toks[k].lower_ in self.m.relative_subjects
            or self.toks[k].lower_ in ("que", "that")
            for k in range(max(lo, j - 4), j)
        )

    def _quoted_fragment_object(self, k: int, hi: int) -> bool:
        """An opening mark right after the verb whose quotation the clause goes on past."""
        if k >= hi or self.toks[k].text not in OPENING_QUOTES:
            return False
        q = self.quote_of[k + 1] if k + 1 < self.n else -1
        ct = self.close_tok.get(q)
        if q == -1 or ct is None or ct + 1 >= hi or self.open_tok.get(q) != k:
            return False
        nxt = self.toks[ct + 1]
        return _is_word(nxt) and len(self.toks[k:ct]) <= 12

    def _object_preposition(self, k: int, hi: int, preps: tuple[str, ...]) -> bool:
        """ "accuse Abou Dhabi d'armer" needs its "de"; "accuse un retard" reports nothing."""
        for j in range(k + 1, min(hi, k + 8)):
            t = self.toks[j]
            if t.lower_ in preps:
                # "d'armer", "of corruption": a verb or a bare noun, not "d'au moins dix mois"
                nxt = self.toks[j + 1] if j + 1 < self.n else None
                return nxt is not None and (
                    "Inf" in nxt.morph.get("VerbForm")
                    or nxt.tag_ == "VBG"
                    or nxt.pos_ in ("NOUN", "VERB")
                )
            if t.text in (",", ".", ";", ":") or self.is_finite(j):
                return False
        return False

    def _statement_object(self, k: int, hi: int, lemma: str = "") -> bool:
        m = self.m
        if lemma in m.admission_verbs and k < hi and self.toks[k].lower_ in m.partitives:
            return True  # "a reconnu des difficultés", "admitted some failings"
        for j in range(k, min(hi, k + 5)):
            low = self.toks[j].lower_
            if low in m.statement_nouns:
                return low not in m.weak_statement_nouns
            if low in (
                "ces",
                "ce",
                "cette",
                "these",
                "those",
                "such",
                "tout",
                "toute",
                "tous",
                "toutes",
            ):
                return True
            if self.toks[j].pos_ in ("NOUN", "PROPN") and low not in m.statement_nouns:
                return False
        return False

    def _noun_complement(self, k: int, hi: int) -> tuple[int, int] | None:
        """After a statement noun: "selon lesquelles"/"that" -> content start."""
        j = k
        while (
            j < hi
            and j - k < 4
            and (
                self.toks[j].pos_ in ("ADJ", "ADV") or "Part" in self.toks[j].morph.get("VerbForm")
            )
            and not self.in_quote(j)
        ):
            j += 1
        for pattern in self.m.noun_complementizers:
            if self._words_at(j, pattern, hi):
                return j, j + len(pattern)
        return None

    def _statement_owner(self, s: int, e: int) -> Frame | None:
        """Who made the statement a noun names: "les affirmations occidentales" -> l'Occident."""
        for j in range(s, e):
            low = self.toks[j].lower_
            if (
                low in self.m.demonyms
                and self.toks[j].pos_ == "ADJ"
                or (low in self.m.demonyms and j > s)
            ):
                name = self.m.demonyms[low]
                kind = (
                    "group"
                    if "occident" in strip_accents(name.lower()) or "west" in name.lower()
                    else "government"
                )
                return Frame(name, kind, number="Sing")
        return None

    def stance_phrase(self, si: int, s: int, e: int, hit, anchors: set[int]) -> None:
        ti, tj, stance, match = hit
        toks = self.toks
        vg = ti
        lo = self._left_bound(s, vg)
        frame = None
        np = None
        asides: list[tuple[int, int]] = []
        passive = bool(self.lex.passive_verify.search(match.group())) and stance == "cannot_verify"
        if passive:
            # agentless "n'a pas pu être vérifié": the outlet itself, named or not
            frame = self._own_outlet() or Frame("", "publication")
        elif vg - 1 >= s and toks[vg - 1].lower_ in self.m.relative_subjects:
            frame = self._antecedent(vg - 1)
        else:
            np, asides, clause_end = self.left_subject(lo, vg)
            prev_tok = toks[vg - 1] if vg > s else None
            if (
                prev_tok is not None
                and prev_tok.lower_ in self.m.coordinators
                and (np is None or self.seg_kind(np[0], vg) == "clause")
            ):
                prev = self.sent_claims(si, ti)
                frame = prev[-1].frame if prev else self.main_subject(s, vg)
                np = None
            elif np is not None:
                words = [t.lower_ for t in toks[np[0] : np[1]] if _is_word(t)]
                if words and words[0] in self.m.relative_subjects and len(words) == 1:
                    frame = self._antecedent(np[0])
                else:
                    frame = self.make_frame(np, asides, np[0])
            else:
                frame = None
        if frame is None:
            prev = self.sent_claims(si, ti)
            if prev and vg > s and toks[vg - 1].lower_ in self.m.coordinators:
                frame = prev[-1].frame
        if frame is None:
            return
        ce = self.clause_end(ti, e, anchors - {ti}, None)
        span = self.char_span(ti, ce)
        cue = " ".join(match.group().split())
        frames = self._split_coordinated(np, frame, tj - 1) if np is not None else [frame]
        for f in frames:
            via = self._recipient_via(ti, ce)
            self.add_claim(span, f, cue, "indirect", stance, 0.8, stance, si, ti, via)

    def _recipient_via(self, a: int, b: int) -> list[str]:
        """ "a refusé de commenter au WSJ": the addressee relays it when it reported earlier."""
        reporters = [
            c.frame.text
            for c in self.claims
            if c.frame.kind == "publication" and c.stance == "asserts"
        ]
        if not reporters:
            return []
        for j in range(a, min(b, self.n)):
            if self.toks[j].lower_ in ("au", "à", "to") and j + 1 < b:
                name = (
                    self.toks[j + 1].text
                    if self.toks[j + 1].lower_ not in ("l'", "l’", "the")
                    else (self.toks[j + 2].text if j + 2 < b else "")
                )
                for r in reversed(reporters):
                    if name and (name.lower() in r.lower() or _acronym(r) == name):
                        return [_strip_article(r, self.m.articles)]
        return []

    def _own_outlet(self) -> Frame | None:
        """The outlet of an agentless "could not be verified": the agency people spoke to."""
        counts: dict[str, int] = {}
        for j in range(self.n - 2):
            low = self.toks[j].lower_
            if low in ("à", "au", "told", "to"):
                k = j + 1
                if self.toks[k].lower_ in ("l'", "l’", "the"):
                    k += 1
                if k < self.n:
                    name = self.toks[k].text
                    if name.lower() in lexicon_common.KNOWN_OUTLETS:
                        counts[name] = counts.get(name, 0) + 1
        if not counts:
            return None
        name = max(counts, key=counts.get)
        return Frame(name, "publication")

    def according(self, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
        toks = self.toks
        plen = next(
            len(p)
            for p in self.m.according_to
            if all(i + k < self.n and toks[i + k].lower_ == w for k, w in enumerate(p))
        )
        src_start = i + plen
        # the source NP runs to the next comma (plus appositives without a verb)
        segs = self.split_segments(src_start, e)
        if not segs:
            return
        src = segs[0]
        cue = self.cue_text(i, src_start)
        leading = (
            i == s
            or all(
                not _is_word(t) or t.lower_ in self.m.adverbial_openers or t.pos_ == "ADV"
                for t in toks[s:i]
            )
            or (i > s and toks[i - 1].text == "," and self._starts_sentence_part(s, i))
        )
        if leading and len(segs) >= 2:
            k = 1
            content_seg_start = segs[1][0]
            while k < len(segs) - 1 and (
                self.seg_kind(*segs[k]) == "paren"
                or self.seg_kind(*segs[k]) == "np"
                and not self._has_finite(*segs[k])
                or self._participial_relay(*segs[k])  # "Selon X, citant Y, ..."
            ):
                k += 1
                content_seg_start = segs[k][0]
            frame = self.make_frame(src, None, src[0])
            if frame is None:
                return
            # "Selon Libération, qui cite trois pharmaciens, X": the cited people speak
            relay_frame, relay_cue = self._relay(self._relative_relays(segs[1:k]), frame)
            if relay_cue is not None and relay_frame is not None:
                frame = relay_frame
            cs = content_seg_start
            ce = self.clause_end(cs, e, anchors, None)
            span = self.char_span(cs, ce)
            self.add_claim(span, frame, cue, "indirect", "asserts", 0.75, "according_to", si, i)
            return
        if i > s and toks[i - 1].text == ",":
            # trailing "..., selon X." : a relay when the clause before is itself a reporting clause
            recent = self.sent_claims(si, i)
            frame = self.make_frame(src, None, src[0])
            if frame is None:
                return
            if (
                recent
                and any(s <= c.anchor < i for c in recent)
                and self._reporting_clause_before(s, i)
            ):
                for c in recent:
                    if frame.text not in c.extra_via:
                        c.extra_via.append(
                            _strip_article(_outlet_name(frame.text), self.m.articles)
                        )
                return
            lo = s
            span = self.char_span(lo, i - 1)
            if span is None or not self._has_finite(lo, i - 1):
                return
            self.add_claim(
                span, frame, cue, "indirect", "asserts", 0.7, "according_to_trailing", si, i
            )

    def _participial_relay(self, a: int, b: int) -> bool:
        """ "citant une source proche du dossier", "citing officials": a relay aside."""
        while a < b and not _is_word(self.toks[a]):
            a += 1
        return (
            a + 1 < b
            and self.toks[a].lower_ in self.m.relay_verbs
            and self.is_participle(a)
            and not self._has_finite(a + 1, b)
        )

    def _relative_relays(self, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Relay asides among ``segs``, "qui cite X" included, as (relay verb, end) ranges."""
        out = []
        for a, b in segs:
            while a < b and not _is_word(self.toks[a]):
                a += 1
            if a + 1 < b and self.toks[a].lower_ in self.m.relative_subjects:
                a += 1
            if a < b and self.toks[a].lower_ in self.m.relay_verbs:
                out.append((a, b))
        return out

    def _starts_sentence_part(self, s: int, i: int) -> bool:
        return all(
            not _is_word(t)
            or t.pos_ in ("ADV", "ADP", "CCONJ")
            or t.lower_ in self.m.adverbial_openers
            for t in self.toks[s:i]
        )

    def _reporting_clause_before(self, s: int, i: int) -> bool:
        # the comma before "selon" closes a reporting clause ("», a dit X, selon le WSJ")
        for c in self.claims:
            if s <= c.anchor < i and c.quote_type == "direct":
                return True
        if any(c.rule in ("postposed",) and s <= c.anchor < i for c in self.claims):
            return True
        # "X a affirmé que Y, selon Le Parisien": reported content that runs up to the comma
        last = self.toks[i - 2].idx if i - 2 >= s else -1
        return any(
            s <= c.anchor < i and c.quote_type == "indirect" and c.end > last
            for c in self.claims_by_sent.get(self.sent_of[i], ())
        )

    def opinion(self, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
        """Sentence-initial "Pour le parquet, X ..." when the NP names a source."""
        toks = self.toks
        segs = self.split_segments(i + 1, e)
        if len(segs) < 2:
            return
        src = segs[0]
        words = toks[src[0] : src[1]]
        if not words or len(words) > 12:
            return
        if words[0].pos_ == "VERB" or "Inf" in words[0].morph.get("VerbForm"):
            return
        if not (
            any(t.pos_ == "PROPN" for t in words)
            or (len(words) == 1 and words[0].lower_ in ("lui", "elle", "eux"))
        ):
            return
        if self._has_finite(*src):
            return
        frame = self.make_frame(src, None, src[0])
        if frame is None:
            return
        rest = 1
        if len(segs) > 2 and not self._has_finite_or_quoted(*segs[1]):
            # "Pour X, chercheuse à l'Inrae, le problème ...": skip the appositive
            rest = 2
        cs = segs[rest][0]
        if (
            not self._has_finite_or_quoted(cs, e)
            or self.in_quote(cs)
            or toks[cs].text in QUOTE_CHARS
        ):
            return
        ce = self.clause_end(cs, e, anchors, None)
        for k in range(cs + 1, ce - 1):
            # "le problème est plus profond : « ... »": the quote is a claim of its own
            if toks[k].text == ":" and toks[k + 1].text in OPENING_QUOTES:
                ce = k
                break
        self.add_claim(
            self.char_span(cs, ce),
            frame,
            toks[i].text,
            "indirect",
            "asserts",
            0.55,
            "opinion",
            si,
            i,
        )

    def nominal(self, si: int, s: int, e: int, i: int, anchors: set[int]) -> None:
        """ "une affirmation formulée par X et démentie par Y": claims sharing a content."""
        toks = self.toks
        m = self.m
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
        prev = self.sent_claims(si, i)
        if not prev:
            return
        target = prev[-1]
        for stance, pj, np in found:
            frame = self.make_frame(np, None, np[0])
            if frame is None:
                continue
            if frame.kind in ("organization",) and any(
                self.ent_label.get(x) in ("LOC", "GPE") for x in range(*np)
            ):
                frame.kind = "government"
            cue = self.cue_text(i if pj == found[0][1] else pj, np[0])
            self.add_claim(
                (target.start, target.end), frame, cue, "indirect", stance, 0.6, "nominal", si, i
            )

    def direct_quote(
        self,
        si: int,
        s: int,
        e: int,
        q: int,
        anchors: set[int],
        vg_of: dict[int, int],
        cues: list[tuple[int, str]],
    ) -> None:
        toks = self.toks
        text = self.text
        o, c = self.quotes[q]
        ot = self.open_tok.get(q)
        ct = self.close_tok.get(q)
        if ot is None or ct is None:
            return
        span = self.trim(o + 1, c)
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
            closing = text[o + 1 : c].rstrip()
            if not (prev_char == ":" and closing[-1:] in SENT_END):
                return
        para_start = prev_char == "\n"
        cue_before = None
        if para_start or prev_char in '.!?:;»”"–—' or (ot == s):
            candidate = True
        elif prev_char == ",":
            # "he said, “X”" / "», a-t-il déclaré, « Y »": a reporting clause just before
            cue_before = self._cue_before(ot, s, cues)
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
        after = [
            (i, lemma) for i, lemma in cues if ct < i < min(e, ct + 30) and i not in self.consumed
        ]
        if after:
            i, lemma = after[0]
            vg = vg_of.get(i, i)
            between = [
                j
                for j in range(ct + 1, vg)
                if _is_word(toks[j]) and toks[j].text not in QUOTE_CHARS
            ]
            if (
                not any(toks[j].text in OPENING_QUOTES for j in range(ct + 1, vg))
                and len(between) <= 14
                and not any(self.is_finite(j) and not self._in_relative(j, ct) for j in between)
                and not self.is_participle(i)
                or (self.is_participle(i) and False)
            ):
                lo = ct + 1
                participial = False
                frame, asides, _, np = self._speaker_for(
                    si, s, i, vg, self._left_bound(lo, vg) if vg > lo else lo, e, participial
                )
                relay_frame, relay_cue = self._relay(asides, frame)
                if relay_frame is not None and relay_cue:
                    frame = relay_frame
                cue = self.cue_text(vg, self.verb_group_end(i))
                stance = self.m.speech_verbs[lemma]
                anchor = i
                if frame is not None:
                    self.consumed.add(i)
        # 2. reporting clause before: "Saparov told reporters in Astana: «...»"
        if frame is None:
            cb = (
                cue_before
                if cue_before is not None
                else (self._cue_before(ot, s, cues) if prev_char in ":," else None)
            )
            if cb is not None:
                i, lemma = cb
                # the clause was already used for a split quote: reuse its claim
                prior = [cl for cl in self.claims if cl.anchor == i and cl.quote_type == "direct"]
                if prior:
                    frame = prior[-1].frame
                    cue = prior[-1].cue
                    via = list(prior[-1].extra_via)
                else:
                    vg = vg_of.get(i, i)
                    frame, asides, _, _ = self._speaker_for(
                        si, s, i, vg, self._left_bound(s, vg), e, False
                    )
                    cue = self.cue_text(vg, self.verb_group_end(i))
                    stance = self.m.speech_verbs[lemma]
                anchor = i
                self.consumed.add(i)
        # 3. a following quoted sentence with no new verb: same speaker as the previous claim
        if frame is None:
            prev = [cl for cl in self.claims if self.para_of[cl.sent] == self.para_of[si]]
            if prev and (
                prev[-1].quote_type == "direct" or prev[-1].sent == si or prev[-1].sent == si - 1
            ):
                last = prev[-1]
                frame = last.frame
                cue = last.cue
                via = list(last.extra_via)
                anchor = ot
        if frame is None:
            return
        if stance == "asserts" and self._negative(ot, ct) and self._recent_denial(frame, si):
            stance = "denies"
        rule = "direct"
        self.add_claim(span, frame, cue, "direct", stance, 0.9, rule, si, anchor, via)

    def _cue_before(self, ot: int, s: int, cues: list[tuple[int, str]]) -> tuple[int, str] | None:
        before = [(i, lemma) for i, lemma in cues if s <= i < ot]
        if not before:
            return None
        i, lemma = before[-1]
        # only adjuncts between the verb and the quote (no complementizer, no other verb)
        for j in range(self.verb_group_end(i), ot):
            t = self.toks[j]
            if t.lower_ in self.m.complementizers or (
                self.is_finite(j) and t.lower_ not in self.m.aux
            ):
                return None
            if t.text in OPENING_QUOTES or t.text in CLOSING_QUOTES:
                if t.text in CLOSING_QUOTES and j < ot:
                    continue
                return None
        return i, lemma

    def _negative(self, a: int, b: int) -> bool:
        return any(self.toks[j].lower_ in self.m.negations for j in range(a, b))

    def _recent_denial(self, frame: Frame, si: int) -> bool:
        for claim in reversed(self.claims):
            if claim.sent < si - 1:
                return False
            if claim.frame.text == frame.text:
                return claim.stance == "denies"
        return False


# --------------------------------------------------------------------------- tables & utils

_NOMINAL_DEPS = {
    "amod",
    "nmod",
    "flat:name",
    "appos",
    "nsubj",
    "obj",
    "det",
    "case",
    "compound",
    "obl:arg",
    "obl:mod",
    "fixed",
}
# "a en revanche démenti", "a en outre affirmé": an aside between auxiliary and participle
_ASIDE_LOCUTION_ENDS = {"revanche", "outre", "effet"}


def toks_text(tok: Token) -> str:
    return tok.text


def _strip_article(name: str, articles: set[str]) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in articles:
        words = words[1:]
    out = " ".join(words)
    for ap in ("l'", "l’", "L'", "L’"):
        if out.startswith(ap) and len(out) > 2:
            out = out[2:]
    return out


def _outlet_name(text: str) -> str:
    """ "Le quotidien Le Monde" -> "Le Monde"; "The Nyasa Times newspaper" -> "Nyasa Times"."""
    words = text.split()
    generic = {
        "le",
        "la",
        "les",
        "l'",
        "the",
        "quotidien",
        "journal",
        "hebdomadaire",
        "newspaper",
        "daily",
        "magazine",
        "site",
        "agence",
        "agency",
        "weekly",
        "américain",
        "britannique",
        "français",
    }
    lowered = [w.lower() for w in words]
    for outlet in sorted(lexicon_common.KNOWN_OUTLETS, key=len, reverse=True):
        if outlet in text.lower():
            start = text.lower().index(outlet)
            return text[start : start + len(outlet)]
    k = 0
    while k < len(words) - 1 and lowered[k] in generic:
        k += 1
    e = len(words)
    while e > k + 1 and lowered[e - 1] in generic:
        e -= 1
    return " ".join(words[k:e])


_OUTLET_MAX_WORDS = max(len(o.split()) for o in lexicon_common.KNOWN_OUTLETS)


def _names_outlet(words: list[str]) -> bool:
    """True when some run of ``words`` is a known outlet name."""
    for n in range(1, _OUTLET_MAX_WORDS + 1):
        for k in range(len(words) - n + 1):
            if " ".join(words[k : k + n]) in lexicon_common.KNOWN_OUTLETS:
                return True
    return False


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def to_public(claims: list[_Claim], original: str, offset: int, lang: str) -> list[ExtractedClaim]:
    """Turn internal claims into ``ExtractedClaim`` with offsets into the original text."""
    out: list[ExtractedClaim] = []
    seen: set[tuple[int, int, str]] = set()
    articles = lexicon(lang).pack.articles
    for c in sorted(claims, key=lambda c: (c.start, c.anchor)):
        speaker = (c.frame.text or None) if c.frame is not None else None
        key = (c.start, c.end, (speaker or "").lower())
        if key in seen:
            continue
        seen.add(key)
        via = []
        for v in list(c.frame.via) + list(c.extra_via):
            v = _strip_article(_outlet_name(v), articles) if v else v
            if v and v not in via and (speaker is None or v.lower() != speaker.lower()):
                via.append(v)
        content = original[c.start : c.end]
        out.append(
            ExtractedClaim(
                content=content,
                start=c.start + offset,
                end=c.end + offset,
                speaker=speaker,
                speaker_type=c.frame.kind if c.frame is not None else "anonymous",
                cue=c.cue,
                quote_type=c.quote_type,
                stance=c.stance,
                via=via,
                confidence=round(c.confidence, 2),
                rule=c.rule,
            )
        )
    return out
