"""REST API for the newsroom's alerts (issue 13): `GET /api/alerts/?state=open`.

Same access as the articles API (articles.api): a journalist's or an editor's account.
Alerts are internal (they name unreviewed and unpublished claims): never for readers.
"""

from rest_framework import generics, serializers

from articles.api import NEWSROOM_PERMISSIONS
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
