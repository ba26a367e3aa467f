import pytest

from articles.models import Article, Outlet
from articles.services import (
    ERROR_UNKNOWN_LANGUAGE,
    article_create_from_text,
    outlet_get_or_create,
)

FRENCH = (
    "La mairie prépare la rentrée.\n\n"
    "« Nous ouvrirons trois écoles en septembre », a déclaré la maire, Sophie Lambert.\n\n"
    "Selon le rectorat, les effectifs sont en hausse."
)
ENGLISH = (
    "The council met on Monday.\n\n"
    '"We will open three new schools in September," said Mayor Tom Reed.\n\n'
    "According to the education board, enrolment is rising."
)


@pytest.mark.django_db
def test_pasted_text_is_stored_queued_before_extraction_runs():
    article = article_create_from_text(text=FRENCH, language="fr", enqueue=False)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert article.text == FRENCH
    assert len(article.content_hash) == 64


@pytest.mark.django_db
def test_pasted_text_ends_ready_with_mentions_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = article_create_from_text(text=FRENCH, outlet_name="Le Courrier")
    assert len(callbacks) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.READY, article.error
    assert article.language == "fr"
    assert article.pipeline_version
    speakers = list(article.mentions.values_list("speaker", flat=True))
    assert any("Lambert" in s for s in speakers), speakers
    assert all(article.text[m.start : m.end] == m.content for m in article.mentions.all())


@pytest.mark.django_db
def test_english_is_detected_when_no_language_is_given(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create_from_text(text=ENGLISH)
    article.refresh_from_db()
    assert article.language == "en"
    assert article.status == Article.Status.READY
    assert article.mentions.filter(speaker__icontains="Reed").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_stored_as_failed_with_a_reason(text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = article_create_from_text(text=text)
    assert callbacks == []  # nothing queued for a text we cannot process
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "no text" in article.error


@pytest.mark.django_db
def test_unsupported_language_is_stored_as_unsupported_and_says_which_languages_work():
    article = article_create_from_text(
        text="Der Bürgermeister sagte, die Brücke sei fertig.", language="de"
    )
    article.refresh_from_db()
    assert article.status == Article.Status.UNSUPPORTED
    assert "Unsupported language" in article.error and "French" in article.error


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, name",
    [
        ("Según la policía, tres personas resultaron heridas en el accidente.", "Spanish"),
        ("Il sindaco ha detto lunedì che il nuovo ponte sarà pronto.", "Italian"),
        ("Segundo a polícia, três pessoas ficaram feridas no acidente.", "Portuguese"),
        ("Volgens de politie raakten drie mensen gewond bij het ongeluk op de snelweg.", "Dutch"),
        ("Министр заявил в понедельник, что переговоры продолжатся.", "Russian"),
    ],
)
def test_text_in_another_language_is_unsupported_and_the_error_names_it(text, name):
    article = article_create_from_text(text=text, enqueue=False)
    assert article.status == Article.Status.UNSUPPORTED
    assert article.error == (
        f"The article seems to be in {name}: claimtrack handles French and English."
    )
    assert article.language == ""


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Emmanuel Macron", "Lyon 2-1 Nantes", "OK !"])
def test_too_little_text_to_tell_the_language_fails_and_asks_for_it(text):
    article = article_create_from_text(text=text, enqueue=False)
    assert (article.status, article.error) == (Article.Status.FAILED, ERROR_UNKNOWN_LANGUAGE)


@pytest.mark.django_db
def test_title_defaults_to_the_first_line():
    article = article_create_from_text(text=ENGLISH, enqueue=False)
    assert article.title == "The council met on Monday."


@pytest.mark.django_db
def test_outlets_are_reused_whatever_the_case_and_spacing():
    first = outlet_get_or_create(name="Le  Courrier")
    second = outlet_get_or_create(name="le courrier")
    assert first == second
    assert Outlet.objects.count() == 1
    assert outlet_get_or_create(name="  ") is None
