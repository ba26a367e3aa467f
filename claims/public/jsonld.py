"""schema.org ClaimReview for a claim page, as fact-check aggregators read it.

Follows Google's fact-check markup guidance (still read by Fact Check Explorer and other
aggregators): one ClaimReview per page, describing exactly what the page shows.
The numeric mapping of the rating scale (ratingValue, bestRating, worstRating) is published
on the rating-scale page.
"""

import datetime
import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from claims.models import Source
from claims.public.page import Appearance, ClaimPage
from claimtrack.text import xml_safe_data

# Inside <script>, "</script>" or "<!--" in a statement must not end or change the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def iso_date(moment: datetime.datetime) -> str:
    """The date as readers see it on the page (site time zone), ISO 8601."""
    return timezone.localtime(moment).date().isoformat()


def _agent(source: Source) -> dict:
    kind = (
        "Person" if source.kind in {Source.Kind.PERSON, Source.Kind.ANONYMOUS} else "Organization"
    )
    agent = {"@type": kind, "name": source.name}
    if not source.is_anonymous:  # the claimant of a published claim has a speaker page
        agent["url"] = absolute_url(source.get_absolute_url())
    return agent


def _creative_work(appearance: Appearance) -> dict:
    article = appearance.article
    work = {"@type": "CreativeWork", "headline": str(article)}
    if appearance.link:
        work["url"] = appearance.link
    if article.published_at:
        work["datePublished"] = iso_date(article.published_at)
    if appearance.outlet_name:
        work["publisher"] = {"@type": "Organization", "name": appearance.outlet_name}
    return work


def claim_review(page: ClaimPage) -> dict:
    """The ClaimReview object of a published claim page."""
    claim = page.claim
    rating = {"@type": "Rating", "alternateName": claim.verdict.display_label}
    if page.rating_value is not None:  # off the scale: by name only
        rating["ratingValue"] = page.rating_value
        rating["bestRating"] = page.scale.best
        rating["worstRating"] = page.scale.worst
    item = {"@type": "Claim"}
    if claim.claimant_id:
        item["author"] = _agent(claim.claimant)
    if page.first_appearance:
        # The day the claim was first published, from the articles' own dates: the day
        # claimtrack recorded an undated article is not a publication date.
        dated = [a.article.published_at for a in page.appearances if a.article.published_at]
        if dated:
            item["datePublished"] = iso_date(min(dated))
        # One CreativeWork per article, in the order of the page's timeline.
        works, seen = [], {}
        for appearance in page.appearances:
            if appearance.article.pk not in seen:
                seen[appearance.article.pk] = _creative_work(appearance)
                works.append(seen[appearance.article.pk])
        # A response (a denial, a refusal to comment) is part of how the claim appeared,
        # said by the article that reported it: a comment on that appearance, never the
        # claim's author.
        for response in page.responses:
            article = response.mention.article
            if article.pk not in seen:
                seen[article.pk] = _creative_work(Appearance(response.mention, article.created_at))
                works.append(seen[article.pk])
            seen[article.pk].setdefault("comment", []).append(
                {"@type": "Comment", "text": response.sentence}
            )
        item["appearance"] = works
        item["firstAppearance"] = works[0]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute_url(claim.get_absolute_url()),
        "claimReviewed": claim.statement,
        "datePublished": iso_date(claim.published_at),
        "dateModified": iso_date(page.last_public_change),
        "author": {
            "@type": "Organization",
            "name": settings.CLAIMTRACK_ORGANISATION_NAME,
            "url": settings.CLAIMTRACK_ORGANISATION_URL,
        },
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if claim.language:  # the language of the statement, which the review is written in
        review["inLanguage"] = item["inLanguage"] = claim.language
    return review


def as_script(data: dict) -> SafeString:
    """The JSON for a <script type="application/ld+json"> element, safely escaped."""
    # Rows stored before input text was cleaned: aggregators parse this as they parse the
    # feed.
    data = xml_safe_data(data)
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES))
