"""Template context every page gets from claims."""

from django.http import HttpRequest

from claims.notifications import notifications_unread_count
from claims.permissions import can_review


def unread_notifications(request: HttpRequest) -> dict:
    """The menu badge: newsroom members' unread notifications, one query (the permission
    check reuses the permissions the menu loads anyway); nothing for readers."""
    user = getattr(request, "user", None)
    if user is None or not can_review(user):
        return {}
    return {"unread_notifications": notifications_unread_count(user)}
