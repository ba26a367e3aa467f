"""The newsroom's reviews as gold annotations in the format of ../shared/eval (issue 14).

An article is **reviewed** when at least one review decision was recorded on it
(claims.models.ReviewDecision) and none of its statements waits for a decision any more
(no mention unreviewed or corrected-not-yet-accepted). Its gold claims are the statements
the newsroom accepted, in their final state: accepted as extracted, corrected then accepted,
added by hand then accepted; rejected ones are not gold, and neither are statements whose
quote is gone from the current text (removed at a re-fetch).

The extractor's predictions on it are the original predictions kept on the mentions
(`Mention.extracted`), whatever became of them. They are known only when every extracted
statement of the article kept its prediction, made on the article's current text version:
a mention corrected before predictions were kept, or an article whose text changed since
extraction, makes the article **unscored** (exported as gold, left out of the figures).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from articles.models import Article, Outlet
from claims.decisions import is_hand_made
from claims.models import Mention, ReviewDecision
from claims.source_names import name_key

PENDING = [Mention.ReviewState.UNREVIEWED, Mention.ReviewState.CORRECTED]

# The fields of a mention that gold claims and predictions need (not its matching signature).
MENTION_FIELDS = (
    "id", "article_id", "start", "end", "content", "speaker", "speaker_type", "cue",
    "quote_type", "stance", "via", "review_state", "removed_at", "extracted",
    "extractor_version", "rule", "source__name",
)  # fmt: skip


def reviewed_articles(
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    outlet: Outlet | int | None = None,
) -> QuerySet[Article]:
    """Reviewed articles (see the module), by their date (published, else stored: the
    day of Article.dated) from `since` to `until` included, of one outlet; in id order."""
    decided = ReviewDecision.objects.filter(article=OuterRef("pk"))
    pending = Mention.objects.filter(article=OuterRef("pk"), review_state__in=PENDING)
    articles = Article.objects.filter(Exists(decided)).exclude(Exists(pending))
    return articles_dated(articles, since=since, until=until, outlet=outlet).order_by("id")


def articles_dated(
    articles: QuerySet,
    *,
    since: datetime.date | None,
    until: datetime.date | None,
    outlet: Outlet | int | None,
    prefix: str = "",
) -> QuerySet:
    """`articles` (or rows pointing at an article through `prefix`) narrowed by date and
    outlet, as reviewed_articles does."""
    if since is not None or until is not None:
        day = TruncDate(Coalesce(f"{prefix}published_at", f"{prefix}created_at"))
        articles = articles.alias(article_day=day)
        if since is not None:
            articles = articles.filter(article_day__gte=since)
        if until is not None:
            articles = articles.filter(article_day__lte=until)
    if outlet is not None:
        outlet_id = outlet.pk if isinstance(outlet, Outlet) else outlet
        articles = articles.filter(**{f"{prefix}outlet_id": outlet_id})
    return articles


def mentions_of(article_ids: Iterable[int]) -> dict[int, list[dict]]:
    """The mentions of these articles as dicts (MENTION_FIELDS), in text order: one query."""
    found: dict[int, list[dict]] = {}
    rows = (
        Mention.objects.filter(article_id__in=list(article_ids))
        .order_by("article_id", "start", "id")
        .values(*MENTION_FIELDS)
    )
    for row in rows:
        found.setdefault(row["article_id"], []).append(row)
    return found


def gold_speakers(mention: dict) -> list[str]:
    """[the canonical source's name, the speaker as written]: the eval format's list of
    acceptable names, the resolved one first, without repeating a name."""
    names, seen = [], set()
    for name in (mention.get("source__name"), mention.get("speaker")):
        key = name_key(name) if name else ""
        if name and key not in seen:
            names.append(name)
            seen.add(key)
    return names


def gold_claim(mention: dict, text: str) -> dict:
    """One accepted mention as a gold claim of the eval format, with its true span."""
    start, end = mention["start"], mention["end"]
    return {
        "speaker": gold_speakers(mention),
        "speaker_type": mention["speaker_type"] or "",
        "cue": mention["cue"] or "",
        "content": text[start:end],
        "quote_type": mention["quote_type"],
        "stance": mention["stance"],
        "via": list(mention["via"] or []),
        "start": start,
        "end": end,
    }


def is_gold(mention: dict) -> bool:
    return mention["review_state"] == Mention.ReviewState.ACCEPTED and not mention["removed_at"]


def article_doc(article: Article, mentions: list[dict]) -> dict:
    """The article in the format of ../shared/eval: its accepted statements are its claims."""
    published = article.published_at or article.created_at
    doc = {
        "id": f"claimtrack-{article.pk}",
        "language": article.language,
        "title": article.title,
        "outlet": article.outlet.name if article.outlet_id else "",
        "published": timezone.localtime(published).date().isoformat() if published else "",
        "text": article.text,
        "claims": [gold_claim(m, article.text) for m in mentions if is_gold(m)],
    }
    if article.url:
        doc["url"] = article.url
    return doc


def article_predictions(article: Article, mentions: list[dict]) -> list[dict] | None:
    """The extractor's original predictions on the article, in text order; None when one of
    them is unknown (see the module). A prediction stored twice (an extraction run again
    after a correction moved the mention) counts once."""
    predictions, seen = [], set()
    for mention in mentions:
        if is_hand_made(mention["extractor_version"], mention["rule"]):
            continue  # added by hand: gold, not a prediction
        original = mention["extracted"]
        if not original or original.get("text_version") != article.version:
            return None
        key = (original["start"], original["end"], original.get("speaker") or "")
        if key not in seen:
            seen.add(key)
            predictions.append(original)
    predictions.sort(key=lambda p: (p["start"], p["end"]))
    return predictions


def gold_docs(articles: QuerySet[Article], *, chunk: int = 200) -> Iterator[tuple[dict, bool]]:
    """(eval document, scored) for each article, reading articles and their mentions by
    chunks (two queries a chunk: a big export never loads every text at once)."""
    ids = list(articles.values_list("id", flat=True))
    for first in range(0, len(ids), chunk):
        part = ids[first : first + chunk]
        rows = Article.objects.filter(id__in=part).select_related("outlet").order_by("id")
        mentions = mentions_of(part)
        for article in rows:
            of_article = mentions.get(article.pk, [])
            scored = article_predictions(article, of_article) is not None
            yield article_doc(article, of_article), scored


def misplaced_by_find(doc: dict) -> int:
    """How many of the document's claims the reference scorer (text.find(content)) would
    place elsewhere than their true span: the same words earlier in the text."""
    text = doc["text"]
    return sum(1 for c in doc["claims"] if text.find(c["content"]) != c["start"])


def known_outlets() -> list[str]:
    return list(Outlet.objects.order_by("name").values_list("name", flat=True))


def outlet_named(name: str) -> Outlet | None:
    """The outlet of that name (case does not matter), or None."""
    return Outlet.objects.filter(Q(name__iexact=name.strip())).first()
