"""The dependency-parse construction (``constructions/syntactic.py``), on sentences written for these
tests. Most run the construction alone, on an extractor whose positional rules have not
run, so that what is asserted is what the parse gives; the last ones run the whole
extractor and check the construction adds what the positional rules leave."""

import pytest

from claims.extraction import extract, nlp_for
from claims.extraction.constructions import syntactic
from claims.extraction.engine.outlets import to_public
from claims.extraction.runner import DocExtractor


def parsed_alone(text, lang):
    """The claims the syntactic construction finds by itself in ``text``."""
    ex = DocExtractor(nlp_for(lang)(text), text, lang)
    for si, (s, e) in enumerate(ex.sents):
        syntactic.find(ex, si, s, e)
    return to_public(ex.claims, text, 0, lang)


def one_claim(text, lang, cue):
    found = [c for c in parsed_alone(text, lang) if cue in c.cue]
    assert len(found) == 1, [c.to_dict() for c in parsed_alone(text, lang)]
    claim = found[0]
    assert claim.rule == "syntactic"
    assert claim.quote_type == "indirect"
    assert text[claim.start : claim.end] == claim.content
    return claim


# ---------------------------------------------------------------- what it finds


def test_zero_complementizer_clause_is_the_content():
    text = "The regional broadcaster reported 40 clinics had shut down since the spring."
    claim = one_claim(text, "en", "reported")
    assert claim.speaker == "The regional broadcaster"
    assert claim.content == "40 clinics had shut down since the spring"


def test_complement_clause_without_que_fr():
    claim = one_claim("Le syndicat a affirmé la direction avait menti.", "fr", "affirmé")
    assert claim.speaker == "Le syndicat"
    assert claim.content == "la direction avait menti"


def test_joint_subject_gives_one_claim_per_party():
    text = "The union and the employers reported 40 clinics had shut down since the spring."
    found = parsed_alone(text, "en")
    assert [(c.speaker, c.content, c.rule) for c in found] == [
        ("The union", "40 clinics had shut down since the spring", "syntactic"),
        ("the employers", "40 clinics had shut down since the spring", "syntactic"),
    ]


def test_object_of_an_object_content_verb_is_the_content():
    claim = one_claim("L'association a dénoncé la fermeture de la maternité.", "fr", "dénoncé")
    assert claim.speaker == "L'association"
    assert claim.content == "la fermeture de la maternité"
    assert claim.stance == "asserts"


def test_object_keeps_the_modifiers_the_parser_hangs_on_the_verb():
    text = "Mayor Lena Frost denied any role in the leak."
    claim = one_claim(text, "en", "denied")
    assert claim.speaker == "Lena Frost"
    assert claim.content == "any role in the leak"


def test_coordinated_verb_shares_the_subject_fr():
    text = "Le maire a démenti ces rumeurs et a annoncé la fermeture de l'usine."
    claim = one_claim(text, "fr", "annoncé")
    assert claim.speaker == "Le maire"
    assert claim.content == "la fermeture de l'usine"
    denial = one_claim(text, "fr", "démenti")
    assert (denial.content, denial.stance) == ("ces rumeurs", "denies")


def test_coordinated_verb_shares_the_subject_en():
    text = "Police denied the reports and insisted the officers had acted lawfully."
    claim = one_claim(text, "en", "insisted")
    assert claim.speaker == "Police"
    assert claim.content == "the officers had acted lawfully"


def test_gerund_takes_the_subject_of_the_main_clause_fr():
    text = "Le syndicat a quitté la réunion, en affirmant que la direction avait menti."
    claim = one_claim(text, "fr", "affirmant")
    assert claim.speaker == "Le syndicat"
    assert claim.content == "la direction avait menti"


def test_participle_takes_the_subject_of_the_main_clause_en():
    text = "The union left the meeting on Friday, claiming the board had hidden the losses."
    claim = one_claim(text, "en", "claiming")
    assert claim.speaker == "The union"
    assert claim.content == "the board had hidden the losses"


def test_relative_clause_speaker_is_the_antecedent_fr():
    text = "Les rebelles, qui affirment que l'armée a fui la ville, ont pris le port."
    claim = one_claim(text, "fr", "affirment")
    assert claim.speaker == "Les rebelles"
    assert claim.content == "l'armée a fui la ville"


def test_relative_clause_speaker_is_the_antecedent_en():
    text = "The coalition, which claims the vote was rigged, has boycotted parliament."
    claim = one_claim(text, "en", "claims")
    assert claim.speaker == "The coalition"
    assert claim.content == "the vote was rigged"


def test_relative_pronoun_object_of_the_cue_leaves_the_clause_after_it():
    text = "The fires, which state media said were under control, had burned for days."
    claim = one_claim(text, "en", "said")
    assert claim.speaker == "state media"
    assert claim.content == "were under control"


def test_participle_on_a_statement_object_speaks_for_the_subject():
    text = "The union issued a statement on Friday saying the board had hidden the losses."
    claim = one_claim(text, "en", "saying")
    assert claim.speaker == "The union"
    assert claim.content == "the board had hidden the losses"


def test_passive_agent_speaks_fr():
    text = "La fermeture de l'usine a été annoncée par la direction."
    claim = one_claim(text, "fr", "annoncée")
    assert claim.speaker == "la direction"
    assert claim.content == "La fermeture de l'usine"


def test_passive_agent_speaks_en():
    text = "The closure of the mill was announced by the company on Friday."
    claim = one_claim(text, "en", "announced")
    assert claim.speaker == "the company"
    assert claim.content == "The closure of the mill"


# ---------------------------------------------------------------- what it leaves


def test_object_of_a_statement_only_verb_must_be_a_statement():
    assert parsed_alone("The board rejected a takeover bid from a rival.", "en") == []
    assert parsed_alone("Le conseil a rejeté l'offre de rachat.", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # requests
        ("Officials urged residents to leave the coast.", "en"),
        ("Le syndicat a appelé à manifester contre la réforme.", "fr"),
        # intentions
        ("The company plans to announce new layoffs.", "en"),
        ("La préfecture compte annoncer la fermeture de la route.", "fr"),
        # cues inside a quotation
        ('"The union said the strike had failed," he told us.', "en"),
        ("« Le syndicat a affirmé que la grève avait échoué », a-t-il ajouté.", "fr"),
        # negated cues, questions
        ("The mayor did not say the budget was balanced.", "en"),
        ("La direction n'a pas confirmé que l'usine fermerait.", "fr"),
        ("The mayor explained why the budget was late.", "en"),
        ("Le maire a expliqué pourquoi le budget était en retard.", "fr"),
        ("What the senator says her plan would cost remains unclear.", "en"),
        # a speaker nobody can name
        ("I have written that the plan is not an easy process.", "en"),
        # a circumstance, not a gerund of speech
        ("When announcing the closure, the mayor called on residents to stay calm.", "en"),
        ("The mayor spoke at a news conference announcing the closure of the bridge.", "en"),
    ],
)
def test_no_claim_for_requests_intentions_quotes_negations_and_questions(text, lang):
    assert [c.to_dict() for c in parsed_alone(text, lang)] == []


def test_negated_denial_still_counts():
    claim = one_claim("The ministry never denied the allegations.", "en", "denied")
    assert (claim.speaker, claim.content, claim.stance) == (
        "The ministry",
        "the allegations",
        "denies",
    )


# ---------------------------------------------------------------- with the positional rules


def test_adds_only_what_the_positional_rules_miss():
    text = "The closure of the mill was announced by the company on Friday."
    claims = extract(text, "en")
    assert [(c.speaker, c.content, c.rule) for c in claims] == [
        ("the company", "The closure of the mill", "syntactic")
    ]


def test_never_doubles_a_claim_the_positional_rules_found():
    text = "Le syndicat a quitté la réunion, en affirmant que la direction avait menti."
    claims = extract(text, "fr")
    assert len(claims) == 1
    assert claims[0].rule != "syntactic"
    assert claims[0].content == "la direction avait menti"
