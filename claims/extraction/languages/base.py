"""The shape of a language pack: every table and switch the extractor reads.

One algorithm (``claims.extraction.runner`` with its ``engine`` and ``constructions``) reads
one :class:`LanguagePack`; the packs
(``fr/``, ``en/``) only hold data. A field marked ``optional`` may be empty for a
language that has no such construction (English has no reflexive clitics); every other
field must be filled (``tests/extraction/test_languages.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from ..types import STANCES

Words = frozenset[str]
Phrases = tuple[tuple[str, ...], ...]  # each phrase is its lower-case tokens

# What may carry a cue's content besides a complement clause ("que", "that"), which every
# cue takes, like a postposed reporting clause ("X, a-t-il dit"):
COMPLEMENTS = (
    "object",  # its object: "a condamné l'attentat", "denied the report"
    "preposition",  # what one of its `prepositions` opens: "a fait état de", "called for"
    "verdict",  # a quoted verdict on its object: "juge la situation « intenable »"
    "to-infinitive",  # "claims to have been" (a bare infinitive is a pack switch)
    "gerund",  # "denied having"
)


def _words(lemma: str) -> list[str]:
    """The tokens of a phrase as the tagger splits them: "l'éloge" -> "l'", "éloge"."""
    tokens = []
    for word in lemma.split():
        while "'" in word[:-1]:
            head, word = word.split("'", 1)
            tokens.append(head + "'")
        tokens.append(word)
    return tokens


@dataclass(frozen=True)
class Phrase:
    """Another wording of a cue: a light verb, then words, the last one last.

    ``Phrase(light=("ni",), words=("en", "bloc"))`` reads "ni… en bloc" ("nie en bloc les
    accusations"); a word ending in "'" also matches with a typographic apostrophe.
    """

    light: tuple[str, ...]  # how the light verb's forms start: ("fai", "fon")
    words: tuple[str, ...]  # the words after it, the last included: ("en", "bloc")

    def __post_init__(self) -> None:
        for name in ("light", "words"):
            value = getattr(self, name)
            if not (
                isinstance(value, tuple)
                and value
                and all(isinstance(word, str) and word.strip() for word in value)
            ):
                raise ValueError(f"{self!r}: {name} must be a tuple of words, not {value!r}")


@dataclass(frozen=True)
class Cue:
    """One reporting verb or light-verb phrase, with all the language pack knows about it.

    Read aloud: ``Cue("accuser", "asserts", takes=("object",), preposition_after_object=_DE)``
    is "accuser asserts; it takes an object, followed by de". A cue of several words names
    the stems of its light verb: ``Cue("faire état", "asserts", takes=("preposition",),
    prepositions=_DE, light=("fai", "fon"))`` matches "fait état de", "font état de". The
    record checks itself when it is built; :func:`cue_tables` turns a pack's list of cues
    into the tables of :class:`LanguagePack`.
    """

    lemma: str  # the infinitive ("dénoncer", "deny") or the whole phrase ("faire état")
    stance: str  # one of claims.extraction.types.STANCES
    takes: tuple[str, ...] = ()  # what else may carry the content: see COMPLEMENTS
    prepositions: tuple[str, ...] = ()  # for "preposition": the words that open the content
    # the object is the content only when one of these follows it: "accuse X d'avoir menti"
    # reports, "accuse un retard" does not
    preposition_after_object: tuple[str, ...] = ()
    # the object is the content only when it names a statement: "rejette ces accusations",
    # not "rejette une offre"
    object_must_be_a_statement: bool = False
    # any indefinite object is content: "a reconnu des difficultés"
    admission: bool = False
    # reports only with a clause, a preposition or an infinitive, or in a postposed or
    # parenthetical reporting clause: a noun phrase after it is neither its content nor its
    # inverted subject ("a noté un numéro", "a conclu un accord")
    clause_only: bool = False
    # reports only in its pronominal form: "s'est félicité de", not "a félicité les joueurs"
    pronominal_only: bool = False
    irregular_forms: tuple[str, ...] = ()  # the forms the pack's verb_forms cannot generate
    light: tuple[str, ...] = ()  # a phrase: how its light verb's forms start ("mis", "met")
    also: tuple[Phrase, ...] = ()  # other wordings: "nie en bloc", "se porte en faux"
    # a light verb and an infinitive that report like this cue: ("fai", "savoir") makes
    # "a fait savoir que" report like "a indiqué que"
    light_infinitives: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ValueError(f"Cue {self.lemma!r}: " + "; ".join(problems))

    def _problems(self) -> Iterable[str]:
        wrong_types = list(self._wrong_types())
        if wrong_types:
            yield from wrong_types
            return
        if not self.lemma.strip():
            yield "the lemma is empty"
        elif self.lemma != " ".join(self.lemma.split()):
            yield "the lemma has stray spaces"
        elif self.lemma != self.lemma.lower():
            yield "the lemma is not lower-case"
        if self.stance not in STANCES:
            yield f"unknown stance {self.stance!r} (expected one of {', '.join(STANCES)})"
        unknown = [kind for kind in self.takes if kind not in COMPLEMENTS]
        if unknown:
            yield (
                f"unknown complement {', '.join(map(repr, unknown))} in takes"
                f" (expected one of {', '.join(COMPLEMENTS)})"
            )
        if len(set(self.takes)) != len(self.takes):
            yield "a complement is listed twice in takes"
        if "preposition" in self.takes and not self.prepositions:
            yield "takes a preposition but lists no prepositions=..."
        if self.prepositions and "preposition" not in self.takes:
            yield "lists prepositions but does not take 'preposition'"
        if self.preposition_after_object and "object" not in self.takes:
            yield "a preposition after the object needs takes=('object', ...)"
        if self.object_must_be_a_statement and "object" not in self.takes:
            yield "object_must_be_a_statement needs takes=('object', ...)"
        if any(" " in form for form in self.irregular_forms):
            yield "an irregular form has a space"
        several_words = " " in self.lemma
        if several_words and not (self.light or self.also):
            yield "a cue of several words needs the stems of its light verb (light=...)"
        if self.light and not several_words:
            yield "a single word has no light verb; another wording goes in also=..."
        elif self.light and not self._words_after_light_verb():
            yield "nothing follows the light verb in the lemma"
        for phrase in self.also:
            if not isinstance(phrase, Phrase):
                yield f"also holds {phrase!r}, not a Phrase"
        for pair in self.light_infinitives:
            if not (
                isinstance(pair, tuple)
                and len(pair) == 2
                and all(isinstance(word, str) and word for word in pair)
            ):
                yield f"the light infinitive {pair!r} is not (light-verb stem, infinitive)"

    def _wrong_types(self) -> Iterable[str]:
        words = ("takes", "prepositions", "preposition_after_object", "irregular_forms", "light")
        for f in fields(self):
            value = getattr(self, f.name)
            expected = {"str": str, "bool": bool}.get(f.type, tuple)
            if not isinstance(value, expected):
                yield f"{f.name} must be a {expected.__name__}, not {value!r}"
            elif f.name in words and not all(isinstance(w, str) and w.strip() for w in value):
                yield f"{f.name} must hold non-empty strings, not {value!r}"

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every wording matched as a phrase: its own (for a cue of several words), then
        ``also``."""
        own = (Phrase(self.light, self._words_after_light_verb()),) if self.light else ()
        return own + self.also

    def _words_after_light_verb(self) -> tuple[str, ...]:
        words = _words(self.lemma)
        if words[0] in ("se", "s'", "s’"):
            words = words[1:]  # "se vouloir rassurant": the reflexive clitic is not matched
        return tuple(words[1:])


def _with_apostrophes(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """ "d'" also matches "d’": the wording as written, then with typographic apostrophes."""
    curly = tuple(w[:-1] + "’" if w.endswith("'") else w for w in words)
    return [words] if curly == words else [words, curly]


# the pack's sets of lemmas, and which cues each holds
_CUE_SETS: dict[str, Callable[[Cue], bool]] = {
    "object_content_verbs": lambda cue: "object" in cue.takes,
    "statement_object_only": lambda cue: cue.object_must_be_a_statement,
    "admission_verbs": lambda cue: cue.admission,
    "clause_only_verbs": lambda cue: cue.clause_only,
    "qualifying_verbs": lambda cue: "verdict" in cue.takes,
    "pronominal_only_verbs": lambda cue: cue.pronominal_only,
    "to_infinitive_verbs": lambda cue: "to-infinitive" in cue.takes,
    "gerund_complement_verbs": lambda cue: "gerund" in cue.takes,
}


def cue_tables(cues: Iterable[Cue]) -> dict[str, Any]:
    """The cue tables of a :class:`LanguagePack`, from a pack's list of :class:`Cue` records.

    The rules read the tables (``ex.m.speech_verbs``, ``ex.m.multiword_cues`` ...); the order
    of the records is kept where it matters (a generated form goes to the first speech verb
    that generates it; the wordings of one last word are tried in order).
    """
    speech_verbs: dict[str, str] = {}
    irregular_forms: dict[str, list[str]] = {}
    multiword: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
    periphrastic: dict[str, tuple[str, str]] = {}
    object_needs: dict[str, tuple[str, ...]] = {}
    prepositions: dict[str, tuple[str, ...]] = {}
    cues = list(cues)
    for cue in cues:
        if cue.lemma in speech_verbs:
            raise ValueError(f"Cue {cue.lemma!r}: listed twice")
        speech_verbs[cue.lemma] = cue.stance
        if cue.irregular_forms:
            irregular_forms[cue.lemma] = list(cue.irregular_forms)
        if cue.preposition_after_object:
            object_needs[cue.lemma] = cue.preposition_after_object
        if cue.prepositions:
            prepositions[cue.lemma] = cue.prepositions
        for phrase in cue.phrases:
            *middle, last = phrase.words
            for words in _with_apostrophes(tuple(middle)):
                multiword.setdefault(last, []).append((phrase.light, words, cue.lemma))
        for stem, infinitive in cue.light_infinitives:
            if infinitive in periphrastic:
                raise ValueError(
                    f"Cue {cue.lemma!r}: light infinitive {infinitive!r} already reports"
                    f" like {periphrastic[infinitive][1]!r}"
                )
            periphrastic[infinitive] = (stem, cue.lemma)
    return {
        "speech_verbs": speech_verbs,
        "irregular_forms": irregular_forms,
        "object_needs_preposition": object_needs,
        "demand_prepositions": prepositions,
        "multiword_cues": multiword,
        "periphrastic_cues": periphrastic,
        **{name: {cue.lemma for cue in cues if test(cue)} for name, test in _CUE_SETS.items()},
    }


def optional(**kwargs):
    """A field a language may leave empty."""
    return field(metadata={"optional": True}, **kwargs)


@dataclass(frozen=True, kw_only=True)
class LanguagePack:
    """Everything language-specific the extractor needs, for one language.

    Sets are stored as frozensets, lists as tuples and dicts as read-only mappings,
    whatever the pack module wrote.
    """

    code: str
    spacy_models: tuple[str, ...]  # the first one installed is used, else the last

    # ---- reporting verbs: the cue tables are derived from the pack's Cue records
    # (``<language>_cues.py``) by cue_tables, below
    verb_forms: Callable[[str], set[str]]  # lemma -> the forms generated for it
    speech_verbs: Mapping[str, str]  # lemma -> stance
    irregular_forms: Mapping[str, list[str]]  # lemma -> forms not generated by rule
    object_content_verbs: Words
    statement_object_only: Words
    admission_verbs: Words
    clause_only_verbs: Words
    qualifying_verbs: Words
    relay_verbs: Words
    object_needs_preposition: Mapping[str, tuple[str, ...]]
    demand_prepositions: Mapping[str, tuple[str, ...]]
    # requests, appeals and orders are not claims ("a appelé à", "urged X to"): their
    # content is dropped, unless it is a quoted verdict on an object ("called it \"a farce\"")
    request_verbs: Words
    multiword_cues: Mapping[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]
    periphrastic_cues: Mapping[str, tuple[str, str]] = optional(default_factory=dict)
    pronominal_only_verbs: Words = optional(default=frozenset())
    reflexive_clitics: Words = optional(default=frozenset())
    # a cue verb is checked on its Penn tags (English), or else on its form (French):
    cue_verbs_by_tags: bool
    participle_endings: tuple[str, ...] = optional(default=())  # "déclaré", "niées"
    regular_infinitive_ending: str = optional(default="")  # "-er": participles above only
    irregular_participle_endings: tuple[str, ...] = optional(default=())  # "admis", "reconnu"
    present_tense_participles: Words = optional(default=frozenset())  # "X dit que": present
    cue_homograph_nouns: Words = optional(default=frozenset())  # "une note", "le rapport"
    backshift_auxiliaries: Words = optional(default=frozenset())  # "said it had": content
    recipient_prepositions: Words = optional(default=frozenset())  # "imputer à X": the object
    dative_content_verbs: Words = optional(default=frozenset())  # ... follows "à" for these
    vague_object_pronouns: Words = optional(default=frozenset())  # "denied it": no content

    # ---- direct quotes
    # verbs that attribute a quotation standing next to them, never indirect speech
    # ("« … ? » s'interroge X", '"…!" he shouted'); reporting verbs need not be repeated
    quote_verbs: Words
    # nouns whose clause introduces a quotation after a colon ("the statement read: …")
    quote_nouns: Words

    # ---- nominal attributions
    # a sentence pointing back at the one before names its source: "C'est la remarque de X",
    # "C'est ce qu'a affirmé X", "Le constat est de X", "That is what X said"
    retrospective_openers: Phrases  # "c'est", "tel est", "that is"
    retrospective_relatives: Phrases  # "ce que", "what"
    # the object relative before a qualifying verb and its quoted verdict: "what she called
    # “a farce”", "ce qu'il a qualifié de « farce »"
    object_relatives: Words = optional(default=frozenset())
    # words before "to" whose infinitive reports for the subject: "went on to say that"
    raising_phrases: Phrases = optional(default=())
    retrospective_nouns: Words  # "remarque", "constat", "view"
    retrospective_copulas: Words  # "est", "is": "Le constat est de X"
    statement_nouns: Words
    weak_statement_nouns: Words
    nominal_participles: Mapping[str, str]
    agent_prepositions: Words
    partitives: Words
    # findings of courts, studies and inquiries: "the court's finding that X" (a claim)
    finding_nouns: Words = optional(default=frozenset())
    # the owner of a statement noun after it: "la conclusion de l'enquête selon laquelle"
    owner_prepositions: Words = optional(default=frozenset())

    # ---- clause structure
    noun_complementizers: Phrases
    complementizers: Words
    gerund_markers: Words
    adverb_suffixes: tuple[str, ...]
    means_prepositions: Phrases
    personal_reflexives: Words
    verdict_links: Words
    dismissal_links: Words = optional(default=frozenset())
    # relative pronouns after a preposition, whose clause has a subject of its own: "un
    # rapport dans lequel elle affirme", "a report in which it says"
    clause_relatives: Words
    as_clause_openers: Words
    as_clause_clitics: Words = optional(default=frozenset())
    context_clause_openers: Words = optional(default=frozenset())
    # ", despite photos showing ...": a concession after a comma is the writer's, not content
    concessive_openers: Phrases = optional(default=())
    # "..., with local media reporting that X": the noun phrase after these, before a
    # gerund cue, is the cue's subject (an absolute construction)
    absolute_markers: Words = optional(default=frozenset())
    # "cited the navy as stating X", "quoted an aide as saying X": the link between the
    # cited speaker and the gerund that reports for it
    quoted_as_links: Words = optional(default=frozenset())
    # subordinators of a condition: "if X says that" reports nothing said
    conditional_markers: Words
    infinitive_openers: Phrases = optional(default=())
    # asides inside a verb group, between the auxiliary and the participle
    # ("a de son côté dénoncé", "a pour sa part estimé")
    aside_locutions: Phrases = optional(default=())
    # a date after an object is about the act: "a annoncé X le 3 mai" (the word before the
    # day, and the month names)
    date_openers: Words = optional(default=frozenset())
    month_names: Words = optional(default=frozenset())
    inversion_clitics: Words = optional(default=frozenset())
    relative_subjects: Words
    participle_suffix: str
    aside_openers: Words  # words opening a parenthetical aside ("ayant", "speaking")
    complementizer_may_be_determiner: bool  # "that decision": not a clause
    zero_complementizer: bool  # "said it would": a complement clause without "that"
    subject_inversion: bool  # "a déclaré le ministre": a subject after the verb group
    participle_ends_noun_phrase: bool  # "le maire, affirmant ...": the subject stops there
    participle_needs_auxiliary: bool  # a bare participle is no reporting verb
    # infinitive complements: bare ("a nié avoir reçu", any reporting verb) or marked
    # ("claims to have", "denied having", only the verbs listed)
    bare_infinitive_complements: bool
    infinitive_clitics: Words = optional(default=frozenset())  # "a nié l'avoir reçu"
    infinitive_auxiliaries: Words = optional(default=frozenset())  # avoir, être
    infinitive_markers: Words = optional(default=frozenset())  # "to"
    infinitive_tags: Words = optional(default=frozenset())  # the tag of the verb after "to"
    to_infinitive_verbs: Words = optional(default=frozenset())
    gerund_complement_verbs: Words = optional(default=frozenset())

    # ---- according-to, opinions, fixed phrases
    according_to: Phrases
    opinion_prepositions: Phrases = optional(default=())
    opinion_pronouns: Words = optional(default=frozenset())  # "Pour lui, ...": a source
    # nouns that may hold an opinion besides the speaker heads ("Pour l'organisation, ...")
    opinion_holder_nouns: Words = optional(default=frozenset())
    declines_patterns: tuple[str, ...]  # regular expressions
    cannot_verify_patterns: tuple[str, ...]  # regular expressions

    # ---- function words
    pronouns: Mapping[str, tuple[str | None, str]]
    articles: Words
    definite_determiners: Words
    # "Ceci montre que", "this shows that": a demonstrative subject names no speaker
    demonstrative_pronouns: Words
    indefinite_determiners: Words
    coordinators: Words
    totality_determiners: Words
    time_prepositions: Words
    but: Words
    negations: Words
    adverbial_openers: Words
    time_words: Words
    relative_time_adjectives: Words = optional(default=frozenset())  # "la semaine dernière"
    adverb_phrases: Words = optional(default=frozenset())  # "de nouveau", "once again"
    participle_clitics: Words = optional(default=frozenset())  # "y voyant", "en notant"
    according_norms: Words = optional(default=frozenset())  # "selon la loi": no source
    object_clitics: Words = optional(default=frozenset())  # "l'avait appelé la « X »"
    # "Tout comme X, ancienne ministre, l'avait dit": the name after it is the subject
    comparison_openers: tuple[str, ...] = optional(default=())
    present_participle_endings: tuple[str, ...] = optional(default=())  # "voyant"
    plural_pronoun: str  # "one of them" / "l'un d'eux": the pronoun to resolve
    one_of_prefix: str = optional(default="")  # the speaker becomes "one of <antecedent>"
    impersonal_pronouns: Words = optional(default=frozenset())  # "it" never names a person
    personal_pronouns_name_institutions: bool  # "il" may be le gouvernement; "he" is not

    # ---- auxiliaries and clitics of verb groups
    aux: Words  # words of an auxiliary chain before a participle
    perfect_aux: Words
    passive_aux: Words
    finite_aux: Words = optional(default=frozenset())  # always finite, whatever the tagger
    finite_tags: Words = optional(default=frozenset())  # tags marking finiteness; else morph
    gerund_tags: Words = optional(default=frozenset())  # tags of gerunds and participles
    verb_group_clitics: Words = optional(default=frozenset())  # "l'a", "lui a" ...

    # ---- speakers
    anonymous_markers: tuple[str, ...]
    anonymous_heads: Words
    spokesperson_heads: Words
    publication_heads: Words
    government_heads: Words
    group_heads: Words
    document_heads: Words
    document_agent_words: Words
    demonyms: Mapping[str, str]
    name_appositive_articles: Words
    titles: Words
    # a definite description names an entity introduced earlier: "le ministre", "l'ONG"
    person_role_heads: Words  # "le chercheur" -> the researcher named before
    generic_person_heads: Words  # "l'expert" may stand for a person with any title
    organisation_heads: Words  # "l'ONG", "the company" -> the organisation named before
    addressee_verbs: Words = optional(default=frozenset())  # "told Reuters": the addressee
    name_connectors: Words  # words an acronym skips: "Forces de soutien rapide" -> FSR
    abbreviations: Words
    document_head_first: bool  # "les chiffres du ministère" (fr) / "the ministry figures"
    plural_tags: Words = optional(default=frozenset())  # number from tags when morph is silent

    # verbs left out of the lexicon on purpose (requests, questions, hopes, intentions): the
    # learned fallback (constructions/learned.py) never reads their complement as a claim
    non_claim_verbs: Words = optional(default=frozenset())
    # elided words kept whole before an opening quote ("qu'«"): tokenizer special cases
    elisions: Words = optional(default=frozenset())

    # ---- hedges (issue 13): how the article hedges what it reports (``engine/hedges.py``)
    reportative_conditional: bool  # "la Russie aurait demandé" hedges; English "would" is not
    hedge_allegedly_patterns: tuple[str, ...]  # regular expressions: "allegedly", "présumé"
    hedge_unverified_patterns: tuple[str, ...]  # "could not independently verify"
    hedge_attribution_patterns: tuple[str, ...]  # "selon", "according to", "citing"
    # modals whose conditional is possibility, not hearsay ("il pourrait")
    conditional_not_reportative: Words = optional(default=frozenset())
    condition_markers: Words = optional(default=frozenset())  # "si": a condition's conditional

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, set):
                object.__setattr__(self, f.name, frozenset(value))
            elif isinstance(value, list):
                object.__setattr__(self, f.name, tuple(value))
            elif isinstance(value, dict):
                object.__setattr__(self, f.name, MappingProxyType(value))

    @classmethod
    def optional_fields(cls) -> frozenset[str]:
        return frozenset(f.name for f in fields(cls) if f.metadata.get("optional"))
