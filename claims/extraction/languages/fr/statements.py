"""What marks a statement in French: the nouns and verbs of quotation, statement and
finding nouns, according-to and opinion openers, relays, and the fixed phrases of declining
to comment and of being unable to verify."""

from __future__ import annotations

# Verbs that attribute a quotation next to them (after it, or before ":" or the quote).
QUOTE_VERBS = {
    "résumer", "interroger", "exclamer", "lancer", "poursuivre", "continuer", "conclure",
    "renchérir", "tonner", "lâcher", "glisser", "plaisanter", "enchaîner", "questionner",
    "demander", "ironiser", "commenter", "témoigner", "trancher", "interpeller", "indigner",
    "emporter", "étonner", "écrire", "tweeter", "marteler", "insister",
    # a quoted request is a claim as a quotation ("« Restez chez vous », supplie le maire"),
    # never as indirect speech
    "titrer", "supplier", "implorer", "exhorter", "conseiller", "recommander", "ordonner",
    "exiger", "enquérir", "rire",
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
# A sentence that points back at the one before and names its source: "C'est la remarque de
# X.", "C'est ce qu'a affirmé X.", "C'est ce que pense X.", "Le constat amer est du X."
RETROSPECTIVE_OPENERS = [
    (c, verb)
    for c in ("c'", "c’")
    for verb in ("est", "était", "étaient", "sont", "fut")
] + [
    ("ce", "sont"),
    ("tel", "est"),
    ("telle", "est"),
    ("tels", "sont"),
    ("telles", "sont"),
    ("voilà",),
]
RETROSPECTIVE_RELATIVES = [("ce", "que"), ("ce", "qu'"), ("ce", "qu’")]
RETROSPECTIVE_NOUNS = {
    "remarque", "constat", "avis", "analyse", "explication", "conclusion", "conclusions",
    "diagnostic", "verdict", "récit", "témoignage", "observation", "affirmation", "opinion",
    "sentiment", "estimation", "pronostic", "prévision", "avertissement", "thèse", "version",
    "argument", "réponse", "commentaire", "propos", "message", "jugement",
    "appréciation", "lecture", "interprétation", "hypothèse", "bilan", "déclaration",
}
RETROSPECTIVE_COPULAS = {"est", "était", "fut"}
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
# elided conjunctions the tokenizer must keep whole before an opening quote: "qu'« il … »" is
# qu' + « (spaCy alone splits qu + ' + «, and the complement clause is lost)
ELISIONS = {
    f"{word}{apostrophe}"
    for word in ("qu", "jusqu", "lorsqu", "puisqu")
    for apostrophe in ("'", "’")
}
# words between a comma and a participle that still reports for the main subject
# (", tout en affirmant que", ", while insisting that")
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
# verbs the lexicon leaves out on purpose (eval/README.md: requests, appeals, orders, questions,
# fears, hopes, wishes and intentions are no claims): the learned construction skips them too
NON_CLAIM_VERBS = {
    "demander", "exiger", "exhorter", "sommer", "inviter", "prôner", "préconiser",
    "recommander", "conseiller", "revendiquer", "craindre", "redouter", "espérer",
    "souhaiter", "vouloir", "compter", "envisager", "remercier", "féliciter",
}
# ", comme l'affirmait X" / ", as X had claimed": X made the statement just reported
AS_CLAUSE_OPENERS = {"comme"}
AS_CLAUSE_CLITICS: set[str] = {"l'", "l’", "le"}
# ", as fresh strikes left ...": a clause after these is the writer's context, not content
CONTEXT_CLAUSE_OPENERS: set[str] = set()
CONCESSIVE_OPENERS: list[tuple[str, ...]] = []  # not measured in French
ABSOLUTE_MARKERS: set[str] = set()  # not measured in French
QUOTED_AS_LINKS: set[str] = set()  # not measured in French

# openers after a comma whose infinitive reports for the main subject (", avant d'ajouter que")
INFINITIVE_OPENERS: list[tuple[str, ...]] = [("avant", "de"), ("avant", "d'"), ("avant", "d’")]

# a date after an object: "a annoncé la nouvelle le 3 mai"
DATE_OPENERS = {"le"}
MONTH_NAMES = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
}

# asides between the auxiliary and the participle: "a de son côté dénoncé", "a pour sa part
# estimé", "ont à leur tour affirmé", "a elle aussi assuré"
ASIDE_LOCUTIONS: list[tuple[str, ...]] = [
    ("de", "son", "côté"),
    ("de", "leur", "côté"),
    ("pour", "sa", "part"),
    ("pour", "leur", "part"),
    ("pour", "son", "compte"),
    ("de", "sa", "part"),
    ("de", "leur", "part"),
    ("à", "son", "tour"),
    ("à", "leur", "tour"),
    ("par", "ailleurs"),
    ("en", "outre"),
    ("en", "effet"),
    ("en", "revanche"),
    ("elle", "aussi"),
    ("lui", "aussi"),
    ("eux", "aussi"),
    ("elles", "aussi"),
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
# "selon la loi", "d'après le droit international": what a norm provides is not a statement
ACCORDING_NORMS = {
    "droit", "loi", "lois", "constitution", "règlement", "règlements", "règle", "règles",
    "code", "traité", "traités", "charte", "statuts", "convention", "conventions",
}
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
    r"(?:est|sont|était|étaient)\s+restée?s?\s+(?:muets?|muettes?|silencieux|silencieuses?)"
    r"(?=\s*[.;,])",
    r"n['’]\s*(?:est|sont|était|étaient)\s+pas\s+(?:immédiatement\s+)?disponibles?\s+pour\s+"
    r"(?:commenter|réagir|répondre|s['’]exprimer)",
    r"(?:est|sont|était|étaient|restait|restaient)\s+(?:restée?s?\s+)?injoignables?",
    r"(?:a|ont|avait|avaient)\s+botté\s+en\s+touche",
    # "Il n'y a pas eu de réaction immédiate du gouvernement": the source follows
    r"n['’]\s*y\s+(?:a|avait)\s+(?:pas\s+eu|eu\s+aucune)\s+(?:de\s+)?(?:réaction|commentaire)"
    r"(?:\s+(?:immédiate|officielle|immédiat|officiel))?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])",
    r"(?:a|ont|avait|avaient)" + _ASIDE + r"\s+refusé\s+toute\s+déclaration",
]
CANNOT_VERIFY_PATTERNS = [
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+(?:pu|été\s+en\s+mesure\s+de|été\s+capables?\s+de)\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer|corroborer|authentifier)",
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+pu\s+être\s+(?:\w+\s+){0,2}?(?:vérifiée?s?|confirmée?s?|authentifiée?s?|corroborée?s?)",
    r"n['’]\s*(?:est|sont|était|étaient)\s+pas\s+en\s+mesure\s+de\s+(?:vérifier|confirmer|corroborer)",
    r"ne\s+(?:peut|peuvent|pouvait|pouvaient)\s+pas\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer|corroborer)",
    # "n'a pas été confirmée de source indépendante": nobody could check it
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+(?:encore\s+)?été\s+(?:vérifiée?s?|confirmée?s?"
    r"|authentifiée?s?|corroborée?s?)\s+(?:de\s+(?:source|manière|façon)\s+indépendante"
    r"|indépendamment|par\s+(?:une|des)\s+sources?\s+indépendantes?)",
]
