"""French constructions of real news, on sentences written for these tests."""

from claims.extraction import extract


def claims_of(text):
    return extract(text, "fr")


def test_the_audience_after_an_object_is_not_what_was_revealed():
    text = "La fédération des cheminots a révélé cette fermeture à la presse mardi soir."
    found = [c for c in claims_of(text) if c.cue.endswith("révélé")]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "cette fermeture"


def test_the_audience_between_verb_and_clause_is_skipped():
    text = "Le maire a expliqué aux journalistes que le pont serait rouvert en juin."
    found = [c for c in claims_of(text) if c.content == "le pont serait rouvert en juin"]
    assert found, [c.to_dict() for c in claims_of(text)]
