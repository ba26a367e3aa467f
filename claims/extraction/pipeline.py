"""Loading spaCy pipelines once per process."""

from __future__ import annotations

import importlib.util
import os
import threading

import spacy
from spacy.symbols import ORTH

from .languages import PACKS, pack_for
from .text import OPENING_QUOTES

SUPPORTED_LANGUAGES = tuple(PACKS)

_overrides: dict[str, str] = {}
_loaded: dict[str, spacy.Language] = {}
_lock = threading.Lock()


def configure(models: dict[str, str]) -> None:
    """Override model names per language (e.g. from Django settings).

    Pipelines already loaded for a language whose model changes are dropped.
    """
    with _lock:
        for language, name in models.items():
            _check_language(language)
            if _overrides.get(language) != name:
                _overrides[language] = name
                _loaded.pop(language, None)


def model_name(language: str) -> str:
    _check_language(language)
    if language in _overrides:
        return _overrides[language]
    env = os.environ.get(f"CLAIMTRACK_SPACY_MODEL_{language.upper()}")
    if env:
        return env
    # the first installed model of the pack, else its last one (spacy.load says what is missing)
    *preferred, last = pack_for(language).spacy_models
    for name in preferred:
        if importlib.util.find_spec(name) is not None:
            return name
    return last


def nlp_for(language: str) -> spacy.Language:
    """The loaded pipeline for ``language``, cached per process."""
    _check_language(language)
    nlp = _loaded.get(language)
    if nlp is None:
        with _lock:
            nlp = _loaded.get(language)
            if nlp is None:
                nlp = spacy.load(model_name(language))
                _keep_elisions(nlp, pack_for(language).elisions)
                _loaded[language] = nlp
    return nlp


def _keep_elisions(nlp: spacy.Language, elisions: frozenset[str]) -> None:
    """ "qu'« il … »": the elided word, then the quote, as two tokens (not qu + ' + «)."""
    for word in elisions:
        for quote in OPENING_QUOTES:
            nlp.tokenizer.add_special_case(word + quote, [{ORTH: word}, {ORTH: quote}])


def _check_language(language: str) -> None:
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"Unsupported language {language!r}: claim extraction supports "
            f"{', '.join(SUPPORTED_LANGUAGES)}."
        )
