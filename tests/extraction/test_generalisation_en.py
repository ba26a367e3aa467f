"""English constructions found missing on the held-out corpus, on sentences written for these tests."""

from claims.extraction import extract
from tests.extraction.helpers import with_cue as shared_with_cue


def claims_of(text):
    return extract(text, "en")


def with_cue(text, cue_word):
    return shared_with_cue(text, "en", cue_word)


def test_more_reporting_verbs_take_a_that_clause():
    text = "The mayor cautioned that the bridge would stay closed until spring."
    c = with_cue(text, "cautioned")
    assert c.content == "the bridge would stay closed until spring"
    assert c.speaker == "The mayor"


def test_declined_to_say_and_bare_did_not_respond():
    text = (
        "The coach declined to say whether the striker would play on Sunday. "
        "The league did not respond."
    )
    found = [c for c in claims_of(text) if c.stance == "declines_comment"]
    assert [c.content for c in found] == [
        "declined to say whether the striker would play on Sunday",
        "did not respond",
    ]


def test_reporting_clause_closing_a_long_sentence_after_a_participial_phrase():
    text = (
        "The port authority has closed two terminals, citing a shortage of pilots, "
        "the harbour master said on Friday."
    )
    c = with_cue(text, "said")
    assert c.speaker == "the harbour master"
    assert c.content.startswith("The port authority has closed two terminals")


def test_parenthetical_clause_with_a_clause_only_verb():
    text = "Flood defences, the engineer noted, were last upgraded in 1998."
    c = with_cue(text, "noted")
    assert c.content == "were last upgraded in 1998"


def test_subject_with_a_relative_clause_before_told():
    text = "Two nurses who staffed the ward told Reuters they had not been paid since June."
    c = with_cue(text, "told")
    assert c.speaker == "Two nurses"
    assert c.content == "they had not been paid since June"


def test_zero_that_clause_opening_with_a_quoted_fragment():
    text = "The ministry said “minor faults” had delayed the launch by a week."
    c = with_cue(text, "said")
    assert c.content == "“minor faults” had delayed the launch by a week"
    assert c.quote_type == "indirect"


def test_company_name_wins_over_its_indefinite_appositive():
    text = "Halberd Robotics, a Boston-based maker of warehouse robots, said it would cut 200 jobs."
    c = with_cue(text, "said")
    assert c.speaker == "Halberd Robotics"


def test_according_to_outlet_which_cited_sources():
    text = (
        "According to the Financial Times, which cited two bankers, the merger talks had stalled."
    )
    c = with_cue(text, "According")
    assert c.speaker == "two bankers"
    assert c.via == ["Financial Times"]


def test_reduced_relative_after_a_comma_is_not_a_reporting_clause():
    text = "The council discussed a new tram line, a plan residents had rejected in 2019."
    assert [c for c in claims_of(text) if "rejected" in c.cue] == []


def test_accusing_someone_of_something_but_not_a_bare_accusation_of_delay():
    text = "The union accused the company of hiding losses."
    assert with_cue(text, "accused").content == "the company of hiding losses"


def test_plural_pronoun_resolves_to_the_previous_plural_subject():
    text = (
        "“The clinic will close at night,” the director, Hugo Fern, said. "
        "Several nurses' unions wrote to the minister on Monday. "
        "They said the decision had been taken without consultation."
    )
    c = next(c for c in claims_of(text) if c.content.startswith("the decision"))
    assert c.speaker == "Several nurses' unions"
