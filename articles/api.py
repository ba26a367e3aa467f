"""REST API: submit articles (a link or a text), follow their status, read their claims.

Token authentication (`Authorization: Token <key>`; `manage.py drf_create_token USER`).
Every endpoint is for the newsroom: the account must be a journalist or an editor
(permission `claims.review_mention`), since the API shows unreviewed mentions and the claims
they are linked to, published or not. The OpenAPI schema is served at /api/schema/ (it
describes the endpoints and holds no data).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from articles.models import Article, Language
from articles.services import (
    article_submit_text,
    article_submit_url,
    pasted_text_error,
    provenance_clean,
)
from claims import matching
from claims.models import Mention
from claims.permissions import can_review


class IsNewsroomMember(BasePermission):
    """Journalists and editors only (the permission to review extracted mentions)."""

    message = gettext_lazy("Your account is not in the newsroom's Journalists or Editors group.")

    def has_permission(self, request: Request, view) -> bool:
        return can_review(request.user)


# IsAuthenticated first, so that a request without valid credentials is told to
# authenticate (401) rather than refused (403).
NEWSROOM_PERMISSIONS = [IsAuthenticated, IsNewsroomMember]


class ArticleSerializer(serializers.ModelSerializer):
    outlet = serializers.StringRelatedField()
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    claims = serializers.IntegerField(
        source="mention_count", read_only=True, help_text="Attributed statements found."
    )
    claims_url = serializers.HyperlinkedIdentityField(view_name="api:article-claims")
    url_api = serializers.HyperlinkedIdentityField(view_name="api:article-detail")

    class Meta:
        model = Article
        fields = [
            "id",
            "url_api",
            "url",
            "canonical_url",
            "title",
            "byline",
            "published_at",
            "outlet",
            "language",
            "status",
            "status_display",
            "error",
            "duplicate_of",
            "claims",
            "claims_url",
            "pipeline_version",
            "created_at",
            "processed_at",
        ]
        read_only_fields = fields


class ArticleSubmitSerializer(serializers.Serializer):
    url = serializers.CharField(required=False, max_length=2000, help_text="A link to fetch.")
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="Or the article text itself."
    )
    original_url = serializers.CharField(
        required=False,
        max_length=2000,
        default="",
        help_text="With a text: the link where it was published (not fetched).",
    )
    published = serializers.CharField(
        required=False,
        max_length=40,
        default="",
        help_text="With a text: its publication date, YYYY-MM-DD (or an ISO 8601 date-time).",
    )
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, help_text="Default: detected."
    )
    title = serializers.CharField(required=False, max_length=500, default="")
    outlet = serializers.CharField(required=False, max_length=200, default="")

    def validate_text(self, text: str) -> str:
        if error := pasted_text_error(text):
            raise serializers.ValidationError(error)
        return text

    def validate(self, data: dict) -> dict:
        if bool(data.get("url")) == bool(data.get("text", "").strip()):
            raise serializers.ValidationError(gettext("Send either a url or a text, not both."))
        if data.get("url") and (data.get("original_url") or data.get("published")):
            raise serializers.ValidationError(
                gettext("original_url and published go with a text; a fetched link brings its own.")
            )
        try:
            data["original_url"], data["published"] = provenance_clean(
                url=data.get("original_url", ""), published=data.get("published", "")
            )
        except DjangoValidationError as error:
            field = "published" if error.code == "published" else "original_url"
            raise serializers.ValidationError({field: error.messages}) from None
        return data


class SubmissionSerializer(ArticleSerializer):
    duplicate = serializers.SerializerMethodField()
    message = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "duplicate", "message"]
        read_only_fields = fields

    def get_duplicate(self, article: Article) -> bool:
        return self.context["submission"].duplicate

    def get_message(self, article: Article) -> str:
        return self.context["submission"].message


class MatchSerializer(serializers.Serializer):
    """A candidate in another article (claims.matching), above the shipped threshold."""

    mention = serializers.IntegerField(source="candidate_mention_id")
    claim = serializers.SerializerMethodField()
    score = serializers.FloatField()

    def get_claim(self, match) -> int | None:
        return match.candidate_mention.claim_id or match.candidate_claim_id


class MentionSerializer(serializers.ModelSerializer):
    claim = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    matches = MatchSerializer(
        source="shown_matches",
        many=True,
        read_only=True,
        help_text="The best candidates in other articles, strongest first.",
    )

    class Meta:
        model = Mention
        fields = [
            "id",
            "speaker",
            "speaker_type",
            "content",
            "start",
            "end",
            "cue",
            "quote_type",
            "stance",
            "via",
            "hedges",
            "confidence",
            "review_state",
            "extractor_version",
            "claim",
            "matches",
        ]
        read_only_fields = fields


def _articles():
    return Article.objects.select_related("outlet").annotate(mention_count=Count("mentions"))


class ArticleListCreate(generics.ListCreateAPIView):
    """List the articles (newest first), or submit one: a link to fetch or a text."""

    permission_classes = NEWSROOM_PERMISSIONS
    serializer_class = ArticleSerializer

    def get_queryset(self):
        # Explicit: Meta.ordering is not applied to a query with GROUP BY (the Count).
        articles = _articles().order_by("-created_at", "-id")
        wanted = self.request.query_params.get("status")
        if wanted:
            if wanted not in Article.Status.values:
                raise serializers.ValidationError(
                    {"status": [f"Unknown status; use one of {', '.join(Article.Status.values)}."]}
                )
            articles = articles.filter(status=wanted)
        return articles

    @extend_schema(
        request=ArticleSubmitSerializer,
        responses={
            201: SubmissionSerializer,
            200: OpenApiResponse(SubmissionSerializer, description="Already submitted"),
        },
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        payload = ArticleSubmitSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            if data.get("url"):
                submission = article_submit_url(
                    url=data["url"],
                    language=data.get("language"),
                    outlet_name=data["outlet"],
                    title=data["title"],
                    submitted_by=request.user,
                )
            else:
                submission = article_submit_text(
                    text=data["text"],
                    language=data.get("language"),
                    outlet_name=data["outlet"],
                    title=data["title"],
                    url=data["original_url"],
                    published=data["published"],
                    submitted_by=request.user,
                )
        except DjangoValidationError as error:
            raise serializers.ValidationError({"url": error.messages}) from None
        article = _articles().get(pk=submission.article.pk)
        body = SubmissionSerializer(
            article, context={"request": request, "submission": submission}
        ).data
        return Response(
            body, status=status.HTTP_201_CREATED if submission.created else status.HTTP_200_OK
        )


class ArticleDetail(generics.RetrieveAPIView):
    """One article: its status and, when it failed, why."""

    permission_classes = NEWSROOM_PERMISSIONS
    serializer_class = ArticleSerializer

    def get_queryset(self):
        return _articles()


class ArticleClaims(generics.ListAPIView):
    """The attributed statements (mentions) found in one article, in text order."""

    permission_classes = NEWSROOM_PERMISSIONS
    serializer_class = MentionSerializer

    def get_queryset(self):
        article = get_object_or_404(Article, pk=self.kwargs["pk"])
        shown = (
            matching.matches_shown()
            .select_related("candidate_mention")
            .only("mention_id", "score", "candidate_claim_id", "candidate_mention__claim_id")
            .order_by("-score", "id")
        )
        return (
            article.mentions.select_related("claim")
            .prefetch_related(Prefetch("matches", queryset=shown, to_attr="shown_matches"))
            .order_by("start", "id")
        )
