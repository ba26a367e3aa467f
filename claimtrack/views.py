from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

from articles.models import Article
from articles.services import pasted_text_limit
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


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400, except for a request too big to read: 413 with the limit in words (JSON for
    the API), rather than a bare "Bad Request"."""
    if not isinstance(exception, RequestDataTooBig):
        return defaults.bad_request(request, exception)
    megabytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    message = gettext(
        "This request is larger than %(megabytes)s MB, the most claimtrack reads. "
        "%(limit)s: split a longer text into parts."
    ) % {"megabytes": f"{megabytes:g}", "limit": pasted_text_limit()}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


# The language switch is in every page's header. Without a CSRF token in it, anonymous
# readers' pages carry nothing per reader and are served whole from the public cache; all
# a forged request could do is choose a visitor's interface language.
set_language = csrf_exempt(django_set_language)
