"""Content spans: where the content of a reporting verb starts and what it is
(``right_content`` and its helpers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import OPENING_QUOTES, QUOTE_CHARS
from .common import DASHES, SENT_END, Frame, _is_word, strip_accents

if TYPE_CHECKING:
    from spacy.tokens import Token


class ContentSpans:
    """The content a reporting verb introduces."""

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
        j = self._skip_adverb_phrase(j, hi)
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
                toks[k].text in OPENING_QUOTES
                and k + 1 < hi
                and "Inf" in toks[k + 1].morph.get("VerbForm")
                and self.open_tok.get(self.quote_of[k + 1]) == k
                and self.close_tok.get(self.quote_of[k + 1], hi) < hi
            ):
                return j, "inf", asides, None  # "qui affirme « agir au nom de Dieu »"
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
        # "called the crisis the worst in the world", "described X as a threat",
        # "referred to the jet as a cargo plane": an unquoted verdict on an object
        verdict = self._clitic_verdict(i, j, hi) if lemma in m.qualifying_verbs else None
        if verdict is not None:
            return verdict, "obj", asides, None  # "l'a surnommé « le baron »"
        if lemma in m.qualifying_verbs:
            start = self._unquoted_verdict(i, j, hi)
            if start is not None:
                return start, "obj", asides, None
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
                que = self._after_adverbial_aside(k, hi)
                if que is not None:
                    return que, "que", asides, None
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
                    left = self._object_as_subject(i, j, child, left)
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

    def whole_quote(self, cs: int, ce: int) -> tuple[int, int] | None:
        """The inner span when tokens [cs, ce) are one quotation and nothing else."""
        toks = self.toks
        if cs + 1 >= ce or toks[cs].text not in QUOTE_CHARS:
            return None
        q = self.quote_of[cs + 1]
        ct = self.close_tok.get(q)
        if q == -1 or ct is None or self.open_tok.get(q) != cs:
            return None
        if any(_is_word(t) for t in toks[ct + 1 : ce]):
            return None
        return self.char_span(cs + 1, ct)

    def skip_dateline(self, lo: int, hi: int) -> int:
        """Where a sentence's own words start after a dateline: "31 octobre 2012. - X",
        "KABUL (Reuters) — X". A dateline is a few words without a verb, with a number, a
        word in capitals or a parenthesis, closed by a spaced dash."""
        toks = self.toks
        for j in range(lo, min(hi, lo + 12)):
            t = toks[j]
            if self.in_quote(j) or t.text in QUOTE_CHARS or self.is_finite(j):
                return lo
            if t.text in DASHES and j > lo and (t.whitespace_ or toks[j - 1].whitespace_):
                head = toks[lo:j]
                if any(
                    x.like_num or x.text in ("(", ")") or (x.is_alpha and x.is_upper and len(x) > 1)
                    for x in head
                ):
                    return j + 1
                return lo
        return lo

    def _object_as_subject(self, i: int, j: int, clause: Token, left: int) -> int:
        """ "indicated a ruling was likely", "announced the tests by a laboratory found X":
        when the parser takes the subject of a clause without one for the object of the verb
        at ``i`` (opening at ``j``), the content starts at that object."""
        toks = self.toks
        if (
            left != clause.i  # the clause opens with its own verb
            or left - j > 8
            or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
        ):
            return left
        for c in toks[i].children:
            if (
                c.dep_ == "dobj"
                and c.left_edge.i == j
                and c.i < left
                and not any(
                    toks[k].is_punct or toks[k].pos_ in ("VERB", "AUX")
                    for k in range(c.right_edge.i + 1, left)
                )
            ):
                return j
        return left

    def _unquoted_verdict(self, i: int, j: int, hi: int) -> int | None:
        """Start of the object of the verb at ``i`` when the parse gives the verb a verdict
        on it after the object (an object predicate, or "as" + noun phrase), else None."""
        toks = self.toks
        verb = toks[i]
        start = j
        if toks[j].dep_ == "prep" and toks[j].head.i == i:
            start = j + 1  # "referred to X as Y"
            obj = [c for c in toks[j].children if c.dep_ == "pobj"]
        else:
            obj = [c for c in verb.children if c.dep_ == "dobj" and j <= c.i < hi]
        if start >= hi or not obj or self.in_quote(start):
            return None
        # "referred to the jet involved as Y": the parser may hang "as" on a participle of
        # the object
        heads = [verb] + [a for a in obj[0].children if a.dep_ == "acl" and a.i > obj[0].i]
        for c in (c for h in heads for c in h.children):
            if not obj[0].i < c.i < hi or self.in_quote(c.i):
                continue
            if c.dep_ == "oprd" or (
                # "called him as a witness": a summons, not a verdict
                verb.lemma_ not in self.m.request_verbs
                and c.dep_ == "prep"
                and c.lower_ in self.m.verdict_links
                and any(g.dep_ == "pobj" for g in c.children)
            ):
                return start
        return None

    def _quoted_verdict(self, j: int, hi: int) -> bool:
        """A short noun phrase at ``j`` followed by a quoted fragment."""
        toks = self.toks
        if j >= hi or not (
            toks[j].pos_ in ("DET", "NOUN", "PROPN", "PRON") or "Yes" in toks[j].morph.get("Poss")
        ):
            return False
        for k in range(j + 1, min(hi, j + 8)):
            t = toks[k]
            if (
                t.text in OPENING_QUOTES
                or k in self.opening_marks  # ''X'', ``X''
                or (t.text == '"' and not self.in_quote(k - 1))
            ):
                return k > j + 1 or toks[j].pos_ in ("PROPN", "PRON")  # "called it \"X\""
            if not (
                t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "CCONJ")
                or "Yes" in t.morph.get("Poss")
                or t.lower_ in self.m.verdict_links
            ) or self.in_quote(k):
                # "a jugé l'ancien maire pour « corruption »": a trial, not a verdict
                return False
        return False

    def _clitic_verdict(self, i: int, j: int, hi: int) -> int | None:
        """ "l'avait appelé la « reine du port »", "les a qualifiés de « voyous »": the
        object is a clitic before the verb; where the quoted verdict after it starts."""
        toks = self.toks
        if j >= hi or toks[self.verb_group_start(i)].lower_ not in self.m.object_clitics:
            return None
        link = toks[j].lower_ in self.m.verdict_links
        k = j + 1 if toks[j].pos_ == "DET" or link else j
        if (
            k + 1 < hi
            and toks[k].text in OPENING_QUOTES
            and self.open_tok.get(self.quote_of[k + 1]) == k
        ):
            return k if link else j
        return None

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
        # "named the Vexa chain and property developer Lumo Invest among": a coordinated
        # object may be long; punctuation or a finite verb still ends the search
        apposition = -1
        for j in range(k + 1, min(hi, k + 20)):
            t = self.toks[j]
            if j <= apposition:
                continue
            if j > k + 12 and apposition < 0:
                break
            if t.lower_ in preps:
                # "d'armer", "of corruption": a verb or a bare noun, not "d'au moins dix mois"
                nxt = self.toks[j + 1] if j + 1 < self.n else None
                if nxt is not None and self.cue_lemma(nxt.i) is not None:
                    return False  # "cited the navy as stating X": the navy speaks
                if nxt is not None and nxt.pos_ == "DET" and nxt.lower_ in self.m.articles:
                    # "named two chains among the bidders": an article, then its noun
                    nxt = self.toks[j + 2] if j + 2 < min(hi, self.n) else None
                    return nxt is not None and nxt.pos_ in ("NOUN", "ADJ")
                return nxt is not None and (
                    "Inf" in nxt.morph.get("VerbForm")
                    or nxt.tag_ == "VBG"
                    or nxt.pos_ in ("NOUN", "VERB")
                )
            if t.text == "," and apposition < 0 and (end := self._apposition_end(j, hi)):
                apposition = end  # "accuse X, un ancien banquier, d'avoir menti"
                continue
            if t.text in (",", ".", ";", ":") or self.is_finite(j):
                return False
        return False

    def _apposition_end(self, j: int, hi: int) -> int | None:
        """The second comma of an apposition opening with the comma at ``j`` (", un
        ancien banquier,"): a short noun phrase with a determiner and no verb."""
        toks = self.toks
        if j + 1 >= hi or toks[j + 1].pos_ not in ("DET", "NUM"):
            return None
        for k in range(j + 2, min(hi, j + 10)):
            t = toks[k]
            if t.text == ",":
                return k if k > j + 2 else None
            if t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PRON") or self.in_quote(k):
                if not (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm")):
                    return None
        return None

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

    def _after_adverbial_aside(self, comma: int, hi: int) -> int | None:
        """ "estime, au contraire, que X", "said, however, that X": a short aside between
        commas, with no verb and no quote, before the complementizer. Returns where the
        clause after the complementizer starts."""
        toks = self.toks
        end = comma + 1
        while (
            end < hi
            and end - comma <= 5
            and toks[end].text != ","
            and _is_word(toks[end])
            and not self.in_quote(end)
            and toks[end].pos_ not in ("VERB", "AUX")
        ):
            end += 1
        if end == comma + 1 or end + 1 >= hi or toks[end].text != ",":
            return None
        if toks[end + 1].lower_ not in self.m.complementizers:
            return None
        return end + 2

    def _skip_time_phrase(self, j: int, hi: int) -> int:
        """Skip "depuis deux ans" / "for years" between a verb and its object."""
        if j >= hi or self.toks[j].lower_ not in self.m.time_prepositions:
            return self._skip_relative_time(j, hi)
        k = j + 1
        if k < hi and self.toks[k].pos_ == "DET":
            k += 1
        start = k
        while k < hi and k - j < 6 and self.toks[k].pos_ in ("NUM", "NOUN", "ADJ"):
            k += 1
        if k > start and k < hi and self.toks[k].pos_ == "DET":
            return k
        return j

    def _skip_relative_time(self, j: int, hi: int) -> int:
        """Skip "la semaine dernière" / "last week" before "de", "que", "to", "that" or an
        article."""
        words = self.m.relative_time_adjectives
        k = j + 1 if j < hi and self.toks[j].pos_ == "DET" else j
        if k + 3 < hi and self.toks[k + 1].text == "-":
            k += 2  # "le week-end dernier": one noun in three tokens
        if k + 2 < hi and self.toks[k].pos_ == "NOUN" and self.toks[k + 1].lower_ in words:
            k += 2  # "la semaine dernière"
        elif k + 2 < hi and self.toks[k].lower_ in words and self.toks[k + 1].pos_ == "NOUN":
            k += 2  # "last week"
        else:
            return j
        return k if self.toks[k].pos_ in ("ADP", "SCONJ", "PART", "DET") else j

    def _skip_adverb_phrase(self, j: int, hi: int) -> int:
        """Skip "de nouveau", "une fois de plus", "once again" after the verb."""
        for phrase in self.m.adverb_phrases:
            words = phrase.split()
            k = j + len(words)
            if k < hi and [t.lower_ for t in self.toks[j:k]] == words:
                return k
        return j

    def _participle_adjunct(self, cs: int, ce: int) -> int:
        """ "a salué l'accord(,) y voyant un signe de X": a clitic and a present participle
        open an adjunct about the speaker's act, not part of the object."""
        endings = self.m.present_participle_endings
        for k in range(cs + 1, ce - 1):
            nxt = self.toks[k + 1].lower_
            if (
                self.toks[k].lower_ in self.m.participle_clitics
                and len(nxt) > 5
                and nxt.endswith(endings)
                and not self.in_quote(k)
            ):
                return k - 1 if self.toks[k - 1].text == "," else k
        return ce
