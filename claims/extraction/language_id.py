"""Which language a text is in: the one place that asks the language identifier (py3langid).

claimtrack extracts claims from French and English only; for anything else it tells the
journalist which language it saw ("German"), so the identifier knows more languages than the
extractor. It is restricted to the languages below: the rest of its 140 (Bikol, for one)
only ever showed up as wrong answers on short French and English texts. Its model ships inside
the package and is loaded on first use, adding about 75-85 MB to the process; a call takes
under 1 ms for a short text and 1 to 4 ms for a whole article (``bench_language``).
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .pipeline import SUPPORTED_LANGUAGES

# ISO 639-1 codes the identifier chooses from, with the English name said to journalists.
NAMES = {
    "fr": "French",
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ca": "Catalan",
    "pl": "Polish",
    "ro": "Romanian",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "cs": "Czech",
    "sk": "Slovak",
    "hr": "Croatian",
    "hu": "Hungarian",
    "tr": "Turkish",
    "el": "Greek",
    "bg": "Bulgarian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "hi": "Hindi",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}

# Below these the answer is a guess: the caller falls back (the page's <html lang>, or asks).
MIN_WORDS = 3
MIN_CONFIDENCE = 0.3  # every wrong answer on 30- to 50-character heads of articles was below
# Another language wins over French and English only by a clear margin, so that a French or
# English article quoting a few sentences in Spanish is not turned away: on texts of one other
# language French and English stay below 1% of its score; on articles a third of which quote
# Dutch or German they were at 0.7% to 90% of it.
SUPPORTED_MARGIN = 0.05
HEAD_CHARS = 20000  # the head of a long article says its language as well as the whole

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Chinese and Japanese are written without spaces: each of their characters counts as a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(NAMES))
    return identifier


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little to tell."""
    head = text[:HEAD_CHARS]
    if len(_WORD.findall(head)) + len(_UNSPACED.findall(head[:100])) < MIN_WORDS:
        return None
    scores = dict(_identifier().rank(head))
    language = max(scores, key=scores.__getitem__)
    if scores[language] < MIN_CONFIDENCE:
        return None
    if language not in SUPPORTED_LANGUAGES:
        supported = max(SUPPORTED_LANGUAGES, key=scores.__getitem__)
        if scores[supported] >= SUPPORTED_MARGIN * scores[language]:
            return supported
    return language


def detect_language(text: str) -> str | None:
    """The text's language if claims are extracted from it ("fr", "en"), else None."""
    language = identify_language(text)
    return language if language in SUPPORTED_LANGUAGES else None


def language_name(code: str) -> str:
    """The English name of a language code ("de": "German"); an unknown code as it is."""
    return NAMES.get(code, f"“{code}”")
