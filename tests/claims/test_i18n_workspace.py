"""The claim workspace, the task board, notifications, refusals and e-mails in French.

An editor who chose French (the `django_language` cookie the language switch sets) reads the
newsroom's claim pages in French; notification e-mails are worded in the language of the
request that sends them (accounts have no language preference). English stays the default.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from claims import notifications, published_changes, responses, services
from claims.models import Notification, PendingChange
from claims.permissions import require
from tests.factories import MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

FRENCH = {"HTTP_ACCEPT_LANGUAGE": "en"}  # the cookie, not the browser, chooses French
NBSP = "\u00a0"
STATEMENT = "Le tramway de Brest roulera la nuit dès septembre"


@pytest.fixture
def french(client, settings):
    """The cookie the language switch sets (a Cookie header would drop the session)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


@pytest.fixture
def ready(editor, ratings):
    """A draft claim with a verdict, a conclusion and approved evidence: ready to publish."""
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement=STATEMENT, by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="Le réseau ferme à minuit.", by=editor
    )
    services.evidence_add(
        claim=claim, by=editor, title="Délibération du conseil", url="https://e.org/bibus"
    )
    return claim


@pytest.fixture
def published(ready, editor, editor2):
    services.claim_request_publication(claim=ready, by=editor)
    return services.claim_approve_publication(claim=ready, by=editor2)


def page(client, url: str) -> str:
    response = client.get(url, **FRENCH)
    assert response.status_code == 200
    return response.content.decode()


def assert_none_of(html: str, english: list[str]) -> None:
    left = [text for text in english if text in html]
    assert not left, f"still in English: {left}"


def test_the_workspace_of_a_published_claim_with_a_pending_change_is_in_french(
    french, published, editor, editor2, ratings
):
    services.claim_set_verdict(
        claim=published, verdict=ratings["mostly-true"], conclusion="Un essai est prévu.",
        by=editor, correction="Le réseau a annoncé un essai nocturne.",
    )  # fmt: skip
    assert PendingChange.objects.filter(claim=published).exists()
    french.force_login(editor2)
    html = page(french, reverse("review:claim", args=[published.pk]))
    assert '<html lang="fr">' in html
    for text in [
        f"Affirmation n°{published.pk}", "Énoncé, auteur et sources", "Énoncé normalisé",
        "Évaluation des sources", "Note de correction (publique)", "Enregistrer",
        "Modification en attente d’un second éditeur", "Approuver la modification",
        "Demandée par eddie le", "Éléments de preuve (1)", "ajouté par eddie", "approuvé",
        "Occurrences (1)", "Réponses (0)", "Publication", "Publiée le", "Dépublier",
        "Pourquoi dépublier (public)", "Tâches", "Aucune tâche.", "Assigner une tâche",
        "Échéance", "Assignée à", "Commentaires (internes)", "Aucun commentaire.", "Commenter",
        "Historique", "page publique", f"Auteur de l’affirmation{NBSP}:",
        "Affirmation: modification (Publication demandée)", "création",
    ]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, [
        "Statement, claimant and sourcing", "Normalised statement", "Sourcing assessment",
        "Correction note (public)", ">Save<", "Change waiting for a second editor",
        "Approve the change", "Evidence (", "added by", ">approved<", "Appearances (",
        "Responses (", ">Unpublish<", "Why unpublish",
        ">Tasks<", "No tasks.", "Assign a task", "Due date", "Comments (internal)",
        "No comments.", ">Comment<", ">History<", "public page", "Claimant:", "created by",
        "Claim #", "No verdict yet", "Save verdict", "Add evidence", ": changed", ": created",
        "(Publication requested)",
    ])  # fmt: skip


def test_the_workspace_of_a_requested_claim_is_in_french(french, ready, editor, editor2):
    services.claim_request_publication(claim=ready, by=editor)
    french.force_login(editor2)
    html = page(french, reverse("review:claim", args=[ready.pk]))
    for text in ["Publication demandée par eddie le", "un second éditeur approuve cette version",
                 "Approuver et publier", "Retirer la demande", "En relecture"]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["Publication requested by", "Approve and publish",
                          "Withdraw the request", "In review"])  # fmt: skip


def test_a_draft_workspace_offers_its_forms_in_french(french, editor, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement=STATEMENT, by=editor
    )
    french.force_login(editor)
    html = page(french, reverse("review:claim", args=[claim.pk]))
    for text in ["Brouillon", "Pas encore de verdict", "Enregistrer le verdict",
                 "Conclusion rédigée",
                 "Aucun élément de preuve pour l’instant.", "Ajouter un élément de preuve",
                 "Fusionner", "Fusionner dans l’affirmation numéro",
                 "Fusionner cette affirmation dans celle-ci", "Demander la publication",
                 "Rapport à l’affirmation", "Si l’autre affirmation est publiée",
                 "Avant publication, il manque à cette affirmation un verdict, une conclusion "
                 "rédigée, au moins un élément de preuve approuvé."]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["No verdict yet", "Save verdict", "Written conclusion",
                          "No evidence yet.", "Add evidence", "Merge into claim number",
                          "Merge this claim into it", "Request publication", ">Draft<",
                          "If the other claim is published", "Before publishing",
                          "a written conclusion", "approved evidence item"])  # fmt: skip


def test_the_board_with_a_request_waiting_for_me_is_in_french(french, ready, editor, editor2):
    services.claim_request_publication(claim=ready, by=editor)
    french.force_login(editor2)
    html = page(french, reverse("review:board"))
    for text in ["Tableau des tâches", "Tâches de vérification ouvertes", "0 tâche en retard.",
                 "En attente de mon approbation", "première publication",
                 "demandée par eddie", "Aucune tâche ouverte."]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["Task board", "Open verification tasks", "overdue task",
                          "Waiting for my approval", "first publication", "asked by",
                          "No open tasks."])  # fmt: skip


def test_the_notifications_page_is_in_french(french, ready, editor, editor2):
    services.claim_request_publication(claim=ready, by=editor)
    french.force_login(editor2)
    html = page(french, reverse("review:notifications"))
    for text in ["Notifications", "Tout marquer comme lu", "Publication demandée", "non lue",
                 f"eddie vous demande d’approuver la publication de «{NBSP}{STATEMENT}{NBSP}».",
                 ">Ouvrir<", ">Marquer comme lue<"]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["Mark all read", "Publication requested", ">unread<",
                          "asks you to approve", ">Open<", ">Mark read<"])  # fmt: skip
    editor2_notice = Notification.objects.get(recipient=editor2)
    response = french.post(reverse("review:notifications-read-all"), **FRENCH, follow=True)
    assert "1 notification marquée comme lue." in response.content.decode()
    editor2_notice.refresh_from_db()
    assert editor2_notice.read_at is not None


def test_refusals_are_worded_in_the_language_of_the_request(published, editor, ratings):
    services.claim_set_verdict(
        claim=published, verdict=ratings["mostly-true"], conclusion="Un essai est prévu.",
        by=editor, correction="Le réseau a annoncé un essai nocturne.",
    )  # fmt: skip
    change = PendingChange.objects.get(claim=published)
    notice = Notification.objects.filter(kind=Notification.Kind.CHANGE_REQUESTED).first()
    with translation.override("fr"):
        with pytest.raises(PermissionDenied) as default:
            require(False)
        with pytest.raises(PermissionDenied) as own:
            published_changes.pending_change_approve(change=change, by=editor)
        with pytest.raises(PermissionDenied) as not_mine:
            notifications.notification_mark_read(notification=notice, by=editor)
        not_a_claim = str(responses.NOT_A_CLAIM)
    assert str(default.value) == "Vous n’êtes pas autorisé à faire cela."
    assert str(own.value) == (
        f"Un second éditeur doit approuver{NBSP}: c’est vous qui avez demandé cette modification."
    )
    assert str(not_mine.value) == "Cette notification ne vous est pas destinée."
    assert not_a_claim.startswith("Cet énoncé attribué est une réponse")
    with translation.override("en"), pytest.raises(PermissionDenied) as english:
        require(False)  # the default message is put into words at call time, in English here
    assert str(english.value) == "You are not allowed to do this."


def test_the_requester_approving_their_own_change_is_refused(french, published, editor, ratings):
    services.claim_set_verdict(
        claim=published, verdict=ratings["mostly-true"], conclusion="Un essai est prévu.",
        by=editor, correction="Le réseau a annoncé un essai nocturne.",
    )  # fmt: skip
    change = PendingChange.objects.get(claim=published)
    french.force_login(editor)
    response = french.post(reverse("review:change-approve", args=[change.pk]), **FRENCH)
    assert response.status_code == 403
    assert PendingChange.objects.filter(pk=change.pk).exists()


def test_a_publication_request_made_in_french_mails_in_french(
    french, ready, editor, editor2, mailoutbox, django_capture_on_commit_callbacks
):
    french.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = french.post(reverse("review:claim-publish", args=[ready.pk]), **FRENCH)
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == [editor2.email]
    assert mail.subject == f"[claimtrack] Publication à approuver{NBSP}: {STATEMENT}"
    assert mail.body.startswith("Bonjour edna,")
    for text in [
        f"eddie demande à un second éditeur d’approuver la publication de cette affirmation{NBSP}:",
        f"«{NBSP}{STATEMENT}{NBSP}»",
        f"Verdict{NBSP}: Faux",
        "vous ne pouvez pas approuver vos propres demandes",
    ]:
        assert text in mail.body, text
    assert_none_of(mail.body, ["Hello", "asks a second editor", "Read it and approve it"])


def test_a_finished_task_mails_in_french(
    french, ready, editor, journalist, mailoutbox, django_capture_on_commit_callbacks
):
    task = services.task_create(
        claim=ready, by=editor, title="Appeler la régie Bibus", assignee=journalist
    )
    french.force_login(journalist)
    with django_capture_on_commit_callbacks(execute=True):
        french.post(reverse("review:task-state", args=[task.pk]), {"state": "done"}, **FRENCH)
    [mail] = mailoutbox
    assert mail.subject == f"[claimtrack] Tâche faite{NBSP}: Appeler la régie Bibus"
    assert "jo a terminé la tâche que vous aviez assignée" in mail.body
    assert f"Affirmation{NBSP}: «{NBSP}{STATEMENT}{NBSP}»" in mail.body
    assert "Ouvrir l’affirmation" in mail.body and "Open the claim" not in mail.body


def test_english_stays_the_default(client, ready, editor, editor2, mailoutbox,
                                   django_capture_on_commit_callbacks):  # fmt: skip
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("review:claim-publish", args=[ready.pk]))
    [mail] = mailoutbox
    assert mail.subject.startswith("[claimtrack] Publication to approve: ")
    assert mail.body.startswith("Hello edna,") and f"“{STATEMENT}”" in mail.body
    client.force_login(editor2)
    html = client.get(reverse("review:claim", args=[ready.pk])).content.decode()
    assert '<html lang="en">' in html
    assert "Statement, claimant and sourcing" in html and "Approve and publish" in html
    board = client.get(reverse("review:board")).content.decode()
    assert "Waiting for my approval" in board and "first publication" in board
