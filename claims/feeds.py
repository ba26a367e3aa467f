"""Atom feed of new and changed verdicts (`/claims/feed/`): published claims only."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.models import Claim


class VerdictsFeed(Feed):
    """The latest published verdicts; a claim corrected after publication comes back to the
    top, with its correction as the entry's summary."""

    feed_type = Atom1Feed
    title = gettext_lazy("claimtrack: new and changed verdicts")
    subtitle = gettext_lazy(
        "Fact checks of claims in the news, as they are published or corrected."
    )
    limit = 50

    def link(self) -> str:
        return reverse("claims:list")

    def items(self) -> QuerySet[Claim]:
        return (
            Claim.objects.published()
            .with_last_public_change()
            .select_related("claimant", "verdict")
            .prefetch_related("corrections")
            .order_by("-last_public_change", "-id")[: self.limit]
        )

    def item_title(self, claim: Claim) -> str:
        return f"{claim.verdict.display_label}: {claim.statement}"

    def item_description(self, claim: Claim) -> str:
        corrections = list(claim.corrections.all())  # prefetched, oldest first
        if not corrections:
            return claim.conclusion
        correction = _("Correction: %(text)s") % {"text": corrections[-1].text}
        return f"{correction}\n\n{claim.conclusion}"

    def item_author_name(self, claim: Claim) -> str:
        return str(claim.claimant) if claim.claimant_id else ""

    def item_pubdate(self, claim: Claim) -> datetime.datetime:
        return claim.published_at

    def item_updateddate(self, claim: Claim) -> datetime.datetime:
        return claim.last_public_change
