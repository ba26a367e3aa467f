"""Benchmark of the extractor's live precision and recall (claims.extractor_quality).

Fills the database named by DATABASE_URL (a throwaway PostgreSQL under `make bench`) with
a newsroom's background (by default 50,000 articles and 500,000 mentions waiting or decided
before decisions were kept, written with COPY as claims.bench_matching does) and 2,000
reviewed articles: texts in English and French extracted for real, their statements
accepted, rejected, corrected or added by hand through ReviewDecision rows, each article
scored as a decision scores it (article_quality_refresh). Then measures:

- the cost a decision adds: article_quality_refresh of one article;
- extractor_quality() over all reviewed articles, per outlet and over a date range;
- the /review/quality/ page rendered in-process by the test client (editor);
- what the figures would cost without the per-article scores: every reviewed article read
  and scored again (claims.gold + score_document), as export_gold + evaluate_extraction do.

    python -m claims.bench_quality [--reviewed 2000] [--mentions 500000] [--requests 100]
"""

import argparse
import datetime
import io
import random
import statistics
import time

from claimtrack.bench import bench_django_setup

PER_ARTICLE = 10
OUTLETS = 40

TEMPLATES = {
    "en": (
        "{who} said that the {thing} would reopen in {month}. "
        '"We have the money," {pronoun} told reporters.\n\n'
        "The council denied that the contract for the {thing} had been signed. "
        "According to the {paper}, the works will cost {n} million pounds. "
        "Police declined to comment. Residents feel the plan is unfair."
    ),
    "fr": (
        "Le ministre {who} a déclaré que la réforme du {thing} entrerait en vigueur en {month}. "
        "« Nous tiendrons nos engagements », a-t-il ajouté.\n\n"
        "Selon le {paper}, la grève a été suivie par {n} % des agents. "
        "La préfecture a démenti ces informations. Les usagers, eux, trouvent la réforme injuste."
    ),
}
NAMES = ["Linda Okafor", "Paul Martin", "Sara Lind", "Omar Haddad", "Jean Dubois", "Ana Ruiz"]
THINGS = {"en": ["bridge", "tram line", "library", "harbour"], "fr": ["rail", "port", "lycée"]}
MONTHS = {"en": ["March", "May", "October"], "fr": ["janvier", "avril", "septembre"]}
PAPERS = {"en": ["Harbour Gazette", "Valley Courier"], "fr": ["syndicat", "collectif Sud"]}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:<44} n={len(times):<5} p50={statistics.median(times):7.1f} ms  "
        f"p95={percentile(times, 95):7.1f} ms  max={max(times):7.1f} ms",
        flush=True,
    )


def _variants(rng: random.Random, count: int) -> list[tuple[str, str, list]]:
    """(language, text, extracted claims) of `count` texts, each extracted for real."""
    from claims.extraction import extract

    variants = []
    for i in range(count):
        lang = "en" if i % 2 == 0 else "fr"
        who = rng.choice(NAMES)
        text = TEMPLATES[lang].format(
            who=who if lang == "fr" else f"Mayor {who}", pronoun=rng.choice(["she", "he"]),
            thing=rng.choice(THINGS[lang]), month=rng.choice(MONTHS[lang]),
            paper=rng.choice(PAPERS[lang]), n=rng.randrange(5, 95),
        )  # fmt: skip
        variants.append((lang, text, extract(text, lang)))
    return variants


def populate_background(n_mentions: int, outlets: list, rng: random.Random) -> None:
    """Articles and mentions of the newsroom's past, written with COPY: mostly decided
    before decisions were kept, a third still waiting."""
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, content_hash

    started = time.perf_counter()
    sentence = "The minister said that the budget would rise by {n} percent next year. "
    n_articles = max(1, n_mentions // PER_ARTICLE)
    articles = Article.objects.bulk_create(
        [
            Article(
                title=f"Budget story {i}", language="en", status="ready",
                text="".join(sentence.format(n=k) for k in range(PER_ARTICLE)),
                content_hash=content_hash(f"background {i}"), outlet=outlets[i % len(outlets)],
            )
            for i in range(n_articles)
        ],
        batch_size=5000,
    )  # fmt: skip
    now = timezone.now().isoformat()
    buffer = io.StringIO()
    offsets = [0]
    for k in range(PER_ARTICLE):
        offsets.append(offsets[-1] + len(sentence.format(n=k)))
    for article in articles:
        for k in range(PER_ARTICLE):
            piece = sentence.format(n=k)
            start = offsets[k] + piece.index("the budget")
            end = offsets[k] + len(piece) - 2
            state = rng.choice(["accepted", "rejected", "unreviewed"])
            row = [
                str(article.pk), "The minister", article.text[start:end], str(start), str(end),
                "said", "indirect", "asserts", "[]", "[]", "", "0.8", state, now, "person", "",
                "complement", "5", "", "", "",
            ]  # fmt: skip
            buffer.write("\t".join(row) + "\n")
    columns = (
        'article_id, speaker, content, start, "end", cue, quote_type, stance, via, hedges, '
        "match_signature, confidence, review_state, created_at, speaker_type, speaker_title, "
        "rule, extractor_version, rejection_reason, rejection_note, anchored"
    )
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY claims_mention ({columns}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        cursor.execute("ANALYZE")
    print(
        f"background: {n_articles:,} articles, {n_articles * PER_ARTICLE:,} mentions "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def populate_reviewed(n_reviewed: int, outlets: list, editor, rng: random.Random) -> list[float]:
    """Reviewed articles with their decisions; returns the time of each article's scoring."""
    from django.utils import timezone

    from articles.models import Article, content_hash
    from claims import extraction
    from claims.decisions import extracted_of, mention_fields
    from claims.extractor_quality import article_quality_refresh
    from claims.models import Mention, ReviewDecision

    started = time.perf_counter()
    variants = _variants(rng, 40)
    print(f"40 texts extracted for real in {time.perf_counter() - started:.0f} s", flush=True)
    first_day = timezone.now() - datetime.timedelta(days=365)
    articles = Article.objects.bulk_create(
        [
            Article(
                title=f"Reviewed story {i}", language=variants[i % 40][0], status="ready",
                text=variants[i % 40][1], content_hash=content_hash(f"reviewed {i}"),
                outlet=outlets[i % len(outlets)],
                published_at=first_day + datetime.timedelta(days=rng.randrange(365)),
            )
            for i in range(n_reviewed)
        ],
        batch_size=2000,
    )  # fmt: skip
    mentions, outcomes = [], []
    for i, article in enumerate(articles):
        for item in variants[i % 40][2]:
            roll = rng.random()
            mention = Mention(
                article=article, speaker=item.speaker or "", speaker_type=item.speaker_type,
                content=item.content, start=item.start, end=item.end, cue=item.cue,
                quote_type=item.quote_type, stance=item.stance, via=list(item.via),
                confidence=item.confidence, rule=item.rule,
                extractor_version=extraction.EXTRACTOR_VERSION,
                extracted=extracted_of(
                    item, extractor_version=extraction.EXTRACTOR_VERSION, text_version=1
                ),
            )  # fmt: skip
            before = mention_fields(mention)
            if roll < 0.7:
                mention.review_state, kind = "accepted", "accept"
            elif roll < 0.9:
                mention.review_state, kind = "rejected", "reject"
            else:  # corrected: a shorter span, then accepted
                mention.end = mention.start + max(1, (mention.end - mention.start) // 3)
                mention.content = article.text[mention.start : mention.end]
                mention.review_state, kind = "accepted", "correct"
            mentions.append(mention)
            outcomes.append((mention, kind, before))
        if i % 10 == 0:  # a statement the extractor missed, added by hand
            text = article.text
            start = text.rindex(".", 0, len(text) - 1) + 2
            mention = Mention(
                article=article, speaker="Hand-added speaker", content=text[start:-1],
                start=start, end=len(text) - 1, confidence=1.0, rule="manual",
                extractor_version="manual", review_state="accepted",
            )  # fmt: skip
            mentions.append(mention)
            outcomes.append((mention, "add", None))
    Mention.objects.bulk_create(mentions, batch_size=5000)
    ReviewDecision.objects.bulk_create(
        [
            ReviewDecision(
                article_id=m.article_id, mention=m, kind=kind, by=editor, before=before,
                after=mention_fields(m),
            )
            for m, kind, before in outcomes
        ],
        batch_size=5000,
    )  # fmt: skip
    refresh = []
    for article in articles:
        began = time.perf_counter()
        article_quality_refresh(article_id=article.pk)
        refresh.append((time.perf_counter() - began) * 1000)
    print(
        f"reviewed: {n_reviewed:,} articles, {len(mentions):,} mentions and decisions "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return refresh


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reviewed", type=int, default=2000)
    parser.add_argument("--mentions", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args(argv)

    bench_django_setup("quality")
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client

    from articles.models import Article, Outlet
    from claims.extraction.evaluation.scoring import Counts
    from claims.extractor_quality import article_score, extractor_quality
    from claims.gold import mentions_of, reviewed_articles
    from claims.models import ArticleQuality

    rng = random.Random(17)
    users = get_user_model().objects
    editor = users.filter(username="bench-quality-editor").first()
    if editor is None:
        editor = users.create_user("bench-quality-editor", password="x")
        editor.groups.add(Group.objects.get(name="Editors"))
    refresh = []
    if not ArticleQuality.objects.exists():
        outlets = Outlet.objects.bulk_create(
            [Outlet(name=f"Quality outlet {i}") for i in range(OUTLETS)]
        )
        populate_background(args.mentions, outlets, rng)
        refresh = populate_reviewed(args.reviewed, outlets, editor, rng)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    quality = extractor_quality()
    o = quality.overall
    print(
        f"data: {o.docs:,} reviewed articles scored: {o.gold:,} gold, {o.predicted:,} "
        f"predicted, {o.matched:,} matched: P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f}",
        flush=True,
    )
    if refresh:
        report("a decision's scoring (article_quality_refresh)", refresh)

    def timed(fn, n: int) -> list[float]:
        times = []
        for _ in range(n):
            began = time.perf_counter()
            fn()
            times.append((time.perf_counter() - began) * 1000)
        return times

    n = args.requests
    quality_outlets = Outlet.objects.filter(name__startswith="Quality outlet")
    outlet_ids = list(quality_outlets.values_list("pk", flat=True))
    today = datetime.date.today()
    report("extractor_quality(), all reviewed", timed(extractor_quality, n))
    report(
        "extractor_quality(outlet=...)",
        timed(lambda: extractor_quality(outlet=rng.choice(outlet_ids)), n),
    )
    report(
        "extractor_quality(since=90 days ago)",
        timed(lambda: extractor_quality(since=today - datetime.timedelta(days=90)), n),
    )
    client = Client()
    client.force_login(editor)

    def page(url: str):
        def get():
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")

        return get

    timed(page("/review/quality/"), 3)  # warm up
    report("/review/quality/ page", timed(page("/review/quality/"), n))
    report(
        "/review/quality/?outlet=…&since=…",
        timed(page(f"/review/quality/?outlet={outlet_ids[0]}&since={today.replace(day=1)}"), n),
    )

    def uncached() -> Counts:
        total = Counts()
        ids = list(reviewed_articles().values_list("id", flat=True))
        for first in range(0, len(ids), 200):
            part = ids[first : first + 200]
            mentions = mentions_of(part)
            for article in Article.objects.filter(id__in=part).select_related("outlet"):
                _, result = article_score(article, mentions.get(article.pk, []))
                if result is not None:
                    total.add(result.counts)
        return total

    report("without per-article scores (all rescored)", timed(uncached, 3))
    print(f"rescored from scratch equals the stored sums: {uncached() == quality.overall}")
    import tempfile
    from io import StringIO

    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as folder:
        out = StringIO()
        began = time.perf_counter()
        call_command("export_gold", "--out", f"{folder}/gold.jsonl", stdout=out)
        took = time.perf_counter() - began
        print(f"export_gold of every reviewed article: {took * 1000:.0f} ms")
        for line in out.getvalue().splitlines():
            print(f"  {line}")
    print("target: the quality page under 300 ms p95 (the dashboard's budget)")


if __name__ == "__main__":
    main()
