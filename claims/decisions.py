"""Every review decision kept as labelled data (issue 14, part 4).

The review services (claims.services, claims.responses, claims.matching) call
`decision_record` after each write on a mention: accept, reject, correct, add by hand,
restore, attach as a response, accept through a match. The decision keeps the mention's
fields before and after; the extractor's original prediction stays on the mention
(`Mention.extracted`, set by claims.services._store_mentions), so a correction never loses
what the extractor said. Then the article's extractor-quality tally is refreshed
(claims.extractor_quality), so the dashboard reads sums, never re-scores articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from claims.models import Mention, ReviewDecision

# What the extractor predicted, kept in Mention.extracted (with its version and the
# article text version it read): the fields the eval format scores, and what explains them.
EXTRACTED_FIELDS = (
    "start", "end", "content", "speaker", "speaker_type", "cue", "quote_type", "stance",
    "via", "rule", "confidence",
)  # fmt: skip

# A mention's reviewable state, before and after a decision.
DECISION_FIELDS = (
    "start", "end", "content", "speaker", "speaker_type", "cue", "quote_type", "stance",
    "via", "review_state", "rejection_reason", "claim_id", "responds_to_id", "source_id",
)  # fmt: skip

# Statements a journalist added by hand (claims.services.mention_add: extractor version
# "manual"; older ones and seed_demo's: rule "added-by-journalist"): gold, never predictions.
MANUAL = "manual"
ADDED_BY_HAND_RULES = ("manual", "added-by-journalist")


def is_hand_made(extractor_version: str, rule: str) -> bool:
    return extractor_version == MANUAL or rule in ADDED_BY_HAND_RULES


def extracted_of(item: Any, *, extractor_version: str, text_version: int) -> dict:
    """The prediction of one ExtractedClaim as Mention.extracted keeps it: exactly as the
    extractor returned it (before the mention's fields are trimmed to their columns)."""
    data = {name: getattr(item, name, None) for name in EXTRACTED_FIELDS}
    data["via"] = list(data["via"] or [])
    data["confidence"] = float(data["confidence"]) if data["confidence"] is not None else None
    data["extractor_version"] = extractor_version
    data["text_version"] = text_version
    return data


def mention_fields(mention: Mention) -> dict:
    """The mention's reviewable fields, as JSON."""
    data = {name: getattr(mention, name) for name in DECISION_FIELDS}
    data["via"] = list(data["via"] or [])
    return data


def decision_record(
    *,
    mention: Mention,
    kind: str,
    by: AbstractBaseUser | None,
    before: dict | None,
    reason: str = "",
) -> ReviewDecision:
    """Keep one decision on `mention` (after its write, in the same transaction) and
    refresh its article's extractor-quality tally."""
    from claims.extractor_quality import article_quality_refresh  # it reads the decisions

    decision = ReviewDecision(
        article_id=mention.article_id,
        mention=mention,
        kind=kind,
        by=by if by is not None and by.is_authenticated else None,
        before=before,
        after=mention_fields(mention),
        rejection_reason=reason or "",
    )
    batch = _batch.get()
    if batch is not None:
        batch.append(decision)
        return decision
    decision.save()
    article_quality_refresh(article_id=mention.article_id, decision=decision)
    return decision


# The decisions of a bulk review (decisions_batched), written together at its end.
_batch: ContextVar[list[ReviewDecision] | None] = ContextVar("review_decisions", default=None)


@contextmanager
def decisions_batched() -> Iterator[None]:
    """Inside, the decisions of many mentions (a bulk review) are kept aside, then written
    in one insert and each article scored once, when the block ends without an error."""
    from claims.extractor_quality import article_quality_refresh

    if _batch.get() is not None:  # already inside a batch
        yield
        return
    batch: list[ReviewDecision] = []
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    ReviewDecision.objects.bulk_create(batch)
    last = {decision.article_id: decision for decision in batch}
    for article_id, decision in last.items():
        article_quality_refresh(article_id=article_id, decision=decision)
