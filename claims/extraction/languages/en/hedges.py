"""How an English article hedges a statement it reports (issue 13): the words the extractor's
hedge pass (``engine/hedges.py``) looks for. Patterns are regular expressions matched without
case, from a word boundary.
"""

# English has no reportative conditional: "would" in reported speech is the backshift of
# "will" ("said the reform would pass"), not a hedge
REPORTATIVE_CONDITIONAL = False

ALLEGEDLY_PATTERNS = [
    r"allegedly\b",
    r"reportedly\b",
    r"purportedly\b",
    r"supposedly\b",
    r"alleged\b",  # "the alleged attack" (the cue "alleged that" is not read: it is the cue)
    r"purported\b",
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:said|believed|reported|thought)\s+to\b",
]

UNVERIFIED_PATTERNS = [
    # "could not independently verify", "cannot confirm", "couldn't verify"
    r"(?:could\s*(?:not|n['’]t)|can\s*(?:not|n['’]t)|cannot)\s+(?:\w+\s+){0,2}?"
    r"(?:verify|confirm|corroborate|authenticate)\b",
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:not\s+|un)able\s+to\s+(?:\w+\s+){0,2}?"
    r"(?:verify|confirm|corroborate|authenticate)\b",
    # "has not been independently verified", "could not be confirmed"
    r"(?:has|have|had)\s*(?:not|n['’]t)\s+been\s+(?:\w+\s+){0,2}?"
    r"(?:verified|confirmed|corroborated|authenticated)\b",
    r"(?:could|can)\s*(?:not|n['’]t)\s+be\s+(?:\w+\s+){0,2}?"
    r"(?:verified|confirmed|corroborated|authenticated)\b",
    r"unconfirmed\b",
    r"unverified\b",
]

# a hedge word kept in the relay: the claim's cue, or what introduces a relaying outlet
ATTRIBUTION_PATTERNS = [
    r"according\s+to\b",
    r"citing\b",
    r"(?:as\s+)?quoted\s+by\b",
]
