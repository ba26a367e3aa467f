"""Outgoing webhooks (issue 13, part 5): signed JSON or Slack messages, one delivery per
endpoint and event, retried with backoff by a real Celery worker, never in the way of the
action that caused them. A local HTTP server on 127.0.0.1 is the receiver."""

import hashlib
import hmac
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from claims import notifications, services
from claims.alerts import alert_raise
from claims.models import Alert, Claim, Notification, WebhookDelivery, WebhookEndpoint
from claims.roles import EDITORS, JOURNALISTS
from claims.tasks import deliver_webhook, sweep_webhook_deliveries
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory, UserFactory
from tests.integration.conftest import (  # noqa: F401  (a real worker on the test Redis)
    celery_app_not_eager,
    celery_worker_process,
    redis_url,
)

SECRET = "a-long-shared-secret-for-tests-0123"


# --- The receiver ------------------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes
    at: float = field(default_factory=time.monotonic)

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    server: ThreadingHTTPServer
    requests: list[Received] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)  # status of the next requests, in order
    default: int = 200

    def url(self, path: str = "/hook") -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format, *args) -> None:
        pass

    def do_POST(self) -> None:
        receiver: Receiver = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {name.lower(): value for name, value in self.headers.items()}
        receiver.requests.append(Received(self.path, headers, body))
        status = receiver.answers.pop(0) if receiver.answers else receiver.default
        reply = b"ok" if status < 300 else b"the receiver is unwell"
        self.send_response(status)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.receiver = Receiver(server=server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.receiver
    server.shutdown()
    server.server_close()


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does (the readme's example)."""
    signed = headers["x-claimtrack-timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["x-claimtrack-signature"])


def endpoint(receiver: Receiver, **kwargs) -> WebhookEndpoint:
    kwargs.setdefault("name", "Desk channel")
    kwargs.setdefault("url", receiver.url())
    kwargs.setdefault("secret", SECRET)
    return WebhookEndpoint.objects.create(**kwargs)


def closed_port_url() -> str:
    with socket.socket() as s:  # a port nothing listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


# --- Events ------------------------------------------------------------------------------


@pytest.fixture
def claim(editor, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The port authority sells the north quay", by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="The quay stays public.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Port board minutes, March")
    return claim


@pytest.fixture
def editor3(roles):
    user = UserFactory(username="ezra")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def request_publication(claim, editor, capture) -> None:
    with capture(execute=True):
        services.claim_request_publication(claim=claim, by=editor)


def test_json_event_is_signed_and_shaped_as_documented(
    receiver, claim, editor, editor2, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://desk.example.org"
    hook = endpoint(receiver)
    request_publication(claim, editor, django_capture_on_commit_callbacks)

    [got] = receiver.requests
    delivery = WebhookDelivery.objects.get()
    assert got.path == "/hook"
    assert got.headers["content-type"] == "application/json"
    assert got.headers["x-claimtrack-event"] == "publication_requested"
    assert got.headers["x-claimtrack-delivery"] == str(delivery.pk)
    assert abs(int(got.headers["x-claimtrack-timestamp"]) - time.time()) < 60
    assert verify(SECRET, got.headers, got.body)
    assert not verify("another-secret-of-some-length", got.headers, got.body)
    assert not verify(SECRET, got.headers, got.body.replace(b"north", b"south"))

    event = got.json()
    assert event["event"] == "publication_requested"
    assert event["id"] == delivery.pk
    assert event["actor"] == "eddie"
    assert event["claim"] == {
        "id": claim.pk,
        "statement": "The port authority sells the north quay",
        "url": f"https://desk.example.org/review/claims/{claim.pk}/",
        "status": "in_review",
    }
    assert event["url"] == f"https://desk.example.org/review/claims/{claim.pk}/"
    assert "eddie asks you to approve the publication" in event["message"]
    assert event["created"].startswith(str(delivery.created_at.year))
    assert "alert" not in event
    assert event == delivery.payload  # what was sent is what is kept

    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.DELIVERED
    assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (1, 200, "")
    assert delivery.delivered_at is not None and delivery.endpoint == hook


def test_slack_format_posts_the_sentence_and_link_signed_the_same_way(
    receiver, claim, editor, editor2, django_capture_on_commit_callbacks
):
    endpoint(receiver, format=WebhookEndpoint.Format.SLACK)
    request_publication(claim, editor, django_capture_on_commit_callbacks)
    [got] = receiver.requests
    body = got.json()
    assert list(body) == ["text"]
    assert body["text"].startswith("eddie asks you to approve the publication of “The port")
    assert body["text"].endswith(f"/review/claims/{claim.pk}/")
    assert got.headers["x-claimtrack-event"] == "publication_requested"
    assert verify(SECRET, got.headers, got.body)


def test_slack_messages_quote_statements_as_text_only(
    receiver, editor, django_capture_on_commit_callbacks
):
    endpoint(receiver, format=WebhookEndpoint.Format.SLACK)
    claim = ClaimFactory(statement="Tell <!channel> the quay & the dock are sold")
    with django_capture_on_commit_callbacks(execute=True):
        alert_raise(kind=Alert.Kind.QUOTE_CHANGED, claim=claim, detail="The quote changed.")
    text = receiver.requests[0].json()["text"]
    assert "Tell &lt;!channel&gt; the quay &amp; the dock are sold" in text
    assert "<!channel>" not in text


def test_one_delivery_per_endpoint_not_per_recipient(
    receiver, claim, editor, editor2, editor3, django_capture_on_commit_callbacks
):
    endpoint(receiver, name="one", url=receiver.url("/one"))
    endpoint(receiver, name="two", url=receiver.url("/two"))
    request_publication(claim, editor, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind="publication_requested").count() == 2  # edna, ezra
    assert WebhookDelivery.objects.count() == 2
    assert sorted(r.path for r in receiver.requests) == ["/one", "/two"]


def test_an_endpoint_gets_only_the_events_it_chose(
    receiver, claim, editor, editor2, django_capture_on_commit_callbacks
):
    endpoint(receiver, events=["alert"])
    request_publication(claim, editor, django_capture_on_commit_callbacks)
    assert receiver.requests == []
    with django_capture_on_commit_callbacks(execute=True):
        alert_raise(kind=Alert.Kind.HEDGE_DROPPED, claim=claim, detail="The hedge went.")
    assert [r.headers["x-claimtrack-event"] for r in receiver.requests] == ["alert"]


def test_an_inactive_endpoint_gets_nothing(
    receiver, claim, editor, editor2, django_capture_on_commit_callbacks
):
    endpoint(receiver, active=False)
    request_publication(claim, editor, django_capture_on_commit_callbacks)
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_an_alert_reaches_the_webhook_with_its_kind_detail_and_claim(
    receiver, claim, editor, django_capture_on_commit_callbacks
):
    endpoint(receiver)
    earlier, later = MentionFactory(), MentionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        alert = alert_raise(
            kind=Alert.Kind.HEDGE_DROPPED,
            claim=claim,
            earlier=earlier,
            later=later,
            article=later.article,
            detail="Reported as conditional first, then as a bare assertion.",
            data={"lost": ["conditional"]},
        )
    [got] = receiver.requests
    event = got.json()
    assert event["event"] == "alert"
    assert event["alert"] == {
        "id": alert.pk,
        "kind": "hedge_dropped",
        "label": "Hedge dropped",
        "detail": "Reported as conditional first, then as a bare assertion.",
        "data": {"lost": ["conditional"]},
        "earlier_mention": earlier.pk,
        "later_mention": later.pk,
        "state": "open",
    }
    assert event["claim"]["id"] == claim.pk
    assert event["article"]["id"] == later.article.pk
    assert event["message"] == "Hedge dropped: “The port authority sells the north quay”."
    assert verify(SECRET, got.headers, got.body)


# --- Matches waiting for review ----------------------------------------------------------


def test_matches_reach_the_journalist_who_submitted_the_article_and_the_webhook(
    receiver, journalist, editor, settings, mailoutbox, django_capture_on_commit_callbacks
):
    endpoint(receiver)
    article = ArticleFactory(title="Harbour strike enters its second week", submitted_by=journalist)
    with django_capture_on_commit_callbacks(execute=True):
        made = notifications.notification_matches_proposed(article=article, matches=[1, 2, 3])
    [notification] = made
    assert notification.recipient == journalist and notification.article == article
    assert notification.get_absolute_url() == reverse("review:article", args=[article.pk])
    assert "“Harbour strike enters its second week”" in notification.message
    [mail] = mailoutbox
    assert mail.to == [journalist.email]
    assert mail.subject == "[claimtrack] 3 matches to review: Harbour strike enters its second week"
    assert "3 statements of the article you submitted" in mail.body
    assert f"{settings.SITE_URL}/review/articles/{article.pk}/" in mail.body
    event = receiver.requests[0].json()
    assert event["event"] == "matches_proposed" and event["matches"] == 3
    assert event["claim"] is None
    assert event["article"]["id"] == article.pk
    assert event["url"].endswith(f"/review/articles/{article.pk}/")
    assert not Notification.objects.filter(recipient=editor).exists()


def test_matches_of_an_article_nobody_submitted_go_to_the_webhook_only(
    receiver, journalist, editor, mailoutbox, django_capture_on_commit_callbacks
):
    endpoint(receiver)
    left = UserFactory(username="gone", is_active=False)
    left.groups.add(Group.objects.get(name=JOURNALISTS))
    reader = UserFactory(username="reader")  # an account outside the newsroom
    for submitter in [None, left, reader]:
        article = ArticleFactory(submitted_by=submitter)
        with django_capture_on_commit_callbacks(execute=True):
            assert notifications.notification_matches_proposed(article=article, matches=[1]) == []
    assert not Notification.objects.exists() and mailoutbox == []
    assert [r.json()["event"] for r in receiver.requests] == ["matches_proposed"] * 3


def test_no_match_no_event(receiver, journalist, django_capture_on_commit_callbacks):
    endpoint(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notification_matches_proposed(
            article=ArticleFactory(submitted_by=journalist), matches=[]
        )
    assert receiver.requests == [] and not Notification.objects.exists()


# --- Failures ------------------------------------------------------------------------------


def test_a_failing_webhook_never_breaks_the_action(
    receiver, claim, editor, editor2, client, caplog, django_capture_on_commit_callbacks
):
    receiver.default = 500
    endpoint(receiver, name="broken")
    endpoint(receiver, name="nobody there", url=closed_port_url())
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("review:claim-publish", args=[claim.pk]))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert Notification.objects.filter(recipient=editor2).exists()
    broken = WebhookDelivery.objects.get(endpoint__name="broken")
    refused = WebhookDelivery.objects.get(endpoint__name="nobody there")
    # Tasks run in-process here: one attempt, no waiting inside the editor's request.
    assert broken.state == refused.state == WebhookDelivery.State.FAILED
    assert broken.last_status_code == 500
    assert broken.last_error.startswith("The receiver answered HTTP 500; it said: the receiver")
    assert "Not retried" in broken.last_error
    assert refused.last_error.startswith("The receiver could not be reached")
    assert SECRET not in caplog.text and "/hook" not in caplog.text


def test_a_client_error_is_not_retried_and_other_schemes_are_refused(
    receiver, claim, editor, editor2, django_capture_on_commit_callbacks
):
    receiver.answers = [410]
    endpoint(receiver, name="gone")
    # Saved past validation (the admin's form would refuse it): refused again when sending.
    endpoint(receiver, name="file", url="file:///etc/passwd")
    request_publication(claim, editor, django_capture_on_commit_callbacks)
    gone = WebhookDelivery.objects.get(endpoint__name="gone")
    assert gone.state == WebhookDelivery.State.FAILED and gone.last_status_code == 410
    assert "Not retried" not in gone.last_error
    file = WebhookDelivery.objects.get(endpoint__name="file")
    assert file.state == WebhookDelivery.State.FAILED
    assert file.last_error == "Refused: the endpoint's address is not http or https."
    with pytest.raises(ValidationError) as refused:
        WebhookEndpoint(name="x", url="ftp://files.example.org/in", secret=SECRET).full_clean()
    assert "url" in refused.value.message_dict


def test_the_sweeper_queues_again_a_delivery_whose_message_was_lost(
    receiver, claim, editor, django_capture_on_commit_callbacks
):
    endpoint(receiver)
    # The alert's on-commit callbacks never run: as if the broker had lost the message.
    alert_raise(kind=Alert.Kind.HEDGE_DROPPED, claim=claim, detail="The hedge went.")
    lost = WebhookDelivery.objects.get()
    alert_raise(kind=Alert.Kind.SOURCE_DROPPED, claim=claim, detail="The source went.")
    recent = WebhookDelivery.objects.exclude(pk=lost.pk).get()
    WebhookDelivery.objects.filter(pk=lost.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_webhook_deliveries() == 1
    lost.refresh_from_db()
    recent.refresh_from_db()
    assert lost.state == WebhookDelivery.State.DELIVERED and len(receiver.requests) == 1
    assert recent.state == WebhookDelivery.State.PENDING  # its message may still come


def test_a_delivery_run_twice_sends_once(
    receiver, claim, editor, django_capture_on_commit_callbacks
):
    endpoint(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        alert_raise(kind=Alert.Kind.HEDGE_DROPPED, claim=claim, detail="The hedge went.")
    delivery = WebhookDelivery.objects.get()
    deliver_webhook.apply(args=[delivery.pk])  # a message handed out twice
    assert len(receiver.requests) == 1
    # A twin of a retry arriving after the attempt was made (its next one is later): no-op.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=WebhookDelivery.State.PENDING, next_attempt_at=timezone.now() + timedelta(minutes=2)
    )
    deliver_webhook.apply(args=[delivery.pk])
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1


# --- Admin ---------------------------------------------------------------------------------


@pytest.fixture
def staff_editor(editor):
    editor.is_staff = True
    editor.save()
    return editor


def test_editors_set_up_endpoints_in_the_admin_and_the_secret_is_never_shown(
    receiver, staff_editor, client
):
    client.force_login(staff_editor)
    url = "https://chat.example.org/services/T000/B000/tokenpart"
    response = client.post(
        reverse("admin:claims_webhookendpoint_add"),
        {"name": "Chat", "url": url, "format": "slack", "events": ["alert"], "secret": SECRET,
         "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    hook = WebhookEndpoint.objects.get()
    assert (hook.secret, hook.events, hook.format) == (SECRET, ["alert"], "slack")

    listing = client.get(reverse("admin:claims_webhookendpoint_changelist")).content.decode()
    assert "Chat" in listing and "https://chat.example.org/…" in listing
    assert SECRET not in listing and "tokenpart" not in listing
    change = reverse("admin:claims_webhookendpoint_change", args=[hook.pk])
    assert SECRET not in client.get(change).content.decode()

    # Saved with the secret left empty: it is kept.
    response = client.post(
        change, {"name": "Chat desk", "url": url, "format": "slack", "secret": "", "active": "on"}
    )
    assert response.status_code == 302
    hook.refresh_from_db()
    assert (hook.name, hook.secret, hook.events) == ("Chat desk", SECRET, [])
    response = client.post(
        reverse("admin:claims_webhookendpoint_add"),
        {"name": "Weak", "url": url, "format": "json", "secret": "short"},
    )
    assert response.status_code == 200 and not WebhookEndpoint.objects.filter(name="Weak")


def test_journalists_cannot_see_webhooks_in_the_admin(journalist, client):
    journalist.is_staff = True
    journalist.save()
    client.force_login(journalist)
    assert client.get(reverse("admin:claims_webhookendpoint_changelist")).status_code == 403
    assert client.get(reverse("admin:claims_webhookdelivery_changelist")).status_code == 403


def test_deliveries_are_read_only_and_can_be_sent_again(
    receiver, claim, staff_editor, editor2, client, django_capture_on_commit_callbacks
):
    receiver.answers = [503]
    endpoint(receiver)
    request_publication(claim, staff_editor, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == WebhookDelivery.State.FAILED
    client.force_login(staff_editor)
    change = reverse("admin:claims_webhookdelivery_change", args=[delivery.pk])
    page = client.get(change).content.decode()
    assert "The receiver answered HTTP 503" in page and 'name="_save"' not in page
    assert client.get(reverse("admin:claims_webhookdelivery_add")).status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:claims_webhookdelivery_changelist"),
            {"action": "send_again", "_selected_action": [delivery.pk]},
        )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.state == WebhookDelivery.State.DELIVERED
    assert delivery.attempts == 2 and len(receiver.requests) == 2
    assert {r.headers["x-claimtrack-delivery"] for r in receiver.requests} == {str(delivery.pk)}


# --- The notifications page ----------------------------------------------------------------


def test_the_notifications_page_filters_by_kind_and_alerts_link_to_the_workspace(
    claim, editor, editor2, client
):
    services.claim_request_publication(claim=claim, by=editor)
    alert_raise(kind=Alert.Kind.SOURCE_DROPPED, claim=claim, detail="The source went missing.")
    article = ArticleFactory(title="Quay sale questioned", submitted_by=editor2)
    notifications.notification_matches_proposed(article=article, matches=[1])
    client.force_login(editor2)
    page = reverse("review:notifications")

    every = client.get(page).content.decode()
    assert "asks you to approve" in every and "Source dropped" in every and "Quay sale" in every
    alerts = client.get(page, {"kind": "alerts"}).content.decode()
    assert "Source dropped" in alerts and "asks you to approve" not in alerts
    assert "The source went missing." in alerts
    assert f'href="/review/claims/{claim.pk}/"' in alerts
    matches = client.get(page, {"kind": "matches"}).content.decode()
    assert "Quay sale questioned" in matches and "Source dropped" not in matches
    publication = client.get(page, {"kind": "publication"}).content.decode()
    assert "asks you to approve" in publication and "Quay sale" not in publication
    other = client.get(page, {"kind": "other"}).content.decode()
    assert "No notifications." in other
    assert "Source dropped" in client.get(page, {"kind": "bogus"}).content.decode()


# --- Retries, by a real Celery worker on the test Redis --------------------------------------

WORKER_RETRY_DELAYS = "0.3,0.3,0.3,0.3,0.3"  # 6 attempts, as in production, but quick


@pytest.fixture
def webhook_worker(request, monkeypatch):
    """A worker process whose backoff is short (it reads its settings from the
    environment, like a production worker)."""
    monkeypatch.setenv("CLAIMTRACK_WEBHOOK_RETRY_DELAYS", WORKER_RETRY_DELAYS)
    return request.getfixturevalue("celery_worker_process")


def wait_for_delivery(worker, timeout: float = 60) -> WebhookDelivery:
    deadline = time.monotonic() + timeout
    while True:
        delivery = WebhookDelivery.objects.get()
        if delivery.state != WebhookDelivery.State.PENDING:
            return delivery
        worker.assert_alive()
        if time.monotonic() > deadline:
            pytest.fail(f"delivery still pending after {timeout}s:\n{worker.log()}")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_the_worker_retries_with_backoff_until_the_receiver_answers(
    receiver, webhook_worker, roles
):
    receiver.answers = [500, 500]
    endpoint(receiver)
    claim = ClaimFactory(statement="The ferry line to the islands closes in May")
    alert_raise(kind=Alert.Kind.DENIAL_DROPPED, claim=claim, detail="The denial was left out.")

    delivery = wait_for_delivery(webhook_worker)
    assert delivery.state == WebhookDelivery.State.DELIVERED, delivery.last_error
    assert delivery.attempts == 3 and delivery.last_status_code == 200
    assert len(receiver.requests) == 3
    assert {r.headers["x-claimtrack-delivery"] for r in receiver.requests} == {str(delivery.pk)}
    assert all(verify(SECRET, r.headers, r.body) for r in receiver.requests)
    times = [r.at for r in receiver.requests]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap >= 0.25 for gap in gaps), gaps  # the backoff's countdown was waited
    assert "claims.tasks.deliver_webhook[" in webhook_worker.log()  # not run in this process


@pytest.mark.django_db(transaction=True)
def test_the_worker_gives_up_after_the_last_attempt_with_the_reason(
    receiver, webhook_worker, roles
):
    receiver.default = 503
    endpoint(receiver)
    claim = ClaimFactory(statement="The ferry line to the islands closes in June")
    alert_raise(kind=Alert.Kind.SOURCE_DROPPED, claim=claim, detail="The source went missing.")

    delivery = wait_for_delivery(webhook_worker)
    assert delivery.state == WebhookDelivery.State.FAILED
    assert delivery.attempts == 6 and len(receiver.requests) == 6
    assert delivery.last_status_code == 503
    assert delivery.last_error == (
        "The receiver answered HTTP 503; it said: the receiver is unwell. Gave up after 6 attempts."
    )
    assert SECRET not in webhook_worker.log() and receiver.url() not in webhook_worker.log()
