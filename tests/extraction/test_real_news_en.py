"""Constructions of English news reports missed on real articles (sentences written here)."""

from claims.extraction import extract
from tests.extraction.helpers import with_cue as shared_with_cue


def with_cue(text, cue_word):
    return shared_with_cue(text, "en", cue_word)


def test_called_an_object_an_unquoted_verdict():
    claim = with_cue("The Red Cross called the flooding the worst disaster in a decade.", "called")
    assert claim.speaker == "The Red Cross"
    assert claim.content.startswith("the flooding the worst disaster")


def test_described_an_object_as_something_after_a_time_phrase():
    claim = with_cue(
        "The ministry described the new rules last week as a major step for road safety.",
        "described",
    )
    assert claim.content.startswith("the new rules")
    assert "major step" in claim.content


def test_referred_to_an_object_as_something():
    claim = with_cue("The airline referred to the damaged jet as a cargo aircraft.", "referred")
    assert claim.content == "the damaged jet as a cargo aircraft"


def test_call_and_refer_without_a_verdict_are_no_claims():
    assert extract("The court called him as a witness.", "en") == []
    assert extract("The mayor called the residents to a meeting.", "en") == []
    assert extract("She referred to the report in her speech.", "en") == []


def test_an_acronym_spelt_like_who_is_a_speaker_not_a_relative_pronoun():
    assert with_cue("The WHO said cases rose sharply this year.", "said").speaker == "The WHO"
    claim = with_cue("According to the WHO, cases rose sharply this year.", "According")
    assert claim.speaker == "the WHO"
    assert with_cue("Officials who visited the site said it was safe.", "said").speaker == (
        "Officials"
    )


def test_zero_that_clause_whose_subject_the_parser_took_for_an_object():
    text = (
        "The regional government announced the tests by a private laboratory found lead in"
        " the town's water, and said the pipes would be replaced."
    )
    claim = with_cue(text, "announced")
    assert claim.content == "the tests by a private laboratory found lead in the town's water"
    claim = with_cue("The police indicated a breakthrough was likely at the hearing.", "indicated")
    assert claim.content.startswith("a breakthrough was likely")


def test_a_recipient_before_a_zero_that_clause_stays_out_of_the_content():
    claim = with_cue("The spokesman told AFP the board would meet.", "told")
    assert claim.content == "the board would meet"


def test_verdict_hung_on_a_participle_of_the_object():
    claim = with_cue('The manufacturer referred to the 737 involved as a "passenger jet".', "referred")
    assert claim.content == 'the 737 involved as a "passenger jet"'
    assert claim.speaker == "The manufacturer"


def test_a_progressive_evaluation_verb_reports_its_object():
    claim = with_cue("Ms. Lorne has been criticizing Mr. Abt for embracing debt.", "criticizing")
    assert claim.content == "Mr. Abt for embracing debt"
    assert claim.speaker == "Ms. Lorne"
    claim = with_cue("The union was blasting the new rota.", "blasting")
    assert claim.content == "the new rota"
    assert extract("The new rota was blasted by the union.", "en") == []


def test_accusation_and_light_verb_cues_of_news_reports():
    claim = with_cue("Ms. Lorne bashed Mr. Abt's plan to close the ferry.", "bashed")
    assert claim.content == "Mr. Abt's plan to close the ferry"
    claim = with_cue("Mr. Abt lit into Ms. Lorne for repeating the same speech.", "lit")
    assert claim.content == "Ms. Lorne for repeating the same speech"
    assert extract("They lit the candles before dinner.", "en") == []
    claim = with_cue("He made the observation that the two plans were alike.", "made")
    assert claim.content == "the two plans were alike"
    claim = with_cue("Aides were adamant that the ferry would run in May.", "adamant")
    assert claim.content == "the ferry would run in May"
    assert claim.speaker == "Aides"


def test_a_two_word_quote_opening_its_sentence_before_the_reporting_clause():
    claim = with_cue("''It's absurd,'' Mr. Abt said. ''Nobody asked us.''", "said")
    assert claim.content == "It's absurd"
    assert claim.speaker == "Mr. Abt"
    claim = with_cue('"Not again?" asked the ferry captain.', "asked")
    assert claim.content == "Not again?"
    claims = extract('The "green deal," Ms. Lorne said, was dead.', "en")
    assert "green deal" not in [c.content for c in claims]


def test_a_quoted_verdict_in_an_object_relative_is_its_subjects_claim():
    claim = with_cue("The toll, which Mr. Abt called ''a scandal,'' was cut on Monday.", "called")
    assert claim.content == "a scandal"
    assert claim.speaker == "Mr. Abt"
    claim = with_cue('Ms. Lorne mocked what she described as "a fantasy budget" in May.', "described")
    assert claim.content == "a fantasy budget"
    assert extract("The toll, which Mr. Abt called a scandal, was cut.", "en") == []


def test_a_verdict_in_newspaper_archive_quote_marks():
    claim = with_cue("Mr. Abt called the toll ''a scandal'' on Monday.", "called")
    assert claim.content.startswith("the toll ''a scandal")


def test_an_infinitive_after_went_on_or_was_quick_reports_for_the_subject():
    claim = with_cue("Ms. Lorne went on to say that the ferry was unsafe.", "say")
    assert claim.content == "the ferry was unsafe"
    assert claim.speaker == "Ms. Lorne"
    claim = with_cue("The union was quick to point out that fares had doubled.", "point")
    assert claim.speaker == "The union"
    declined = extract("Ms. Lorne declined to say whether the ferry was safe.", "en")
    assert all(c.stance != "asserts" for c in declined)
