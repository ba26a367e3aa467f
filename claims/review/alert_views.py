"""Alerts in the newsroom (issue 13): the list of open (or dismissed) alerts, and an editor
dismissing one with a reason. The board and the claim workspace show the same cards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from claims import alerts
from claims.models import Alert
from claims.permissions import can_publish, refusal_text, require
from claims.review.views import reviewer_required


@require_GET
@reviewer_required
def alert_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", Alert.State.OPEN)
    if state not in Alert.State.values:
        state = Alert.State.OPEN
    found = alerts.alerts_with_cards(Alert.objects.filter(state=state))[:100]
    return render(
        request,
        "claims/review/alerts.html",
        {
            "alerts": found,
            "state": state,
            "states": Alert.State.choices,
            "can_dismiss": can_publish(request.user),
        },
    )


def _back(request: HttpRequest, alert: Alert) -> str:
    back = request.POST.get("next", "")
    # A path of this site only: redirect() would take a bare word for a URL name.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = alert.claim.get_workspace_url()
    return back


@require_POST
@reviewer_required
def alert_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(Alert.objects.select_related("claim"), pk=pk)
    require(can_publish(request.user), gettext("Only an editor can dismiss an alert."))
    try:
        alerts.alert_dismiss(alert=alert, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, gettext("Alert dismissed."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect(_back(request, alert))
