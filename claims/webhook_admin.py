"""Admin of the outgoing webhooks (claims.webhooks): editors and superusers set endpoints up
and read how deliveries went; deliveries are never edited, only sent again."""

import json
import secrets
from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy, ngettext

from claims.models import Notification, WebhookDelivery, WebhookEndpoint
from claims.permissions import is_editor
from claims.webhooks import webhook_deliveries_overdue, webhook_delivery_resend

SECRET_MIN_LENGTH = 16


def _may_manage(request: HttpRequest) -> bool:
    user = request.user
    return user.is_active and user.is_staff and (user.is_superuser or is_editor(user))


class WebhooksForEditors:
    """Editors and superusers only (model permissions aside: the Editors group holds none
    for these models, and journalists must not read where events go)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_manage(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return _may_manage(request)


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=Notification.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Events"),
        help_text=gettext_lazy("The notification kinds it receives; none chosen: all of them."),
    )
    url = forms.URLField(
        max_length=2000,
        assume_scheme="https",
        label=gettext_lazy("Address"),
        help_text=gettext_lazy("The address that receives the POST requests (http or https)."),
    )
    # Never shown again once saved (not even to editors): left empty, it is kept.
    secret = forms.CharField(
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        label=gettext_lazy("Secret"),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "format", "events", "secret", "active"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["events"].initial = list(self.instance.events or [])
        suggestion = secrets.token_hex(24)
        if self.instance.pk:
            text = gettext(
                "Signs every request (HMAC-SHA256). Leave empty to keep the current secret; "
                "to change it, type a new one of at least %(n)d characters, e.g. %(example)s"
            )
        else:
            text = gettext(
                "Signs every request (HMAC-SHA256); give the same one to the receiver. At "
                "least %(n)d characters, e.g. %(example)s"
            )
        self.fields["secret"].help_text = text % {"n": SECRET_MIN_LENGTH, "example": suggestion}

    def clean_secret(self) -> str:
        secret = self.cleaned_data.get("secret", "")
        if not secret:
            if self.instance.pk:
                return self.instance.secret
            raise ValidationError(gettext("Give the endpoint a secret."))
        if len(secret) < SECRET_MIN_LENGTH:
            raise ValidationError(
                gettext("A secret has at least %(n)d characters.") % {"n": SECRET_MIN_LENGTH}
            )
        return secret


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(WebhooksForEditors, admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["name", "host", "format", "event_list", "active", "created_at"]
    list_filter = ["active", "format"]
    search_fields = ["name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _may_manage(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return _may_manage(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return _may_manage(request)

    @admin.display(description=gettext_lazy("Address"))
    def host(self, endpoint: WebhookEndpoint) -> str:
        # Scheme and host only: the path of a chat service's address is its credential.
        parts = urlsplit(endpoint.url)
        return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}/…"

    @admin.display(description=gettext_lazy("Events"))
    def event_list(self, endpoint: WebhookEndpoint) -> str:
        if not endpoint.events:
            return gettext("all")
        labels = dict(Notification.Kind.choices)
        return ", ".join(str(labels.get(kind, kind)) for kind in endpoint.events)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(WebhooksForEditors, admin.ModelAdmin):
    list_display = [
        "id", "endpoint", "event", "state", "attempts", "last_status_code", "created_at",
        "delivered_at", "next_attempt_at",
    ]  # fmt: skip
    list_filter = ["state", "event", "endpoint"]
    list_select_related = ["endpoint"]
    readonly_fields = [
        "endpoint", "event", "state", "attempts", "last_status_code", "last_error",
        "created_at", "delivered_at", "next_attempt_at", "payload_shown",
    ]  # fmt: skip
    exclude = ["payload"]
    actions = ["send_again"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=gettext_lazy("Payload"))
    def payload_shown(self, delivery: WebhookDelivery) -> str:
        text = json.dumps(delivery.payload, indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", text)

    @admin.action(description=gettext_lazy("Send again"))
    def send_again(self, request: HttpRequest, queryset) -> None:
        sent = 0
        overdue = set(webhook_deliveries_overdue().values_list("pk", flat=True))
        for delivery in queryset.select_related("endpoint"):
            if delivery.state == WebhookDelivery.State.PENDING and delivery.pk not in overdue:
                continue  # on its way already: a second round would double its requests
            webhook_delivery_resend(delivery=delivery)
            sent += 1
        skipped = queryset.count() - sent
        if sent:
            messages.success(
                request,
                ngettext(
                    "%(count)d delivery will be sent again.",
                    "%(count)d deliveries will be sent again.",
                    sent,
                )
                % {"count": sent},
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d delivery is waiting to be sent already.",
                    "%(count)d deliveries are waiting to be sent already.",
                    skipped,
                )
                % {"count": skipped},
            )
