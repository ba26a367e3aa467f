"""sitemap.xml: the public pages and every published claim (nothing else).

Every <loc> is built from settings.SITE_URL, like the claim pages' canonical links, never
from the host or scheme the request came in on.
"""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q, QuerySet
from django.urls import reverse

from articles.models import Outlet
from claims.models import Claim, Mention, Source


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


class SpeakerSitemap(SiteURLSitemap):
    """Speaker pages: named sources with a published claim (claims.source_profiles.
    source_is_public), never an anonymous one."""

    changefreq = "weekly"
    priority = 0.6
    limit = 5000

    def items(self) -> QuerySet[Source]:
        published = Claim.objects.published()
        spoken = Mention.objects.filter(review_state=Mention.ReviewState.ACCEPTED).filter(
            Q(claim__in=published) | Q(responds_to__in=published)
        )
        return (
            Source.objects.exclude(kind=Source.Kind.ANONYMOUS)
            .filter(
                Q(pk__in=published.values("claimant_id")) | Q(pk__in=spoken.values("source_id"))
            )
            .order_by("id")
        )


class OutletSitemap(SiteURLSitemap):
    """Outlet pages: outlets that carried a published claim (an accepted appearance)."""

    changefreq = "weekly"
    priority = 0.4
    limit = 5000

    def items(self) -> QuerySet[Outlet]:
        carried = Mention.objects.filter(
            review_state=Mention.ReviewState.ACCEPTED, claim__in=Claim.objects.published()
        )
        return Outlet.objects.filter(pk__in=carried.values("article__outlet_id")).order_by("id")

    def location(self, outlet: Outlet) -> str:
        return reverse("claims:outlet", args=[outlet.pk])


SITEMAPS = {
    "claims": ClaimSitemap,
    "pages": PublicPagesSitemap,
    "speakers": SpeakerSitemap,
    "outlets": OutletSitemap,
}
