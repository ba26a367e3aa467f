"""manage.py export_gold: the newsroom's reviewed articles in the format of ../shared/eval."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article
from claims import services
from claims.extraction.evaluation.scoring import load_corpus, score_document
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.usefixtures("roles")

# "the bridge would reopen" is said twice: the second claim's words are found earlier.
TEXT = (
    "Mayor Linda Okafor said that the bridge would reopen in March. "
    "The council denied that the contract had been signed. "
    'Engineer Sam Lee said: "the bridge would reopen in March"'
)


def _export(*args) -> str:
    out = StringIO()
    call_command("export_gold", *args, stdout=out)
    return out.getvalue()


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def article(journalist):
    article = ArticleFactory(
        text=TEXT, outlet=OutletFactory(name="Harbour Gazette"), title="Bridge",
        url="https://gazette.example/bridge",
        published_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 9)),
    )  # fmt: skip
    services.article_extract_claims(article=article)
    return article


def _review(article, journalist):
    """Accept the mayor, reject the council, add the engineer's quote by hand."""
    mayor = article.mentions.get(speaker="Linda Okafor")
    services.claim_create_from_mention(mention=mayor, statement="Bridge in March", by=journalist)
    for mention in article.mentions.exclude(pk=mayor.pk):
        services.mention_reject(mention=mention, by=journalist)
    start = TEXT.rindex("the bridge")
    added = services.mention_add(
        article=article, by=journalist, start=start, end=len(TEXT) - 1, speaker="Sam Lee",
        cue="said:", quote_type="direct",
    )  # fmt: skip
    services.mention_accept(mention=added, by=journalist, claim=mayor.claim)
    return mayor, added


def test_a_reviewed_article_is_written_with_its_accepted_statements(article, journalist, tmp_path):
    _review(article, journalist)
    out = tmp_path / "gold.jsonl"
    printed = _export("--out", str(out))
    (doc,) = _lines(out)
    assert doc["id"] == f"claimtrack-{article.pk}" and doc["language"] == "en"
    assert (doc["title"], doc["outlet"], doc["published"]) == (
        "Bridge",
        "Harbour Gazette",
        "2024-03-05",
    )
    assert doc["text"] == TEXT and doc["url"] == "https://gazette.example/bridge"
    mayor, engineer = doc["claims"]  # the council's denial was rejected: not gold
    assert mayor["speaker"] == ["Linda Okafor"] and mayor["cue"] == "said"
    assert mayor["content"] == "the bridge would reopen in March"
    assert TEXT[mayor["start"] : mayor["end"]] == mayor["content"]
    assert engineer == {
        "speaker": ["Sam Lee"], "speaker_type": "", "cue": "said:",
        "content": "the bridge would reopen in March", "quote_type": "direct",
        "stance": "asserts", "via": [], "start": TEXT.rindex("the bridge"), "end": len(TEXT) - 1,
    }  # fmt: skip
    assert "Wrote 1 reviewed article and 2 claims" in printed
    # The engineer's words are found earlier by text.find: said, and scored at the true span.
    assert "1 claims have their words earlier in the text" in printed
    (loaded,) = load_corpus(str(out))
    result = score_document(loaded, [dict(c, speaker=c["speaker"][0]) for c in loaded["claims"]])
    assert result.counts.matched == 2


def test_an_article_with_a_statement_waiting_is_not_written(article, journalist, tmp_path):
    first = article.mentions.first()
    services.mention_reject(mention=first, by=journalist)  # one decision, others pending
    untouched = ArticleFactory(text="Nobody said anything.")  # no decision at all
    assert untouched.mentions.count() == 0
    out = tmp_path / "gold.jsonl"
    assert "Wrote 0 reviewed articles and 0 claims" in _export("--out", str(out))
    assert out.read_text() == ""


def test_an_article_whose_statements_were_all_rejected_is_gold_with_no_claim(
    article, journalist, tmp_path
):
    for mention in article.mentions.all():
        services.mention_reject(mention=mention, by=journalist)
    out = tmp_path / "gold.jsonl"
    _export("--out", str(out))
    assert _lines(out)[0]["claims"] == []


def test_since_until_and_outlet_choose_the_articles(article, journalist, tmp_path):
    _review(article, journalist)
    out = tmp_path / "gold.jsonl"
    assert "Wrote 1 reviewed article" in _export("--since", "2024-03-05", "--out", str(out))
    assert "Wrote 0 reviewed articles" in _export("--since", "2024-03-06", "--out", str(out))
    assert "Wrote 0 reviewed articles" in _export("--until", "2024-03-04", "--out", str(out))
    OutletFactory(name="Valley Courier")
    assert "Wrote 1 reviewed article" in _export("--outlet", "harbour gazette", "--out", str(out))
    assert "Wrote 0 reviewed articles" in _export("--outlet", "Valley Courier", "--out", str(out))


def test_bad_input_gets_a_clear_error_and_loses_nothing(article, journalist, tmp_path):
    OutletFactory(name="Valley Courier")
    out = tmp_path / "gold.jsonl"
    out.write_text("an earlier export\n")
    with pytest.raises(CommandError, match="“2024-13-01” is not a date.*YYYY-MM-DD"):
        _export("--since", "2024-13-01", "--out", str(out))
    with pytest.raises(
        CommandError, match="No outlet is named “Le Monde”.*Harbour Gazette, Valley"
    ):
        _export("--outlet", "Le Monde", "--out", str(out))
    with pytest.raises(CommandError, match="--since is after --until"):
        _export("--since", "2024-03-02", "--until", "2024-03-01", "--out", str(out))
    with pytest.raises(CommandError, match="Cannot write .*missing/gold.jsonl"):
        _export("--out", str(tmp_path / "missing" / "gold.jsonl"))
    assert out.read_text() == "an earlier export\n"


def test_scored_only_leaves_out_articles_the_dashboard_cannot_score(article, journalist, tmp_path):
    _review(article, journalist)
    Article.objects.filter(pk=article.pk).update(version=2)  # the text changed since extraction
    out = tmp_path / "gold.jsonl"
    printed = _export("--out", str(out))
    assert "1 of them are not scored by the dashboard" in printed and len(_lines(out)) == 1
    printed = _export("--scored-only", "--out", str(out))
    assert "Wrote 0 reviewed articles" in printed and "left out, as the dashboard does" in printed


def test_load_corpus_scores_gold_at_its_offsets_and_refuses_wrong_ones(tmp_path):
    text = "He said yes. She said yes."
    second = {"content": "yes", "start": 22, "end": 25, "speaker": ["She"], "stance": "asserts"}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "claims": [second]}) + "\n")
    (doc,) = load_corpus(str(path))
    # A prediction at the true span matches; one at the first "yes" does not.
    assert score_document(doc, [{"start": 22, "end": 25}]).counts.matched == 1
    assert score_document(doc, [{"start": 8, "end": 11}]).counts.matched == 0
    path.write_text(json.dumps({"id": "a", "text": text, "claims": [dict(second, start=3)]}))
    with pytest.raises(ValueError, match="article a, claim 1: the text at start 3, end 25"):
        load_corpus(str(path))


def test_evaluate_against_a_bad_predictions_file_says_what_is_wrong(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "He said yes.", "claims": []}) + "\n")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"a": "not a list"}))
    with pytest.raises(CommandError, match="each with a list of claims"):
        call_command("evaluate_extraction", str(gold), "--against", str(wrong), stdout=StringIO())
    with pytest.raises(CommandError, match="Cannot read .*missing.json"):
        call_command(
            "evaluate_extraction", str(gold), "--against", str(tmp_path / "missing.json"),
            stdout=StringIO(),
        )  # fmt: skip
    with pytest.raises(CommandError, match="expected a .json or .jsonl file of predictions"):
        call_command("evaluate_extraction", str(gold), "--against", "p.txt", stdout=StringIO())
