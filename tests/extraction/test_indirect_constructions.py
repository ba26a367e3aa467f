"""Indirect constructions of real news: postposed cues, "selon X" / "according to X" at the
start, inside or at the end of a sentence, opinion prepositions, participial, relative and
nominal attributions, findings, and requests (which are no claims). Sentences written for
these tests."""

from claims.extraction import extract

from .helpers import with_cue


def _contents(text: str, lang: str) -> list[str]:
    return [c.content for c in extract(text, lang)]


# ---- requests, appeals and orders are not claims


def test_appeal_with_a_preposition_is_no_claim_fr():
    assert extract("Le syndicat a appelé à une grève générale lundi.", "fr") == []


def test_appeal_with_an_object_is_no_claim_fr():
    text = "Le maire a appelé la formation d'une cellule de crise."
    assert extract(text, "fr") == []


def test_urging_and_calling_for_are_no_claims_en():
    assert extract("The governor urged drivers to stay off the roads.", "en") == []
    assert extract("The opposition called for a recount in two districts.", "en") == []


def test_calling_something_a_quoted_verdict_is_still_a_claim_en():
    c = with_cue('The minister called the report "a work of fiction".', "en", "called")
    assert c.content.startswith("the report")


def test_calling_a_pronoun_a_quoted_verdict_is_a_claim_en():
    c = with_cue("The minister called it \u201ca work of fiction\u201d.", "en", "called")
    assert c.content.startswith("it \u201ca work of fiction")


# ---- "selon X" / "according to X"


def test_according_to_inside_the_sentence_takes_what_follows_en():
    text = (
        "Four of the tanks were, according to the inspectors' report, \"beyond repair\" "
        "and two had leaked."
    )
    c = with_cue(text, "en", "according")
    assert c.content == '"beyond repair" and two had leaked'
    assert c.speaker == "the inspectors' report"


def test_selon_inside_the_sentence_takes_what_follows_fr():
    text = "La récolte a, selon la chambre d'agriculture, baissé de moitié dans le Gers."
    c = with_cue(text, "fr", "selon")
    assert c.content == "baissé de moitié dans le Gers"


def test_trailing_according_to_takes_the_clause_before_en():
    text = "The ferry line will reopen in April, according to the port authority."
    c = with_cue(text, "en", "according")
    assert c.content == "The ferry line will reopen in April"
    assert c.rule == "according_to_trailing"


def test_trailing_selon_takes_the_clause_before_fr():
    text = "Les trois usines fermeront avant l'été, selon la fédération patronale."
    c = with_cue(text, "fr", "selon")
    assert c.content == "Les trois usines fermeront avant l'été"


def test_according_to_after_a_reporting_verb_is_not_its_own_claim_en():
    text = (
        "Judge Amelia Rourke, the head of the tribunal, ruled, according to the transcript, "
        "that the contract was void."
    )
    assert not any(c.rule == "according_to_trailing" for c in extract(text, "en"))


def test_according_to_without_a_comma_before_the_content_splits_after_the_name_en():
    # no comma, but a name then a lowercase subject and its verb: the clause starts there
    text = (
        "While a few travellers described the shrine, according to Okafor historians have "
        "found no trace of it."
    )
    found = [c for c in extract(text, "en") if "according" in c.cue]
    assert [(c.speaker, c.content) for c in found] == [
        ("Okafor", "historians have found no trace of it")
    ]


def test_according_to_without_a_comma_and_no_name_is_skipped_en():
    text = "According to the old survey data the river has moved twice."
    assert not any("according" in c.cue for c in extract(text, "en"))


def test_selon_before_a_reporting_verb_leaves_the_claim_to_the_verb_fr():
    text = "Selon l'agence, le ministère a affirmé que les stocks étaient suffisants."
    claims = extract(text, "fr")
    assert [c.cue for c in claims] == ["a affirmé"]
    assert (claims[0].speaker, claims[0].via) == ("le ministère", ["agence"])


def test_selon_before_a_whole_quote_is_a_direct_quote_fr():
    text = "Selon le communiqué, « les deux suspects ont été identifiés »."
    c = with_cue(text, "fr", "Selon")
    assert c.quote_type == "direct"
    assert c.content == "les deux suspects ont été identifiés"


def test_dateline_is_not_part_of_the_content_en():
    text = "OSLO (Wire) — According to the coastguard, the tanker lost power overnight."
    c = with_cue(text, "en", "According")
    assert c.content == "the tanker lost power overnight"


# ---- opinion prepositions at the start of a sentence


def test_de_l_avis_de_attributes_the_sentence_fr():
    text = "De l’avis de l’économiste Clara Vidal, la reprise sera lente cette année."
    c = with_cue(text, "fr", "avis")
    assert c.content == "la reprise sera lente cette année"
    assert "Clara Vidal" in c.speaker
    assert c.rule == "opinion"


def test_aux_yeux_de_and_de_l_opinion_de_fr():
    c = with_cue("Aux yeux du syndicat, la réforme menace l'emploi.", "fr", "yeux")
    assert c.content == "la réforme menace l'emploi"
    c = with_cue("De l'opinion d'Henri Lacaze, le projet coûte trop cher.", "fr", "opinion")
    assert c.content == "le projet coûte trop cher"


def test_pour_with_a_pronoun_keeps_the_whole_clause_fr():
    text = (
        "Le maire Paul Ferrand a répondu aux critiques. Pour lui, le quartier est « calme » "
        "et « sûr », alors que ses opposants parlent de violences."
    )
    c = with_cue(text, "fr", "Pour")
    assert c.content.startswith("le quartier est « calme »")
    assert c.content.endswith("parlent de violences")


def test_pour_an_organisation_noun_is_a_source_fr():
    text = "Pour l'organisation de défense des locataires, la loi protège mal les familles."
    c = with_cue(text, "fr", "Pour")
    assert c.content == "la loi protège mal les familles"


def test_pour_x_then_a_colon_quote_is_a_direct_opinion_fr():
    text = "Pour Léon Marchal, son président : « Nous avons gagné du temps »."
    c = with_cue(text, "fr", "Pour")
    assert (c.content, c.quote_type) == ("Nous avons gagné du temps", "direct")


def test_opinion_prepositions_en():
    # bare "For X," frames the writer's own sentence in English news
    assert extract("For the union, the deal is a betrayal of the workers.", "en") == []
    c = with_cue("In the view of the court, the law was applied correctly.", "en", "view")
    assert c.content == "the law was applied correctly"


def test_for_with_a_time_word_is_no_opinion_en():
    assert extract("For years, the plant has polluted the river.", "en") == []
    assert extract("Pour ce faire, la mairie a installé des barrières.", "fr") == []


# ---- participial, gerund and relative attributions


def test_gerund_without_a_comma_reports_for_the_subject_fr():
    text = "La mairie a nié tout retard en affirmant que les travaux avançaient normalement."
    claims = extract(text, "fr")
    denial = next(c for c in claims if c.stance == "denies")
    assert denial.content == "tout retard"
    c = with_cue(text, "fr", "affirmant")
    assert (c.speaker, c.content) == ("La mairie", "les travaux avançaient normalement")


def test_gerund_after_a_non_reporting_verb_fr():
    text = "Le ministre a révisé ses prévisions en affirmant que la croissance serait faible."
    c = with_cue(text, "fr", "affirmant")
    assert (c.speaker, c.content) == ("Le ministre", "la croissance serait faible")


def test_gerund_with_by_reports_for_the_subject_en():
    text = "The airline defended the fares by saying that fuel costs had doubled."
    c = with_cue(text, "en", "saying")
    assert (c.speaker, c.content) == ("The airline", "fuel costs had doubled")


def test_participle_after_a_comma_fr():
    text = "Le collectif a dénoncé la fermeture, évoquant des « pressions de la direction »."
    c = with_cue(text, "fr", "évoquant")
    assert c.speaker == "Le collectif"
    assert c.content == "des « pressions de la direction »"


def test_relative_with_a_quoted_infinitive_fr():
    text = "Les tombes ont été détruites par le groupe, qui affirme « agir au nom du peuple », hier."
    c = with_cue(text, "fr", "affirme")
    assert c.content == "« agir au nom du peuple »"
    assert "groupe" in c.speaker


def test_source_reportedly_said_is_a_claim_en():
    text = "A source within the ministry reportedly said the toll was far higher."
    c = with_cue(text, "en", "said")
    assert c.speaker == "A source within the ministry"
    assert c.content == "the toll was far higher"


# ---- postposed and inserted reporting clauses


def test_cue_inserted_in_the_clause_keeps_the_whole_clause_fr():
    text = (
        "Les délégués refusent la fatalité. Il reste, disent-ils, la langue des échanges, "
        "celle des traités."
    )
    c = with_cue(text, "fr", "disent-ils")
    assert c.content == "Il reste, disent-ils, la langue des échanges, celle des traités"


def test_cue_inserted_after_a_relative_takes_what_follows_fr():
    text = "Le film montre l’arrestation des gardes qui, dit-on, s’étaient cachés."
    c = with_cue(text, "fr", "dit-on")
    assert c.content == "s’étaient cachés"


def test_postposed_cue_after_a_dateline_fr():
    text = "12 mars 2021. - Le barrage sera achevé en juin, a indiqué le ministère."
    c = with_cue(text, "fr", "indiqué")
    assert c.content == "Le barrage sera achevé en juin"
    assert c.speaker == "le ministère"


def test_postposed_cue_after_a_dateline_en():
    text = "LAGOS (Wire) — The bridge will reopen on Monday, the ministry said."
    c = with_cue(text, "en", "said")
    assert c.content == "The bridge will reopen on Monday"


def test_coordinated_clause_is_not_a_postposed_cue_fr():
    text = "Sept sondages donnent le maire gagnant, et le site Votemètre estime à 3 points l'écart."
    assert not any(c.rule == "postposed" for c in extract(text, "fr"))


def test_adjective_homograph_is_no_postposed_cue_fr():
    text = "Les enquêteurs ont trouvé, grâce aux indications précises, le centre de détention."
    assert not any("précises" in c.cue for c in extract(text, "fr"))


def test_parenthetical_cue_before_a_quote_leaves_it_to_the_quote_en():
    text = 'Dana Olsen of the Red Cross observed, "We have never seen a flood like this."'
    claims = extract(text, "en")
    assert [c.quote_type for c in claims] == ["direct"]


def test_outlet_the_statement_was_made_to_is_via_fr():
    text = "Le chantier sera livré en mai, a déclaré le préfet à l'agence Reuters."
    c = with_cue(text, "fr", "déclaré")
    assert (c.speaker, c.via) == ("le préfet", ["Reuters"])


def test_outlet_the_statement_was_made_to_is_via_en():
    c = with_cue("The mayor told AFP that the bridge was safe.", "en", "told")
    assert (c.speaker, c.via) == ("The mayor", ["AFP"])
    c = with_cue("The mayor told reporters that the bridge was safe.", "en", "told")
    assert c.via == []


def test_outlet_as_inverted_subject_is_not_its_own_relay_fr():
    c = with_cue("Le pont est fermé, a indiqué l'AFP.", "fr", "indiqué")
    assert c.via == []


# ---- nominal attributions


def test_noun_with_a_reporting_participle_speaks_fr():
    text = "Le puits reste fermé à cause d'une légende locale affirmant que l'eau est maudite."
    c = with_cue(text, "fr", "affirmant")
    assert (c.speaker, c.content) == ("une légende locale", "l'eau est maudite")
    assert c.rule == "nominal_participle"


def test_noun_with_a_reporting_participle_speaks_en():
    text = "The agency released a report saying that the debt would double."
    c = with_cue(text, "en", "saying")
    assert (c.speaker, c.content) == ("a report", "the debt would double")


def test_fears_and_hopes_are_no_claims_en():
    assert extract("Residents voiced fears that the dam would break.", "en") == []
    assert extract("Les habitants espèrent que le barrage tiendra.", "fr") == []


def test_according_to_keeps_a_clause_followed_by_an_aside_en():
    text = (
        "According to the Harbour Gazette, some ferries resorted to night crossings, "
        "a practice which avoids the tolls."
    )
    c = with_cue(text, "en", "According")
    assert c.content.startswith("some ferries resorted to night crossings")


def test_selon_skips_the_appositive_of_the_source_fr():
    text = "Selon Jeanne Morvan, juriste à la Ligue, la préfecture a outrepassé ses droits."
    c = with_cue(text, "fr", "Selon")
    assert c.content == "la préfecture a outrepassé ses droits"


def test_selon_then_a_subject_with_an_appositive_and_an_appeal_is_no_claim_fr():
    text = "Selon l’AFP, le Conseil national, principale coalition, a appelé à la retenue."
    assert extract(text, "fr") == []


# ---- findings of courts, studies and investigations


def test_findings_reported_with_a_verb_are_claims_of_the_body():
    c = with_cue("Les chercheurs ont observé que les abeilles vivaient moins longtemps.", "fr", "observé")
    assert (c.speaker, c.content) == ("Les chercheurs", "les abeilles vivaient moins longtemps")
    c = with_cue("The researchers observed that the birds were genetically diverse.", "en", "observed")
    assert (c.speaker, c.content) == ("The researchers", "the birds were genetically diverse")


def test_possessed_finding_is_a_claim_of_its_owner_en():
    c = with_cue("Few expected the tribunal's finding that the lease was void.", "en", "finding")
    assert (c.speaker, c.content) == ("the tribunal", "the lease was void")
    assert c.rule == "possessed_statement"


def test_finding_noun_with_its_owner_after_it_fr():
    text = "On attendait la conclusion de l'enquête selon laquelle le moteur avait lâché."
    c = with_cue(text, "fr", "conclusion")
    assert c.content == "le moteur avait lâché"
    assert "enquête" in c.speaker


def test_trailing_according_to_with_an_appositive_of_the_source_en():
    text = (
        "The levy hits small firms hardest, according to Mara Quist, head of the Trade "
        "Council, and other economists."
    )
    c = with_cue(text, "en", "according")
    assert c.content == "The levy hits small firms hardest"
    assert c.rule == "according_to_trailing"


# ---- subjects the segments hide: subordinate clauses, quantities, relative appositives


def test_cue_in_a_subordinate_clause_reports_up_to_the_main_clause_en():
    text = "Shortly after Ortega said the bridge was unsafe, the council closed it."
    c = with_cue(text, "en", "said")
    assert c.speaker == "Ortega"
    assert c.content == "the bridge was unsafe"


def test_cue_after_although_takes_the_subject_of_its_clause_en():
    text = "The Halden Group rejected the offer, although its chairman said the talks would go on."
    c = with_cue(text, "en", "said")
    assert c.speaker.endswith("chairman") or "Halden" in c.speaker
    assert c.content == "the talks would go on"


def test_a_condition_reports_nothing_en():
    text = "If the inspector says the dam is safe, the valley will be reopened."
    assert [c for c in extract(text, "en") if "says" in c.cue] == []


def test_a_quantity_subject_after_an_adverbial_speaks_en():
    text = "In Tarnow, about half of the farmers said they would sell their land."
    c = with_cue(text, "en", "said")
    assert c.speaker == "about half of the farmers"
    assert c.content == "they would sell their land"


def test_an_appositive_with_a_relative_that_is_part_of_the_subject_en():
    text = (
        "The Brenner Port Authority, the agency that runs the terminals, said it was "
        "hiring forty pilots."
    )
    c = with_cue(text, "en", "said")
    assert c.speaker.startswith("The Brenner Port Authority")
    assert "runs" not in c.speaker
    assert c.content == "it was hiring forty pilots"


def test_an_adverb_after_a_relative_aside_keeps_the_subject_en():
    text = "Ms. Okafor, who chairs the committee, also noted that the budget had doubled."
    c = with_cue(text, "en", "noted")
    assert c.speaker == "Ms. Okafor"
    assert c.content == "the budget had doubled"


# ---- "as X said" with no claim before it


def test_as_clause_opening_the_sentence_reports_the_clause_after_en():
    text = "As the Harlow Gazette reported, the council had already sold the depot."
    c = with_cue(text, "en", "reported")
    assert c.speaker == "the Harlow Gazette"
    assert c.content == "the council had already sold the depot"


def test_trailing_as_clause_reports_the_clause_before_en():
    text = "Closing the depot is a costly mistake, as Lena Brask noted in the Harlow Gazette."
    c = with_cue(text, "en", "noted")
    assert c.speaker == "Lena Brask"
    assert c.content == "Closing the depot is a costly mistake"


def test_as_clause_with_an_object_reports_nothing_en():
    assert extract("As the mayor said goodbye, the protesters left the square.", "en") == []


def test_cue_interrupting_a_clause_with_a_verb_before_it_claims_the_whole_clause_en():
    text = "Those who missed the deadline, he said, must still pay the full fee."
    c = with_cue(text, "en", "said")
    assert c.content.startswith("Those who missed the deadline")
    assert c.content.endswith("must still pay the full fee")


def test_according_to_a_norm_is_no_attribution():
    text = "D'après le droit européen, les fraudeurs sont passibles d'amendes."
    assert extract(text, "fr") == []
    assert extract("Selon la loi, le maire doit publier les comptes.", "fr") == []
    assert extract("According to the law, the mayor must publish the accounts.", "en") == []
    found = extract("Selon la ministre, le maire publiera les comptes.", "fr")
    assert [c.speaker for c in found] == ["la ministre"]
