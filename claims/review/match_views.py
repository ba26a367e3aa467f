"""Accept or reject a proposed match (claims.matching) from the review card or the claim
workspace. Plain form posts that redirect back; permissions checked here and again in the
services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from articles.text_windows import article_window_query
from claims import matching
from claims.models import MentionMatch
from claims.permissions import can_review, refusal_text, require
from claims.review.views import reviewer_required


def _back(request: HttpRequest, match: MentionMatch) -> HttpResponse:
    """To the page the form was on (a path of this site), else the mention's article."""
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    url = reverse("review:article", args=[match.mention.article_id])
    return redirect(url + article_window_query(match.mention))


def _match(pk: int) -> MentionMatch:
    return get_object_or_404(MentionMatch.objects.select_related("mention"), pk=pk)


@require_POST
@reviewer_required
def match_accept(request: HttpRequest, pk: int) -> HttpResponse:
    match = _match(pk)
    require(can_review(request.user), gettext("Only journalists and editors review mentions."))
    try:
        matching.match_accept(
            match=match, by=request.user, correction=request.POST.get("correction", "")
        )
        messages.success(request, gettext("Match accepted: one more appearance of the claim."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, refusal_text(error))
    return _back(request, match)


@require_POST
@reviewer_required
def match_reject(request: HttpRequest, pk: int) -> HttpResponse:
    match = _match(pk)
    require(can_review(request.user), gettext("Only journalists and editors review mentions."))
    try:
        matching.match_reject(match=match, by=request.user)
        messages.success(request, gettext("Match rejected: not the same claim."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, refusal_text(error))
    return _back(request, match)
