"""The document view: the parsed ``Doc`` with its quote index, sentence and paragraph
segmentation, personal names, token-to-character spans and the claims found so far.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from spacy.tokens import Doc

from ..text import CLOSING_QUOTES, MAX_QUOTE_CHARS, OPENING_QUOTES, QUOTE_CHARS, find_quotes
from .common import SENT_END, Frame, _Claim, lexicon
from .tokens import read_tokens

# Typewriter quotation marks written as two characters: ``quoted'' (TeX, wire copy) and
# ''quoted'' (some newspaper archives).
_DIGRAPH_MARKS = re.compile(r"``|''|\n")
# The marks that may open a quotation at the start of a paragraph.
_PARAGRAPH_OPENERS = ("«", "“", '"', "``", "''")
_OPENING_MARKS = re.compile(r"[«“\"]|``|''")


class Ent(NamedTuple):
    """An entity of the document: its token range, label and text."""

    start: int
    end: int
    label_: str
    text: str


class DocumentView:
    """The parsed document and what every construction reads from it."""

    def __init__(self, doc: Doc, original: str, lang: str, offset: int = 0):
        self.doc = doc
        self.original = original  # the original text of this chunk (same length as doc.text)
        self.offset = offset
        self.lang = lang
        self.lex = lexicon(lang)
        self.m = self.lex.pack
        self.toks = read_tokens(doc)
        # per-token tables read by the hot helpers, built once (spaCy builds every attribute
        # string anew on each access), from the columns the tokens were read from
        self.lower = [t.lower_ for t in self.toks]
        self.tok_text = [t.text for t in self.toks]
        self.tok_idx = self.toks.column("idx")
        # Doc.text joins every token's text_with_ws, creating the Token objects again: join
        # the columns instead
        self.text = "".join(
            [w + ws for w, ws in zip(self.tok_text, self.toks.column("whitespace_"), strict=True)]
        )
        # the entities as plain records (start, end, label_, text): spaCy builds a Span's
        # label and text anew on every access
        self.ents = [Ent(e.start, e.end, e.label_, e.text) for e in doc.ents]
        self.n = len(self.toks)
        # memos of the verb-group helpers (pure functions of the token index: VerbGroups)
        self._cue_lemmas: dict[int, str | None] = {}
        self._auxes: dict[int, list[int]] = {}
        self._periphrastics: dict[int, tuple[str, int] | None] = {}
        self._finite: dict[int, bool] = {}
        self._vg_starts: dict[int, int] = {}
        self._gender_numbers: dict[int, tuple[list[str], list[str]]] = {}
        self.claims: list[_Claim] = []
        self.consumed: set[int] = set()
        self.claims_by_sent: dict[int, list[_Claim]] = {}
        # decided at the end of their sentence: sources of a leading "selon X" to relay to
        # a reporting verb's claim (sentence, clause start, end, source, and the claim of
        # the source itself when no verb there reports: span, frame, cue, token), and
        # opinion claims whose clause holds a cue (claim, clause start, end)
        self.according_relays: list[tuple[int, int, int, str, tuple | None]] = []
        self.opinions_to_check: list[tuple[_Claim, int, int]] = []
        self._index_quotes()
        self._segment()
        self.quotes_by_sent: dict[int, list[int]] = {}
        for q, ot in self.open_tok.items():
            self.quotes_by_sent.setdefault(self.sent_of[ot], []).append(q)
        self.per_ents = [(e.start, e.end) for e in self.ents if e.label_ in ("PER", "PERSON")]
        self.per_ents = sorted(set(self.per_ents) | set(self._personal_names(doc)))
        self.ent_label = {}
        for e in self.ents:
            for i in range(e.start, e.end):
                self.ent_label[i] = e.label_

    def _personal_names(self, doc: Doc) -> list[tuple[int, int]]:
        """Names the tagger missed that a personal reflexive marks as people:
        "Sá himself broke his silence", "Dupont lui-même a reconnu"."""
        found = []
        reflexives = self.m.personal_reflexives
        toks = self.toks
        for i, low in enumerate(self.lower):
            if low not in reflexives or i == 0:
                continue
            e = i
            s = e
            while (
                s > 0
                and e - s < 4
                and toks[s - 1].pos_ in ("PROPN", "NOUN")
                and toks[s - 1].text[:1].isupper()
                and toks[s - 1].ent_type_ in ("", "PER", "PERSON")
            ):
                s -= 1
            if s < e:
                found.append((s, e))
        return found

    def _index_quotes(self) -> None:
        """Quotations as (opening mark offset, closing mark offset), with their tokens.

        Besides the balanced marks of ``find_quotes``: two-character typewriter marks
        (``x'' and ''x''), and a quotation that runs over paragraphs, news style, with an
        opening mark at the start of each paragraph and a closing one only at the end: each
        of its open paragraphs is a quotation of its own, closed by the paragraph break.
        """
        text = self.text
        spans = _with_digraph_quotes(text, find_quotes(text))
        self.mark_len: dict[int, int] = {}  # quote index -> length of its opening mark
        self.continues_quote: set[int] = set()  # quotes that go on from the paragraph before
        running = _running_paragraphs(text, spans)
        if running:
            spans = [sp for sp in spans if not any(o < sp[0] < c for o, c in running)]
        spans = sorted(set(spans) | set(running))
        self.quotes = spans
        for qi, (o, _) in enumerate(spans):
            self.mark_len[qi] = 2 if text.startswith(("``", "''"), o) else 1
        running_ends = {c for _, c in running}
        for qi, (o, _) in enumerate(spans):
            # a quotation that opens the paragraph after a running one continues it
            k = o - 1
            while k >= 0 and text[k].isspace() and k not in running_ends:
                k -= 1
            if k >= 0 and k in running_ends:
                self.continues_quote.add(qi)
        self.quote_of = [-1] * self.n  # token strictly inside a quote -> quote index
        self.open_tok: dict[int, int] = {}  # quote index -> token of opening mark
        self.close_tok: dict[int, int] = {}
        qi = 0
        quotes = self.quotes
        for i, (pos, word) in enumerate(zip(self.tok_idx, self.tok_text, strict=True)):
            while qi < len(quotes) and quotes[qi][1] < pos:
                qi += 1
            if qi < len(quotes):
                o, c = quotes[qi]
                if pos == o or (o <= pos < o + len(word) and word[0] in QUOTE_CHARS):
                    self.open_tok.setdefault(qi, i)
                if pos == c or (pos <= c < pos + len(word) and pos + len(word) - 1 == c):
                    self.close_tok[qi] = i
                elif o < pos < c:
                    self.quote_of[i] = qi
        self.opening_marks = set(self.open_tok.values())
        self.closing_marks = set(self.close_tok.values())

    def _segment(self) -> None:
        """Sentences as token ranges; never broken inside a quotation."""
        self.sents: list[tuple[int, int]] = []
        self.para_of: list[int] = []
        self.sent_of = [0] * self.n
        start, para = 0, 0
        abbreviations = self.m.abbreviations
        toks = self.toks
        words = self.tok_text
        lower = self.lower
        quote_of = self.quote_of
        closing_marks = self.closing_marks
        is_space = [t.is_space for t in toks]

        def close(end: int, new_para: bool) -> None:
            nonlocal start, para
            s, e = start, end
            while s < e and is_space[s]:
                s += 1
            while e > s and is_space[e - 1]:
                e -= 1
            if e > s:
                sent_of = self.sent_of
                k = len(self.sents)
                for i in range(s, e):
                    sent_of[i] = k
                self.sents.append((s, e))
                self.para_of.append(para)
            if new_para:
                para += 1
            start = end

        for i, tok in enumerate(toks):
            text = words[i]
            if is_space[i] and "\n" in text:
                close(i, True)
                start = i + 1
                continue
            if text == "\n" or "\n" in tok.whitespace_:
                close(i + 1, True)
                continue
            if quote_of[i] != -1:
                continue
            ends = text in SENT_END
            if not ends and i in closing_marks:
                # «... contournés. » ends the sentence with its closing mark, but a question
                # or an exclamation does not when its cue follows: '"…?" Graham asked.'
                ends = i > 0 and words[i - 1] in SENT_END
                if ends and words[i - 1] in ("?", "!") and self._cue_follows(i + 1):
                    ends = False
            if not ends:
                continue
            if (
                text == "."
                and i > 0
                and (
                    lower[i - 1] in abbreviations
                    or (len(words[i - 1]) == 1 and words[i - 1].isupper())
                )
            ):
                continue
            nxt = i + 1
            while nxt < self.n and is_space[nxt] and "\n" not in words[nxt]:
                nxt += 1
            if nxt >= self.n:
                continue
            ntext = words[nxt]
            if ntext in CLOSING_QUOTES or (ntext == '"' and quote_of[i] != -1):
                continue
            if (
                ntext[0].isupper()
                or ntext[0].isdigit()
                or ntext in OPENING_QUOTES
                or ntext == '"'
                or nxt in self.opening_marks
                or is_space[nxt]
            ):
                close(i + 1, False)
        close(self.n, False)

    def _cue_follows(self, j: int) -> bool:
        """A short subject then a reporting verb from token ``j``: '"…?" Graham asked.'"""
        toks = self.toks
        for k in range(j, min(self.n, j + 7)):
            t = toks[k]
            if t.is_space or t.text in QUOTE_CHARS:
                return False
            verb = t.pos_ in ("VERB", "AUX") and (
                t.lemma_.lower() in self.m.quote_verbs or self.cue_lemma(k) is not None
            )
            if verb:
                return k > j
            if t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "ADP"):
                return False
        return False

    def sent_claims(self, si: int, before: int) -> list[_Claim]:
        """Claims already found in sentence ``si`` whose cue precedes token ``before``."""
        return [c for c in self.claims_by_sent.get(si, ()) if c.anchor < before]

    def gender_number_of(self, i: int) -> tuple[list[str], list[str]]:
        """The Gender and Number features of token ``i`` (read once per token: spaCy parses
        the morphology string on every ``morph.get``; callers must not change the lists)."""
        feats = self._gender_numbers.get(i)
        if feats is None:
            morph = self.toks[i].morph
            feats = self._gender_numbers[i] = (morph.get("Gender"), morph.get("Number"))
        return feats

    def in_quote(self, i: int) -> bool:
        return self.quote_of[i] != -1

    def char_span(self, s: int, e: int) -> tuple[int, int] | None:
        """Trimmed character span of tokens [s, e) (offsets into the chunk)."""
        if e <= s:
            return None
        a = self.toks[s].idx
        b = self.toks[e - 1].idx + len(self.toks[e - 1].text)
        return self.trim(a, b)

    def trim(self, a: int, b: int) -> tuple[int, int] | None:
        text = self.text
        while a < b and (text[a].isspace() or text[a] in ",;:"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:–—-"):
            b -= 1
        # drop an unmatched quotation mark left at either edge
        if (
            b > a
            and text[a] in QUOTE_CHARS
            and text.count(text[a], a, b) == 1
            and not any(c in text[a:b] for c in '»”"' if text[a] in '«“"')
        ):
            a += 1
            while a < b and text[a].isspace():
                a += 1
        if b > a and text[b - 1] in "»”" and not any(c in text[a : b - 1] for c in "«“"):
            b -= 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ".,"):
                b -= 1
        if b - a < 2:
            return None
        return a, b

    def np_text(self, s: int, e: int) -> str:
        a = self.toks[s].idx
        b = self.toks[e - 1].idx + len(self.toks[e - 1].text)
        return " ".join(self.text[a:b].split())

    def add_claim(
        self,
        span: tuple[int, int] | None,
        frame: Frame | None,
        cue: str,
        quote_type: str,
        stance: str,
        confidence: float,
        rule: str,
        sent: int,
        anchor: int,
        via: list[str] | None = None,
    ) -> _Claim | None:
        if span is None or frame is None:
            return None
        a, b = span
        if b - a < 2:
            return None
        claim = _Claim(
            a, b, frame, cue, quote_type, stance, confidence, rule, sent, anchor, list(via or [])
        )
        self.claims.append(claim)
        self.claims_by_sent.setdefault(sent, []).append(claim)
        return claim

    def cue_text(self, s: int, e: int) -> str:
        return self.np_text(s, e) if e > s else ""

    def _tok_at(self, char: int, s: int, e: int) -> int | None:
        """Index of the token covering ``char`` (or the last token starting before it)."""
        k = bisect.bisect_right(self.tok_idx, char, s, max(s, e)) - 1
        return k if k >= s else None

    def _words_at(self, k: int, words: tuple[str, ...], hi: int) -> bool:
        """The lowercased tokens from ``k`` (before ``hi``) are ``words``."""
        size = len(words)
        if size and 0 <= k < self.n and self.lower[k] != words[0]:
            return False  # the usual answer, at the first word
        if k < 0 or k + size > self.n:  # off the document's ends: the plain reading
            return all(k + n < hi and self.toks[k + n].lower_ == w for n, w in enumerate(words))
        if size and k + size > hi:
            return False
        lower = self.lower
        for n, w in enumerate(words):
            if lower[k + n] != w:
                return False
        return True


def _with_digraph_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the quotations marked ``x'' or ''x'', outermost ones kept.

    Within a line, ```` always opens; ``''`` opens before a word and closes after one.
    """
    if "``" not in text and "''" not in text:
        return spans
    found: list[tuple[int, int]] = []
    start = None
    for match in _DIGRAPH_MARKS.finditer(text):
        mark, pos = match.group(), match.start()
        if mark == "\n":
            start = None
            continue
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 2] if pos + 2 < len(text) else " "
        if mark == "``" or (start is None and (before.isspace() or before in "([—–-")):
            if not after.isspace():
                start = pos
        elif start is not None and not before.isspace():
            if pos - start <= MAX_QUOTE_CHARS:
                found.append((start, pos))
            start = None
    if not found:
        return spans

    def overlapping(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        """``span`` lies in, contains or crosses one of ``others`` (sorted, disjoint)."""
        k = bisect.bisect_right(others, (span[1], span[1])) - 1
        return k >= 0 and others[k][1] > span[0] and others[k] != span

    def inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        k = bisect.bisect_right(others, (span[0], span[1])) - 1
        return k >= 0 and others[k][0] <= span[0] and span[1] <= others[k][1]

    spans = sorted(spans)
    outer = [sp for sp in spans if not inside(sp, found)]
    return sorted(outer + [sp for sp in found if not overlapping(sp, outer)])


def _running_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs whose last quotation never closes because the next paragraph goes on with
    it (that paragraph opens with a mark): (opening mark, paragraph break)."""
    covered = sorted(spans)
    starts = [o for o, _ in covered]
    out: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []  # (first character, line break) of non-empty paragraphs
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos + len(line) - len(line.lstrip()), pos + len(line)))
        pos += len(line) + 1
    for k, (a, b) in enumerate(lines):
        if (
            k + 1 < len(lines)
            and b < len(text)
            and text.startswith(_PARAGRAPH_OPENERS, lines[k + 1][0])
        ):
            opener, mark = None, ""
            for match in _OPENING_MARKS.finditer(text, a, b):
                m = match.start()
                at = bisect.bisect_right(starts, m) - 1
                if at >= 0 and m <= covered[at][1]:
                    continue
                after = text[match.end() : match.end() + 1]
                if text[m] in "«“" or (after and not after.isspace()):
                    opener, mark = m, match.group()
            # the next paragraph goes on with the same mark ("“…¶“…”", not "“…¶\"…\"")
            if (
                opener is not None
                and b - opener <= MAX_QUOTE_CHARS
                and text.startswith(mark, lines[k + 1][0])
            ):
                out.append((opener, b))
    return out
