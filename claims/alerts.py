"""Alerts on claims (issue 13): how a claim's reporting drifted, or its source changed.

`alert_raise` is the one way an alert is made: it refuses an identical open alert (same kind,
claim and appearances), and tells the editors (claims.notifications). Editors dismiss an alert
with a reason; it is never deleted.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from claims.models import Alert, Claim, Mention
from claims.permissions import can_publish, require


@transaction.atomic
def alert_raise(
    *,
    kind: str,
    claim: Claim,
    detail: str,
    earlier: Mention | None = None,
    later: Mention | None = None,
    article: Article | None = None,
    data: dict | None = None,
) -> Alert | None:
    """Raise an alert on `claim`, unless the same one is open already; the new alert or None."""
    same = Alert.objects.filter(
        kind=kind, claim=claim, earlier=earlier, later=later, state=Alert.State.OPEN
    )
    if article is not None and earlier is None and later is None:
        same = same.filter(article=article)
    if same.exists():
        return None
    alert = Alert.objects.create(
        kind=kind,
        claim=claim,
        earlier=earlier,
        later=later,
        article=article,
        detail=detail,
        data=data or {},
    )
    from claims.notifications import notification_alert_raised

    notification_alert_raised(alert=alert)
    return alert


def alert_dismiss(*, alert: Alert, by: AbstractBaseUser, reason: str) -> Alert:
    """An editor dismisses an open alert, saying why (kept with the alert)."""
    require(can_publish(by), gettext("Only an editor can dismiss an alert."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(gettext("Say why the alert is dismissed."))
    if alert.state != Alert.State.OPEN:
        raise ValidationError(gettext("This alert was dismissed already."))
    alert.state = Alert.State.DISMISSED
    alert.dismissed_by = by
    alert.dismissed_at = timezone.now()
    alert.dismiss_reason = reason[:2000]
    alert.save(update_fields=["state", "dismissed_by", "dismissed_at", "dismiss_reason"])
    return alert


def alerts_with_cards(alerts: QuerySet[Alert]) -> QuerySet[Alert]:
    """Alerts with what their cards show (the claim, both appearances, their articles and
    outlets) in one query, newest first."""
    return alerts.select_related(
        "claim",
        "dismissed_by",
        "earlier__article__outlet",
        "later__article__outlet",
        "article__outlet",
    ).defer("earlier__article__text", "later__article__text", "article__text")


def alerts_open() -> QuerySet[Alert]:
    """Open alerts, newest first, with what their cards show."""
    return alerts_with_cards(Alert.objects.filter(state=Alert.State.OPEN))
