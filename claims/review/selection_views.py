"""Newsroom views for editing by selection (issue 12, part 4): add a statement the
extractor missed by selecting it, create a claim by hand, find any claim to link a mention to.

Each view checks permissions itself (reviewer_required: journalists and editors); the
services check again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from articles.text_windows import article_window_query
from claims import selectors, services
from claims.models import Mention
from claims.permissions import refusal_text
from claims.review.forms import AddMentionForm, ClaimCreateForm
from claims.review.views import _form_errors, reviewer_required
from claimtrack.text import clean_text


@require_POST
@reviewer_required
def mention_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a missed statement; the page then shows the window that holds it."""
    article = get_object_or_404(Article.objects.defer("text"), pk=pk)
    form = AddMentionForm(request.POST)
    htmx = bool(request.headers.get("HX-Request"))
    error = ""
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "correction"}
        try:
            mention = services.mention_add(article=article, by=request.user, **data)
        except (ValidationError, PermissionDenied) as refusal:
            error = refusal_text(refusal)
        else:
            messages.success(request, gettext("Statement added."))
            url = reverse("review:article", args=[article.pk]) + article_window_query(mention)
            if htmx:  # a whole page: the new card and its highlight in the text
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
    else:
        error = _form_errors(form)
    if htmx:  # keep what was typed, say what is wrong
        return render(
            request,
            "claims/review/_mention_add.html",
            {"article": article, "add_form": form, "add_error": error},
        )
    messages.error(request, error)
    return redirect(reverse("review:article", args=[article.pk]))


@require_POST
@reviewer_required
def claim_create(request: HttpRequest) -> HttpResponse:
    """A claim written by hand: its workspace opens."""
    form = ClaimCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("review:claims")
    try:
        claim = services.claim_create(
            statement=form.cleaned_data["statement"],
            claimant_name=form.cleaned_data["claimant"],
            language=form.cleaned_data["language"],
            by=request.user,
        )
    except (ValidationError, PermissionDenied) as refusal:
        messages.error(request, refusal_text(refusal))
        return redirect("review:claims")
    messages.success(request, gettext("Claim created."))
    return redirect(claim.get_workspace_url())


@require_GET
@reviewer_required
def claim_search(request: HttpRequest, pk: int) -> HttpResponse:
    """Up to 10 claims matching the words typed on a mention card, each one a button that
    links the mention to it (through the accept view)."""
    mention = get_object_or_404(Mention.objects.only("pk"), pk=pk)
    query = clean_text(request.GET.get("q", "")).strip()  # a NUL would fail in PostgreSQL
    # Without htmx (no JavaScript) the results come as a page of their own.
    template = "_claim_search.html" if request.headers.get("HX-Request") else "claim_search.html"
    return render(
        request,
        f"claims/review/{template}",
        {
            "mention": mention,
            "number": request.GET.get("number", ""),
            "query": query,
            "results": selectors.claim_search(query=query),
        },
    )
