from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

from articles.models import Article
from claims.models import Claim
from claims.permissions import can_review


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "published_claims": Claim.objects.published()
        .select_related("verdict")
        .order_by("-published_at")[:10]
    }
    if can_review(request.user):
        context["recent_articles"] = Article.objects.select_related("outlet")[:10]
    return render(request, "home.html", context)


# The language switch is in every page's header. Without a CSRF token in it, anonymous
# readers' pages carry nothing per reader and are served whole from the public cache; all
# a forged request could do is choose a visitor's interface language.
set_language = csrf_exempt(django_set_language)
