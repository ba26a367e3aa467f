from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView

from articles.forms import ArticleStatusFilterForm, ArticleTextForm, ArticleUrlForm
from articles.models import Article
from articles.refetch import article_versions
from articles.services import article_submit_text, article_submit_url
from articles.text_windows import article_window
from claims.models import Mention

# Articles and their extracted statements are newsroom material: journalists and editors only
# (the permission the Journalists and Editors groups hold). Anonymous visitors are sent to
# the login page; signed-in accounts outside the newsroom get 403.
NEWSROOM_PERMISSION = "claims.review_mention"


def newsroom_required(view):
    return login_required(permission_required(NEWSROOM_PERMISSION, raise_exception=True)(view))


class ArticleListView(PermissionRequiredMixin, ListView):
    permission_required = NEWSROOM_PERMISSION
    paginate_by = 50
    template_name = "articles/article_list.html"

    def get_queryset(self):
        articles = Article.objects.select_related("outlet")
        self.filter_form = ArticleStatusFilterForm(self.request.GET or None)
        if self.filter_form.is_valid() and self.filter_form.cleaned_data["status"]:
            articles = articles.filter(status=self.filter_form.cleaned_data["status"])
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


def _report(request: HttpRequest, submission) -> HttpResponse:
    article = submission.article
    if article.status in Article.Status.with_error():
        # Stored in English; the fixed sentences are in the catalogue.
        messages.error(request, gettext(article.error))
    elif submission.duplicate:
        messages.info(request, submission.message)
    else:
        messages.success(request, submission.message)
    return redirect(article)


@newsroom_required
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        submission = article_submit_text(
            text=form.cleaned_data["text"],
            language=form.cleaned_data["language"] or None,
            outlet_name=form.cleaned_data["outlet"],
            title=form.cleaned_data["title"],
            url=form.cleaned_data["url"],
            published=form.cleaned_data["published"],
            submitted_by=request.user,
        )
        return _report(request, submission)
    return render(
        request, "articles/article_form.html", {"form": form, "url_form": ArticleUrlForm()}
    )


@newsroom_required
@require_POST
def article_new_url(request: HttpRequest) -> HttpResponse:
    url_form = ArticleUrlForm(request.POST)
    if url_form.is_valid():
        try:
            submission = article_submit_url(
                url=url_form.cleaned_data["url"],
                language=url_form.cleaned_data["language"] or None,
                submitted_by=request.user,
            )
        except ValidationError as error:
            url_form.add_error("url", error)
        else:
            return _report(request, submission)
    return render(
        request,
        "articles/article_form.html",
        {"form": ArticleTextForm(), "url_form": url_form},
        status=400,
    )


@newsroom_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    window = article_window(
        Article.objects.select_related("outlet", "duplicate_of"),
        pk=pk,
        page=request.GET.get("page"),
        part=request.GET.get("part"),
        mentions=Mention.objects.select_related("source", "claim"),
    )
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": window.article,
            "window": window,
            "mentions": window.mentions,
            "segments": window.segments,
            "versions": article_versions(article=window.article),
        },
    )


@newsroom_required
@require_GET
def article_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status line of an article, polled by its page (htmx) while it is processed.

    Once processing is over the page reloads itself (HX-Refresh) to show the text and the
    attributed statements.
    """
    article = get_object_or_404(Article.objects.select_related("duplicate_of"), pk=pk)
    response = render(request, "articles/_article_status.html", {"article": article})
    if request.headers.get("HX-Request") and not article.is_processing:
        response["HX-Refresh"] = "true"
    return response
