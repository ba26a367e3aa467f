"""schema.org DataFeed of the published ClaimReviews (`/claims/datafeed.json`), for
fact-check aggregators that read a whole newsroom's reviews at once (issue 14).

Each element is the ClaimReview of a published claim exactly as its page carries it
(claims.public.jsonld.claim_review over the same ClaimPage), with its own dateModified; the
feed's dateModified is the latest public change: a publication, a correction, or a withdrawal
(which removes an element). The feed is streamed, a few hundred claims read at a time, and
has an ETag: a client that polls it with If-None-Match gets 304 until something changed.
"""

import datetime
import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Max, Q
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition, require_safe

from claims.models import Claim, Correction
from claims.public import jsonld
from claims.public.page import claim_pages_build, claims_with_pages, rating_scale
from claimtrack.text import xml_safe_data
from pagecache.models import generation_read

CHUNK = 200  # claims read (with their appearances, responses, evidence) per round of queries


def datafeed_date_modified() -> datetime.datetime | None:
    """The latest change readers could see in the feed: a claim published, a correction of a
    published claim, or a claim withdrawn."""
    published = Claim.objects.published().aggregate(latest=Max("published_at"))["latest"]
    corrected = Correction.objects.filter(
        Q(claim__in=Claim.objects.published()) | Q(kind=Correction.Kind.UNPUBLISHED)
    ).aggregate(latest=Max("created_at"))["latest"]
    return max([d for d in (published, corrected) if d is not None], default=None)


def datafeed_elements() -> Iterator[dict]:
    """The ClaimReview of every published claim, newest first, as the claim pages carry it."""
    scale = rating_scale()
    claims = claims_with_pages(Claim.objects.published()).order_by("-published_at", "-id")
    for claim in claims.iterator(chunk_size=CHUNK):
        (page,) = claim_pages_build([claim], scale=scale)
        # As jsonld.as_script cleans the page's copy: the same characters in both.
        yield xml_safe_data(jsonld.claim_review(page))


def _datafeed_chunks() -> Iterator[str]:
    modified = datafeed_date_modified() or timezone.now()
    head = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": gettext("%(organisation)s: fact checks")
        % {"organisation": settings.CLAIMTRACK_ORGANISATION_NAME},
        "url": jsonld.absolute_url(reverse("claims:datafeed")),
        "dateModified": timezone.localtime(modified).isoformat(),
    }
    # The elements come last: the head is written first, then the array as it is read.
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "dataFeedElement": ['
    for number, element in enumerate(datafeed_elements()):
        yield ("," if number else "") + "\n" + json.dumps(element, ensure_ascii=False)
    yield "\n]}\n"


def datafeed_etag(request: HttpRequest) -> str:
    """What the feed depends on, cheaply: the count of public changes that the claims
    services keep in PostgreSQL (claims.public.cache), the published claims and the latest
    change (rows written without the services), and the reader's language (the labels). An
    aggregator polling with If-None-Match gets 304 without the feed being made."""
    published = Claim.objects.published().count()
    modified = datafeed_date_modified()
    stamp = modified.isoformat() if modified else "-"
    return f'"{generation_read()}-{published}-{stamp}-{get_language()}"'


@require_safe
@condition(etag_func=datafeed_etag)
@gzip_page  # over 1 kB a ClaimReview, and much alike: a tenth of the size for the clients that ask
def datafeed(request: HttpRequest) -> StreamingHttpResponse:
    """The DataFeed, as JSON-LD (gzip-compressed for clients that accept it)."""
    return StreamingHttpResponse(
        (chunk.encode() for chunk in _datafeed_chunks()),
        content_type="application/ld+json; charset=utf-8",
    )
