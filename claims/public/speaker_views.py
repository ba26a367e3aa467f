"""Readers' pages of a speaker (Source) and of an outlet: only what is published.

A speaker page exists for a named source with at least one published claim (as claimant,
or speaking in an accepted appearance or response); it lists those published claims with
their approved verdicts, and counts the accepted mentions of published claims only
(claims.source_profiles with public=True). Anonymous sources have no page: "a senior
official" of one article is not someone readers can follow from article to article, so
the claim page names them without a link. An outlet page exists for an outlet that carried
a published claim, on the same terms.

Pages are cached like the claim pages (claims.public.cache): every public change (a
publication, an accepted or rejected appearance, a source renamed, merged or split) drops
them. The old address of a merged source leads to the source it was merged into.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.models import Outlet
from claims import source_profiles
from claims.models import Source, SourceEvent
from claims.public.cache import public_cache_get, public_cache_key, public_cache_set

CLAIMS_PER_PAGE = 20
LAST_PAGE = 500  # deeper pages are not cached nor served: the list is newest first


def _page_number(request: HttpRequest) -> int:
    try:
        number = int(request.GET.get("page") or 1)
    except ValueError:
        number = 1
    return min(max(number, 1), LAST_PAGE)


def _speaker_fragment(source: Source, number: int) -> dict[str, str]:
    mentions = source_profiles.source_mentions(source, public=True)
    claims = source_profiles.claim_page(
        source_profiles.source_claims(source, public=True), number, CLAIMS_PER_PAGE
    )
    context = {
        "source": source,
        "claims_page": claims,
        "profile": source_profiles.profile_build(mentions, outlets=True),
    }
    return {
        "title": source.name,
        "body": render_to_string("claims/speaker_detail_body.html", context),
    }


@require_safe
def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    number = _page_number(request)
    key = public_cache_key("speaker", pk, get_language(), number)
    fragment = public_cache_get(key)
    if fragment is None:
        source = Source.objects.filter(pk=pk).first()
        if source is None:
            merged = SourceEvent.objects.filter(merged_source_id=pk).select_related("source")
            event = merged.order_by("-created_at").first()
            if event is not None and source_profiles.source_is_public(event.source):
                return redirect(event.source.get_absolute_url(), permanent=True)
            raise Http404("No speaker page at this address.")
        if not source_profiles.source_is_public(source):
            raise Http404("No speaker page at this address.")
        fragment = _speaker_fragment(source, number)
        public_cache_set(key, fragment)
    return render(request, "claims/speaker_detail.html", {"fragment": fragment})


@require_safe
def outlet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    number = _page_number(request)
    key = public_cache_key("outlet", pk, get_language(), number)
    fragment = public_cache_get(key)
    if fragment is None:
        outlet = Outlet.objects.filter(pk=pk).first()
        if outlet is None or not source_profiles.outlet_is_public(outlet):
            raise Http404("No outlet page at this address.")
        mentions = source_profiles.outlet_mentions(outlet, public=True)
        context = {
            "outlet": outlet,
            "claims_page": source_profiles.claim_page(
                source_profiles.outlet_claims(outlet, public=True), number, CLAIMS_PER_PAGE
            ),
            "profile": source_profiles.profile_build(mentions, speakers=True),
        }
        fragment = {
            "title": outlet.name,
            "body": render_to_string("claims/outlet_detail_body.html", context),
        }
        public_cache_set(key, fragment)
    return render(request, "claims/speaker_detail.html", {"fragment": fragment})
