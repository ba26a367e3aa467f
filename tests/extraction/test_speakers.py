"""Speakers: descriptions, surnames, acronyms and pronouns resolved to the name given earlier;
datelines, addressees and outlets kept out of the speaker. Sentences written for these tests."""

from claims.extraction import extract


def speaker_of(text, language, cue):
    found = [c for c in extract(text, language) if cue in c.cue]
    assert found, f"no claim with cue {cue!r} in {[c.to_dict() for c in extract(text, language)]}"
    return found[-1]


# 1. a definite description names the entity introduced earlier


def test_title_resolves_to_the_person_named_with_it_in_apposition_fr():
    text = (
        "Le ministre du budget, Paul Ravenel, a présenté son plan lundi. "
        "« Il y a une ardoise cachée », a déclaré le ministre."
    )
    assert speaker_of(text, "fr", "a déclaré").speaker == "Paul Ravenel"


def test_organisation_noun_resolves_to_the_organisation_named_with_it_fr():
    text = (
        "L'ONG Amnistie Planétaire vient de publier un rapport sur les prisons du pays. "
        "L'ONG affirme que la torture y est systématique."
    )
    c = speaker_of(text, "fr", "affirme")
    assert c.speaker == "Amnistie Planétaire"
    assert c.speaker_type == "organization"


def test_same_researcher_resolves_to_the_latest_speaker_with_a_name_fr():
    text = (
        "« Les résultats sont inquiétants », a expliqué à l'AFP Bertrand Lemoine, professeur "
        "à l'université de Tours. Selon le même chercheur, les rats traités vivent moins "
        "longtemps."
    )
    assert speaker_of(text, "fr", "Selon").speaker == "Bertrand Lemoine"


def test_lawyer_introduced_as_somebody_s_is_not_the_official_he_defends_fr():
    text = (
        "L'ancien maire de Valbonne, Henri Castagnet, conteste les accusations, a fait savoir "
        "son avocat, Me Lucien Ferrat. L'ancien élu a nié avoir favorisé des proches."
    )
    assert speaker_of(text, "fr", "a nié").speaker == "Henri Castagnet"


def test_description_resolves_to_the_publication_that_reported_before_en():
    text = (
        "The Harbour Gazette reported the landing was a mistake. "
        "The industry publication stated the aircraft overran the runway."
    )
    assert speaker_of(text, "en", "stated").speaker == "The Harbour Gazette"


def test_title_resolves_to_the_person_named_with_it_in_apposition_en():
    text = (
        "Daniel Okafor, the transport minister, visited the site on Monday. "
        "The minister said the bridge would reopen in May."
    )
    assert speaker_of(text, "en", "said").speaker == "Daniel Okafor"


def test_surname_with_an_initial_becomes_the_full_name_fr():
    text = (
        "Valentin Sorokine, de l'université de Tomsk, a annoncé la découverte. "
        "« Nous sommes certains à 95 % », a indiqué V. Sorokine."
    )
    assert speaker_of(text, "fr", "a indiqué").speaker == "Valentin Sorokine"


def test_title_and_surname_become_the_full_name_en():
    text = (
        "Prime Minister Lena Vasquez visited the flooded towns on Monday. "
        "Prime Minister Vasquez told the press that aid would arrive within days."
    )
    assert speaker_of(text, "en", "told").speaker == "Lena Vasquez"


def test_acronym_becomes_the_name_given_in_full_fr():
    text = (
        "Un rapport de l'Observatoire international des ventes d'armes (OIVA) a été publié "
        "jeudi. L'OIVA affirme que les obus ont été vendus en 2023."
    )
    assert (
        speaker_of(text, "fr", "affirme").speaker == "Observatoire international des ventes d'armes"
    )


# 2. subject pronouns


def test_pronoun_after_a_quote_is_the_subject_of_the_paragraph_not_an_older_speaker_fr():
    text = (
        "« Vous êtes une héritière », lui avait dit Marc Delorme, député de la Somme.\n\n"
        "Dans l'entretien, Paul-Henri Garnier revient sur sa carrière. Paul-Henri Garnier "
        "évoque aussi l'Europe. « Le continent vieillit », prévient-il."
    )
    assert speaker_of(text, "fr", "prévient").speaker == "Paul-Henri Garnier"


def test_pronoun_after_a_dateline_is_the_subject_not_the_name_in_passing_fr():
    text = (
        "1er mars 2031. - Le maire de Brévannes, Claude Dumontel, soutient la candidature de "
        "Paul Garnier à l'élection de dimanche.\n\n"
        "« Notre ville mérite mieux que des promesses », déclare-t-il dans une tribune."
    )
    assert speaker_of(text, "fr", "déclare").speaker == "Claude Dumontel"


def test_pronoun_is_the_subject_before_an_apposition_en():
    text = (
        "Rashid Omar, an aide to governor Karim Haidari, described seeing 20 bodies in one "
        'clinic. "The blast destroyed everything," he said.'
    )
    assert speaker_of(text, "en", "said").speaker == "Rashid Omar"


# 3. datelines and appositions stay out of the speaker


def test_dateline_is_not_part_of_the_speaker_en():
    text = (
        "WASHINGTON -- President Vasquez, opening the new museum on Saturday, said it would "
        "tell an American story."
    )
    assert speaker_of(text, "en", "said").speaker == "President Vasquez"


def test_apposition_after_the_name_is_not_part_of_the_speaker_fr():
    text = (
        "« Nous ne céderons pas », a déclaré à l'AFP Hélène Vasseur, directrice de l'observatoire."
    )
    assert speaker_of(text, "fr", "a déclaré").speaker == "Hélène Vasseur"


# 4. the addressee is not the speaker


def test_addressee_is_not_the_speaker_en():
    text = "Senator Dana Whitfield told a radio host that the bill would pass."
    assert speaker_of(text, "en", "told").speaker == "Dana Whitfield"


def test_addressee_is_not_the_speaker_fr():
    text = "Le député Marc Olivier a déclaré au journaliste que la réforme était morte."
    assert speaker_of(text, "fr", "a déclaré").speaker == "Marc Olivier"


# 5. the outlet told goes into via


def test_outlet_told_goes_into_via_en():
    c = speaker_of("Mayor Tom Ridley told Reuters that the bridge was unsafe.", "en", "told")
    assert c.speaker == "Tom Ridley"
    assert c.via == ["Reuters"]


def test_outlet_told_goes_into_via_fr():
    text = (
        "« Nous ne céderons pas », a déclaré à l'AFP Hélène Vasseur, directrice de l'observatoire."
    )
    c = speaker_of(text, "fr", "a déclaré")
    assert c.speaker == "Hélène Vasseur"
    assert c.via == ["AFP"]


def test_relative_after_an_apposition_is_the_name_not_the_complement_fr():
    text = (
        "Il s'était opposé à Marc Fabre, le successeur de Louis Perrin, qui lui avait "
        "rétorqué : « Je partirai quand vous cesserez vos menaces. »"
    )
    assert speaker_of(text, "fr", "rétorqué").speaker == "Marc Fabre"


def test_time_adjunct_opening_the_subject_is_not_part_of_the_speaker_fr():
    text = (
        "L'usine emploie 300 personnes. En effet, mi-mai, la direction avait annoncé que le "
        "site fermerait."
    )
    assert speaker_of(text, "fr", "annoncé").speaker == "la direction"


def test_second_verb_after_and_shares_the_subject_not_a_phrase_before_it_en():
    text = (
        "Dana Whitfield explained that the firm held a 4% share, compared to its 16% share in "
        "Spain, and stated they want to stay in Spain."
    )
    assert speaker_of(text, "en", "stated").speaker == "Dana Whitfield"


# 6. appositions, possessors, titles and spellings of a name


def test_definite_title_in_apposition_after_a_surname_is_not_part_of_the_speaker_fr():
    text = (
        "Le conseil a voté le budget. Varenne, le président de la commission régionale pense "
        "que le budget est solide."
    )
    c = speaker_of(text, "fr", "pense")
    assert c.speaker == "Varenne"
    assert c.speaker_type == "person"


def test_title_with_the_name_in_apposition_after_it_is_that_person_fr():
    text = "D'après le ministre des finances, Paul Ravenel, « les comptes sont faux »."
    assert speaker_of(text, "fr", "D'après").speaker == "Paul Ravenel"


def test_possessor_of_a_statement_is_the_speaker_en():
    text = (
        "Governor Alice Hallward visited the port on Monday. "
        'Hallward\'s statement read: "The bridge will reopen in May."'
    )
    assert speaker_of(text, "en", "read").speaker == "Alice Hallward"


def test_title_and_first_name_become_the_long_name_given_before_en():
    text = (
        "Prime Minister Tavita Salesa Mulitalo opened the clinic. The drive included the home "
        "of Prime Minister Tavita, who told the press his nephew needed a dose."
    )
    assert speaker_of(text, "en", "told").speaker == "Tavita Salesa Mulitalo"


def test_surname_spelt_with_one_other_letter_is_the_person_named_before_en():
    text = (
        "The spokeswoman, Leila Mansouri, said the convoy had been hit twice. "
        '"We will respond," Mansoury said.'
    )
    assert speaker_of(text, "en", "said").speaker == "Leila Mansouri"


def test_surname_of_another_person_is_not_a_spelling_variant_en():
    text = (
        "The spokeswoman, Leila Mansouri, said the convoy had been hit twice. "
        "Lawyer Nadia Mansoury said the trial would resume. "
        '"We will appeal," Mansoury said.'
    )
    assert speaker_of(text, "en", "said").speaker != "Leila Mansouri"


def test_name_the_tagger_cut_in_two_is_one_organisation_fr():
    text = (
        "Le bilan n’a pas été confirmé, mais la Ligue des droits de l’Homme de Genève a fait "
        "savoir qu’il pourrait s’agir de crimes de guerre."
    )
    c = speaker_of(text, "fr", "a fait savoir")
    assert c.speaker == "la Ligue des droits de l’Homme de Genève"
    assert c.speaker_type != "person"


def test_relative_antecedent_runs_over_a_preposition_inside_a_name_fr():
    text = (
        "La hausse n'a pas été appréciée par la Commission européenne de Lisbonne qui regrette "
        "le « moment » choisi."
    )
    assert speaker_of(text, "fr", "regrette").speaker == "la Commission européenne de Lisbonne"


def test_pronoun_opening_the_article_is_the_first_person_named_after_it_fr():
    text = (
        "3 mars 2031. - « Avec la hausse des prix », la question est de savoir « si nous allons "
        "continuer à produire » affirme-t-il. Les syndicats ont salué les propos de Paul Vernier."
    )
    assert speaker_of(text, "fr", "affirme").speaker == "Paul Vernier"


def test_description_after_a_semicolon_is_the_organisation_named_before_it_fr():
    text = (
        "Le syndicat Force Ouvrière faisait part dimanche de son inquiétude ; le syndicat pense "
        "qu'il s'agit d'une erreur."
    )
    assert speaker_of(text, "fr", "pense").speaker == "Force Ouvrière"


def test_pronoun_is_the_government_subject_of_the_previous_sentence_fr():
    text = (
        "Le premier ministre Andreas Kolias a dévoilé la composition du gouvernement. Le "
        "nouveau gouvernement s'est donné pour objectif de réviser le plan. Il a cependant "
        "déclaré que « cette révision ne doit pas mettre en danger l'euro »."
    )
    assert speaker_of(text, "fr", "déclaré").speaker == "Le nouveau gouvernement"


def test_pronoun_is_not_a_subject_that_names_no_body_fr():
    text = (
        "Le ministre Paul Garnier a visité l'usine. Le site emploie 300 personnes depuis 1990. "
        "Il a déclaré que l'usine resterait ouverte."
    )
    assert speaker_of(text, "fr", "déclaré").speaker == "Paul Garnier"


def test_person_after_a_capitalised_adjective_entity_is_not_a_cut_name_en():
    text = (
        "Republican Alice Merton Hale, the former Ohio governor and Environmental Protection "
        "Agency administrator, said the party was split."
    )
    assert speaker_of(text, "en", "said").speaker == "Alice Merton Hale"


def test_a_demonstrative_subject_names_no_speaker():
    # "Ceci montre que" states the writer's inference: there is nobody to attribute it to
    for text, language in (
        ("Ceci montre que la réforme des retraites a échoué.", "fr"),
        ("Cela prouve que le chantier du tramway a pris du retard.", "fr"),
        ("This shows that the harbour reform has failed.", "en"),
    ):
        assert extract(text, language) == [], text
    (c,) = extract("Le député Marc Olier montre que la réforme a échoué.", "fr")
    assert c.speaker == "Marc Olier"


def test_a_description_naming_its_body_is_not_the_latest_speaker_fr():
    text = (
        "Jean Dupont a fait état de l'exécution de dix soldats. "
        "Dans une interview, le chef du Conseil a critiqué la proposition américaine."
    )
    found = [c for c in extract(text, "fr") if c.cue == "a critiqué"]
    assert found, [c.to_dict() for c in extract(text, "fr")]
    assert found[0].speaker == "le chef du Conseil"


def test_a_description_naming_its_body_resolves_to_whom_it_introduced_fr():
    text = (
        "Paul Martin, chef du Conseil régional, est arrivé lundi. "
        "Dans une interview, le chef du Conseil a critiqué la proposition américaine."
    )
    found = [c for c in extract(text, "fr") if c.cue == "a critiqué"]
    assert found and found[0].speaker == "Paul Martin", [c.to_dict() for c in found]
