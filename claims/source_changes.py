"""What a new version of an article means for its mentions and claims (issue 13, part 4).

Called by articles.refetch inside the transaction that stores the version. Every mention of
the article still present is looked for in the new text (articles.reanchor: exact, then
fuzzy, else removed):

- its offsets move to where it is now (`anchored` exact or fuzzy); a fuzzy one records the
  new wording as its `content`, except when it is linked to a published claim: readers keep
  the quote they were shown until an editor re-checks it (the alert says what it now reads);
- a mention that cannot be found keeps its old offsets and text and gets `removed_at`; it is
  never deleted, so a reviewed one, and the appearance it makes, stay;
- an appearance of a claim whose quote changed gets a quote_changed alert, one that
  disappeared a quote_removed alert, and when the new version adds a correction notice every
  claim appearing in the article gets an article_corrected alert. Each claim concerned gets
  an entry in its history ("Source article changed: version 3 of article 12 …"); nothing
  readers see of it changes.

Unreviewed mentions are re-anchored too (the article page keeps highlighting them), then
replaced when claim extraction runs on the new text; reviewed ones are kept by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from articles import reanchor
from articles.correction_notices import correction_notices
from articles.models import Article
from claims.alerts import alert_raise
from claims.models import Alert, Claim, Mention


@dataclass
class TextChange:
    """What re-anchoring did: how many mentions were found exactly, fuzzily, not at all."""

    exact: int = 0
    fuzzy: int = 0
    removed: int = 0
    alerts: int = 0
    notices: list[str] = field(default_factory=list)


def _shown_to_readers(mention: Mention) -> bool:
    claims = [mention.claim, mention.responds_to]
    return any(claim is not None and claim.is_published for claim in claims)


def _history_note(*, claim_ids: dict[int, list[str]], article: Article, version: int) -> None:
    """One entry in each claim's history; only the history row and updated_at are written."""
    for claim in Claim.objects.filter(pk__in=claim_ids):
        what = ", ".join(sorted(set(claim_ids[claim.pk])))
        claim._change_reason = (
            f"Source article changed: version {version} of article {article.pk} ({what})"
        )
        claim.save(update_fields=["updated_at"])


def article_text_changed(
    *, article: Article, old_text: str, new_text: str, version: int
) -> TextChange:
    """Re-anchor the article's mentions in its new text and raise the claims' alerts."""
    now = timezone.now()
    change = TextChange()
    diff = reanchor.TextDiff(old_text, new_text)
    mentions = list(
        article.mentions.filter(removed_at__isnull=True).select_related("claim", "responds_to")
    )
    touched: dict[int, list[str]] = {}
    for mention in mentions:
        span = old_text[mention.start : mention.end] or mention.content
        found = reanchor.anchor(span, mention.start, mention.end, diff)
        if found.kind == reanchor.EXACT:
            mention.start, mention.end, mention.anchored = found.start, found.end, found.kind
            change.exact += 1
            continue
        if found.kind == reanchor.FUZZY:
            now_reads = new_text[found.start : found.end]
            mention.start, mention.end, mention.anchored = found.start, found.end, found.kind
            if not _shown_to_readers(mention):
                mention.content = now_reads
            change.fuzzy += 1
            if mention.claim_id:
                alert = alert_raise(
                    kind=Alert.Kind.QUOTE_CHANGED,
                    claim=mention.claim,
                    earlier=mention,
                    later=mention,
                    article=article,
                    detail=f"The quote was reworded in version {version} of its article.",
                    data={
                        "old": span,
                        "new": now_reads,
                        "version": version,
                        "similarity": round(found.similarity, 3),
                    },
                )
                change.alerts += alert is not None
                touched.setdefault(mention.claim_id, []).append("quote changed")
            continue
        mention.removed_at = now
        change.removed += 1
        if mention.claim_id:
            alert = alert_raise(
                kind=Alert.Kind.QUOTE_REMOVED,
                claim=mention.claim,
                earlier=mention,
                later=mention,
                article=article,
                detail=f"The quote is no longer in version {version} of its article.",
                data={"old": span, "version": version},
            )
            change.alerts += alert is not None
            touched.setdefault(mention.claim_id, []).append("quote removed")
    Mention.objects.bulk_update(
        mentions, ["start", "end", "content", "anchored", "removed_at"], batch_size=500
    )
    change.notices = correction_notices(old=old_text, new=new_text)
    if change.notices:
        appearing = Claim.objects.filter(mentions__article=article).distinct()
        for claim in appearing:
            alert = alert_raise(
                kind=Alert.Kind.ARTICLE_CORRECTED,
                claim=claim,
                article=article,
                detail=f"Version {version} of the article adds a correction notice.",
                data={"notice": change.notices[0], "notices": change.notices, "version": version},
            )
            change.alerts += alert is not None
            touched.setdefault(claim.pk, []).append("correction notice")
    if touched:
        _history_note(claim_ids=touched, article=article, version=version)
    return change
