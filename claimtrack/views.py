from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.models import Article
from claims.models import Claim


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "published_claims": Claim.objects.published()
        .select_related("verdict")
        .order_by("-published_at")[:10]
    }
    if request.user.is_authenticated:
        context["recent_articles"] = Article.objects.select_related("outlet")[:10]
    return render(request, "home.html", context)
