"""More French cues, from the verbs and idioms of French news reporting that ``cues.py`` and
``cues_judging.py`` lack, grouped by what they report.

Each reports a claim under the annotation conventions (eval/README.md): a statement, an
opinion, an evaluation, an accusation, a finding, an admission, a warning or a denial.
Left out on purpose, besides the requests, hopes, fears and intentions listed in ``cues.py``:
"signifier" and "prouver" ("cela signifie que", "cela prouve que": the subject is a fact,
not a source), "convenir" ("il convient que" is impersonal), "persister" ("persiste à
croire que": the infinitive is its own cue), "louer" (to rent), "traiter" and "taxer"
("traite X de menteur", but "traite les dossiers de manière", "taxe les produits de 20 %"),
"attribuer" ("attribue un prix à"), "acquiescer" ("auxquels X a acquiescé": consent to a
request), "semer le doute sur" and "jeter le doute sur" (what a report does to a fact,
rarely a denial by a source), "voir en" and "voir dans" (perception as often as opinion),
"rendre compte de" (to be accountable).
"""

from __future__ import annotations

from ..base import Cue, Phrase
from .cues import _A_ALL, _DE_ALL, _FAIRE, _METTRE

_SUR = ("sur",)
_CONTRE = ("contre",)


def _reflexive_attribute(lemma: str, simple: tuple[str, ...]) -> tuple[Phrase, ...]:
    """ "s'estime lésé", "se juge trahi", "s'est proclamé vainqueur": a reflexive verb of
    judging whose attribute is what the subject claims about itself (like "se dit")."""
    clitics = ("s'", "s’") if lemma[0] in "aeéèêiouh" else ("se",)
    participles = tuple(lemma[:-2] + ending for ending in ("é", "ée", "és", "ées"))
    if lemma.endswith("re"):  # "prétendre": "prétendu"
        participles = tuple(lemma[:-3] + ending for ending in ("u", "ue", "us", "ues"))
    phrases = [Phrase(clitics, (form,)) for form in simple]
    for form in participles:
        for aux in ("est", "était", "sont", "étaient"):
            clitic = ("se",) if aux.startswith("s") else ("s'", "s’")
            phrases.append(Phrase(clitic, (aux, form)))
    return tuple(phrases)


NEWS: list[Cue] = [
    # Saying and stating, mostly in a postposed clause ("« ... », susurre-t-il") or with a
    # clause: clause_only, a noun phrase after them is not their content.
    Cue("énoncer", "asserts", clause_only=True),
    Cue("exposer", "asserts", clause_only=True),
    Cue("formuler", "asserts", clause_only=True),
    Cue("expliciter", "asserts", clause_only=True),
    Cue("clarifier", "asserts", clause_only=True),
    Cue("narrer", "asserts", clause_only=True),
    Cue("conter", "asserts", clause_only=True),
    Cue("stipuler", "asserts", clause_only=True),  # "le contrat stipule que"
    Cue("insinuer", "asserts", clause_only=True),
    Cue(
        "sous-entendre",
        "asserts",
        clause_only=True,
        irregular_forms=("sous-entend", "sous-entendent", "sous-entendu", "sous-entendait"),
    ),
    Cue("alléguer", "asserts", clause_only=True),
    Cue("aviser", "asserts", clause_only=True),
    Cue("twitter", "asserts", clause_only=True),
    Cue("ressasser", "asserts", clause_only=True),
    Cue("assener", "asserts", clause_only=True),  # the spelling of 1990, beside "asséner"
    Cue("susurrer", "asserts", clause_only=True),
    Cue("bredouiller", "asserts", clause_only=True),
    Cue("balbutier", "asserts", clause_only=True),
    Cue("bafouiller", "asserts", clause_only=True),
    Cue("éructer", "asserts", clause_only=True),
    Cue("vociférer", "asserts", clause_only=True),
    Cue("gémir", "asserts", clause_only=True),
    Cue("rugir", "asserts", clause_only=True),
    Cue("grincer", "asserts", clause_only=True),
    Cue("cingler", "asserts", clause_only=True),
    Cue("jubiler", "asserts", clause_only=True),
    Cue("exulter", "asserts", clause_only=True),
    Cue("fanfaronner", "asserts", clause_only=True),
    Cue("enrager", "asserts", clause_only=True),
    Cue("rigoler", "asserts", clause_only=True),
    Cue("philosopher", "asserts", clause_only=True),
    Cue("énumérer", "asserts", clause_only=True),
    Cue("récapituler", "asserts", clause_only=True),
    Cue("tempérer", "asserts", clause_only=True),
    Cue("dédramatiser", "asserts", clause_only=True),
    Cue("rassurer", "asserts", clause_only=True),  # "« Tout va bien », rassure le maire"
    Cue("abonder", "asserts", clause_only=True),
    Cue("approuver", "asserts", clause_only=True),  # "« C'est vrai », approuve-t-il"
    Cue("opiner", "asserts", clause_only=True),
    Cue("rebondir", "asserts", clause_only=True),
    Cue("contre-attaquer", "asserts", clause_only=True),
    Cue("opposer", "asserts", clause_only=True),  # "a opposé que": an objection
    # Feelings and moods of a speaker, in the pronominal form ("s'énerve le maire",
    # "s'est moqué de"): what they are about is claimed.
    Cue("énerver", "asserts", clause_only=True, pronominal_only=True),
    Cue("fâcher", "asserts", clause_only=True, pronominal_only=True),
    Cue("étrangler", "asserts", clause_only=True, pronominal_only=True),
    Cue("enflammer", "asserts", clause_only=True, pronominal_only=True),
    Cue(
        "récrier",
        "asserts",
        takes=("preposition",),
        prepositions=_CONTRE,
        clause_only=True,
        pronominal_only=True,
    ),
    *(
        Cue(
            lemma,
            "asserts",
            takes=("preposition",),
            prepositions=_DE_ALL,
            clause_only=True,
            pronominal_only=True,
        )
        for lemma in (
            "affliger",
            "attrister",
            "offenser",
            "formaliser",
            "exaspérer",
            "moquer",
            "gausser",
            "gargariser",
            "glorifier",
        )
    ),
    # What a speaker claims about itself in a reflexive verb of judging: "s'estime lésé".
    Cue(
        "s'estimer",
        "asserts",
        takes=("object",),
        also=_reflexive_attribute("estimer", ("estime", "estiment", "estimait", "estimaient")),
    ),
    Cue(
        "se juger",
        "asserts",
        takes=("object",),
        also=_reflexive_attribute("juger", ("juge", "jugent", "jugeait", "jugeaient")),
    ),
    Cue(
        "se considérer",
        "asserts",
        takes=("object",),
        also=_reflexive_attribute(
            "considérer", ("considère", "considèrent", "considérait", "considéraient")
        ),
    ),
    Cue(
        "se prétendre",
        "asserts",
        takes=("object",),
        also=_reflexive_attribute("prétendre", ("prétend", "prétendent", "prétendait")),
    ),
    Cue(
        "se proclamer",
        "asserts",
        takes=("object",),
        also=_reflexive_attribute("proclamer", ("proclame", "proclament", "proclamait")),
    ),
    # Opinions, conjectures and forecasts.
    Cue("présumer", "asserts", clause_only=True),
    Cue("postuler", "asserts", clause_only=True),
    Cue("conjecturer", "asserts", clause_only=True),
    Cue("prophétiser", "asserts", clause_only=True),
    Cue("anticiper", "asserts", clause_only=True),
    # Warnings.
    Cue("donner l'alerte", "asserts", clause_only=True, light=("donn",)),
    Cue("lancer l'alerte", "asserts", clause_only=True, light=("lanc", "lanç")),
    Cue(
        "sonner l'alarme",
        "asserts",
        takes=("preposition",),
        prepositions=_SUR,
        clause_only=True,
        light=("sonn",),
    ),
    # Findings of studies, inquiries and courts.
    Cue("valider", "asserts", takes=("object",), object_must_be_a_statement=True),
    Cue("étayer", "asserts", takes=("object",), object_must_be_a_statement=True),
    Cue("accréditer", "asserts", takes=("object",), object_must_be_a_statement=True),
    Cue("conforter", "asserts", takes=("object",), object_must_be_a_statement=True),
    Cue(
        "faire le constat",
        "asserts",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=_FAIRE,
    ),
    Cue(
        "arriver à la conclusion",
        "asserts",
        clause_only=True,
        light=("arriv",),
        also=(Phrase(("parv", "parvien", "parven"), ("à", "la", "conclusion")),),
    ),
    Cue("tirer la conclusion", "asserts", clause_only=True, light=("tir",)),
    Cue("mettre en relief", "asserts", takes=("object",), light=_METTRE),
    Cue(
        "mettre le doigt",
        "asserts",
        takes=("preposition",),
        prepositions=_SUR,
        clause_only=True,
        light=_METTRE,
    ),
    Cue(
        "faire mention",
        "asserts",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=_FAIRE,
    ),
    Cue(
        "faire référence",
        "asserts",
        takes=("preposition",),
        prepositions=_A_ALL,
        clause_only=True,
        light=_FAIRE,
    ),
    # Responsibility claimed, and pleas: "a revendiqué la responsabilité de l'attaque",
    # "a plaidé non coupable" (a plea of not guilty denies the charges).
    Cue(
        "revendiquer la responsabilité",
        "asserts",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=("revendiqu",),
        also=(Phrase(("revendiqu",), ("la", "paternité")),),
    ),
    # before "plaider coupable": the wordings of one last word are tried in order
    Cue(
        "plaider non coupable",
        "denies",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=("plaid",),
    ),
    Cue(
        "plaider coupable",
        "asserts",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=("plaid",),
    ),
    # Evaluations: blame and praise of what the object names.
    Cue("tacler", "asserts", takes=("object",)),
    Cue("égratigner", "asserts", takes=("object",)),
    Cue("ridiculiser", "asserts", takes=("object",)),
    Cue("accabler", "asserts", takes=("object",)),
    Cue("vitupérer", "asserts", takes=("object", "preposition"), prepositions=_CONTRE),
    Cue("porter aux nues", "asserts", takes=("object",), light=("port",)),
    Cue(
        "couvrir d'éloges",
        "asserts",
        takes=("object",),
        light=("couvr", "couvert"),
    ),
    Cue(
        "tresser des lauriers",
        "asserts",
        takes=("preposition",),
        prepositions=_A_ALL,
        clause_only=True,
        light=("tress",),
    ),
    # Accusations.
    Cue("montrer du doigt", "asserts", takes=("object",), light=("montr",)),
    Cue("clouer au pilori", "asserts", takes=("object",), light=("clou",)),
    Cue(
        "faire le procès",
        "asserts",
        takes=("preposition",),
        prepositions=_DE_ALL,
        clause_only=True,
        light=_FAIRE,
    ),
    Cue(
        "dresser un réquisitoire",
        "asserts",
        takes=("preposition",),
        prepositions=_CONTRE,
        clause_only=True,
        light=("dress",),
    ),
    Cue(
        "rejeter la faute",
        "asserts",
        takes=("preposition",),
        prepositions=_SUR,
        clause_only=True,
        light=("rejet", "rejett"),
        also=(Phrase(("rejet", "rejett"), ("la", "responsabilité")),),
    ),
    # Denials: the object denied, when it names a statement ("écarte l'hypothèse d'un
    # attentat", not "écarte les manifestants").
    Cue("dénier", "denies", takes=("object",)),
    Cue("repousser", "denies", takes=("object",), object_must_be_a_statement=True),
    Cue("écarter", "denies", takes=("object",), object_must_be_a_statement=True),
    Cue(
        "exclure",
        "denies",
        takes=("object",),
        object_must_be_a_statement=True,
        irregular_forms=("exclut", "excluent", "exclu", "exclue", "excluait", "excluant"),
    ),
    Cue("démonter", "denies", takes=("object",), object_must_be_a_statement=True),
    Cue("renier", "denies", takes=("object",), object_must_be_a_statement=True),
    Cue(
        "mettre en question",
        "denies",
        takes=("object",),
        object_must_be_a_statement=True,
        light=_METTRE,
    ),
    Cue(
        "opposer un démenti",
        "denies",
        takes=("preposition",),
        prepositions=_A_ALL,
        clause_only=True,
        light=("oppos",),
        also=(Phrase(("apport",), ("un", "démenti")),),
    ),
    Cue(
        "émettre des doutes",
        "denies",
        takes=("preposition",),
        prepositions=_SUR,
        clause_only=True,
        light=("émet", "émis"),
    ),
]
