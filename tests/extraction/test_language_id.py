"""Language identification: French and English told apart, other languages named, guesses refused."""

from pathlib import Path

import pytest

from claims.extraction import detect_language, identify_language, language_name

ROOT = Path(__file__).resolve().parents[2]

FRENCH_AND_ENGLISH = [
    ("fr", "Le ministre a déclaré lundi que la réforme serait adoptée avant l'été."),
    ("fr", "Selon la préfecture, 3 000 personnes ont manifesté samedi à Rennes."),
    ("fr", "La Poste a nié toute responsabilité"),
    ("en", "The minister said on Monday that the reform would pass before summer."),
    ("en", "According to the police, 3,000 people marched in Leeds on Saturday."),
    ("en", "Harbour authority rejects dredging delay"),
]

OTHER_LANGUAGES = [
    ("de", "Der Bürgermeister sagte am Montag, die neue Brücke werde vor dem Winter fertig."),
    ("de", "Ein Sprecher des Unternehmens wollte sich nicht äußern."),
    ("es", "Según la policía, tres personas resultaron heridas en el accidente."),
    ("es", "Un portavoz de la empresa declinó hacer comentarios."),
    ("it", "Il sindaco ha detto lunedì che il nuovo ponte sarà pronto prima dell'inverno."),
    ("it", "Secondo il Corriere della Sera, il ministro era a conoscenza dei piani."),
    ("pt", "Segundo a polícia, três pessoas ficaram feridas no acidente na autoestrada."),
    ("pt", "Um porta-voz da empresa não quis comentar as notícias."),
    ("nl", "Volgens de politie raakten drie mensen gewond bij het ongeluk op de snelweg."),
    ("nl", "De burgemeester zei maandag dat de nieuwe brug klaar is."),
    ("ru", "Министр заявил в понедельник, что переговоры продолжатся."),
    ("ar", "قال الوزير يوم الاثنين إن المفاوضات ستستمر."),
    ("zh", "外交部发言人周一表示，谈判将继续进行。"),
]


@pytest.mark.parametrize("language, text", FRENCH_AND_ENGLISH)
def test_short_french_and_english_news_text_is_told_apart(language, text):
    assert identify_language(text) == language
    assert detect_language(text) == language


@pytest.mark.parametrize("language, text", OTHER_LANGUAGES)
def test_a_sentence_in_another_language_is_named_not_taken_for_french_or_english(
    language, text
):
    assert identify_language(text) == language
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["", "   ", "12 345 !!", "OK", "Emmanuel Macron", "2-1"])
def test_too_little_text_is_no_answer_rather_than_a_guess(text):
    assert identify_language(text) is None
    assert detect_language(text) is None


def test_an_article_quoting_another_language_keeps_its_own():
    french = (
        "Le président argentin a répondu aux critiques lors d'une conférence de presse jeudi. "
        "Il a cité le quotidien Clarín, qui rapportait que les négociations avaient échoué. "
    )
    spanish = "«No vamos a negociar con quienes quieren destruir el país», dijo el presidente."
    assert identify_language(french + spanish) == "fr"
    assert identify_language(spanish + " " + french) == "fr"
    # Here the Dutch quote is 40% of the text and scores higher than English on its own:
    # another language wins only by a clear margin.
    english = (
        "Dutch prosecutors said on Tuesday they had opened an inquiry into the collapse of a "
        "motorway bridge near Utrecht. "
    )
    dutch = "De burgemeester zei maandag dat de nieuwe brug voor de winter klaar zal zijn."
    assert identify_language(english + dutch) == "en"
    assert identify_language(english + dutch + " " + dutch) == "nl"  # no longer a quote
    # The other way round: a German text with one English sentence stays German.
    german = " ".join(text for language, text in OTHER_LANGUAGES if language == "de")
    assert identify_language(german + " The company declined to comment.") == "de"


def test_only_the_head_of_a_long_article_is_read():
    english = "The minister said on Monday that the reform would pass. " * 400
    german = "Der Bürgermeister sagte, die Brücke sei fertig. " * 4000
    assert len(english) > 20000
    assert identify_language(english + german) == "en"


def test_language_names_are_words_a_journalist_reads():
    assert language_name("de") == "German"
    assert language_name("nl") == "Dutch"
    assert language_name("xx") == "“xx”"  # a code from a page's <html lang>, shown as it is


def test_one_module_asks_the_language_identifier():
    callers = [
        path.relative_to(ROOT).as_posix()
        for folder in ("articles", "claims", "claimtrack")
        for path in (ROOT / folder).rglob("*.py")
        if "py3langid" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["claims/extraction/language_id.py"]
