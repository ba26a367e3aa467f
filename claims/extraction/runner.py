"""Attribution rules over a parsed spaCy ``Doc``.

The rules are deliberately shallow: they read the token sequence (words, lemmas,
punctuation, quotation marks) and use the dependency parse only as a hint, because
small pipelines mis-parse long news sentences. Every scan is bounded to a window,
so the cost stays linear in the length of the article.

Vocabulary lives in the language packs (``languages/fr/``, ``languages/en/``).
This module runs, sentence by sentence and in the order of their positions, the
constructions that encode the grammar of attribution (``constructions/``, one module each,
on the shared machinery of ``engine/``):

- direct quotes with the reporting clause after, before (":") or around them;
- reporting verbs with a complement clause (que/that), an infinitive or an object;
- reporting clauses placed after the content ("X, a déclaré Y" / "X, Y said");
- "selon X" / "according to X", leading or trailing;
- relays ("Le Monde, citant deux diplomates, rapporte que ...");
- fixed phrases for declining to comment and being unable to verify;
- nominal attributions ("une affirmation formulée par X et démentie par Y").
"""

from __future__ import annotations

import bisect
import re

from .constructions import (
    according,
    direct_quote,
    learned,
    nominal,
    opinion,
    reporting_verb,
    stance_phrase,
    syntactic,
)
from .engine.common import _Claim, literal_may_overlap, screen_prefilter
from .engine.content import ContentSpans
from .engine.coreference import Coreference
from .engine.document import DocumentView
from .engine.hedges import Hedges
from .engine.names import Names
from .engine.outlets import Outlets
from .engine.phrases import Phrases
from .engine.speakers import Speakers
from .engine.tokens import release_tokens
from .engine.verbs import VerbGroups
from .text import QUOTE_CHARS


class DocExtractor(
    DocumentView,
    VerbGroups,
    Phrases,
    Speakers,
    Names,
    Coreference,
    ContentSpans,
    Outlets,
    Hedges,
):
    """Runs every construction over one parsed document, sentence by sentence."""

    # set to a list to collect the learned construction's candidates instead (training)
    learned_sink: list | None = None

    def run(self) -> list[_Claim]:
        """The claims of the document. Once per extractor: its tokens, which point at each
        other (heads, children), are let go at the end so that the document is freed at
        once instead of at the next garbage collection."""
        self._literal_sentences: dict[re.Pattern, set[int]] = {}
        self._sent_chars: tuple[list[int], list[int]] | None = None
        self._lower_text: str | None = None
        self._text_chars: set[str] = set()
        try:
            for si, (s, e) in enumerate(self.sents):
                try:
                    self.sentence(si, s, e)
                except (IndexError, ValueError):  # pragma: no cover - defensive: never crash
                    continue
            # last, on the final claims: how the article hedges each (reads, never drops)
            try:
                self.mark_hedges()
            except (IndexError, ValueError):  # pragma: no cover - defensive: never crash
                pass
        finally:
            release_tokens(self.toks)
        return self.claims

    def _holds_literal(self, screen: re.Pattern, si: int) -> bool:
        """``screen.search(text, a, b)`` finds something in the span [a, b) of sentence
        ``si``: a search for a fixed sequence of characters, so an occurrence of it in the
        whole text that starts and ends in the span. The occurrences (overlapping ones too,
        where the sequence can overlap itself) are found once per document and screen."""
        holding = self._literal_sentences.get(screen)
        if holding is None:
            holding = self._literal_sentences[screen] = set()
            text = self.text
            if self._may_hold(screen):
                if literal_may_overlap(screen):
                    ahead = re.compile(f"(?=({screen.pattern}))", screen.flags)
                    spans = [m.span(1) for m in ahead.finditer(text)]
                else:
                    spans = [m.span() for m in screen.finditer(text)]
                starts, ends = self._sentence_chars()
                for p, q in spans:
                    k = bisect.bisect_right(starts, p) - 1
                    if k >= 0 and q <= ends[k]:
                        holding.add(k)
        return si in holding

    def _may_hold(self, screen: re.Pattern) -> bool:
        """``screen`` finds something in the text: a search for its literal in the text in
        lower case where that is known to answer alike (much faster than re's search)."""
        prefilter = screen_prefilter(screen)
        if prefilter is not None:
            if self._lower_text is None:
                self._lower_text = self.text.lower()
                self._text_chars = set(self.text)
            literal, exotic = prefilter
            if not exotic & self._text_chars:
                return literal in self._lower_text
        return screen.search(self.text) is not None

    def _sentence_chars(self) -> tuple[list[int], list[int]]:
        """Character starts and ends of the sentences."""
        if self._sent_chars is None:
            toks = self.toks
            self._sent_chars = (
                [toks[s].idx for s, _ in self.sents],
                [toks[e - 1].idx + len(toks[e - 1].text) for _, e in self.sents],
            )
        return self._sent_chars

    def sentence(self, si: int, s: int, e: int) -> None:
        toks = self.toks
        text = self.text
        quote_of = self.quote_of
        lower = self.lower
        tok_text = self.tok_text
        # 1. fixed stance phrases (declines to comment, cannot verify)
        stance_hits: list[tuple[int, int, str, re.Match]] = []
        if e - s < 2000:
            a = toks[s].idx
            b = toks[e - 1].idx + len(toks[e - 1].text)
            chunk = text[a:b]
            lex = self.lex
            for stance, patterns, screens in (
                ("declines_comment", lex.declines, lex.declines_screens),
                ("cannot_verify", lex.cannot_verify, lex.cannot_verify_screens),
            ):
                for pat, screen in zip(patterns, screens, strict=True):
                    if screen is not None and not self._holds_literal(screen, si):
                        continue  # a literal every match holds is not in the sentence
                    for m in pat.finditer(chunk):
                        ti = self._tok_at(a + m.start(), s, e)
                        tj = self._tok_at(a + len(m.group().rstrip()) + m.start() - 1, s, e)
                        if ti is None or tj is None or quote_of[ti] != -1:
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
        cue_lemma = self.cue_lemma
        for i in range(s, e):
            if quote_of[i] != -1 or i in hit_tokens or tok_text[i] in QUOTE_CHARS:
                continue
            lemma = cue_lemma(i)
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
        according_first = self.lex.according_first
        statement_nouns = self.m.statement_nouns
        finding_nouns = self.m.finding_nouns
        for i in range(s, e):
            if quote_of[i] != -1:
                continue
            low = lower[i]
            # _starts_according reads no further than a first word of "selon X" / "according to"
            if low in according_first and self._starts_according(i):
                events.append((i, "according", None))
            elif low in statement_nouns:
                events.append((i, "nominal", None))
                events.append((i, "possessed", None))
            elif low in finding_nouns:
                events.append((i, "possessed", None))
        # an opinion preposition opens the sentence with its first word
        if lower[s] in self.lex.opinion_first and opinion.opener_length(self, s, e):
            events.append((s, "opinion", None))
        if nominal.retrospective_opener(self, s, e) or toks[s].lower_ in self.m.articles:
            events.append((s, "retrospective", None))
        events.sort(key=lambda ev: (ev[0], ev[1] != "quote"))
        for pos, kind, payload in events:
            if kind == "quote":
                direct_quote.find(self, si, s, e, payload, anchors, vg_of, cues)
            elif kind == "cue":
                if pos not in self.consumed:
                    reporting_verb.find(self, si, s, e, pos, payload, anchors, vg_of)
            elif kind == "stance":
                stance_phrase.find(self, si, s, e, payload, anchors)
            elif kind == "according":
                according.find(self, si, s, e, pos, anchors)
            elif kind == "nominal":
                nominal.find(self, si, s, e, pos, anchors)
            elif kind == "possessed":
                nominal.find_possessed(self, si, s, e, pos, anchors)
            elif kind == "opinion":
                opinion.find(self, si, s, e, pos, anchors)
            elif kind == "retrospective":
                nominal.find_retrospective(self, si, s, e)
        # then the dependency parse, for the reporting verbs the positional rules left
        syntactic.find(self, si, s, e)
        # last, the sentence's claims as a whole: duplicates, relays of a leading "selon X"
        reporting_verb.drop_quote_duplicates(self, si)
        opinion.drop_overridden(self, si)
        according.relay_to_verbs(self, si)
        # at the very end, the learned fallback on the verbs every rule left alone
        learned.find(self, si, s, e, self.learned_sink)
