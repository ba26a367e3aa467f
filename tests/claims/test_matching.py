"""claims.matching: the score of two statements, candidate retrieval in PostgreSQL, the
match services and their permissions, the API and `ingest --json`."""

import pytest

from claims import matching

# --- Scoring (no database) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("cent moteurs", "fr", "q100"),
        ("a hundred engines", "en", "q100"),
        ("1,5 million de doses", "fr", "q1.5e+06"),
        ("1.5 million doses", "en", "q1.5e+06"),
        ("un million et demi de doses", "fr", "q1.5e+06"),
        ("1 500 emplois", "fr", "q1500"),
        ("1,500 jobs", "en", "q1500"),
        ("a $4.2bn deal", "en", "q4.2e+09"),
        ("a quarter of a million homes", "en", "q250000"),
        ("deux cents soldats", "fr", "q200"),
        ("two hundred and twenty soldiers", "en", "q220"),
    ],
)
def test_numbers_are_normalised_across_languages_and_formats(text, lang, value):
    assert matching.features(text, lang).numbers == {value}


def test_two_quantities_in_a_list_stay_two():
    assert matching.features("trois millions, un milliard", "fr").numbers == {"q3e+06", "q1e+09"}


def test_names_fold_accents_and_meet_across_languages():
    fr = matching.features("l'armée a quitté l'Égypte et la Russie", "fr")
    en = matching.features("the army left Egypt and Russia", "en")
    assert fr.names == en.names == {"egypt", "russia"}


def test_months_count_only_as_months():
    assert matching.features("elle partira en mars", "fr").dates == {"m3"}
    assert matching.features("protesters may march", "en").dates == set()
    assert matching.features("in May", "en").dates == {"m5"}


def test_a_translation_scores_above_the_threshold():
    fr = "le Parlement a voté la restitution de 120 moteurs d'hélicoptères à la Pologne"
    en = "parliament voted to return 120 helicopter engines to Poland"
    assert matching.score(fr, "fr", en, "en") >= matching.THRESHOLD


def test_same_speaker_and_places_but_another_claim_scores_below_the_threshold():
    a = "the minister said Poland would buy 120 tanks from Korea"
    b = "the minister said Poland would close its border with Belarus"
    assert matching.score(a, "en", b, "en", "Defence minister Nowak", "Nowak") < matching.THRESHOLD


def test_different_numbers_of_the_same_statement_are_not_a_match():
    a = "le chômage est tombé à 7,1 % au troisième trimestre"
    b = "unemployment fell to 7.4% in the third quarter"
    assert matching.score(a, "fr", b, "en") < matching.THRESHOLD
    assert matching.score(a, "fr", b.replace("7.4", "7.1"), "en") >= matching.THRESHOLD


def test_signature_holds_names_numbers_dates_and_english_stems():
    signature = matching.features("la Russie livrera 100 moteurs en mars", "fr").signature()
    assert set(signature.split()) >= {"russia", "q100", "m3", "engin"}
