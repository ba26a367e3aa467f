"""Split an article's text into segments so that every mention can be highlighted."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass
class Segment:
    text: str
    mentions: list[Any] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # numbers of mentions starting here
    # Where the segment begins in the whole text: the review page's selection script maps a
    # selection in a window of a long article back to absolute offsets with it.
    start: int = 0


def highlight_segments(
    text: str, mentions: Sequence[Any], *, offset: int | None = None
) -> list[Segment]:
    """Cut `text` at every mention boundary; each segment knows the mentions covering it.

    Mentions may overlap (one statement reported by several parties shares a span), so a
    segment can be covered by several. Mentions need `start`, `end` and a `number`.
    With `offset`, `text` is the stretch of a longer text that begins there (a window of a
    long article): spans are offsets into the longer text, cut to the stretch.
    """
    spans = []
    for m in mentions:
        start, end = m.start, m.end
        if offset is not None:
            start, end = max(start - offset, 0), min(end - offset, len(text))
        if 0 <= start < end <= len(text):
            spans.append((start, end, m))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for left, right in pairwise(cuts):
        covering = [m for s, e, m in spans if s <= left and right <= e]
        starts = [m.number for s, _, m in spans if s == left and m.start >= (offset or 0)]
        segments.append(
            Segment(
                text=text[left:right],
                mentions=covering,
                starts=starts,
                start=left + (offset or 0),
            )
        )
    return segments
