"""Hedges: how the article hedges each statement it reports (issue 13).

Run once per document after every construction (``DocExtractor.run``), on the final claims;
it only reads the parse and the claims, so it never changes what is extracted. The words are
the language pack's (``hedge_*_patterns``, ``reportative_conditional``,
``conditional_not_reportative``, ``condition_markers``); the rules are these:

- ``conditional``: a verb of the content is in the conditional mood (spaCy ``Mood=Cnd``),
  in indirect speech only (in a direct quote the mood is the speaker's), except a modal
  ("pourrait": possibility), a conditional in a sentence with a condition ("si…, il
  fermerait") and, under a reporting verb in a past tense, a simple conditional ("a
  déclaré que la réforme serait adoptée": the future in the past); a compound one there
  ("a affirmé que Moscou aurait livré") still hedges. Only where the pack says the
  language has a reportative conditional (French, not English).
- ``allegedly``: one of the pack's words in the content or in the attribution clause (the
  sentence on the cue's side of the content, up to the neighbouring claims), the cue aside.
- ``unverified``: one of the pack's phrases refers to the nearest claim before it: a claim
  whose attribution clause holds it, else the nearest preceding claim of its sentence, else
  the last claim of the sentence before in the same paragraph. A phrase inside another
  claim's content is that speaker's words and refers to nothing.
- ``anonymous``: the speaker is anonymous, or a relay named in ``via`` is.
- ``attributed``: the cue is an attribution word ("selon", "according to", "citing"), or
  the claim has a relay and its attribution clause holds such a word.
"""

from __future__ import annotations

import bisect
import functools
import re

from ..types import HEDGES
from .common import _Claim, lexicon, strip_accents

_FLAGS = re.IGNORECASE


def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r"\b" + p if p[0].isalpha() else p, _FLAGS) for p in patterns)


@functools.cache
def _patterns(lang: str) -> tuple[tuple[re.Pattern, ...], ...]:
    pack = lexicon(lang).pack
    return (
        _compile(pack.hedge_allegedly_patterns),
        _compile(pack.hedge_unverified_patterns),
        _compile(pack.hedge_attribution_patterns),
    )


class Hedges:
    """Fills ``_Claim.hedges`` for every claim of the document."""

    def mark_hedges(self) -> None:
        claims = self.claims
        if not claims:
            return
        allegedly, unverified, attribution = _patterns(self.lang)
        regions = {id(c): self._attribution_region(c) for c in claims}
        found: dict[int, set[str]] = {id(c): set() for c in claims}
        for c in claims:
            hedges = found[id(c)]
            region = regions[id(c)]
            if self.m.reportative_conditional and self._reportative_conditional(c, region):
                hedges.add("conditional")
            if self._holds(allegedly, c, region, skip_cue=True):
                hedges.add("allegedly")
            if c.frame.kind == "anonymous" or any(
                self._anonymous_name(v) for v in list(c.frame.via) + list(c.extra_via)
            ):
                hedges.add("anonymous")
            cue = c.cue.strip()
            if any(p.fullmatch(cue) for p in attribution) or (
                (c.frame.via or c.extra_via) and self._holds(attribution, c, region, False, True)
            ):
                hedges.add("attributed")
        for pattern in unverified:
            for m in pattern.finditer(self.text):
                target = self._unverified_target(m.start(), regions)
                if target is not None:
                    found[id(target)].add("unverified")
        for c in claims:
            c.hedges = [h for h in HEDGES if h in found[id(c)]]

    # ---- spans

    def _char_end(self, i: int) -> int:
        return self.tok_idx[i] + len(self.tok_text[i])

    def _tokens_in(self, a: int, b: int) -> range:
        """The tokens that start in the characters [a, b)."""
        return range(bisect.bisect_left(self.tok_idx, a), bisect.bisect_left(self.tok_idx, b))

    def _attribution_region(self, c: _Claim) -> tuple[int, int]:
        """Characters of the attribution clause of ``c``: its sentence on the side of the
        content where the cue stands, up to the nearest other claim there (its content or its
        cue), so that a neighbour's hedge stays the neighbour's."""
        s, e = self.sents[c.sent]
        lo, hi = self.tok_idx[s], self._char_end(e - 1)
        anchor = self.tok_idx[c.anchor] if c.anchor < self.n else c.start
        others = [
            o
            for o in self.claims_by_sent.get(c.sent, ())
            if o is not c and (o.end <= c.start or o.start >= c.end)
        ]
        if anchor < c.start:
            for o in others:
                if o.end <= c.start:
                    lo = max(lo, o.end)
            return lo, c.start
        if anchor >= c.end:
            for o in others:
                if o.start >= c.end:
                    hi = min(hi, o.start)
                o_anchor = self.tok_idx[o.anchor] if o.anchor < self.n else o.start
                if c.end < o_anchor < hi and o_anchor != anchor:
                    hi = o_anchor
            return c.end, hi
        return c.start, c.start  # a cue inside the content: no clause of its own

    def _holds(
        self,
        patterns: tuple[re.Pattern, ...],
        c: _Claim,
        region: tuple[int, int],
        skip_cue: bool,
        region_only: bool = False,
    ) -> bool:
        """One of ``patterns`` matches in the content or the attribution clause of ``c``
        (only the clause with ``region_only``), the cue's own words aside with ``skip_cue``
        ("X alleged that": the cue, not a hedge)."""
        cue_from = self.tok_idx[c.anchor] if c.anchor < self.n else -1
        cue_to = cue_from + len(c.cue)
        spans = [region] if region_only else [(c.start, c.end), region]
        for a, b in spans:
            if b <= a:
                continue
            for p in patterns:
                for m in p.finditer(self.text, a, b):
                    if m.end() > b:
                        continue
                    if skip_cue and cue_from <= m.start() < max(cue_to, cue_from + 1):
                        continue
                    return True
        return False

    # ---- the kinds that need more than a word

    def _reportative_conditional(self, c: _Claim, region: tuple[int, int]) -> bool:
        if c.quote_type == "direct":
            return False  # the speaker's own mood ("il faudrait", "ce serait"), not the article's
        toks = self.toks
        not_reportative = self.m.conditional_not_reportative
        conditionals = []
        for i in self._tokens_in(c.start, c.end):
            t = toks[i]
            if t.pos_ not in ("VERB", "AUX") or "Cnd" not in t.morph.get("Mood"):
                continue
            # "aurait livré" (aux:tense) is a compound conditional; "serait adoptée"
            # (aux:pass) and "serait prêt" (cop) are simple ones
            compound = t.dep_ == "aux:tense" and t.head.i != i
            verb = t.head if t.dep_.startswith("aux") and t.head.i != i else t
            if verb.lemma_ in not_reportative or t.lemma_ in not_reportative:
                continue
            conditionals.append(compound)
        if not conditionals:
            return False
        markers = self.m.condition_markers
        for a, b in ((c.start, c.end), region):
            for i in self._tokens_in(a, b):
                if self.lower[i] in markers and toks[i].pos_ == "SCONJ":
                    return False  # "si …, il fermerait": a condition, not hearsay
        if c.quote_type == "indirect" and self._past_cue(c):
            return any(conditionals)  # the simple conditional is the future in the past
        return True

    def _past_cue(self, c: _Claim) -> bool:
        """The cue is a verb in a past tense ("a déclaré", "affirmait", "déclara")."""
        if c.anchor >= self.n:
            return False
        s, e = self.sents[c.sent]
        start = max(s, self.verb_group_start(c.anchor))
        end = min(e, self.verb_group_end(c.anchor))
        for i in range(start, end):
            t = self.toks[i]
            if t.pos_ in ("VERB", "AUX") and set(t.morph.get("Tense")) & {"Past", "Imp"}:
                return True
        return False

    def _anonymous_name(self, name: str) -> bool:
        """A relay named without a name: "des sources proches du dossier", "two officials"."""
        low = strip_accents(name.lower())
        if any(mark in low for mark in self.lex.anonymous_markers_plain):
            return True
        words = name.split()
        if not words:
            return False
        first = words[0].lower()
        return (
            (first in self.m.indefinite_determiners or first.isdigit())
            and any(w.lower() in self.m.anonymous_heads for w in words)
            and not any(w[:1].isupper() for w in words[1:])
        )

    def _unverified_target(self, p: int, regions: dict[int, tuple[int, int]]) -> _Claim | None:
        """The claim a "could not be verified" at character ``p`` refers back to."""
        ti = bisect.bisect_right(self.tok_idx, p) - 1
        if ti < 0:
            return None
        si = self.sent_of[ti]
        live = {id(c) for c in self.claims}

        def candidates(k: int) -> list[_Claim]:
            return [
                c
                for c in self.claims_by_sent.get(k, ())
                if id(c) in live and c.stance != "cannot_verify"
            ]

        here = candidates(si)
        if any(c.start <= p < c.end for c in here):
            return None  # the speaker's own words
        for c in here:
            a, b = regions[id(c)]
            if a <= p < b:
                return c
        before = [c for c in here if c.end <= p]
        if before:
            return max(before, key=lambda c: (c.end, c.start))
        if si > 0 and self.para_of[si - 1] == self.para_of[si]:
            previous = candidates(si - 1)
            if previous:
                return max(previous, key=lambda c: (c.end, c.start))
        return None


# The hedges a person's correction decides: who speaks and through which words.
ATTRIBUTION_HEDGES = ("anonymous", "attributed")


def attribution_hedges(lang: str, *, cue: str, speaker_type: str) -> list[str]:
    """The hedges that follow from a statement's speaker type and cue alone, for a mention
    a journalist added or corrected by hand: ``anonymous`` for an anonymous speaker,
    ``attributed`` for a cue that is an attribution word ("selon", "according to",
    "citing"). The ones read in the text (conditional, allegedly, unverified) need the
    parse and are the extractor's."""
    found = set()
    if speaker_type == "anonymous":
        found.add("anonymous")
    if cue and lang in ("fr", "en"):
        attribution = _patterns(lang)[2]
        if any(p.search(cue) for p in attribution):
            found.add("attributed")
    return [h for h in HEDGES if h in found]
