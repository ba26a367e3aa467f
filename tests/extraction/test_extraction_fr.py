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
