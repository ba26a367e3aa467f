"""Tables the lexicon derives from a pack once, so that the rules do not rescan the pack."""

import re

import pytest

from claims.extraction.engine.common import lexicon, literal_screen, strip_accents
from claims.extraction.pipeline import SUPPORTED_LANGUAGES

# sentences written for these tests: each holds a stance phrase of one of the packs
STANCE_SENTENCES = [
    "Contactée jeudi, la direction de la coopérative Valbrune a refusé de commenter.",
    "Le cabinet de Mme Orsanne n'a pas souhaité réagir à ces accusations.",
    "La mairie de Ploumarec n'a pas répondu aux sollicitations du journal.",
    "Le syndicat s'est refusé à tout commentaire sur la grève des dockers.",
    "Le journal n'a pas pu vérifier ces chiffres de manière indépendante.",
    "Les avocats de M. Dravel n'étaient pas joignables mercredi soir.",
    "A spokesman for Kestrel Mining declined to comment on the closure.",
    "The mayor's office did not respond to a request for comment.",
    "Officials could not be reached for comment on Sunday.",
    "The Gazette could not independently verify the figures.",
    "Harlow Bank has not commented on the report, and would not say when it would.",
]


def test_a_literal_screen_is_the_longest_literal_every_match_holds():
    pattern = re.compile(r"\b(?:did|does)\s+not\s+(?:immediately\s+)?respond(?=\s*[.;])", re.I)
    screen = literal_screen(pattern)
    assert screen is not None and screen.pattern == "respond"
    assert screen.flags & re.IGNORECASE
    # inside a group that is a mere sequence, not inside an optional one or an alternation
    assert literal_screen(re.compile(r"x(?:\s+refused)\s+(?:to\s+)?(?:comment|say)")).pattern == (
        "refused"
    )
    assert literal_screen(re.compile(r"(?:comment|say)\s+(?:nothing)?")) is None


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_a_stance_pattern_that_matches_a_span_passes_its_screen(language):
    lex = lexicon(language)
    pairs = list(zip(lex.declines, lex.declines_screens, strict=True))
    pairs += list(zip(lex.cannot_verify, lex.cannot_verify_screens, strict=True))
    matched = 0
    text = "  ".join(STANCE_SENTENCES)
    for pattern, screen in pairs:
        for sentence in STANCE_SENTENCES:
            start = text.index(sentence)
            end = start + len(sentence)
            if pattern.search(sentence):
                matched += 1
                assert screen is None or screen.search(text, start, end), (pattern, sentence)
            # the screen reads only the span: what it finds there, it finds in the span alone
            if screen is not None:
                assert bool(screen.search(text, start, end)) == bool(screen.search(sentence))
    assert matched >= 5  # the sentences exercise the pack's patterns


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_phrase_indexes_keep_every_phrase_in_pack_order(language):
    lex = lexicon(language)
    m = lex.pack
    by_first = [p for p in m.according_to if p]
    assert sorted(p for group in lex.according_by_first.values() for p in group) == sorted(
        tuple(p) for p in by_first
    )
    for first, group in lex.according_by_first.items():
        assert list(group) == [tuple(p) for p in by_first if p[0] == first]
    for last, group in lex.aside_locutions_by_last.items():
        assert list(group) == [tuple(p) for p in m.aside_locutions if p and p[-1] == last]
    assert lex.opinion_first == {p[0] for p in m.opinion_prepositions if p}
    assert set(lex.forms) <= lex.cue_forms
    assert set(m.multiword_cues) <= lex.cue_forms and set(m.periphrastic_cues) <= lex.cue_forms
    assert lex.anonymous_markers_plain == tuple(strip_accents(w) for w in m.anonymous_markers)
