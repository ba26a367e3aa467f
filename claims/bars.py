"""A small bar chart drawn on the server: the geometry of the bars of templates/claims/
_bars.html (an SVG for the eye, the same numbers as a table beside it for screen readers).

Pure Python; the template draws it. Heights are relative to the largest value, so the
chart reads at a glance at any size (the SVG scales to the width it is given).
"""

from dataclasses import dataclass

# The drawing's own units (viewBox); the SVG scales to its container.
WIDTH = 600
HEIGHT = 160
GAP = 0.2  # of each bar's slot, left empty between bars


@dataclass
class Bar:
    label: str
    value: int
    key: str
    x: float
    y: float
    width: float
    height: float


@dataclass
class Bars:
    bars: list[Bar]
    maximum: int
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def total(self) -> int:
        return sum(b.value for b in self.bars)

    def __bool__(self) -> bool:
        return any(b.value for b in self.bars)


def bars(rows: list[tuple[str, int, str]]) -> Bars:
    """Bars of (label, value, key) rows, in order."""
    maximum = max((value for _, value, _ in rows), default=0)
    slot = WIDTH / len(rows) if rows else WIDTH
    drawn = []
    for index, (label, value, key) in enumerate(rows):
        height = round(HEIGHT * value / maximum, 2) if maximum else 0
        drawn.append(
            Bar(
                label=label,
                value=value,
                key=key,
                x=round(index * slot + slot * GAP / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(slot * (1 - GAP), 2),
                height=height,
            )
        )
    return Bars(bars=drawn, maximum=maximum)
