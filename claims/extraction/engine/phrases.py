"""Phrases around a cue: segments between commas and dashes, the subject on the left,
the noun phrase on the right, and where a content clause ends.
"""

from __future__ import annotations

from ..text import CLOSING_QUOTES, QUOTE_CHARS
from .common import DASHES, SENT_END, WINDOW, _is_word
from .subject_parts import compared_name, leading_fragment


class Phrases:
    """Subjects, objects, segments and clause ends."""

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
            if j > s and (
                self.toks[j].lower_ in self.m.relative_subjects
                and not (self.toks[j].text.isupper() and len(self.toks[j].text) > 1)  # "WHO"
                or self._relative_that(j, s)
            ):
                relative = True  # "residents who joined the suit": still a noun phrase
            if not relative and not self.in_quote(j) and self.is_finite(j):
                return "clause"
        return "np"

    def _relative_that(self, j: int, s: int) -> bool:
        """ "the agency that oversees X": a relative pronoun the parse marks as the subject
        of a relative clause on a noun of the segment (an ambiguous word such as "that"
        is not listed among the relative subjects)."""
        t = self.toks[j]
        head = t.head
        return (
            t.pos_ == "PRON"
            and t.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")
            and head.dep_ in ("relcl", "acl:relcl")
            and s <= head.head.i < j
            and head.head.pos_ in ("NOUN", "PROPN")
        )

    def left_subject(
        self, lo: int, vg: int
    ) -> tuple[tuple[int, int] | None, list[tuple[int, int]], int | None]:
        """Subject NP in [lo, vg) -> (np range, asides, start of post-posed content end).

        Returns the NP span (may include appositives), the aside segments (relative
        clauses, relays) and, when the segments before the subject form a clause,
        the token index where that clause ends (the comma before the subject).
        """
        # "X, who ..., also noted": adverbs right before the verb belong to no segment
        while vg - 1 > lo and self.toks[vg - 1].pos_ == "ADV" and not self.in_quote(vg - 1):
            vg -= 1
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
                named = compared_name(self, s, e, nps)
                if named is not None:
                    nps.append(named)  # "Tout comme X, ex-députée, l'avait appelé": X speaks
                    break
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
        if len(nps) == 2:
            # "X, the agency that oversees Y, said": the relative clause is an aside
            cut = next((j for j in range(*nps[0]) if self._relative_that(j, nps[0][0])), None)
            if cut is not None:
                asides.append((cut, e))
                e = cut
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
                # "a déclaré à l'AFP Hélène Vasseur": a person named after the outlet
                starts_np = starts_np or (
                    any(ps == j for ps, _ in self.per_ents)
                    and prev.pos_ != "ADP"
                    and prev.lower_ not in self.m.articles
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
            if j > cs + 1 and low in self.m.relay_verbs and t.tag_ in self.m.gerund_tags:
                return j  # "reported him to be dead citing sources": the relay is no content
            if j > cs and j in anchors:
                # a gerund reporting for the subject: "a nié X en affirmant que ..."
                if low in self.m.gerund_markers:
                    return j
                if toks[j - 1].lower_ in self.m.gerund_markers and j - 1 > cs:
                    return j - 1
                # coordinated reporting verb sharing the subject: "... but declined to comment"
                k = j - 1
                if toks[k].lower_ in self.m.coordinators:
                    k -= 1
                    return k + 1 if toks[k].text != "," else k
                if toks[k].text == "," or (k in self.closing_marks and self.is_participle(j)):
                    return k if toks[k].text == "," else j  # "« … » évoquant X": the same
            if text == "," and j + 1 < limit:
                nxt = toks[j + 1]
                nlow = nxt.lower_
                if relative and (nxt.pos_ == "AUX" or self.is_finite(j + 1)):
                    return j
                if nlow in self.m.relay_verbs or (j + 1) in anchors:
                    return j
                if self._starts_according(j + 1) and not self._according_aside(j + 1, limit):
                    return j
                if nlow in self.m.context_clause_openers and self._context_clause(j + 2, limit):
                    return j  # "said it had shot down 41 drones, as strikes left ..."
                if any(self._words_at(j + 1, w, limit) for w in self.m.concessive_openers):
                    return j  # "stated the jet was a freighter, despite photos showing ..."
                k = j + 1
                while k < limit and k - j < 5 and toks[k].is_alpha and toks[k].text[0].isupper():
                    k += 1  # a name, whatever its tag
                if k > j + 1 and k < limit and "Yes" in toks[k].morph.get("Poss"):
                    return j  # "stated its intention to sell, Orvo its intention to buy"
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

    def _according_aside(self, k: int, hi: int) -> bool:
        """ "que le produit est, selon lui, rare": "selon" and a pronoun between commas, an
        aside of the same speaker inside the content."""
        for p in self.m.according_to:
            b = k + len(p)
            if self._words_at(k, p, hi) and b + 1 < hi:
                if self.toks[b].lower_ in self.m.opinion_pronouns and self.toks[b + 1].text == ",":
                    return True
        return False

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
        for pattern in self.lex.according_by_first.get(self.lower[j], ()):
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

    def _left_bound(self, s: int, vg: int) -> int:
        """Start of the region that may hold the subject (after the last quote or break)."""
        lo = s
        for j in range(vg - 1, max(s, vg - WINDOW) - 1, -1):
            t = self.toks[j]
            if t.text in CLOSING_QUOTES or (t.text == '"' and j > s and self.quote_of[j - 1] != -1):
                if (
                    self._closes_fragment(j)
                    or self._ends_clause_before_cue(j, vg)
                    or leading_fragment(self, j, vg)
                ):
                    continue  # "X a « pris acte » de la décision, a indiqué Y": one clause
                lo = j + 1
                break
            if t.text == ";" or t.text == ":":
                lo = j + 1
                break
            if t.text == "(" and not any(self.toks[k].text == ")" for k in range(j + 1, vg)):
                lo = j + 1  # "(X déplora un discours « … »)": the clause opens the parenthesis
                break
            if (
                t.lower_ in self.m.clause_relatives
                and j + 1 < vg
                and self.toks[j + 1].pos_ in ("PRON", "DET", "PROPN", "NOUN")
                and not any(self.toks[k].text in (",", "(") for k in range(j, vg))
                and not self.in_quote(j)
            ):
                lo = j + 1  # "un rapport dans lequel elle affirme": the subject follows
                break
        if vg - lo > WINDOW:
            lo = vg - WINDOW
        while lo < vg and (self.toks[lo].text in (",", ".") or self.toks[lo].is_space):
            lo += 1
        return lo

    def _ends_clause_before_cue(self, j: int, vg: int) -> bool:
        """ "La question est de savoir « si ... », affirme-t-il": the quoted fragment
        closes the clause of words just before the cue, so that clause is one."""
        q = self.quote_of[j - 1] if j > 0 else -1
        ot = self.open_tok.get(q)
        if q == -1 or ot is None or ot == 0:
            return False
        before = self.toks[ot - 1]
        between = [t for t in self.toks[j + 1 : vg] if not t.is_space]
        return (
            _is_word(before)
            and not before.is_space
            and all(t.text == "," for t in between)
        )

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
