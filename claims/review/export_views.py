"""The newsroom's Exports page (`/review/exports/`): claims, mentions, sources and reviews
as CSV or JSON, streamed (claims.exports). Journalists and editors only: exports hold
unpublished claims and unreviewed mentions."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from claims import exports
from claims.review.views import reviewer_required


class ExportDatesForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The first day comes after the last one."))
        return data


@require_GET
@reviewer_required
def export_list(request: HttpRequest) -> HttpResponse:
    """One link per kind and format, carrying the chosen dates."""
    form = ExportDatesForm(request.GET or None)
    query = ""
    if form.is_bound and form.is_valid():
        dates = {k: v.isoformat() for k, v in form.cleaned_data.items() if v}
        query = "?" + "&".join(f"{k}={v}" for k, v in dates.items()) if dates else ""
    return render(
        request,
        "claims/review/exports.html",
        {
            "form": form,
            "kinds": exports.KINDS.values(),
            "formats": exports.FORMATS,
            "query": query,
        },
    )


@require_GET
@reviewer_required
@gzip_page  # a browser takes the download compressed: a fraction of the size over the network
def export_download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    try:
        export = exports.export_kind(kind)
        fmt = exports.export_format(fmt)
    except exports.ExportError as error:
        raise Http404(str(error)) from None
    form = ExportDatesForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "claims/review/exports.html",
            {"form": form, "kinds": exports.KINDS.values(), "formats": exports.FORMATS},
            status=400,
        )
    return exports.export_response(
        export, fmt, since=form.cleaned_data["since"], until=form.cleaned_data["until"]
    )
