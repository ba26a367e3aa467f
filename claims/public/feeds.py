"""Atom feed of new and changed verdicts (`/claims/feed/`): published claims only.

Its addresses are built from settings.SITE_URL, like the claim pages' canonical links and
ClaimReview `url`, never from the host the request came in on; the entries' author is the
organisation that publishes the fact checks, not the claimant.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.models import Claim, Correction
from claims.public.jsonld import absolute_url
from claimtrack.text import xml_safe_data

# The documented default of CLAIMTRACK_ORGANISATION_NAME, should it be set empty: an Atom
# author must have a name.
_DEFAULT_ORGANISATION_NAME = "claimtrack"


def _organisation_name() -> str:
    return settings.CLAIMTRACK_ORGANISATION_NAME.strip() or _DEFAULT_ORGANISATION_NAME


def _organisation_url() -> str | None:
    return settings.CLAIMTRACK_ORGANISATION_URL.strip() or None


class XMLSafeAtom1Feed(Atom1Feed):
    """Atom, with the characters XML 1.0 forbids dropped from every text: one control
    character in one conclusion would otherwise make the feed fail for every reader."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*xml_safe_data(list(args)), **xml_safe_data(kwargs))

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*xml_safe_data(list(args)), **xml_safe_data(kwargs))


class VerdictsFeed(Feed):
    """The latest published verdicts; a claim corrected after publication comes back to the
    top, with its correction as the entry's summary."""

    feed_type = XMLSafeAtom1Feed
    title = gettext_lazy("claimtrack: new and changed verdicts")
    subtitle = gettext_lazy(
        "Fact checks of claims in the news, as they are published or corrected."
    )
    limit = 50

    # Absolute addresses: Feed.get_feed() only prefixes the request's host to the ones that
    # do not start with http:// or https://.
    def link(self) -> str:
        return absolute_url(reverse("claims:list"))

    def feed_url(self) -> str:
        return absolute_url(reverse("claims:feed"))

    def author_name(self) -> str:
        return _organisation_name()

    def author_link(self) -> str | None:
        return _organisation_url()

    def items(self) -> QuerySet[Claim]:
        return (
            Claim.objects.published()
            .with_last_public_change()
            .select_related("verdict")
            .prefetch_related(
                Prefetch("corrections", queryset=Correction.objects.select_related("verdict"))
            )
            .order_by("-last_public_change", "-id")[: self.limit]
        )

    def item_title(self, claim: Claim) -> str:
        return f"{claim.verdict.display_label}: {claim.statement}"

    def item_description(self, claim: Claim) -> str:
        """The summary, as HTML (Atom type="html"): the latest public note, if any, then the
        conclusion; the editors' text is escaped."""
        corrections = list(claim.corrections.all())  # prefetched, oldest first
        conclusion = linebreaks(claim.conclusion, autoescape=True)
        if not corrections:
            return conclusion
        latest = corrections[-1]
        if latest.kind == Correction.Kind.CORRECTION:
            note = _("Correction: %(text)s") % {"text": latest.public_text}
        else:
            note = latest.public_text
        return format_html("<p><strong>{}</strong></p>{}", note, mark_safe(conclusion))

    def item_link(self, claim: Claim) -> str:
        return absolute_url(claim.get_absolute_url())  # also the entry's id

    def item_author_name(self, claim: Claim) -> str:
        return _organisation_name()

    def item_author_link(self, claim: Claim) -> str | None:
        return _organisation_url()

    def item_pubdate(self, claim: Claim) -> datetime.datetime:
        return claim.published_at

    def item_updateddate(self, claim: Claim) -> datetime.datetime:
        return claim.last_public_change
