"""The language packs: complete, frozen, and no cue that is a plain function word."""

import dataclasses
import re
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

import claims.extraction
from claims.extraction.engine.common import lexicon
from claims.extraction.languages import PACKS, LanguagePack, pack_for
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
# taken only after "met"/"mis en".
# A new collision makes the test fail: check the cue cannot fire on the function word
# (like "maintenant", which would be a form of "maintenir"), then add it here with a reason.
KNOWN_COLLISIONS = {
    "fr": {"dire", "dit", "dite", "dits", "pense", "avant"},
    "en": {"call", "say", "made", "out", "back", "it", "off"},
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
