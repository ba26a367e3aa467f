"""The language packs: complete, frozen, and no cue that is a plain function word; their cues
valid records whose derived tables agree."""

import dataclasses
import importlib
import re
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

import claims.extraction
from claims.extraction.engine.common import lexicon
from claims.extraction.languages import PACKS, LanguagePack, pack_for
from claims.extraction.languages.base import COMPLEMENTS, Cue, Phrase, cue_tables
from claims.extraction.pipeline import SUPPORTED_LANGUAGES

STOP_WORDS = {"fr": FR_STOP_WORDS, "en": EN_STOP_WORDS}

# Cue forms that spaCy lists as stop words, known and kept on purpose: "dire" / "dit" and
# "say" / "call" are the commonest reporting verbs, so spaCy's frequency-based lists hold
# them; the rules only take them as cues in a reporting construction (a subject, a
# complement clause or a quote), never on the word alone. "made" is a nominal participle
# ("accusations made by X"), which needs a statement noun before it and an agent after;
# "out" is the last word of the multiword cue "point out", taken only after "point"; likewise
# "back" ("shot back", "fired back", "hit back") and "it" ("as she put it") end multiword
# cues and are taken only after their light verb, as "off" ("brushed off", "shrugged off") is.
# "pense" (penser) reports an opinion, a claim, and penser is a clause-only cue: it needs
# "que" or a postposed reporting clause. "avant" is the last word of "mettre en avant",
# taken only after "met"/"mis en". "name" reports only as a verb (Penn VB tags) with
# "among" after its object ("named two chains among the bidders"), never as the noun.
# "to", "with" and "at" end the multiword cues "pointed to", "alluded to", "took issue
# with", "lashed out at" and "lit into", taken only after their light verb.
# A new collision makes the test fail: check the cue cannot fire on the function word
# (like "maintenant", which would be a form of "maintenir"), then add it here with a reason.
KNOWN_COLLISIONS = {
    "fr": {"dire", "dit", "dite", "dits", "pense", "avant"},
    "en": {"call", "say", "made", "out", "back", "it", "off", "name", "to", "with", "at", "into"},
}


def _cue_forms(language: str) -> set[str]:
    """Every single word that can, by itself, be the cue of a claim."""
    pack = pack_for(language)
    forms = set(lexicon(language).forms)  # speech verbs with their generated forms
    forms |= set(pack.speech_verbs)
    forms |= {form for irregular in pack.irregular_forms.values() for form in irregular}
    forms |= set(pack.relay_verbs) | set(pack.statement_nouns) | set(pack.nominal_participles)
    forms |= set(pack.multiword_cues) | set(pack.periphrastic_cues)
    return {form for form in forms if " " not in form}


def test_every_supported_language_has_a_pack():
    assert set(PACKS) == set(SUPPORTED_LANGUAGES)
    for language in SUPPORTED_LANGUAGES:
        assert pack_for(language).code == language


@pytest.mark.parametrize("language", sorted(PACKS))
def test_pack_fills_every_field_that_is_not_optional(language):
    pack = pack_for(language)
    optional = LanguagePack.optional_fields()
    empty = [
        f.name
        for f in dataclasses.fields(pack)
        if f.name not in optional
        and not isinstance(getattr(pack, f.name), bool)  # a switch is filled, even False
        and not getattr(pack, f.name)
    ]
    assert empty == []


def test_optional_fields_are_filled_by_at_least_one_pack():
    # an optional table no language fills is dead data
    unused = [
        name
        for name in LanguagePack.optional_fields()
        if not any(getattr(pack, name) for pack in PACKS.values())
    ]
    assert unused == []


@pytest.mark.parametrize("language", sorted(PACKS))
def test_pack_is_frozen_and_its_tables_read_only(language):
    pack = pack_for(language)
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.articles = frozenset()
    assert isinstance(pack.articles, frozenset)
    assert isinstance(pack.according_to, tuple)
    with pytest.raises(TypeError):
        pack.speech_verbs["inventer"] = "asserts"


@pytest.mark.parametrize("language", sorted(PACKS))
def test_no_cue_form_is_a_function_word(language):
    collisions = _cue_forms(language) & STOP_WORDS[language]
    assert collisions == KNOWN_COLLISIONS[language]


def test_no_language_branch_outside_the_packs():
    # language-specific behaviour is a pack field, never an if on the language code
    extraction = Path(claims.extraction.__file__).parent
    branch = re.compile(r"\b(lang|language)\s*[!=]=|[!=]=\s*(lang|language)\b")
    scanned = [
        path
        for path in sorted(extraction.rglob("*.py"))
        if path.relative_to(extraction).parts[0] != "languages"
    ]
    offending = [
        f"{path.relative_to(extraction)}:{number}"
        for path in scanned
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if branch.search(line)
    ]
    # the whole package outside the packs: the runner, engine/, constructions/, evaluation/
    assert {"runner.py", "engine", "constructions"} <= {
        path.relative_to(extraction).parts[0] for path in scanned
    }
    assert offending == []


MAX_MODULE_LINES = 600


def test_no_extractor_module_grows_past_600_lines():
    # a module that outgrows this is split by what it does (as the packs are into
    # statements, grammar, entities and cues), not left to become a second rules.py
    extraction = Path(claims.extraction.__file__).parent
    long = {
        str(path.relative_to(extraction)): count
        for path in sorted(extraction.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


# ---- cues as records


def _cues(language: str) -> list[Cue]:
    return importlib.import_module(f"claims.extraction.languages.{language}").CUES


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (dict(lemma="clamer", stance="claims"), r"Cue 'clamer': unknown stance 'claims'"),
        (
            dict(lemma="clamer", stance="asserts", takes=("objet",)),
            r"Cue 'clamer': unknown complement 'objet' in takes \(expected one of object,",
        ),
        (
            dict(lemma="clamer", stance="asserts", takes="object"),
            r"Cue 'clamer': takes must be a tuple, not 'object'",
        ),
        (
            dict(lemma="faire état", stance="asserts"),
            r"Cue 'faire état': a cue of several words needs the stems of its light verb",
        ),
        (
            dict(lemma="clamer", stance="asserts", light=("cla",)),
            r"Cue 'clamer': a single word has no light verb",
        ),
        (
            dict(lemma="faire état", stance="asserts", takes=("preposition",), light=("fai",)),
            r"Cue 'faire état': takes a preposition but lists no prepositions",
        ),
        (
            dict(lemma="rejeter", stance="denies", object_must_be_a_statement=True),
            r"Cue 'rejeter': object_must_be_a_statement needs takes=\('object', ...\)",
        ),
        (
            dict(lemma="accuser", stance="asserts", preposition_after_object=("de",)),
            r"Cue 'accuser': a preposition after the object needs takes=\('object', ...\)",
        ),
        (dict(lemma=" ", stance="asserts"), r"Cue ' ': the lemma is empty"),
        (
            dict(lemma="Clamer", stance="asserts", clause_only="yes"),
            r"Cue 'Clamer': clause_only must be a bool, not 'yes'",
        ),
    ],
)
def test_a_bad_cue_record_says_which_cue_and_what_is_wrong(record, message):
    with pytest.raises(ValueError, match=message):
        Cue(**record)


def test_a_cue_record_lists_every_problem_at_once():
    with pytest.raises(ValueError, match="unknown stance 'says'.*unknown complement 'clause'"):
        Cue("mettre en garde", "says", takes=("clause",), light=("mis", "met"))


def test_a_wording_needs_a_light_verb_and_words():
    with pytest.raises(ValueError, match="words must be a tuple of words"):
        Phrase(("ni",), ())
    with pytest.raises(ValueError, match=r"Cue 'nier': also holds \('ni', 'en', 'bloc'\)"):
        Cue("nier", "denies", also=(("ni", "en", "bloc"),))


def test_a_cue_listed_twice_in_a_pack_is_refused():
    with pytest.raises(ValueError, match="Cue 'clamer': listed twice"):
        cue_tables([Cue("clamer", "asserts"), Cue("clamer", "asserts", clause_only=True)])


def test_a_light_verb_phrase_becomes_its_multiword_entries():
    tables = cue_tables(
        [
            Cue(
                "faire l'éloge",
                "asserts",
                takes=("preposition",),
                prepositions=("de",),
                light=("fai", "fon"),
            ),
            Cue("nier", "denies", takes=("object",), also=(Phrase(("ni",), ("en", "bloc")),)),
            Cue("indiquer", "asserts", light_infinitives=(("fai", "savoir"),)),
        ]
    )
    assert tables["speech_verbs"] == {
        "faire l'éloge": "asserts",
        "nier": "denies",
        "indiquer": "asserts",
    }
    assert tables["multiword_cues"] == {
        # the apostrophe is also matched in its typographic form
        "éloge": [
            (("fai", "fon"), ("l'",), "faire l'éloge"),
            (("fai", "fon"), ("l’",), "faire l'éloge"),
        ],
        "bloc": [(("ni",), ("en",), "nier")],
    }
    assert tables["demand_prepositions"] == {"faire l'éloge": ("de",)}
    assert tables["object_content_verbs"] == {"nier"}
    assert tables["periphrastic_cues"] == {"savoir": ("fai", "indiquer")}


@pytest.mark.parametrize("language", sorted(PACKS))
def test_every_cue_record_of_the_pack_is_valid(language):
    cues = _cues(language)
    assert cues and all(isinstance(cue, Cue) for cue in cues)
    for cue in cues:
        dataclasses.replace(cue)  # builds the record again: raises on any problem
    assert len({cue.lemma for cue in cues}) == len(cues)


@pytest.mark.parametrize("language", sorted(PACKS))
def test_the_pack_cue_tables_are_derived_from_its_records(language):
    pack = pack_for(language)
    for name, table in cue_tables(_cues(language)).items():
        assert getattr(pack, name) == table, name
    assert list(pack.speech_verbs) == [cue.lemma for cue in _cues(language)]


@pytest.mark.parametrize("language", sorted(PACKS))
def test_the_derived_cue_tables_agree(language):
    pack = pack_for(language)
    speech = set(pack.speech_verbs)
    for name in (
        "clause_only_verbs",
        "object_content_verbs",
        "qualifying_verbs",
        "admission_verbs",
        "pronominal_only_verbs",
        "to_infinitive_verbs",
        "gerund_complement_verbs",
        "irregular_forms",
        "demand_prepositions",
        "object_needs_preposition",
    ):
        assert set(getattr(pack, name)) <= speech, name
    # only an object can be required to be a statement or to be followed by a preposition
    assert set(pack.statement_object_only) <= set(pack.object_content_verbs)
    assert set(pack.object_needs_preposition) <= set(pack.object_content_verbs)
    # every wording reports for a speech verb, and every phrase has a wording
    wordings = {lemma for entries in pack.multiword_cues.values() for *_, lemma in entries}
    wordings |= {lemma for _, lemma in pack.periphrastic_cues.values()}
    assert wordings <= speech
    assert {lemma for lemma in speech if " " in lemma} <= wordings
    assert all(stance in ("asserts", "denies") for stance in pack.speech_verbs.values())


def test_every_complement_kind_is_taken_by_some_cue():
    # a kind no cue takes is dead vocabulary
    taken = {kind for language in PACKS for cue in _cues(language) for kind in cue.takes}
    assert taken == set(COMPLEMENTS)
