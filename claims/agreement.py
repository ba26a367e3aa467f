"""Annotation agreement (issue 14, part 5): how far two newsroom members, marking the
statements of the same articles independently, agree — per claim and per field.

The maths are pure functions over plain data (`Statement`); the one selector at the end,
`annotation_round_agreement`, loads a round's finished articles and feeds them in.

- Claim level: the two annotators' statements of one article are paired by the rule of the
  extraction scores (claims.extraction.evaluation.scoring.match: spans overlapping by at least
  half of each span, one to one, largest overlap first). Agreement is the F1 between the two,
  2·matched / (n_a + n_b): symmetric, 1 when they marked the same statements, 0 when no
  statement of one matches one of the other. Two annotators who both found nothing agree.
- Field level, among matched pairs: the share of pairs where both said the same thing, and
  Cohen's kappa (agreement corrected for chance) for the categorical fields. Speakers agree
  by the scoring's normalised, word-for-word containment test (scoring.speaker_matches).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claims.extraction.evaluation.scoring import match, normalize_speaker, speaker_matches
from claims.source_names import name_key

FIELDS = ("speaker", "speaker_type", "cue", "quote_type", "stance", "via")
# Fields with a closed set of values: their agreement also gets Cohen's kappa.
CATEGORICAL = ("speaker_type", "quote_type", "stance")


@dataclass(frozen=True)
class Statement:
    """One annotator's statement: a span of the article text and how it is attributed."""

    start: int
    end: int
    content: str = ""
    speaker: str = ""
    speaker_type: str = ""
    cue: str = ""
    quote_type: str = ""
    stance: str = ""
    via: tuple[str, ...] = ()
    id: int | None = None


def _cue_key(cue: str) -> str:
    # "a déclaré :" and "a  déclaré" are one cue; letters and accents must match.
    return " ".join((cue or "").casefold().split()).strip(" :,;")


@lru_cache(maxsize=8192)  # a round repeats the same few names thousands of times
def same_speaker(a: str, b: str) -> bool:
    """The scoring's lenient speaker test, made symmetric; two blank speakers agree
    (neither annotator could name one). A bare pronoun never agrees, as in the scores."""
    if not normalize_speaker(a) and not normalize_speaker(b):
        return True
    return speaker_matches(a, [b]) or speaker_matches(b, [a])


def field_agrees(name: str, a: Statement, b: Statement) -> bool:
    """Whether two matched statements agree on field `name` (one of FIELDS)."""
    if name == "speaker":
        return same_speaker(a.speaker, b.speaker)
    if name == "cue":
        return _cue_key(a.cue) == _cue_key(b.cue)
    if name == "via":
        return [name_key(v) for v in a.via] == [name_key(v) for v in b.via]
    return (getattr(a, name) or "") == (getattr(b, name) or "")


def cohen_kappa(labels_a: Sequence[str], labels_b: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters over the same items: (p_o − p_e) / (1 − p_e).

    None when it is undefined: no items, or chance agreement is already certain (both raters
    used one and the same value for every item).
    """
    if len(labels_a) != len(labels_b):
        raise ValueError("both raters must label the same items")
    n = len(labels_a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(labels_a, labels_b, strict=True)) / n
    count_a, count_b = Counter(labels_a), Counter(labels_b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


@dataclass
class Pair:
    a: Statement
    b: Statement
    agrees: dict[str, bool]

    @property
    def differs(self) -> list[str]:
        return [name for name in FIELDS if not self.agrees[name]]


@dataclass
class ArticleAgreement:
    """The two annotators' statements of one article, paired."""

    n_a: int
    n_b: int
    pairs: list[Pair]
    only_a: list[Statement]
    only_b: list[Statement]
    article_id: int | None = None
    title: str = ""

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def f1(self) -> float:
        return claim_f1(self.matched, self.n_a, self.n_b)

    @property
    def differences(self) -> int:
        """Pairs that differ on a field, and statements only one annotator marked."""
        return sum(bool(p.differs) for p in self.pairs) + len(self.only_a) + len(self.only_b)


def claim_f1(matched: int, n_a: int, n_b: int) -> float:
    """2·matched / (n_a + n_b); 1.0 when neither annotator marked anything."""
    return 2 * matched / (n_a + n_b) if n_a + n_b else 1.0


def article_agreement(
    a: Sequence[Statement], b: Sequence[Statement], *, article_id: int | None = None, title=""
) -> ArticleAgreement:
    """Pair annotator A's and B's statements of one article by the scoring's matching rule."""
    pairs_at = match([(s.start, s.end) for s in a], [(s.start, s.end) for s in b])
    pairs = [
        Pair(a=a[i], b=b[j], agrees={name: field_agrees(name, a[i], b[j]) for name in FIELDS})
        for i, j in pairs_at
    ]
    used_a = {i for i, _ in pairs_at}
    used_b = {j for _, j in pairs_at}
    return ArticleAgreement(
        n_a=len(a),
        n_b=len(b),
        pairs=pairs,
        only_a=[s for i, s in enumerate(a) if i not in used_a],
        only_b=[s for j, s in enumerate(b) if j not in used_b],
        article_id=article_id,
        title=title,
    )


@dataclass
class FieldAgreement:
    name: str
    pairs: int
    agreed: int
    kappa: float | None = None  # categorical fields only
    categorical: bool = False

    @property
    def rate(self) -> float | None:
        return self.agreed / self.pairs if self.pairs else None


def field_agreement(pairs: Sequence[Pair]) -> list[FieldAgreement]:
    """Per field, among matched pairs: how many agree, and kappa for the categorical ones."""
    out = []
    for name in FIELDS:
        row = FieldAgreement(
            name=name,
            pairs=len(pairs),
            agreed=sum(p.agrees[name] for p in pairs),
            categorical=name in CATEGORICAL,
        )
        if row.categorical:
            row.kappa = cohen_kappa(
                [getattr(p.a, name) or "" for p in pairs],
                [getattr(p.b, name) or "" for p in pairs],
            )
        out.append(row)
    return out


@dataclass
class Summary:
    """Agreement over several articles: statements pooled, then measured."""

    articles: int
    n_a: int
    n_b: int
    matched: int
    fields: list[FieldAgreement] = field(default_factory=list)

    @property
    def only_a(self) -> int:
        return self.n_a - self.matched

    @property
    def only_b(self) -> int:
        return self.n_b - self.matched

    @property
    def f1(self) -> float | None:
        return claim_f1(self.matched, self.n_a, self.n_b) if self.articles else None


def summarize(articles: Iterable[ArticleAgreement]) -> Summary:
    """Overall agreement: counts summed over the articles, fields over all their pairs."""
    articles = list(articles)
    pairs = [p for art in articles for p in art.pairs]
    return Summary(
        articles=len(articles),
        n_a=sum(art.n_a for art in articles),
        n_b=sum(art.n_b for art in articles),
        matched=len(pairs),
        fields=field_agreement(pairs),
    )


@dataclass
class Excerpt:
    """A span in its context: text before, the span, text after (cut at word boundaries)."""

    before: str
    span: str
    after: str
    cut_before: bool
    cut_after: bool


def excerpt(text: str, start: int, end: int, *, lo: int, hi: int) -> Excerpt:
    """The span [start, end) inside the context [lo, hi) of `text`."""
    lo, hi = max(0, lo), min(len(text), hi)
    start, end = max(lo, start), min(hi, end)
    return Excerpt(
        before=text[lo:start],
        span=text[start:end],
        after=text[end:hi],
        cut_before=lo > 0,
        cut_after=hi < len(text),
    )


def context_bounds(text: str, spans: Iterable[tuple[int, int]], margin: int = 160):
    """A stretch of `text` holding every span, `margin` characters either side, widened to
    whole words: both annotators' spans are shown in the same context."""
    spans = list(spans)
    lo = max(0, min(s for s, _ in spans) - margin)
    hi = min(len(text), max(e for _, e in spans) + margin)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


@dataclass
class Disagreement:
    """What the newsroom discusses: a matched pair that differs on some fields, or a
    statement only one annotator marked. `a`/`b` is None when that annotator has none."""

    article_id: int | None
    title: str
    a: Statement | None
    b: Statement | None
    differs: list[str]
    excerpt_a: Excerpt | None = None
    excerpt_b: Excerpt | None = None

    @property
    def kind(self) -> str:
        if self.a and self.b:
            return "fields"
        return "only_a" if self.a else "only_b"


def disagreements(art: ArticleAgreement, text: str) -> list[Disagreement]:
    """The article's pairs that differ on a field and its unmatched statements, in text
    order, each with both spans (or the one) in the same stretch of context."""
    found = [Disagreement(art.article_id, art.title, p.a, p.b, p.differs) for p in art.pairs]
    found = [d for d in found if d.differs]
    found += [Disagreement(art.article_id, art.title, s, None, []) for s in art.only_a]
    found += [Disagreement(art.article_id, art.title, None, s, []) for s in art.only_b]
    for item in found:
        shown = [s for s in (item.a, item.b) if s is not None]
        lo, hi = context_bounds(text, [(s.start, s.end) for s in shown])
        if item.a:
            item.excerpt_a = excerpt(text, item.a.start, item.a.end, lo=lo, hi=hi)
        if item.b:
            item.excerpt_b = excerpt(text, item.b.start, item.b.end, lo=lo, hi=hi)
    return sorted(found, key=lambda d: min(s.start for s in (d.a, d.b) if s is not None))


# --- Selector ---------------------------------------------------------------------------------


@dataclass
class RoundAgreement:
    """A round's agreement: over the articles both annotators finished."""

    articles: list[ArticleAgreement]
    overall: Summary
    disagreements: list[Disagreement]


def annotation_round_agreement(round) -> RoundAgreement:
    """Load the annotations of the articles of `round` that both annotators marked done
    (three queries: assignments, annotations as plain values, the texts of those articles)
    and measure."""
    from articles.models import Article
    from claims.models import Annotation, AnnotationAssignment

    done = AnnotationAssignment.objects.filter(
        round=round, state=AnnotationAssignment.State.DONE
    ).values_list("pk", "article_id", "annotator_id")
    by_article: dict[int, dict[int, int]] = {}
    for pk, article_id, annotator_id in done:
        by_article.setdefault(article_id, {})[annotator_id] = pk
    a_id, b_id = round.annotator_a_id, round.annotator_b_id
    both = {art: (who[a_id], who[b_id]) for art, who in by_article.items() if len(who) == 2}
    statements: dict[int, list[Statement]] = {pk: [] for pair in both.values() for pk in pair}
    columns = ("assignment_id", *STATEMENT_COLUMNS)
    rows = (
        Annotation.objects.filter(assignment_id__in=statements)
        .order_by("assignment_id", "start", "id")
        .values_list(*columns)
    )
    for assignment_id, *values in rows:
        statement = dict(zip(STATEMENT_COLUMNS, values, strict=True))
        statement["via"] = tuple(statement["via"] or ())
        statements[assignment_id].append(Statement(**statement))
    articles = Article.objects.filter(pk__in=both).only("pk", "title", "url", "text")
    results, found = [], []
    for article in sorted(articles, key=lambda x: (x.title or "", x.pk)):
        pk_a, pk_b = both[article.pk]
        title = article.title or article.url or f"#{article.pk}"
        art = article_agreement(
            statements[pk_a], statements[pk_b], article_id=article.pk, title=title
        )
        results.append(art)
        found += disagreements(art, article.text)
    return RoundAgreement(articles=results, overall=summarize(results), disagreements=found)


STATEMENT_COLUMNS = (
    "start", "end", "content", "speaker", "speaker_type", "cue", "quote_type", "stance", "via",
    "id",
)  # fmt: skip


def statement_of(annotation) -> Statement:
    """The plain data of an Annotation row."""
    return Statement(
        **{name: getattr(annotation, name) for name in STATEMENT_COLUMNS if name != "via"},
        via=tuple(annotation.via or ()),
    )
