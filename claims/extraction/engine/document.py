"""The document view: the parsed ``Doc`` with its quote index, sentence and paragraph
segmentation, personal names, token-to-character spans and the claims found so far.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..text import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_CHARS, find_quotes
from .common import SENT_END, Frame, _Claim, lexicon


class DocumentView:
    """The parsed document and what every construction reads from it."""

    def __init__(self, doc: Doc, original: str, lang: str, offset: int = 0):
        self.doc = doc
        self.original = original  # the original text of this chunk (same length as doc.text)
        self.offset = offset
        self.lang = lang
        self.lex = lexicon(lang)
        self.m = self.lex.pack
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.ents = list(doc.ents)
        self.toks = list(doc)
        self.n = len(self.toks)
        self.claims: list[_Claim] = []
        self.consumed: set[int] = set()
        self.claims_by_sent: dict[int, list[_Claim]] = {}
        self._index_quotes()
        self._segment()
        self.quotes_by_sent: dict[int, list[int]] = {}
        for q, ot in self.open_tok.items():
            self.quotes_by_sent.setdefault(self.sent_of[ot], []).append(q)
        self.per_ents = [(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")]
        self.per_ents = sorted(set(self.per_ents) | set(self._personal_names(doc)))
        self.ent_label = {}
        for e in doc.ents:
            for i in range(e.start, e.end):
                self.ent_label[i] = e.label_

    def _personal_names(self, doc: Doc) -> list[tuple[int, int]]:
        """Names the tagger missed that a personal reflexive marks as people:
        "Sá himself broke his silence", "Dupont lui-même a reconnu"."""
        found = []
        for tok in doc:
            if tok.lower_ not in self.m.personal_reflexives or tok.i == 0:
                continue
            e = tok.i
            s = e
            while (
                s > 0
                and e - s < 4
                and doc[s - 1].pos_ in ("PROPN", "NOUN")
                and doc[s - 1].text[:1].isupper()
                and doc[s - 1].ent_type_ in ("", "PER", "PERSON")
            ):
                s -= 1
            if s < e:
                found.append((s, e))
        return found

    def _index_quotes(self) -> None:
        text = self.text
        self.quotes = find_quotes(text)
        self.quote_of = [-1] * self.n  # token strictly inside a quote -> quote index
        self.open_tok: dict[int, int] = {}  # quote index -> token of opening mark
        self.close_tok: dict[int, int] = {}
        qi = 0
        for i, tok in enumerate(self.toks):
            pos = tok.idx
            while qi < len(self.quotes) and self.quotes[qi][1] < pos:
                qi += 1
            if qi < len(self.quotes):
                o, c = self.quotes[qi]
                if pos == o or (o <= pos < o + len(tok.text) and tok.text[0] in QUOTE_CHARS):
                    self.open_tok.setdefault(qi, i)
                if pos == c or (
                    pos <= c < pos + len(tok.text) and tok.idx + len(tok.text) - 1 == c
                ):
                    self.close_tok[qi] = i
                elif o < pos < c:
                    self.quote_of[i] = qi

    def _segment(self) -> None:
        """Sentences as token ranges; never broken inside a quotation."""
        self.sents: list[tuple[int, int]] = []
        self.para_of: list[int] = []
        self.sent_of = [0] * self.n
        start, para = 0, 0
        abbreviations = self.m.abbreviations
        toks = self.toks
        closing_marks = set(self.close_tok.values())

        def close(end: int, new_para: bool) -> None:
            nonlocal start, para
            s, e = start, end
            while s < e and toks[s].is_space:
                s += 1
            while e > s and toks[e - 1].is_space:
                e -= 1
            if e > s:
                for i in range(s, e):
                    self.sent_of[i] = len(self.sents)
                self.sents.append((s, e))
                self.para_of.append(para)
            if new_para:
                para += 1
            start = end

        for i, tok in enumerate(toks):
            if tok.is_space and "\n" in tok.text:
                close(i, True)
                start = i + 1
                continue
            if "\n" in tok.whitespace_ or (tok.text == "\n"):
                close(i + 1, True)
                continue
            if self.quote_of[i] != -1:
                continue
            text = tok.text
            ends = text in SENT_END
            if not ends and i in closing_marks:
                # «... contournés. » ends the sentence with its closing mark
                ends = i > 0 and toks[i - 1].text in SENT_END
            if not ends:
                continue
            if (
                text == "."
                and i > 0
                and (
                    toks[i - 1].lower_ in abbreviations
                    or (len(toks[i - 1].text) == 1 and toks[i - 1].text.isupper())
                )
            ):
                continue
            nxt = i + 1
            while nxt < self.n and toks[nxt].is_space and "\n" not in toks[nxt].text:
                nxt += 1
            if nxt >= self.n:
                continue
            ntext = toks[nxt].text
            if ntext in CLOSING_QUOTES or (ntext == '"' and self.quote_of[i] != -1):
                continue
            if (
                ntext[0].isupper()
                or ntext[0].isdigit()
                or ntext in OPENING_QUOTES
                or ntext == '"'
                or toks[nxt].is_space
            ):
                close(i + 1, False)
        close(self.n, False)

    def sent_claims(self, si: int, before: int) -> list[_Claim]:
        """Claims already found in sentence ``si`` whose cue precedes token ``before``."""
        return [c for c in self.claims_by_sent.get(si, ()) if c.anchor < before]

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
        lo, hi = s, e - 1
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.toks[mid].idx <= char:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def _words_at(self, k: int, words: tuple[str, ...], hi: int) -> bool:
        """The lowercased tokens from ``k`` (before ``hi``) are ``words``."""
        return all(k + n < hi and self.toks[k + n].lower_ == w for n, w in enumerate(words))
