"""Forms of the newsroom's source pages (claims.review.source_views)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.models import Source


def _claimant_note() -> forms.CharField:
    return forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Correction note (public)"),
        help_text=_("Needed when published claims name this source as their claimant."),
    )


class RenameForm(forms.Form):
    name = forms.CharField(label=_("Canonical name"), max_length=300)
    correction = _claimant_note()


class KindForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Source.Kind.choices)
    correction = _claimant_note()


class AliasForm(forms.Form):
    alias = forms.CharField(
        label=_("New alias"),
        max_length=300,
        help_text=_("Another way articles write this source, such as “WSJ”."),
    )


class MergeSourceForm(forms.Form):
    into = forms.CharField(
        label=_("Merge into"),
        max_length=300,
        help_text=_(
            "The number (as no. 12) or the exact name of the source to keep: this one's "
            "mentions, claims and aliases move there and its name becomes an alias."
        ),
    )
    correction = _claimant_note()


class SplitForm(forms.Form):
    """The mentions to move are the checked boxes named `mentions` (read by the view)."""

    name = forms.CharField(label=_("Name of the other speaker"), max_length=300)
    kind = forms.ChoiceField(label=_("Type"), choices=Source.Kind.choices)
    correction = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Correction note (public)"),
        help_text=_("Needed when a published claim gets another claimant."),
    )
