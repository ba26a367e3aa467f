from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import ListView

from articles.forms import ArticleTextForm
from articles.highlight import highlight_segments
from articles.models import Article
from articles.services import article_create_from_text


class ArticleListView(LoginRequiredMixin, ListView):
    queryset = Article.objects.select_related("outlet")
    paginate_by = 50
    template_name = "articles/article_list.html"


@login_required
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article = article_create_from_text(
            text=form.cleaned_data["text"],
            language=form.cleaned_data["language"] or None,
            outlet_name=form.cleaned_data["outlet"],
            title=form.cleaned_data["title"],
            submitted_by=request.user,
        )
        if article.status == Article.Status.FAILED:
            messages.error(request, article.error)
        else:
            messages.success(request, "Article stored. Claims are being extracted.")
        return redirect(article)
    return render(request, "articles/article_form.html", {"form": form})


@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    mentions = list(
        article.mentions.select_related("source", "claim", "article__outlet").order_by(
            "start", "id"
        )
    )
    for number, mention in enumerate(mentions, start=1):
        mention.number = number
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "mentions": mentions,
            "segments": highlight_segments(article.text, mentions),
        },
    )
