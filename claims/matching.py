"""The same claim, wherever it appears: match a mention against mentions of other articles,
in either language (issue 13, part 1).

What survives translation is compared, not the words as written: names of people, places
and organisations (capitalised words, accents folded, French and English forms of a place
made one: claims.matching_lexicon.NAMES), numbers and quantities ("1,5 million" is
"1.5 million", "cent" is "hundred"), months and weekdays, and the statement's words mapped
through a small French→English lexicon of news vocabulary, then cut to a short stem.
A logistic combination of these overlaps, fitted on half of a labelled set of pairs
(claims/matching_pairs.jsonl, `python -m claims.matching_eval`), gives a score in [0, 1].
The speaker counts, but never alone: the same minister says many different things.

Candidates come from an index, never a scan: each mention stores a `match_signature` (its
names, numbers, dates and stems as words) searched with PostgreSQL full text (a stored
tsvector and its GIN index, claims/migrations/0012_match.py); SQLite (`make run`) looks at
the newest mentions only.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from articles.models import Article
from claims import matching_lexicon as lexicon
from claims import notifications, services
from claims.models import Mention, MentionMatch, ReviewDecision
from claims.permissions import can_review, require

# Scores at or above this are proposed as matches (chosen on the tuning half of the pairs).
THRESHOLD = 0.46
# Best candidates kept per mention, and mentions fetched from the index per mention.
BEST = 3
POOL = 30
PENDING_STATES = ("unreviewed", "corrected")

STOPWORDS = frozenset(
    """
    a an and are as at be been being but by for from had has have he her hers him his i in
    is it its not of on or she that the their them they this to was were will with would
    shall should could can may might must do does did done said says say told tell telling
    stated added according reported noted after before about over into than then there these
    those which who whom what when where while also just very more most much many some any
    all each other such only own same so too our ours we us you your yours me my mine if
    because since until again further once here why how both few no nor up down out off
    under above below between through during against among per via yesterday today tomorrow
    last next week weekend ago now still already yet even though although however thus whether
    mr mrs ms dr s t d ll re ve m n
    le la les l un une des du de d et est sont a ont au aux en dans par pour sur que qui qu ne
    n pas plus ce cet cette ces c son sa ses leur leurs il elle ils elles on se s y ete etre
    avoir avait avaient aurait auraient aura auront sera serait seraient seront etait etaient
    fait faire font fera ferait peut peuvent pourrait pourraient doit doivent devrait devraient
    va vont allait soit selon ainsi mais ou donc car avec sans sous entre vers chez dit dire disant
    declare affirme indique precise ajoute assure estime souligne explique rapporte annonce
    affirmait indiquait assurait hier aujourd hui demain lors depuis pendant apres avant aussi
    tres encore deja toujours jamais moins autre autres tout tous toute toutes meme notre nos
    votre vos nous vous je me mon ma mes lui eux dont ou quand comme si cela ceci ca celui
    celle ceux celles lequel laquelle leurs m mme monsieur madame semaine dernier derniere
    prochain prochaine
    """.split()
)
# Capitalised words that are titles or roles, not names.
TITLES = frozenset(
    """
    president presidente minister ministre prime premier general senator senateur governor
    gouverneur mayor maire secretary secretaire chancellor chancelier king roi queen reine
    prince judge juge chief chef director directeur directrice ceo spokesman spokeswoman
    spokesperson colonel captain capitaine sir lord lady saint st the le la les
    """.split()
)
NEGATIONS = frozenset("not no never none nobody nothing ne pas jamais aucun aucune nul".split())

MONTHS = {
    **{m: i for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(), start=1)},
    **{m: i for i, m in enumerate(
        "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre "
        "decembre".split(), start=1)},
}  # fmt: skip
# English months that are also common words count only when capitalised.
CASED_MONTHS = {"may", "march"}
WEEKDAYS = {
    **{d: i for i, d in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday".split(), start=1)},
    **{d: i for i, d in enumerate(
        "lundi mardi mercredi jeudi vendredi samedi dimanche".split(), start=1)},
}  # fmt: skip

UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "septante": 70, "huitante": 80, "nonante": 90, "douzaine": 12,
}  # fmt: skip
HUNDRED = {"hundred", "cent", "cents"}
SCALES = {
    "thousand": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
    "billions": 1e9, "milliard": 1e9, "milliards": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
}  # fmt: skip
# "half a million", "a quarter of a million", "un million et demi".
FRACTIONS = {"half": 0.5, "quarter": 0.25, "demi": 0.5}
# Scale letters glued to a number: "$50m", "€4.2bn", "30k".
GLUED_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}
# Only before a scale word: "a million", "un milliard" (alone they are articles).
ONE = {"a", "an", "one", "un", "une"}
# Plural quantities without a number: "hundreds of", "des centaines de".
VAGUE = {
    "hundreds": "q~100", "centaines": "q~100", "thousands": "q~1000", "milliers": "q~1000",
    "dozens": "q~12", "dizaines": "q~12", "douzaines": "q~12",
}  # fmt: skip

TOKEN = re.compile(r"\d+(?:[\u00a0\u202f ,.]\d{3}(?!\d))*(?:[.,]\d+)?|[^\W\d_]+|%", re.UNICODE)
SENTENCE_END = set('.!?:;«»“”"')


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case, accents removed: "Égypte" is "egypte"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- Stems: a light suffix strip, then a short prefix -------------------------------------

STEM_LENGTH = 6
EN_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y")
FR_SUFFIXES = (
    "eraient", "eraient", "issaient", "issent", "assent", "erions", "erait", "eront",
    "erons", "erez", "aient", "ement", "ments", "ment", "ations", "ation", "ees", "ee",
    "ait", "ant", "ent", "era", "ons", "ez", "er", "es", "e", "s", "x",
)  # fmt: skip


def _strip(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    # "stopped" → "stopp" → "stop"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsfz":
        word = word[:-1]
    return word


# French words ending in s or x in the singular too: "pays" is not "payer".
FR_INVARIABLE = frozenset("pays fois temps corps prix bras mois dos gaz jus poids voix".split())


def stem(word: str, lang: str) -> str:
    """A folded word cut to the part that inflection and derivation leave alone."""
    if lang == "fr" and word in FR_INVARIABLE:
        return word[:STEM_LENGTH]
    return _strip(word, FR_SUFFIXES if lang == "fr" else EN_SUFFIXES)[:STEM_LENGTH]


def _lines(block: str) -> list[tuple[str, str]]:
    return [tuple(line.split()[:2]) for line in block.strip().splitlines() if line.strip()]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict, dict, dict]:
    synonyms: dict[str, str] = {}
    for word, canonical in _lines(lexicon.SYNONYMS):
        synonyms.setdefault(stem(fold(word), "en"), stem(fold(canonical), "en"))
    fr_en: dict[str, str] = {}
    for fr, en in _lines(lexicon.FR_EN):
        key, value = stem(fold(fr), "fr"), stem(fold(en), "en")
        fr_en.setdefault(key, synonyms.get(value, value))
    names = {fold(form): fold(canonical) for form, canonical in _lines(lexicon.NAMES)}
    for canonical in set(names.values()):
        names.setdefault(canonical, canonical)
    phrases = {}
    for line in lexicon.PHRASES.strip().splitlines():
        words, _, token = line.partition("=")
        phrases[tuple(TOKEN.findall(fold(words)))] = token.strip()
    return fr_en, synonyms, names, phrases


@lru_cache(maxsize=100_000)
def concept(word: str, lang: str) -> str:
    """The meaning of a folded word as an English stem: "moteurs" → "engin"."""
    fr_en, synonyms, _, _ = _tables()
    key = stem(word, lang)
    if lang == "fr":
        key = fr_en.get(key, key)
    return synonyms.get(key, key)


@lru_cache(maxsize=100_000)
def name_key(word: str) -> str | None:
    """A known place, people or body under one form ("russes" → "russia"), else None."""
    names = _tables()[2]
    forms = [word]
    if len(word) > 4:  # "russes", "allemande"; not "une" for "un"
        forms += [word[:-1], word[:-2]]
    for form in forms:
        if form in names:
            return names[form]
    return None


# --- Numbers ------------------------------------------------------------------------------


def _number_value(token: str, lang: str) -> float:
    """ "1,5" (fr) and "1.5" (en) are 1.5; "1 500", "1,500" (en), "1.500" (fr) are 1500."""
    token = token.replace("\u00a0", " ").replace("\u202f", " ")
    parts = re.split(r"([ ,.])", token)
    digits, seps = parts[0::2], parts[1::2]
    if not seps:
        return float(token)
    decimal = ""
    last, last_sep = digits[-1], seps[-1]
    grouping = "," if lang == "en" else "."
    if last_sep != " " and (len(last) != 3 or (last_sep != grouping and len(seps) == 1)):
        decimal, digits = last, digits[:-1]
    whole = "".join(digits)
    return float(f"{whole}.{decimal}" if decimal else whole)


def _format(value: float) -> str:
    """A quantity as one word for the index: 1500000 is "q1500000", 1.5 is "q1p5"."""
    if value == int(value):
        return f"q{int(value)}"
    return "q" + f"{value:.4f}".rstrip("0").replace(".", "p")


@dataclass
class Features:
    """What the matcher compares of one statement."""

    names: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    speaker: set[str] = field(default_factory=set)
    negated: bool = False
    # Which side of each pair of opposites the statement takes (POLARITIES): "up" of
    # rise/fall, "close" of open/close… A different claim about the same things.
    poles: set[str] = field(default_factory=set)

    def signature(self) -> str:
        """The features as words for the full-text index (claims.Mention.match_signature)."""
        return " ".join(sorted(self.names | self.numbers | self.dates | self.words))


@lru_cache(maxsize=1)
def _phrase_starts() -> tuple[frozenset[str], list[int]]:
    phrases = _tables()[3]
    return frozenset(p[0] for p in phrases), sorted({len(p) for p in phrases}, reverse=True)


def _rewrite_phrases(folded: list[str]) -> list[tuple[int, int, str]]:
    """(index of the first word, words, token) of each known multiword name, longest first."""
    phrases = _tables()[3]
    starts, lengths = _phrase_starts()
    found, i = [], 0
    while i < len(folded):
        if folded[i] in starts:
            for n in lengths:
                token = phrases.get(tuple(folded[i : i + n]))
                if token:
                    found.append((i, n, token))
                    i += n - 1
                    break
        i += 1
    return found


# Opposite actions and outcomes, as prefixes of folded words in both languages: "prices will
# rise" and "prices will fall", "la BCE relèvera ses taux" and "the ECB will cut rates" are
# two claims about the same things. A statement takes a pole when one of its words starts
# with one of the pole's prefixes.
POLARITIES = {
    "up": ("rise", "rose", "risen", "rising", "increas", "raise", "climb", "jump", "soar",
           "grow", "grew", "higher", "doubl", "hike", "augment", "hausse", "relev", "accru",
           "ajout", "add", "boost", "gain", "progress", "grimp", "envol", "bond"),
    "down": ("fall", "fell", "drop", "decreas", "cut", "lower", "declin", "plung", "slump",
             "shrink", "halv", "reduc", "baiss", "chut", "diminu", "redui", "supprim",
             "abaiss", "recul", "divis", "moitie", "effondr", "slash"),
    "open": ("open", "ouvr", "ouvert", "build", "construi", "launch", "lanc", "inaugur"),
    "close": ("clos", "shut", "ferm", "demoli", "abandon"),
    "win": ("win", "won", "gagn", "rempor", "victoire", "victory", "beat", "battu"),
    "lose": ("lose", "lost", "perd", "defait", "defeat"),
    "profit": ("profit", "benefic", "excedent", "surplus"),
    "loss": ("loss", "perte", "deficit"),
    "take": ("captur", "seiz", "took", "taken", "pris", "prend", "conquer", "conquis"),
    "leave": ("withdr", "retreat", "pull", "retir", "evacu", "quitt"),
    "sign": ("sign", "promulg", "approv", "adopt", "ratifi", "vote"),
    "block": ("veto", "reject", "rejet", "block", "bloqu", "censur"),
    "end": ("fin", "end", "over", "termin", "lev"),
    "start": ("new", "nouvel", "nouveau", "start", "begin", "debut", "declench"),
}  # fmt: skip
OPPOSITES = [("up", "down"), ("open", "close"), ("win", "lose"), ("profit", "loss"),
             ("take", "leave"), ("sign", "block"), ("end", "start")]  # fmt: skip


def _poles(folded_words: list[str]) -> set[str]:
    found = set()
    for word in folded_words:
        for pole, prefixes in POLARITIES.items():
            if word.startswith(prefixes):
                found.add(pole)
    return found


def features(text: str, lang: str, speaker: str = "") -> Features:
    """The names, numbers, dates and word meanings of a statement (and of its speaker)."""
    result = Features()
    matches = list(TOKEN.finditer(text))
    raw = [m.group() for m in matches]
    folded = [fold(t) for t in raw]
    skip: set[int] = set()
    for start, n, token in _rewrite_phrases(folded):
        skip.update(range(start, start + n))
        if token == "percent":
            result.words.add("percent")
        elif token in ("primeminister",):
            result.words.add(token)
        else:
            result.names.add(token)
    number_run: list[tuple[str, str]] = []

    def flush() -> None:
        if not number_run:
            return
        value = _run_value(number_run, lang)
        if value is not None:
            result.numbers.add(_format(value))
        number_run.clear()

    for i, (match, word, low) in enumerate(zip(matches, raw, folded, strict=True)):
        if i in skip:
            flush()
            continue
        if number_run and text[matches[i - 1].end() : match.start()].strip():
            flush()  # "trois millions, un milliard": two quantities
        if word[0].isdigit() or low in UNITS or low in HUNDRED or low in SCALES:
            number_run.append(
                ("digit" if word[0].isdigit() else "word", word if word[0].isdigit() else low)
            )
            continue
        if (
            low in GLUED_SCALES
            and number_run
            and number_run[-1][0] == "digit"
            and matches[i - 1].end() == match.start()
        ):
            number_run.append(("scale", low))
            continue
        if low in FRACTIONS and (
            number_run or (i + 2 < len(folded) and folded[i + 1] in ONE | {"of"})
        ):
            number_run.append(("fraction", low))
            continue
        if number_run and number_run[-1][0] == "fraction" and low in ONE | {"of"}:
            continue  # "half a million", "a quarter of a million"
        if (
            low in ONE
            and i + 1 < len(folded)
            and folded[i + 1] in SCALES.keys() | HUNDRED | FRACTIONS.keys()
        ):
            number_run.append(("word", "one"))
            continue
        if (
            low in ("and", "et")
            and number_run
            and number_run[-1][0] == "word"
            and i + 1 < len(folded)
            and folded[i + 1] in UNITS.keys() | FRACTIONS.keys()
        ):  # "two hundred and twenty", "un million et demi"
            continue
        flush()
        if word == "%":
            result.words.add("percent")
            continue
        if low in VAGUE:
            result.words.add(VAGUE[low])
            continue
        if low in NEGATIONS or low.endswith("n't"):
            result.negated = True
            continue
        if low in MONTHS and (low not in CASED_MONTHS or word[0].isupper()):
            result.dates.add(f"m{MONTHS[low]}")
            continue
        if low in WEEKDAYS:
            result.dates.add(f"d{WEEKDAYS[low]}")
            continue
        acronym = word.isupper() and len(word) > 1  # "UN", "US": not "un", "us"
        if low in STOPWORDS and not acronym:
            continue
        known = name_key(low)
        if known:
            result.names.add(known)
            continue
        if low in STOPWORDS:
            continue
        gap = text[matches[i - 1].end() : match.start()] if i else "."
        initial = not SENTENCE_END.isdisjoint(gap)
        if word[0].isupper() and low not in TITLES and (not initial or acronym):
            result.names.add(low)
        elif len(low) > 2:
            result.words.add(concept(low, lang))
            if initial and word[0].isupper() and low not in TITLES:
                # "Mbappe will miss…": a name or a word, said first; both are kept.
                result.names.add(low)
    flush()
    result.speaker = _speaker_features(speaker, lang) if speaker else set()
    result.poles = _poles(folded)
    return result


def _speaker_features(speaker: str, lang: str) -> set[str]:
    found = set()
    for word in TOKEN.findall(speaker):
        low = fold(word)
        if low in STOPWORDS or low in TITLES or word[0].isdigit():
            continue
        known = name_key(low)
        if known:
            found.add(known)
        elif word[0].isupper():
            found.add(low)
        elif len(low) > 2:
            found.add(concept(low, lang))
    return found


def _run_value(run: list[tuple[str, str]], lang: str) -> float | None:
    """The value of "1,5 million", "trois cents", "two hundred and twenty", "100"."""
    if not run:
        return None
    if all(kind == "word" and word in SCALES for kind, word in run):
        return None  # "millions" alone: not a quantity said
    total, current, last_scale = 0.0, 0.0, 0.0
    previous = None
    for kind, word in run:
        if kind == "fraction":
            if last_scale and not current:  # "un million et demi"
                total += FRACTIONS[word] * last_scale
            elif previous == "one":  # "a quarter": the article, not one
                current = FRACTIONS[word]
            else:
                current += FRACTIONS[word]
        elif kind == "scale":
            total += max(current, 1) * GLUED_SCALES[word]
            current = 0
        elif kind == "digit":
            try:
                current += _number_value(word, lang)
            except ValueError:
                return None
        elif word == "one":
            current += 1
        elif word in UNITS:
            current += UNITS[word]
        elif word in HUNDRED:
            current = max(current, 1) * 100
        elif word in SCALES:
            last_scale = SCALES[word]
            total += (current or 1) * last_scale
            current = 0
        previous = word
    return total + current


# --- Scoring -------------------------------------------------------------------------------

# Weights of the logistic combination, fitted on the tuning half of the labelled pairs
# (`python -m claims.matching_eval --fit`); the names match FEATURE_NAMES.
WEIGHTS = {
    "bias": -0.62,
    "words_dice": 1.26,
    "words_overlap": 1.35,
    "names_dice": 0.31,
    "names_shared": 0.24,
    "numbers_shared": 1.31,
    "numbers_conflict": -1.35,
    "dates_shared": 0.77,
    "dates_conflict": -0.45,
    "speaker_same": 0.1,
    "speaker_conflict": -0.13,
    "negation_differs": -0.01,
    "numbers_one_sided": -1.53,
    # Set by hand, not fitted: the tuning pairs hold almost no opposites, the pairs written
    # blind hold many ("prices will rise" / "fall"); -3 was chosen on their tuning half
    # (precision 0.57 -> 0.62 at the same recall) and changes nothing on the others.
    "opposite": -3.0,
}
FEATURE_NAMES = [name for name in WEIGHTS if name != "bias"]
# Weights set by hand rather than fitted on the tuning half (see WEIGHTS).
HAND_SET = frozenset({"opposite"})


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _plain(numbers: set[str]) -> set[str]:
    """Numbers that are not years: a year shared or not says little about the claim."""
    return {n for n in numbers if not re.fullmatch(r"q(19|20)\d\d", n)}


def pair_features(a: Features, b: Features) -> dict[str, float]:
    """The overlaps the score combines, each in [0, 1] (or a 0/1 flag)."""
    shared_numbers = a.numbers & b.numbers
    plain_a, plain_b = _plain(a.numbers), _plain(b.numbers)
    who_a, who_b = a.speaker, b.speaker
    speaker_same = bool(who_a & (who_b | b.names) or who_b & a.names)
    return {
        "words_dice": _dice(a.words, b.words),
        "words_overlap": (
            len(a.words & b.words) / min(len(a.words), len(b.words)) if a.words and b.words else 0.0
        ),
        "names_dice": _dice(a.names, b.names),
        "names_shared": min(len(a.names & b.names), 3) / 3,
        "numbers_shared": min(len(shared_numbers), 2) / 2,
        "numbers_conflict": float(bool(plain_a and plain_b and not plain_a & plain_b)),
        "dates_shared": float(bool(a.dates & b.dates)),
        "dates_conflict": float(bool(a.dates and b.dates and not a.dates & b.dates)),
        "speaker_same": float(speaker_same),
        "speaker_conflict": float(bool(who_a and who_b and not speaker_same)),
        "negation_differs": float(a.negated != b.negated),
        "numbers_one_sided": float(bool(plain_a) != bool(plain_b)),
        "opposite": float(_opposite(a.poles, b.poles)),
    }


def _opposite(a: set[str], b: set[str]) -> bool:
    """One statement takes a pole, the other its opposite, neither both."""
    for one, other in OPPOSITES:
        if (one in a and other not in a and other in b and one not in b) or (
            other in a and one not in a and one in b and other not in b
        ):
            return True
    return False


def score_features(a: Features, b: Features, weights: dict[str, float] | None = None) -> float:
    """The probability-like score in [0, 1] that a and b state the same claim."""
    weights = weights or WEIGHTS
    values = pair_features(a, b)
    z = weights["bias"] + sum(weights[name] * values[name] for name in FEATURE_NAMES)
    return 1 / (1 + math.exp(-z))


def score(
    text_a: str, lang_a: str, text_b: str, lang_b: str, speaker_a: str = "", speaker_b: str = ""
) -> float:
    """The score of two statements, each in its language ("fr" or "en")."""
    return score_features(features(text_a, lang_a, speaker_a), features(text_b, lang_b, speaker_b))


# --- Candidates in the database ----------------------------------------------------------

# Words of the signature a candidate query uses: the rarest kinds first (names, numbers,
# dates), then the longest stems.
QUERY_TERMS = 10
# SQLite has no full-text index here: the matcher looks at this many newest mentions.
SQLITE_WINDOW = 2000


def mention_features(mention: Mention) -> Features:
    return cached_features(mention.content, mention.article.language, mention.speaker)


@lru_cache(maxsize=50_000)
def cached_features(text: str, lang: str, speaker: str) -> Features:
    """features(), remembered by text: a worker matching article after article meets the
    same candidates again. Keyed by the words, so a corrected mention is never stale; the
    result is shared, never changed by its callers."""
    return features(text, lang, speaker)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Places, peoples and bodies of the lexicon: names, but common ones."""
    _, _, names, phrases = _tables()
    return frozenset(names.values()) | frozenset(phrases.values())


def _words_of(terms) -> list[str]:
    # Only letters and digits reach to_tsquery, as PostgreSQL's parser cuts the signature.
    clean: list[str] = []
    for term in terms:
        for part in re.findall(r"[a-z0-9]+", term):
            if part not in clean:
                clean.append(part)
    return clean


def _query_terms(found: Features) -> tuple[list[str], list[str]]:
    """(rare, all) signature words a candidate query uses. Rare: names that are not places
    or bodies of the lexicon (people, towns, firms) and numbers that are not years or
    small; they keep the query's matches few. All: the rare ones, then known names,
    dates and the longest stems."""
    plain = _plain(found.numbers)
    rare_numbers = sorted(n for n in plain if re.fullmatch(r"q\d{3,}|q\d*p\d+", n))
    rare = _words_of([*sorted(found.names - _known_names()), *rare_numbers])[:QUERY_TERMS]
    words = sorted(found.words, key=lambda w: (-len(w), w))
    common = [
        *sorted(found.names & _known_names()), *sorted(found.numbers - set(rare_numbers)),
        *sorted(found.dates), *words,
    ]  # fmt: skip
    terms = _words_of([*rare, *common])[:QUERY_TERMS]
    return rare, terms


# Words of a mention without a rare one that the index looks for two of.
COMMON_TERMS = 6


def _tsqueries(rare: list[str], terms: list[str]) -> tuple[str, str]:
    """(find, keep): the index finds the mentions holding a rare word (or, without one, two
    of the first common words); of those, the ones sharing two words are kept."""
    if len(terms) < 2:
        return terms[0], terms[0]
    keep = " | ".join(f"({a} & {b})" for i, a in enumerate(terms) for b in terms[i + 1 :])
    if rare:
        return " | ".join(rare), keep
    first = terms[:COMMON_TERMS]
    find = " | ".join(f"({a} & {b})" for i, a in enumerate(first) for b in first[i + 1 :])
    return find, keep


def retrievable(found: Features, other: Features) -> bool:
    """Whether the candidate query of `found` returns a mention with `other`'s signature:
    CANDIDATE_SQL's two conditions, in Python (matching_eval measures it on the pairs)."""
    rare, terms = _query_terms(found)
    if not terms:
        return False
    words = set(_words_of(other.signature().split()))
    shared = [t for t in terms if t in words]
    if len(terms) < 2:
        return bool(shared)
    if rare:
        return any(r in words for r in rare) and len(shared) >= 2
    first = [t for t in terms[:COMMON_TERMS] if t in words]
    return len(first) >= 2


def _candidate_mentions() -> QuerySet[Mention]:
    """Mentions that may be an appearance of a claim: asserted, not rejected."""
    return Mention.objects.filter(stance=Mention.Stance.ASSERTS).exclude(
        review_state=Mention.ReviewState.REJECTED
    )


# Rows the index may return for one mention before the finer filter and the ranking: a
# name in thousands of mentions costs this many, not thousands.
WINDOW = 1000
# The index (GIN on the generated tsvector column match_tsv, PostgreSQL only, migration
# 0012) answers the CTE's @@ alone; the finer filter, the
# ranking and the join run on at most WINDOW rows of it.
CANDIDATE_SQL = """
WITH hits AS MATERIALIZED (
    SELECT id, match_tsv FROM claims_mention
    WHERE match_tsv @@ to_tsquery('simple'::regconfig, %(find)s)
    LIMIT %(window)s
)
SELECT m.id, m.content, m.speaker, a.language, m.claim_id, m.article_id
FROM hits h
JOIN claims_mention m ON m.id = h.id
JOIN articles_article a ON a.id = m.article_id
WHERE m.article_id <> %(article)s AND m.stance = 'asserts' AND m.review_state <> 'rejected'
  AND h.match_tsv @@ to_tsquery('simple'::regconfig, %(keep)s)
ORDER BY ts_rank(h.match_tsv, to_tsquery('simple'::regconfig, %(any)s)) DESC, m.id DESC
LIMIT %(limit)s
"""


def candidate_sql(
    *,
    mention: Mention,
    rare: list[str],
    terms: list[str],
    limit: int = POOL,
    narrow: bool = False,
) -> tuple[str, dict]:
    """PostgreSQL: the candidate query of a mention and its parameters (CANDIDATE_SQL).
    `narrow`: the index finds mentions holding two of the rare words (a person and a
    number, say), which reads only their short lists; the wide query follows if that
    finds too few."""
    find, keep = _tsqueries(rare, terms)
    if narrow and len(rare) >= 2:
        find = " | ".join(f"({a} & {b})" for i, a in enumerate(rare) for b in rare[i + 1 :])
    params = {
        "find": find, "keep": keep, "any": " | ".join(terms), "window": WINDOW,
        "article": mention.article_id, "limit": limit,
    }  # fmt: skip
    return CANDIDATE_SQL, params


# What a candidate is scored on, read with the candidate query itself.
CANDIDATE_FIELDS = ("id", "content", "speaker", "article__language", "claim_id", "article_id")


def candidate_rows(*, mention: Mention, found: Features, limit: int = POOL) -> list[tuple]:
    """Mentions of other articles that share signature words with this one (two, one of
    them rare; see _tsqueries), best ranked first, as CANDIDATE_FIELDS tuples: one indexed
    query on PostgreSQL, a bounded look at the newest mentions on SQLite."""
    rare, terms = _query_terms(found)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        rows: list[tuple] = []
        with connection.cursor() as cursor:
            for narrow in (True, False) if len(rare) >= 2 else (False,):
                sql, params = candidate_sql(
                    mention=mention, rare=rare, terms=terms, limit=limit, narrow=narrow
                )
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                if len(rows) >= BEST:
                    break
        return rows
    others = _candidate_mentions().exclude(article_id=mention.article_id)
    wanted = set(terms)
    recent = others.order_by("-id").values_list("id", "match_signature")[:SQLITE_WINDOW]
    scored = []
    for pk, signature in recent:
        shared = len(wanted & set(re.findall(r"[a-z0-9]+", signature)))
        if shared >= min(2, len(wanted)):
            scored.append((shared, pk))
    scored.sort(reverse=True)
    ids = [pk for _, pk in scored[:limit]]
    rows = {
        row[0]: row for row in Mention.objects.filter(pk__in=ids).values_list(*CANDIDATE_FIELDS)
    }
    return [rows[pk] for pk in ids if pk in rows]


def candidate_ids(*, mention: Mention, found: Features, limit: int = POOL) -> list[int]:
    return [row[0] for row in candidate_rows(mention=mention, found=found, limit=limit)]


def mentions_sign(mentions: list[Mention]) -> dict[int, Features]:
    """Compute and store the signature of these mentions; their features by id."""
    found = {m.pk: mention_features(m) for m in mentions}
    changed = []
    for mention in mentions:
        signature = found[mention.pk].signature()
        if mention.match_signature != signature:
            mention.match_signature = signature
            changed.append(mention)
    Mention.objects.bulk_update(changed, ["match_signature"], batch_size=500)
    return found


def mention_candidates(
    *, mention: Mention, found: Features, best: int = BEST
) -> list[tuple[Mention, float]]:
    """The best candidates of other articles at or above THRESHOLD, strongest first, one
    per claim (a claim's several appearances are one proposal). The mentions returned
    carry only what scoring read (id, content, speaker, article and claim ids)."""
    scored = []
    for pk, content, speaker, language, claim_id, article_id in candidate_rows(
        mention=mention, found=found
    ):
        if claim_id and claim_id == mention.claim_id:
            continue  # already an appearance of the same claim
        value = score_features(found, cached_features(content, language or "", speaker))
        if value >= THRESHOLD:
            other = Mention(
                pk=pk, content=content, speaker=speaker, claim_id=claim_id, article_id=article_id
            )
            scored.append((other, round(value, 4)))
    scored.sort(key=lambda item: (-item[1], item[0].pk))
    kept, claims = [], set()
    for other, value in scored:
        if other.claim_id and other.claim_id in claims:
            continue
        claims.add(other.claim_id)
        kept.append((other, value))
    return kept[:best]


def article_propose_matches(*, article: Article) -> list[MentionMatch]:
    """After extraction: sign the article's mentions, then propose for each asserted one
    the best candidates of other articles (MentionMatch, state proposed; a match already
    decided keeps its decision). Newsroom members are told, when notifications can."""
    mentions = list(
        article.mentions.select_related("article").exclude(
            review_state=Mention.ReviewState.REJECTED
        )
    )
    found = mentions_sign(mentions)
    proposals = []
    for mention in mentions:
        if mention.is_response:
            continue
        for other, value in mention_candidates(mention=mention, found=found[mention.pk]):
            proposals.append(
                MentionMatch(
                    mention=mention,
                    candidate_mention=other,
                    candidate_claim_id=other.claim_id,
                    score=min(max(value, 0.0), 1.0),
                )
            )
    if not proposals:
        return []
    MentionMatch.objects.bulk_create(
        proposals,
        update_conflicts=True,
        unique_fields=["mention", "candidate_mention"],
        update_fields=["score", "candidate_claim"],
    )
    matches = list(
        MentionMatch.objects.filter(mention__article=article, state=MentionMatch.State.PROPOSED)
        .select_related("mention", "candidate_mention__article")
        .order_by("-score", "id")
    )
    notify = getattr(notifications, "notification_matches_proposed", None)
    if notify is not None and matches:
        notify(article=article, matches=matches)
    return matches


# --- Decisions ----------------------------------------------------------------------------


def match_accept(*, match: MentionMatch, by: AbstractBaseUser, correction: str = "") -> Mention:
    """A journalist confirms the match: the mention becomes an appearance of the candidate's
    claim (a candidate not yet in a claim is accepted into a new one first, as the review
    card's "Accept as a new claim" does). Through services.mention_accept, so the rules of
    published claims (an editor, a correction note) and the hooks of every new appearance
    (services._mention_link) apply."""
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    with transaction.atomic():
        match = MentionMatch.objects.select_for_update().get(pk=match.pk)
        if match.state != MentionMatch.State.PROPOSED:
            raise ValidationError(gettext("This match has been decided already."))
        candidate = Mention.objects.select_related("article", "source", "claim").get(
            pk=match.candidate_mention_id
        )
        mention = Mention.objects.select_related("article", "source").get(pk=match.mention_id)
        if mention.is_response or candidate.is_response:
            raise ValidationError(
                gettext("A denial or a refusal to comment answers a claim: attach it instead.")
            )
        claim = candidate.claim
        if claim is None:
            claim = services.claim_create_from_mention(
                mention=candidate, statement=candidate.content, by=by
            )
        services.mention_accept(
            mention=mention,
            by=by,
            claim=claim,
            correction=correction,
            decision=ReviewDecision.Kind.MATCH,
        )
        match.state = MentionMatch.State.ACCEPTED
        match.candidate_claim = claim
        match.decided_by, match.decided_at = by, timezone.now()
        match.save(update_fields=["state", "candidate_claim", "decided_by", "decided_at"])
    return mention


def match_reject(*, match: MentionMatch, by: AbstractBaseUser) -> MentionMatch:
    """Not the same claim: the proposal is kept, rejected, and never proposed again."""
    require(can_review(by), gettext("Only journalists and editors review mentions."))
    with transaction.atomic():
        match = MentionMatch.objects.select_for_update().get(pk=match.pk)
        if match.state != MentionMatch.State.PROPOSED:
            raise ValidationError(gettext("This match has been decided already."))
        match.state = MentionMatch.State.REJECTED
        match.decided_by, match.decided_at = by, timezone.now()
        match.save(update_fields=["state", "decided_by", "decided_at"])
    return match


# --- Reads --------------------------------------------------------------------------------


def matches_shown() -> QuerySet[MentionMatch]:
    """Matches worth showing: proposed or accepted, at or above the threshold."""
    return MentionMatch.objects.filter(
        state__in=[MentionMatch.State.PROPOSED, MentionMatch.State.ACCEPTED],
        score__gte=THRESHOLD,
    )


def article_matches(article: Article) -> list[MentionMatch]:
    """The proposed or accepted matches of an article's mentions, strongest first (ingest)."""
    return list(
        matches_shown()
        .filter(mention__article=article)
        .exclude(candidate_mention__article=article)
        .select_related("candidate_mention")
        .order_by("-score", "id")
    )


def reported_sentence(*, other: Article, this: Article) -> str:
    """ "Also reported by Le Monde, 2 days earlier": where else, and when, relative to the
    article in hand (publication dates, else the dates they were stored)."""
    outlet = other.outlet.name if other.outlet_id else gettext("another outlet")
    days = (other.dated.date() - this.dated.date()).days
    if days < 0:
        when = ngettext("%(count)d day earlier", "%(count)d days earlier", -days) % {"count": -days}
    elif days > 0:
        when = ngettext("%(count)d day later", "%(count)d days later", days) % {"count": days}
    else:
        when = gettext("the same day")
    return gettext("Also reported by %(outlet)s, %(when)s") % {"outlet": outlet, "when": when}


def _proposed() -> QuerySet[MentionMatch]:
    return MentionMatch.objects.filter(
        state=MentionMatch.State.PROPOSED, score__gte=THRESHOLD
    ).select_related(
        "mention__article__outlet",
        "mention__source",
        "candidate_mention__article__outlet",
        "candidate_mention__claim",
    ).defer("mention__article__text", "candidate_mention__article__text")  # fmt: skip


def matches_attach(mentions: list[Mention]) -> None:
    """Give each pending mention its proposed matches (`proposed_matches`, strongest first,
    each with its `reported` sentence), in one query for the whole page."""
    pending = [m for m in mentions if m.review_state in PENDING_STATES and not m.is_response]
    by_mention: dict[int, list[MentionMatch]] = {m.pk: [] for m in mentions}
    if pending:
        for match in _proposed().filter(mention__in=pending).order_by("-score", "id"):
            match.reported = reported_sentence(
                other=match.candidate_mention.article, this=match.mention.article
            )
            by_mention[match.mention_id].append(match)
    for mention in mentions:
        mention.proposed_matches = by_mention.get(mention.pk, [])


def claim_matches(claim) -> list[MentionMatch]:
    """Mentions of other articles proposed as appearances of this claim (their candidate is
    one of its appearances), strongest first, each with its `reported` sentence."""
    found = list(
        _proposed()
        .filter(candidate_mention__claim=claim)
        .exclude(mention__claim=claim)
        .order_by("-score", "id")[:50]
    )
    for match in found:
        match.reported = reported_sentence(
            other=match.mention.article, this=match.candidate_mention.article
        )
    return found
