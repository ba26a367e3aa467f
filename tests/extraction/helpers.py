"""Look-ups shared by the extraction tests."""

from claims.extraction import extract


def with_cue(text: str, lang: str, cue_word: str):
    """The first claim whose cue contains `cue_word`; fails, listing what was found, if none."""
    claims = extract(text, lang)
    found = [c for c in claims if cue_word in c.cue]
    assert found, f"no claim with cue {cue_word!r} in {[c.to_dict() for c in claims]}"
    return found[0]
