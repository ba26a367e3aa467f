"""Constructions found missing on the third blind corpus (heldout/blind3.jsonl),
checked on sentences written for these tests."""

from claims.extraction import extract
from tests.extraction.helpers import with_cue


def test_mettre_en_garde_contre_reports_its_object():
    text = "Le gouverneur de la banque centrale a mis en garde contre une hausse trop rapide des taux."
    c = with_cue(text, "fr", "garde")
    assert c.content == "une hausse trop rapide des taux"
    assert c.speaker == "Le gouverneur de la banque centrale"
    assert c.stance == "asserts"


def test_mettre_en_garde_with_a_clause_and_a_participle():
    c = with_cue(
        "La syndicaliste Odile Ferrant a mis en garde que les grèves allaient se durcir.",
        "fr",
        "garde",
    )
    assert c.content == "les grèves allaient se durcir"
    c = with_cue(
        "Le médecin a publié un avis, mettant en garde contre l’usage prolongé du sirop.",
        "fr",
        "garde",
    )
    assert c.content == "l’usage prolongé du sirop"


def test_a_warned_party_does_not_speak():
    claims = extract("Le club a été mis en garde contre toute récidive par la ligue.", "fr")
    assert not any("garde" in c.cue for c in claims)


def test_faire_etat_de_reports_its_object_even_before_a_quote():
    c = with_cue(
        "Le procureur a fait état de plusieurs plaintes déposées depuis janvier.", "fr", "état"
    )
    assert c.content == "plusieurs plaintes déposées depuis janvier"
    c = with_cue(
        "L’inspectrice a fait état d’« anomalies répétées » dans les registres.", "fr", "état"
    )
    assert c.content == "« anomalies répétées » dans les registres"
    assert c.speaker == "L’inspectrice"


def test_etat_alone_is_not_a_cue():
    assert extract("L’état de la route s’est dégradé pendant l’hiver.", "fr") == []


def test_aside_between_auxiliary_and_participle():
    c = with_cue("Il a en revanche démenti toute hausse des tarifs.", "fr", "démenti")
    assert c.content == "toute hausse des tarifs"
    assert c.stance == "denies"
    c = with_cue("La préfecture a en outre affirmé que la route resterait fermée.", "fr", "affirmé")
    assert (c.content, c.speaker) == ("la route resterait fermée", "La préfecture")


def test_selon_then_participial_relay_makes_the_cited_source_speak():
    text = (
        "Selon L’Équipe, citant un dirigeant du club, l’entraîneur sera remplacé avant la fin "
        "de la saison."
    )
    c = with_cue(text, "fr", "Selon")
    assert c.content == "l’entraîneur sera remplacé avant la fin de la saison"
    assert c.speaker == "un dirigeant du club"
    assert c.via and "Équipe" in c.via[0]


def test_title_and_surname_resolve_to_the_full_name_given_earlier():
    text = (
        "Le maire, Patrice Vernoux, a annoncé la fermeture de la piscine. "
        "M. Vernoux a précisé que les travaux dureraient un an."
    )
    c = with_cue(text, "fr", "précisé")
    assert c.speaker == "Patrice Vernoux"
    assert c.speaker_type == "person"


def test_pointed_out_and_made_clear_report_their_clause():
    c = with_cue("The coach pointed out that two players were injured.", "en", "pointed")
    assert (c.content, c.speaker, c.cue) == (
        "two players were injured",
        "The coach",
        "pointed out",
    )
    c = with_cue("The governor made clear that no new taxes would be raised.", "en", "made")
    assert c.content == "no new taxes would be raised"
    c = with_cue("The mayor has made it clear that the bridge will reopen.", "en", "made")
    assert c.content == "the bridge will reopen"


def test_made_clear_without_a_clause_is_not_a_claim():
    assert extract("The fog made clear roads dangerous.", "en") == []


def test_as_context_clause_is_not_part_of_the_content():
    text = (
        "The port authority said on Monday that it had closed two terminals, as a storm "
        "battered the coast."
    )
    c = with_cue(text, "en", "said")
    assert c.content == "it had closed two terminals"


def test_as_well_as_stays_in_the_content():
    c = with_cue("The firm said it would cut 200 jobs, as well as close two plants.", "en", "said")
    assert c.content == "it would cut 200 jobs, as well as close two plants"


def test_dismissal_verdict_is_not_part_of_the_denied_object():
    c = with_cue('The ministry dismissed the claims as "pure invention".', "en", "dismissed")
    assert c.content == "the claims"
    assert c.stance == "denies"
    c = with_cue("The club rejected the reports as baseless.", "en", "rejected")
    assert c.content == "the reports"


def test_name_in_a_subordinate_clause_is_not_the_pronoun_referent():
    text = (
        "Health minister Carla Mendes said the hospital would reopen. "
        "Asked whether Lisbon had asked Brussels for funds, she declined to comment."
    )
    c = with_cue(text, "en", "declined")
    assert c.speaker == "Carla Mendes"


def test_urged_is_a_request_and_no_claim():
    # requests are not claims (eval README, "Annotation conventions")
    assert extract("The mayor urged residents to stay indoors.", "en") == []
    assert not any("urged" in c.cue for c in extract("The union urged calm.", "en"))


def test_infinitive_adjunct_after_an_object_is_not_content():
    text = "La directrice a fait état de deux incidents, après avoir reçu les parents d’élèves."
    c = with_cue(text, "fr", "état")
    assert c.content == "deux incidents"
    c = with_cue("The company denied the allegations, after meeting regulators.", "en", "denied")
    assert c.content == "the allegations"


def test_title_alone_resolves_to_the_person_introduced_with_it():
    text = (
        "« Les caisses sont vides », a reconnu le trésorier, Julien Marsac, devant le conseil. "
        "Le trésorier a par ailleurs démenti que des fonds aient disparu."
    )
    c = with_cue(text, "fr", "démenti")
    assert c.speaker == "Julien Marsac"
    assert c.speaker_type == "person"


def test_bare_description_without_an_earlier_title_stays_as_written():
    text = "Jean Dufour a ouvert la séance. Le groupe a démenti toute fusion."
    c = with_cue(text, "fr", "démenti")
    assert c.speaker == "Le groupe"


def test_hyphenated_title_keeps_the_name_of_an_inverted_subject():
    text = "« Rien n’est joué », a déclaré le contre-amiral Pierre Lestang à la presse."
    c = with_cue(text, "fr", "déclaré")
    assert "Pierre Lestang" in c.speaker


def test_channel_aside_between_the_verb_and_its_content():
    c = with_cue(
        "La joueuse a fait savoir, par la voix de son avocat, qu’elle ferait appel.",
        "fr",
        "savoir",
    )
    assert (c.content, c.speaker) == ("elle ferait appel", "La joueuse")
    c = with_cue(
        "Le sénateur a nié, par l’intermédiaire de son avocat, avoir reçu des cadeaux.",
        "fr",
        "nié",
    )
    assert c.content == "avoir reçu des cadeaux"
    assert c.stance == "denies"
    c = with_cue("The senator said through his lawyer that he would resign.", "en", "said")
    assert (c.content, c.speaker) == ("he would resign", "The senator")
