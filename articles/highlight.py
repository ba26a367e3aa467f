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


def highlight_segments(text: str, mentions: Sequence[Any]) -> list[Segment]:
    """Cut `text` at every mention boundary; each segment knows the mentions covering it.

    Mentions may overlap (one statement reported by several parties shares a span), so a
    segment can be covered by several. Mentions need `start`, `end` and a `number`.
    """
    valid = [m for m in mentions if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    segments = []
    for left, right in pairwise(cuts):
        covering = [m for m in valid if m.start <= left and right <= m.end]
        starts = [m.number for m in valid if m.start == left]
        segments.append(Segment(text=text[left:right], mentions=covering, starts=starts))
    return segments
