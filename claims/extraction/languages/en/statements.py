"""What marks a statement in English: the nouns and verbs of quotation, statement and
finding nouns, according-to and opinion openers, relays, and the fixed phrases of declining
to comment and of being unable to verify."""

from __future__ import annotations

# Verbs that attribute a quotation next to them (after it, or before ":" or the quote).
QUOTE_VERBS = {
    "shout", "exclaim", "wonder", "ask", "yell", "scream", "quip", "muse", "continue",
    "conclude", "chant", "joke", "answer", "cry", "plead", "sigh", "whisper", "boast",
    "declare", "marvel", "snap", "retort", "interject", "proclaim", "thunder", "mutter",
    "tweet", "write", "read", "demand", "comment",
}
# Nouns whose clause introduces a quotation after a colon ("the statement read: …").
QUOTE_NOUNS = {
    "statement", "announcement", "message", "tweet", "post", "letter", "note", "text",
    "release", "communique", "communiqué", "remarks", "words", "response", "reply",
    "conclusion", "warning", "summary", "comment", "comments",
}
PARTITIVES = {"a", "an", "some", "several", "certain"}
WEAK_STATEMENT_NOUNS = {"idea", "view", "views", "involvement"}
REFLEXIVE_CLITICS: set[str] = set()

STATEMENT_NOUNS = {
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "report",
    "reports",
    "suggestion",
    "suggestions",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "charge",
    "charges",
    "assertion",
    "assertions",
    "statement",
    "statements",
    "figures",
    "speculation",
    "story",
    "stories",
    "account",
    "accounts",
    "criticism",
    "idea",
    "notion",
    "view",
    "views",
    "wrongdoing",
    # what one admits: "admitted his guilt in ...", "acknowledged mistakes"
    "guilt",
    "mistake",
    "mistakes",
    "error",
    "errors",
    "failings",
    "involvement",
    "characterisation",
    "characterization",
    # what one claims or states: "claimed responsibility for", "stated its intention to"
    "responsibility",
    "intention",
    "intentions",
    "opposition",
}
NOMINAL_PARTICIPLES: dict[str, str] = {
    "made": "asserts",
    "voiced": "asserts",
    "raised": "asserts",
    "levelled": "asserts",
    "leveled": "asserts",
    "repeated": "asserts",
    "denied": "denies",
    "rejected": "denies",
    "dismissed": "denies",
    "disputed": "denies",
    "refuted": "denies",
}
AGENT_PREPOSITIONS = {"by"}
# findings of courts, studies and inquiries ("the court's finding that"): claims
FINDING_NOUNS = {"finding", "findings", "conclusion", "conclusions", "ruling", "verdict"}
# the owner of a statement noun after it ("la conclusion de l'enquête selon laquelle")
OWNER_PREPOSITIONS = {"of"}
# A sentence that points back at the one before and names its source: "That is what X said.",
# "That is the view of X.", "Such is the conclusion of X."
RETROSPECTIVE_OPENERS = [
    (this, verb) for this in ("that", "this") for verb in ("is", "was", "'s", "’s")
] + [("such", "is"), ("such", "was")]
RETROSPECTIVE_RELATIVES = [("what",)]
RETROSPECTIVE_NOUNS = {
    "view", "conclusion", "assessment", "verdict", "finding", "findings", "argument",
    "message", "warning", "opinion", "diagnosis", "explanation", "account", "analysis",
}
RETROSPECTIVE_COPULAS = {"is", "was"}
NOUN_COMPLEMENTIZERS = [("that",)]

COMPLEMENTIZERS = {"that"}
# words between a comma and a participle that still reports for the main subject
# (", tout en affirmant que", ", while insisting that")
GERUND_MARKERS = {"while", "by", "before", "after"}

# endings of manner adverbs ("« catégoriquement »", "\"flatly\"")
ADVERB_SUFFIXES = ("ly",)

# auxiliaries of reported speech after a past cue ("said it was X and had done Y")
BACKSHIFT_AUXILIARIES = {"had", "would"}

# a channel after an object cue ends the object ("denied X through his lawyer")
MEANS_PREPOSITIONS = [("through",), ("via",)]

# after a name, these show it names a person ("Sá himself", "Dupont lui-même")
PERSONAL_REFLEXIVES = {"himself", "herself"}

# words allowed between the object and its quoted verdict ("qualifié X de « Y »")
VERDICT_LINKS = {"as"}
# "dismissed the report as \"fabrication\"": the verdict after these ends a denied object
DISMISSAL_LINKS: set[str] = {"as"}
# requests, appeals and orders: what follows them is no claim (see base.request_verbs)
REQUEST_VERBS = {"urge", "call"}
# verbs the lexicon leaves out on purpose (eval/README.md: requests, appeals, orders, questions,
# fears, hopes, wishes and intentions are no claims): the learned construction skips them too
NON_CLAIM_VERBS = {
    "ask", "beg", "demand", "request", "recommend", "advise", "implore", "order", "instruct",
    "command", "invite", "encourage", "hope", "wish", "want", "fear", "plan", "intend", "aim",
    "seek", "try", "expect", "wonder", "thank", "congratulate", "decline",
}

# ", comme l'affirmait X" / ", as X had claimed": X made the statement just reported
AS_CLAUSE_OPENERS = {"as"}
AS_CLAUSE_CLITICS: set[str] = set()
# ", as fresh strikes left ...": a clause after these is the writer's context, not content
CONTEXT_CLAUSE_OPENERS = {"as"}
# ", despite photos showing ...", ", even though ...": after a comma, the writer's concession
# ends the content (PolNeAR train 1-600 gold: ", despite"/", even though" right after an
# indirect content 16 times, inside one 9 times)
CONCESSIVE_OPENERS = [("despite",), ("even", "though"), ("even", "as"), ("in", "spite", "of")]
# ", with officials reporting X": the noun phrase after "with" speaks through the gerund
ABSOLUTE_MARKERS = {"with"}
# "cited the navy as stating that X": the navy speaks through "stating"
QUOTED_AS_LINKS = {"as"}

# openers after a comma whose infinitive reports for the main subject (", avant d'ajouter que")
INFINITIVE_OPENERS: list[tuple[str, ...]] = []


RELAY_VERBS = {"citing", "quoting", "cited", "cites", "quoted", "quotes"}
ACCORDING_TO = [("according", "to")]
# "according to the law", "according to the rules": what a norm provides is not a statement
ACCORDING_NORMS = {
    "law", "laws", "constitution", "rule", "rules", "regulation", "regulations", "code",
    "treaty", "treaties", "charter", "bylaws", "convention", "conventions",
}
# bare "For X, ..." is mostly the writer's framing in English news ("For Brandt, the
# format was not ideal"), so only the explicit phrases attribute
OPINION_PREPOSITIONS = [("in", "the", noun, "of") for noun in ("view", "eyes", "opinion")]
OPINION_PRONOUNS = {"him", "her", "them"}
OPINION_HOLDER_NOUNS = {
    "organization",
    "organisation",
    "party",
    "union",
    "report",
    "study",
    "investigation",
    "prosecutors",
    "court",
    "judge",
    "president",
    "director",
    "specialists",
}

DECLINES_PATTERNS = [
    r"(?:declined|declines|refused|refuses|declining|refusing)\s+to\s+(?:comment|elaborate|discuss|respond|give\s+details|provide\s+details|say|confirm|specify|disclose|identify|name|detail|be\s+drawn|speculate|answer\s+questions|be\s+interviewed|go\s+into\s+detail)",
    # bare "did not respond." / "did not immediately respond."
    r"(?:did|does|has|have|had)\s+not\s+(?:immediately\s+)?respond(?:ed)?(?=\s*[.;])",
    r"would\s+not\s+say",
    r"(?:did|does|do|has|have|had)\s+not\s+(?:immediately\s+)?(?:respond(?:ed)?|reply|replied|return(?:ed)?)\s+(?:to\s+)?(?:a\s+|an\s+|requests?|calls?|emails?|messages?|several\s+)",
    r"(?:didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t)\s+(?:immediately\s+)?(?:respond|reply|return)\s+(?:to\s+)?(?:a\s+|an\s+|requests?|calls?|emails?|messages?)",
    r"(?:could|can)\s*(?:not|n['’]t)\s+be\s+(?:immediately\s+)?reached\s+for\s+comment",
    r"(?:had|has|have)\s+no\s+(?:immediate\s+)?comment",
    r"would\s+not\s+comment",
    # "did not release any specific information about ..."
    r"(?:did|does|has|have|had)\s+not\s+(?:yet\s+)?(?:release|disclose|provide|give)\s+(?:any\s+)?(?:further\s+|specific\s+|more\s+|additional\s+)?(?:information|details)\b",
    # "has not commented publicly on the matter"
    r"(?:has|have|had|did)\s+not\s+(?:yet\s+)?(?:publicly\s+)?comment(?:ed)?\b",
]
CANNOT_VERIFY_PATTERNS = [
    r"(?:could|can|cannot)\s*(?:not|n['’]t)?\s+(?:\w+\s+){0,1}?(?:verify|confirm|corroborate|authenticate)",
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:not\s+|un)able\s+to\s+(?:\w+\s+){0,1}?(?:verify|confirm|corroborate|authenticate)",
    r"(?:could|can)\s*(?:not|n['’]t)\s+be\s+(?:\w+\s+){0,1}?(?:verified|confirmed|corroborated|authenticated)",
]
