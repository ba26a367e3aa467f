"""The review desk in French: the queue and its filters, an article's review page (cards,
bulk bar, correction and add forms), bulk messages and the refusals services give.

A journalist who chose French (the `django_language` cookie the language switch sets) reviews
in French; English stays the default.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from claims import services
from claims.models import Mention
from tests.factories import ArticleFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.usefixtures("roles")

N = "\u00a0"  # French puts a non-breaking space before « : » and inside « »
TEXT = (
    "La maire a dit que le pont rouvrirait en mars. "
    "Le préfet a démenti que le pont rouvrirait en mars. "
    "Un pêcheur a dit que les filets étaient déchirés."
)


@pytest.fixture
def french(journalist_client, settings):
    journalist_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return journalist_client


@pytest.fixture
def article():
    article = ArticleFactory(title="Le pont de Brest", text=TEXT, language="fr")
    MentionFactory(article=article, speaker="La maire", content="le pont rouvrirait en mars")
    denial = MentionFactory(
        article=article, speaker="Le préfet", content="le pont rouvrirait en mars", cue="démenti",
        stance=Mention.Stance.DENIES,
    )  # fmt: skip
    denial.start = TEXT.rindex("le pont rouvrirait en mars")
    denial.end = denial.start + len("le pont rouvrirait en mars")
    denial.save()
    MentionFactory(
        article=article, speaker="Un pêcheur", content="les filets étaient déchirés",
        review_state=Mention.ReviewState.REJECTED,
        rejection_reason=Mention.RejectionReason.NOT_CHECKABLE, rejection_note="Trop vague",
    )  # fmt: skip
    return article


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_none_of(html: str, english: list[str]) -> None:
    left = [text for text in english if text in html]
    assert not left, f"still in English: {left}"


def test_the_review_queue_and_its_filters_are_in_french(french, article):
    html = page(french, reverse("review:queue"))
    assert '<html lang="fr">' in html
    for text in [
        "File de relecture", "les plus récents d’abord", "Rechercher", "Tous les médias",
        "Toutes les langues", "Toutes les positions", "Indice de confiance inférieur à",
        "Ressemble à une affirmation existante", "Ordre", "Les moins sûrs d’abord", "Filtrer",
        "À relire", "Douteux", "Le pont de Brest",
    ]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, [
        "Review queue", "Any stance", "Confidence below", "Newest first", "Least confident",
        ">Order<", ">Filter<", "To review", ">Doubtful<",
    ])  # fmt: skip


def test_an_empty_filtered_queue_says_so_in_french(french, article):
    html = page(french, reverse("review:queue") + "?q=introuvable")
    assert "Aucun article ne correspond à ces filtres." in html
    assert "Afficher toute la file" in html


def test_the_article_review_page_is_in_french(french, article):
    html = page(french, reverse("review:article", args=[article.pk]))
    for text in [
        "Relecture", "2 énoncés à relire", "page de l’article", f"Clavier{N}:",
        "3 énoncés attribués", "Avec les énoncés sélectionnés", "Rejeter",
        "Accepter, chacun comme une nouvelle affirmation", "Motif", "Note (facultative)",
        "Appliquer", "Sélectionner", "Auteur des propos", "Verbe introducteur", "Position",
        "Chaîne de relais", "Indice de confiance", "État", "Affirme", "Dément",
        f"Une réponse (dément), pas une affirmation à part entière{N}:",
        "Nouvelle affirmation, en une phrase", "Accepter comme nouvelle affirmation",
        "Motif…", "Pas une affirmation", "Mauvais auteur ou mauvais passage", "Corriger",
        f"Rattacher à une autre affirmation{N}: rechercher", "Rejeté",
        "(Invérifiable: Trop vague)", f"Annuler{N}: remettre en relecture",
        "Ajouter un énoncé", "Les mots exacts", "Type d’auteur", "Type de citation",
        "Ajouter l’énoncé", "Relayé par",
    ]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, [
        "statements to review", "attributed statements", "article page", "Keyboard:",
        ">Speaker<", ">Cue<", ">Stance<", ">Relay chain<", ">Confidence<", ">State<",
        "Accept as a new claim", "New claim, in one sentence", ">Reject<", ">Correct<",
        "Undo: restore", "Not checkable", "Not a claim", "Wrong speaker", "A response (",
        "With the selected statements", "Add a statement", "Speaker type", "Quote type",
    ])  # fmt: skip


def test_the_correction_form_is_in_french(french, article):
    mention = article.mentions.get(speaker="La maire")
    html = page(french, reverse("review:mention-correct", args=[mention.pk]) + "?number=1")
    for text in [
        "Les mots exacts", "Auteur des propos", "Type d’auteur", "Inconnu", "Verbe introducteur",
        "Type de citation", "Position", "Relayé par", "Enregistrer la correction",
        "Les médias qui ont relayé l’énoncé, un par ligne, dans l’ordre.",
    ]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["Save correction", "Speaker type", "The exact words", "Relayed by"])


def test_a_bulk_reject_is_confirmed_in_french_with_an_undo(french, article):
    mention = article.mentions.get(speaker="La maire")
    response = french.post(
        reverse("review:mentions-bulk", args=[article.pk]),
        {"action": "reject", "mentions": [mention.pk], "reason": "duplicate"},
        follow=True,
    )
    html = response.content.decode()
    assert "1 énoncé rejeté." in html
    assert ">Annuler<" in html
    assert_none_of(html, ["statement rejected", ">Undo<"])
    mention.refresh_from_db()
    assert mention.rejection_reason == "duplicate"


def test_a_bulk_action_without_a_selection_is_refused_in_french(french, article):
    response = french.post(
        reverse("review:mentions-bulk", args=[article.pk]), {"action": "reject"}, follow=True
    )
    assert "Sélectionnez au moins un énoncé." in response.content.decode()


def test_accepting_a_denial_as_a_new_claim_is_refused_in_french(french, article):
    denial = article.mentions.get(speaker="Le préfet")
    response = french.post(
        reverse("review:mention-accept", args=[denial.pk]),
        {"statement": "Le pont rouvrira en mars", "number": "2"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "pas une affirmation à part entière" in html
    assert "not a claim of its own" not in html
    denial.refresh_from_db()
    assert denial.review_state == Mention.ReviewState.UNREVIEWED


def test_a_service_refusal_is_worded_in_the_requests_language(article):
    reader = UserFactory(username="rita")
    mention = article.mentions.get(speaker="La maire")
    with translation.override("fr"), pytest.raises(PermissionDenied) as refusal:
        services.mention_reject(mention=mention, by=reader, reason="duplicate")
    assert str(refusal.value) == (
        "Seuls les journalistes et les éditeurs relisent les énoncés attribués."
    )
    with pytest.raises(PermissionDenied) as refusal:
        services.mention_reject(mention=mention, by=reader, reason="duplicate")
    assert str(refusal.value) == "Only journalists and editors review mentions."


def test_a_service_error_with_a_value_is_in_french(article, journalist):
    mention = article.mentions.get(speaker="La maire")
    with translation.override("fr"), pytest.raises(Exception) as error:
        services.mention_correct(mention=mention, by=journalist, stance="hésite")
    assert f"Position inconnue «{N}hésite{N}»." in " ".join(error.value.messages)


def test_the_claim_list_is_in_french(french):
    html = page(french, reverse("review:claims"))
    for text in [
        "Affirmations", "Rechercher", "Statut", "tous", "Filtrer", "Énoncé",
        "Auteur de l’affirmation", "Verdict", "Occurrences", "Aucune affirmation.",
        "Créer une affirmation à la main", "Créer l’affirmation",
    ]:  # fmt: skip
        assert text in html, text
    assert_none_of(html, ["<h1>Claims", ">Statement<", ">Claimant<", "No claims.", ">any<"])


def test_the_review_page_stays_in_english_by_default(journalist_client, article):
    html = page(journalist_client, reverse("review:article", args=[article.pk]))
    for text in [
        "2 statements to review", "3 attributed statements", ">Speaker<", ">Stance<",
        "Accept as a new claim", ">Reject<", ">Correct<", "Undo: restore for review",
        "(Not checkable: Trop vague)", "With the selected statements",
    ]:  # fmt: skip
        assert text in html, text


def test_a_workspace_action_is_confirmed_in_french(client, settings, editor, journalist):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="Le pont rouvrira en mars", by=journalist
    )
    client.force_login(editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.post(
        reverse("review:claim-edit", args=[claim.pk]),
        {"statement": "Le pont de Brest rouvrira en mars", "claimant": "", "sourcing": ""},
        follow=True,
    )
    html = response.content.decode()
    assert "Affirmation enregistrée." in html
    assert "Claim saved." not in html
