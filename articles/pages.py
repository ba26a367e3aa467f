"""From a fetched web page to an article: main text and metadata, with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from django.utils.translation import gettext_noop

# Below this many characters of main text, a page is a menu, a login form, a video page…
MIN_ARTICLE_CHARS = 200

ERROR_NO_TEXT = gettext_noop(
    "The page has no article text we could extract. If it is an article, paste its text instead."
)


@dataclass
class PageArticle:
    title: str
    byline: str
    published_at: dt.datetime | None
    text: str
    site_name: str
    canonical_url: str
    language_hint: str  # the page's own <html lang>, when it declares one


_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.I)


def _parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _paragraphs(text: str) -> str:
    """One blank line between paragraphs, as in pasted articles."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def page_article(html: str, *, url: str) -> PageArticle | None:
    """The article in an HTML page, or None when the page has no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    text = _paragraphs(getattr(document, "text", None) or "") if document else ""
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    title = " ".join((document.title or "").split())
    if title and text.startswith(title + "\n\n"):
        # trafilatura keeps the <h1>; the title is stored apart, the text starts with the body
        text = text[len(title) + 2 :]
    lang = _HTML_LANG.search(html[:4096])
    return PageArticle(
        title=title[:500],
        byline=" ".join((document.author or "").split())[:500],
        published_at=_parse_date(document.date),
        text=text,
        site_name=" ".join((document.sitename or "").split())[:200],
        canonical_url=document.url or "",
        language_hint=lang.group(1).lower() if lang else "",
    )


def plain_text_article(text: str) -> PageArticle | None:
    """A text/plain page: the text itself, its first line as title."""
    text = "\n\n".join(
        " ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()
    )
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    first = text.split("\n\n", 1)[0]
    return PageArticle(
        title=first[:200] if len(first) <= 200 else "",
        byline="",
        published_at=None,
        text=text,
        site_name="",
        canonical_url="",
        language_hint="",
    )
