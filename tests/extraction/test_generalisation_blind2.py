"""Constructions found missing on the second blind corpus (heldout/blind2.jsonl),
checked on sentences written for these tests."""

from claims.extraction import extract
from tests.extraction.helpers import with_cue


def test_tout_en_participle_reports_for_the_main_subject():
    text = (
        "La coopérative a reconnu des pertes importantes, tout en affirmant que "
        "les salaires seraient versés en mars."
    )
    c = with_cue(text, "fr", "affirmant")
    assert c.content == "les salaires seraient versés en mars"
    assert c.speaker == "La coopérative"


def test_while_participle_reports_for_the_main_subject():
    text = "The airline denied the allegations, while insisting that its pilots had been rested."
    c = with_cue(text, "en", "insisting")
    assert c.content == "its pilots had been rested"
    assert c.speaker == "The airline"


def test_recipient_before_an_infinitive_complement():
    text = "Le rectorat a indiqué à l'AFP avoir suspendu deux enseignants."
    c = with_cue(text, "fr", "indiqué")
    assert c.content == "avoir suspendu deux enseignants"
    assert c.speaker == "Le rectorat"


def test_participle_coordinated_with_a_compound_verb_is_a_cue():
    text = "Le préfet a rejeté ces critiques et assuré que les secours étaient arrivés à temps."
    c = with_cue(text, "fr", "assuré")
    assert c.content == "les secours étaient arrivés à temps"
    assert c.speaker == "Le préfet"


def test_participles_without_an_auxiliary_stay_adjectives():
    assert extract("Le marché, attribué en 2021 et confirmé en 2022, a été annulé.", "fr") == []


def test_quoted_manner_adverb_is_not_part_of_the_object():
    text = "Le club a démenti « formellement » ces informations."
    c = with_cue(text, "fr", "démenti")
    assert c.content == "ces informations"
    assert c.stance == "denies"


def test_stance_phrase_stops_before_a_coordinated_subject_with_an_appositive():
    text = (
        "The two mayors could not be reached for comment, and a spokesman for the larger "
        "town, Hollings Vale, declined to comment."
    )
    claims = extract(text, "en")
    reached = [c for c in claims if "reached" in c.cue][0]
    assert reached.content == "could not be reached for comment"
    assert any(c.content == "declined to comment" for c in claims)


def test_pluperfect_after_and_continues_the_reported_clause():
    text = "The regulator said it was “aware of the complaints” and had opened an inquiry."
    c = with_cue(text, "en", "said")
    assert c.content == "it was “aware of the complaints” and had opened an inquiry"


def test_channel_preposition_ends_the_object_and_the_relative_antecedent():
    text = (
        "The coach denied any involvement through his agent, who told reporters that "
        "the claims were false."
    )
    denial = with_cue(text, "en", "denied")
    assert denial.content == "any involvement"
    assert with_cue(text, "en", "told").speaker == "his agent"


def test_par_la_voix_de_ends_a_french_object():
    c = with_cue("Le sénateur a démenti ces rumeurs par la voix de son avocat.", "fr", "démenti")
    assert c.content == "ces rumeurs"


def test_inverted_subject_may_open_with_a_possessive():
    text = "“We will appeal,” said its chairman, Oskar Lindahl."
    c = with_cue(text, "en", "said")
    assert c.quote_type == "direct"
    assert c.content == "We will appeal"
    assert c.speaker == "Oskar Lindahl"


def test_pour_source_skips_an_appositive_and_accepts_a_quoted_predicate():
    text = (
        "Pour Jeanne Morvan, juriste à la Ligue des droits, la préfecture "
        "« a outrepassé ses compétences »."
    )
    c = with_cue(text, "fr", "Pour")
    assert c.content == "la préfecture « a outrepassé ses compétences »"
    assert c.speaker == "Jeanne Morvan"


def test_pour_source_content_stops_before_a_colon_quote():
    text = (
        "Pour le sociologue Marc Tessier, le malaise est ancien : "
        "« Les habitants se sentent abandonnés depuis vingt ans. »"
    )
    claims = [c for c in extract(text, "fr") if c.cue == "Pour"]
    assert {(c.content, c.quote_type) for c in claims} == {
        ("le malaise est ancien", "indirect"),
        ("Les habitants se sentent abandonnés depuis vingt ans", "direct"),
    }


def test_elided_article_gives_no_gender_to_a_speaker():
    text = (
        "La mairie n’a pas donné suite. "
        "Pour l’historienne Odile Marchand, le musée a « manqué de prudence ». "
        "Elle juge toutefois que la restitution des objets reste possible."
    )
    c = with_cue(text, "fr", "juge")
    assert c.speaker == "Odile Marchand"


def test_reflexive_after_a_name_marks_a_person_for_pronouns():
    text = (
        "The league said it had opened an inquiry. "
        "Ruiz himself posted a video late on Sunday. "
        "“I have nothing to hide,” he said."
    )
    quote = [c for c in extract(text, "en") if c.quote_type == "direct"]
    assert [c.speaker for c in quote] == ["Ruiz"]


def test_noun_phrase_in_apposition_to_the_content_stays_in_the_content():
    text = "Exports fell by 9% in May, the sharpest drop in a decade, the customs office said."
    c = with_cue(text, "en", "said")
    assert c.content == "Exports fell by 9% in May, the sharpest drop in a decade"
    assert c.speaker == "the customs office"


def test_quantity_after_a_cue_verb_is_not_an_inverted_subject():
    text = "The academy, which trains 400 pilots a year, admitted 12% of the candidates."
    assert extract(text, "en") == []


def test_qualifying_verb_with_a_quoted_verdict_reports_its_object():
    fr = with_cue("L'association juge ce projet « irresponsable ».", "fr", "juge")
    assert fr.content == "ce projet « irresponsable »"
    en = with_cue('The opposition called the budget "a betrayal" of voters.', "en", "called")
    assert en.content == 'the budget "a betrayal" of voters'


def test_demand_after_call_for_and_appeler_a_is_no_claim():
    # requests and appeals are not claims (eval README, "Annotation conventions")
    assert extract("The union called for the minister to resign.", "en") == []
    assert extract("Le collectif appelle à une marche silencieuse samedi.", "fr") == []


def test_call_without_a_verdict_or_demand_reports_nothing():
    assert extract("The prime minister called a snap election.", "en") == []
    assert extract("Le maire a appelé les pompiers.", "fr") == []


def test_comme_l_affirmait_gives_the_source_a_claim_on_the_same_content():
    text = (
        "La direction a démenti que l'usine allait fermer, comme l'affirmait jeudi "
        "le délégué syndical Paul Kerjean."
    )
    claims = extract(text, "fr")
    assert {(c.speaker, c.stance) for c in claims} == {
        ("La direction", "denies"),
        ("Paul Kerjean", "asserts"),
    }
    assert len({c.content for c in claims}) == 1


def test_as_clause_with_its_own_subject():
    text = "The club denied that the coach had resigned, as the local paper had reported."
    source = [c for c in extract(text, "en") if c.speaker == "the local paper"]
    assert source and source[0].content == "the coach had resigned"


def test_comme_prevu_is_not_a_source():
    text = "Le maire a assuré que la piscine rouvrirait en mai, comme prévu."
    assert len(extract(text, "fr")) == 1


def test_quoted_word_after_a_preposition_is_not_a_verdict():
    assert extract("Le tribunal a jugé l'ancien maire pour « corruption ».", "fr") == []


def test_trailing_according_to_relays_an_indirect_reporting_clause():
    text = "The coach said the striker would miss the final, according to Reuters."
    claims = extract(text, "en")
    assert [(c.speaker, c.via) for c in claims] == [("The coach", ["Reuters"])]
    assert claims[0].content == "the striker would miss the final"


def test_two_decline_patterns_on_the_same_words_do_not_crash():
    claims = extract("La société s’est refusée à tout commentaire.", "fr")
    assert [c.stance for c in claims] == ["declines_comment"]


def test_avant_d_ajouter_reports_for_the_main_subject():
    text = (
        "« Le tunnel rouvrira lundi », a annoncé la préfète, Anne Rivals, "
        "avant d’ajouter que les camions resteraient interdits."
    )
    c = with_cue(text, "fr", "ajouter")
    assert c.content == "les camions resteraient interdits"
    assert c.speaker == "Anne Rivals"


def test_short_quote_after_a_colon_with_its_own_full_stop_is_direct():
    text = "Asked whether she would step down, Ferrand said: “Certainly not.”"
    c = with_cue(text, "en", "said")
    assert (c.content, c.quote_type, c.speaker) == ("Certainly not", "direct", "Ferrand")


def test_short_scare_quote_is_still_no_claim():
    assert extract("The word “austerity” was never used by the minister.", "en") == []


def test_has_not_commented_declines_comment():
    c = with_cue("The embassy has not commented publicly on the arrests.", "en", "commented")
    assert c.stance == "declines_comment"
    assert c.speaker == "The embassy"


def test_periphrastic_cues_faire_savoir_and_laisser_entendre():
    c = with_cue("La fédération a fait savoir qu’elle ferait appel.", "fr", "fait savoir")
    assert (c.content, c.speaker) == ("elle ferait appel", "La fédération")
    c = with_cue("Le sélectionneur a laissé entendre que le capitaine serait absent.", "fr", "entendre")
    assert c.content == "le capitaine serait absent"


def test_light_verb_without_its_infinitive_reports_nothing():
    assert extract("Le chanteur a fait entendre sa voix au festival.", "fr") == []


def test_passive_relay_keeps_the_subject_as_speaker():
    en = with_cue(
        "The mayor, quoted by the Evening Post, said the bridge would reopen.", "en", "said"
    )
    assert en.speaker == "The mayor"
    assert en.via and "Evening Post" in en.via[0]
    fr = with_cue(
        "Le directeur de l’usine, cité par Ouest-France, a assuré que les emplois seraient maintenus.",
        "fr",
        "assuré",
    )
    assert fr.speaker == "Le directeur de l’usine"
    assert fr.via and "Ouest-France" in fr.via[0]
