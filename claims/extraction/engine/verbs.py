"""Verb groups: cue lemmas (with periphrastic cues), auxiliary chains, participles,
finiteness and the bounds of a verb group.
"""

from __future__ import annotations

from ..text import QUOTE_CHARS
from .common import SENT_END

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


class VerbGroups:
    """Cue verbs and the verb groups around them."""

    def _periphrastic(self, i: int) -> str | None:
        """ "a fait savoir que", "a laissé entendre que": the speech verb these stand for."""
        match = self._periphrastic_match(i)
        return None if match is None else match[0]

    def _periphrastic_match(self, i: int) -> tuple[str, int] | None:
        """The speech verb a light-verb phrase ending at ``i`` stands for, and the index of
        its light verb: "a fait savoir", "a mis en garde", "pointed out", "made it clear"."""
        memo = self._periphrastics
        if i in memo:
            return memo[i]
        match = memo[i] = self._find_periphrastic(i)
        return match

    def _find_periphrastic(self, i: int) -> tuple[str, int] | None:
        if i == 0:
            return None
        low = self.lower[i]
        light = self.m.periphrastic_cues.get(low)
        if light is not None and self.lower[i - 1].startswith(light[0]):
            return light[1], i - 1
        for stems, middle, lemma in self.m.multiword_cues.get(low, ()):
            start = i - len(middle) - 1
            if start < 0 or self.in_quote(start):
                continue
            if not all(self.lower[start + 1 + n] == w for n, w in enumerate(middle)):
                continue
            if (
                not self.lower[start].startswith(stems)
                and start > 0
                and self.toks[start].pos_ == "ADV"
                and not self.in_quote(start - 1)
            ):
                start -= 1  # "met également en cause": an adverb after the light verb
            if not self.lower[start].startswith(stems) or self._is_passive(start):
                continue  # "a été mis en garde": the one warned does not speak
            return lemma, start
        return None

    def cue_lemma(self, i: int) -> str | None:
        """The speech verb token ``i`` reports with, if it is a cue (memoized per token)."""
        memo = self._cue_lemmas
        if i in memo:
            return memo[i]
        low = self.lower[i]
        if low not in self.lex.cue_forms:
            # neither an inflected speech verb nor the end of a periphrastic cue: only its
            # lemma can make it one (the test _find_cue_lemma starts with)
            tok = self.toks[i]
            if tok.pos_ not in ("VERB", "AUX"):
                memo[i] = None
                return None
            lem = tok.lemma_.lower()
            if lem not in self.m.speech_verbs or low[:3] != lem[:3]:
                memo[i] = None
                return None
        lemma = memo[i] = self._find_cue_lemma(i)
        return lemma

    def _find_cue_lemma(self, i: int) -> str | None:
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
            if self._is_passive(i) and tok.tag_ not in self.m.gerund_tags:
                return None  # "was criticized"; "was criticizing X" is progressive
            nxt = self.lower[i + 1] if i + 1 < self.n else ""
            if tok.tag_ == "VBN" and not self._has_perfect_aux(i):
                prev = self.toks[i - 1] if i > 0 else None
                if (
                    nxt in self.m.agent_prepositions
                    or prev is None
                    or prev.pos_ in ("NOUN", "ADJ", "DET")
                ):
                    return None
            if (
                tok.tag_ == "VB"
                and i > 0
                and self.lower[i - 1] in self.m.infinitive_markers
                and not any(
                    self._words_at(i - 1 - len(p), p, i - 1) for p in self.m.raising_phrases
                )
            ):
                return None  # "declined to say", "plans to announce"; not "went on to say"
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
                reflexive or (i > 0 and self.lower[i - 1] in self.m.reflexive_clitics)
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
        """The auxiliaries of the verb group ending at ``i``, nearest first (memoized per
        token: callers must not change the list)."""
        memo = self._auxes
        if i in memo:
            return memo[i]
        out = memo[i] = self._find_aux_before(i)
        return out

    def _find_aux_before(self, i: int) -> list[int]:
        out = []
        lower = self.lower
        j = i - 1
        steps = 0
        while j >= 0 and steps < 6:
            t = self.toks[j]
            low = lower[j]
            aside = self._aside_locution_start(j)
            if low in self.m.aux:
                out.append(j)
            elif aside is not None:
                j = aside
            elif (
                t.pos_ == "ADV"
                or low in self.m.time_words
                or low in self.m.negations
                or low in ("-t", "ailleurs", "par", "pour", "sa", "part")
                or low in _ASIDE_LOCUTION_ENDS
                or (low == "en" and j + 1 < i and lower[j + 1] in _ASIDE_LOCUTION_ENDS)
                or low in self.m.inversion_clitics
            ):
                pass
            else:
                break
            j -= 1
            steps += 1
        return out

    def _aside_locution_start(self, j: int) -> int | None:
        """Start of an aside locution of the pack ("de son côté") that ends at token j."""
        lower = self.lower
        # only the locutions whose last word is token j's can end there (pack order kept)
        for phrase in self.lex.aside_locutions_by_last.get(lower[j], ()):
            k = j - len(phrase) + 1
            if k >= 0 and all(lower[k + n] == w for n, w in enumerate(phrase)):
                return k
        return None

    def _has_perfect_aux(self, i: int) -> bool:
        lower = self.lower
        perfect_aux = self.m.perfect_aux
        return any(lower[j] in perfect_aux for j in self._aux_before(i))

    def _coordinated_perfect(self, i: int) -> bool:
        """ "a rejeté X et affirmé Y": a bare participle after "et" shares the auxiliary
        of the compound verb it is coordinated with."""
        if i == 0 or self.lower[i - 1] not in self.m.coordinators:
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
        return last > 0 and self.lower[last - 1] in self.m.reflexive_clitics

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
        """Token ``i`` is a finite verb (memoized per token)."""
        memo = self._finite
        if i in memo:
            return memo[i]
        finite = memo[i] = self._find_finite(i)
        return finite

    def _find_finite(self, i: int) -> bool:
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
        """First token of the verb group of cue ``i`` (memoized per token)."""
        memo = self._vg_starts
        if i in memo:
            return memo[i]
        start = memo[i] = self._find_verb_group_start(i)
        return start

    def _find_verb_group_start(self, i: int) -> int:
        match = self._periphrastic_match(i)
        j = i if match is None else match[1]  # the light verb: "a fait savoir"
        steps = 0
        while j - 1 >= 0 and steps < 7:
            t = self.toks[j - 1]
            low = t.lower_
            if self.in_quote(j - 1):
                break
            aside = self._aside_locution_start(j - 1)
            if low == "ailleurs" and j - 2 >= 0 and self.lower[j - 2] == "par":
                j -= 2
            elif aside is not None and any(
                self.lower[k] in self.m.aux for k in range(max(0, aside - 3), aside)
            ):
                j = aside  # "a de son côté dénoncé"
            elif low in _ASIDE_LOCUTION_ENDS and j - 2 >= 0 and self.lower[j - 2] == "en":
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
            and (self.toks[j].pos_ == "ADV" or self.lower[j] in self.m.time_words)
            and self.lower[j] not in self.m.negations
            and not any(
                self.lower[k] in self.m.aux or self.lower[k] in self.m.negations
                for k in range(j, i)
            )
        ):
            j += 1
        return j

    def verb_group_end(self, i: int) -> int:
        """Index after the cue verb and any inversion clitic ("a-t-il déclaré", "affirme-t-il")."""
        j = i + 1
        while j < self.n and (
            self.lower[j] in ("-t",) or self.lower[j] in self.m.inversion_clitics
        ):
            j += 1
        return j

    def inversion_pronoun(self, vg_start: int, vg_end: int) -> int | None:
        for j in range(vg_start, min(vg_end + 1, self.n)):
            low = self.lower[j]
            if low in self.m.inversion_clitics:
                return j
        return None

    def _infinitive_after_opener(self, i: int) -> bool:
        """ ", avant d'ajouter que X": the infinitive reports for the main clause's subject."""
        for pattern in self.m.infinitive_openers:
            n = len(pattern)
            if i - n - 1 >= 0 and self.toks[i - n - 1].text == ",":
                if self._words_at(i - n, pattern, i):
                    return True
        return False

    def _has_aux_any(self, i: int) -> bool:
        return bool(self._aux_before(i))

    def _has_finite(self, a: int, b: int) -> bool:
        return any(not self.in_quote(j) and self.is_finite(j) for j in range(a, b))

    def _has_finite_or_quoted(self, a: int, b: int) -> bool:
        """A finite verb, possibly inside a quoted fragment ("l'usine « a fermé »")."""
        return any(self.is_finite(j) for j in range(a, b))
