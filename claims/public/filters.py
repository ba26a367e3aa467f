"""Search and filters of the public list of fact checks (`/claims/`)."""

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.models import Language, Outlet
from claims.models import Claim, ClaimQuerySet, Mention, Rating, Source

# Claims are written in French or English and readers search in either: a statement is
# matched with both configurations, so "grues" finds "grue" and "cranes" finds "crane".
SEARCH_CONFIGS = ("french", "english")


def claims_search(claims: ClaimQuerySet, query: str) -> ClaimQuerySet:
    """Claims matching a reader's words, best first.

    PostgreSQL full-text search over the statement, conclusion and claimant with the French
    and English configurations; on other databases (SQLite under `make run`), every word
    must appear in one of those fields.
    """
    query = " ".join(query.split())[:200]
    if not query:
        return claims
    if connection.vendor == "postgresql":
        vector = None
        search = None
        for config in SEARCH_CONFIGS:
            part = (
                SearchVector("statement", config=config, weight="A")
                + SearchVector("claimant__name", config=config, weight="B")
                + SearchVector("conclusion", config=config, weight="C")
            )
            words = SearchQuery(query, config=config, search_type="websearch")
            vector = part if vector is None else vector + part
            search = words if search is None else search | words
        return (
            claims.annotate(search_document=vector, search_rank=SearchRank(vector, search))
            .filter(search_document=search)
            .order_by("-search_rank", "-published_at", "-id")
        )
    for word in query.split():
        claims = claims.filter(
            Q(statement__icontains=word)
            | Q(conclusion__icontains=word)
            | Q(claimant__name__icontains=word)
        )
    return claims


class ClaimFilterForm(forms.Form):
    """What a reader may narrow the list by; every field is optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    verdict = forms.ModelChoiceField(
        label=_("Verdict"),
        queryset=Rating.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any verdict"),
    )
    claimant = forms.ModelChoiceField(
        label=_("Claimant"),
        queryset=Source.objects.none(),
        required=False,
        empty_label=_("Anyone"),
    )
    outlet = forms.ModelChoiceField(
        label=_("Outlet"),
        queryset=Outlet.objects.none(),
        required=False,
        empty_label=_("Any outlet"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *Language.choices],
        required=False,
    )
    since = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        published = Claim.objects.published()
        # Only claimants and outlets readers can find: nothing from unpublished claims or
        # unreviewed mentions.
        self.fields["claimant"].queryset = Source.objects.filter(
            Exists(published.filter(claimant=OuterRef("pk")))
        )
        self.fields["outlet"].queryset = Outlet.objects.filter(
            Exists(
                Mention.objects.public().filter(article__outlet=OuterRef("pk"), claim__in=published)
            )
        )

    def filter(self, claims: ClaimQuerySet) -> ClaimQuerySet:
        """Apply the valid filters (invalid ones are ignored, and shown as errors)."""
        data = self.cleaned_data if self.is_valid() else {}
        for name in self.errors:  # screen readers announce the error with its field
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-error"
        if data.get("verdict"):
            claims = claims.filter(verdict=data["verdict"])
        if data.get("claimant"):
            claims = claims.filter(claimant=data["claimant"])
        if data.get("outlet"):
            claims = claims.filter(
                Exists(
                    Mention.objects.public().filter(
                        claim=OuterRef("pk"), article__outlet=data["outlet"]
                    )
                )
            )
        if data.get("language"):
            claims = claims.filter(language=data["language"])
        if data.get("since"):
            claims = claims.filter(published_at__date__gte=data["since"])
        if data.get("until"):
            claims = claims.filter(published_at__date__lte=data["until"])
        return claims_search(claims, data.get("q", ""))
