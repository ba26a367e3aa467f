"""REST API for the newsroom's alerts (issue 13): `GET /api/alerts/?state=open`; and its exports
(issue 14): `GET /api/exports/<kind>.<format>`.

Same access as the articles API (articles.api): a journalist's or an editor's account.
Alerts are internal (they name unreviewed and unpublished claims): never for readers.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from articles.api import NEWSROOM_PERMISSIONS
from claims import exports
from claims.alerts import alerts_with_cards
from claims.models import Alert


class AlertSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    claim_statement = serializers.CharField(source="claim.statement", read_only=True)
    workspace_url = serializers.SerializerMethodField()

    class Meta:
        model = Alert
        fields = [
            "id",
            "kind",
            "kind_display",
            "claim",
            "claim_statement",
            "earlier",
            "later",
            "article",
            "detail",
            "data",
            "state",
            "dismiss_reason",
            "dismissed_at",
            "created_at",
            "workspace_url",
        ]
        read_only_fields = fields

    def get_workspace_url(self, alert: Alert) -> str:
        request = self.context.get("request")
        path = alert.claim.get_workspace_url()
        return request.build_absolute_uri(path) if request else path


class AlertList(generics.ListAPIView):
    """Alerts on claims, newest first: `?state=open` (or `dismissed`), `?kind=`, `?claim=`."""

    permission_classes = NEWSROOM_PERMISSIONS
    serializer_class = AlertSerializer

    def get_queryset(self):
        found = Alert.objects.all()
        params = self.request.query_params
        state = params.get("state")
        if state:
            if state not in Alert.State.values:
                raise serializers.ValidationError(
                    {"state": f"Unknown state; one of: {', '.join(Alert.State.values)}."}
                )
            found = found.filter(state=state)
        kind = params.get("kind")
        if kind:
            if kind not in Alert.Kind.values:
                raise serializers.ValidationError(
                    {"kind": f"Unknown kind; one of: {', '.join(Alert.Kind.values)}."}
                )
            found = found.filter(kind=kind)
        claim = params.get("claim")
        if claim:
            if not claim.isdigit():
                raise serializers.ValidationError({"claim": "A claim id is a number."})
            found = found.filter(claim_id=int(claim))
        return alerts_with_cards(found).order_by("-created_at", "-id")


class _AnyAccept(BaseContentNegotiation):
    """Downloads are CSV or JSON whatever the client accepts (`Accept: text/csv` must not
    be refused 406); errors are JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportDownload(APIView):
    """A newsroom export, streamed: `GET /api/exports/<kind>.<format>` with kind one of
    claims, mentions, sources, reviews and format csv or json; `?since=` and `?until=`
    (YYYY-MM-DD) narrow it by date (claims.exports says which date each kind has)."""

    permission_classes = NEWSROOM_PERMISSIONS
    renderer_classes = [JSONRenderer]
    content_negotiation_class = _AnyAccept

    @extend_schema(
        operation_id="exports_retrieve",
        parameters=[
            OpenApiParameter(
                "kind",
                str,
                OpenApiParameter.PATH,
                enum=list(exports.KINDS),
                description="The data.",
            ),
            OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=list(exports.FORMATS)),
            OpenApiParameter("since", OpenApiTypes.DATE, description="On or after this day."),
            OpenApiParameter("until", OpenApiTypes.DATE, description="On or before this day."),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/json"): OpenApiTypes.STR,
        },
    )
    def get(self, request: Request, kind: str, fmt: str):
        try:
            export = exports.export_kind(kind)
            fmt = exports.export_format(fmt)
        except exports.ExportError as error:
            raise NotFound(str(error)) from None
        try:
            since = exports.export_date(request.query_params.get("since"), field="since")
            until = exports.export_date(request.query_params.get("until"), field="until")
        except exports.ExportError as error:
            raise serializers.ValidationError({"date": [str(error)]}) from None
        return exports.export_response(export, fmt, since=since, until=until)
