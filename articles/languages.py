"""Which language an article is in, enough to say "German" rather than "unknown".

claimtrack extracts claims from French and English only; for anything else it tells the
journalist which language it saw. Function words are the signal: a few dozen of the most
frequent, distinctive ones per language, and the writing system for non-Latin scripts.
The French/English choice itself stays with claims.extraction.detect_language.
"""

from __future__ import annotations

import re
import unicodedata

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        "le la les des du et est une un que qui dans pour pas au aux sur avec il elle ils "
        "ce ces son sa ses selon ont été sont cette mais nous vous leur par plus être était "
        "avait sera aussi après".split()
    ),
    "en": frozenset(
        "the and of to is that in for on with said it was as by he she are from at his her "
        "be has have not this which were will would had been their they an its who than "
        "but also after".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit sich auf für den dem des ein eine einer eines zu von "
        "im sie wir ich auch als wie bei oder wurde werden hat haben sind nach noch aus über "
        "dass sagte".split()
    ),
    "es": frozenset(
        "el los las del que y en un una por con para es está como más pero sus al lo se fue "
        "han este esta también sobre entre cuando muy sin hasta desde según dijo".split()
    ),
    "it": frozenset(
        "il gli della delle dei del che è un una per con non sono come più anche ma nel "
        "nella alla si ha dopo questo questa tra stato essere degli ha detto".split()
    ),
    "pt": frozenset(
        "o os as do da dos das que em um uma para com não é por mais como mas foi ao se na "
        "no pelo pela também está são disse segundo".split()
    ),
    "nl": frozenset(
        "het een en van is dat op te met voor niet zijn er aan ook als bij door maar om "
        "wordt naar hij ze dit die werd volgens zei".split()
    ),
}

NAMES = {
    "fr": "French",
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian (or another language written in Cyrillic)",
    "ar": "Arabic",
    "el": "Greek",
    "he": "Hebrew",
    "zh": "Chinese or Japanese",
    "ko": "Korean",
}

# The first word of a Unicode character name tells its script.
SCRIPTS = {
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "GREEK": "el",
    "HEBREW": "he",
    "CJK": "zh",
    "HIRAGANA": "zh",
    "KATAKANA": "zh",
    "HANGUL": "ko",
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script(text: str) -> str | None:
    """The language of a non-Latin script making up most of the letters, if any."""
    counts: dict[str, int] = {}
    letters = 0
    for char in text[:5000]:
        if not char.isalpha():
            continue
        letters += 1
        script = unicodedata.name(char, "").split(" ", 1)[0]
        if script in SCRIPTS:
            counts[SCRIPTS[script]] = counts.get(SCRIPTS[script], 0) + 1
    if not letters or not counts:
        return None
    language, count = max(counts.items(), key=lambda item: item[1])
    return language if count / letters > 0.5 else None


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the article's language, or None when there is too little signal.

    Another language wins over French and English only by a clear margin, so that a French
    or English article quoting a sentence in Spanish is never turned away.
    """
    script = _script(text)
    if script:
        return script
    words = _WORD.findall(text[:20000].lower())
    if len(words) < 5:
        return None
    scores = {lang: sum(word in stop for word in words) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    if scores[best] < 3 or scores[best] / len(words) < 0.08:
        return None
    supported = max(scores["fr"], scores["en"])
    if best in ("fr", "en"):
        return best
    if scores[best] >= 1.4 * supported:
        return best
    return "fr" if scores["fr"] > scores["en"] else "en"


def language_name(code: str) -> str:
    return NAMES.get(code, f"“{code}”")


def unsupported_language_error(code: str) -> str:
    return (
        f"The article seems to be in {language_name(code)}: claimtrack handles French and English."
    )
