"""Who is logging in: the client address django-axes counts failed log-ins for."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind the TLS proxy (SECURE_PROXY_SSL_HEADER set) the address the
    proxy appended last to X-Forwarded-For: earlier entries come from the client and can be
    forged."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
