"""The hedges the extractor reports (issue 13), on the annotated set of ``hedge_cases``.

``python -m tests.extraction.test_hedges`` prints precision and recall per hedge kind.
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from claims.extraction import extract
from claims.extraction.types import HEDGES

from .hedge_cases import CASES, Case


def _found(case: Case) -> dict[str, tuple[str, ...] | None]:
    """Per expected fragment, the hedges of the claim holding it (None: no such claim)."""
    claims = extract(case.text, case.lang)
    out: dict[str, tuple[str, ...] | None] = {}
    for fragment in case.expected:
        holding = [c for c in claims if fragment in c.content]
        out[fragment] = (
            tuple(min(holding, key=lambda c: len(c.content)).hedges) if holding else None
        )
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.text[:50] for c in CASES])
def test_hedges_of_each_annotated_sentence(case):
    found = _found(case)
    wanted = {
        fragment: case.miss[fragment][0] if fragment in case.miss else hedges
        for fragment, hedges in case.expected.items()
    }
    assert found == wanted


def test_the_set_covers_every_hedge_kind_both_languages_and_bare_statements():
    assert len(CASES) >= 40
    for lang in ("fr", "en"):
        kinds = {h for c in CASES if c.lang == lang for hs in c.expected.values() for h in hs}
        assert kinds >= set(HEDGES) - ({"conditional"} if lang == "en" else set())
        assert any(hs == () for c in CASES if c.lang == lang for hs in c.expected.values())


def test_hedges_come_in_the_order_of_HEDGES_without_duplicates():
    text = "Selon des sources proches du dossier, le ministre aurait prétendument démissionné."
    claim = extract(text, "fr")[0]
    assert claim.hedges == ["conditional", "allegedly", "anonymous", "attributed"]
    assert claim.to_dict()["hedges"] == claim.hedges


def test_english_has_no_conditional_hedge_even_for_a_conditional_main_clause():
    claims = extract("Russia would have supplied the drones, according to the newspaper.", "en")
    assert claims and "conditional" not in claims[0].hedges


def test_extract_claims_json_has_the_hedges_of_every_claim(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(
        "Selon des sources proches du dossier, le ministre serait sur le départ. "
        "« Nous ne céderons pas », a déclaré la Première ministre.",
        encoding="utf-8",
    )
    call_command("extract_claims", str(path), "--language", "fr")
    claims = json.loads(capsys.readouterr().out)[0]["claims"]
    assert [c["hedges"] for c in claims] == [["conditional", "anonymous", "attributed"], []]


def scores() -> dict[str, tuple[int, int, int]]:
    """Per kind: (true positives, false positives, false negatives) on the set."""
    counts = {kind: [0, 0, 0] for kind in HEDGES}
    for case in CASES:
        for fragment, got in _found(case).items():
            want = set(case.expected[fragment])
            got_set = set(got or ())
            for kind in HEDGES:
                if kind in want and kind in got_set:
                    counts[kind][0] += 1
                elif kind in got_set:
                    counts[kind][1] += 1
                elif kind in want:
                    counts[kind][2] += 1
    return {kind: tuple(v) for kind, v in counts.items()}


def test_precision_and_recall_per_kind_on_the_set():
    for kind, (tp, fp, fn) in scores().items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        assert precision >= 0.9 and recall >= 0.85, (kind, tp, fp, fn)


if __name__ == "__main__":  # pragma: no cover - a report, not a test
    print(f"{'hedge':12} {'tp':>3} {'fp':>3} {'fn':>3} {'P':>6} {'R':>6}")
    for kind, (tp, fp, fn) in scores().items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{kind:12} {tp:3} {fp:3} {fn:3} {p:6.3f} {r:6.3f}")
