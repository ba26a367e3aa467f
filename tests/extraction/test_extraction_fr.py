"""French attribution constructions, on sentences written for these tests."""

from claims.extraction import extract


def claims_of(text):
    return extract(text, "fr")


def only(text, **expected):
    found = [c for c in claims_of(text) if all(getattr(c, k) == v for k, v in expected.items())]
    assert found, f"no claim with {expected} in {[c.to_dict() for c in claims_of(text)]}"
    return found[0]


def test_direct_quote_with_inverted_attribution_after():
    text = "« Le budget sera voté avant l'été », a déclaré mardi le ministre des Finances, Luc Damrémont."
    c = only(text, quote_type="direct")
    assert c.content == "Le budget sera voté avant l'été"
    assert c.speaker == "Luc Damrémont"
    assert c.speaker_type == "person"
    assert c.stance == "asserts"


def test_split_quote_gives_two_claims_with_the_same_speaker():
    text = (
        "« Les écoles resteront ouvertes », a-t-elle déclaré, « mais les cantines fermeront "
        "plus tôt »."
    )
    text = "La maire, Odile Ferrand, a présidé le conseil. " + text
    direct = [c for c in claims_of(text) if c.quote_type == "direct"]
    assert [c.content for c in direct] == [
        "Les écoles resteront ouvertes",
        "mais les cantines fermeront plus tôt",
    ]
    assert {c.speaker for c in direct} == {"Odile Ferrand"}


def test_following_quoted_sentence_without_verb_keeps_the_speaker():
    text = (
        "« La digue a cédé vers minuit », a indiqué à la presse le maire, Henri Calvet. "
        "« Personne n'a été blessé. »"
    )
    direct = [c for c in claims_of(text) if c.quote_type == "direct"]
    assert len(direct) == 2
    assert direct[1].content == "Personne n'a été blessé"
    assert direct[1].speaker == "Henri Calvet"


def test_inverted_clitic_pronoun_is_resolved_to_the_earlier_speaker():
    text = (
        "La directrice de l'hôpital, Sandrine Moulin, a affirmé que les urgences tenaient. "
        "« Nous manquons de bras », a-t-elle ajouté."
    )
    c = only(text, quote_type="direct")
    assert c.speaker == "Sandrine Moulin"


def test_indirect_speech_with_que_and_coordinated_complements():
    text = (
        "Le syndicat a affirmé que la grève serait reconduite et que les piquets resteraient "
        "en place."
    )
    c = only(text, quote_type="indirect")
    assert c.content == "la grève serait reconduite et que les piquets resteraient en place"
    assert c.speaker == "Le syndicat"


def test_indirect_speech_with_infinitive():
    c = only("Les agriculteurs affirment avoir alerté la préfecture dès janvier.")
    assert c.content == "avoir alerté la préfecture dès janvier"
    assert c.speaker == "Les agriculteurs"


def test_postposed_inverted_reporting_clause():
    text = "Le chantier prendra deux ans de retard, a estimé jeudi le conseil régional."
    c = only(text)
    assert c.content == "Le chantier prendra deux ans de retard"
    assert c.speaker == "le conseil régional"


def test_selon_and_d_apres_attribute_the_following_clause():
    c = only("Selon la gendarmerie, trois véhicules ont été incendiés dans la nuit.")
    assert c.content == "trois véhicules ont été incendiés dans la nuit"
    assert c.speaker == "la gendarmerie"
    c = only("D'après le ministère de la Santé, 40 lits ont été fermés.")
    assert c.speaker.endswith("ministère de la Santé")


def test_relay_chain_makes_the_cited_source_the_speaker():
    text = (
        "Le quotidien Sud Ouest, citant deux élus locaux, rapporte que la piscine fermera en "
        "septembre."
    )
    c = only(text)
    assert c.speaker == "deux élus locaux"
    assert c.speaker_type == "anonymous"
    assert c.via == ["Sud Ouest"]
    assert c.content == "la piscine fermera en septembre"


def test_anonymous_source_keeps_its_description():
    text = "Une source proche de la direction a indiqué que le plan social serait présenté lundi."
    c = only(text)
    assert c.speaker == "Une source proche de la direction"
    assert c.speaker_type == "anonymous"


def test_denial_with_object_and_with_infinitive():
    c = only("Le club a démenti ces informations.", stance="denies")
    assert c.content == "ces informations"
    c = only("Les dirigeants ont nié avoir touché des commissions.", stance="denies")
    assert c.content == "avoir touché des commissions"


def test_rejecting_an_offer_is_not_a_denial():
    assert not [
        c for c in claims_of("Le conseil a rejeté l'offre de rachat.") if c.stance == "denies"
    ]


def test_declined_to_comment_and_cannot_verify():
    text = (
        "La société Vertimo n'a pas souhaité faire de commentaire. "
        "Le Monde n'a pas pu vérifier ces chiffres de manière indépendante."
    )
    declines = only(text, stance="declines_comment")
    assert declines.content == "n'a pas souhaité faire de commentaire"
    assert declines.speaker == "La société Vertimo"
    verify = only(text, stance="cannot_verify")
    assert verify.content == "n'a pas pu vérifier ces chiffres de manière indépendante"
    assert verify.speaker == "Le Monde"


def test_participial_cue_shares_the_speaker():
    text = "La mairie a démenti la fermeture, précisant que le marché restera ouvert le dimanche."
    c = only(text, cue="précisant")
    assert c.speaker == "La mairie"
    assert c.content == "le marché restera ouvert le dimanche"


def test_one_statement_reported_by_several_parties():
    text = (
        "Le Figaro a affirmé que le contrat avait été signé en mars – une affirmation "
        "formulée par la Suisse et démentie par Berne."
    )
    found = claims_of(text)
    spans = {(c.start, c.end) for c in found}
    assert len(spans) == 1
    stances = {c.speaker: c.stance for c in found}
    assert stances["la Suisse"] == "asserts"
    assert stances["Berne"] == "denies"


def test_negative_quote_after_a_denial_is_a_denial():
    text = (
        "L'ancien maire, Jacques Morvan, a nié toute faute. « Je n'ai jamais signé ce "
        "contrat », a-t-il déclaré."
    )
    c = only(text, quote_type="direct")
    assert c.stance == "denies"
    assert c.speaker == "Jacques Morvan"


def test_background_sentences_are_not_claims():
    assert claims_of("Le pont a été construit en 1902 et mesure 300 mètres.") == []


def test_coordinated_reporting_verb_shares_the_subject():
    text = "Le club conteste ces accusations et affirme qu'il a toujours respecté les règles."
    found = claims_of(text)
    assert [(c.speaker, c.stance) for c in found] == [
        ("Le club", "denies"),
        ("Le club", "asserts"),
    ]
    assert found[1].content == "il a toujours respecté les règles"


# ---- the cue inventory: one sentence per kind of verb or idiom (languages/fr/cues.py)


def claim_of(text):
    """The one claim of a sentence that reports one."""
    found = claims_of(text)
    assert len(found) == 1, [c.to_dict() for c in found]
    return found[0]


def test_opinion_verb_with_a_clause_is_a_claim():
    c = claim_of("La sénatrice Claire Vidal pense que le tracé de la rocade doit être revu.")
    assert (c.speaker, c.cue, c.stance) == ("La sénatrice Claire Vidal", "pense", "asserts")
    assert c.content == "le tracé de la rocade doit être revu"


def test_present_in_it_of_an_ir_verb_is_a_finite_cue():
    # "renchérit", like "reconnait", ends like a participle but is a present
    c = claim_of("Le maire renchérit que la piscine rouvrira en septembre.")
    assert (c.speaker, c.content) == ("Le maire", "la piscine rouvrira en septembre")
    c = claim_of("Le maire reconnait que la digue a cédé.")
    assert (c.cue, c.content) == ("reconnait", "la digue a cédé")


def test_stem_changes_of_regular_verbs_are_cue_forms():
    for text, cue in (
        ("Le maire annonçait déjà que la halle serait rénovée.", "annonçait"),
        ("Le ministre martèle que la réforme est juste.", "martèle"),
        ("L'ingénieur considère que le pont est sûr.", "considère"),
    ):
        c = claim_of(text)
        assert c.cue == cue
        assert c.stance == "asserts"


def test_evaluation_verbs_report_their_object():
    c = claim_of("La fédération de pêche a condamné le déversement de boues dans la rivière.")
    assert (c.speaker, c.cue) == ("La fédération de pêche", "a condamné")
    assert c.content == "le déversement de boues dans la rivière"
    c = claim_of("Le comité olympique a salué l'ouverture du nouveau vélodrome.")
    assert (c.speaker, c.content) == ("Le comité olympique", "l'ouverture du nouveau vélodrome")


def test_announcement_verb_reports_its_object():
    c = claim_of("La commission a dévoilé un plan de rénovation des gares.")
    assert (c.speaker, c.cue, c.content) == (
        "La commission",
        "a dévoilé",
        "un plan de rénovation des gares",
    )


def test_content_after_a_preposition():
    c = claim_of("Le collectif estime à 4 000 le nombre de logements vacants.")
    assert (c.speaker, c.content) == ("Le collectif", "4 000 le nombre de logements vacants")
    c = claim_of("Le parquet soupçonne l'ancien trésorier d'avoir falsifié les comptes.")
    assert (c.speaker, c.stance) == ("Le parquet", "asserts")
    assert c.content == "l'ancien trésorier d'avoir falsifié les comptes"


def test_pronominal_feeling_verbs_report_the_fact_after_de():
    c = claim_of("Les éleveurs se sont félicités de la baisse du prix des céréales.")
    assert (c.speaker, c.cue) == ("Les éleveurs", "se sont félicités")
    assert c.content == "la baisse du prix des céréales"
    c = claim_of("La rectrice s'est indignée de la fermeture de trois classes.")
    assert (c.speaker, c.content) == ("La rectrice", "la fermeture de trois classes")


def test_se_dire_reports_the_attribute():
    c = claim_of("Le maire s'est dit favorable à la fusion des deux communes.")
    assert (c.speaker, c.cue, c.stance) == ("Le maire", "s'est dit", "asserts")
    assert c.content == "favorable à la fusion des deux communes"


def test_new_denials():
    c = claim_of("Le laboratoire a récusé ces allégations.")
    assert (c.speaker, c.stance, c.content) == ("Le laboratoire", "denies", "ces allégations")
    c = claim_of("L'ancien trésorier se défend d'avoir détourné de l'argent.")
    assert (c.speaker, c.cue, c.stance) == ("L'ancien trésorier", "se défend", "denies")
    assert c.content == "avoir détourné de l'argent"


def test_statement_only_denial_idiom_needs_a_statement():
    c = claim_of("Le syndicat a remis en cause ces chiffres.")
    assert (c.cue, c.stance, c.content) == ("a remis en cause", "denies", "ces chiffres")
    assert claims_of("Le ministre a remis en cause la réforme des retraites.") == []


def test_idioms_of_light_verbs():
    c = claim_of("Le rapport pointe du doigt les retards de la maintenance.")
    assert (c.speaker, c.cue, c.content) == (
        "Le rapport",
        "pointe du doigt",
        "les retards de la maintenance",
    )
    c = claim_of("L'audit met en cause la gestion du port de plaisance.")
    assert (c.cue, c.content) == ("met en cause", "la gestion du port de plaisance")
    c = claim_of("La coopérative a fait part de sa satisfaction après la récolte.")
    assert (c.speaker, c.cue) == ("La coopérative", "a fait part")
    assert c.content.startswith("sa satisfaction")
    c = claim_of("La députée Anne Leroy a fait remarquer que le texte ne prévoyait aucun budget.")
    assert (c.speaker, c.cue) == ("Anne Leroy", "a fait remarquer")
    assert c.content == "le texte ne prévoyait aucun budget"


def test_infinitive_after_venir_de_and_tenir_a_reports_for_the_subject():
    c = claim_of("La préfecture vient d'annoncer que la route restera fermée.")
    assert (c.speaker, c.cue, c.content) == (
        "La préfecture",
        "vient d'annoncer",
        "la route restera fermée",
    )
    c = claim_of("Le proviseur a tenu à rappeler que le lycée n'avait jamais fermé.")
    assert (c.speaker, c.cue) == ("Le proviseur", "a tenu à rappeler")


def test_more_ways_of_declining_to_comment():
    for text in (
        "L'entraîneur s'est abstenu de tout commentaire.",
        "La préfecture n'a fait aucun commentaire sur l'incident.",
        "Le directeur n'était pas joignable mardi soir.",
    ):
        c = claim_of(text)
        assert c.stance == "declines_comment"


def test_de_l_avis_de_attributes_like_selon():
    c = claim_of("De l'avis de la géologue Marie Caron, la falaise risque de s'effondrer.")
    assert (c.speaker, c.cue) == ("Marie Caron", "De l'avis de")
    assert c.content == "la falaise risque de s'effondrer"


def test_homographs_of_the_new_cues_report_nothing():
    for text in (
        "Les deux communes ont conclu un accord sur les transports scolaires.",  # no clause
        "La menace d'une grève plane toujours sur le réseau.",  # the noun
        "Des annonces de recrutement ont été publiées en ligne.",  # no "tu" forms
        "Les prix continuent de grimper depuis janvier.",
        "Le bilan s'élève à trente morts.",  # "s'élever contre" only
        "Le ministre a défendu sa réforme devant les députés.",  # "se défendre de" only
        "La hausse des prix menace le pouvoir d'achat des ménages.",  # "menacer de" only
    ):
        assert claims_of(text) == [], text


def test_denial_en_bloc_and_alarm_idiom():
    c = claim_of("Le ministre nie en bloc les accusations de fraude.")
    assert (c.cue, c.stance, c.content) == ("nie en bloc", "denies", "les accusations de fraude")
    c = claim_of("Le syndicat tire la sonnette d'alarme sur la pénurie de médecins.")
    assert (c.speaker, c.stance) == ("Le syndicat", "asserts")
    assert c.content == "la pénurie de médecins"


def test_demands_are_no_claims():
    # requests are not claims: "revendiquer" and "exiger" are not in the inventory
    assert claims_of("Les grévistes revendiquent une hausse des salaires.") == []
    assert claims_of("Les grévistes exigent une hausse des salaires.") == []


def test_aside_locutions_inside_the_verb_group():
    # "pour sa part", "à son tour", "elle aussi" sit between the auxiliary and the participle
    for text, speaker, cue in (
        (
            "Le maire Luc Berthier a pour sa part estimé que le marché couvert restera fermé.",
            "Luc Berthier",
            "a pour sa part estimé",
        ),
        (
            "Les riverains ont à leur tour affirmé que le marché couvert restera fermé.",
            "Les riverains",
            "ont à leur tour affirmé",
        ),
        (
            "La préfète a elle aussi assuré que le marché couvert restera fermé.",
            "La préfète",
            "a elle aussi assuré",
        ),
    ):
        c = claim_of(text)
        assert (c.speaker, c.cue) == (speaker, cue), text
        assert c.content == "le marché couvert restera fermé"
    c = claim_of("La syndicaliste Inès Garnier a pour sa part dénoncé un plan « brutal ».")
    assert (c.speaker, c.content) == ("Inès Garnier", "un plan « brutal »")


def test_verbs_of_saying_from_news_usage():
    for text, speaker, cue, content in (
        (
            "Le député Marc Lenoir insinue que le trésorier a menti.",
            "Marc Lenoir",
            "insinue",
            "le trésorier a menti",
        ),
        (
            "L'avocate allègue que son client dormait chez lui ce soir-là.",
            "L'avocate",
            "allègue",
            "son client dormait chez lui ce soir-là",
        ),
        (
            "« Nous avons gagné la coupe », jubile l'entraîneur Hugo Marchal.",
            "Hugo Marchal",
            "jubile",
            "Nous avons gagné la coupe",
        ),
        (
            "« Les digues tiendront », rassure la préfète Odile Ferrand.",
            "Odile Ferrand",
            "rassure",
            "Les digues tiendront",
        ),
        (
            "« Restez chez vous ce soir », supplie le maire Luc Berthier.",
            "Luc Berthier",
            "supplie",
            "Restez chez vous ce soir",
        ),
    ):
        c = only(text, cue=cue)
        assert (c.speaker, c.content, c.stance) == (speaker, content, "asserts"), text


def test_findings_accusations_and_reflexive_verdicts_from_news_usage():
    for text, cue, content in (
        (
            "Les inspecteurs ont fait le constat que la digue était fissurée.",
            "ont fait le constat",
            "la digue était fissurée",
        ),
        (
            "L'expertise parvient à la conclusion que la digue était fissurée.",
            "parvient à la conclusion",
            "la digue était fissurée",
        ),
        ("Cette expertise accrédite la thèse d'une fuite.", "accrédite", "la thèse d'une fuite"),
        ("Le collectif rejette la faute sur la mairie.", "rejette la faute", "la mairie"),
        (
            "Le groupe Aube Noire a revendiqué la responsabilité de l'incendie.",
            "a revendiqué la responsabilité",
            "l'incendie",
        ),
        ("La candidate se proclame vainqueur du scrutin.", "se proclame", "vainqueur du scrutin"),
        ("Le club s'estime satisfait de l'accord.", "s'estime", "satisfait de l'accord"),
        ("La sénatrice a taclé le gouvernement.", "a taclé", "le gouvernement"),
    ):
        c = claim_of(text)
        assert (c.cue, c.content, c.stance) == (cue, content, "asserts"), text


def test_denials_from_news_usage():
    for text, cue, content in (
        (
            "Le parquet écarte l'hypothèse d'un incendie criminel.",
            "écarte",
            "l'hypothèse d'un incendie criminel",
        ),
        ("Le préfet exclut toute hypothèse criminelle.", "exclut", "toute hypothèse criminelle"),
        ("Le directeur a dénié toute responsabilité.", "a dénié", "toute responsabilité"),
        (
            "La mairie a opposé un démenti à ces informations.",
            "a opposé un démenti",
            "ces informations",
        ),
        (
            "Le chimiste émet des doutes sur la fiabilité du test.",
            "émet des doutes",
            "la fiabilité du test",
        ),
        ("L'ancien trésorier a plaidé non coupable de fraude.", "a plaidé non coupable", "fraude"),
    ):
        c = claim_of(text)
        assert (c.cue, c.content, c.stance) == (cue, content, "denies"), text
    c = claim_of("L'ancien trésorier a plaidé coupable de fraude.")
    assert c.stance == "asserts"
    # not a statement: the police move people, nobody denies anything
    assert claims_of("La police a écarté les curieux du périmètre.") == []


def test_declining_and_unverified_phrases_from_news_usage():
    c = claim_of("Contacté par nos soins, le rectorat n'a pas répondu.")
    assert (c.speaker, c.stance) == ("le rectorat", "declines_comment")
    for text in (
        "Joint par téléphone, le porte-parole Paul Vernet est resté muet.",
        "Le porte-parole du club n'était pas disponible pour commenter.",
        "Interrogé sur sa démission, le ministre a botté en touche.",
    ):
        assert claim_of(text).stance == "declines_comment", text
    c = claim_of("L'authenticité de la lettre n'a pas été confirmée de source indépendante.")
    assert c.stance == "cannot_verify"
    assert c.content == "n'a pas été confirmée de source indépendante"
    assert "authenticité" not in (c.speaker or "")


def test_a_sentence_pointing_back_names_the_source_of_the_one_before():
    before = "Les ferries du soir partent souvent en retard."
    for after, speaker, cue in (
        ("C'est la remarque de Jeanne Lavoie.", "Jeanne Lavoie", "C'est la remarque de"),
        ("C'est ce qu'a affirmé le maire Luc Berthier.", "Luc Berthier", "C'est ce qu'a affirmé"),
        ("C'est ce que pense la députée Inès Garnier.", "Inès Garnier", "C'est ce que pense"),
        (
            "Le constat amer est du capitaine Hugo Marchal.",
            "Hugo Marchal",
            "Le constat amer est du",
        ),
        (
            "Tel est le diagnostic de l'ingénieure Odile Ferrand.",
            "Odile Ferrand",
            "Tel est le diagnostic de",
        ),
    ):
        c = claim_of(f"{before} {after}")
        assert (c.speaker, c.cue, c.stance) == (speaker, cue, "asserts"), after
        assert c.content == "Les ferries du soir partent souvent en retard"
    c = claim_of("« Nous manquons de marins. » C'est le constat du directeur du port, Paul Vernet.")
    assert (c.speaker, c.quote_type, c.content) == (
        "Paul Vernet",
        "direct",
        "Nous manquons de marins",
    )
    for after in (
        "C'est la faute du gouvernement.",
        "C'est le point de départ de la réforme.",
        "Le constat est simple.",
        "C'est ce qu'il faut retenir.",
    ):
        assert claims_of(f"{before} {after}") == [], after
    # the same construction in English, from the pack's fields
    c = extract("The ferries leave late. That is the view of the harbour master, Ada Lune.", "en")
    assert [(x.speaker, x.content) for x in c] == [("Ada Lune", "The ferries leave late")]


def test_subject_after_a_relative_pronoun_with_a_preposition():
    # "dans lequel elle affirme": the clause has its own subject, a pronoun for the main one
    for text, speaker, content in (
        (
            "L'ONG Vigie Santé a publié un rapport dans lequel elle affirme que les urgences "
            "ferment la nuit.",
            "L'ONG Vigie Santé",
            "les urgences ferment la nuit",
        ),
        (
            "Le club a diffusé un communiqué où il assure que l'entraîneur restera.",
            "Le club",
            "l'entraîneur restera",
        ),
        (
            "La fédération a envoyé une lettre dans laquelle son président dément tout "
            "licenciement.",
            "son président",
            "tout licenciement",
        ),
    ):
        c = claim_of(text)
        assert (c.speaker, c.content) == (speaker, content), text


def test_according_to_the_speaker_inside_the_content_does_not_end_it():
    c = claim_of("Le ministre a déclaré que la dette, selon lui, n'a jamais été aussi basse.")
    assert c.content == "la dette, selon lui, n'a jamais été aussi basse"
    c = claim_of("Le ministre a déclaré que la dette baisse, selon lui.")
    assert c.content == "la dette baisse"


def test_cue_inserted_after_an_adverbial_opener_with_a_noun_subject():
    for text, speaker, cue in (
        (
            "Par ailleurs, poursuit le maire Luc Berthier, le tramway arrivera en 2030.",
            "Luc Berthier",
            "poursuit",
        ),
        (
            "En outre, souligne l'association Rails Verts, le tramway arrivera en 2030.",
            "l'association Rails Verts",
            "souligne",
        ),
        ("Enfin, précise le communiqué, le tramway arrivera en 2030.", "le communiqué", "précise"),
    ):
        c = claim_of(text)
        assert (c.speaker, c.cue, c.content) == (speaker, cue, "le tramway arrivera en 2030"), text


def test_no_reaction_from_a_source_named_after_the_phrase():
    for text, speaker in (
        (
            "Les combats ont repris. Il n'y a pas eu de réaction immédiate du gouvernement lirnien.",
            "gouvernement lirnien",
        ),
        ("Il n’y a pas eu de réaction immédiate de la préfecture.", "la préfecture"),
    ):
        c = claim_of(text)
        assert (c.speaker, c.stance) == (speaker, "declines_comment"), text
        assert c.content.startswith("n") and "réaction immédiate" in c.content


def test_a_time_phrase_between_the_verb_and_its_complement_is_skipped():
    for text, cue, content in (
        (
            "Le syndicat avait menacé le week-end dernier de bloquer les dépôts de carburant.",
            "avait menacé",
            "bloquer les dépôts de carburant",
        ),
        (
            "La ministre a affirmé la semaine dernière que la réforme serait votée.",
            "a affirmé",
            "la réforme serait votée",
        ),
        (
            "La préfète a annoncé le mois dernier la fermeture de la piscine.",
            "a annoncé",
            "la fermeture de la piscine",
        ),
    ):
        c = only(text, cue=cue)
        assert c.content == content, text


def test_an_adverb_of_several_words_after_the_verb_is_not_content():
    for text, cue, content in (
        (
            "Le syndicat menace de nouveau de bloquer les dépôts de carburant.",
            "menace",
            "bloquer les dépôts de carburant",
        ),
        (
            "Le collectif menace à nouveau de saisir le tribunal administratif.",
            "menace",
            "saisir le tribunal administratif",
        ),
        (
            "La sénatrice a dénoncé une fois de plus la réforme des retraites.",
            "a dénoncé",
            "la réforme des retraites",
        ),
    ):
        c = only(text, cue=cue)
        assert c.content == content, text


def test_a_clitic_and_present_participle_after_the_object_end_it():
    for text in (
        "Le ministre a salué la signature de cet accord y voyant un signe d'apaisement.",
        "Le ministre a salué la signature de cet accord, y voyant un signe d'apaisement.",
    ):
        c = only(text, cue="a salué")
        assert c.content == "la signature de cet accord", text


def test_short_aside_between_the_verb_and_que():
    for text, cue in (
        ("Le syndicat des pilotes estime, au contraire, que la direction a menti.", "estime"),
        ("La ministre Inès Caron a affirmé, de son côté, que le budget serait tenu.", "a affirmé"),
        ("Le maire de Vierzon a déclaré, lundi, que la route resterait fermée.", "a déclaré"),
    ):
        c = only(text, cue=cue)
        assert c.rule == "complement", text
        assert c.content.split()[0] in ("la", "le"), text
    # a verb inside the commas is a clause of its own, not an aside
    assert not [
        c
        for c in claims_of("Le maire a déclaré, ce qui a surpris, que la route resterait fermée.")
        if c.rule == "complement"
    ]


def test_quoted_clause_after_elided_que():
    # the tokenizer keeps "qu'" whole before the quote (not qu + ' + «)
    for apostrophe in ("'", "’"):
        text = f"Le maire, Lucien Barrat, a assuré qu{apostrophe}« aucune école ne fermera cette année »."
        c = only(text, quote_type="indirect")
        assert c.speaker == "Lucien Barrat"
        assert c.content == "« aucune école ne fermera cette année »"
