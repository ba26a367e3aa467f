"""Direct quotes as news writes them: colons, quotes right after the verb, questions and
exclamations, typewriter marks, quotes over paragraphs, follow-on quotes, "adding: …" and
postposed cues without a comma. Every sentence here was written for these tests."""

from claims.extraction import extract


def _direct(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    """(content, speaker, cue) of the direct claims found in ``text``."""
    return [(c.content, c.speaker, c.cue) for c in extract(text, lang) if c.quote_type == "direct"]


# 4. typewriter marks, straight quotes, quotes running over a paragraph break


def test_two_apostrophe_marks_open_and_close_a_quote():
    text = (
        "The levy was debated again.\n\n"
        "''This is not a reform of the tax,'' said Douglas Hale, an economist. "
        "''It is a new tax.''"
    )
    assert _direct(text, "en") == [
        ("This is not a reform of the tax", "Douglas Hale", "said"),
        ("It is a new tax", "Douglas Hale", "said"),
    ]


def test_backtick_marks_open_a_quote():
    text = "``The bridge will reopen in May,'' said engineer Rosa Lind."
    assert _direct(text, "en") == [("The bridge will reopen in May", "Rosa Lind", "said")]


def test_a_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        '"The wards are full," said Pat Ormond, a nurse. "We have no more beds.\n\n'
        '"Some patients wait for two days in the corridor."\n\n'
        "The hospital opened in 1980."
    )
    assert _direct(text, "en") == [
        ("The wards are full", "Pat Ormond", "said"),
        ("We have no more beds", "Pat Ormond", "said"),
        ("Some patients wait for two days in the corridor", "Pat Ormond", "said"),
    ]


def test_a_french_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        "« Les salles sont pleines », a déclaré Paule Ormont, infirmière. "
        "« Nous n'avons plus de lits.\n\n"
        "« Certains patients attendent deux jours dans le couloir. »\n\n"
        "L'hôpital a ouvert en 1980."
    )
    found = _direct(text, "fr")
    assert [content for content, _, _ in found] == [
        "Les salles sont pleines",
        "Nous n'avons plus de lits",
        "Certains patients attendent deux jours dans le couloir",
    ]
    assert {speaker for _, speaker, _ in found} == {"Paule Ormont"}


# 1. quotes introduced by a colon


def test_colon_quote_goes_to_the_subject_of_the_verb_before_the_colon_fr():
    text = (
        "Selon le maire, Paul Ferrand, « le pont rouvrira en mai » ; la ministre, "
        "Claire Duval, a pour sa part ajouté : « Nous avons reçu tous les vaccins. »"
    )
    # "pour sa part" is an aside of the verb group, inside the cue like "a de son côté dit"
    expected = ("Nous avons reçu tous les vaccins", "Claire Duval", "a pour sa part ajouté")
    assert expected in _direct(text, "fr")


def test_colon_quote_after_an_announcing_clause_en():
    text = (
        "The port authority's statement read: \"The ferry sank on Monday. "
        'Four crew members were rescued."'
    )
    found = _direct(text, "en")
    assert len(found) == 1
    content, speaker, _ = found[0]
    assert content == "The ferry sank on Monday. Four crew members were rescued"
    assert "port authority" in speaker


def test_colon_quote_after_a_following_announcement_fr():
    text = (
        "La mairie a publié le communiqué suivant : « Le marché de Noël est annulé. "
        "Les exposants seront remboursés. »"
    )
    found = _direct(text, "fr")
    assert [(c, s) for c, s, _ in found] == [
        ("Le marché de Noël est annulé. Les exposants seront remboursés", "La mairie")
    ]


# 2. a quote right after the verb, with no comma and no "that"


def test_quote_right_after_said_en():
    text = 'A source in the ministry reportedly said "I was told to keep the toll secret."'
    assert _direct(text, "en") == [
        ("I was told to keep the toll secret", "A source in the ministry", "said")
    ]


def test_quote_right_after_a_lance_fr():
    text = "Le porte-parole a lancé « Nous ne céderons rien sur les salaires »."
    assert _direct(text, "fr") == [
        ("Nous ne céderons rien sur les salaires", "Le porte-parole", "a lancé")
    ]


def test_quoted_noun_phrase_right_after_the_verb_is_no_direct_quote():
    text = "Le ministre a dénoncé « une campagne de dénigrement sans précédent »."
    assert _direct(text, "fr") == []


# 3. question and exclamation quotes with the cue after them


def test_question_quote_with_s_interroger_after_it_fr():
    text = "« Qui paiera la facture ? » s'interroge Marc Lenoir, le président du syndicat."
    found = _direct(text, "fr")
    assert [(c, s) for c, s, _ in found] == [("Qui paiera la facture ?", "Marc Lenoir")]


def test_exclamation_quote_with_shouted_after_it_en():
    text = '"This is a scandal!" the senator shouted.'
    assert _direct(text, "en") == [("This is a scandal!", "the senator", "shouted")]


# 6. "adding, “…”": the main clause's subject speaks, the main clause is no content


def test_adding_gives_the_quote_to_the_main_subject_en():
    text = 'Jane Morel said the rise was too steep, adding, "Nobody can pay this price."'
    claims = extract(text, "en")
    assert [(c.content, c.speaker) for c in claims if c.cue == "adding"] == [
        ("Nobody can pay this price", "Jane Morel")
    ]
    assert all("Jane Morel" not in c.content for c in claims)


def test_ajoutant_gives_the_quote_to_the_main_subject_fr():
    text = "Le syndicat a rejeté l'offre, ajoutant : « Personne ne peut payer ce prix. »"
    claims = extract(text, "fr")
    assert [(c.content, c.speaker, c.quote_type) for c in claims] == [
        ("Personne ne peut payer ce prix", "Le syndicat", "direct")
    ]


# 7. postposed cues with no comma after the quote, and the outlet spoken to


def test_postposed_cue_without_comma_fr():
    text = "« Les chiffres sont mauvais » a ensuite précisé le porte-parole."
    assert _direct(text, "fr") == [
        ("Les chiffres sont mauvais", "le porte-parole", "a ensuite précisé")
    ]


def test_postposed_resume_without_comma_fr():
    text = "« Les résultats sont inquiétants » résume l'universitaire."
    assert _direct(text, "fr") == [("Les résultats sont inquiétants", "l'universitaire", "résume")]


def test_postposed_cue_with_the_outlet_spoken_to_goes_to_via_fr():
    text = "« Les résultats sont inquiétants », a expliqué à l'AFP Jeanne Morel, chercheuse à Lyon."
    claims = [c for c in extract(text, "fr") if c.quote_type == "direct"]
    assert [(c.content, c.speaker, c.via) for c in claims] == [
        ("Les résultats sont inquiétants", "Jeanne Morel", ["AFP"])
    ]


def test_postposed_wondered_without_comma_en():
    text = '"Who will pay the bill?" wondered Mark Lenoir, the union leader.'
    assert _direct(text, "en") == [("Who will pay the bill?", "Mark Lenoir", "wondered")]


def test_question_quote_then_a_named_subject_and_asked_en():
    text = "“Does anybody know what the plan of the party is?” Graham asked. “Neither do I.”"
    assert _direct(text, "en") == [
        ("Does anybody know what the plan of the party is?", "Graham", "asked"),
        ("Neither do I", "Graham", "asked"),
    ]


def test_paragraph_ending_with_a_colon_introduces_the_quote_below_en():
    text = (
        "The pollster went on.\n\nCaddell continued:\n\n"
        '"The health issue is a partisan issue, but that does not explain the numbers."'
    )
    assert _direct(text, "en") == [
        (
            "The health issue is a partisan issue, but that does not explain the numbers",
            "Caddell",
            "continued",
        )
    ]


def test_paragraph_ending_with_a_colon_introduces_the_quote_below_fr():
    text = (
        "Le maire a réagi dans la soirée.\n\nIl a déclaré :\n\n"
        "« Le pont sera rouvert en mai, les travaux sont presque terminés. »"
    )
    found = _direct(text, "fr")
    assert [(c, cue) for c, _, cue in found] == [
        ("Le pont sera rouvert en mai, les travaux sont presque terminés", "a déclaré")
    ]


def test_running_quote_takes_the_cue_after_its_last_paragraph_fr():
    text = (
        "Le conseil s'est réuni lundi.\n\n"
        "« Nos écoles sont pleines. Il nous faut des enseignants.\n\n"
        "« Nous demandons de l'aide depuis des années », a déclaré la maire, Anne Ortiz."
    )
    assert _direct(text, "fr") == [
        ("Nos écoles sont pleines. Il nous faut des enseignants", "Anne Ortiz", "a déclaré"),
        ("Nous demandons de l'aide depuis des années", "Anne Ortiz", "a déclaré"),
    ]


def test_paragraphs_opening_with_other_marks_are_no_running_quote_en():
    text = (
        '"The mayor thought the plan was absurd. She said so twice.\n\n'
        "“We will vote against it,” said council member Ann Ortiz."
    )
    assert [c for c, _, _ in _direct(text, "en")] == ["We will vote against it"]


# 5. follow-on quotes: no new attribution verb, same speaker and cue


def test_follow_on_quote_keeps_the_speaker_and_cue_en():
    text = (
        '"The bridge will reopen in May," engineer Rosa Lind said. '
        '"The repairs are almost finished."'
    )
    assert _direct(text, "en") == [
        ("The bridge will reopen in May", "Rosa Lind", "said"),
        ("The repairs are almost finished", "Rosa Lind", "said"),
    ]


def test_follow_on_quote_keeps_the_speaker_and_cue_fr():
    text = (
        "« Le pont rouvrira en mai », a déclaré l'ingénieure Rose Lind. "
        "« Les réparations sont presque terminées. »"
    )
    found = _direct(text, "fr")
    assert [(c, cue) for c, _, cue in found] == [
        ("Le pont rouvrira en mai", "a déclaré"),
        ("Les réparations sont presque terminées", "a déclaré"),
    ]
    assert len({speaker for _, speaker, _ in found}) == 1


# 1. (continued) a colon after reported speech, and appeals


def test_quote_after_a_complement_and_a_colon_is_the_same_speakers_direct_claim_fr():
    text = (
        "Le député, Nock Attia, a précisé que les milices du nord ne représentent pas le pays : "
        "« Au Mali, les habitants ne partagent pas ces idées. »"
    )
    claims = extract(text, "fr")
    assert [(c.content, c.speaker, c.quote_type) for c in claims] == [
        ("les milices du nord ne représentent pas le pays", "Nock Attia", "indirect"),
        ("Au Mali, les habitants ne partagent pas ces idées", "Nock Attia", "direct"),
    ]


def test_quote_after_que_and_a_colon_is_direct_fr():
    text = "Paule Houry, responsable de l'ONG, précise que : « La torture continue aujourd'hui. »"
    claims = extract(text, "fr")
    assert [(c.content, c.quote_type) for c in claims] == [
        ("La torture continue aujourd'hui", "direct")
    ]


def test_quote_after_said_and_a_comma_is_one_direct_claim_en():
    text = 'Sheldon Yett of the agency observed, "I have seen campaigns, but not one like this."'
    claims = extract(text, "en")
    assert [(c.content, c.speaker, c.quote_type) for c in claims] == [
        ("I have seen campaigns, but not one like this", "Sheldon Yett", "direct")
    ]


def test_quote_stating_an_appeal_after_a_colon_is_no_claim_fr():
    text = (
        "Le négociateur a appelé à une enquête : « Nous appelons à une enquête internationale "
        "sur ces événements. »"
    )
    assert _direct(text, "fr") == []


def test_colon_quote_after_a_statement_by_someone_goes_to_that_someone_en():
    text = (
        "The website rated this statement by Senator Ann Ortiz on June 11:\n\n"
        "“Youth unemployment is at 59 percent in this state.”"
    )
    assert [(c, s) for c, s, _ in _direct(text, "en")] == [
        ("Youth unemployment is at 59 percent in this state", "Ann Ortiz")
    ]


def test_a_quoted_relative_clause_after_a_noun_is_no_direct_quote_fr():
    text = (
        "La direction a condamné les agressions contre les reporters, « qui doivent "
        "pouvoir travailler librement partout dans le monde »."
    )
    found = extract(text, "fr")
    assert [c.quote_type for c in found] == ["indirect"], [c.to_dict() for c in found]
    assert found[0].content.endswith(
        "« qui doivent pouvoir travailler librement partout dans le monde »"
    )


def test_a_quoted_relative_clause_after_a_noun_is_no_direct_quote_en():
    text = 'The board condemned the attacks on reporters, "who must be free to work anywhere."'
    found = extract(text, "en")
    assert [c.quote_type for c in found] == ["indirect"], [c.to_dict() for c in found]


def test_a_quoted_clause_set_off_by_commas_goes_on_with_the_quote_before_fr():
    text = (
        "D'après le communiqué de la préfecture, « les pompiers sont arrivés en dix minutes ». "
        "L'incendie a été très rapide, « seule la pluie a pu arrêter les flammes », et trois "
        "maisons ont brûlé."
    )
    found = [c for c in extract(text, "fr") if c.content.startswith("seule la pluie")]
    assert found, [c.to_dict() for c in extract(text, "fr")]
    assert found[0].speaker == "la préfecture"
    assert found[0].quote_type == "direct"


def test_a_quoted_clause_without_a_quote_before_it_is_no_claim_fr():
    text = (
        "Le maire a parlé. L'incendie a été très rapide, « seule la pluie a pu arrêter les "
        "flammes », et trois maisons ont brûlé."
    )
    assert extract(text, "fr") == []


def test_a_quoted_noun_phrase_after_a_quote_is_no_claim_fr():
    text = (
        "« Les pompiers sont arrivés vite », a déclaré le préfet. L'incendie a été rapide, "
        "un « feu éclair », et trois maisons ont brûlé."
    )
    assert [c.content for c in extract(text, "fr")] == ["Les pompiers sont arrivés vite"]
