"""Confidence calibrated per rule on annotated news (no database)."""

import json

from django.core.management import call_command

from claims.extraction import calibration, extract


def test_a_rules_confidence_is_its_measured_precision_pulled_to_its_guess():
    table = {"fr": {"direct": (9, 10), "object": (1, 10)}}
    # (9 + 2 * 0.9) / (10 + 2) = 0.9 ; (1 + 2 * 0.6) / 12 = 0.18
    assert calibration.calibrated("fr", "direct", 0.9, table=table) == 0.9
    assert calibration.calibrated("fr", "object", 0.6, table=table) == 0.18
    # a rule seen once barely moves from its guess: (0 + 2 * 0.8) / 3
    assert calibration.calibrated("fr", "nominal", 0.8, table={"fr": {"nominal": (0, 1)}}) == 0.53
    # a rule or a language the table does not know keeps its guess
    assert calibration.calibrated("fr", "according_to", 0.75, table=table) == 0.75
    assert calibration.calibrated("en", "direct", 0.9, table=table) == 0.9


def test_raw_confidence_gives_the_rules_guesses():
    with calibration.raw_confidence():
        assert calibration.calibrated("fr", "object", 0.6, table={"fr": {"object": (0, 50)}}) == 0.6
    assert calibration.calibrated("fr", "object", 0.6, table={"fr": {"object": (0, 50)}}) == 0.02


def test_count_tallies_matches_per_language_and_rule():
    table = calibration.count(
        [("fr", "direct", True), ("fr", "direct", False), ("en", "direct", True)]
    )
    assert table == {"fr": {"direct": [1, 2]}, "en": {"direct": [1, 1]}}


def test_the_shipped_table_is_what_extract_applies():
    text = "« Nous fermerons l'usine en mars », a déclaré jeudi la directrice, Anne Berthier."
    (claim,) = extract(text, "fr")
    with calibration.raw_confidence():
        (raw,) = extract(text, "fr")
    assert claim.confidence == calibration.calibrated("fr", claim.rule, raw.confidence)
    assert 0.0 <= claim.confidence <= 1.0


def test_calibrate_confidence_writes_a_table_and_reports_held_out_bands(tmp_path, capsys):
    text = "Selon la police, deux bateaux ont coulé dans le port. Il pleuvait."
    gold = {
        "id": "c1",
        "language": "fr",
        "text": text,
        "claims": [
            {
                "speaker": ["la police"],
                "cue": "Selon",
                "content": "deux bateaux ont coulé dans le port",
                "stance": "asserts",
                "quote_type": "indirect",
            }
        ],
    }
    corpus = tmp_path / "gold.jsonl"
    corpus.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "table.json"
    try:
        call_command("calibrate_confidence", str(corpus), "--write", "--output", str(out))
    finally:
        calibration.reload()
    printed = capsys.readouterr().out
    assert "leave one article out" in printed
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["rules"] == {"fr": {"according_to": [1, 1]}}
    assert written["corpora"] == ["gold.jsonl"]
