"""sitemap.xml: the public pages and every published claim (nothing else)."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from claims.models import Claim


class ClaimSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self) -> QuerySet[Claim]:
        return Claim.objects.published().with_last_public_change().order_by("-published_at", "id")

    def lastmod(self, claim: Claim) -> datetime.datetime:
        return claim.last_public_change


class PublicPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "claims:list", "claims:methodology", "claims:rating-scale"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"claims": ClaimSitemap, "pages": PublicPagesSitemap}
