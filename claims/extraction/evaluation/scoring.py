"""Scoring of extracted claims against gold annotations (see eval/README.md).

A prediction matches a gold claim when their character spans overlap by at least
half of *each* span; matching is one-to-one, largest overlap first. Precision,
recall and F1 count matches. Among matches, speaker accuracy is lenient (the
normalised predicted speaker contains, word for word, or is contained in one of
the gold alternatives; a bare pronoun never counts) and strict (the same test
against the first, resolved, gold name only). Stance and quote-type accuracy are
exact.

The rule is the one of the reference scorer (``eval/score.py``), including its
details: articles, ``de``/``d`` and possessives are dropped along with honorifics;
gold alternatives that are pronouns are ignored; a predicted speaker of more than
12 words never counts; ties between equal overlaps go to the later gold claim and
prediction. One deliberate difference: every apostrophe separates words
(``l’Agence`` is ``agence``, as ``l'Agence`` is), where the reference drops the
curly one and keeps ``lagence``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# Articles, "de"/"d" and possessives, then honorifics: dropped from speakers before comparing.
ARTICLES = frozenset(
    {"le", "la", "les", "l", "the", "a", "an", "un", "une", "des", "du", "de", "d"}
    | {"son", "sa", "ses", "his", "her"}
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "m", "mme", "mlle", "mgr", "me"})
STOPWORDS = ARTICLES | HONORIFICS
# A predicted speaker that is one of these (after normalisation) is never right: resolve it.
PRONOUNS = frozenset(
    {
        "il",
        "elle",
        "ils",
        "elles",
        "lui",
        "eux",
        "qui",
        "lequel",
        "laquelle",
        "celui",
        "celle",
        "ceux",
        "celles",
        "celui ci",
        "celle ci",
        "ceux ci",
        "celles ci",
        "on",
        "je",
        "nous",
        "vous",
        "he",
        "she",
        "they",
        "him",
        "them",
        "it",
        "we",
        "i",
        "you",
        "who",
        "whom",
    }
)
MAX_SPEAKER_WORDS = 12
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u00b4\u0060\u2032"})


def normalize_speaker(name: str | None) -> list[str]:
    """Lower case, no accents, articles or honorifics, split into words."""
    if not name:
        return []
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    chars = []
    for c in text:
        if c.isascii():
            chars.append(c.lower() if c.isalnum() else " ")
        elif not unicodedata.category(c).startswith(("L", "M", "N")):
            chars.append(" ")  # non-ASCII punctuation and spaces separate words
        # accents and letters with no ASCII form are dropped, as in the reference
    return [w for w in "".join(chars).split() if w not in STOPWORDS]


def _is_pronoun(words: list[str]) -> bool:
    return " ".join(words) in PRONOUNS


def _contains(big: list[str], small: list[str]) -> bool:
    if not small or len(small) > len(big):
        return False
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def speaker_matches(predicted: str | None, alternatives: list[str]) -> bool:
    """Lenient speaker test against any of ``alternatives``."""
    pred = normalize_speaker(predicted)
    if not pred or _is_pronoun(pred) or len(pred) > MAX_SPEAKER_WORDS:
        return False
    for alt in alternatives:
        gold = normalize_speaker(alt)
        if not gold or _is_pronoun(gold):
            continue
        if _contains(pred, gold) or _contains(gold, pred):
            return True
    return False


def _gold_speakers(claim: dict) -> list[str]:
    speaker = claim.get("speaker")
    if speaker is None:
        return []
    if isinstance(speaker, str):
        return [speaker]
    return [s for s in speaker if s]


def _span(claim: Any, text: str) -> tuple[int, int] | None:
    """(start, end) of a gold or predicted claim; None when it has none."""
    if isinstance(claim, dict):
        if "start" in claim and "end" in claim:
            try:
                return int(claim["start"]), int(claim["end"])
            except (TypeError, ValueError):
                return None
        content = claim.get("content") or ""
        pos = text.find(content) if content else -1
        return (pos, pos + len(content)) if pos >= 0 else None
    return claim.start, claim.end


def _get(claim: Any, key: str) -> Any:
    return claim.get(key) if isinstance(claim, dict) else getattr(claim, key, None)


def match(
    gold: list[tuple[int, int] | None], pred: list[tuple[int, int] | None]
) -> list[tuple[int, int]]:
    """One-to-one matching, largest overlap first. Returns (gold index, pred index) pairs.

    Spans that are None (a gold content not found in the text, a prediction without
    offsets) match nothing. Equal overlaps go to the later gold claim, then the later
    prediction, as in the reference scorer.
    """
    candidates = []
    for gi, gspan in enumerate(gold):
        if gspan is None:
            continue
        gs, ge = gspan
        for pi, pspan in enumerate(pred):
            if pspan is None:
                continue
            ps, pe = pspan
            overlap = min(ge, pe) - max(gs, ps)
            if overlap <= 0:
                continue
            if overlap * 2 >= (ge - gs) and overlap * 2 >= max(1, pe - ps):
                candidates.append((overlap, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


@dataclass
class Counts:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_lenient: int = 0
    speaker_strict: int = 0
    stance: int = 0
    quote_type: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 0.0

    def as_dict(self) -> dict:
        return {
            "docs": self.docs,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "speaker_lenient": self.rate("speaker_lenient"),
            "speaker_strict": self.rate("speaker_strict"),
            "stance": self.rate("stance"),
            "quote_type": self.rate("quote_type"),
        }


@dataclass
class DocResult:
    id: str
    language: str
    counts: Counts
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # matched but wrong speaker/stance/type
    predictions: list[PredictionOutcome] = field(default_factory=list)
    gold_outcomes: list[GoldOutcome] = field(default_factory=list)


@dataclass
class PredictionOutcome:
    """What became of one prediction: for the by-construction and confidence tables."""

    rule: str
    confidence: float | None
    matched: bool
    speaker_ok: bool  # matched, with the right speaker (lenient)


@dataclass
class GoldOutcome:
    construction: str
    matched: bool
    speaker_ok: bool  # matched by a prediction with the right speaker (lenient)


@dataclass
class Report:
    by_language: dict[str, Counts]
    overall: Counts
    docs: list[DocResult]

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.as_dict(),
            "by_language": {lang: c.as_dict() for lang, c in sorted(self.by_language.items())},
        }


def score_document(doc: dict, predicted: list[Any]) -> DocResult:
    """Score one document's predictions against its gold claims."""
    text = doc.get("text", "")
    # a gold claim whose content is not in the text still counts, as a miss
    gold_kept = list(doc.get("claims", []))
    gold_spans = [_span(g, text) for g in gold_kept]
    pred_spans = [_span(p, text) for p in predicted]
    pairs = match(gold_spans, pred_spans)
    counts = Counts(docs=1, gold=len(gold_kept), predicted=len(predicted), matched=len(pairs))
    result = DocResult(
        id=str(doc.get("id", "")), language=str(doc.get("language", "")), counts=counts
    )
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    speaker_ok: set[int] = set()  # predictions matched with the right speaker
    gold_speaker_ok: set[int] = set()
    for gi, pi in pairs:
        g, p = gold_kept[gi], predicted[pi]
        alternatives = _gold_speakers(g)
        speaker = _get(p, "speaker")
        lenient = speaker_matches(speaker, alternatives)
        strict = speaker_matches(speaker, alternatives[:1])
        stance_ok = _get(p, "stance") == g.get("stance")
        type_ok = _get(p, "quote_type") == g.get("quote_type")
        counts.speaker_lenient += lenient
        if lenient:
            speaker_ok.add(pi)
            gold_speaker_ok.add(gi)
        counts.speaker_strict += strict
        counts.stance += stance_ok
        counts.quote_type += type_ok
        if not (lenient and stance_ok and type_ok):
            result.errors.append(
                {
                    "gold": _summary(g),
                    "predicted": _summary(p),
                    "speaker_ok": lenient,
                    "stance_ok": stance_ok,
                    "quote_type_ok": type_ok,
                }
            )
    for pi, p in enumerate(predicted):
        confidence = _get(p, "confidence")
        result.predictions.append(
            PredictionOutcome(
                rule=str(_get(p, "rule") or "?"),
                confidence=float(confidence) if isinstance(confidence, int | float) else None,
                matched=pi in matched_p,
                speaker_ok=pi in speaker_ok,
            )
        )
    for gi, g in enumerate(gold_kept):
        result.gold_outcomes.append(
            GoldOutcome(
                gold_construction(g, text, gold_spans[gi]), gi in matched_g, gi in gold_speaker_ok
            )
        )
    result.misses = [_summary(g) for i, g in enumerate(gold_kept) if i not in matched_g]
    result.spurious = [_summary(p) for i, p in enumerate(predicted) if i not in matched_p]
    return result


_ACCORDING_TO = re.compile(
    r"^(selon|d['’]apr[eè]s|pour|de l['’]avis|according to|as reported by|citing|cit[ée]e? par)\b",
    re.IGNORECASE,
)


def gold_construction(claim: dict, text: str, span: tuple[int, int] | None) -> str:
    """A coarse construction of a gold claim, from its quote type and cue.

    ``according_to`` (selon, d'après, according to…), ``colon`` (a cue ending in ":"),
    ``postposed`` (the cue comes after the content: « … », a-t-il dit / "…," she said),
    else ``verb`` (a cue before its content). Prefixed with the quote type.
    """
    quote_type = str(claim.get("quote_type") or "?")
    cue = str(claim.get("cue") or "").strip()
    if not cue:
        kind = "no cue"
    elif _ACCORDING_TO.match(cue):
        kind = "according_to"
    elif cue.endswith(":"):
        kind = "colon"
    else:
        kind = "verb"
        if span is not None:
            starts = [m.start() for m in re.finditer(re.escape(cue), text)]
            if starts:
                nearest = min(starts, key=lambda pos: min(abs(pos - span[0]), abs(pos - span[1])))
                if nearest >= span[1]:
                    kind = "postposed"
    return f"{quote_type} {kind}"


@dataclass
class Tally:
    """Predictions (or gold claims) of one row of a breakdown table."""

    total: int = 0
    matched: int = 0
    speaker_ok: int = 0

    @property
    def rate(self) -> float:
        return self.matched / self.total if self.total else 0.0

    def add(self, outcome) -> None:
        """Count one prediction or gold claim (anything with `matched` and `speaker_ok`)."""
        self.total += 1
        self.matched += outcome.matched
        self.speaker_ok += outcome.speaker_ok


def _tally_by(outcomes: Iterable, key) -> dict[str, Tally]:
    """The outcomes counted per `key(outcome)`, the most frequent row first."""
    out: dict[str, Tally] = {}
    for outcome in outcomes:
        out.setdefault(key(outcome), Tally()).add(outcome)
    return dict(sorted(out.items(), key=lambda kv: (-kv[1].total, kv[0])))


def by_construction(report: Report) -> dict[str, Tally]:
    """Predictions per rule of the extractor: precision is ``matched / total``."""
    return _tally_by((p for doc in report.docs for p in doc.predictions), lambda p: p.rule)


def recall_by_gold_construction(report: Report) -> dict[str, Tally]:
    """Gold claims per :func:`gold_construction`: recall is ``matched / total``."""
    gold = (g for doc in report.docs for g in doc.gold_outcomes)
    return _tally_by(gold, lambda g: g.construction)


DEFAULT_BAND_EDGES = (0.0, 0.5, 0.7, 0.85, 1.0)


def confidence_bands(
    report: Report, edges: tuple[float, ...] = DEFAULT_BAND_EDGES
) -> list[tuple[str, Tally]]:
    """Predictions per confidence band [edges[i], edges[i+1]); the last band is closed."""
    bands = [
        (f"[{lo:.2f}, {hi:.2f}{']' if i == len(edges) - 2 else ')'}", Tally())
        for i, (lo, hi) in enumerate(zip(edges, edges[1:], strict=False))
    ]
    unknown = Tally()
    for doc in report.docs:
        for p in doc.predictions:
            tally = unknown
            if p.confidence is not None:
                for i, (_, t) in enumerate(bands):
                    last = i == len(bands) - 1
                    lo, hi = edges[i], edges[i + 1]
                    if lo <= p.confidence < hi or (last and p.confidence == hi):
                        tally = t
                        break
            tally.add(p)
    if unknown.total:
        bands.append(("none", unknown))
    return bands


def format_tally_table(title: str, rows: Iterable[tuple[str, Tally]], rate: str) -> str:
    """Rows of counts with their rate (``P`` or ``R``) and the rate with the right speaker."""
    header = (title, "n", "match", rate, "match+spk", f"{rate}+spk")
    body = [
        (
            name,
            str(t.total),
            str(t.matched),
            f"{t.rate:.3f}",
            str(t.speaker_ok),
            f"{t.speaker_ok / t.total if t.total else 0.0:.3f}",
        )
        for name, t in rows
    ]
    return _format(header, body, left=1)


def _format(header: tuple[str, ...], rows: list[tuple[str, ...]], left: int = 0) -> str:
    """Columns right-aligned, but the first ``left`` ones left-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def _summary(claim: Any) -> dict:
    keys = ("speaker", "cue", "stance", "quote_type", "content", "rule")
    return {k: _get(claim, k) for k in keys if _get(claim, k) is not None}


def evaluate(docs: Iterable[dict], extract_fn: Callable[[str, str | None], list[Any]]) -> Report:
    """Run ``extract_fn(text, language)`` on every document and score it."""
    by_language: dict[str, Counts] = {}
    overall = Counts()
    results = []
    for doc in docs:
        predicted = list(extract_fn(doc.get("text", ""), doc.get("language")))
        result = score_document(doc, predicted)
        results.append(result)
        by_language.setdefault(result.language, Counts()).add(result.counts)
        overall.add(result.counts)
    return Report(by_language=by_language, overall=overall, docs=results)


def format_table(report: Report) -> str:
    """A plain-text table: one row per language, then overall."""
    header = (
        "lang",
        "docs",
        "gold",
        "pred",
        "match",
        "P",
        "R",
        "F1",
        "spk",
        "spk-strict",
        "stance",
        "qtype",
    )
    rows = []
    for name, c in sorted(report.by_language.items()) + [("all", report.overall)]:
        d = c.as_dict()
        rows.append(
            (
                name,
                str(c.docs),
                str(c.gold),
                str(c.predicted),
                str(c.matched),
                *(
                    f"{d[k]:.3f}"
                    for k in (
                        "precision",
                        "recall",
                        "f1",
                        "speaker_lenient",
                        "speaker_strict",
                        "stance",
                        "quote_type",
                    )
                ),
            )
        )
    return _format(header, rows)


def load_corpus(path: str) -> list[dict]:
    """Read a .jsonl (one article a line) or .json (one object or a list) corpus."""
    import json

    with open(path, encoding="utf-8") as fh:
        if path.endswith(".jsonl"):
            docs = []
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
        else:
            try:
                data = json.load(fh)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
            docs = data if isinstance(data, list) else [data]
    for i, doc in enumerate(docs):
        if not isinstance(doc, dict) or "text" not in doc:
            raise ValueError(f'{path}: article {i + 1} is not an object with a "text" field')
        for n, claim in enumerate(doc.get("claims") or [], 1):
            _check_offsets(claim, doc["text"], f"{path}: article {doc.get('id', i + 1)}, claim {n}")
    return docs


def _check_offsets(claim: Any, text: str, where: str) -> None:
    """A gold claim's `start`/`end`, when given, are where it is scored (its content may be
    found earlier in the text, as export_gold warns): they must hold its content."""
    if not isinstance(claim, dict) or ("start" not in claim and "end" not in claim):
        return
    try:
        start, end = int(claim["start"]), int(claim["end"])
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"{where}: start and end must both be whole numbers") from None
    if not 0 <= start < end <= len(text):
        raise ValueError(f"{where}: start {start}, end {end} are outside the text")
    content = claim.get("content")
    if content is not None and text[start:end] != content:
        raise ValueError(f"{where}: the text at start {start}, end {end} is not its content")
