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

import re

from . import lexicon_common
from .engine.common import DASHES, SENT_END, Frame, _Claim, _is_word
from .engine.content import ContentSpans
from .engine.document import DocumentView
from .engine.outlets import Outlets, _acronym, _outlet_name, _strip_article
from .engine.phrases import Phrases
from .engine.speakers import Speakers
from .engine.verbs import VerbGroups
from .text import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS


class DocExtractor(DocumentView, VerbGroups, Phrases, Speakers, ContentSpans, Outlets):
    """Runs every rule over one parsed document."""

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

    def _in_relative(self, j: int, lo: int) -> bool:
        """True when token j sits in a relative clause opened after ``lo`` ("qui restent")."""
        return any(
            self.toks[k].lower_ in self.m.relative_subjects
            or self.toks[k].lower_ in ("que", "that")
            for k in range(max(lo, j - 4), j)
        )

    def _negative(self, a: int, b: int) -> bool:
        return any(self.toks[j].lower_ in self.m.negations for j in range(a, b))

    def _recent_denial(self, frame: Frame, si: int) -> bool:
        for claim in reversed(self.claims):
            if claim.sent < si - 1:
                return False
            if claim.frame.text == frame.text:
                return claim.stance == "denies"
        return False

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

    def _content_left_start(self, lo: int, end: int) -> int:
        """Where post-posed content starts: sentence start, or after a leading connective."""
        j = lo
        return j if j < end else end

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
