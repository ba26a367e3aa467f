"""French function words and verb morphology the rules read: pronouns, determiners,
negations, adverbial and time words, auxiliaries and clitics of verb groups, and the forms
of regular verbs."""

from __future__ import annotations

import re

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
# "Ceci montre que", "this shows that": a demonstrative subject names no speaker
DEMONSTRATIVE_PRONOUNS = {"ceci", "cela", "ça", "celà"}
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
# "la semaine dernière", "last week": a time phrase between a verb and its complement
RELATIVE_TIME_ADJECTIVES = {
    "dernier",
    "dernière",
    "derniers",
    "dernières",
    "prochain",
    "prochaine",
    "passé",
    "passée",
}
# adverbs of several words, skipped between a verb and its complement
ADVERB_PHRASES = {
    "à nouveau",
    "de nouveau",
    "une fois de plus",
    "une nouvelle fois",
    "encore une fois",
    "à plusieurs reprises",
    "à maintes reprises",
    "à son tour",
}
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
# "X poursuit" (the package adds the presents of the -ir cues: "X avertit que", "X renchérit").
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
}

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

# "if X says that": a condition, nothing said
CONDITIONAL_MARKERS = {"si", "s'", "s’"}
