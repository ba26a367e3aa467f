"""The extract_claims and evaluate_extraction management commands (no database)."""

import json

import pytest
from django.core.management import CommandError, call_command


def test_extract_claims_prints_json_per_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Selon la police, deux bateaux ont coulé dans le port.", encoding="utf-8")
    call_command("extract_claims", str(path), "--language", "fr")
    out = json.loads(capsys.readouterr().out)
    assert out[0]["file"] == str(path) and out[0]["language"] == "fr"
    assert out[0]["claims"][0]["speaker"] == "la police"


def test_extract_claims_unreadable_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("extract_claims", str(tmp_path / "missing.txt"))


def _gold_file(tmp_path):
    text = "Selon la police, deux bateaux ont coulé dans le port."
    doc = {
        "id": "t1",
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
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_extraction_prints_a_table(tmp_path, capsys):
    call_command("evaluate_extraction", str(_gold_file(tmp_path)), "--verbose")
    out = capsys.readouterr().out
    assert "F1" in out and "fr" in out and "1.000" in out
    assert "fr_core_news" in out  # the model that was measured
    assert "confidence" not in out


def test_evaluate_extraction_by_construction_and_confidence_bands(tmp_path, capsys):
    path = _gold_file(tmp_path)
    call_command("evaluate_extraction", str(path), "--by-construction", "--confidence-bands")
    out = capsys.readouterr().out
    rule_row = next(line for line in out.splitlines() if line.startswith("according_to "))
    assert rule_row.split()[1:4] == ["1", "1", "1.000"]
    gold_row = next(line for line in out.splitlines() if line.startswith("indirect according_to"))
    assert gold_row.split()[2:5] == ["1", "1", "1.000"]
    assert "[0.85, 1.00]" in out and "[0.00, 0.50)" in out


def test_evaluate_extraction_writes_the_predictions_for_the_reference_scorers(tmp_path, capsys):
    out_path = tmp_path / "pred.json"
    call_command("evaluate_extraction", str(_gold_file(tmp_path)), "--predictions", str(out_path))
    predictions = json.loads(out_path.read_text(encoding="utf-8"))
    assert list(predictions) == ["t1"]
    (claim,) = predictions["t1"]
    assert claim["speaker"] == "la police" and claim["stance"] == "asserts"
    text = "Selon la police, deux bateaux ont coulé dans le port."
    assert text[claim["start"] : claim["end"]] == "deux bateaux ont coulé dans le port"


def test_evaluate_extraction_bad_file_is_a_command_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(CommandError, match="invalid JSON"):
        call_command("evaluate_extraction", str(path))
