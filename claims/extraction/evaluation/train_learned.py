"""Train the model of the learned construction (``constructions/learned.py``).

    python -m claims.extraction.evaluation.train_learned GOLD.jsonl [...] --language en \
        --out MODEL.json [--scorer ../shared/eval/polnear/score_adjusted.py] [--cache F.spacy]

GOLD files are in the format of ``../shared/eval``. Every article is extracted by the rules;
each candidate the learned construction would score (a verb and a complement no rule
claimed) is labelled by the annotation: positive when its span matches an annotated claim
(at least half of the candidate inside the claim, covering at least half of it or of one
of its fragments), negative when it matches none. With ``--scorer`` (PolNeAR, whose
annotation is broader than ours), only the claims that convention-adjusted scorer keeps in
scope are positives and candidates on the others are left out. A logistic model is fitted by
stochastic gradient descent (numpy, a minute on one CPU once parsed) and written as JSON:
feature -> weight, and the threshold. Use it with ``CLAIMTRACK_COMPLEMENT_MODEL_EN=MODEL.json``.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import time
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from .. import nlp_for, parsed_pieces
from ..runner import DocExtractor


def _everything(_claim) -> bool:
    return True


def _content_only(_text, _claim) -> list:
    return []


def scope_and_fragments(scorer: Path | None):
    """``in_scope`` and ``frags`` of the adjusted scorer (its definitions, not its run);
    without a scorer every claim is in scope and has no fragments but its content."""
    if scorer is None:
        return _everything, _content_only
    if not scorer.exists():
        raise SystemExit(f"{scorer}: the adjusted scorer is needed to label the candidates")
    source = scorer.read_text(encoding="utf-8").split("tot = collections.Counter()")[0]
    names: dict = {"__file__": str(scorer)}
    exec(compile(source, str(scorer), "exec"), names)  # noqa: S102 - our shared scorer
    return names["in_scope"], names["frags"]


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def label(span, golds) -> int | None:
    """1: matches an in-scope claim; 0: matches none; None (left out): matches an
    out-of-scope claim, or overlaps one, which the scorer ignores either way."""
    size = max(1, span[1] - span[0])
    for cover, fragments, in_scope in golds:
        o = _overlap(span, cover)
        if o < 0.5 * size:
            continue
        best = max(
            [_overlap(span, f) / max(1, f[1] - f[0]) for f in fragments]
            + [o / max(1, cover[1] - cover[0])]
        )
        if best >= 0.5:
            return 1 if in_scope else None
    if any(_overlap(span, cover) and not in_scope for cover, _, in_scope in golds):
        return None
    return 0


def collect(paths: list[str], language: str, scorer: Path | None, cache: Path | None = None):
    in_scope, frags = scope_and_fragments(scorer)
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            articles += [json.loads(line) for line in fh if line.strip()]
    articles = [a for a in articles if a.get("language") in (None, language)]  # its own
    golds = []
    for a in articles:
        gs = []
        for g in a["claims"]:
            s = a["text"].find(g["content"])
            if s < 0:
                continue
            cover = (s, s + len(g["content"]))
            gs.append((cover, frags(a["text"], g) or [cover], in_scope(g)))
        golds.append(gs)
    rows, labels = [], []
    for ti, start, original, doc in _pieces([a["text"] for a in articles], language, cache):
        ex = DocExtractor(doc, original, language, start)
        ex.learned_sink = []
        ex.run()
        for cand in ex.learned_sink:
            y = label((cand.chars[0] + start, cand.chars[1] + start), golds[ti])
            if y is not None:
                rows.append(cand.features)
                labels.append(y)
    return len(articles), rows, labels


def _pieces(texts: list[str], language: str, cache: Path | None):
    """parsed_pieces, kept in a DocBin at ``cache`` to train again without parsing again."""
    if cache is None:
        yield from parsed_pieces(texts, language)
        return
    if cache.exists():
        bin_ = DocBin().from_disk(cache)
        meta = json.loads(cache.with_suffix(".json").read_text())
        docs = bin_.get_docs(nlp_for(language).vocab)
        for (ti, start), doc in zip(meta, docs, strict=True):
            yield ti, start, texts[ti][start : start + len(doc.text)], doc
        return
    bin_, meta = DocBin(), []
    for ti, start, original, doc in parsed_pieces(texts, language):
        bin_.add(doc)
        meta.append((ti, start))
        yield ti, start, original, doc
    bin_.to_disk(cache)
    cache.with_suffix(".json").write_text(json.dumps(meta))


def fit(rows, labels, epochs: int, min_count: int, l2: float, prune: float, seed: int = 0):
    counts = collections.Counter(f for row in rows for f in set(row))
    vocab = {f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    X = [[vocab[f] for f in row if f in vocab] for row in rows]
    y = np.asarray(labels, dtype=float)
    w = np.zeros(len(vocab))
    rate = 0.1
    order = np.arange(len(X))
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            idx = X[k]
            z = float(w[idx].sum())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            w[idx] -= rate * ((p - y[k]) + l2 * w[idx])
        rate *= 0.8
    return {f: round(float(w[k]), 3) for f, k in vocab.items() if abs(w[k]) >= prune}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--language", default="en")
    parser.add_argument("--out", required=True)
    parser.add_argument("--scorer", type=Path, help="PolNeAR's score_adjusted.py: its scope")
    parser.add_argument("--threshold", type=float, default=0.85)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--prune", type=float, default=0.05, help="drop smaller weights")
    parser.add_argument("--cache", type=Path, help="keep the parsed articles in this DocBin")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    n, rows, labels = collect(args.gold, args.language, args.scorer, args.cache)
    t1 = time.perf_counter()
    weights = fit(rows, labels, args.epochs, args.min_count, args.l2, args.prune)
    model = {
        "threshold": args.threshold,
        "trained_on": f"{n} articles, {len(rows)} candidates ({sum(labels)} positive)",
        "weights": dict(sorted(weights.items())),
    }
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(model, fh, ensure_ascii=False, indent=0)
        fh.write("\n")
    print(
        f"{n} articles, {len(rows)} candidates ({sum(labels)} positive), "
        f"{len(weights)} weights; collected in {t1 - t0:.0f} s, fitted in "
        f"{time.perf_counter() - t1:.0f} s -> {args.out}"
    )


if __name__ == "__main__":
    main()
