"""Finding a span of an article's old text in its new text, after the site changed it.

A mention is a pair of offsets into the text it was found in. When a re-fetch brings a new
version (articles.refetch), every span is looked for again, in this order:

1. **exact**: the span's old text occurs unchanged in the new text. When it occurs more than
   once, the occurrence nearest to where the old position lands in the new text wins (the
   position is carried through a word-level diff of the two versions, so text inserted
   before the quote does not send it to another copy of the same words).
2. **fuzzy**: the words of the span were edited (a word changed, punctuation moved). The diff
   says where the old span went; failing that (the paragraph moved as well), windows of
   about the span's length are compared over the whole text. A fuzzy anchor is kept only
   when its similarity to the old span (difflib's ratio, 0 to 1) is at least
   ``FUZZY_MIN_SIMILARITY``.
3. **removed**: neither found it.

Pure Python (difflib), no Django: the bench and the tests call it directly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# A one-word edit in a quote of ten words scores about 0.9; a different sentence on the same
# subject 0.5 to 0.7. 0.8 keeps a quote whose wording was touched up and drops one rewritten.
FUZZY_MIN_SIMILARITY = 0.8

EXACT, FUZZY, REMOVED = "exact", "fuzzy", "removed"

_TOKEN = re.compile(r"^\s+|\S+\s*")


@dataclass(frozen=True)
class Anchor:
    """Where a span is in the new text: ``kind`` exact, fuzzy or removed (no offsets)."""

    kind: str
    start: int = 0
    end: int = 0
    similarity: float = 0.0


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """Words with their trailing spaces, and the offset where each starts."""
    words, starts = [], []
    for match in _TOKEN.finditer(text):
        words.append(match.group())
        starts.append(match.start())
    return words, starts


class TextDiff:
    """A word-level diff of two versions, to carry an offset of the old into the new."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        old_words, self.old_starts = _tokens(old)
        new_words, self.new_starts = _tokens(new)
        self.old_starts.append(len(old))
        self.new_starts.append(len(new))
        matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
        self.opcodes = matcher.get_opcodes()
        self._firsts = [op[1] for op in self.opcodes]
        self._new_words = new_words

    def carry(self, offset: int, *, side: str) -> int:
        """The offset in the new text of `offset` in the old one.

        Inside words kept unchanged it is exact. Inside an edited stretch, a span's start
        keeps its distance from the stretch's start and its end its distance from the
        stretch's end (so 'safety,"' edited to 'security,"' still ends before the comma),
        within the new stretch.
        """
        if not self.opcodes:
            return 0
        word = bisect.bisect_right(self.old_starts, offset) - 1
        word = min(max(word, 0), len(self.old_starts) - 2) if len(self.old_starts) > 1 else 0
        index = max(bisect.bisect_right(self._firsts, word) - 1, 0)
        tag, i1, i2, j1, j2 = self.opcodes[index]
        if offset >= len(self.old):  # the very end
            return len(self.new)
        if tag == "equal":
            return self.new_starts[j1 + (word - i1)] + (offset - self.old_starts[word])
        old_from, old_to = self.old_starts[i1], self.old_starts[i2]
        new_from, new_to = self.new_starts[j1], self.new_starts[j2]
        if side == "start":
            return min(new_from + (offset - old_from), new_to)
        return max(new_to - (old_to - offset), new_from)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _nearest_exact(needle: str, new: str, near: int) -> int | None:
    best = None
    at = new.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        elif at > near:
            break  # occurrences only get further from here
        at = new.find(needle, at + 1)
    return best


def _best_window(needle: str, diff: TextDiff) -> Anchor:
    """The stretch of whole words of the new text most similar to `needle`."""
    words, starts, new = diff._new_words, diff.new_starts, diff.new
    size = max(len(_tokens(needle)[0]), 1)
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)
    best = Anchor(REMOVED)
    for first in range(len(words)):
        for count in (size - 1, size, size + 1):
            if count < 1 or first + count > len(words):
                continue
            start, end = _trimmed(new, starts[first], starts[first + count])
            matcher.set_seq1(new[start:end])
            if matcher.real_quick_ratio() <= best.similarity:
                continue
            if matcher.quick_ratio() <= best.similarity:
                continue
            score = matcher.ratio()
            if score > best.similarity:
                best = Anchor(FUZZY, start, end, score)
    return best


def anchor(span: str, old_start: int, old_end: int, diff: TextDiff) -> Anchor:
    """Where `span` (the old text between old_start and old_end) is in the new text."""
    if not span:
        return Anchor(REMOVED)
    near = diff.carry(old_start, side="start")
    exact = _nearest_exact(span, diff.new, near)
    if exact is not None:
        return Anchor(EXACT, exact, exact + len(span), 1.0)
    start, end = _trimmed(diff.new, near, max(diff.carry(old_end, side="end"), near))
    carried = Anchor(FUZZY, start, end, _similarity(span, diff.new[start:end]))
    if carried.similarity >= FUZZY_MIN_SIMILARITY:
        return carried
    found = _best_window(span, diff)
    if found.similarity >= FUZZY_MIN_SIMILARITY:
        return found
    return Anchor(REMOVED, similarity=max(found.similarity, carried.similarity))
