"""Hedge drift (issue 13): how a claim's reporting changed from one appearance to the next.

Computed from what is stored, never guessed from text: each mention's `hedges` (from the
extractor, claims.extraction.engine.hedges), its speaker and `via`, and the claim's
responses. The rules, for a claim:

- Its appearances are its mentions accepted by a journalist (`review_state` accepted; the
  mention being linked is accepted by then). Unreviewed or corrected mentions are left out:
  a suggestion nobody confirmed is no appearance to compare.
- They go in the time order of their article (`published_at`, else `created_at`), then by
  mention id. Each appearance is compared with the earlier ones in another article only
  (an article that hedges once and repeats the statement bare a paragraph later drifts
  nowhere: the reader has the hedge).
- `hedge_dropped`: a hedge of an earlier appearance (conditional, allegedly, unverified,
  anonymous, attributed) is absent from the later one. Compared with the most recent
  earlier appearance that has such a hedge; `data["lost"]` lists what the later one lacks.
- `source_dropped`: an earlier appearance names a source (a speaker or a relay in `via`) and
  the later one has neither (an unattributed appearance). A named speaker that becomes
  anonymous is not this: the later appearance still gives a source, and gains the
  `anonymous` hedge instead of losing one.
- `denial_dropped`: the claim has a denial (a response whose stance is `denies`, accepted)
  in an article earlier than the later appearance's, and the later appearance's article
  carries no response to the claim at all (a denial, a refusal to comment, a failed
  verification). Compared with the most recent such denial.

One alert per (kind, later appearance), ever: a kind already raised for that appearance,
open or dismissed, is not raised again (a dismissal is an editor's decision), so a second
run raises nothing new.
"""

from __future__ import annotations

import re
from datetime import datetime

from claims.alerts import alert_raise
from claims.extraction.languages import pack_for
from claims.extraction.types import HEDGES
from claims.models import Alert, Claim, Mention

# How the detail sentence names each hedge (English: the detail is stored as written).
HEDGE_WORDS = {
    "conditional": "a conditional",
    "allegedly": 'an "allegedly"',
    "unverified": "a note that it could not be verified",
    "anonymous": "an anonymous source",
    "attributed": "an attribution kept in the relay",
}


def _order(mention: Mention) -> tuple[datetime, int]:
    return (mention.article.dated, mention.pk)


def _outlet(mention: Mention) -> str:
    article = mention.article
    return article.outlet.name if article.outlet_id else article.title or f"article {article.pk}"


def _where(mention: Mention) -> str:
    """ "Le Monde (2 Dec)" """
    when = mention.article.dated
    return f"{_outlet(mention)} ({when.day} {when:%b})"


def _hedges(mention: Mention) -> list[str]:
    return [h for h in HEDGES if h in (mention.hedges or [])]


def _has_source(mention: Mention) -> bool:
    return bool((mention.speaker or "").strip() or mention.via)


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _attribution_word(mention: Mention) -> str | None:
    """The mention's cue when it is an attribution word of its language ("selon")."""
    try:
        patterns = pack_for(mention.article.language).hedge_attribution_patterns
    except KeyError:
        return None
    cue = (mention.cue or "").strip()
    if any(re.fullmatch(p, cue, re.IGNORECASE) for p in patterns):
        return cue.lower()
    return None


def _hedge_words(mention: Mention, hedges: list[str]) -> str:
    words = []
    for h in hedges:
        cue = _attribution_word(mention) if h == "attributed" else None
        words.append(f'an attribution ("{cue}")' if cue else HEDGE_WORDS[h])
    return _listed(words)


def _hedge_drop(earlier: Mention, later: Mention) -> tuple[str, dict] | None:
    lost = [h for h in _hedges(earlier) if h not in _hedges(later)]
    if not lost:
        return None
    kept = _hedges(later)
    how = (
        "states it bare"
        if not kept
        else "reports it without " + ("it" if len(lost) == 1 else "them")
    )
    detail = (
        f"{_where(earlier)} reported it with {_hedge_words(earlier, lost)}; {_where(later)} {how}."
    )
    return detail, {"lost": lost, "earlier_hedges": _hedges(earlier), "later_hedges": kept}


def _source_drop(earlier: Mention, later: Mention) -> tuple[str, dict] | None:
    if _has_source(later) or not _has_source(earlier):
        return None
    source = (earlier.speaker or "").strip() or ", ".join(earlier.via)
    detail = f"{_where(earlier)} attributed it to {source}; {_where(later)} gives no source."
    return detail, {"earlier_speaker": earlier.speaker, "earlier_via": list(earlier.via or [])}


def claim_check_drift(*, claim: Claim) -> list[Alert]:
    """Raise the drift alerts of `claim` between its appearances (see the module's rules);
    the alerts raised now, [] when nothing new drifted. Safe to call again at any time."""
    appearances = sorted(
        claim.mentions.filter(review_state=Mention.ReviewState.ACCEPTED).select_related(
            "article__outlet"
        ),
        key=_order,
    )
    denials = sorted(
        claim.responses.filter(
            review_state=Mention.ReviewState.ACCEPTED, stance=Mention.Stance.DENIES
        ).select_related("article__outlet"),
        key=_order,
    )
    if len(appearances) < 2 and not denials:
        return []
    answered_in = set(
        claim.responses.exclude(review_state=Mention.ReviewState.REJECTED).values_list(
            "article_id", flat=True
        )
    )
    raised_for = set(
        Alert.objects.filter(claim=claim, later__isnull=False).values_list("kind", "later_id")
    )
    raised: list[Alert] = []

    def raise_once(kind: str, earlier: Mention, later: Mention, found: tuple[str, dict]):
        if (kind, later.pk) in raised_for:
            return
        detail, data = found
        alert = alert_raise(
            kind=kind,
            claim=claim,
            earlier=earlier,
            later=later,
            article=later.article,
            detail=detail,
            data=data,
        )
        raised_for.add((kind, later.pk))
        if alert is not None:
            raised.append(alert)

    for j, later in enumerate(appearances):
        before = [m for m in reversed(appearances[:j]) if m.article_id != later.article_id]
        for kind, compare in (
            (Alert.Kind.HEDGE_DROPPED, _hedge_drop),
            (Alert.Kind.SOURCE_DROPPED, _source_drop),
        ):
            for earlier in before:  # the most recent earlier appearance that drifts
                found = compare(earlier, later)
                if found is not None:
                    raise_once(kind, earlier, later, found)
                    break
        if later.article_id in answered_in:
            continue
        earlier_denials = [
            d for d in denials if d.article_id != later.article_id and _order(d) < _order(later)
        ]
        if earlier_denials:
            denial = earlier_denials[-1]
            who = (denial.speaker or "").strip() or "a source"
            detail = (
                f"{_where(denial)} carried a denial by {who}; "
                f"{_where(later)} reports the claim without it."
            )
            raise_once(Alert.Kind.DENIAL_DROPPED, denial, later, (detail, {"denial": denial.pk}))
    return raised
