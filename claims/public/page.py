"""What a reader sees of a published claim, gathered in a bounded number of queries.

Readers see accepted mentions only (never unreviewed or rejected ones), approved evidence
only, and the public correction log; comments, tasks and the audit history stay internal.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Max, Min, Prefetch
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from claims.models import Claim, ClaimQuerySet, Correction, Evidence, Mention, Rating
from claims.relay import RelayGraph, relay_graph
from claims.responses import response_sentence
from claims.source_names import name_key

# The sourcing assessment in readers' words, kept apart from the verdict.
SOURCING_LABELS = {
    Claim.Sourcing.UNASSESSED: _("Not assessed yet"),
    Claim.Sourcing.NAMED: _("Named, on the record"),
    Claim.Sourcing.ANONYMOUS: _("Anonymous"),
    Claim.Sourcing.DOCUMENTARY: _("Documentary"),
    Claim.Sourcing.RELAYED: _("Relayed and unverified"),
    Claim.Sourcing.UNSOURCED: _("Unsourced"),
}
SOURCING_HELP = {
    Claim.Sourcing.UNASSESSED: _("We have not yet assessed how this claim is sourced."),
    Claim.Sourcing.NAMED: _("The claim is made on the record by a named person or body."),
    Claim.Sourcing.ANONYMOUS: _("The claim rests on sources who are not named."),
    Claim.Sourcing.DOCUMENTARY: _("The claim rests on documents that can be consulted."),
    Claim.Sourcing.RELAYED: _(
        "The claim reached the articles through other outlets and was not verified by them."
    ),
    Claim.Sourcing.UNSOURCED: _("No source is given for the claim."),
}
EVIDENCE_RELATION_LABELS = {
    Evidence.Relation.SUPPORTS: _("Supports the claim"),
    Evidence.Relation.REFUTES: _("Refutes the claim"),
    Evidence.Relation.CONTEXT: _("Gives context"),
}
EVIDENCE_KIND_LABELS = {
    Evidence.Kind.PRIMARY_DOCUMENT: _("Primary document"),
    Evidence.Kind.OFFICIAL_STATEMENT: _("Official statement"),
    Evidence.Kind.EXPERT: _("Expert"),
    Evidence.Kind.MEDIA_REPORT: _("Media report"),
    Evidence.Kind.DATASET: _("Dataset"),
}


@dataclass
class Appearance:
    """One accepted mention of the claim, in the order the claim spread."""

    mention: Mention
    appeared_at: datetime.datetime
    is_first: bool = False

    @property
    def article(self):
        return self.mention.article

    @property
    def link(self) -> str:
        return self.article.canonical_url or self.article.url

    @property
    def outlet_name(self) -> str:
        return self.article.outlet.name if self.article.outlet_id else ""


@dataclass
class Response:
    """An accepted response to the claim: a denial, a refusal to comment, a failed check."""

    mention: Mention
    sentence: str

    @property
    def link(self) -> str:
        article = self.mention.article
        return article.canonical_url or article.url

    @property
    def outlet_name(self) -> str:
        article = self.mention.article
        return article.outlet.name if article.outlet_id else ""


@dataclass
class Chain:
    """One attribution path: original speaker → relaying outlets → the article's outlet."""

    links: list[str]
    count: int = 0
    outlets: list[str] = field(default_factory=list)


@dataclass
class RatingScale:
    best: int | None
    worst: int | None

    def value_of(self, rating: Rating | None) -> int | None:
        """The published numeric mapping: the rating's score; None off the true-to-false
        scale (such as Unverifiable), whose verdicts ClaimReview gives by name only, since a
        ratingValue must lie between worstRating and bestRating."""
        if rating is None or rating.score is None:
            return None
        return rating.score


def rating_scale() -> RatingScale:
    bounds = Rating.objects.aggregate(best=Max("score"), worst=Min("score"))
    return RatingScale(best=bounds["best"], worst=bounds["worst"])


@dataclass
class ClaimPage:
    claim: Claim
    appearances: list[Appearance]
    responses: list[Response]
    chains: list[Chain]
    evidence: list[Evidence]
    corrections: list[Correction]
    scale: RatingScale
    relay: RelayGraph | None = None

    @property
    def first_appearance(self) -> Appearance | None:
        return self.appearances[0] if self.appearances else None

    @property
    def last_public_change(self) -> datetime.datetime:
        """The latest correction, else the publication: what readers see as "updated"."""
        return max([self.claim.published_at, *(c.created_at for c in self.corrections)])

    @property
    def sourcing_label(self) -> str:
        return SOURCING_LABELS.get(self.claim.sourcing, self.claim.get_sourcing_display())

    @property
    def sourcing_help(self) -> str:
        return SOURCING_HELP.get(self.claim.sourcing, "")

    @property
    def rating_value(self) -> int | None:
        return self.scale.value_of(self.claim.verdict)


def _responses_in_order(mentions):
    """A claim's accepted responses, in the order of their articles' dates."""
    return (
        mentions.public()
        .select_related("article__outlet")
        .defer("article__text")
        .order_by(Coalesce("article__published_at", "article__created_at"), "start", "id")
    )


def _page_assemble(
    claim: Claim,
    mentions: list[Mention],
    responses: list[Mention],
    evidence: list[Evidence],
    corrections: list[Correction],
    scale: RatingScale,
    drawn: bool = True,
) -> ClaimPage:
    """A claim page from its parts, read already (accepted appearances in time order,
    accepted responses, approved evidence, the correction log): no query. Not `drawn`: without
    the attribution chains and the relay graph, which only the page draws."""
    appearances = [Appearance(mention=m, appeared_at=m.appeared_at) for m in mentions]
    if appearances:
        appearances[0].is_first = True
    chains: dict[tuple[str, ...], Chain] = {}
    for appearance in appearances if drawn else []:
        links = appearance.mention.relay_chain
        if not appearance.mention.speaker:
            links[0] = str(_("an unidentified speaker"))
        # Grouped by normalised names: "The Gazette" and "Gazette" are one chain.
        chain = chains.setdefault(tuple(map(name_key, links)), Chain(links=links))
        chain.count += 1
        if appearance.outlet_name and appearance.outlet_name not in chain.outlets:
            chain.outlets.append(appearance.outlet_name)
    for item in evidence:
        item.relation_label = EVIDENCE_RELATION_LABELS.get(item.relation, item.relation)
        item.kind_label = EVIDENCE_KIND_LABELS.get(item.kind, item.kind)
    return ClaimPage(
        claim=claim,
        appearances=appearances,
        responses=[Response(mention=m, sentence=response_sentence(m)) for m in responses],
        chains=list(chains.values()),
        evidence=evidence,
        corrections=corrections,
        scale=scale,
        # The same appearances, joined across articles: no further query.
        relay=relay_graph(claim, [a.mention for a in appearances]) if drawn else None,
    )


def claim_page_build(claim: Claim) -> ClaimPage:
    """Everything a claim page shows, in five queries after the claim itself."""
    return _page_assemble(
        claim,
        mentions=list(claim.mentions.public().in_time_order()),
        responses=list(_responses_in_order(claim.responses)),
        evidence=list(claim.evidence.approved()),
        corrections=list(claim.corrections.select_related("verdict")),
        scale=rating_scale(),
    )


def claims_with_pages(claims: ClaimQuerySet) -> ClaimQuerySet:
    """Published claims with what their pages show prefetched, for claim_pages_build: four
    queries for any number of claims (the public API, the DataFeed)."""
    return claims.select_related("claimant", "verdict").prefetch_related(
        Prefetch(
            "mentions",
            # The words the matching indexes are never shown, and long.
            queryset=Mention.objects.public().in_time_order().defer("match_signature"),
            to_attr="page_mentions",
        ),
        Prefetch(
            "responses",
            queryset=_responses_in_order(Mention.objects.defer("match_signature")),
            to_attr="page_responses",
        ),
        Prefetch("evidence", queryset=Evidence.objects.approved(), to_attr="page_evidence"),
        Prefetch(
            "corrections",
            queryset=Correction.objects.select_related("verdict"),
            to_attr="page_corrections",
        ),
    )


def claim_pages_build(claims: Iterable[Claim], scale: RatingScale | None = None) -> list[ClaimPage]:
    """The pages of claims read through claims_with_pages, as claim_page_build makes them
    one by one but for what only the page draws (the attribution chains and the relay
    graph): no query but the rating scale's, when not given."""
    scale = scale or rating_scale()
    return [
        _page_assemble(
            claim,
            mentions=claim.page_mentions,
            responses=claim.page_responses,
            evidence=claim.page_evidence,
            corrections=claim.page_corrections,
            scale=scale,
            drawn=False,
        )
        for claim in claims
    ]
