"""Length-preserving text clean-up, quotation spans and sentence segmentation."""

from __future__ import annotations

import re

# Characters replaced one-for-one by a plain space, so offsets never move.
_SPACE_LIKE = str.maketrans(
    {c: " " for c in "\u00a0\u202f\u2009\u2007\u200a\u200b\ufeff\t\r\x0b\x0c"}
)
_LINE_LIKE = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
_TAG = re.compile(r"<[^<>\n]{0,300}>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_ENTITY_CHARS = {"&laquo;": "«", "&raquo;": "»", "&ldquo;": "“", "&rdquo;": "”", "&quot;": '"'}

OPENING_QUOTES = {"«": "»", "“": "”"}
CLOSING_QUOTES = {"»": "«", "”": "“"}
QUOTE_CHARS = set('«»“”"')
_QUOTE_SCAN = re.compile(r"[«»“”\"\n]")
MAX_QUOTE_CHARS = 4000
# spaCy's tokenizer is quadratic in the length of a run without spaces (20,000 «” in a row
# took ~40 s); words, even long URLs, are shorter than this.
MAX_RUN_CHARS = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def normalize(text: str) -> str:
    """Return a parser-friendly copy of ``text`` with exactly the same length.

    Odd whitespace becomes plain spaces and HTML remnants become spaces, so every
    offset computed on the copy is valid in the original.
    """
    out = text.translate(_SPACE_LIKE).translate(_LINE_LIKE)
    if "<" in out:
        out = _TAG.sub(lambda m: " " * len(m.group()), out)
    if "&" in out:
        out = _ENTITY.sub(_entity_replacement, out)
    return _LONG_RUN.sub(_broken_run, out)


def _broken_run(match: re.Match) -> str:
    """The run with every MAX_RUN_CHARS-th character made a space (same length)."""
    chars = list(match.group())
    for i in range(MAX_RUN_CHARS, len(chars), MAX_RUN_CHARS):
        chars[i] = " "
    return "".join(chars)


def _entity_replacement(match: re.Match) -> str:
    raw = match.group()
    char = _ENTITY_CHARS.get(raw.lower(), " ")
    return char + " " * (len(raw) - 1)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost balanced quotations as (opening mark offset, closing mark offset).

    Quotations never cross a line break; unbalanced marks are ignored, nested
    quotations are folded into their outer one. Linear in the number of marks: each
    closing mark finds its opener through the positions of open marks of its kind
    instead of searching the whole stack (10,000 unmatched openers took seconds).
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    depth_of: dict[str, list[int]] = {}  # opening mark -> its depths in stack, increasing

    def truncate(depth: int) -> None:
        while len(stack) > depth:
            char, _ = stack.pop()
            depth_of[char].pop()

    for match in _QUOTE_SCAN.finditer(text):
        char, pos = match.group(), match.start()
        if char == "\n":
            stack.clear()
            depth_of.clear()
        elif char in OPENING_QUOTES:
            depth_of.setdefault(char, []).append(len(stack))
            stack.append((char, pos))
        elif char in CLOSING_QUOTES:
            depths = depth_of.get(CLOSING_QUOTES[char])
            if depths:
                depth = depths[-1]
                start = stack[depth][1]
                truncate(depth)
                if not stack and pos - start <= MAX_QUOTE_CHARS:
                    spans.append((start, pos))
        else:  # straight double quote: closes an open straight quote, else opens one
            if stack and stack[-1][0] == '"':
                start = stack[-1][1]
                truncate(len(stack) - 1)
                if not stack and pos - start <= MAX_QUOTE_CHARS:
                    spans.append((start, pos))
            else:
                depth_of.setdefault('"', []).append(len(stack))
                stack.append(('"', pos))
    spans.sort()
    return spans
