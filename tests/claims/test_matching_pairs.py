"""The labelled pair set and the matcher's precision and recall on it (issue 13's target)."""

from collections import Counter

import pytest

from claims import matching
from claims.matching_eval import LANGS, best_threshold, fit, load_pairs, retrieval, table

TARGET_PRECISION, TARGET_RECALL = 0.90, 0.75


@pytest.fixture(scope="module")
def pairs():
    return load_pairs()


def test_pair_set_has_enough_pairs_a_third_across_languages_and_hard_negatives(pairs):
    assert len(pairs) >= 160
    langs = Counter(p["lang"] for p in pairs)
    assert set(langs) == set(LANGS)
    assert langs["fr-en"] * 3 >= len(pairs)
    assert {p["split"] for p in pairs} == {"tune", "held"}
    for pair in pairs:
        assert {"lang", "text_a", "speaker_a", "text_b", "speaker_b", "same", "note"} <= set(pair)
    negatives = [p for p in pairs if not p["same"]]
    # Hard negatives: the two statements share a speaker word or a name.
    hard = [
        p for p in negatives
        if matching.features(p["text_a"], p["lang"][:2], p["speaker_a"]).speaker
        & matching.features(p["text_b"], p["lang"][3:], p["speaker_b"]).speaker
        or matching.features(p["text_a"], p["lang"][:2]).names
        & matching.features(p["text_b"], p["lang"][3:]).names
    ]  # fmt: skip
    assert len(hard) >= len(negatives) // 2
    assert len({(p["text_a"], p["text_b"]) for p in pairs}) == len(pairs)


@pytest.mark.parametrize("lang", ["all", "fr-en"])
def test_shipped_threshold_meets_the_target_on_the_whole_set(pairs, lang):
    result = table(pairs, matching.THRESHOLD)[("all", lang)]
    assert result["p"] >= TARGET_PRECISION, result
    assert result["r"] >= TARGET_RECALL, result


@pytest.mark.parametrize("lang", ["all", "fr-en"])
def test_held_half_stays_near_the_target(pairs, lang):
    """The half never tuned on: recall holds; precision may dip a little below 0.90 there
    (0.91 overall, 0.88 fr-en when last measured: 4 and 2 false matches), not further."""
    result = table(pairs, matching.THRESHOLD)[("held", lang)]
    assert result["p"] >= 0.85, result
    assert result["r"] >= TARGET_RECALL, result


def test_shipped_weights_are_those_fitted_on_the_tuning_half(pairs):
    """The weights in claims.matching come from the tuning half alone (refit them with
    `python -m claims.matching_eval --fit` after changing features or the lexicon)."""
    tune = [p for p in pairs if p["split"] == "tune"]
    fitted = fit(tune)
    for name, value in fitted.items():
        if name not in matching.HAND_SET:
            assert matching.WEIGHTS[name] == pytest.approx(value, abs=0.02), name
    assert best_threshold(tune, fitted) == pytest.approx(matching.THRESHOLD)


def test_the_candidate_query_finds_most_positives_end_to_end(pairs):
    """Retrieval (claims.matching.retrievable mirrors CANDIDATE_SQL) then the threshold."""
    found, total = retrieval(pairs, "all")
    assert found / total >= TARGET_RECALL, (found, total)


def test_opposite_claims_about_the_same_things_score_low():
    from claims import matching

    same_things = matching.score(
        "les prix de l'électricité vont augmenter de 10 % en janvier", "fr",
        "electricity prices will fall by 10% in January", "en",
    )  # fmt: skip
    restated = matching.score(
        "les prix de l'électricité vont augmenter de 10 % en janvier", "fr",
        "electricity prices will rise by 10% in January", "en",
    )  # fmt: skip
    assert restated >= matching.THRESHOLD > same_things


def test_pairs_written_blind_are_measured_and_kept_apart():
    """The pairs written by someone who never saw the matcher (claims/matching_pairs_blind):
    half for choosing, half never looked at. Far below the target on the held half: a floor
    against losing ground, not a claim of quality (see the README)."""
    from claims.matching_eval import BLIND

    pairs = load_pairs(BLIND)
    assert len(pairs) >= 120 and {p["split"] for p in pairs} == {"blind-tune", "blind-held"}
    assert sum(p["lang"] == "fr-en" for p in pairs) >= len(pairs) / 3
    from claims import matching

    held = table(pairs, matching.THRESHOLD)[("blind-held", "all")]
    assert held["p"] >= 0.6 and held["r"] >= 0.7
