"""Notifications in the app and by e-mail (issue 12, part 7)."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from claims import notifications, services
from claims.context_processors import unread_notifications
from claims.models import Notification, Task
from claims.roles import EDITORS
from tests.factories import ClaimFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("roles")


@pytest.fixture
def claim(editor, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The city sells the old tram depot", by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="The depot stays public.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Council decision 12/2026")
    return claim


@pytest.fixture
def editor3(roles):
    user = UserFactory(username="ezra")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_a_publication_request_reaches_every_other_editor(
    claim, editor, editor2, editor3, journalist, settings, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_request_publication(claim=claim, by=editor)
    got = Notification.objects.filter(kind=Notification.Kind.PUBLICATION_REQUESTED)
    assert sorted(n.recipient.username for n in got) == ["edna", "ezra"]
    assert all(n.actor == editor and n.claim == claim for n in got)
    assert sorted(m.to[0] for m in mailoutbox) == [editor2.email, editor3.email]
    body = mailoutbox[0].body
    assert "The city sells the old tram depot" in body
    assert f"{settings.SITE_URL}/review/claims/{claim.pk}/" in body
    assert "eddie asks you to approve the publication" in got.first().message


def test_e_mail_links_are_absolute_from_site_url(
    claim, editor, editor2, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://desk.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_request_publication(claim=claim, by=editor)
    [message] = mailoutbox
    assert f"https://desk.example.org/review/claims/{claim.pk}/" in message.body
    assert message.subject.startswith("[claimtrack] Publication to approve:")


def test_a_refusing_mail_server_is_logged_and_the_request_stands(
    claim, editor, editor2, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_request_publication(claim=claim, by=editor)
    claim.refresh_from_db()
    assert claim.status == claim.Status.IN_REVIEW
    assert Notification.objects.filter(recipient=editor2).exists()
    assert "Notification e-mail" in caplog.text


def test_a_pending_change_reaches_the_other_editors(
    claim, editor, editor2, ratings, mailoutbox, django_capture_on_commit_callbacks
):
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    Notification.objects.all().delete()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_set_verdict(
            claim=claim, verdict=ratings["mixed"], conclusion="Half the depot is sold.",
            by=editor2, correction="The council sold the east hall.",
        )  # fmt: skip
    [note] = Notification.objects.all()
    assert (note.recipient, note.kind) == (editor, Notification.Kind.CHANGE_REQUESTED)
    [message] = mailoutbox
    assert message.to == [editor.email]
    assert "The council sold the east hall." in message.body and "Mixed" in message.body


def test_at_username_in_a_comment_notifies_that_newsroom_member(
    claim, editor, journalist, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(username="reader")  # not a newsroom member
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(
            claim=claim, by=editor,
            body="@jo, can you call the depot's owner? cc @reader @nobody and @eddie.",
        )  # fmt: skip
    [note] = Notification.objects.all()
    assert (note.recipient, note.kind, note.actor) == (journalist, "mentioned", editor)
    assert "call the depot's owner" in note.text
    [message] = mailoutbox
    assert message.to == [journalist.email] and "call the depot's owner" in message.body


def test_mentioned_usernames_ignore_e_mail_addresses_and_full_stops():
    found = notifications.mentioned_usernames("Ask @edna. Mail olga@example.org, or @jo-2!")
    assert found == {"edna", "jo-2"}


def test_a_finished_task_notifies_who_assigned_it(
    claim, editor, journalist, mailoutbox, django_capture_on_commit_callbacks
):
    task = services.task_create(claim=claim, by=editor, assignee=journalist, title="Call the mayor")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.task_set_state(task=task, by=journalist, state=Task.State.DONE)
    [note] = Notification.objects.all()
    assert (note.recipient, note.kind, note.task) == (editor, "task_done", task)
    assert "Call the mayor" in note.message
    [message] = mailoutbox
    assert message.to == [editor.email] and "Call the mayor" in message.subject


def test_finishing_ones_own_task_notifies_nobody(claim, editor):
    task = services.task_create(claim=claim, by=editor, assignee=editor, title="Read the decree")
    services.task_set_state(task=task, by=editor, state=Task.State.DONE)
    assert not Notification.objects.exists()


# --- Pages, permissions, badge ---------------------------------------------------------


@pytest.fixture
def notice(claim, editor, editor2):
    services.claim_request_publication(claim=claim, by=editor)
    return Notification.objects.get(recipient=editor2)


def test_the_notifications_page_needs_login(client):
    response = client.get(reverse("review:notifications"))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_readers_cannot_open_the_notifications_page(client):
    client.force_login(UserFactory(username="reader"))
    assert client.get(reverse("review:notifications")).status_code == 403


def test_the_recipient_sees_and_marks_a_notification_read(client, editor2, notice):
    client.force_login(editor2)
    page = client.get(reverse("review:notifications")).content.decode()
    assert "asks you to approve the publication" in page
    assert 'class="badge notification-count">1' in page
    response = client.post(reverse("review:notification-read", args=[notice.pk]))
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "notification-count" not in client.get(reverse("review:queue")).content.decode()


def test_opening_a_notification_marks_it_read_and_goes_to_the_claim(client, editor2, notice):
    client.force_login(editor2)
    response = client.post(reverse("review:notification-read", args=[notice.pk]), {"open": "1"})
    assert response["Location"] == reverse("review:claim", args=[notice.claim_id])
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_nobody_marks_another_users_notification_read(client, editor, journalist, notice):
    for user in [editor, journalist]:
        client.force_login(user)
        response = client.post(reverse("review:notification-read", args=[notice.pk]))
        assert response.status_code == 403
    notice.refresh_from_db()
    assert notice.read_at is None
    with pytest.raises(Exception, match="not yours"):
        notifications.notification_mark_read(notification=notice, by=editor)


def test_mark_all_read_touches_only_ones_own(client, editor, editor2, notice):
    mine = Notification.objects.create(recipient=editor, kind="mentioned", claim=notice.claim)
    client.force_login(editor)
    client.post(reverse("review:notifications-read-all"))
    mine.refresh_from_db()
    notice.refresh_from_db()
    assert mine.read_at is not None and notice.read_at is None


def test_the_badge_costs_one_query_for_newsroom_members(
    editor2, notice, django_assert_max_num_queries
):
    for n in range(5):
        Notification.objects.create(recipient=editor2, kind="mentioned", text=f"Note {n}")
    request = RequestFactory().get("/")
    request.user = editor2
    editor2.has_perm("claims.review_mention")  # the menu loads permissions anyway
    with django_assert_max_num_queries(1):
        assert unread_notifications(request) == {"unread_notifications": 6}


def test_readers_get_no_badge_and_no_query(django_assert_max_num_queries):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_max_num_queries(0):
        assert unread_notifications(request) == {}


def test_the_board_lists_publications_waiting_for_my_approval(client, editor, editor2, notice):
    other = ClaimFactory(statement="The tram fares fall by half")
    client.force_login(editor2)
    board = client.get(reverse("review:board")).content.decode()
    assert "Waiting for my approval" in board
    assert "The city sells the old tram depot" in board and other.statement not in board
    client.force_login(editor)
    board = client.get(reverse("review:board")).content.decode()
    assert "The city sells the old tram depot" not in board  # one's own request
