"""French constructions found missing on the held-out corpus, on sentences written for these tests."""

from claims.extraction import extract
from tests.extraction.helpers import with_cue as shared_with_cue


def claims_of(text):
    return extract(text, "fr")


def with_cue(text, cue_word):
    return shared_with_cue(text, "fr", cue_word)


def test_pronominal_reporting_verb_after_a_quote():
    text = "« Le nouveau pont sera prêt pour la rentrée », s'est félicité le président du département, Alain Peyrol."
    c = with_cue(text, "félicité")
    assert c.quote_type == "direct"
    assert c.content == "Le nouveau pont sera prêt pour la rentrée"
    assert c.speaker == "Alain Peyrol"


def test_pronominal_only_verb_without_clitic_reports_nothing():
    assert claims_of("Le maire a félicité les bénévoles du festival pour leur travail.") == []


def test_more_reporting_verbs_take_a_que_clause():
    text = (
        "La Cour des comptes relève que les dépenses de personnel ont augmenté de 12 %. "
        "Le rapporteur, Jules Maréchal, a rappelé que la réforme n'avait jamais été évaluée."
    )
    assert with_cue(text, "relève").content == "les dépenses de personnel ont augmenté de 12 %"
    assert with_cue(text, "rappelé").speaker == "Jules Maréchal"


def test_split_quote_with_inverted_noun_subject_and_new_verb():
    text = (
        "« Les stocks de sel sont pleins », a poursuivi la directrice des routes, Inès Valade, "
        "« et nos équipes sont prêtes. »"
    )
    direct = [c for c in claims_of(text) if c.quote_type == "direct"]
    assert [c.content for c in direct] == [
        "Les stocks de sel sont pleins",
        "et nos équipes sont prêtes",
    ]
    assert {c.speaker for c in direct} == {"Inès Valade"}


def test_declines_comment_with_an_aside_and_bare_no_answer():
    text = (
        "Le club n'a en revanche pas souhaité commenter le montant du transfert. "
        "Contactée, la société Brivane n'a pas répondu."
    )
    found = [c for c in claims_of(text) if c.stance == "declines_comment"]
    assert [c.content for c in found] == [
        "n'a en revanche pas souhaité commenter le montant du transfert",
        "n'a pas répondu",
    ]
    assert found[1].speaker == "la société Brivane"


def test_refusing_to_say_is_declining_to_comment():
    text = "Le porte-parole de la mairie, Paul Ancel, a refusé de dire si la piscine rouvrirait."
    c = with_cue(text, "refusé")
    assert c.stance == "declines_comment"
    assert c.content == "a refusé de dire si la piscine rouvrirait"


def test_selon_outlet_who_cites_sources_makes_the_sources_speak():
    text = "Selon L'Équipe, qui cite deux dirigeants du club, l'entraîneur sera limogé lundi."
    c = with_cue(text, "Selon")
    assert c.speaker == "deux dirigeants du club"
    assert c.speaker_type == "anonymous"
    assert c.via and "Équipe" in c.via[0]
    assert c.content == "l'entraîneur sera limogé lundi"


def test_denial_of_an_object_opened_by_tout():
    text = "La direction a démenti tout licenciement dans l'usine de Vierzon."
    c = with_cue(text, "démenti")
    assert c.stance == "denies"
    assert c.content == "tout licenciement dans l'usine de Vierzon"


def test_insister_sur_le_fait_que():
    text = "La rectrice a insisté sur le fait que les examens se tiendraient aux dates prévues."
    c = with_cue(text, "insisté")
    assert c.content == "les examens se tiendraient aux dates prévues"


def test_object_after_a_time_phrase_and_name_with_de_as_antecedent():
    text = (
        "Le syndicat Force Ouvrière, qui dénonce depuis trois ans un « plan social déguisé », "
        "a appelé à la grève."
    )
    c = with_cue(text, "dénonce")
    assert c.content == "un « plan social déguisé »"
    assert "Force Ouvrière" in c.speaker


def test_admission_of_a_quoted_fragment_object():
    text = "La SNCF a reconnu « des retards importants » sur la ligne de Clermont-Ferrand."
    c = with_cue(text, "reconnu")
    assert c.content == "« des retards importants » sur la ligne de Clermont-Ferrand"
    assert c.quote_type == "indirect"


def test_opposing_a_project_or_showing_a_delay_is_not_a_claim():
    text = (
        "Le collectif, qui conteste le projet devant le tribunal, manifestera samedi. "
        "Le chantier accuse un retard de trois mois."
    )
    assert claims_of(text) == []


def test_accusation_keeps_its_object_and_preposition():
    c = with_cue("L'opposition accuse le préfet d'avoir caché le rapport.", "accuse")
    assert c.content == "le préfet d'avoir caché le rapport"


def test_inverted_subject_closing_a_sentence_is_not_the_object():
    text = (
        "La région a voté jeudi une aide de 12 millions d'euros aux éleveurs, "
        "a annoncé la préfecture de Normandie."
    )
    c = with_cue(text, "annoncé")
    assert c.speaker == "la préfecture de Normandie"
    assert c.content == "La région a voté jeudi une aide de 12 millions d'euros aux éleveurs"


def test_postposed_clause_keeps_a_quoted_fragment_inside_it():
    text = "Le club a « pris note » de la sanction, a indiqué son président, Marc Olier."
    c = with_cue(text, "indiqué")
    assert c.content == "Le club a « pris note » de la sanction"
    assert c.speaker == "Marc Olier"


def test_showing_a_delay_before_a_postposed_clause_is_not_a_reporting_verb():
    text = (
        "Le tramway, en travaux depuis mai, accuse un retard de six mois, a reconnu la métropole."
    )
    found = claims_of(text)
    assert [c.cue for c in found] == ["a reconnu"]
    assert found[0].speaker == "la métropole"


def test_plural_pronoun_resolves_to_the_previous_plural_subject():
    text = (
        "« Les urgences fermeront la nuit », a déclaré le directeur, Hugo Ferlin. "
        "Plusieurs syndicats de soignants ont écrit à la ministre. "
        "Ils estiment que la décision a été prise sans concertation."
    )
    c = with_cue(text, "estiment")
    assert c.speaker == "Plusieurs syndicats de soignants"


def test_imperfect_verb_after_mais_stays_in_the_reported_clause():
    text = "La députée a estimé que le texte allait dans le bon sens mais restait trop timide."
    c = with_cue(text, "estimé")
    assert c.content == "le texte allait dans le bon sens mais restait trop timide"
