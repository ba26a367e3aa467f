"""Alerts (issue 13): raised once, seen by editors on the board, the claim workspace and the
alerts page with both spans side by side, dismissed with a reason, listed by the API, and
never shown to readers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from claims.alerts import alert_dismiss, alert_raise
from claims.models import Alert, Claim, Mention, Notification
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(roles):
    claim = ClaimFactory(statement="The dam will be raised by ten metres")
    hedged = MentionFactory(
        article=ArticleFactory(
            text="Le barrage serait rehaussé de dix mètres, selon la Gazette.",
            language="fr", outlet=OutletFactory(name="La Gazette"),
        ),
        claim=claim, content="Le barrage serait rehaussé de dix mètres",
        speaker="la Gazette", hedges=["conditional", "attributed"],
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    bare = MentionFactory(
        article=ArticleFactory(
            text="The dam will be raised by ten metres, the minister said.",
            outlet=OutletFactory(name="The Herald"),
        ),
        claim=claim, content="The dam will be raised by ten metres", speaker="the minister",
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    return claim, hedged, bare


def raise_drift(pair):
    claim, hedged, bare = pair
    return alert_raise(
        kind=Alert.Kind.HEDGE_DROPPED, claim=claim, earlier=hedged, later=bare,
        article=bare.article, detail="La Gazette hedged it; The Herald states it bare.",
        data={"lost": ["conditional", "attributed"]},
    )  # fmt: skip


def test_an_alert_is_raised_once_and_reaches_every_editor(
    pair, editor, editor2, journalist, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = raise_drift(pair)
    assert first is not None
    assert raise_drift(pair) is None  # the same alert is open already
    assert Alert.objects.count() == 1
    told = set(
        Notification.objects.filter(alert=first).values_list("recipient__username", flat=True)
    )
    assert told == {editor.username, editor2.username}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([editor.email, editor2.email])
    assert all("Hedge dropped" in m.subject for m in mailoutbox)
    assert "La Gazette hedged it" in mailoutbox[0].body


def test_dismissing_needs_an_editor_and_a_reason(pair, editor, journalist):
    alert = raise_drift(pair)
    with pytest.raises(PermissionDenied):
        alert_dismiss(alert=alert, by=journalist, reason="fine")
    with pytest.raises(ValidationError):
        alert_dismiss(alert=alert, by=editor, reason="  ")
    alert_dismiss(alert=alert, by=editor, reason="The Herald quotes the minister on the record")
    alert.refresh_from_db()
    assert alert.state == Alert.State.DISMISSED and alert.dismissed_by == editor
    with pytest.raises(ValidationError):
        alert_dismiss(alert=alert, by=editor, reason="again")
    # Dismissed, the same drift may be raised again later (a new appearance, say).
    assert raise_drift(pair) is not None


def test_the_workspace_shows_both_spans_side_by_side_and_the_dismiss_form(client, pair, editor):
    alert = raise_drift(pair)
    client.force_login(editor)
    html = client.get(reverse("review:claim", args=[pair[0].pk])).content.decode()
    card = html[html.index(f'id="alert-{alert.pk}"') :]
    card = card[: card.index("</article>")]
    assert "Le barrage serait rehaussé de dix mètres" in card
    assert "The dam will be raised by ten metres" in card
    assert "La Gazette" in card and "The Herald" in card
    assert "conditional" in card and "reported bare" in card
    assert reverse("review:alert-dismiss", args=[alert.pk]) in card


def test_a_journalist_sees_alerts_but_cannot_dismiss(client, pair, journalist):
    alert = raise_drift(pair)
    client.force_login(journalist)
    html = client.get(reverse("review:alerts")).content.decode()
    assert "La Gazette hedged it" in html
    assert reverse("review:alert-dismiss", args=[alert.pk]) not in html
    response = client.post(reverse("review:alert-dismiss", args=[alert.pk]), {"reason": "x"})
    assert response.status_code == 403
    assert Alert.objects.get().state == Alert.State.OPEN


def test_an_editor_dismisses_from_the_board_and_the_reason_is_kept(client, pair, editor):
    alert = raise_drift(pair)
    client.force_login(editor)
    board = client.get(reverse("review:board")).content.decode()
    assert "La Gazette hedged it" in board
    response = client.post(
        reverse("review:alert-dismiss", args=[alert.pk]),
        {"reason": "Checked with the ministry", "next": reverse("review:board")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("review:board")
    assert "La Gazette hedged it" not in client.get(reverse("review:board")).content.decode()
    dismissed = client.get(reverse("review:alerts") + "?state=dismissed").content.decode()
    assert "Checked with the ministry" in dismissed


def test_dismiss_without_a_reason_is_refused_with_words(client, pair, editor):
    alert = raise_drift(pair)
    client.force_login(editor)
    response = client.post(
        reverse("review:alert-dismiss", args=[alert.pk]), {"reason": ""}, follow=True
    )
    assert "Say why the alert is dismissed." in response.content.decode()
    assert Alert.objects.get().state == Alert.State.OPEN


def test_dismiss_never_redirects_off_site(client, pair, editor):
    alert = raise_drift(pair)
    client.force_login(editor)
    response = client.post(
        reverse("review:alert-dismiss", args=[alert.pk]),
        {"reason": "ok", "next": "https://evil.example/"},
    )
    assert response["Location"] == pair[0].get_workspace_url()


def test_board_lists_published_claims_whose_source_changed_apart(client, pair, editor, ratings):
    claim, hedged, bare = pair
    raise_drift(pair)
    Claim.objects.filter(pk=claim.pk).update(
        status=Claim.Status.PUBLISHED, verdict=ratings["false"], published_at=bare.created_at
    )
    alert_raise(
        kind=Alert.Kind.QUOTE_CHANGED, claim=claim, earlier=bare, later=bare,
        article=bare.article, detail="The Herald changed the quote.",
        data={"old": "raised by ten metres", "new": "raised by eight metres"},
    )  # fmt: skip
    client.force_login(editor)
    board = client.get(reverse("review:board")).content.decode()
    changed = board[board.index('id="source-changed-h"') : board.index('id="alerts-h"')]
    assert "The Herald changed the quote." in changed
    assert "raised by eight metres" in changed
    assert "La Gazette hedged it" not in changed


def test_api_lists_open_alerts_for_the_newsroom_only(client, pair, editor, journalist):
    alert = raise_drift(pair)
    url = reverse("api:alert-list")
    assert client.get(url).status_code in (401, 403)  # readers: nothing
    client.force_login(journalist)
    body = client.get(url + "?state=open").json()
    [item] = body["results"]
    assert item["id"] == alert.pk and item["kind"] == "hedge_dropped"
    assert item["claim"] == pair[0].pk
    assert (item["earlier"], item["later"]) == (pair[1].pk, pair[2].pk)
    assert item["created_at"]
    alert_dismiss(alert=alert, by=editor, reason="ok")
    assert client.get(url + "?state=open").json()["results"] == []
    assert len(client.get(url + "?state=dismissed").json()["results"]) == 1
    assert client.get(url + "?state=shut").status_code == 400


def test_readers_never_see_alerts(client, pair, publish):
    raise_drift(pair)
    claim = pair[0]
    assert client.get(reverse("review:alerts")).status_code in (302, 403)
    published = publish(statement="Another published claim")
    html = client.get(published.get_absolute_url()).content.decode()
    assert "alert" not in html.lower() or "La Gazette hedged it" not in html
    assert claim.alerts.count() == 1
