"""Coreference: pronouns and definite descriptions resolved to an earlier speaker or name.
"""

from __future__ import annotations

import re

from .common import (
    Frame,
    strip_accents,
    toks_text,
)
from .outlets import _strip_article


class Coreference:
    """Antecedents of pronouns and of definite noun phrases."""

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
        if number == "Sing" and (not personal or self.m.personal_pronouns_name_institutions):
            # "Le nouveau gouvernement s'est donné pour objectif ... Il a déclaré que": the
            # body that is the subject of the previous sentence beats an older speaker
            subject = self._previous_body_subject(at, found_at, gender)
            if subject is not None:
                return subject
        here = self.para_of[self.sent_of[min(at, self.n - 1)]]
        if personal and number == "Sing":
            # a person who is the subject of a more recent sentence ("Le journaliste X est
            # détenu ... Lui et son journal nient") beats an older speaker, unless that
            # speaker was quoted in the previous paragraph and the person is not in this one
            recent = found is not None and here - self.para_of[self.sent_of[found_at]] <= 1
            for ps, pe in reversed(self._person_mentions()):
                if pe > at:
                    continue
                if ps <= found_at:
                    break
                if self._subject_position(ps, pe) and (
                    not recent or self.para_of[self.sent_of[ps]] == here
                ):
                    return Frame(self.np_text(ps, pe), "person", gender, "Sing")
        if found is not None:
            return Frame(found.text, found.kind, found.gender, found.number, list(found.via))
        if fallback is not None:
            return Frame(
                fallback.text, fallback.kind, fallback.gender, fallback.number, list(fallback.via)
            )
        earlier = [(ps, pe) for ps, pe in self._person_mentions() if pe <= at]
        # the subject of its sentence rather than a name in passing ("voter pour X")
        for ps, pe in reversed(earlier):
            if self._subject_position(ps, pe):
                return Frame(self.np_text(ps, pe), "person")
        for ps, pe in reversed(earlier):
            return Frame(self.np_text(ps, pe), "person")
        if personal and number == "Sing":
            # "« ... », affirme-t-il." opening the article, whose subject the headline
            # named: the first person the text names in full
            later = [(ps, pe) for ps, pe in self._person_mentions() if ps > at and pe - ps >= 2]
            if later:
                return Frame(self.np_text(*later[0]), "person", gender, "Sing")
        return Frame(
            # "affirme-t-il" with no antecedent: the pronoun is "il", not "-il"
            self.toks[at].text.removeprefix("-").removeprefix("t-") if at < self.n else pronoun,
            "person",
            gender,
            number,
            is_pronoun=True,
        )

    def _previous_subject(self, at: int, found_at: int, gender: str | None) -> Frame | None:
        """The subject of the sentence before the one of ``at``, when it is no pronoun, comes
        after the antecedent already found (``found_at``) and does not contradict ``gender``."""
        si = self.sent_of[at] if at < self.n else len(self.sents) - 1
        if si == 0:
            return None
        ps, pe = self.sents[si - 1]
        if ps <= found_at:
            return None
        frame = self.main_subject(ps, pe)
        if frame is None or frame.is_pronoun:
            return None
        if gender in ("Masc", "Fem") and frame.gender in ("Masc", "Fem") and frame.gender != gender:
            return None
        return frame

    def _previous_plural_subject(self, at: int, found_at: int, gender: str | None) -> Frame | None:
        frame = self._previous_subject(at, found_at, gender)
        return frame if frame is not None and frame.number == "Plur" else None

    def _previous_body_subject(self, at: int, found_at: int, gender: str | None) -> Frame | None:
        """The singular subject of the previous sentence when a government or organisation
        noun heads it ("Le nouveau gouvernement", "the ministry")."""
        frame = self._previous_subject(at, found_at, gender)
        if frame is None or frame.number == "Plur":
            return None
        if frame.kind not in ("government", "organization"):
            return None  # "Le site emploie 300 personnes" names no outlet
        words = [strip_accents(w.lower()) for w in re.split(r"[\s'’]+", frame.text) if w]
        heads = {strip_accents(h) for h in self.m.government_heads | self.m.organisation_heads}
        if not set(words) & heads:
            return None
        return frame

    def _person_mentions(self) -> list[tuple[int, int]]:
        """The tagged person names and the later mentions of the same multi-word names the
        tagger missed ("Jean-Paul Marchand" tagged once, read as a common noun later)."""
        cached = getattr(self, "_mentions", None)
        if cached is not None:
            return cached
        spans = set(self.per_ents)
        names = {tuple(t.text for t in self.toks[a:b]) for a, b in self.per_ents if b - a >= 2}
        for name in names:
            n = len(name)
            for k in range(self.n - n + 1):
                if (
                    self.toks[k].text == name[0]
                    and tuple(t.text for t in self.toks[k : k + n]) == name
                ):
                    if not any(a <= k < b for a, b in spans):
                        spans.add((k, k + n))
        mentions = sorted(spans)
        self._mentions = mentions
        return mentions

    def _subject_position(self, ps: int, pe: int) -> bool:
        """A name before the first verb of its sentence, outside quotes and reported content,
        followed by its verb (after an apposition: "X, of the council, described")."""
        s, hi = self.sents[self.sent_of[ps]]
        if self.in_quote(ps) or any(self.is_finite(k) for k in range(s, ps)):
            return False
        if any(t.pos_ == "SCONJ" or t.lower_ in self.m.complementizers for t in self.toks[s:ps]):
            return False  # "Asked whether Kyiv had requested ...": a subordinate subject
        k = ps - 1
        while k >= s and (
            self.toks[k].pos_ in ("DET", "ADJ")
            or self.toks[k].pos_ == "NOUN"
            and self.toks[k].text.islower()
            or self.toks[k].lower_ in self.m.titles
        ):
            k -= 1
        if k > s and self.toks[k].pos_ == "ADP":
            return False  # "X, of the Maidan Wardak council", "an aide to governor X"
        char = self.toks[ps].idx
        if any(c.start <= char < c.end for c in self.claims):
            return False
        after = pe
        if after < hi and self.toks[after].text == ",":
            close = [k for k in range(after + 1, min(hi, after + 12)) if self.toks[k].text == ","]
            if close:
                after = close[0] + 1
        return any(self.is_finite(k) for k in range(after, min(after + 4, self.n)))

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
        if s >= 2 and self.toks[s - 1].lower_ in self.m.name_connectors:
            # "le successeur de Louis Perrin, qui": the noun the complement belongs to
            k = s - 1
            while k - 1 >= 0 and self.toks[k - 1].pos_ in ("DET", "ADJ", "NOUN") and s - k < 5:
                k -= 1
            if k < s - 1 and self._head_noun(k, s - 1) in self.m.person_role_heads:
                s = k
        if s >= 2 and self.toks[s - 1].text == ",":
            # "Bernard Bonnet, le successeur de Claude Erignac, qui": the name before the
            # apposition
            for ps, pe in self.per_ents:
                if pe == s - 1 and pe - ps >= 2:
                    return self.make_frame((ps, pe), None, ps)
        return self.make_frame((s, e), None, s)

    def _inside_name(self, j: int) -> bool:
        """A preposition between two capitalised words belongs to a name ("Vent de Côte"), as
        does one inside a name the tagger found ("la Commission européenne de Lisbonne")."""
        if not 0 < j < self.n - 1:
            return False
        if self.toks[j - 1].text[:1].isupper() and self.toks[j + 1].text[:1].isupper():
            return True
        return self.toks[j].ent_iob_ == "I" and self.toks[j + 1].ent_iob_ == "I"
