"""Spans of an article's text chosen by a person: by selecting words on the review page
(absolute offsets filled in by static/js/select.js) or, without JavaScript, by typing the
exact words, which are found in the text nearest to where the statement was.

Offsets are Python string indexes (code points) into the whole article text, whatever window
of a long article the page showed.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from claimtrack.text import clean_text

# Relay chains are a few outlets; more is a paste gone wrong.
VIA_MAX = 10
NAME_MAX = 300


def _words(value: str) -> str:
    return " ".join(clean_text(value or "").split())


def span_check(*, text: str, start: int, end: int) -> None:
    """A span lies inside the article text, its start before its end."""
    length = len(text)
    if not (0 <= start < end <= length):
        raise ValidationError(
            gettext(
                "The span must lie inside the article text (0 to %(length)s characters), "
                "with its start before its end."
            )
            % {"length": length}
        )


def span_resolve(
    *,
    text: str,
    start: int | None,
    end: int | None,
    words: str = "",
    near: int = 0,
) -> tuple[int, int]:
    """The (start, end) a person chose: the selected offsets, checked against the words
    they saw selected, or else the typed words found in the text nearest to `near`.

    Raises ValidationError, in words, when the span is outside the text, when the selected
    text is not the words shown (the article changed, or the page was stale), or when the
    typed words are not in the article.
    """
    words = (words or "").strip()
    if start is not None or end is not None:
        if start is None or end is None:
            raise ValidationError(gettext("Select the words again: the span is incomplete."))
        span_check(text=text, start=start, end=end)
        # Compare with whitespace folded: a line break in the text shows as a space.
        if words and _words(text[start:end]) != _words(words):
            raise ValidationError(
                gettext(
                    "The selected words “%(words)s” are not at that place in the article: "
                    "select them again."
                )
                % {"words": words[:80]}
            )
        return start, end
    if not words:
        raise ValidationError(gettext("Select the words of the statement in the article text."))
    return span_find(text=text, words=words, near=near)


def span_find(*, text: str, words: str, near: int = 0) -> tuple[int, int]:
    """The occurrence of `words` in `text` closest to offset `near`; whitespace in `words`
    matches any run of whitespace (the text may break lines where the reader saw spaces)."""
    parts = _words(words).split(" ")
    if not parts or parts == [""]:
        raise ValidationError(gettext("Select the words of the statement in the article text."))
    pattern = re.compile(r"\s+".join(re.escape(part) for part in parts))
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        raise ValidationError(
            gettext("The words “%(words)s” are not in the article text.") % {"words": words[:80]}
        )
    return min(found, key=lambda span: (abs(span[0] - near), span[0]))


def via_clean(value: str | list | None) -> list[str]:
    """A relay chain from one outlet per line (or a list): names cleaned, blanks and
    repeats dropped, at most VIA_MAX outlets."""
    lines = value if isinstance(value, list) else (value or "").splitlines()
    chain: list[str] = []
    for line in lines:
        name = _words(str(line))[:NAME_MAX]
        if name and name not in chain:
            chain.append(name)
    if len(chain) > VIA_MAX:
        raise ValidationError(
            gettext("A relay chain lists at most %(count)s outlets, one per line.")
            % {"count": VIA_MAX}
        )
    return chain
