"""The newsroom's article pages, task list and login page in French.

A journalist who chose French (the `django_language` cookie the language switch sets) reads
French labels, help, statuses and messages; stored errors stay in English in the database
and are shown translated. English stays the default (the other tests read English).
"""

import datetime

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article
from articles.services import ERROR_UNKNOWN_LANGUAGE
from claims.models import Task
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

FRENCH = {"HTTP_ACCEPT_LANGUAGE": "en"}  # the cookie, not the browser, chooses French
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def french(client, settings):
    """The cookie the language switch sets (a Cookie header would drop the session)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"


def page(client, url: str, **extra) -> str:
    response = client.get(url, **FRENCH, **extra)
    assert response.status_code == 200
    return response.content.decode()


def assert_none_of(html: str, english: list[str]) -> None:
    left = [text for text in english if text in html]
    assert not left, f"still in English: {left}"


def test_the_article_list_is_in_french(journalist_client):
    ArticleFactory(title="Le pont de la Garonne rouvrira en mars", status=Article.Status.QUEUED)
    html = page(journalist_client, reverse("articles:list"))
    assert '<html lang="fr">' in html
    for french in ["Ajouter un article", "Filtrer les articles", "Statut", "Titre", "Média",
                   "Ajouté le", "En attente", "Tous les statuts"]:  # fmt: skip
        assert french in html, french
    assert_none_of(html, ["Add an article", "Filter articles", ">Status<", ">Added<",
                          ">Queued<", "All statuses"])  # fmt: skip


def test_an_empty_article_list_invites_in_french(journalist_client):
    html = page(journalist_client, reverse("articles:list"))
    assert "Aucun article pour l’instant." in html and "Ajoutez le premier</a>" in html
    assert "No articles yet" not in html


def test_the_paste_form_has_french_labels_and_help(journalist_client):
    html = page(journalist_client, reverse("articles:new"))
    for french in ["À partir d’un lien", "Texte collé", "Lien d’origine", "Date de parution",
                   "Détecter automatiquement", "Enregistrer et extraire les affirmations",
                   f"Facultatif{NBSP}: le titre de l’article.",
                   "Un article collé peut compter au plus 200",
                   "L’adresse d’un article de presse en français ou en anglais."]:  # fmt: skip
        assert french in html, french
    assert_none_of(html, ["From a link", "Pasted text", "Original link", "Publication date",
                          "Detect automatically", "Optional:", "Pasted articles can be",
                          "Store and extract claims", "Fetch and extract claims"])  # fmt: skip


def test_the_paste_form_refuses_in_french(journalist_client):
    response = journalist_client.post(
        reverse("articles:new"),
        {"text": "", "published": "le quatorze mars", "language": ""},
        **FRENCH,
    )
    html = response.content.decode()
    assert "Collez le texte de l’article." in html
    assert "Écrivez la date de parution sous la forme AAAA-MM-JJ." in html
    assert_none_of(html, ["Paste the text of the article.", "Write the publication date"])
    assert not Article.objects.exists()


def test_a_future_date_is_refused_in_french(journalist_client):
    response = journalist_client.post(
        reverse("articles:new"),
        {"text": "Le maire a promis trois écoles.", "published": "2099-01-01"},
        **FRENCH,
    )
    assert f"La date de parution est dans le futur{NBSP}: vérifiez-la." in response.content.decode()


def test_a_bad_link_is_refused_in_french(journalist_client):
    response = journalist_client.post(
        reverse("articles:new-url"), {"url": "ftp://exemple.fr/article"}, **FRENCH
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Seules les adresses web commençant par http:// ou https://" in html
    assert "Only web addresses" not in html


def test_a_failed_article_shows_french_status_and_its_stored_error_translated(
    journalist_client,
):
    article = ArticleFactory(
        title="Un texte trop court", status=Article.Status.FAILED, error=ERROR_UNKNOWN_LANGUAGE
    )
    html = page(journalist_client, article.get_absolute_url())
    assert "Échec du traitement." in html and ">Échec<" in html
    assert "Nous n’avons pas pu déterminer si cet article est en français ou en anglais." in html
    assert "0 énoncé attribué" in html and "ajouté le" in html
    assert_none_of(html, ["Processing failed.", "We could not tell", "attributed statement",
                          ">Failed<", " added "])  # fmt: skip
    # Stored as it was: the database keeps the English sentence.
    article.refresh_from_db()
    assert article.error == ERROR_UNKNOWN_LANGUAGE


def test_an_error_with_details_stays_as_stored(journalist_client):
    """Sentences with a host or an HTTP status are not in the catalogue: shown as stored."""
    stored = "The page could not be found (HTTP 404). Check the link."
    article = ArticleFactory(status=Article.Status.FAILED, error=stored)
    html = page(journalist_client, article.get_absolute_url())
    assert "Échec du traitement." in html and stored in html


def test_an_article_with_mentions_reads_in_french(journalist_client):
    from tests.factories import MentionFactory

    article = ArticleFactory(text="« Nous ouvrirons trois écoles », a dit la maire.")
    MentionFactory(article=article, content="Nous ouvrirons trois écoles", quote_type="direct")
    html = page(journalist_client, article.get_absolute_url())
    assert "1 énoncé attribué" in html
    for french in ["Auteur des propos", "Verbe introducteur", "Position", "Indice de confiance",
                   f"«{NBSP}Nous ouvrirons trois écoles{NBSP}»"]:  # fmt: skip
        assert french in html, french
    assert_none_of(html, ["<dt>Speaker</dt>", "<dt>Cue</dt>", "<dt>Confidence</dt>"])


def test_my_tasks_are_in_french(journalist_client, journalist, editor):
    claim = ClaimFactory(statement="Le tramway transporte 40 000 voyageurs par jour.")
    Task.objects.create(
        claim=claim,
        title="Appeler la régie des transports",
        assignee=journalist,
        created_by=editor,
        due_date=datetime.date(2020, 3, 14),
    )
    html = page(journalist_client, reverse("review:my-tasks"))
    for french in ["Mes tâches", "Ouvertes", "Closes", "à rendre le 14", "en retard",
                   "Marquer comme faite", "Aucune."]:  # fmt: skip
        assert french in html, french
    assert_none_of(html, ["My tasks", ">Open<", ">Closed<", "due 14", ">overdue<", "Mark done",
                          "None."])  # fmt: skip


def test_the_login_page_is_in_french(client, roles):
    html = page(client, reverse("login"))
    assert "Se connecter" in html and "Nom d'utilisateur" in html and "Mot de passe" in html
    assert_none_of(html, ["Log in", "Username", "Password", "Accounts are for"])
    response = client.post(reverse("login"), {"username": "nobody", "password": "x"}, **FRENCH)
    html = response.content.decode()
    assert "ne correspondent pas" in html and "didn't match" not in html


def test_the_api_answers_in_french_to_a_french_client(journalist):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=journalist).key}")
    body = {"text": "Le conseil municipal a voté le budget lundi soir.", "language": "fr"}
    response = api.post("/api/articles/", body, format="json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 201
    assert response.json()["message"] == (
        "Article enregistré. Les affirmations sont en cours d’extraction."
    )
    assert response.json()["status_display"] == "En attente"
    again = api.post("/api/articles/", body, format="json", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert again["message"].startswith(f"Ce texte a déjà été soumis{NBSP}: c’est l’article")
    english = api.post("/api/articles/", body, format="json").json()
    assert english["message"].startswith("This text was already submitted")


def test_the_french_catalogue_translates_every_article_status(settings):
    from django.utils import translation

    with translation.override("fr"):
        labels = [str(label) for label in Article.Status.labels]
    english = [str(label) for label in Article.Status.labels]
    assert not set(labels) & set(english)


def test_a_request_too_big_to_read_is_refused_in_french(journalist_client):
    response = journalist_client.post(
        reverse("articles:new"), {"text": "x" * (5 * 1024 * 1024)}, **FRENCH
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Trop volumineux pour être lu" in html and "Cette requête dépasse 3" in html
    assert "Un article collé peut compter au plus 200" in html
    assert_none_of(html, ["Too large to read", "This request is larger", "Pasted articles"])
