"""English function words and verb morphology the rules read: pronouns, determiners,
negations, adverbial and time words, auxiliaries of verb groups, and the forms of regular
verbs."""

from __future__ import annotations

import re

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
# "Ceci montre que", "this shows that": a demonstrative subject names no speaker
DEMONSTRATIVE_PRONOUNS = {"this", "that", "these", "those"}
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
# "la semaine dernière", "last week": a time phrase between a verb and its complement
RELATIVE_TIME_ADJECTIVES = {"last", "next", "past"}
# adverbs of several words, skipped between a verb and its complement
ADVERB_PHRASES = {"once again", "yet again", "once more", "in turn", "on several occasions"}
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
    "since",  # "has since said"
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

# "if X says that": a condition, nothing said
CONDITIONAL_MARKERS = {"if", "unless", "whether"}

# before "to": the infinitive reports for the subject ("went on to say that", "was quick to
# point out that"), unlike "declined to say" or "plans to announce"
RAISING_PHRASES = [
    (verb, "on") for verb in ("go", "goes", "went", "going", "gone")
] + [
    (be, adjective)
    for be in ("is", "are", "was", "were", "been")
    for adjective in ("quick", "careful")
]

