"""Speakers: the :class:`Frame` of a noun phrase (name, title, kind, gender and number),
pronouns and definite descriptions resolved to an earlier speaker, and the speaker of a cue.
"""

from __future__ import annotations

import re

from ..text import QUOTE_CHARS
from .common import (
    APOSTROPHE_ARTICLES,
    DASHES,
    SENT_END,
    WINDOW,
    Frame,
    _is_word,
    strip_accents,
    toks_text,
)
from .outlets import _names_outlet, _outlet_name, _strip_article

_INITIALS_NAME = re.compile(r"[A-Z](?:\.|\.?-[A-Z]\.?)\s*[A-Z][\w'’-]+")


def _same_name_word(short: str, full: str) -> bool:
    """ "Desforges" = "Desforges"; an initial stands for a first name: "V." = "Valentine",
    "J-M" = "Jean-Marc"."""
    if short.lower() == full.lower():
        return True
    parts = [p for p in re.split(r"[.\-]+", short) if p]
    full_parts = [p for p in full.split("-") if p]
    return (
        bool(parts)
        and all(len(p) == 1 for p in parts)
        and len(parts) == len(full_parts)
        and all(f[:1].upper() == p.upper() for p, f in zip(parts, full_parts, strict=True))
    )


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
                text = self.np_text(ps, pe)
                kind = "person"
                break
        name_end = self._name_before_indefinite_appositive(s, e)
        if name_end is not None and text == full:
            text = self.np_text(s, name_end)  # "Corvane Systems, a software maker," -> the name
        text = self._strip_document(text, s, e)
        if kind != "person" and _INITIALS_NAME.fullmatch(text):
            kind = "person"  # "V. Sorokine", "J-M Ayrault"
        if kind == "person":
            text = self._full_name(text, s)
        elif len(text.split()) <= 2:
            text = self._expanded_acronym(text, s)  # "HRW" -> "Human Rights Watch"
        if text == full:
            described = self._described_entity(s, e)  # "le ministre" -> "Étienne Valmorel"
            if described is not None:
                return described
        frame = Frame(text, kind, gender, number)
        resolved = self.resolve_definite(frame, s, e) if kind != "person" else None
        return resolved or frame

    def _description(self, s: int, e: int) -> tuple[str, str] | None:
        """ "le premier ministre", "l'ONG", "le même chercheur", "the industry publication":
        (head noun, "person" or "organization") of a singular definite description, or None.
        Possessives are no descriptions: "son avocat" is somebody else."""
        toks = self.toks
        words = [t for t in toks[s:e] if _is_word(t)]
        if not (2 <= len(words) <= 7) or words[0].lower_ not in self.m.definite_determiners:
            return None
        if "Yes" in words[0].morph.get("Poss") or words[0].tag_ == "PRP$":
            return None
        head = self._head_noun(s, e)
        if head in self.m.person_role_heads:
            kind = "person"
        elif head in self.m.organisation_heads:
            kind = "organization"
        elif len(words) <= 3 and words[-1].pos_ == "NOUN" and head not in self.m.anonymous_heads:
            kind = "titled"  # any title, but only for a person introduced with it
        else:
            return None
        for t in words[1:]:
            if t.lower_ == head:
                if t.text[:1].isupper() and not t.text.isupper():
                    return None  # "L'Association des leaders religieux": a name
                break
            if t.text[:1].isupper() or t.pos_ == "PROPN":
                return None  # "le président Obama": a name, not a description
        if any(s <= ps and pe <= e for ps, pe in self.per_ents):
            return None
        return head, kind

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

    def _described_entity(self, s: int, e: int) -> Frame | None:
        """ "Le ministre a démenti", "L'ONG dénonce": the entity an earlier sentence named.
        First a name introduced with that noun ("le ministre, Étienne Valmorel", "Jérôme
        Cahuzac, ministre du budget", "l'ONG Human Rights Watch"), else the latest earlier
        speaker with a name of that kind, else the latest name of that kind."""
        found = self._description(s, e)
        if found is None:
            return None
        head, kind = found
        gender, number = self._gender_number(s, e)
        if number == "Plur":
            return None
        si = self.sent_of[s]
        if kind in ("person", "titled"):
            spans = list(self.per_ents)
        else:
            spans = [(x.start, x.end) for x in self.ents if x.label_ == "ORG"]
        spans = [(a, b) for a, b in spans if b <= s and self.sent_of[a] != si]

        def frame(name: str) -> Frame:
            if kind != "organization":
                name = self._full_name(" ".join(self._without_title(name)), s)
            else:
                name = self._expanded_acronym(name, s)
            found = "organization" if kind == "organization" else "person"
            return Frame(_strip_article(name, self.m.articles), found, gender, "Sing")

        for ps, pe in reversed(spans):
            inside = [k for k in range(ps, pe - 1) if self.toks[k].lower_ == head]
            if inside:  # the tagger took the noun into the name: "ONG Human Rights Watch"
                return frame(self.np_text(inside[-1] + 1, pe))
            if self._introduced_with(head, ps, pe, strict=kind == "titled"):
                return frame(self.np_text(ps, pe))
        if kind == "titled":
            return None
        # else a name it may stand for: a full name of a person, an organisation that was
        # the subject of its sentence ("degrés Celsius", "land at Payam" are not)
        spans = [
            (a, b)
            for a, b in spans
            if (
                b - a >= 2
                and all(t.text[:1].isupper() for t in self.toks[a:b] if _is_word(t))
                and not self._other_role(head, self.np_text(a, b), s)
                and not self._in_parentheses(a)
                # "le programme de François Hollande": a complement, not whom the text follows
                and not (a > 0 and self.toks[a - 1].pos_ == "ADP")
                if kind == "person"
                else self._subject_position(a, b)
            )
        ]
        named = self._name_after_noun(head, s)
        if named is not None:
            return frame(named)
        latest = spans[-1][0] if spans else -1
        for claim in reversed(self.claims):
            f = claim.frame
            if f.is_pronoun or claim.sent == si or not self._is_name(f.text):
                continue
            if kind == "person" and f.kind != "person":
                continue
            if kind != "person" and f.kind not in ("organization", "publication"):
                continue
            if gender in ("Masc", "Fem") and f.gender in ("Masc", "Fem") and f.gender != gender:
                continue
            if kind == "person" and self._other_role(head, f.text, s):
                continue
            if self._in_parentheses(claim.anchor):
                continue  # "(X déplora un discours ...)": an aside, not whom the text follows
            if claim.anchor < latest:
                break  # a name mentioned since is more recent
            return Frame(f.text, f.kind, f.gender or gender, "Sing", list(f.via))
        if latest >= 0:
            return frame(self.np_text(*spans[-1]))
        return None

    def _roles(self, ps: int, pe: int) -> tuple[set[str], bool]:
        """The titles a name was given ("son avocat, Me X", "X, maire de Niort") and
        whether one came with a possessive: "son avocat" is somebody else's lawyer."""
        toks = self.toks
        lo, hi = self.sents[self.sent_of[ps]]
        roles: set[str] = set()
        possessive = False
        ks = list(range(ps - 1, max(lo, ps - 6) - 1, -1))
        if pe < hi and toks[pe].text == ",":
            ks += list(range(pe + 1, min(hi, pe + 5)))
        for k in ks:
            low = toks[k].lower_
            if toks[k].pos_ in ("PROPN", "VERB", "AUX") or toks[k].text in SENT_END:
                if k > ps:
                    break
                continue
            if low in self.m.person_role_heads:
                roles.add(low)
                prev = toks[k - 1] if k > lo else None
                if prev is not None and ("Yes" in prev.morph.get("Poss") or prev.tag_ == "PRP$"):
                    possessive = True
        return roles, possessive

    def _other_role(self, head: str, name: str, at: int) -> bool:
        """A person who cannot be "le maire" / "l'ancien élu": introduced as somebody's
        ("son avocat, Me X") or with another specific title ("son président, X" is no
        mayor). Generic nouns ("l'expert", "le chercheur") stand for any title."""
        for ps, pe in self._person_mentions():
            if (
                pe > at
                or self.np_text(ps, pe) != name
                and not name.endswith(" " + self.np_text(ps, pe))
            ):
                continue
            roles, possessive = self._roles(ps, pe)
            if possessive:
                return True
            if roles and head not in roles and head not in self.m.generic_person_heads:
                return True
        return False

    def _in_parentheses(self, i: int) -> bool:
        """Token ``i`` sits inside an open parenthesis of its sentence."""
        depth = 0
        for t in self.toks[self.sents[self.sent_of[i]][0] : i]:
            depth += (t.text == "(") - (t.text == ")")
        return depth > 0

    def _introduced_with(self, head: str, ps: int, pe: int, strict: bool = False) -> bool:
        """The noun right before or after a name: "l'expert X", "le ministre du budget, X",
        "X, ministre du budget", "X, le porte-parole du parti". ``strict`` (a noun that is no
        known title): only "le trésorier, X" / "le trésorier X"."""
        toks = self.toks
        lo, hi = self.sents[self.sent_of[ps]]

        def is_head(k: int) -> bool:
            low = toks[k].lower_
            return low == head or low.startswith(head + "-")

        if strict:
            for k in range(ps - 1, max(lo, ps - 4) - 1, -1):
                if is_head(k):
                    return k > 0 and toks[k - 1].lower_ in self.m.definite_determiners
                if not (toks[k].text == "," or toks[k].lower_ in self.m.titles):
                    return False
            return False
        for k in range(ps - 1, max(lo, ps - 6) - 1, -1):
            if is_head(k):
                return True
            # only a title, a comma or a complement ("du budget") between noun and name
            if not (
                toks[k].text == ","
                or toks[k].lower_ in self.m.titles
                or toks[k].lower_ in self.m.name_connectors
                or toks[k].pos_ in ("ADJ", "DET", "NOUN")
                and k not in self.ent_label
            ):
                break
        after = pe + 1 if pe < hi and toks[pe].text == ")" else pe
        if after + 2 < hi and toks[after].text == "(" and toks[after + 2].text == ")":
            after += 3  # "l'Observatoire ... (OITA), une ONG basée à Genève"
        if after < hi and toks[after].text == ",":
            for k in range(after + 1, min(hi, after + 5)):
                if is_head(k):
                    return True
                if not (toks[k].pos_ in ("DET", "ADJ") or toks[k].lower_ in self.m.articles):
                    break
        return False

    def _name_after_noun(self, head: str, s: int) -> str | None:
        """A capitalised name right after the noun in an earlier sentence, which the tagger
        did not label: "L'ONG Amnistie Planétaire vient de publier ..."."""
        toks = self.toks
        si = self.sent_of[s]
        for k in range(self.sents[si][0] - 1, -1, -1):
            if toks[k].lower_ != head or (k > 0 and toks[k - 1].pos_ == "PROPN"):
                continue
            a = k + 1
            b = a
            while (
                b < self.n
                and b - a < 6
                and (
                    toks[b].text[:1].isupper()
                    or (
                        toks[b].lower_ in self.m.articles
                        and b + 1 < self.n
                        and toks[b + 1].text[:1].isupper()
                        and b > a
                    )
                )
            ):
                b += 1
            if b > a and toks[b - 1].text[:1].isupper():
                return self.np_text(a, b)
        return None

    def _is_name(self, text: str) -> bool:
        """A speaker that names somebody: a capitalised word after any article."""
        words = text.split()
        if words and words[0].lower() in self.m.articles | self.m.definite_determiners:
            words = words[1:]
        return any(w[:1].isupper() for w in words)

    def _without_title(self, name: str) -> list[str]:
        """The words of a name without a leading title ("M.", "Me", "Dr")."""
        words = name.split()
        return words[1:] if words and words[0].lower() in self.m.titles else words

    def _full_name(self, text: str, at: int) -> str:
        """ "M. Desforges", "Raman", "V. Desforges", "le président Raman", "Prime Minister
        Raman": the full name given earlier ("Paul Desforges")."""
        words = self._without_title(text)
        roles = [k for k, w in enumerate(words) if w.lower() in self.m.person_role_heads]
        if roles and roles[-1] < len(words) - 1:
            words = words[roles[-1] + 1 :]  # the title before the name
        if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
            return text
        names = [self.np_text(ps, pe) for ps, pe in reversed(self.per_ents) if pe <= at]
        names += [c.frame.text for c in reversed(self.claims) if c.frame.kind == "person"]
        fulls = [self._without_title(name) for name in names]
        n = len(words)
        for full in fulls:
            if (
                len(full) >= n
                and [w.lower() for w in full] != [w.lower() for w in words]
                and all(_same_name_word(a, b) for a, b in zip(words, full[-n:], strict=True))
            ):
                return " ".join(full)
        return text

    def _expanded_acronym(self, text: str, at: int) -> str:
        """ "HRW", "l'ARS": the organisation named in full earlier whose initials it is,
        "l'Observatoire international des transferts d'armes (OITA)"."""
        bare = _strip_article(text, self.m.articles)
        if not (bare.isupper() and bare.isalpha() and 2 <= len(bare) <= 6):
            return text
        names = [x.text for x in self.ents if x.end <= at and x.label_ == "ORG"]
        names += [c.frame.text for c in self.claims if c.frame.kind != "person"]
        toks = self.toks
        for k in range(min(at, self.n - 1)):
            if toks[k].text == bare and k > 0 and toks[k - 1].text == "(":
                names += [self.np_text(a, k - 1) for a in range(max(0, k - 9), k - 1)]
        for name in reversed(names):
            name = _strip_article(name, self.m.articles)
            words = [w for w in re.split(r"[\s'’]+", name) if w]
            initials = "".join(w[0] for w in words if w.lower() not in self.m.name_connectors)
            if len(words) > 1 and initials.upper() == bare and words[0][:1].isupper():
                return name
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
        return Frame(
            # "affirme-t-il" with no antecedent: the pronoun is "il", not "-il"
            self.toks[at].text.removeprefix("-").removeprefix("t-") if at < self.n else pronoun,
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

    def _person_mentions(self) -> list[tuple[int, int]]:
        """The tagged person names and the later mentions of the same multi-word names the
        tagger missed ("Jean-Marie Le Pen" tagged once, read as a common noun later)."""
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

    def main_subject(self, s: int, hi: int) -> Frame | None:
        for j in range(s, min(hi, s + WINDOW)):
            if not self.in_quote(j) and self.is_finite(j):
                vg = self.verb_group_start(j)
                np, asides, _ = self.left_subject(s, vg)
                if np is not None:
                    return self.make_frame(np, asides, np[0])
                return None
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
        """A preposition between two capitalised words belongs to a name ("Vent de Côte")."""
        return (
            0 < j < self.n - 1
            and self.toks[j - 1].text[:1].isupper()
            and self.toks[j + 1].text[:1].isupper()
        )

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
