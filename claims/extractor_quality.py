"""The extractor's live precision and recall, from the newsroom's reviews (issue 14).

Each reviewed article (claims.gold) is scored once, when a decision is made on it
(`article_quality_refresh`, called by claims.decisions.decision_record): its original
predictions (Mention.extracted) against its gold (the accepted statements), with the very
functions `manage.py evaluate_extraction` uses (claims.extraction.evaluation.scoring:
score_document, by_construction, recall_by_gold_construction). The per-article counts are
kept in ArticleQuality; `extractor_quality` sums them, in one query, for any date range and
outlet. Counts add up, so the sums are exactly what evaluate_extraction prints for the same
articles exported with `manage.py export_gold`.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q

from articles.models import Article, Outlet
from claims.extraction.evaluation.scoring import (
    Counts,
    Report,
    Tally,
    by_construction,
    recall_by_gold_construction,
    score_document,
)
from claims.gold import (
    PENDING,
    article_doc,
    article_predictions,
    articles_dated,
    mentions_of,
    reviewed_articles,
)
from claims.models import ArticleQuality, Mention, ReviewDecision


def article_score(article: Article, mentions: list[dict]):
    """(gold document, its DocResult) of one article, or (document, None) when its
    predictions are not all known (the article is not scored)."""
    doc = article_doc(article, mentions)
    predictions = article_predictions(article, mentions)
    if predictions is None:
        return doc, None
    return doc, score_document(doc, predictions)


def _tallies(rows: dict[str, Tally]) -> dict[str, list[int]]:
    return {name: [t.total, t.matched, t.speaker_ok] for name, t in rows.items()}


def article_quality_refresh(
    *, article_id: int, decision: ReviewDecision | None = None
) -> ArticleQuality | None:
    """Score the article again if it is reviewed, else forget its score (four queries)."""
    article = reviewed_articles().select_related("outlet").filter(pk=article_id).first()
    if article is None:
        ArticleQuality.objects.filter(article_id=article_id).delete()
        return None
    if decision is None:
        decision = ReviewDecision.objects.filter(article_id=article_id).order_by("-id").first()
    _, result = article_score(article, mentions_of([article_id]).get(article_id, []))
    quality = ArticleQuality(
        article_id=article_id, decision=decision, text_version=article.version,
        scored=result is not None, counts={}, by_rule={}, by_construction={},
    )  # fmt: skip
    if result is not None:
        report = Report(by_language={}, overall=result.counts, docs=[result])
        quality.counts = dataclasses.asdict(result.counts)
        quality.by_rule = _tallies(by_construction(report))
        quality.by_construction = _tallies(recall_by_gold_construction(report))
    # One upsert: two decisions on the article at once leave the later one's score.
    ArticleQuality.objects.bulk_create(
        [quality],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=[
            "decision", "text_version", "scored", "counts", "by_rule", "by_construction",
            "computed_at",
        ],
    )  # fmt: skip
    return quality


@dataclass
class Quality:
    """The extractor's figures on reviewed articles: Counts give precision, recall, F1 and
    the speaker/stance/quote-type accuracies; Tally rows precision per extractor rule
    (`by_rule`) and recall per construction of the gold claims (`by_construction`)."""

    overall: Counts = field(default_factory=Counts)
    by_outlet: dict[str, Counts] = field(default_factory=dict)
    by_language: dict[str, Counts] = field(default_factory=dict)
    by_rule: dict[str, Tally] = field(default_factory=dict)
    by_construction: dict[str, Tally] = field(default_factory=dict)
    unscored: int = 0  # reviewed articles whose original predictions are not all known

    @property
    def overall_row(self) -> dict:
        return _counts_row("", self.overall)

    @property
    def outlet_rows(self) -> list[dict]:
        return [_counts_row(name, c) for name, c in self.by_outlet.items()]

    @property
    def language_rows(self) -> list[dict]:
        return [_counts_row(name, c) for name, c in self.by_language.items()]

    @property
    def rule_rows(self) -> list[dict]:
        """Precision per extractor rule (its predictions matched)."""
        return [_tally_row(name, t) for name, t in self.by_rule.items()]

    @property
    def construction_rows(self) -> list[dict]:
        """Recall per construction of the gold claims (those found)."""
        return [_tally_row(name, t) for name, t in self.by_construction.items()]

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.as_dict(),
            "by_outlet": {k: c.as_dict() for k, c in self.by_outlet.items()},
            "by_language": {k: c.as_dict() for k, c in self.by_language.items()},
            "unscored": self.unscored,
        }


def _bar(rate: float) -> int:
    """A rate as the width of its bar, 0 to 100."""
    return round(max(0.0, min(rate, 1.0)) * 100)


def _counts_row(name: str, counts: Counts) -> dict:
    row = {"name": name, **counts.as_dict()}
    row.update(
        {f"{key}_bar": _bar(row[key]) for key in ("precision", "recall", "f1", "speaker_lenient")}
    )
    return row


def _tally_row(name: str, tally: Tally) -> dict:
    speaker = tally.speaker_ok / tally.total if tally.total else 0.0
    return {
        "name": name, "total": tally.total, "matched": tally.matched, "rate": tally.rate,
        "rate_bar": _bar(tally.rate), "speaker_ok": tally.speaker_ok, "speaker_rate": speaker,
    }  # fmt: skip


def _add(rows: dict[str, Tally], tallies: dict[str, list[int]]) -> None:
    for name, (total, matched, speaker_ok) in tallies.items():
        row = rows.setdefault(name, Tally())
        row.total += total
        row.matched += matched
        row.speaker_ok += speaker_ok


def _ordered(rows: dict[str, Tally]) -> dict[str, Tally]:
    # As scoring._tally_by orders its tables: the most frequent row first.
    return dict(sorted(rows.items(), key=lambda kv: (-kv[1].total, kv[0])))


def extractor_quality(
    *,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
    outlet: Outlet | int | None = None,
) -> Quality:
    """The extractor's precision, recall, F1 and accuracies on the reviewed articles dated
    from `since` to `until` (included) of `outlet`: overall, per outlet, per language, per
    extractor rule and per gold construction. One query over the per-article scores."""
    pending = Mention.objects.filter(article=OuterRef("article_id"), review_state__in=PENDING)
    rows = (
        articles_dated(
            ArticleQuality.objects.all(),
            since=since,
            until=until,
            outlet=outlet,
            prefix="article__",
        )
        .exclude(Exists(pending))
        .annotate(
            current=ExpressionWrapper(
                Q(text_version=F("article__version")), output_field=BooleanField()
            )
        )
        .values_list(
            "scored",
            "current",
            "counts",
            "by_rule",
            "by_construction",
            "article__language",
            "article__outlet__name",
        )
    )
    quality = Quality()
    for row in rows.iterator(2000):
        scored, current, counts, rules, constructions, language, outlet_name = row
        # Not scored, or scored on an earlier text (re-fetched since): left out, counted.
        if not (scored and current):
            quality.unscored += 1
            continue
        one = Counts(**counts)
        quality.overall.add(one)
        quality.by_language.setdefault(language or "?", Counts()).add(one)
        quality.by_outlet.setdefault(outlet_name or "—", Counts()).add(one)
        _add(quality.by_rule, rules)
        _add(quality.by_construction, constructions)
    quality.by_language = dict(sorted(quality.by_language.items()))
    quality.by_outlet = dict(sorted(quality.by_outlet.items(), key=lambda kv: (-kv[1].docs, kv[0])))
    quality.by_rule = _ordered(quality.by_rule)
    quality.by_construction = _ordered(quality.by_construction)
    return quality
