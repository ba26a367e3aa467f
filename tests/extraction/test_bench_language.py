"""The language identification benchmark reads a JSONL file and counts every head it cuts."""

import json
import sys

from claims.extraction.evaluation import bench_language


def test_the_benchmark_counts_right_wrong_and_no_answers_per_head(tmp_path, monkeypatch, capsys):
    articles = [
        {"language": "fr", "title": "La mairie ouvrira trois écoles en septembre",
         "text": "« Nous ouvrirons trois écoles en septembre », a déclaré la maire. " * 5},
        {"language": "en", "text": "Emmanuel Macron. The minister said on Monday that the "
         "reform would pass before the summer, according to officials. " * 5},
    ]  # fmt: skip
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["bench_language", str(path)])
    bench_language.main()
    rows = {tuple(line.split()[:-1]) for line in capsys.readouterr().out.splitlines()}
    assert ("title", "fr", "1", "0", "0") in rows
    assert ("full", "fr", "1", "0", "0") in rows and ("full", "en", "1", "0", "0") in rows
    assert ("sentence", "en", "0", "0", "1") in rows  # "Emmanuel Macron." is no answer
