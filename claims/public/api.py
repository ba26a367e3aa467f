"""Read API of the published fact checks, for aggregators and partner newsrooms (issue 14):
`GET /api/public/claims/` and `GET /api/public/claims/<slug>/`, without a token.

It shows what the claim pages show and nothing else: published claims only
(`Claim.objects.published()`), their accepted appearances and responses, approved evidence and
the public correction log, read through the same builder as the pages
(claims.public.page.claim_pages_build). A change of a published ruling waiting for a second
editor is not in the claim row until it is approved, so it is not here either.

Anonymous requests are throttled per address (CLAIMTRACK_PUBLIC_API_RATE).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from articles.models import Language
from claims.models import Claim, ClaimQuerySet, Correction, Rating, Source, SourceAlias
from claims.public.jsonld import absolute_url
from claims.public.page import (
    Appearance,
    ClaimPage,
    claim_pages_build,
    claims_with_pages,
    rating_scale,
)
from claims.source_names import name_key, split_title
from claimtrack.security import client_ip


class PublicAPIThrottle(AnonRateThrottle):
    """Anonymous readers of the public API: CLAIMTRACK_PUBLIC_API_RATE requests per address
    (the address as the log-in throttle reads it behind the proxy, claimtrack.security)."""

    scope = "public_api"

    def get_rate(self) -> str:
        return settings.CLAIMTRACK_PUBLIC_API_RATE  # read at each request: tests change it

    def get_ident(self, request: Request) -> str:
        return client_ip(request) or "unknown"


class PublicPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100


# --- What a claim page shows, as JSON ---------------------------------------------------------


class ClaimantSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField(help_text="person, organization, government, publication, …")


class VerdictSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="The rating's slug, as in ?verdict=.")
    label = serializers.CharField(help_text="In English.")
    label_fr = serializers.SerializerMethodField(help_text="In French.")
    rating_value = serializers.SerializerMethodField(
        help_text="Position on the true-to-false scale (higher is truer); null off the scale "
        "(as on the rating-scale page and in ClaimReview)."
    )
    best_rating = serializers.SerializerMethodField()
    worst_rating = serializers.SerializerMethodField()

    def get_label_fr(self, rating: Rating) -> str:
        return rating.label_fr or rating.label

    def _scale(self):
        return self.context["scale"]

    def get_rating_value(self, rating: Rating) -> int | None:
        return self._scale().value_of(rating)

    def get_best_rating(self, rating: Rating) -> int | None:
        return self._scale().best if rating.score is not None else None

    def get_worst_rating(self, rating: Rating) -> int | None:
        return self._scale().worst if rating.score is not None else None


class AppearanceSerializer(serializers.Serializer):
    """An accepted appearance of the claim in an article, as its page's timeline shows it."""

    appeared_at = serializers.DateTimeField(
        help_text="The article's publication date, else the day claimtrack recorded it."
    )
    is_first = serializers.BooleanField(help_text="The first appearance known.")
    outlet = serializers.CharField(source="outlet_name")
    title = serializers.SerializerMethodField()
    url = serializers.CharField(source="link")
    published_at = serializers.DateTimeField(source="article.published_at", allow_null=True)
    language = serializers.CharField(source="article.language")
    speaker = serializers.CharField(source="mention.speaker")
    cue = serializers.CharField(source="mention.cue")
    content = serializers.CharField(source="mention.content", help_text="The exact words.")
    via = serializers.ListField(
        source="mention.via", child=serializers.CharField(), help_text="Relaying outlets."
    )

    def get_title(self, appearance: Appearance) -> str:
        return str(appearance.article)


class ResponseSerializer(serializers.Serializer):
    """A denial, a refusal to comment or a failed verification of the claim."""

    stance = serializers.CharField(source="mention.stance")
    sentence = serializers.CharField(help_text="In the language of the request.")
    speaker = serializers.CharField(source="mention.speaker")
    content = serializers.CharField(source="mention.content")
    via = serializers.ListField(source="mention.via", child=serializers.CharField())
    outlet = serializers.CharField(source="outlet_name")
    title = serializers.SerializerMethodField()
    url = serializers.CharField(source="link")
    published_at = serializers.DateTimeField(source="mention.article.published_at", allow_null=True)

    def get_title(self, response) -> str:
        return str(response.mention.article)


class EvidenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.CharField()
    relation = serializers.CharField(help_text="supports, refutes or context.")
    note = serializers.CharField()


class CorrectionSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="correction, unpublished or republished.")
    text = serializers.CharField(source="public_text")
    changes = serializers.ListField(source="change_lines", child=serializers.CharField())
    created_at = serializers.DateTimeField()


class PublicClaimSerializer(serializers.Serializer):
    """A published fact check, as its page shows it."""

    slug = serializers.CharField(source="claim.slug")
    url = serializers.SerializerMethodField(help_text="The claim's public page.")
    statement = serializers.CharField(source="claim.statement")
    language = serializers.CharField(source="claim.language")
    claimant = serializers.SerializerMethodField()
    verdict = serializers.SerializerMethodField()
    conclusion = serializers.CharField(source="claim.conclusion")
    sourcing = serializers.CharField(source="claim.sourcing")
    sourcing_label = serializers.CharField(help_text="In the language of the request.")
    published_at = serializers.DateTimeField(source="claim.published_at")
    updated_at = serializers.DateTimeField(
        source="last_public_change", help_text="The latest correction, else the publication."
    )
    first_appeared_at = serializers.SerializerMethodField()
    appearances = AppearanceSerializer(many=True)
    responses = ResponseSerializer(many=True)
    evidence = EvidenceSerializer(many=True)
    corrections = CorrectionSerializer(many=True)

    def get_url(self, page: ClaimPage) -> str:
        return absolute_url(page.claim.get_absolute_url())

    @extend_schema_field(ClaimantSerializer(allow_null=True))
    def get_claimant(self, page: ClaimPage) -> dict | None:
        claimant = page.claim.claimant
        return ClaimantSerializer(claimant).data if claimant else None

    @extend_schema_field(VerdictSerializer)
    def get_verdict(self, page: ClaimPage) -> dict:
        return VerdictSerializer(page.claim.verdict, context={"scale": page.scale}).data

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_first_appeared_at(self, page: ClaimPage) -> str | None:
        first = page.first_appearance
        return serializers.DateTimeField().to_representation(first.appeared_at) if first else None


# --- Filters ----------------------------------------------------------------------------------


def _bad(field: str, message: str) -> serializers.ValidationError:
    return serializers.ValidationError({field: [message]})


def public_claims_filter(claims: ClaimQuerySet, params) -> ClaimQuerySet:
    """Narrow published claims by ?language=, ?verdict=, ?claimant=, ?since=; a value that
    means nothing is refused (400) with what it should be, never ignored."""
    if language := params.get("language", "").strip():
        if language not in Language.values:
            raise _bad(
                "language",
                gettext("Unknown language “%(value)s”: use one of %(choices)s.")
                % {"value": language, "choices": ", ".join(Language.values)},
            )
        claims = claims.filter(language=language)
    if verdict := params.get("verdict", "").strip():
        # A rating's slug, or its label in English or French ("Mostly false", "Plutôt faux").
        ratings = list(Rating.objects.values_list("slug", "label", "label_fr"))
        wanted = verdict.casefold()
        slug = next((r[0] for r in ratings if wanted in {(n or "").casefold() for n in r}), None)
        if slug is None:
            raise _bad(
                "verdict",
                gettext("Unknown verdict “%(value)s”: use one of %(choices)s.")
                % {"value": verdict, "choices": ", ".join(r[0] for r in ratings)},
            )
        claims = claims.filter(verdict__slug=slug)
    if claimant := params.get("claimant", "").strip():
        claims = claims.filter(_claimant_is(claimant))
    if since := params.get("since", "").strip():
        claims = claims.filter(_changed_since(since))
    return claims


def _claimant_is(value: str) -> Q:
    """The claimant by its id (claimant.id), or by name: the canonical name or an alias,
    written any way the newsroom's source records accept ("WSJ", "le Wall Street Journal";
    a person's title left out). An unknown name matches nothing; anonymous sources have no
    name to look up."""
    if value.isdigit():
        return Q(claimant_id=int(value))
    keys = {name_key(value), name_key(split_title(value)[1])} - {""}
    named = ~Q(claimant__kind=Source.Kind.ANONYMOUS)
    aliased = SourceAlias.objects.filter(normalized__in=keys).values("source_id")
    return named & (Q(claimant__normalized_name__in=keys) | Q(claimant_id__in=aliased))


def _changed_since(value: str) -> Q:
    """Published, or publicly changed (a correction), on or after a date (the site's time
    zone, as the pages show dates) or an ISO 8601 date-time."""
    try:
        day = parse_date(value)
        moment = None if day else parse_datetime(value)
    except ValueError:  # well formed, but no such day: 2026-02-30
        day = moment = None
    if day is None and moment is None:
        raise _bad(
            "since",
            gettext(
                "“%(value)s” is not a date: write it YYYY-MM-DD (or as an ISO 8601 date-time, "
                "such as 2026-03-01T08:00:00Z)."
            )
            % {"value": value},
        )
    if day is not None:
        corrected = Correction.objects.filter(claim=OuterRef("pk"), created_at__date__gte=day)
        return Q(published_at__date__gte=day) | Exists(corrected)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    corrected = Correction.objects.filter(claim=OuterRef("pk"), created_at__gte=moment)
    return Q(published_at__gte=moment) | Exists(corrected)


def _published_claims() -> ClaimQuerySet:
    return claims_with_pages(Claim.objects.published()).order_by("-published_at", "-id")


FILTER_PARAMETERS = [
    OpenApiParameter(
        "language", str, enum=Language.values, description="The language of the statement."
    ),
    OpenApiParameter(
        "verdict",
        str,
        description="A rating's slug or label, in English or French "
        "(see /claims/about/rating-scale/).",
    ),
    OpenApiParameter(
        "claimant",
        str,
        description='The claimant\'s id (claimant.id), or its name or an alias ("WSJ").',
    ),
    OpenApiParameter(
        "since",
        str,
        description="Claims published or publicly changed (corrected) on or after this date "
        "(YYYY-MM-DD, in the site's time zone) or ISO 8601 date-time.",
    ),
]


class _PublicView:
    permission_classes = [AllowAny]
    authentication_classes: list = []  # readers need no account; no session, no CSRF
    throttle_classes = [PublicAPIThrottle]
    serializer_class = PublicClaimSerializer


@extend_schema(parameters=FILTER_PARAMETERS)
class PublicClaimList(_PublicView, generics.ListAPIView):
    """Published fact checks, newest first: verdict, rating, claimant, appearances,
    responses, evidence, corrections and dates, as their pages show them. No token needed."""

    pagination_class = PublicPagination

    def get_queryset(self) -> ClaimQuerySet:
        return public_claims_filter(_published_claims(), self.request.query_params)

    def list(self, request: Request, *args, **kwargs) -> Response:
        claims = self.paginate_queryset(self.get_queryset())
        pages = claim_pages_build(claims, scale=rating_scale())
        return self.get_paginated_response(self.get_serializer(pages, many=True).data)


class PublicClaimDetail(_PublicView, generics.RetrieveAPIView):
    """One published fact check, by the slug of its page's address."""

    lookup_field = "slug"

    def get_queryset(self) -> ClaimQuerySet:
        return _published_claims()

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        (page,) = claim_pages_build([self.get_object()])
        return Response(self.get_serializer(page).data)
