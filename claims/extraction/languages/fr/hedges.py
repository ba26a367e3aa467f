"""How a French article hedges a statement it reports (issue 13): the words the extractor's
hedge pass (``engine/hedges.py``) looks for. Patterns are regular expressions matched without
case, from a word boundary.
"""

# "la Russie aurait demandé", "le ministre serait sur le départ": the conditionnel
# journalistique says the article does not vouch for the statement
REPORTATIVE_CONDITIONAL = True

# a modal in the conditional says possibility or politeness, not hearsay: "il pourrait
# fermer", "nous devrions", "je voudrais"
CONDITIONAL_NOT_REPORTATIVE = {"pouvoir", "devoir", "vouloir", "falloir", "aimer", "souhaiter"}

# "si l'État ne paie pas, il fermerait l'école": a conditional in a condition's main clause
CONDITION_MARKERS = {"si", "s'", "s’"}

ALLEGEDLY_PATTERNS = [
    r"prétendu(?:e|s|es)?\b",
    r"prétendument\b",
    r"présumée?s?\b",
    r"supposément\b",
    r"soi[-\s]disant\b",
    r"dit[-\s]on\b",
    r"paraît[-\s]il\b",
]

UNVERIFIED_PATTERNS = [
    # "l'AFP n'a pas pu vérifier", "n'a pas pu le confirmer de source indépendante"
    r"n['’]\s*(?:a|ont|avons|avait|avaient|avions)\s+pas\s+(?:pu|été\s+en\s+mesure\s+de)\s+"
    r"(?:\w+\s+){0,3}?(?:vérifier|confirmer|corroborer|authentifier)\b",
    # "n'a pas (pu) être vérifiée", "n'a pas été confirmé de source indépendante"
    r"n['’]\s*(?:a|ont|avait|avaient)\s+pas\s+(?:pu\s+)?(?:encore\s+)?(?:été|être)\s+"
    r"(?:\w+\s+){0,2}?(?:vérifiée?s?|confirmée?s?|authentifiée?s?|corroborée?s?)\b",
    r"ne\s+(?:peut|peuvent|pouvait|pouvaient|pouvons)\s+pas\s+(?:\w+\s+){0,2}?"
    r"(?:vérifier|confirmer|corroborer)\b",
    r"impossible\s+de\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer)\b",
    r"sans\s+pouvoir\s+(?:\w+\s+){0,2}?(?:vérifier|confirmer)\b",
    r"non\s+(?:confirmée?s?|vérifiée?s?)\b",
    r"invérifiables?\b",
]

# a hedge word kept in the relay: the claim's cue, or what introduces a relaying outlet
ATTRIBUTION_PATTERNS = [
    r"selon\b",
    r"d['’]\s*après\b",
    r"citant\b",
    r"cité(?:e|s|es)?\s+par\b",
]
