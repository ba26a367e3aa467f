"""Records and small helpers every part of the extractor shares: the lexicon built from a
language pack, the bounds of a scan, the speaker :class:`Frame` and the internal claim.
"""

from __future__ import annotations

import _sre
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from re import _casefix
from re import _constants as sre_constants
from re import _parser as sre_parse

from spacy.tokens import Token

from ..languages import LanguagePack, pack_for

WINDOW = 40  # maximum tokens any single scan walks

DASHES = {"–", "—", "--", "-"}

SENT_END = {".", "!", "?", "…"}

APOSTROPHES = ("'", "’")

APOSTROPHE_ARTICLES = ("l'", "l’")

@dataclass
class Lexicon:
    lang: str
    pack: LanguagePack
    forms: dict[str, str]
    declines: list[re.Pattern]
    cannot_verify: list[re.Pattern]
    passive_verify: re.Pattern
    according_first: frozenset[str]
    # the pack's aside locutions by their last word, in pack order
    aside_locutions_by_last: dict[str, tuple[tuple[str, ...], ...]]
    # lowercased forms that may be a cue whatever their lemma: inflected speech verbs and
    # the last words of periphrastic and multiword cues
    cue_forms: frozenset[str]
    # the "selon X" / "according to X" patterns by their first word, in pack order
    according_by_first: dict[str, tuple[tuple[str, ...], ...]]
    # first words of the opinion prepositions ("pour", "for")
    opinion_first: frozenset[str]
    # per stance pattern, a search for a literal every match of it holds (None: no screen)
    declines_screens: tuple[re.Pattern | None, ...]
    cannot_verify_screens: tuple[re.Pattern | None, ...]
    # the pack's anonymous markers without their accents, as speaker_kind compares them
    anonymous_markers_plain: tuple[str, ...]
    # the retrospective openers ("c'est", "that is") by their first word, in pack order
    retrospective_by_first: dict[str, tuple[tuple[str, ...], ...]]

@cache
def lexicon(lang: str) -> Lexicon:
    mod = pack_for(lang)
    forms: dict[str, str] = {}
    for lemma in mod.speech_verbs:
        if " " in lemma:
            continue
        for form in mod.verb_forms(lemma):
            forms.setdefault(form, lemma)
        for form in mod.irregular_forms.get(lemma, []):
            forms[form] = lemma
    flags = re.IGNORECASE
    declines = [
        re.compile(r"\b" + p if p[0].isalpha() else p, flags) for p in mod.declines_patterns
    ]
    cannot = [
        re.compile(r"\b" + p if p[0].isalpha() else p, flags) for p in mod.cannot_verify_patterns
    ]
    passive = re.compile(r"\b(?:être|été|be|been)\s+(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|ed)\b", flags)
    according_first = frozenset(p[0] for p in mod.according_to)
    asides: dict[str, list[tuple[str, ...]]] = {}
    for phrase in mod.aside_locutions:
        if phrase:
            asides.setdefault(phrase[-1], []).append(tuple(phrase))
    return Lexicon(
        lang,
        mod,
        forms,
        declines,
        cannot,
        passive,
        according_first,
        {last: tuple(group) for last, group in asides.items()},
        frozenset(forms) | frozenset(mod.periphrastic_cues) | frozenset(mod.multiword_cues),
        _by_first(mod.according_to),
        frozenset(p[0] for p in mod.opinion_prepositions if p),
        tuple(caseless_screen(literal_screen(p)) for p in declines),
        tuple(caseless_screen(literal_screen(p)) for p in cannot),
        tuple(strip_accents(mark) for mark in mod.anonymous_markers),
        _by_first(mod.retrospective_openers),
    )


def literal_screen(pattern: re.Pattern) -> re.Pattern | None:
    """A search for the longest literal every match of ``pattern`` holds, with its flags.

    Searching a span of the text for it (``search(text, start, end)``: a plain literal
    reads nothing outside the span) and finding nothing proves that ``pattern`` does not
    match that span, for a fraction of the cost of running the pattern itself. (An
    alternation of literals would screen more patterns but costs as much as they do.)
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover - compiled patterns parse
        return None
    best = max(_required_literals(parsed), key=len, default="")
    if len(best) < 2:
        return None
    return re.compile(re.escape(best), pattern.flags)


def caseless_screen(screen: re.Pattern | None) -> re.Pattern | None:
    """``screen`` (a literal searched with IGNORECASE) as a search without that flag, each
    character a class of the characters it matches (a few more at most: a screen may pass
    more spans, never fewer). re's IGNORECASE reads some 40 ns a character, the classes
    a quarter of that. The screen itself when a character falls outside the classes built."""
    if screen is None or not screen.flags & re.IGNORECASE or screen.flags & (re.ASCII | re.LOCALE):
        return screen
    literal = re.sub(r"\\(.)", r"\1", screen.pattern, flags=re.DOTALL)  # re.escape undone
    if re.escape(literal) != screen.pattern:  # pragma: no cover - screens are escaped literals
        return screen
    classes = []
    for char in literal:
        chars = _caseless_chars(char)
        if chars is None:
            return screen
        classes.append(
            re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(map(re.escape, chars)) + "]"
        )
    fast = re.compile("".join(classes), screen.flags & ~re.IGNORECASE)
    lowered = literal.lower()
    if len(lowered) == len(literal):
        # the characters that match without lowering to the literal's own: "İ" (two
        # characters in lower case), "ſ", and "Σ" (its lower case depends on the next one)
        exotic = {
            x
            for char, low in zip(literal, lowered, strict=True)
            for x in _caseless_chars(char) or ""
            if x.lower() != low or x == "Σ"
        }
        _PREFILTERS[fast] = (lowered, frozenset(exotic))
    return fast


# caseless screen -> its literal in lower case, and the characters that may match it
# without lowering to it: in a text with none of them, the screen finds something only
# where the lower-case text holds that literal
_PREFILTERS: dict[re.Pattern, tuple[str, frozenset[str]]] = {}


def screen_prefilter(screen: re.Pattern) -> tuple[str, frozenset[str]] | None:
    return _PREFILTERS.get(screen)


@cache
def literal_may_overlap(screen: re.Pattern) -> bool:
    """Two matches of ``screen`` (a sequence of characters and classes of characters) may
    overlap: a start of it may match an end of it. True for any other kind of pattern."""
    try:
        parsed = sre_parse.parse(screen.pattern, screen.flags & ~re.IGNORECASE)
    except (re.error, TypeError, ValueError):  # pragma: no cover - screens parse
        return True
    sets: list[set[int]] = []
    for op, av in parsed:
        if op is sre_constants.LITERAL:
            sets.append({av})
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
            sets.append({a for _, a in av})
        else:
            return True
    if screen.flags & re.IGNORECASE:
        return True
    size = len(sets)
    return any(
        all(sets[j] & sets[size - k + j] for j in range(k)) for k in range(1, size)
    )


def _caseless_chars(char: str) -> str | None:
    """Every character that re's IGNORECASE matches with ``char`` (those whose lower case
    is that of ``char`` or one of its extra cases, such as "ſ" for "s"), sorted; None
    outside the Basic Multilingual Plane (no character out of it has its lower case in it)."""
    lower = _sre.unicode_tolower(ord(char))
    keys = {lower, *_casefix._EXTRA_CASES.get(lower, ())}
    if ord(char) > 0xFFFF or max(keys) > 0xFFFF:
        return None
    found = {ord(char), *keys}
    reverse = _bmp_upper_of()
    for key in keys:
        found.update(reverse.get(key, ()))
    return "".join(chr(c) for c in sorted(found))


@cache
def _bmp_upper_of() -> dict[int, tuple[int, ...]]:
    """Lower case -> the other characters of the BMP that have it as their lower case."""
    out: dict[int, list[int]] = {}
    tolower = _sre.unicode_tolower
    for code in range(0x10000):
        lower = tolower(code)
        if lower != code:
            out.setdefault(lower, []).append(code)
    return {lower: tuple(codes) for lower, codes in out.items()}


def _required_literals(sequence) -> list[str]:
    """Runs of characters a match of the parsed ``sequence`` always consumes one after the
    other: literals next to each other, also inside groups that are mere sequences."""
    runs: list[str] = []
    current: list[str] = []
    for op, av in sequence:
        if op is sre_constants.LITERAL:
            current.append(chr(av))
            continue
        if current:
            runs.append("".join(current))
            current = []
        if op is sre_constants.SUBPATTERN and av[1] == 0 and av[2] == 0:
            # (group, added flags, removed flags, sequence): the group's own literals
            runs.extend(_required_literals(av[3]))
    if current:
        runs.append("".join(current))
    return runs


def _by_first(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word sequences grouped by their first word, each group in the original order."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            groups.setdefault(phrase[0], []).append(tuple(phrase))
    return {first: tuple(group) for first, group in groups.items()}

@functools.lru_cache(maxsize=4096)
def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")

def _is_word(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)

def toks_text(tok: Token) -> str:
    return tok.text

@dataclass
class Frame:
    """A speaker found for a claim, with what we know about it."""

    text: str
    kind: str  # person, organization, ...
    gender: str | None = None
    number: str | None = None
    via: list[str] = field(default_factory=list)
    is_pronoun: bool = False

@dataclass
class _Claim:
    start: int
    end: int
    frame: Frame
    cue: str
    quote_type: str
    stance: str
    confidence: float
    rule: str
    sent: int
    anchor: int  # token index of the cue, for ordering
    extra_via: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)  # engine/hedges.py fills it
