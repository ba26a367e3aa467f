"""Who may do what in the editorial workflow. Views and services both ask here."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from claims.models import Claim, Task

User = AbstractBaseUser | AnonymousUser


def is_editor(user: User) -> bool:
    return user.is_authenticated and user.has_perm("claims.rule_claim")


def can_publish(user: User) -> bool:
    return user.is_authenticated and user.has_perm("claims.publish_claim")


def can_assign(user: User) -> bool:
    return user.is_authenticated and user.has_perm("claims.assign_task")


def can_review(user: User) -> bool:
    """Journalists and editors review extracted mentions and open claim workspaces."""
    return user.is_authenticated and user.has_perm("claims.review_mention")


def is_assigned(user: User, claim: Claim) -> bool:
    return (
        user.is_authenticated
        and Task.objects.open().filter(claim=claim, assignee_id=user.pk).exists()
    )


def is_own_draft(user: User, claim: Claim) -> bool:
    return (
        user.is_authenticated
        and claim.created_by_id == user.pk
        and claim.status != Claim.Status.PUBLISHED
    )


def can_edit_claim(user: User, claim: Claim) -> bool:
    """Editors edit any claim; journalists the claims they are assigned to (an open task)
    and the unpublished claims they created themselves."""
    if is_editor(user):
        return True
    return can_review(user) and (is_own_draft(user, claim) or is_assigned(user, claim))


NOT_ALLOWED = gettext_lazy("You are not allowed to do this.")


def require(allowed: bool, message: str | Promise = NOT_ALLOWED) -> None:
    """Refuse with `message` unless `allowed`. A lazy message (gettext_lazy) is put into
    words now, in the language of the request being answered."""
    if not allowed:
        raise PermissionDenied(str(message))


def refusal_text(error: ValidationError | PermissionDenied) -> str:
    """A refusal (from `require` or a service's ValidationError) in words for the page."""
    return " ".join(getattr(error, "messages", None) or [str(error)])
