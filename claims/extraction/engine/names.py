"""Names: the full name behind a title, a description, a surname, initials or an acronym,
from where the article introduced it ("le ministre du budget, X", "X (ACR)", "V. Sorokine").
"""

from __future__ import annotations

import re

from .common import (
    SENT_END,
    Frame,
    _is_word,
)
from .outlets import _strip_article

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


def _one_letter_apart(short: str, full: str) -> bool:
    """ "Haddad" / "Hadded": the same length, the same first two letters and one other letter
    different."""
    a, b = short.lower(), full.lower()
    return (
        len(a) == len(b)
        and a[:2] == b[:2]
        and a.isalpha()
        and b.isalpha()
        and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    )


class Names:
    """Names and titles of the people and bodies an article introduces."""

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

    def _described_entity(self, s: int, e: int) -> Frame | None:
        """ "Le ministre a démenti", "L'ONG dénonce": the entity an earlier sentence named.
        First a name introduced with that noun ("le ministre, Étienne Valmorel", "Jérôme
        Varenne, ministre du budget", "l'ONG Terre Vive"), else the latest earlier
        speaker with a name of that kind, else the latest name of that kind."""
        found = self._description(s, e)
        if found is None:
            return None
        head, kind = found
        gender, number = self._gender_number(s, e)
        if number == "Plur":
            return None
        if kind in ("person", "titled"):
            spans = list(self.per_ents)
        else:
            spans = [(x.start, x.end) for x in self.ents if x.label_ == "ORG"]
        # names before the sentence, or before a semicolon ending a clause of it
        lo = self._clause_start(s)
        spans = [(a, b) for a, b in spans if b <= lo]

        def frame(name: str) -> Frame:
            if kind != "organization":
                name = self._full_name(" ".join(self._without_title(name)), s)
            else:
                name = self._expanded_acronym(name, s)
            found = "organization" if kind == "organization" else "person"
            return Frame(_strip_article(name, self.m.articles), found, gender, "Sing")

        for ps, pe in reversed(spans):
            inside = [k for k in range(ps, pe - 1) if self.toks[k].lower_ == head]
            if inside:  # the tagger took the noun into the name: "ONG Terre Vive"
                return frame(self.np_text(inside[-1] + 1, pe))
            if self._introduced_with(head, ps, pe, strict=kind == "titled"):
                return frame(self.np_text(ps, pe))
        if kind == "titled" or self._named_complement(s, e, head):
            return None  # "le chef du Conseil": only someone introduced with it
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
            if f.is_pronoun or claim.anchor >= lo or not self._is_name(f.text):
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

    def _named_complement(self, s: int, e: int, head: str) -> bool:
        """ "le chef du Conseil": the description names the body the person belongs to."""
        words = [t for t in self.toks[s:e] if _is_word(t)]
        at = next((n for n, t in enumerate(words) if t.lower_ == head), len(words))
        return any(
            t.text[:1].isupper() and words[n - 1].lower_ in self.m.name_connectors
            for n, t in enumerate(words[at + 1 :], at + 1)
        )

    def _clause_start(self, s: int) -> int:
        """Start of the sentence of ``s``, or of its clause after a semicolon ("X faisait
        part de son étonnement ; le parti pense que ...")."""
        lo = self.sents[self.sent_of[s]][0]
        for k in range(s - 1, lo, -1):
            if self.toks[k].text == ";" and not self.in_quote(k):
                return k + 1
        return lo

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
        titled = False
        if roles and roles[-1] < len(words) - 1:
            words = words[roles[-1] + 1 :]  # the title before the name
            titled = True
        if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
            return text
        found = self._earlier_full_name(words, at)
        if found is None and titled and len(words) == 1:
            found = self._long_name_starting_with(words[0], at)
        return found if found is not None else text

    def _long_name_starting_with(self, word: str, at: int) -> str | None:
        """ "Prime Minister Tuilo" after "Tuilo Saleni Matautia": with a title, one name can
        be the first of a long name given earlier (of three words or more)."""
        longs = {
            self.np_text(ps, pe)
            for ps, pe in self.per_ents
            if pe <= at and pe - ps >= 3 and self.toks[ps].text == word
        }
        return longs.pop() if len(longs) == 1 else None

    def _earlier_full_name(self, words: list[str], at: int) -> str | None:
        """The full name given earlier that ends with ``words``, else the only one whose
        surname is ``words`` spelt with one other letter ("Karimi" / "Karimy": transliterations
        of one name in the same article)."""
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
        if n != 1 or len(words[0]) < 5:
            return None
        if any(len(f) >= 2 and f[-1].lower() == words[0].lower() for f in fulls):
            return None  # the surname of a person named in full: no other spelling
        toks = self.toks
        if any(
            toks[k].text == words[0] and toks[k - 1].text[:1].isupper()
            for k in range(1, min(at, self.n))
        ):
            return None  # "Nadia Mansoury" was named, even if the tagger missed her
        variants = {
            " ".join(full)
            for full in fulls
            if len(full) >= 2 and _one_letter_apart(words[0], full[-1])
        }
        return variants.pop() if len(variants) == 1 else None

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
