"""Precision and recall of the matcher (claims.matching) on the labelled pairs.

    python -m claims.matching_eval                 # the shipped weights and threshold
    python -m claims.matching_eval --errors        # also the tuning half's mistakes
    python -m claims.matching_eval --fit           # fit weights on the tuning half only

claims/matching_pairs.jsonl holds pairs of statements the team wrote (never text of
/work/shared/eval or PolNeAR), each labelled same claim or not, with hard negatives (same
speaker, same places, another claim). Each pair belongs to a half, `tune` or `held`, two
scenarios (a positive and its hard negative) at a time, so a paraphrase and its negative
stay together. Weights and threshold are chosen on `tune`; `held` says how that carries over.
No database is needed.
"""

import argparse
import json
import math
import os
from pathlib import Path

PAIRS = Path(__file__).with_name("matching_pairs.jsonl")
# Pairs written by someone who never saw the matcher (nor the pairs above), halved by id:
# "blind-tune" was looked at (to set claims.matching's hand-set weights), "blind-held" never.
# The fitted weights come from "tune" alone.
BLIND = Path(__file__).with_name("matching_pairs_blind.jsonl")
TUNING = ("tune", "blind-tune")
LANGS = ["en-en", "fr-fr", "fr-en"]


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _langs(pair: dict) -> tuple[str, str]:
    a, b = pair["lang"].split("-")
    return a, b


def pair_vectors(pairs: list[dict]) -> list[dict[str, float]]:
    from claims import matching

    vectors = []
    for pair in pairs:
        lang_a, lang_b = _langs(pair)
        a = matching.features(pair["text_a"], lang_a, pair.get("speaker_a", ""))
        b = matching.features(pair["text_b"], lang_b, pair.get("speaker_b", ""))
        vectors.append(matching.pair_features(a, b))
    return vectors


def scores(pairs: list[dict], weights: dict | None = None) -> list[float]:
    from claims import matching

    weights = weights or matching.WEIGHTS
    out = []
    for values in pair_vectors(pairs):
        z = weights["bias"] + sum(weights[n] * values[n] for n in matching.FEATURE_NAMES)
        out.append(1 / (1 + math.exp(-z)))
    return out


def prf(labels: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(labels), "tp": tp, "fp": fp, "fn": fn, "p": precision, "r": recall, "f1": f1}


def table(pairs: list[dict], threshold: float, weights: dict | None = None) -> dict:
    """{(split, lang): prf} with lang one of LANGS or "all", split "tune", "held" or "all"."""
    found = scores(pairs, weights)
    result = {}
    for split in [*splits_of(pairs), "all"]:
        for lang in [*LANGS, "all"]:
            chosen = [
                (p["same"], s >= threshold)
                for p, s in zip(pairs, found, strict=True)
                if split in ("all", p["split"]) and lang in ("all", p["lang"])
            ]
            if chosen:
                labels, predicted = zip(*chosen, strict=True)
                result[(split, lang)] = prf(list(labels), list(predicted))
    return result


def splits_of(pairs: list[dict]) -> list[str]:
    """The halves present, in the order met ("tune", "held"; "blind" for a set given)."""
    return list(dict.fromkeys(p["split"] for p in pairs))


def fit(pairs: list[dict], *, l2: float = 0.02, steps: int = 4000, rate: float = 0.5) -> dict:
    """Logistic regression by gradient descent on the pairs given (the tuning half)."""
    from claims import matching

    names = matching.FEATURE_NAMES
    vectors = pair_vectors(pairs)
    labels = [1.0 if p["same"] else 0.0 for p in pairs]
    w = {n: 0.0 for n in names} | {"bias": 0.0}
    for _ in range(steps):
        grad = {n: 0.0 for n in w}
        for x, y in zip(vectors, labels, strict=True):
            z = w["bias"] + sum(w[n] * x[n] for n in names)
            err = 1 / (1 + math.exp(-z)) - y
            grad["bias"] += err
            for n in names:
                grad[n] += err * x[n]
        for n in w:
            penalty = l2 * w[n] if n != "bias" else 0.0
            w[n] -= rate * (grad[n] / len(vectors) + penalty)
    return {n: round(v, 2) for n, v in w.items()}


def retrieval(pairs: list[dict], split: str = "all") -> tuple[int, int]:
    """How many positive pairs would be proposed end to end, both directions (A's candidate
    query finds B and the score passes the threshold, and B's finds A): (found, asked)."""
    from claims import matching

    found = total = 0
    for pair, value in zip(pairs, scores(pairs), strict=True):
        if not pair["same"] or split not in ("all", pair["split"]):
            continue
        lang_a, lang_b = _langs(pair)
        a = matching.features(pair["text_a"], lang_a, pair.get("speaker_a", ""))
        b = matching.features(pair["text_b"], lang_b, pair.get("speaker_b", ""))
        if value >= matching.THRESHOLD:  # the score is symmetric
            found += matching.retrievable(a, b) + matching.retrievable(b, a)
        total += 2
    return found, total


def best_threshold(pairs: list[dict], weights: dict | None = None) -> float:
    """The threshold of best F1 among those with precision ≥ 0.9 (on the pairs given)."""
    found = scores(pairs, weights)
    labels = [p["same"] for p in pairs]
    best, best_f1 = 0.5, -1.0
    for step in range(5, 96):
        t = step / 100
        result = prf(labels, [s >= t for s in found])
        if result["p"] >= 0.9 and result["f1"] > best_f1:
            best, best_f1 = t, result["f1"]
    return best


def print_table(result: dict, threshold: float) -> None:
    print(f"threshold {threshold:.2f}")
    print(f"{'half':5} {'pairs':6} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn")
    for (split, lang), r in result.items():
        print(
            f"{split:5} {lang:6} {r['n']:4d} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f}"
            f"  {r['tp']:2d} {r['fp']:2d} {r['fn']:2d}"
        )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    import django

    django.setup()
    from claims import matching

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fit", action="store_true", help="Fit weights on the tuning half")
    parser.add_argument("--errors", action="store_true", help="Show the tuning half's errors")
    parser.add_argument(
        "--pairs",
        type=Path,
        action="append",
        help="A labelled set in the same format (its own `split` names its halves); "
        "default: matching_pairs.jsonl and matching_pairs_blind.jsonl",
    )
    args = parser.parse_args()
    pairs = [p for path in args.pairs or [PAIRS, BLIND] for p in load_pairs(path)]
    weights, threshold = matching.WEIGHTS, matching.THRESHOLD
    if args.fit:
        tune = [p for p in pairs if p["split"] == "tune"]
        weights = fit(tune) | {n: matching.WEIGHTS[n] for n in matching.HAND_SET}
        threshold = best_threshold(tune, weights)
        print("fitted on the tuning half:", json.dumps(weights))
    print_table(table(pairs, threshold, weights), threshold)
    for split in [*splits_of(pairs), "all"]:
        found, total = retrieval(pairs, split)
        print(
            f"end to end ({split}): retrieved and above the threshold, {found} of {total} "
            f"positive directions (recall {found / total:.3f})"
        )
    if args.errors:
        for pair, s in zip(pairs, scores(pairs, weights), strict=True):
            if pair["split"] in TUNING and (s >= threshold) != pair["same"]:
                print(f"\n{pair['id']} same={pair['same']} score={s:.2f} ({pair['note']})")
                print("  A:", pair["text_a"], "|", pair["speaker_a"])
                print("  B:", pair["text_b"], "|", pair["speaker_b"])


if __name__ == "__main__":
    main()
