"""Names as people write them: the data and the few functions that make "WSJ", "le WSJ" and
"The Wall Street Journal" one key, and split "le ministre Paul Martin" into a title and a name.

Pure Python (no Django): claims.services uses `name_key` for Source.normalized_name and
SourceAlias.normalized, and `split_title` for speakers who are people.
"""

import re
import unicodedata

# Leading articles stripped before comparing names ("Le Monde" and "Monde" are one key; the
# name shown keeps what was written). French elided "l'" is handled with the apostrophe.
LEADING_ARTICLES = {"the", "le", "la", "les", "l"}

# Known abbreviations and other surface forms → one canonical key (itself a name key).
# Keys and values are written already normalised (lower case, no accents or punctuation).
KNOWN_NAMES: dict[str, str] = {
    "wsj": "wall street journal",
    "nyt": "new york times",
    "ny times": "new york times",
    "afp": "agence france presse",
    "ap": "associated press",
    "reuters news agency": "reuters",
    "bbc": "british broadcasting corporation",
    "bbc news": "british broadcasting corporation",
    "un": "united nations",
    "onu": "united nations",
    "nations unies": "united nations",
    "u n": "united nations",
    "organisation des nations unies": "united nations",
    "eu": "european union",
    "ue": "european union",
    "union europeenne": "european union",
    "nato": "north atlantic treaty organization",
    "otan": "north atlantic treaty organization",
    "who": "world health organization",
    "oms": "world health organization",
    "organisation mondiale de la sante": "world health organization",
    "imf": "international monetary fund",
    "fmi": "international monetary fund",
    "fonds monetaire international": "international monetary fund",
}

# Titles written before a person's name, per language, normalised like names (hyphens are
# spaces). Longest first wins, so "defence minister" beats "minister".
TITLES: dict[str, list[str]] = {
    "en": [
        "lieutenant general", "major general", "brigadier general", "general", "colonel",
        "admiral", "commander", "captain", "sergeant",
        "prime minister", "defence minister", "defense minister", "foreign minister",
        "finance minister", "interior minister", "health minister", "minister",
        "deputy minister", "secretary of state", "secretary", "president", "vice president",
        "chancellor", "senator", "congressman", "congresswoman", "representative", "governor",
        "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "judge", "chief",
        "professor", "prof", "dr", "mr", "mrs", "ms", "sir", "king", "queen", "prince",
        "princess", "pope", "cardinal", "bishop", "rabbi", "imam",
    ],
    "fr": [
        "lieutenant general", "general de division", "general de brigade", "general",
        "colonel", "amiral", "commandant", "capitaine", "sergent",
        "premier ministre", "premiere ministre", "ministre de la defense",
        "ministre des affaires etrangeres", "ministre de l interieur", "ministre des finances",
        "ministre de la sante", "ministre", "secretaire d etat", "president", "presidente",
        "vice president", "vice presidente", "chancelier", "chanceliere", "senateur",
        "senatrice", "depute", "deputee", "gouverneur", "maire", "ambassadeur",
        "ambassadrice", "porte parole", "juge", "chef", "professeur", "professeure", "docteur",
        "dr", "m", "mme", "mlle", "monsieur", "madame", "roi", "reine", "prince", "princesse",
        "pape", "cardinal", "eveque", "rabbin", "imam",
    ],
}  # fmt: skip

_PUNCTUATION = re.compile(r"[^\w\s]|_")


def _fold(text: str) -> str:
    """Case, accents and punctuation gone, spaces collapsed: "L'Élysée" → "l elysee"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_PUNCTUATION.sub(" ", stripped).split())


def _without_article(folded: str) -> str:
    words = folded.split()
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> str:
    """The key two spellings of one name share: "Le Wall Street Journal", "WSJ" and
    "the Wall Street Journal" all give "wall street journal"."""
    key = _without_article(_fold(name))
    return KNOWN_NAMES.get(key, key)


def _title_index() -> list[tuple[list[str], str]]:
    titles = {(title, lang) for lang, words in TITLES.items() for title in words}
    return sorted(((t.split(), t) for t, _ in titles), key=lambda item: -len(item[0]))


_TITLES_LONGEST_FIRST = _title_index()


def split_title(name: str) -> tuple[str, str]:
    """("lieutenant-général", "Ihor Romanenko") from "le lieutenant-général Ihor Romanenko";
    ("", name) when no known title opens the name or nothing would be left after it.

    The title keeps its written form; the name is the rest as written.
    """
    tokens = re.findall(r"\S+", name.strip())
    folded = [_fold(t) for t in tokens]
    start = 1 if len(tokens) > 1 and folded[0] in LEADING_ARTICLES else 0
    # (written word's index, folded sub-word): "lieutenant-général" is two title words.
    sub = []
    for index in range(start, len(tokens)):
        for word in folded[index].split():
            sub.append((index, word))
    words = [w for _, w in sub]
    for title_words, _ in _TITLES_LONGEST_FIRST:
        n = len(title_words)
        if words[:n] != title_words or len(words) <= n:
            continue
        last_token = sub[n - 1][0]
        if sub[n][0] == last_token:  # the title ends inside a written word: not a title
            continue
        rest = tokens[last_token + 1 :]
        if not rest or not rest[0][:1].isupper():  # "the president said": no name follows
            continue
        title = " ".join(tokens[start : last_token + 1]).strip(",")
        return title, " ".join(rest).strip(" ,")
    return "", name.strip()
