"""Geometry of the dashboard's charts, drawn on the server as SVG (issue 14, part 2).

Plain Python, no Django: numbers in, positions out. The templates under
templates/claims/charts/ turn these dataclasses into SVG (auto-escaped, so labels made of
user data, such as outlet names, stay text) with the numbers as a table beside each chart.

Three kinds of chart:

- `hbar_chart(items)`: one horizontal bar per category, its label above the bar and its
  value at the end of it (direct labels: readable without colour, and on a phone, since a
  long label has the whole width);
- `stacked_columns(categories, series)`: one column per category (a week), stacked by
  series (outlets, languages, stances), each series with a colour *and* a pattern, and a
  legend;
- `column_chart(items)`: the same columns with a single series (a speaker's statements per
  month), drawn without a legend, its table beside it rather than folded away
  (templates/claims/charts/_columns.html).

Every chart draws in a `viewBox` of `width` x `height` units and scales to its box (CSS
width 100%), so a 400-unit chart is about its natural size on a 390 px phone.
"""

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies; the
# last one (grey) is kept for the "other" series.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
OTHER_COLOUR = "#8C8C8C"
# A pattern per series on top of its colour, so that no series is told apart by colour alone
# (templates/claims/charts/_patterns.html draws them).
PATTERNS = ["solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical", "backslash"]
OTHER_PATTERN = "grid"
BAR_COLOUR = "#0B5CAD"
MUTED_COLOUR = "#8C8C8C"
# Characters of a label drawn inside the chart; the whole label is in its <title> and table.
LABEL_CHARS = 44
# About the width of a character of an axis label (12px), in chart units: enough to keep the
# first and last column labels inside the drawing.
AXIS_CHAR_WIDTH = 7.0


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def chart_slug(text: str) -> str:
    """An id usable in SVG (`url(#id-p0)`), from a chart's name."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "chart"


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def nice_step(maximum: float, count: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks up to
    `maximum`; whole numbers only, as the charts count things."""
    if maximum <= 0:
        return 1
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor == 2.5 and power < 10:  # 2.5 is not a whole step
            continue
        if raw <= factor * power:
            return max(1, factor * power)
    return max(1, 10 * power)  # pragma: no cover - the loop always returns


def nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """Tick values from 0 to the first round value at or above `maximum`."""
    step = nice_step(maximum, count)
    top = step * max(1, math.ceil(maximum / step))
    return [step * i for i in range(int(round(top / step)) + 1)]


@dataclass(frozen=True)
class Tick:
    value: float
    label: str
    position: float  # x of a vertical grid line, or y of a horizontal one


# --- Horizontal bars --------------------------------------------------------------------------


@dataclass(frozen=True)
class HBar:
    label: str  # whole, for <title> and the table
    short_label: str  # as drawn
    value: float
    value_label: str
    label_y: float
    bar_y: float
    bar_width: float
    value_x: float
    value_y: float
    colour: str


@dataclass(frozen=True)
class HBarChart:
    id: str
    title: str
    description: str
    width: float
    height: float
    plot_left: float
    plot_right: float
    bar_height: float
    bars: list[HBar]
    ticks: list[Tick]
    total: float

    @property
    def is_empty(self) -> bool:
        return self.total == 0


def hbar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    chart_id: str = "",
    width: float = 360,
    row: float = 40,
    muted: Sequence[str] = (),
    value_label: Callable[[float], str] = _number,
    description: str = "",
) -> HBarChart:
    """One bar per (label, value), in the order given. Labels in `muted` are drawn grey
    (e.g. "No verdict yet"): a difference the label says anyway."""
    left, right, top = 4.0, width - 48.0, 4.0
    bar_height = row * 0.42
    maximum = max((value for _, value in items), default=0)
    ticks_at = nice_ticks(maximum) if maximum else [0, 1]
    scale = (right - left) / ticks_at[-1]
    bars = []
    for i, (label, value) in enumerate(items):
        y = top + i * row
        bar_width = value * scale
        bars.append(
            HBar(
                label=str(label),
                short_label=shorten(label),
                value=value,
                value_label=value_label(value),
                label_y=y + row * 0.36,
                bar_y=y + row * 0.46,
                bar_width=bar_width,
                value_x=left + bar_width + 4,
                value_y=y + row * 0.46 + bar_height * 0.75,
                colour=MUTED_COLOUR if label in muted else BAR_COLOUR,
            )
        )
    ticks = [Tick(v, value_label(v), left + v * scale) for v in ticks_at]
    total = sum(value for _, value in items)
    return HBarChart(
        id=chart_slug(chart_id or title),
        title=title,
        description=description,
        width=width,
        height=top + max(1, len(items)) * row + 4,
        plot_left=left,
        plot_right=right,
        bar_height=bar_height,
        bars=bars,
        ticks=ticks,
        total=total,
    )


# --- Stacked columns --------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesKey:
    index: int
    label: str
    colour: str
    pattern: str
    total: float
    values: tuple[float, ...]
    total_label: str


@dataclass(frozen=True)
class Segment:
    series: SeriesKey
    value: float
    value_label: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Column:
    label: str
    total: float
    x: float  # left edge of the bar
    width: float
    centre: float
    top: float  # y of the top of the stack
    segments: list[Segment]
    show_label: bool  # the axis labels only some categories when there are many
    values: tuple[float, ...]  # per series, for the table
    value_labels: tuple[str, ...]
    total_label: str
    key: str = ""  # machine-readable form of the label ("2026-03"), for <time datetime>
    # Where its axis label goes: under the column, or moved to end at the drawing's edge.
    label_x: float = 0
    label_anchor: str = "middle"


@dataclass(frozen=True)
class StackedChart:
    id: str
    title: str
    description: str
    width: float
    height: float
    plot_left: float
    plot_top: float
    plot_right: float
    plot_bottom: float
    label_y: float
    columns: list[Column]
    series: list[SeriesKey]
    y_ticks: list[Tick]
    total: float
    total_label: str
    # False for column_chart's single series: no legend, no "Total" column in the table.
    stacked: bool = True

    @property
    def is_empty(self) -> bool:
        return self.total == 0

    @property
    def tick_label_x(self) -> float:
        return self.plot_left - 4

    @property
    def middle(self) -> tuple[float, float]:
        """Where "nothing to show" goes."""
        return (self.plot_left + self.plot_right) / 2, (self.plot_top + self.plot_bottom) / 2


def series_style(index: int, *, other: bool = False) -> tuple[str, str]:
    """(colour, pattern) of the `index`-th series; the "other" series is grey with a grid."""
    if other:
        return OTHER_COLOUR, OTHER_PATTERN
    return PALETTE[index % len(PALETTE)], PATTERNS[index % len(PATTERNS)]


def _axis_label_place(label: str, centre: float, width: float) -> tuple[float, str]:
    """(x, text-anchor) of a column's axis label: centred under it, unless that would run
    past an edge of the drawing ("Dec 2026" under the last column), then ending there."""
    half = len(label) * AXIS_CHAR_WIDTH / 2
    if centre + half > width - 1:
        return width - 1, "end"
    if centre - half < 1:
        return 1, "start"
    return centre, "middle"


def stacked_columns(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    chart_id: str = "",
    width: float = 400,
    height: float = 220,
    max_labels: int = 6,
    other: str | None = None,
    description: str = "",
    value_label: Callable[[float], str] = _number,
    category_keys: Sequence[str] | None = None,
) -> StackedChart:
    """Columns over `categories` (in order, e.g. weeks), each stacked bottom-up by `series`
    ((label, one value per category)); the series labelled `other` is styled as the rest.
    `category_keys`, one per category, are their machine-readable dates ("2026-03") for the
    table's <time datetime>."""
    for label, values in series:
        if len(values) != len(categories):
            raise ValueError(f"series {label!r} has {len(values)} values for {len(categories)}")
    if category_keys is not None and len(category_keys) != len(categories):
        raise ValueError(f"{len(category_keys)} keys for {len(categories)} categories")
    left, top, right, bottom = 40.0, 8.0, width - 6.0, height - 24.0
    keys = []
    for i, (label, values) in enumerate(series):
        colour, pattern = series_style(i, other=other is not None and label == other)
        total = sum(values)
        keys.append(
            SeriesKey(i, str(label), colour, pattern, total, tuple(values), value_label(total))
        )
    totals = [sum(values[c] for _, values in series) for c in range(len(categories))]
    maximum = max(totals, default=0)
    ticks_at = nice_ticks(maximum) if maximum else [0, 1]
    scale = (bottom - top) / ticks_at[-1]
    n = max(1, len(categories))
    slot = (right - left) / n
    bar = max(1.0, slot * 0.72) if n > 1 else min(slot * 0.5, 60)
    every = max(1, math.ceil(len(categories) / max(1, max_labels)))
    columns = []
    for c, label in enumerate(categories):
        x = left + c * slot + (slot - bar) / 2
        label_x, anchor = _axis_label_place(str(label), x + bar / 2, width)
        y = bottom
        segments = []
        for key in keys:
            value = key.values[c]
            if value <= 0:
                continue
            h = value * scale
            y -= h
            segments.append(Segment(key, value, value_label(value), x, y, bar, h))
        columns.append(
            Column(
                label=str(label),
                total=totals[c],
                x=x,
                width=bar,
                centre=x + bar / 2,
                top=y,
                segments=segments,
                # Every `every`-th label, counted from the last (the latest week matters most).
                show_label=(len(categories) - 1 - c) % every == 0,
                values=tuple(key.values[c] for key in keys),
                value_labels=tuple(value_label(key.values[c]) for key in keys),
                total_label=value_label(totals[c]),
                key=str(category_keys[c]) if category_keys is not None else "",
                label_x=label_x,
                label_anchor=anchor,
            )
        )
    y_ticks = [Tick(v, value_label(v), bottom - v * scale) for v in ticks_at]
    return StackedChart(
        id=chart_slug(chart_id or title),
        title=title,
        description=description,
        width=width,
        height=height,
        plot_left=left,
        plot_top=top,
        plot_right=right,
        plot_bottom=bottom,
        label_y=bottom + 16,
        columns=columns,
        series=keys,
        y_ticks=y_ticks,
        total=sum(totals),
        total_label=value_label(sum(totals)),
    )


def column_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    series: str,
    category_keys: Sequence[str] | None = None,
    **options,
) -> StackedChart:
    """One column per (label, value), in order (months, say): stacked_columns with the one
    series `series` (the heading of its numbers in the table), drawn without a legend, since
    the title says what is counted. `options` are stacked_columns'."""
    chart = stacked_columns(
        [label for label, _ in items],
        [(series, [value for _, value in items])],
        title=title,
        category_keys=category_keys,
        **options,
    )
    return dataclasses.replace(chart, stacked=False)
