"""Notifications: what reaches a newsroom member in the app and by e-mail (issue 12, part 7).

- a publication request (a first publication, or a change of a published claim) reaches
  every other editor;
- `@username` in a comment reaches that newsroom member;
- a task marked done reaches the editor who assigned it, unless they finished it themselves;
- an alert on a claim reaches every editor (issue 13);
- matches proposed for an article's statements reach the journalist who submitted it.

Every event also goes to the outgoing webhooks that want it (claims.webhooks): one delivery
per endpoint, whoever is notified in the app.

Each event makes Notification rows (the menu badge counts the unread ones) and sends e-mails
once the transaction commits; a mail server that refuses is logged, never breaks the action.

Language: accounts have no language preference, so subject and body are put into words when
the event happens, in the language of the request that caused it (the sender's: the
`django_language` cookie, else the browser's). Outside a request (a shell, a task) that is
settings.LANGUAGE_CODE. In-app notifications are worded when shown, in the reader's language.
"""

import logging
import re
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from articles.models import Article
from claims.models import Alert, Claim, Comment, Notification, PendingChange, Task
from claims.permissions import require
from claims.webhooks import webhook_deliveries_create, webhook_event_payload

logger = logging.getLogger(__name__)

# Django's usernames are letters, digits and @.+-_; a mention ends before other characters,
# and a sentence's full stop after it is not part of the name.
MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]+)")


def _with_permission(codename: str) -> QuerySet:
    """Active users holding claims.<codename> through a group or directly (superusers only
    by being given it: an admin account is not an editor)."""
    User = get_user_model()
    perm = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label="claims",
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label="claims",
    )
    return User.objects.filter(perm, is_active=True).distinct()


def _absolute(path: str) -> str:
    # As the public pages build theirs (claims.public.jsonld.absolute_url): from SITE_URL.
    return f"{settings.SITE_URL}{path}"


def _send(*, recipient: AbstractBaseUser, subject: str, template: str, context: dict) -> None:
    """E-mail one notification once the transaction commits; a failure is logged."""
    if not recipient.email:
        return
    body = render_to_string(template, {**context, "recipient": recipient})
    address = recipient.email

    def deliver() -> None:
        try:
            send_mail(f"[claimtrack] {subject}", body, None, [address], fail_silently=False)
        except Exception:
            logger.exception("Notification e-mail to user %s failed", recipient.pk)

    transaction.on_commit(deliver)


def _notify(
    *,
    recipients: Iterable[AbstractBaseUser],
    kind: str,
    actor: AbstractBaseUser | None,
    claim: Claim | None,
    subject: str,
    template: str,
    task: Task | None = None,
    text: str = "",
    context: dict | None = None,
    alert: Alert | None = None,
    article: Article | None = None,
    webhook_extra: dict | None = None,
) -> list[Notification]:
    """Notify `recipients` in the app and by e-mail, and send the event to the webhooks
    (once per event and endpoint, even when nobody is notified in the app)."""
    recipients = list(recipients)
    fields = {
        "kind": kind, "actor": actor, "claim": claim, "task": task, "text": text,
        "alert": alert, "article": article,
    }  # fmt: skip
    notifications = Notification.objects.bulk_create(
        [Notification(recipient=r, **fields) for r in recipients]
    )
    webhook_deliveries_create(
        kind=kind, payload=webhook_event_payload(**fields, extra=webhook_extra)
    )
    link = _absolute(Notification(**fields).get_absolute_url())
    for recipient in recipients:
        _send(
            recipient=recipient,
            subject=subject,
            template=template,
            context={
                "actor": actor,
                "claim": claim,
                "task": task,
                "article": article,
                "link": link,
                **(context or {}),
            },
        )
    return notifications


def notification_publication_requested(
    *, claim: Claim, by: AbstractBaseUser, change: PendingChange | None = None
) -> list[Notification]:
    """Tell every other editor that `by` asks for a second editor's approval: of a first
    publication, or (with `change`) of a change of a published claim."""
    editors = _with_permission("publish_claim").exclude(pk=by.pk)
    if change is None:
        return _notify(
            recipients=editors,
            kind=Notification.Kind.PUBLICATION_REQUESTED,
            actor=by,
            claim=claim,
            subject=gettext("Publication to approve: %(claim)s") % {"claim": claim.statement[:80]},
            template="claims/email/publication_requested.txt",
        )
    return _notify(
        recipients=editors,
        kind=Notification.Kind.CHANGE_REQUESTED,
        actor=by,
        claim=claim,
        subject=gettext("Change to approve: %(claim)s") % {"claim": claim.statement[:80]},
        template="claims/email/change_requested.txt",
        context={"change": change},
    )


def mentioned_usernames(body: str) -> set[str]:
    """The usernames written as @username in a text."""
    return {name.rstrip(".") for name in MENTION.findall(body) if name.rstrip(".")}


def notification_comment_mentions(*, comment: Comment) -> list[Notification]:
    """Tell each newsroom member named as @username in a comment (not its author)."""
    names = mentioned_usernames(comment.body)
    if not names:
        return []
    lookup = Q()
    for name in names:  # usernames are matched as people type them: case aside
        lookup |= Q(username__iexact=name)
    members = _with_permission("review_mention").filter(lookup).exclude(pk=comment.author_id)
    return _notify(
        recipients=members,
        kind=Notification.Kind.MENTIONED,
        actor=comment.author,
        claim=comment.claim,
        text=comment.body[:1000],
        subject=gettext("%(who)s mentioned you: %(claim)s")
        % {
            "who": comment.author.get_username() if comment.author else "?",
            "claim": comment.claim.statement[:80],
        },
        template="claims/email/mentioned.txt",
        context={"comment": comment},
    )


def notification_task_done(*, task: Task, by: AbstractBaseUser) -> list[Notification]:
    """Tell the editor who assigned a task that it is done, unless they finished it."""
    creator = task.created_by
    if creator is None or creator.pk == by.pk or not creator.is_active:
        return []
    return _notify(
        recipients=[creator],
        kind=Notification.Kind.TASK_DONE,
        actor=by,
        claim=task.claim,
        task=task,
        text=task.title,
        subject=gettext("Task done: %(task)s") % {"task": task.title},
        template="claims/email/task_done.txt",
    )


def notification_alert_raised(*, alert: Alert) -> list[Notification]:
    """Tell every editor that a claim has a new alert (a hedge dropped, a source changed)."""
    return _notify(
        recipients=_with_permission("publish_claim"),
        kind=Notification.Kind.ALERT,
        actor=None,
        claim=alert.claim,
        alert=alert,
        text=alert.detail[:1000],
        subject=gettext("%(what)s: %(claim)s")
        % {"what": alert.get_kind_display(), "claim": alert.claim.statement[:80]},
        template="claims/email/alert.txt",
        context={"alert": alert},
    )


def notification_matches_proposed(*, article: Article, matches: Sequence) -> list[Notification]:
    """Tell the journalist who submitted `article` that matches of its statements with
    claims and mentions elsewhere wait for review (issue 13, part 1). Nobody else is told
    in the app (every article would reach everyone); the webhooks always get the event.

    `matches` are the proposed matches (only their number is used here).
    """
    if not matches:
        return []
    # Someone who left the newsroom (inactive, or no longer a journalist) is not told.
    recipients = _with_permission("review_mention").filter(pk=article.submitted_by_id)
    count = len(matches)
    title = article.title or article.url or f"#{article.pk}"
    return _notify(
        recipients=recipients,
        kind=Notification.Kind.MATCHES_PROPOSED,
        actor=None,
        claim=None,
        article=article,
        subject=ngettext(
            "%(count)d match to review: %(article)s",
            "%(count)d matches to review: %(article)s",
            count,
        )
        % {"count": count, "article": title[:80]},
        template="claims/email/matches_proposed.txt",
        context={"count": count, "title": title},
        webhook_extra={"matches": count},
    )


def notification_mark_read(*, notification: Notification, by: AbstractBaseUser) -> Notification:
    """The recipient marks a notification read; nobody else can."""
    require(notification.recipient_id == by.pk, gettext("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, by: AbstractBaseUser) -> int:
    """Mark all of one's unread notifications read; how many were."""
    return Notification.objects.filter(recipient=by, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# The notifications page's filter: the kinds each choice shows ("other": none of these).
NOTIFICATION_FILTERS = {
    "alerts": [Notification.Kind.ALERT],
    "matches": [Notification.Kind.MATCHES_PROPOSED],
    "publication": [Notification.Kind.PUBLICATION_REQUESTED, Notification.Kind.CHANGE_REQUESTED],
}


def notifications_of(user: AbstractBaseUser, kind: str | None = None) -> QuerySet[Notification]:
    """Someone's notifications, newest first (the notifications page); `kind` narrows them
    to a key of NOTIFICATION_FILTERS or "other"."""
    found = Notification.objects.filter(recipient=user).select_related(
        "actor", "claim", "alert", "article"
    )
    if kind in NOTIFICATION_FILTERS:
        found = found.filter(kind__in=NOTIFICATION_FILTERS[kind])
    elif kind == "other":
        found = found.exclude(kind__in=[k for ks in NOTIFICATION_FILTERS.values() for k in ks])
    return found


def notifications_unread_count(user: AbstractBaseUser) -> int:
    """The menu badge: one query on the partial index notification_unread_idx."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_annotation_assigned(*, round, by: AbstractBaseUser) -> list[Notification]:
    """Tell both annotators of a new annotation round that articles wait for them (issue 14,
    part 5). Internal to the newsroom: not sent to the webhooks."""
    recipients = [p for p in round.annotators if p.is_active and p.pk != by.pk]
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            kind=Notification.Kind.ANNOTATION_ASSIGNED,
            actor=by,
            text=round.name,
        )
        for person in recipients
    )
    link = _absolute(reverse("review:annotate-list"))
    count = round.articles.count()
    for person in recipients:
        _send(
            recipient=person,
            subject=gettext("Articles to annotate: %(round)s") % {"round": round.name[:80]},
            template="claims/email/annotation_assigned.txt",
            context={"actor": by, "round": round, "count": count, "link": link},
        )
    return notifications
