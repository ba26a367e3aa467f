"""Speakers: the :class:`Frame` of a noun phrase (name, title, kind, gender and number) and
the speaker of a cue; names behind titles live in ``names.py``, antecedents of pronouns and
definite descriptions in ``coreference.py``.
"""

from __future__ import annotations

from ..text import QUOTE_CHARS
from .common import (
    APOSTROPHE_ARTICLES,
    DASHES,
    SENT_END,
    WINDOW,
    Frame,
    _is_word,
    strip_accents,
)
from .names import _INITIALS_NAME
from .outlets import _names_outlet, _outlet_name


class Speakers:
    """Speaker frames, their kinds and their antecedents."""

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
        s = self._after_dateline(s, e)
        s = self._after_time_adjunct(s, e)
        if all(
            t.lower_ in self.m.articles or t.lower_ in self.m.definite_determiners
            for t in toks[s:e]
            if _is_word(t)
        ):
            return None  # "the", "Des": a determiner alone names nobody
        if all(t.lower_ in self.m.demonstrative_pronouns for t in toks[s:e] if _is_word(t)):
            return None  # "Ceci montre que", "This shows that": a demonstrative names nobody
        cut = e
        for j in range(s + 1, e):
            low = toks[j].lower_
            if toks[j].text.isupper() and len(toks[j].text) > 1:
                low = toks[j].text  # "the WHO": an acronym, not the pronoun "who"
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
                if ps > s + 1 and toks[ps - 1].lower_ in self.m.name_connectors:
                    continue  # "le successeur de Claude Erignac" is not Claude Erignac
                if self._cut_from_a_name(ps):
                    continue  # "Conseil des droits de l'" + "Homme de l'ONU": one name, cut
                text = self.np_text(ps, pe)
                kind = "person"
                break
        name_end = self._name_before_indefinite_appositive(s, e)
        if name_end is not None and text == full:
            text = self.np_text(s, name_end)  # "Corvane Systems, a software maker," -> the name
            if self._name_before_description(s, e) is not None:
                kind = "person"  # "Varenne, le président du conseil": a titled person
        owner = self._possessor_of_statement(s, e)
        if owner is not None and text == full:
            # "Brandt's statement read:" / "he declined" after it: whose statement it is
            text = self.np_text(*owner)
            kind = self.speaker_kind(*owner, text)
            gender, number = self._gender_number(*owner)
        text = self._strip_document(text, s, e)
        if kind != "person" and _INITIALS_NAME.fullmatch(text):
            kind = "person"  # "V. Sorokine", "J-P Marchand"
        if kind == "person":
            text = self._full_name(text, s)
        elif kind == "organization" and self._one_capitalised_word(text):
            person = self._earlier_full_name([text], s)  # "Karimy said": the tagger missed him
            if person is not None:
                text, kind = person, "person"
        if kind != "person" and len(text.split()) <= 2:
            text = self._expanded_acronym(text, s)  # "OITA" -> the name it abbreviates
        if text == full:
            named = self._name_in_apposition_after(s, e)
            if named is not None:
                return named  # "D'après le ministre du budget, Paul Ravenel, « ... »"
            described = self._described_entity(s, e)  # "le ministre" -> "Étienne Valmorel"
            if described is not None:
                return described
        frame = Frame(text, kind, gender, number)
        resolved = self.resolve_definite(frame, s, e) if kind != "person" else None
        return resolved or frame

    def _cut_from_a_name(self, ps: int) -> bool:
        """A person the tagger found right after another kind of name ending with a
        lower-case word: the tail of one name it cut in two ("Conseil des droits de l'" ORG +
        "Homme de l'ONU" PER); "Liberal" NORP + "Anna Berg Lind" is no such cut."""
        prev = self.toks[ps - 1] if ps > 0 else None
        return (
            prev is not None
            and prev.ent_iob_ != "O"
            and prev.ent_type_ not in ("PER", "PERSON")
            and prev.text[:1].islower()
        )

    @staticmethod
    def _one_capitalised_word(text: str) -> bool:
        return " " not in text and text[:1].isupper() and not text.isupper() and text.isalpha()

    def _after_dateline(self, s: int, e: int) -> int:
        """Skip a dateline opening the span: "WASHINGTON -- President X", "31 octobre 2031.
        - Le maire": a few words without verb or determiner, then a dash."""
        toks = self.toks
        for k in range(s + 1, min(e - 1, s + 8)):
            if toks[k].text in DASHES and (toks[k].text != "-" or self._spaced_dash(k)):
                if all(
                    t.pos_ not in ("VERB", "AUX", "DET", "PRON") and t.lower_ not in self.m.articles
                    for t in toks[s:k]
                ):
                    return k + 1
                return s
        return s

    def _after_time_adjunct(self, s: int, e: int) -> int:
        """Skip a short lower-case adjunct and its comma opening the span: "mi-juin, la
        direction" -> "la direction"."""
        toks = self.toks
        for k in range(s + 1, min(e - 1, s + 4)):
            if toks[k].text == ",":
                head = toks[s:k]
                nxt = toks[k + 1].lower_
                if all(t.text.islower() or t.like_num for t in head if _is_word(t)) and (
                    nxt in self.m.articles or nxt in self.m.definite_determiners
                ):
                    return k + 1
                return s
        return s

    def _name_before_indefinite_appositive(self, s: int, e: int) -> int | None:
        """End of a proper name followed by ", a/un ..." describing it, or by ", le/the" and a
        title ("Varenne, le président de la commission"), else None."""
        described = self._name_before_description(s, e)
        if described is not None:
            return described
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

    def _name_before_description(self, s: int, e: int) -> int | None:
        """End of a proper name followed by ", le président ..." / ", the head of ...": a
        definite article and a person's title (lower case), with no coordination after it
        ("Varenne, le maire et le préfet" are three)."""
        toks = self.toks
        for c in range(s + 1, min(e - 2, s + 6)):
            if toks[c].text != ",":
                continue
            if toks[c + 1].lower_ not in self.m.definite_determiners:
                return None
            head = self._head_noun(c + 1, e)
            if head not in self.m.person_role_heads or not toks[c + 2].text.islower():
                return None
            if any(t.lower_ in self.m.coordinators or t.text == "," for t in toks[c + 1 : e]):
                return None
            name = toks[s:c]
            if all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in name if _is_word(t)):
                return c
            return None
        return None

    def _name_in_apposition_after(self, s: int, e: int) -> Frame | None:
        """ "le ministre du budget, Paul Ravenel, ...": a person's title whose name follows
        between commas (or before the end of the clause) is that person."""
        found = self._description(s, e)
        if found is None or found[1] == "organization":
            return None
        toks = self.toks
        hi = self.sents[self.sent_of[s]][1]
        if e + 1 >= hi or toks[e].text != ",":
            return None
        for ps, pe in self.per_ents:
            if ps == e + 1 and pe - ps >= 2:
                if pe < hi and toks[pe].text not in (",", ";", ":") and _is_word(toks[pe]):
                    return None
                gender, _ = self._gender_number(s, e)
                return Frame(self._full_name(self.np_text(ps, pe), ps), "person", gender, "Sing")
        return None

    def _possessor_of_statement(self, s: int, e: int) -> tuple[int, int] | None:
        """ "Brandt's statement", "la déclaration de X" where the owner comes first: the span
        of the owner of a statement noun, a proper name, else None."""
        toks = self.toks
        words = [t for t in toks[s:e] if _is_word(t)]
        if len(words) < 3 or words[-1].lower_ not in self.m.statement_nouns:
            return None
        k = e - 1
        while k > s and not _is_word(toks[k]):
            k -= 1
        if toks[k - 1].tag_ != "POS":
            return None
        a = s
        while a < k - 1 and (toks[a].lower_ in self.m.articles or toks[a].pos_ == "DET"):
            a += 1
        owner = toks[a : k - 1]
        if owner and all(t.pos_ == "PROPN" for t in owner):
            return a, k - 1
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
        for j, t in enumerate(self.toks[s:e], s):
            if t.pos_ in ("DET", "NOUN", "PROPN") or t.lower_ in self.m.titles:
                g, nb = self.gender_number_of(j)
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
        has_per = any(
            s <= ps and pe <= e and not self._cut_from_a_name(ps) for ps, pe in self.per_ents
        )
        if any(mark in low for mark in self.lex.anonymous_markers_plain):
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

    def main_subject(self, s: int, hi: int) -> Frame | None:
        for j in range(s, min(hi, s + WINDOW)):
            if not self.in_quote(j) and self.is_finite(j):
                vg = self.verb_group_start(j)
                np, asides, _ = self.left_subject(s, vg)
                if np is not None:
                    return self.make_frame(np, asides, np[0])
                return None
        return None

    def _speaker_for(
        self, si: int, s: int, cue_i: int, vg: int, lo: int, hi: int, participial: bool
    ) -> tuple[Frame | None, list[tuple[int, int]], int | None, tuple[int, int] | None]:
        """Speaker of a reporting verb, with the outlet it was told to in ``via``."""
        found = self._verb_speaker(si, s, cue_i, vg, lo, hi, participial)
        frame = found[0]
        if frame is not None and not participial:
            outlet = self._told_outlet(cue_i, hi)
            if outlet and outlet.lower() != frame.text.lower() and outlet not in frame.via:
                frame = Frame(
                    frame.text,
                    frame.kind,
                    frame.gender,
                    frame.number,
                    list(frame.via) + [outlet],
                    frame.is_pronoun,
                )
        return (frame, *found[1:])

    def _told_outlet(self, cue_i: int, hi: int) -> str | None:
        """ "a déclaré à l'AFP", "told Reuters": the outlet the statement was made to."""
        toks = self.toks
        j = self.verb_group_end(cue_i)
        while j < hi and toks[j].pos_ == "ADV":
            j += 1
        told = (self.cue_lemma(cue_i) or "") in self.m.addressee_verbs
        if j < hi and toks[j].pos_ == "ADP" and toks[j].lower_ not in self.m.complementizers:
            told = True
            j += 1
        if not told:
            return None
        while j < hi and (toks[j].pos_ == "DET" or toks[j].lower_ in self.m.articles):
            j += 1
        k = j
        while k < hi and k - j < 6 and (toks[k].text[:1].isupper() or toks[k].text == "-"):
            k += 1
        words = [t.lower_ for t in toks[j:k]]
        if not words or not _names_outlet(words):
            return None
        return _outlet_name(self.np_text(j, k))

    def _verb_speaker(
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
        if (
            vg - 1 >= s
            and toks[vg - 1].lower_ in self.m.relative_subjects
            and not (toks[vg - 1].text.isupper() and len(toks[vg - 1].text) > 1)  # "the WHO"
        ):
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
        if vg > s and toks[vg - 1].lower_ in self.m.coordinators:
            # "X explained that A, compared to B, and stated that C": the claim before in
            # the sentence shares its subject, whatever the phrase before "and"
            prev = self.sent_claims(si, cue_i)
            if prev and not prev[-1].frame.is_pronoun:
                f = prev[-1].frame
                return Frame(f.text, f.kind, f.gender, f.number, list(f.via)), [], None, None
        np, asides, clause_end = self.left_subject(lo, vg)
        if np is not None:
            # relative subject "qui" -> its antecedent just before
            words = [t.lower_ for t in toks[np[0] : np[1]] if _is_word(t)]
            if words and words[0] in self.m.relative_subjects and len(words) == 1:
                ante = self._antecedent(np[0])
                return ante, asides, None, np
            if len(words) == 1 and words[0] in self.m.pronouns and np[0] > s:
                if toks[np[0] - 1].lower_ in self.m.clause_relatives:
                    # "L'ONG a publié un rapport dans lequel elle affirme": the main subject
                    main = self.main_subject(s, np[0] - 1)
                    if main is not None and not main.is_pronoun:
                        return main, asides, clause_end, np
            return self.make_frame(np, asides, np[0]), asides, clause_end, np
        np = self._subordinate_subject(lo, vg, cue_i)
        if np is not None:
            # "Shortly after Brandt said ...", "although they say ...": the parse's subject
            return self.make_frame(np, None, np[0]), [], None, np
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

    def _subordinate_subject(self, lo: int, vg: int, cue_i: int) -> tuple[int, int] | None:
        """The subject of a cue that opens no segment of its own: "after Brandt said",
        "although they say", "when the mayor noted": the parse's subject of the cue, a short
        noun phrase right before the verb group, after a subordinator."""
        toks = self.toks
        subjects = [c for c in toks[cue_i].children if c.dep_ in ("nsubj",)]
        if len(subjects) != 1:
            return None
        subj = subjects[0]
        a, b = subj.left_edge.i, subj.right_edge.i + 1
        if not (lo <= a and b <= vg) or b - a > 8 or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        if any(not _is_word(t) or t.pos_ in ("VERB", "AUX") for t in toks[a:b]):
            return None
        if any(toks[k].pos_ not in ("ADV", "PART") for k in range(b, vg)):
            return None
        if toks[a].tag_ in ("WDT", "WP") or toks[a].lower_ in self.m.relative_subjects:
            return None
        opener = toks[a - 1] if a > 0 else None
        if opener is None or a == lo or opener.text == ",":
            # "About 9 percent said", "In Ohio, about half of voters said": a whole segment
            # the positional rules took for an adverbial
            return (a, b) if self.split_segments(lo, vg)[-1][0] == a else None
        if opener.dep_ != "mark" and opener.tag_ != "WRB" or opener.head.i != cue_i:
            return None
        if opener.lower_ in self.m.conditional_markers:
            return None  # "if the mayor says X": nothing has been said
        return a, b

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
