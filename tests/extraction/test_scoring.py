"""The scoring rule of eval/README.md, on small hand-made cases."""

import pytest

from claims.extraction.evaluation.scoring import (
    by_construction,
    confidence_bands,
    evaluate,
    format_tally_table,
    gold_construction,
    load_corpus,
    match,
    normalize_speaker,
    recall_by_gold_construction,
    score_document,
    speaker_matches,
)

TEXT = "Le maire a dit que la route fermera. Il a ajouté que le pont restera ouvert."


def gold(content, speaker, stance="asserts", quote_type="indirect"):
    return {"content": content, "speaker": speaker, "stance": stance, "quote_type": quote_type}


def pred(content, speaker, stance="asserts", quote_type="indirect", text=TEXT):
    start = text.index(content)
    return {
        "start": start,
        "end": start + len(content),
        "content": content,
        "speaker": speaker,
        "stance": stance,
        "quote_type": quote_type,
    }


def test_overlap_must_cover_half_of_each_span():
    assert match([(0, 10)], [(0, 5)]) == [(0, 0)]
    assert match([(0, 10)], [(0, 4)]) == []  # covers under half of gold
    assert match([(0, 4)], [(0, 10)]) == []  # covers under half of the prediction


def test_matching_is_one_to_one_largest_overlap_first():
    # both predictions overlap gold 0; the larger overlap wins, the other is spurious
    assert match([(0, 10)], [(0, 6), (0, 10)]) == [(0, 1)]
    assert match([(0, 10), (10, 20)], [(0, 10), (2, 12)]) == [(0, 0)]


def test_equal_overlaps_go_to_the_later_prediction_as_in_the_reference():
    assert match([(0, 10)], [(0, 10), (0, 10)]) == [(0, 1)]
    assert match([(0, 10), (0, 10)], [(0, 10), (0, 10)]) == [(0, 0), (1, 1)]


def test_spanless_claims_match_nothing():
    assert match([None, (0, 10)], [(0, 10), None]) == [(1, 0)]


def test_gold_content_missing_from_the_text_counts_as_a_miss():
    doc = {
        "id": "d",
        "language": "fr",
        "text": TEXT,
        "claims": [gold("la route fermera", ["Le maire"]), gold("pas dans le texte", ["X"])],
    }
    result = score_document(doc, [pred("la route fermera", "Le maire")])
    assert (result.counts.gold, result.counts.matched) == (2, 1)
    assert result.misses[0]["content"] == "pas dans le texte"


def test_speaker_normalisation_drops_case_accents_and_articles():
    assert normalize_speaker("Le Ministère de l’Économie") == ["ministere", "economie"]
    assert normalize_speaker("the head of his party") == ["head", "of", "party"]


def test_curly_and_straight_apostrophes_both_separate_an_article():
    assert normalize_speaker("l’Agence régionale") == normalize_speaker("l'Agence régionale")
    assert speaker_matches("l’ARS", ["ARS"])


def test_honorifics_are_dropped():
    assert normalize_speaker("M. Jean Roux") == ["jean", "roux"]
    assert normalize_speaker("Mme Claire Dubois") == ["claire", "dubois"]
    assert normalize_speaker("Me Anne Petit, avocate") == ["anne", "petit", "avocate"]
    assert normalize_speaker("Dr. Alan Grant") == ["alan", "grant"]
    # strict: the resolved name is "Jean Roux", written without the honorific
    assert speaker_matches("M. Roux", ["Jean Roux"])
    assert speaker_matches("Mrs Patel", ["Priya Patel"])
    assert not speaker_matches("Mlle", ["Léa Martin"])  # nothing left once it is dropped


def test_lenient_speaker_accepts_containment_either_way():
    assert speaker_matches("le ministre Paul Martin", ["Paul Martin"])
    assert speaker_matches("Martin", ["Paul Martin"])
    assert not speaker_matches("Martine", ["Paul Martin"])  # word for word, not characters


def test_bare_pronoun_never_counts():
    assert not speaker_matches("il", ["Paul Martin", "il"])
    assert not speaker_matches("She", ["she"])
    assert not speaker_matches("", ["Paul Martin"])
    assert not speaker_matches("who", ["the minister, who", "who"])
    assert not speaker_matches("Celui-ci", ["celui-ci"])
    assert not speaker_matches("qui", ["le directeur, qui"])


def test_a_pronoun_alternative_does_not_make_a_longer_speaker_right():
    assert not speaker_matches("il a dit", ["Paul Martin", "il"])


def test_a_speaker_of_more_than_twelve_words_never_counts():
    long = (
        "the minister Paul Martin, speaking last night to members of the finance committee in Paris"
    )
    assert not speaker_matches(long, ["Paul Martin"])


def test_strict_speaker_uses_only_the_first_alternative():
    doc = {
        "id": "d",
        "language": "fr",
        "text": TEXT,
        "claims": [gold("la route fermera", ["Jean Roux", "Le maire"])],
    }
    result = score_document(doc, [pred("la route fermera", "Le maire")])
    assert result.counts.speaker_lenient == 1
    assert result.counts.speaker_strict == 0


def test_precision_recall_f1_and_accuracies():
    doc = {
        "id": "d",
        "language": "fr",
        "text": TEXT,
        "claims": [
            gold("la route fermera", ["Le maire"]),
            gold("le pont restera ouvert", ["Le maire", "Il"], stance="asserts"),
        ],
    }

    def extract_fn(text, language):
        return [pred("la route fermera", "Le maire", stance="denies"), pred("Le maire a dit", "X")]

    report = evaluate([doc], extract_fn)
    c = report.by_language["fr"]
    assert (c.gold, c.predicted, c.matched) == (2, 2, 1)
    assert c.precision == 0.5 and c.recall == 0.5 and c.f1 == 0.5
    assert c.rate("stance") == 0.0 and c.rate("speaker_lenient") == 1.0
    assert report.docs[0].misses[0]["content"] == "le pont restera ouvert"
    assert report.docs[0].spurious[0]["content"] == "Le maire a dit"


def test_load_corpus_reads_jsonl_and_json(tmp_path):
    line = '{"id": "a", "language": "en", "text": "x", "claims": []}'
    (tmp_path / "c.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    (tmp_path / "c.json").write_text("[" + line + "]", encoding="utf-8")
    assert len(load_corpus(str(tmp_path / "c.jsonl"))) == 2
    assert len(load_corpus(str(tmp_path / "c.json"))) == 1


def test_load_corpus_rejects_bad_json(tmp_path):
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_corpus(str(tmp_path / "bad.jsonl"))


def _claim(content, speaker, rule, confidence, text=TEXT):
    return {**pred(content, speaker, text=text), "rule": rule, "confidence": confidence}


def _report():
    doc = {
        "id": "d",
        "language": "fr",
        "text": TEXT,
        "claims": [
            gold("la route fermera", ["Le maire"]) | {"cue": "a dit que"},
            gold("le pont restera ouvert", ["Le maire", "Il"]) | {"cue": "a ajouté que"},
        ],
    }
    predicted = [
        _claim("la route fermera", "Le maire", "complement", 0.9),  # right
        _claim("le pont restera ouvert", "Il", "complement", 0.8),  # matched, pronoun speaker
        _claim("Le maire a dit", "X", "object", 0.5),  # spurious
    ]
    return evaluate([doc], lambda text, language: predicted)


def test_by_construction_counts_predictions_per_rule():
    rows = by_construction(_report())
    assert list(rows) == ["complement", "object"]
    assert (rows["complement"].total, rows["complement"].matched) == (2, 2)
    assert rows["complement"].speaker_ok == 1
    assert (rows["object"].total, rows["object"].matched, rows["object"].rate) == (1, 0, 0.0)


def test_gold_construction_tells_according_to_colon_postposed_and_verb():
    text = "« Tout va bien », a-t-il dit. Selon Paul, il pleut. Ana a dit : « Non ». Ana pense que oui."
    for content, cue, quote_type, expected in [
        ("Tout va bien", "a-t-il dit", "direct", "direct postposed"),
        ("il pleut", "Selon", "indirect", "indirect according_to"),
        ("Non", "a dit :", "direct", "direct colon"),
        ("oui", "pense que", "indirect", "indirect verb"),
        ("oui", "", "indirect", "indirect no cue"),
    ]:
        claim = {"content": content, "cue": cue, "quote_type": quote_type}
        start = text.index(content)
        assert gold_construction(claim, text, (start, start + len(content))) == expected


def test_recall_by_gold_construction():
    rows = recall_by_gold_construction(_report())
    assert (rows["indirect verb"].total, rows["indirect verb"].matched) == (2, 2)
    assert rows["indirect verb"].speaker_ok == 1


def test_confidence_bands_put_each_prediction_in_one_band_the_last_closed():
    bands = dict(confidence_bands(_report(), edges=(0.0, 0.5, 0.85, 1.0)))
    assert list(bands) == ["[0.00, 0.50)", "[0.50, 0.85)", "[0.85, 1.00]"]
    assert (bands["[0.00, 0.50)"].total, bands["[0.50, 0.85)"].total) == (0, 2)
    assert (bands["[0.50, 0.85)"].matched, bands["[0.85, 1.00]"].matched) == (1, 1)
    top = dict(confidence_bands(_report(), edges=(0.0, 0.9)))
    assert top["[0.00, 0.90]"].total == 3  # 0.9 falls in the closed last band


def test_predictions_without_confidence_have_their_own_band():
    doc = {"id": "d", "language": "fr", "text": TEXT, "claims": []}
    report = evaluate([doc], lambda text, language: [pred("la route fermera", "Le maire")])
    bands = dict(confidence_bands(report))
    assert bands["none"].total == 1
    assert format_tally_table("confidence", bands.items(), "P").splitlines()[-1].startswith("none")
