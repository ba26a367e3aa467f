"""The busy desk: the review queue's filters and bulk decisions on many mentions at once.

Filters are a GET form (they stay in the URL, so pagination and bookmarks keep them); the
queue selector (claims.selectors.queue_articles) turns them into one EXISTS on the
article's pending mentions. Bulk decisions call the per-mention services in one
transaction: either every selected mention is decided, or none is.
"""

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from articles.models import Language, Outlet
from claims import decisions, services
from claims.models import Mention
from claims.permissions import can_review, require

PENDING = [Mention.ReviewState.UNREVIEWED, Mention.ReviewState.CORRECTED]

ORDERS = [
    ("newest", gettext_lazy("Newest first")),
    ("oldest", gettext_lazy("Oldest first")),
    ("doubtful", gettext_lazy("Least confident first")),
]


class QueueFilterForm(forms.Form):
    """What the review queue shows: every field optional, an empty form is the whole queue."""

    q = forms.CharField(
        label=gettext_lazy("Search"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Article title, statement text or speaker."),
    )
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Outlet"),
        queryset=Outlet.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("Any outlet"),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[("", gettext_lazy("Any language")), *Language.choices],
        required=False,
    )
    stance = forms.ChoiceField(
        label=gettext_lazy("Stance"),
        choices=[("", gettext_lazy("Any stance")), *Mention.Stance.choices],
        required=False,
    )
    speaker = forms.CharField(label=gettext_lazy("Speaker"), required=False, max_length=200)
    confidence_below = forms.FloatField(
        label=gettext_lazy("Confidence below"),
        required=False,
        min_value=0,
        max_value=1,
        help_text=gettext_lazy("0.5 shows only doubtful statements."),
    )
    has_suggestions = forms.BooleanField(
        label=gettext_lazy("Looks like an existing claim"), required=False
    )
    # "confidence" is the address editors share (/review/?order=confidence): the same
    # order as "doubtful", the value the order menu sends.
    order = forms.ChoiceField(
        label=gettext_lazy("Order"),
        choices=[*ORDERS, ("confidence", gettext_lazy("Least confident first"))],
        required=False,
    )

    def filters(self) -> dict:
        """The cleaned filters (empty ones dropped), or no filter when the form is invalid."""
        if not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        data.pop("order", None)
        if data.get("outlet") is not None:
            data["outlet"] = data["outlet"].pk
        return {k: v for k, v in data.items() if v not in ("", None, False)}

    def chosen_order(self) -> str:
        if self.is_valid() and self.cleaned_data.get("order"):
            order = self.cleaned_data["order"]
            return "doubtful" if order == "confidence" else order
        return "newest"


class BulkForm(forms.Form):
    """Selected mentions of one article and what to do with them."""

    ACCEPT = "accept"
    REJECT = "reject"
    RESTORE = "restore"

    action = forms.ChoiceField(
        choices=[
            (ACCEPT, gettext_lazy("Accept, each as a new claim")),
            (REJECT, gettext_lazy("Reject")),
            (RESTORE, gettext_lazy("Undo the rejection")),
        ]
    )
    mentions = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    reason = forms.ChoiceField(
        choices=[("", "—"), *Mention.RejectionReason.choices], required=False
    )
    note = forms.CharField(required=False, max_length=500)

    def __init__(self, *args, article_mentions: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentions"].choices = [(pk, pk) for pk in article_mentions]
        self.fields["mentions"].error_messages["required"] = gettext(
            "Select at least one statement."
        )


def mentions_bulk_review(
    *,
    mentions: list[Mention],
    by: AbstractBaseUser,
    action: str,
    reason: str = "",
    note: str = "",
) -> list[Mention]:
    """Accept, reject or restore many mentions in one transaction, each through its service.

    Bulk accept makes each mention its own new claim (its statement is its text): linking to
    a top suggestion unseen would merge different statements into one claim, which is worse
    for a fact-checker than a duplicate claim that can be merged later. Responses (denials,
    refusals to comment) are skipped by bulk accept: each is attached to the claim it answers
    from its card. Mentions already decided are skipped for accept/reject (a stale selection
    must not reopen them).
    """
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    done = []
    with transaction.atomic(), decisions.decisions_batched():
        for mention in mentions:
            if action == BulkForm.RESTORE:
                if mention.review_state == Mention.ReviewState.REJECTED:
                    done.append(services.mention_restore(mention=mention, by=by))
                continue
            if mention.review_state not in PENDING:
                continue
            if action == BulkForm.ACCEPT:
                if mention.is_response:  # a denial answers a claim: attached one by one
                    continue
                services.claim_create_from_mention(
                    mention=mention, statement=mention.content, by=by
                )
                done.append(mention)
            elif action == BulkForm.REJECT:
                done.append(
                    services.mention_reject(mention=mention, by=by, reason=reason, note=note)
                )
    return done
