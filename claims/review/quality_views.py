"""The extractor's live precision and recall, from the newsroom's reviews (editors only)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from articles.models import Outlet
from claims.extractor_quality import extractor_quality
from claims.permissions import is_editor, require
from claims.review.views import reviewer_required


class QualityFilterForm(forms.Form):
    """Which reviewed articles the figures cover: by the article's date, and outlet."""

    since = forms.DateField(label=gettext_lazy("From"), required=False)
    until = forms.DateField(label=gettext_lazy("To"), required=False)
    outlet = forms.ModelChoiceField(
        label=gettext_lazy("Outlet"),
        queryset=Outlet.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("Any outlet"),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(gettext("The start date is after the end date."))
        return data

    def filters(self) -> dict:
        """The chosen filters; none when the form is invalid (its errors are shown)."""
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v is not None}


@require_GET
@reviewer_required
def extractor_quality_page(request: HttpRequest) -> HttpResponse:
    """How the extractor does on the articles the newsroom reviewed: precision, recall and
    F1, per outlet, language, extractor rule and construction (claims.extractor_quality)."""
    require(is_editor(request.user), gettext("The extractor's figures are for editors."))
    form = QualityFilterForm(request.GET or None)
    quality = extractor_quality(**form.filters())
    outlets = [(str(pk), name) for pk, name in Outlet.objects.values_list("pk", "name")]
    return render(
        request,
        "claims/review/quality.html",
        {"form": form, "quality": quality, "outlets": outlets},
    )
