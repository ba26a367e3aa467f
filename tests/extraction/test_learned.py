"""The opt-in learned construction and its training script, on articles written for these tests."""

import json

import pytest

from claims.extraction import extract
from claims.extraction.constructions import learned
from claims.extraction.evaluation import train_learned

ENV = "CLAIMTRACK_COMPLEMENT_MODEL_EN"

# "outlined" is no verb of the lexicon: only a model reads its object as a claim
TRAINING = [
    (
        "Health minister Ana Brook outlined a plan to hire two thousand nurses.",
        "a plan to hire two thousand nurses",
    ),
    (
        "The mayor, Tim Volk, outlined a scheme to rebuild the old harbour.",
        "a scheme to rebuild the old harbour",
    ),
    (
        "Senator Rhea Lund outlined a proposal to cut the fuel tax by half.",
        "a proposal to cut the fuel tax by half",
    ),
    (
        "Union leader Bo Garr outlined a strategy to win back the lost members.",
        "a strategy to win back the lost members",
    ),
    (
        "Director Ivy Moss outlined a timetable to open the new wing by June.",
        "a timetable to open the new wing by June",
    ),
    ("The governor, Pia Rand, visited the flooded villages along the river.", None),
    ("Coach Lev Orn watched the training session from the stands on Tuesday.", None),
    ("Engineer Mo Taft repaired the broken pumps at the station last week.", None),
    ("The council leader, Uma Hask, opened the new library in the town centre.", None),
    ("Chef Rui Dahl cooked a dinner for three hundred guests at the festival.", None),
]


def _gold_file(path):
    with open(path, "w", encoding="utf-8") as fh:
        for k, (sentence, content) in enumerate(TRAINING):
            claims = []
            if content:
                claims.append(
                    {
                        "speaker": [sentence.split(" outlined")[0]],
                        "content": content,
                        "cue": "outlined",
                        "quote_type": "indirect",
                        "stance": "asserts",
                    }
                )
            fh.write(
                json.dumps({"id": f"t{k}", "language": "en", "text": sentence, "claims": claims})
                + "\n"
            )


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("learned")
    _gold_file(folder / "gold.jsonl")
    out = folder / "model.json"
    train_learned.main(
        [
            str(folder / "gold.jsonl"),
            "--out",
            str(out),
            "--min-count",
            "1",
            "--threshold",
            "0.5",
            "--prune",
            "0",
        ]
    )
    return out


def test_training_writes_a_model_that_prefers_the_annotated_verb(model_path):
    model = json.loads(model_path.read_text())
    assert model["threshold"] == 0.5
    assert "10 articles" in model["trained_on"]
    weights = model["weights"]
    assert weights["lemma=outline"] > 0
    assert weights["lemma=visit"] < 0


def test_without_a_model_the_construction_is_silent(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    found = extract("Trade envoy Kai Brun outlined a plan to open three new ports.", "en")
    assert not [c for c in found if c.rule == "learned"]


def test_with_a_model_a_verb_outside_the_lexicon_reports_its_object(monkeypatch, model_path):
    monkeypatch.setenv(ENV, str(model_path))
    found = [
        c
        for c in extract("Trade envoy Kai Brun outlined a plan to open three new ports.", "en")
        if c.rule == "learned"
    ]
    assert len(found) == 1
    assert found[0].speaker == "Kai Brun"
    assert found[0].content == "a plan to open three new ports"
    assert found[0].cue == "outlined"
    assert 0.5 <= found[0].confidence <= 1


def test_the_model_does_not_read_a_plain_action_as_a_claim(monkeypatch, model_path):
    monkeypatch.setenv(ENV, str(model_path))
    found = extract("Firefighter Ola Penn visited the school in the north of the city.", "en")
    assert not [c for c in found if c.rule == "learned"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a verb the lexicon leaves out on purpose: a hope is no claim
        "Trade envoy Kai Brun hoped for a plan to open three new ports.",
        # a participle: the writer's reading, not the speaker's words
        "Kai Brun spoke on Monday, outlining a plan to open three new ports.",
    ],
)
def test_non_claim_verbs_and_participles_are_no_candidates(monkeypatch, model_path, sentence):
    monkeypatch.setenv(ENV, str(model_path))
    assert not [c for c in extract(sentence, "en") if c.rule == "learned"]


def test_label_follows_the_span_matching_rule():
    gold = [((10, 50), [(10, 50)], True), ((100, 140), [(100, 140)], False)]
    assert train_learned.label((12, 48), gold) == 1  # inside and covering the claim
    assert train_learned.label((60, 90), gold) == 0  # on no claim
    assert train_learned.label((102, 138), gold) is None  # on an out-of-scope claim: left out
    assert train_learned.label((0, 200), gold) is None  # mostly outside, touching one out of scope


def test_probability_is_a_logistic_of_the_summed_weights():
    model = learned.Model({"a": 2.0, "b": -1.0}, 0.5)
    assert model.probability(("a", "b")) == pytest.approx(1 / (1 + 2.718281828**-1.0), rel=1e-6)
    assert model.probability(("unknown",)) == 0.5
