"""Outgoing webhooks: the newsroom's notifications sent to other systems (issue 13, part 5).

Every event that makes notifications (claims.notifications._notify) also makes ONE
WebhookDelivery per active endpoint that wants its kind, whoever the in-app recipients are
(even none). Each delivery is POSTed once the transaction commits, by the Celery task
claims.tasks.deliver_webhook, which retries with backoff
(settings.CLAIMTRACK_WEBHOOK_RETRY_DELAYS) and then gives up with the reason in words.

The request:
- body: the event as JSON (format "json"), or `{"text": "<sentence> <link>"}` (format
  "slack", what a Slack incoming webhook takes);
- headers `X-Claimtrack-Event` (the kind), `X-Claimtrack-Delivery` (the delivery id, the same
  on every retry: receivers drop duplicates with it), `X-Claimtrack-Timestamp` (Unix seconds
  of this attempt) and `X-Claimtrack-Signature: sha256=<hex>`, the HMAC-SHA256 with the
  endpoint's secret of `<timestamp>.<body>` (bytes as sent).

Webhook addresses are set by editors, not readers: loopback and private addresses are
allowed (tests, a chat server inside the newsroom), schemes other than http(s) never.
Secrets and addresses (a Slack address is a credential) are never logged.

Language: a webhook has no single reader, so its sentence is in settings.LANGUAGE_CODE.
"""

import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone, translation

from articles.models import Article
from claims.models import Alert, Claim, Notification, Task, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

SIGNATURE_PREFIX = "sha256="
EARLY = timedelta(seconds=1)  # clock tolerance between a retry's ETA and next_attempt_at
RESPONSE_SNIPPET_BYTES = 300  # of a refusing receiver's answer, kept in last_error


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """The X-Claimtrack-Signature value of a request: sha256=<hex HMAC of "<ts>.<body>">."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return SIGNATURE_PREFIX + mac.hexdigest()


def webhook_retry_delays() -> list[float]:
    """Seconds to wait before the 2nd, 3rd, ... attempt; attempts = len(delays) + 1."""
    return [float(d) for d in settings.CLAIMTRACK_WEBHOOK_RETRY_DELAYS]


def _alert_payload(alert: Alert) -> dict:
    return {
        "id": alert.pk,
        "kind": alert.kind,
        "label": str(alert.get_kind_display()),
        "detail": alert.detail,
        "data": alert.data,
        "earlier_mention": alert.earlier_id,
        "later_mention": alert.later_id,
        "state": alert.state,
    }


def _article_payload(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,  # where it was published (may be empty: pasted text)
        "review_url": _absolute(Notification(article=article).get_absolute_url()),
    }


def webhook_event_payload(
    *,
    kind: str,
    actor: AbstractBaseUser | None,
    claim: Claim | None,
    task: Task | None = None,
    text: str = "",
    alert: Alert | None = None,
    article: Article | None = None,
    extra: dict | None = None,
) -> dict:
    """The event as receivers get it (without its delivery id, added per endpoint)."""
    sample = Notification(
        kind=kind, actor=actor, claim=claim, task=task, text=text, alert=alert, article=article
    )
    with translation.override(settings.LANGUAGE_CODE):
        message = sample.message
    payload = {
        "event": kind,
        "created": timezone.now().isoformat(),
        "message": message,
        "url": _absolute(sample.get_absolute_url()),
        "actor": actor.get_username() if actor is not None else None,
        "text": text,
        "claim": None,
    }
    if claim is not None:
        payload["claim"] = {
            "id": claim.pk,
            "statement": claim.statement,
            "url": _absolute(claim.get_workspace_url()),
            "status": claim.status,
        }
    if alert is not None:
        payload["alert"] = _alert_payload(alert)
        article = article or alert.article
    if article is not None:
        payload["article"] = _article_payload(article)
    payload.update(extra or {})
    return payload


def webhook_deliveries_create(*, kind: str, payload: dict) -> list[WebhookDelivery]:
    """One delivery per active endpoint that wants `kind`, each sent once the transaction
    commits. Called by claims.notifications._notify for every event."""
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if e.wants(kind)]
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event=kind, payload={}, next_attempt_at=timezone.now()
        )
        # The id comes first for readers of the raw body; it is the same on every retry.
        delivery.payload = {"event": kind, "id": delivery.pk, **payload}
        delivery.save(update_fields=["payload"])
        deliveries.append(delivery)
    for delivery in deliveries:
        _enqueue_on_commit(delivery.pk)
    return deliveries


def _enqueue_on_commit(delivery_id: int) -> None:
    def enqueue() -> None:
        from claims.tasks import deliver_webhook

        # A broker that is down must not turn the newsroom's action into an error page:
        # the delivery stays pending, and the sweeper (beat) queues it again later.
        try:
            deliver_webhook.delay(delivery_id)
        except Exception:
            logger.exception("Could not queue webhook delivery %s", delivery_id)

    transaction.on_commit(enqueue)


def webhook_delivery_resend(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again (the admin's action): pending now, a fresh round of retries.
    Its attempts keep counting, so the record says how many requests were made in all."""
    delivery.state = WebhookDelivery.State.PENDING
    delivery.next_attempt_at = timezone.now()
    delivery.save(update_fields=["state", "next_attempt_at"])
    _enqueue_on_commit(delivery.pk)
    return delivery


def slack_escape(text: str) -> str:
    """Slack reads <...> as links and commands (<!channel> pings everyone): a statement
    quoted from an article is text only."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webhook_deliveries_overdue() -> QuerySet[WebhookDelivery]:
    """Pending deliveries whose next attempt should have run a while ago: their message was
    lost (broker down when queued, Redis emptied) or never sent."""
    late = timezone.now() - timedelta(seconds=settings.CLAIMTRACK_WEBHOOK_OVERDUE_AFTER)
    return WebhookDelivery.objects.filter(
        state=WebhookDelivery.State.PENDING, next_attempt_at__lt=late
    )


def webhook_deliveries_sweep() -> int:
    """Queue the overdue deliveries again (beat); how many. A twin of a message that was
    only late does nothing: each attempt is claimed before it is made."""
    ids = list(webhook_deliveries_overdue().values_list("pk", flat=True)[:1000])
    for delivery_id in ids:
        _enqueue_on_commit(delivery_id)
    return len(ids)


def webhook_body(delivery: WebhookDelivery) -> bytes:
    """The bytes POSTed: the JSON event, or the Slack message made from it."""
    if delivery.endpoint.format == WebhookEndpoint.Format.SLACK:
        payload = delivery.payload
        sentence = slack_escape(payload.get("message", ""))
        document = {"text": f"{sentence} {payload.get('url', '')}".strip()}
    else:
        document = delivery.payload
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass
class Attempt:
    """How one attempt went: delivered, or why not and whether trying again may help."""

    delivered: bool
    status_code: int | None = None
    error: str = ""
    retryable: bool = False


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Attempt:
    if urlsplit(endpoint.url).scheme.lower() not in {"http", "https"}:
        return Attempt(False, error="Refused: the endpoint's address is not http or https.")
    body = webhook_body(delivery)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "claimtrack-webhook/1",
        "X-Claimtrack-Event": delivery.event,
        "X-Claimtrack-Delivery": str(delivery.pk),
        "X-Claimtrack-Timestamp": timestamp,
        "X-Claimtrack-Signature": webhook_signature(
            secret=endpoint.secret, timestamp=timestamp, body=body
        ),
    }
    timeout = float(settings.CLAIMTRACK_WEBHOOK_TIMEOUT)
    try:
        request = httpx.Request(
            "POST",
            endpoint.url,
            content=body,
            headers=headers,
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
        )
        # The transport, not a Client: httpx.Client logs every request's full address, and
        # a chat service's webhook address is a credential. No proxy from the environment,
        # no redirects followed, no retries but ours.
        with httpx.HTTPTransport(trust_env=False, retries=0) as transport:
            response = transport.handle_request(request)
            try:
                code = response.status_code
                if 200 <= code < 300:
                    return Attempt(True, status_code=code)
                snippet = b""
                for chunk in response.iter_raw():
                    snippet += chunk
                    if len(snippet) >= RESPONSE_SNIPPET_BYTES:
                        break
            finally:
                response.close()
    except httpx.TimeoutException:
        return Attempt(
            False, error=f"The receiver did not answer within {timeout:g} seconds.", retryable=True
        )
    except (httpx.InvalidURL, httpx.UnsupportedProtocol):
        return Attempt(False, error="Refused: the endpoint's address is not a valid http(s) URL.")
    except httpx.HTTPError as error:
        # httpx's words for connection failures do not include the address.
        return Attempt(
            False,
            error=f"The receiver could not be reached ({type(error).__name__}: {error}).",
            retryable=True,
        )
    said = " ".join(snippet[:RESPONSE_SNIPPET_BYTES].decode("utf-8", "replace").split())
    said = said.rstrip(".")
    error = f"The receiver answered HTTP {code}" + (f"; it said: {said}." if said else ".")
    if 300 <= code < 400:
        error = f"The receiver answered HTTP {code} (a redirect; webhooks do not follow them)."
    # A 4xx other than 408/429 says the request itself is refused: retrying cannot help.
    retryable = code >= 500 or code in (408, 429)
    return Attempt(False, status_code=code, error=error, retryable=retryable)


def webhook_deliver(
    *, delivery_id: int, attempt_number: int, can_retry: bool = True
) -> float | None:
    """Make attempt `attempt_number` (1-based) of a pending delivery and record how it went.

    Returns the seconds to wait before the next attempt, or None when there is none to make
    (delivered, failed for good, or not pending any more). Two runs of the same attempt
    (a message delivered twice) send one request: the attempt is claimed by a conditional
    UPDATE before sending. `can_retry` is False when tasks run in-process (no worker):
    waiting there would hold up the request that caused the event.
    """
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != WebhookDelivery.State.PENDING:
        return None
    # A message the broker handed out twice (a retry waiting past the visibility timeout)
    # arrives after its twin made the attempt and set the next one later: nothing to do.
    if delivery.next_attempt_at and delivery.next_attempt_at > timezone.now() + EARLY:
        return None
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, state=WebhookDelivery.State.PENDING, attempts=delivery.attempts
    ).update(attempts=F("attempts") + 1)
    if not claimed:
        return None
    delivery.attempts += 1
    endpoint = delivery.endpoint
    if not endpoint.active:
        outcome = Attempt(False, error="Not sent: the endpoint was switched off.")
    else:
        outcome = _post(endpoint, delivery)
    now = timezone.now()
    delivery.last_status_code = outcome.status_code
    delays = webhook_retry_delays()
    if outcome.delivered:
        delivery.state = WebhookDelivery.State.DELIVERED
        delivery.delivered_at = now
        delivery.last_error = ""
        delivery.next_attempt_at = None
        wait = None
    elif outcome.retryable and can_retry and attempt_number <= len(delays):
        wait = delays[attempt_number - 1]
        delivery.last_error = outcome.error
        delivery.next_attempt_at = now + timedelta(seconds=wait)
    else:
        delivery.state = WebhookDelivery.State.FAILED
        delivery.next_attempt_at = None
        if outcome.retryable and not can_retry:
            outcome.error += " Not retried: tasks run in-process here (no Celery worker)."
        elif outcome.retryable:
            outcome.error += f" Gave up after {attempt_number} attempts."
        delivery.last_error = outcome.error
        wait = None
    delivery.save(
        update_fields=["state", "last_status_code", "last_error", "delivered_at", "next_attempt_at"]
    )
    if not outcome.delivered:
        logger.warning(
            "Webhook delivery %s to endpoint %s, attempt %s: %s",
            delivery.pk, endpoint.pk, attempt_number, outcome.error,
        )  # fmt: skip
    return wait
