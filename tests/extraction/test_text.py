"""Length-preserving normalisation and quote pairing on pathological input."""

import subprocess
import sys
from pathlib import Path

from claims.extraction.text import MAX_RUN_CHARS, find_quotes, normalize

ROOT = Path(__file__).resolve().parents[2]


def test_normalize_breaks_long_runs_without_spaces_and_keeps_every_offset():
    run = "«" * 10_000 + "”" * 10_000
    text = f"Le maire a dit : {run}\nhttps://example.org/{'a' * 150} fin."
    out = normalize(text)
    assert len(out) == len(text)
    assert max(len(word) for word in out.split()) <= MAX_RUN_CHARS
    # only characters of the long run changed, each into a space
    changed = [i for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b]
    assert changed and all(out[i] == " " and text[i] in "«”" for i in changed)
    assert out.endswith(f"https://example.org/{'a' * 150} fin.")


def test_normal_words_and_links_are_not_broken():
    text = "Selon https://www.example.com/2024/05/une-tres-longue-adresse-d-article.html, oui."
    assert normalize(text) == text


def test_quote_pairing_keeps_outermost_quotes_and_ignores_unmatched_marks():
    text = "«a “b” c» d «e» ” « f\n»"
    assert find_quotes(text) == [(0, 8), (12, 14)]
    assert find_quotes('"a « b" c » "d"') == [(0, 12)]  # the straight quote inside « is an opener


def test_quote_pairing_of_many_unmatched_openers_ends_promptly():
    # 200,000 openers then 200,000 closers of another kind: a search of the whole stack
    # for each closer is 4e10 steps (hours); linear pairing is well under a second.
    code = (
        "from claims.extraction.text import find_quotes\n"
        "print(len(find_quotes('«' * 200_000 + '”' * 200_000 + ' “x”')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"  # the last “x” is nested in the open «: folded
