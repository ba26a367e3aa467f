"""sitemap.xml: the public pages and every published claim (nothing else).

Every <loc> is built from settings.SITE_URL, like the claim pages' canonical links, never
from the host or scheme the request came in on.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from claims.models import Claim


class SiteURLSitemap(Sitemap):
    """Locations are f"{protocol}://{domain}{path}": the scheme of SITE_URL, and the rest of
    it (host, port and any path prefix) as the domain, so that each one is
    claims.public.jsonld.absolute_url(path)."""

    def get_protocol(self, protocol: str | None = None) -> str:
        return settings.SITE_URL.partition("://")[0]

    def get_domain(self, site=None) -> str:
        return settings.SITE_URL.partition("://")[2]


class ClaimSitemap(SiteURLSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self) -> QuerySet[Claim]:
        return Claim.objects.published().with_last_public_change().order_by("-published_at", "id")

    def lastmod(self, claim: Claim) -> datetime.datetime:
        return claim.last_public_change


class PublicPagesSitemap(SiteURLSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["home", "claims:list", "claims:methodology", "claims:rating-scale"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"claims": ClaimSitemap, "pages": PublicPagesSitemap}
