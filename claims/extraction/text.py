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
    return out


def _entity_replacement(match: re.Match) -> str:
    raw = match.group()
    char = _ENTITY_CHARS.get(raw.lower(), " ")
    return char + " " * (len(raw) - 1)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost balanced quotations as (opening mark offset, closing mark offset).

    Quotations never cross a line break; unbalanced marks are ignored, nested
    quotations are folded into their outer one.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE_SCAN.finditer(text):
        char, pos = match.group(), match.start()
        if char == "\n":
            stack.clear()
        elif char in OPENING_QUOTES:
            stack.append((char, pos))
        elif char in CLOSING_QUOTES:
            opener = CLOSING_QUOTES[char]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    start = stack[depth][1]
                    del stack[depth:]
                    if not stack and pos - start <= MAX_QUOTE_CHARS:
                        spans.append((start, pos))
                    break
        else:  # straight double quote: closes an open straight quote, else opens one
            if stack and stack[-1][0] == '"':
                start = stack.pop()[1]
                if not stack and pos - start <= MAX_QUOTE_CHARS:
                    spans.append((start, pos))
            else:
                stack.append(('"', pos))
    spans.sort()
    return spans
