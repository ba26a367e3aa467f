"""The newsroom's notifications page and its mark-read actions (issue 12, part 7)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from claims import notifications
from claims.models import Notification
from claims.permissions import require
from claims.review.views import reviewer_required

# The page's filter (claims.notifications.NOTIFICATION_FILTERS, plus "other").
KIND_FILTERS = {
    "alerts": gettext_lazy("Alerts"),
    "matches": gettext_lazy("Matches to review"),
    "publication": gettext_lazy("Publication requests"),
    "other": gettext_lazy("Other"),
}


@require_GET
@reviewer_required
def notification_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or None
    if kind not in KIND_FILTERS:
        kind = None
    items = list(notifications.notifications_of(request.user, kind=kind)[:100])
    return render(
        request,
        "claims/review/notifications.html",
        {
            "notifications": items,
            "unread": [n for n in items if n.read_at is None],
            "kind": kind,
            "kind_filters": [(key, label) for key, label in KIND_FILTERS.items()],
        },
    )


@require_POST
@reviewer_required
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk)
    require(
        notification.recipient_id == request.user.pk, gettext("This notification is not yours.")
    )
    notifications.notification_mark_read(notification=notification, by=request.user)
    if request.POST.get("open"):
        return redirect(notification.get_absolute_url())
    return redirect("review:notifications")


@require_POST
@reviewer_required
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications.notification_mark_all_read(by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked read.", "%(count)d notifications marked read.", count
        )
        % {"count": count},
    )
    return redirect("review:notifications")
