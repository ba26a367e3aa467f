"""Pages of long newsroom lists that never count the whole list.

Django's Paginator counts every row to number the pages; for the review queue that count is
the slowest query of the page (every article with a pending statement, re-checked at each
request). A desk reads the newest page and moves on, so the queue shows "Page N" with
Newer/Older links, found by reading one row more than a page.
"""

from collections.abc import Iterator

from django.db.models import QuerySet


class UncountedPage:
    """The page `number` of `rows`, `per_page` at a time, with the interface the
    _pagination.html template reads (and no total)."""

    paginator = None  # no total: the template shows "Page N" alone

    def __init__(self, rows: QuerySet, number: str | int | None, per_page: int) -> None:
        try:
            self.number = max(1, int(number or 1))
        except (TypeError, ValueError):
            self.number = 1
        offset = (self.number - 1) * per_page
        found = list(rows[offset : offset + per_page + 1])
        if not found and self.number > 1:  # past the end (the list shrank): the first page
            self.number, found = 1, list(rows[: per_page + 1])
        self.object_list = found[:per_page]
        self._more = len(found) > per_page

    def __iter__(self) -> Iterator:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1
