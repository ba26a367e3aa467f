"""Selector: one window of a long article — a stretch of its text and the statements in it.

The article page and the review page never render a whole article: one of 50,000 mentions
took them past gunicorn's timeout. The text is cut into windows of about
CLAIMTRACK_ARTICLE_WINDOW_CHARS characters (at the first space after each multiple, so words
stay whole); a window shows the statements that start in it, in parts of at most
CLAIMTRACK_ARTICLE_WINDOW_MENTIONS when there are more. A page reads only its slice of the
text (SUBSTR in the database), one row of counts and its own statements, so its work does
not grow with the article. Most articles are one window, shown as before.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.shortcuts import get_object_or_404

from articles.highlight import Segment, highlight_segments
from articles.models import Article

# A window ends at the first whitespace within this many characters after its grid line.
SNAP = 40


@dataclass
class ArticleWindow:
    article: Article  # without its text: `text` is this window's stretch of it
    text: str
    start: int  # offsets of the stretch in the whole text
    end: int
    length: int  # characters in the whole text
    page: int  # this window, from 1
    pages: int
    part: int  # this part of the window's statements, from 1
    parts: int
    total: int  # statements in the whole article
    pending: int  # of which still waiting for a decision
    mentions: list = field(default_factory=list)  # this part's, numbered in the article
    segments: list[Segment] = field(default_factory=list)

    @property
    def is_paginated(self) -> bool:
        return self.pages > 1 or self.parts > 1

    @property
    def first_number(self) -> int:
        return self.mentions[0].number if self.mentions else 0

    @property
    def last_number(self) -> int:
        return self.mentions[-1].number if self.mentions else 0

    @property
    def prev_query(self) -> str:
        if self.part > 1:
            return _query(self.page, self.part - 1)
        return _query(self.page - 1, "last") if self.page > 1 else ""

    @property
    def next_query(self) -> str:
        if self.part < self.parts:
            return _query(self.page, self.part + 1)
        return _query(self.page + 1, 1) if self.page < self.pages else ""


def _query(page: int, part: int | str) -> str:
    return f"?page={page}" if part == 1 else f"?page={page}&part={part}"


def _whole_number(value: str | None, default: int) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def _boundary(grid: int, following: str, length: int) -> int:
    """Where the window boundary near `grid` falls: the first whitespace at or after it (in
    `following`, the text from `grid` on), else `grid` itself."""
    if grid <= 0:
        return 0
    if grid >= length:
        return length
    for index, char in enumerate(following[:SNAP]):
        if char.isspace():
            return grid + index
    return grid


def article_window(
    articles: QuerySet, *, pk: int, page: str | None, part: str | None, mentions: QuerySet
) -> ArticleWindow:
    """The window `page` (and part `part`, or "last") of article `pk`, clamped to the
    article; `articles` and `mentions` give the related objects each page needs (its
    select_related), `mentions` being unfiltered Mention rows. The mentions get the
    article, without its text: do not select_related it (each row would carry the text)."""
    from claims.models import Mention  # claims depends on articles, not the reverse

    PENDING = [Mention.ReviewState.UNREVIEWED, Mention.ReviewState.CORRECTED]
    width = settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS
    per_part = settings.CLAIMTRACK_ARTICLE_WINDOW_MENTIONS
    # No window past what PostgreSQL's integer offsets can reach (the last one is served).
    number = min(_whole_number(page, 1), (2**31 - 1) // width)

    def load(number: int) -> Article:
        grid = (number - 1) * width
        return get_object_or_404(
            articles.defer("text").annotate(
                text_length=Length("text"), text_slice=Substr("text", grid + 1, width + SNAP)
            ),
            pk=pk,
        )

    article = load(number)
    pages = max(1, math.ceil(article.text_length / width))
    if number > pages:  # past the end: the last window, as a paginator's get_page does
        number = pages
        article = load(number)
    grid = (number - 1) * width
    stretch = article.text_slice
    start = _boundary(grid, stretch, article.text_length)
    end = _boundary(grid + width, stretch[width:], article.text_length)
    text = stretch[start - grid : end - grid]

    of_article = mentions.filter(article_id=article.pk)
    inside = Q(start__gte=start, start__lt=end)
    counts = of_article.aggregate(
        total=Count("id"),
        before=Count("id", filter=Q(start__lt=start)),
        inside=Count("id", filter=inside),
        pending=Count("id", filter=Q(review_state__in=PENDING)),
    )
    parts = max(1, math.ceil(counts["inside"] / per_part))
    part_number = parts if part == "last" else min(_whole_number(part, 1), parts)
    first = (part_number - 1) * per_part
    shown = list(of_article.filter(inside).order_by("start", "id")[first : first + per_part])
    for index, mention in enumerate(shown, start=counts["before"] + first + 1):
        mention.number = index
        mention.article = article  # loaded once, without its text (not once per mention)
    return ArticleWindow(
        article=article,
        text=text,
        start=start,
        end=end,
        length=article.text_length,
        page=number,
        pages=pages,
        part=part_number,
        parts=parts,
        total=counts["total"],
        pending=counts["pending"],
        mentions=shown,
        # A mention removed by a re-fetch keeps offsets into an older version: not marked.
        segments=highlight_segments(text, [m for m in shown if m.removed_at is None], offset=start),
    )


def article_window_query(mention) -> str:
    """The query string of the window that shows `mention` (its first part)."""
    page = mention.start // settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS + 1
    return _query(page, 1) if page > 1 else ""
