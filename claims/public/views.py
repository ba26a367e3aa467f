"""Public claim pages: readers see published claims only, whatever URL they guess.

Readers need no account. Every read starts from `Claim.objects.published()`; a claim page
shows accepted appearances, approved evidence and the public correction log only
(claims/public/page.py).
"""

import re

from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView

from claims.models import Claim, Correction, Rating
from claims.public import jsonld
from claims.public.cache import public_cache_get, public_cache_key, public_cache_set
from claims.public.filters import ClaimFilterForm
from claims.public.page import claim_page_build, rating_scale


class ClaimListView(ListView):
    """Published fact checks, newest first; searchable and filterable."""

    paginate_by = 20
    template_name = "claims/claim_list.html"
    context_object_name = "claims"

    def get_queryset(self):
        self.filter_form = ClaimFilterForm(self.request.GET or None)
        claims = (
            Claim.objects.published()
            .select_related("claimant", "verdict")
            .order_by("-published_at", "-id")
        )
        return self.filter_form.filter(claims) if self.filter_form.is_bound else claims

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = self.filter_form.is_bound and any(
            value for key, value in self.request.GET.items() if key != "page"
        )
        return context


def _claim_fragments(slug: str) -> dict[str, str]:
    """The rendered parts of a claim page that are the same for every reader (cached)."""
    claim = (
        Claim.objects.published().select_related("claimant", "verdict").filter(slug=slug).first()
    )
    if claim is None:
        raise Http404("No published claim at this address.")
    page = claim_page_build(claim)
    context = {
        "page": page,
        "claim": claim,
        "claim_url": jsonld.absolute_url(claim.get_absolute_url()),
        "claim_review": jsonld.as_script(jsonld.claim_review(page)),
    }
    return {
        "path": claim.get_absolute_url(),
        "title": claim.statement,
        "head": render_to_string("claims/_claim_head.html", context),
        "body": render_to_string("claims/_claim_body.html", context),
    }


class _ClaimPathRequest:
    """What the anonymous page's template reads of the request: the address the language
    switch returns to, the claim's own (without the reader's query string)."""

    def __init__(self, path: str):
        self.path = path

    def get_full_path(self) -> str:
        return self.path


def _anonymous_page(fragments: dict[str, str]) -> dict[str, bytes]:
    """The whole page as every anonymous reader sees it: encoded, and gzip-compressed once
    for the browsers that accept it (nothing in it differs from one reader to the next)."""
    anonymous = AnonymousUser()
    context = {
        "fragments": fragments,
        "request": _ClaimPathRequest(fragments["path"]),
        "user": anonymous,
        "perms": PermWrapper(anonymous),
        "messages": [],  # pending messages stay stored for the reader's next page
        "LANGUAGES": settings.LANGUAGES,
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
    }
    html = render_to_string("claims/claim_detail.html", context).encode()
    return {"html": html, "gzip": compress_string(html)}


ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip reads Accept-Encoding


@require_safe
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A published claim's page, served from the public cache, which the claims services
    invalidate on every public change.

    Anonymous readers get the whole cached page, the same for all of them (no CSRF token:
    the language switch needs none), compressed when their browser accepts gzip; signed-in
    users get the cached claim parts inside a page rendered for them.
    """
    try:
        return _claim_detail(request, slug)
    except Http404:
        withdrawal = _withdrawal_of(slug)
        if withdrawal is None:
            raise
        return render(
            request, "claims/claim_withdrawn.html", {"withdrawal": withdrawal}, status=410
        )


def _withdrawal_of(slug: str) -> Correction | None:
    """The public withdrawal note of a claim that was published and is withdrawn now."""
    return (
        Correction.objects.filter(claim__slug=slug, kind=Correction.Kind.UNPUBLISHED)
        .exclude(claim__status=Claim.Status.PUBLISHED)
        .order_by("-created_at", "-id")
        .first()
    )


def _claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    key = public_cache_key("detail", slug, get_language())
    if request.user.is_authenticated:
        fragments = public_cache_get(key)
        if fragments is None:
            fragments = _claim_fragments(slug)
            public_cache_set(key, fragments)
        return render(request, "claims/claim_detail.html", {"fragments": fragments})
    page_key = key and f"{key}:anonymous"
    page = public_cache_get(page_key)
    if page is None:
        fragments = public_cache_get(key) or _claim_fragments(slug)
        public_cache_set(key, fragments)
        page = _anonymous_page(fragments)
        public_cache_set(page_key, page)
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(page["gzip"])
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page["html"])
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


class MethodologyView(TemplateView):
    template_name = "claims/methodology.html"


class RatingScaleView(TemplateView):
    """The rating scale's definitions and their numeric mapping in ClaimReview."""

    template_name = "claims/rating_scale.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scale = rating_scale()
        ratings = list(Rating.objects.all())
        for rating in ratings:
            rating.rating_value = scale.value_of(rating)
        context.update(ratings=ratings, scale=scale)
        return context


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """A trivial view: for load balancers, and the baseline of `claims.bench_public`."""
    return HttpResponse("ok", content_type="text/plain")
