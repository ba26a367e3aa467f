"""French constructions of real news, on sentences written for these tests."""

from claims.extraction import extract


def claims_of(text):
    return extract(text, "fr")


def test_the_audience_after_an_object_is_not_what_was_revealed():
    text = "La fédération des cheminots a révélé cette fermeture à la presse mardi soir."
    found = [c for c in claims_of(text) if c.cue.endswith("révélé")]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "cette fermeture"


def test_the_audience_between_verb_and_clause_is_skipped():
    text = "Le maire a expliqué aux journalistes que le pont serait rouvert en juin."
    found = [c for c in claims_of(text) if c.content == "le pont serait rouvert en juin"]
    assert found, [c.to_dict() for c in claims_of(text)]


def test_an_adverbial_before_an_inserted_cue_frames_the_claim_after_it():
    text = (
        "Le directeur de l'usine, Marc Dubreuil, a visité le site. "
        "Contrairement aux rumeurs, assure-t-il, l'usine restera ouverte."
    )
    found = [c for c in claims_of(text) if c.cue == "assure-t-il"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "l'usine restera ouverte"
    assert found[0].speaker == "Marc Dubreuil"


def test_a_subject_before_an_inserted_cue_keeps_the_whole_clause():
    text = (
        "Le directeur, Marc Dubreuil, a visité le site. Le pont, assure-t-il, sera rouvert en juin."
    )
    found = [c for c in claims_of(text) if c.cue == "assure-t-il"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "Le pont, assure-t-il, sera rouvert en juin"


def test_a_clause_ending_on_a_quoted_fragment_before_a_postposed_cue():
    text = "La question est de savoir « si nous allons recruter », affirme Paul Varenne."
    found = [c for c in claims_of(text) if c.cue == "affirme"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "La question est de savoir « si nous allons recruter »"
    assert found[0].speaker == "Paul Varenne"


def test_a_quoted_fragment_closing_just_before_the_cue_without_a_comma():
    text = "La question est de savoir « si nous allons recruter » affirme Paul Varenne."
    found = [c for c in claims_of(text) if c.cue == "affirme"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "La question est de savoir « si nous allons recruter »"


def test_an_unresolved_inverted_pronoun_is_the_bare_pronoun():
    found = claims_of("La question est de savoir si nous allons recruter, affirme-t-il.")
    assert [c.speaker for c in found] == ["il"]


def test_an_aside_locution_inside_the_verb_group():
    for text, cue in [
        (
            "Le gouvernement a de son côté dénoncé une provocation inacceptable.",
            "a de son côté dénoncé",
        ),
        (
            "La présidente a quant à elle affirmé que le budget serait voté.",
            "a quant à elle affirmé",
        ),
    ]:
        found = [c for c in claims_of(text) if c.cue == cue]
        assert found, [c.to_dict() for c in claims_of(text)]


def test_a_quoted_clause_after_the_appositive_of_an_according_to_source_is_direct():
    text = "D'après le ministre de l'Industrie, Paul Varenne, « les usines vont rouvrir en juin »."
    found = [c for c in claims_of(text) if c.cue == "D'après"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].quote_type == "direct"
    assert found[0].content == "les usines vont rouvrir en juin"


def test_an_adverb_inside_a_light_verb_cue():
    for text, cue in [
        ("L'association met également en cause les services de l'État.", "met également en cause"),
        ("L'association a mis directement en cause le préfet.", "a mis directement en cause"),
    ]:
        found = [c for c in claims_of(text) if c.cue == cue]
        assert found, [c.to_dict() for c in claims_of(text)]


def test_a_date_after_the_object_is_not_what_was_announced():
    text = "Les astronomes ont annoncé la nouvelle le 12 mai 2019 dans la revue Science."
    found = [c for c in claims_of(text) if c.cue == "ont annoncé"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "la nouvelle"


def test_an_apposition_on_the_accused_keeps_the_accusation():
    text = "Les syndicats ont accusé le directeur, un ancien banquier, d'avoir menti aux salariés."
    found = [c for c in claims_of(text) if c.cue.endswith("accusé")]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "le directeur, un ancien banquier, d'avoir menti aux salariés"
    assert found[0].speaker == "Les syndicats"


def test_an_adjunct_after_the_accusation_still_ends_it():
    text = "Les syndicats ont accusé le directeur d'avoir menti, après avoir consulté les comptes."
    found = [c for c in claims_of(text) if c.cue.endswith("accusé")]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "le directeur d'avoir menti"


def test_a_participle_describing_the_object_is_not_part_of_it():
    text = (
        "Le maire a dévoilé le plan de rénovation du port, principalement financé par la "
        "région, qui apporte cinq millions, et soutenu par l'État."
    )
    found = [c for c in claims_of(text) if c.cue.endswith("dévoilé")]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "le plan de rénovation du port"


def test_a_participle_right_after_a_closing_quote_reports_for_the_subject():
    text = (
        "Le collectif estime que « les loyers sont trop chers » évoquant des « hausses de 20 % »."
    )
    by_cue = {c.cue: c for c in claims_of(text)}
    assert "évoquant" in by_cue, [c.to_dict() for c in claims_of(text)]
    assert by_cue["évoquant"].content == "des « hausses de 20 % »"
    assert by_cue["évoquant"].speaker == "Le collectif"
    assert by_cue["estime"].content == "« les loyers sont trop chers »"


def test_a_clause_opening_a_parenthesis_has_its_subject_inside_it():
    text = (
        "Le ministre a quitté la salle (Paul Martin déplora mardi un budget « truffé "
        "d’erreurs »). Le débat a repris le soir."
    )
    found = [c for c in claims_of(text) if c.cue == "déplora"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].speaker == "Paul Martin"


def test_a_parenthesis_closed_before_the_verb_stays_in_the_subject():
    text = "Le Front vert (FV) a déclaré que la réforme était injuste."
    found = [c for c in claims_of(text) if c.cue == "a déclaré"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].speaker.startswith("Le Front vert")


def test_calling_someone_a_quoted_name_is_a_claim_ending_with_the_quote():
    text = (
        "Le député avait appelé Paul Martin « le baron de la ville », en référence à son château."
    )
    found = [c for c in claims_of(text) if c.cue == "avait appelé"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "Paul Martin « le baron de la ville »"
    assert found[0].speaker == "Le député"


def test_a_quoted_appeal_after_the_object_is_no_claim():
    assert claims_of("Le maire a appelé les habitants « à rester chez eux ».") == []
    assert claims_of("Le syndicat a appelé les salariés « au calme ».") == []


def test_a_quoted_verdict_followed_by_an_adjunct_ends_with_its_quote():
    text = "Le ministre a jugé la situation « intenable », avant de quitter la salle."
    found = [c for c in claims_of(text) if c.cue == "a jugé"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "la situation « intenable »"


def test_a_quoted_verdict_on_a_clitic_object_is_a_claim():
    cases = {
        "La sénatrice l'avait appelé la « reine du port ».": "la « reine du port »",
        "La sénatrice le surnomme « le baron du port ».": "« le baron du port »",
        "La sénatrice les a qualifiés de « voyous ».": "« voyous »",
    }
    for text, content in cases.items():
        found = claims_of(text)
        assert [c.content for c in found] == [content], text
        assert found[0].speaker == "La sénatrice"


def test_a_quoted_appeal_to_a_clitic_object_is_no_claim():
    assert claims_of("La sénatrice les a appelés « à la retenue ».") == []
    assert claims_of("La sénatrice l'a appelé mardi.") == []


def test_after_tout_comme_a_name_with_a_bare_apposition_is_the_subject():
    text = "Tout comme Paul Martin, ancien maire de Brest, a déclaré que le port fermerait."
    found = [c for c in claims_of(text) if c.cue == "a déclaré"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].speaker == "Paul Martin"


def test_after_comme_a_name_then_a_determined_noun_phrase_the_noun_phrase_speaks():
    text = "Comme Paul Martin, le maire de Brest a déclaré que le port fermerait."
    found = [c for c in claims_of(text) if c.cue == "a déclaré"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].speaker == "le maire de Brest"


def test_a_quoted_adverbial_opening_postposed_content_belongs_to_it():
    text = (
        "Paul Martin est ministre. « Avec la hausse des prix de l'énergie, même en gardant "
        "nos usines », la question est de savoir « si nous allons produire » affirme-t-il."
    )
    found = [c for c in claims_of(text) if c.cue == "affirme-t-il"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content.startswith("« Avec la hausse des prix")
    assert found[0].content.endswith("« si nous allons produire »")
    assert found[0].speaker == "Paul Martin"


def test_a_quoted_utterance_before_a_clause_stays_out_of_the_postposed_content():
    text = "Paul Martin est ministre. « Nous partirons demain », la ministre a répété cela, affirme-t-il."
    found = [c for c in claims_of(text) if c.cue == "affirme-t-il"]
    assert found, [c.to_dict() for c in claims_of(text)]
    assert found[0].content == "la ministre a répété cela"


def test_seeing_a_sign_of_something_is_an_evaluation_of_the_subject():
    text = "La Commission a salué la réforme y voyant un signe de sérieux du gouvernement."
    by_cue = {c.cue: c for c in claims_of(text)}
    assert "y voyant un signe" in by_cue, [c.to_dict() for c in claims_of(text)]
    assert by_cue["y voyant un signe"].speaker == "La Commission"
    assert by_cue["y voyant un signe"].content == "sérieux du gouvernement"
    assert by_cue["a salué"].content == "la réforme"
    assert claims_of("Le guide a vu un signe de la main au loin.") == []
    found = claims_of("La ministre y voit la preuve que le dialogue reprend.")
    assert [c.content for c in found] == ["le dialogue reprend"]
