"""claimtrack.text: what every entry point stores, what the XML outputs write."""

import xml.etree.ElementTree as ET

import pytest

from claimtrack.text import clean_text, xml_safe


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("nul\x00byte", "nulbyte"),
        ("lone \ud800surrogate", "lone surrogate"),
        ("bell\x07 escape\x1b[0m", "bell escape[0m"),
        ("soft\x0bbreak\x0cpage", "soft\nbreak\npage"),
        ("windows\r\nold mac\rend", "windows\nold mac\nend"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("split pair \ud83d\ude00 joined", "split pair \U0001f600 joined"),
        ("« Élysée » — 😀", "« Élysée » — 😀"),
        ("", ""),
    ],
)
def test_clean_text_keeps_the_text_and_drops_what_cannot_be_stored(raw, cleaned):
    assert clean_text(raw) == cleaned
    clean_text(raw).encode("utf-8")  # storable: PostgreSQL takes any UTF-8 without NUL


def test_xml_safe_text_parses_as_xml():
    text = "Conclusion\x0bsecond line\x01 \ud800 \ufffe end"
    safe = xml_safe(text)
    assert ET.fromstring(f"<p>{safe}</p>".encode()).text == "Conclusion\nsecond line   end"
