"""Direct quotes as news writes them: colons, quotes right after the verb, questions and
exclamations, typewriter marks, quotes over paragraphs, follow-on quotes, "adding: …" and
postposed cues without a comma. Every sentence here was written for these tests."""

from claims.extraction import extract


def _direct(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    """(content, speaker, cue) of the direct claims found in ``text``."""
    return [(c.content, c.speaker, c.cue) for c in extract(text, lang) if c.quote_type == "direct"]


# 4. typewriter marks, straight quotes, quotes running over a paragraph break


def test_two_apostrophe_marks_open_and_close_a_quote():
    text = (
        "The levy was debated again.\n\n"
        "''This is not a reform of the tax,'' said Douglas Hale, an economist. "
        "''It is a new tax.''"
    )
    assert _direct(text, "en") == [
        ("This is not a reform of the tax", "Douglas Hale", "said"),
        ("It is a new tax", "Douglas Hale", "said"),
    ]


def test_backtick_marks_open_a_quote():
    text = "``The bridge will reopen in May,'' said engineer Rosa Lind."
    assert _direct(text, "en") == [("The bridge will reopen in May", "Rosa Lind", "said")]


def test_a_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        '"The wards are full," said Pat Ormond, a nurse. "We have no more beds.\n\n'
        '"Some patients wait for two days in the corridor."\n\n'
        "The hospital opened in 1980."
    )
    assert _direct(text, "en") == [
        ("The wards are full", "Pat Ormond", "said"),
        ("We have no more beds", "Pat Ormond", "said"),
        ("Some patients wait for two days in the corridor", "Pat Ormond", "said"),
    ]


def test_a_french_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        "« Les salles sont pleines », a déclaré Paule Ormont, infirmière. "
        "« Nous n'avons plus de lits.\n\n"
        "« Certains patients attendent deux jours dans le couloir. »\n\n"
        "L'hôpital a ouvert en 1980."
    )
    found = _direct(text, "fr")
    assert [content for content, _, _ in found] == [
        "Les salles sont pleines",
        "Nous n'avons plus de lits",
        "Certains patients attendent deux jours dans le couloir",
    ]
    assert {speaker for _, speaker, _ in found} == {"Paule Ormont"}
