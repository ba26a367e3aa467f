import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

pytestmark = pytest.mark.django_db

FRENCH = (
    "Grève à l'usine de Brévent\n\n"
    "« Nous ne reprendrons pas le travail sans garantie », a déclaré le délégué syndical, "
    "Karim Benali.\n\n"
    "La direction a refusé de commenter."
)
ENGLISH = (
    "Strike at the Brevent plant\n\n"
    '"We will not go back to work without guarantees," said union delegate Karen Bell.\n\n'
    "According to the company, production has not stopped."
)


def run_ingest(capsys, *args):
    call_command("ingest", *args)
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_ingest_sync_json_prints_one_object_per_article(tmp_path, capsys):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    results = run_ingest(
        capsys, str(tmp_path / "fr.txt"), str(tmp_path / "en.txt"), "--sync", "--json"
    )
    assert [r["language"] for r in results] == ["fr", "en"]
    for result in results:
        assert {"id", "status", "error", "language", "title", "claims"} <= result.keys()
        assert result["status"] == "ready" and result["error"] == ""
        article = Article.objects.get(pk=result["id"])
        assert result["claims"] == article.mentions.count() >= 1
    assert results[0]["title"] == "Grève à l'usine de Brévent"


def test_ingest_takes_language_outlet_and_title(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [result] = run_ingest(
        capsys,
        str(path),
        "--sync",
        "--json",
        "--language",
        "en",
        "--outlet",
        "Herald",
        "--title",
        "T",
    )
    article = Article.objects.get(pk=result["id"])
    assert (article.title, article.outlet.name, article.language) == ("T", "Herald", "en")


def test_ingest_reports_an_empty_file_as_failed_and_keeps_it(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("ingest", str(path), "--sync", "--json")
    [result] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert result["status"] == "failed" and "no text" in result["error"]
    assert Article.objects.get(pk=result["id"]).status == "failed"


def test_ingest_explains_missing_and_non_utf8_files_and_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le délégué a déclaré".encode("latin-1"))
    with pytest.raises(CommandError, match="2 of 3"):
        call_command(
            "ingest", str(tmp_path / "nope.txt"), str(latin), str(good), "--sync", "--json"
        )
    captured = capsys.readouterr()
    results = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["status"] for r in results] == ["failed", "failed", "ready"]
    assert "no such file" in results[0]["error"]
    assert "not UTF-8" in results[1]["error"]
    assert Article.objects.count() == 1


def test_ingest_without_json_prints_a_readable_line(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    call_command("ingest", str(path), "--sync")
    out = capsys.readouterr().out
    assert "ready" in out and "claim(s)" in out


def test_ingest_stores_a_file_with_nul_bytes_cleaned_and_goes_on(tmp_path, capsys):
    (tmp_path / "nul.txt").write_text(ENGLISH.replace("plant", "pl\x00ant"), encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    results = run_ingest(
        capsys, str(tmp_path / "nul.txt"), str(tmp_path / "fr.txt"), "--sync", "--json"
    )
    assert [r["file"] for r in results] == [str(tmp_path / "nul.txt"), str(tmp_path / "fr.txt")]
    assert [r["status"] for r in results] == ["ready", "ready"]
    for result in results:
        assert set(result) == {
            "id", "status", "error", "language", "title", "claims", "file", "matches", "alerts"
        }  # fmt: skip
    assert Article.objects.get(pk=results[0]["id"]).text == ENGLISH


def test_ingest_ignores_a_utf8_bom(tmp_path, capsys):
    (tmp_path / "bom.txt").write_text(ENGLISH, encoding="utf-8-sig")
    [result] = run_ingest(capsys, str(tmp_path / "bom.txt"), "--json")
    assert result["title"] == "Strike at the Brevent plant"
    assert Article.objects.get(pk=result["id"]).text == ENGLISH
