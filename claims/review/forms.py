from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import Language, Outlet
from claims.models import Claim, Evidence, Mention, Rating, Source


class AcceptMentionForm(forms.Form):
    statement = forms.CharField(
        required=False,
        max_length=1000,
        help_text=gettext_lazy("The claim in one sentence, for a new claim."),
    )
    claim = forms.IntegerField(required=False, widget=forms.HiddenInput)
    correction = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("claim") and not (data.get("statement") or "").strip():
            raise forms.ValidationError(
                gettext_lazy("Write the claim's statement, or pick an existing claim.")
            )
        return data


class CorrectMentionForm(forms.Form):
    """A mention's span is chosen by selecting words in the article (static/js/select.js
    fills the hidden offsets); without JavaScript, by typing the exact words."""

    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    words = forms.CharField(
        required=False,
        max_length=20000,
        label=gettext_lazy("The exact words"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Select the words in the article text, or type them exactly as written."
        ),
    )
    speaker = forms.CharField(max_length=300, required=False, label=gettext_lazy("Speaker"))
    speaker_type = forms.ChoiceField(
        choices=[("", gettext_lazy("Not known"))] + list(Source.Kind.choices),
        required=False,
        label=gettext_lazy("Speaker type"),
    )
    cue = forms.CharField(max_length=200, required=False, label=gettext_lazy("Cue"))
    quote_type = forms.ChoiceField(
        choices=Mention.QuoteType.choices, label=gettext_lazy("Quote type")
    )
    stance = forms.ChoiceField(choices=Mention.Stance.choices, label=gettext_lazy("Stance"))
    via = forms.CharField(
        required=False,
        max_length=5000,
        label=gettext_lazy("Relayed by"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The outlets that relayed the statement, one per line, in order."),
    )
    correction = forms.CharField(
        required=False,
        help_text=gettext_lazy(
            "An appearance of a published claim: what changed, for the public log."
        ),
    )


class AddMentionForm(CorrectMentionForm):
    """A statement the extractor missed: the same selection, and who said it how."""

    correction = None  # a new statement is never on a published claim yet


class ClaimCreateForm(forms.Form):
    statement = forms.CharField(
        max_length=1000,
        label=gettext_lazy("Statement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("The claim in one sentence."),
    )
    claimant = forms.CharField(max_length=300, required=False, label=gettext_lazy("Claimant"))
    language = forms.ChoiceField(
        choices=[("", gettext_lazy("Not known"))] + list(Claim._meta.get_field("language").choices),
        required=False,
        label=gettext_lazy("Language"),
    )


class ClaimEditForm(forms.Form):
    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, label=_("Normalised statement")
    )
    claimant = forms.CharField(max_length=300, required=False, label=_("Claimant"))
    sourcing = forms.ChoiceField(
        choices=Claim.Sourcing.choices, required=False, label=_("Sourcing assessment")
    )
    correction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Published claims only: what changed, for the public correction log."),
    )


class VerdictForm(forms.Form):
    verdict = forms.ModelChoiceField(
        queryset=Rating.objects.all(), required=False, label=_("Rating")
    )
    conclusion = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("Written conclusion")
    )
    correction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Published claims only: what changed, for the public correction log."),
    )


class EvidenceForm(forms.ModelForm):
    prefix = "evidence"
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https", label=_("Link"))
    correction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=_("Correction note (public)"),
        help_text=_("Published claims only: an editor's evidence is public at once."),
    )

    class Meta:
        model = Evidence
        fields = ["title", "url", "kind", "relation", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        # The model's field names would give the same English labels, untranslated.
        labels = {
            "title": _("Title"),
            "kind": _("Kind"),
            "relation": _("Relation"),
            "note": _("Note"),
        }


class CommentForm(forms.Form):
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label=pgettext_lazy("noun", "Comment")
    )


def reviewers():
    """People who can be given a task: journalists and editors."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__permissions__codename="review_mention") | Q(is_superuser=True),
            is_active=True,
        )
        .distinct()
        .order_by("username")
    )


class TaskForm(forms.Form):
    prefix = "task"
    title = forms.CharField(max_length=200, label=_("Title"))
    assignee = forms.ModelChoiceField(queryset=reviewers(), label=_("Assignee"))
    due_date = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Due date")
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Notes")
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Merge into claim number"), min_value=1)
    correction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=_("Correction note (public)"),
        help_text=_("If the other claim is published: what readers will see change."),
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label=_("Why unpublish (public)")
    )


class AnnotationRoundForm(forms.Form):
    """A new annotation round (issue 14, part 5): two annotators and a sample of articles."""

    name = forms.CharField(max_length=200, label=_("Name of the round"))
    annotator_a = forms.ModelChoiceField(queryset=reviewers(), label=_("First annotator"))
    annotator_b = forms.ModelChoiceField(queryset=reviewers(), label=_("Second annotator"))
    size = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("Number of articles"),
        help_text=_("Chosen at random among the ready articles that match the filters below."),
    )
    language = forms.ChoiceField(required=False, label=_("Language"))
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.order_by("name"), required=False, label=_("Outlet")
    )
    published_from = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Published from")
    )
    published_to = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Published until")
    )
    article_ids = forms.CharField(
        required=False,
        max_length=5000,
        label=_("Or these article numbers"),
        help_text=_("Separated by commas or spaces; instead of a random sample."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any"))] + list(Language.choices)

    def clean_article_ids(self) -> list[int]:
        raw = self.cleaned_data.get("article_ids") or ""
        parts = [p for p in raw.replace(",", " ").replace(";", " ").split() if p.strip("#")]
        ids = []
        for part in parts:
            number = part.lstrip("#")
            if not number.isdigit():
                raise forms.ValidationError(
                    _("“%(value)s” is not an article number.") % {"value": part[:40]}
                )
            ids.append(int(number))
        return ids

    def clean(self):
        data = super().clean()
        a, b = data.get("annotator_a"), data.get("annotator_b")
        if a and b and a == b:
            raise forms.ValidationError(
                _("Choose two different annotators: agreement compares two people's work.")
            )
        if not data.get("size") and not data.get("article_ids") and not self.errors:
            raise forms.ValidationError(
                _("Say how many articles to send, or pick article numbers.")
            )
        return data
