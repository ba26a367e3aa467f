"""Benchmark of finding the same claim in other articles (claims.matching) at scale.

Fills the database named by DATABASE_URL (a throwaway PostgreSQL: run it through
scripts/with-services.sh or `make bench`) with synthetic claims and mentions in French and
English (COPY for the mentions), then, for new articles whose mentions restate stored claims
in the other language (or say something new), measures the time to find and score the
candidates of all of an article's mentions, and how often the stored claim was found.

    python -m claims.bench_matching [--claims 100000] [--mentions 500000]
                                    [--articles 50] [--per-article 15]
"""

import argparse
import io
import random
import statistics
import time

from claimtrack.bench import bench_django_setup

MENTIONS_PER_ARTICLE = 10

# (French, English) pieces of synthetic statements: verbs already conjugated, objects plural.
VERBS = [
    ("achètera", "will buy"), ("vendra", "will sell"), ("fermera", "will close"),
    ("construira", "will build"), ("supprimera", "will cut"), ("livrera", "will deliver"),
    ("interdira", "will ban"), ("financera", "will fund"), ("restituera", "will return"),
    ("réparera", "will repair"), ("commandera", "will order"), ("exportera", "will export"),
]  # fmt: skip
OBJECTS = [
    ("moteurs", "engines"), ("chars", "tanks"), ("écoles", "schools"), ("hôpitaux", "hospitals"),
    ("ponts", "bridges"), ("emplois", "jobs"), ("avions", "planes"), ("navires", "ships"),
    ("logements", "homes"), ("vaccins", "vaccines"), ("camions", "trucks"), ("usines", "factories"),
    ("missiles", "missiles"), ("trains", "trains"), ("tonnes de blé", "tonnes of wheat"),
]  # fmt: skip
PLACES = [
    ("Russie", "Russia"), ("Allemagne", "Germany"), ("Égypte", "Egypt"), ("Chine", "China"),
    ("Pologne", "Poland"), ("Espagne", "Spain"), ("Maroc", "Morocco"), ("Japon", "Japan"),
    ("Inde", "India"), ("Brésil", "Brazil"), ("Turquie", "Turkey"), ("Grèce", "Greece"),
    ("Suède", "Sweden"), ("Mexique", "Mexico"), ("Irlande", "Ireland"), ("Algérie", "Algeria"),
]  # fmt: skip
MONTHS = [
    ("janvier", "January"), ("février", "February"), ("mars", "March"), ("avril", "April"),
    ("mai", "May"), ("juin", "June"), ("juillet", "July"), ("août", "August"),
    ("septembre", "September"), ("octobre", "October"), ("novembre", "November"),
    ("décembre", "December"),
]  # fmt: skip
SYLLABLES = "ka lo mi ra ne so tu vi da be ri go ze ha mo lu pe fa xi no".split()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _fact(rng: random.Random, people: list[str], towns: list[str]) -> tuple:
    return (
        rng.choice(people), rng.randrange(len(VERBS)), rng.randrange(len(OBJECTS)),
        rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 90000)]),
        rng.randrange(len(PLACES)), rng.choice(towns), rng.randrange(len(MONTHS)),
    )  # fmt: skip


def render(fact: tuple, lang: str, rng: random.Random) -> str:
    """One way an article writes the fact, in French or English."""
    person, verb, obj, number, place, town, month = fact
    if number >= 1000 and rng.random() < 0.5:
        written = f"{number:,}".replace(",", " " if lang == "fr" else ",")
    else:
        written = str(number)
    side = 0 if lang == "fr" else 1
    if lang == "fr":
        return (
            f"le groupe de {person} {VERBS[verb][side]} {written} {OBJECTS[obj][side]} "
            f"à {town}, en {PLACES[place][side]}, en {MONTHS[month][side]}"
        )
    return (
        f"{person}'s group {VERBS[verb][side]} {written} {OBJECTS[obj][side]} "
        f"in {town}, {PLACES[place][side]}, in {MONTHS[month][side]}"
    )


def populate(n_claims: int, n_mentions: int, rng: random.Random) -> tuple[list, dict]:
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Outlet, content_hash
    from claims.matching import features
    from claims.models import Claim

    people = sorted({_surname(rng) for _ in range(6000)})
    towns = sorted({_surname(rng) + "ville" for _ in range(3000)})
    facts = [_fact(rng, people, towns) for _ in range(n_claims)]
    started = time.perf_counter()
    claims = Claim.objects.bulk_create(
        [
            Claim(statement=render(f, "en", rng), slug=f"bench-claim-{i}", language="en")
            for i, f in enumerate(facts)
        ],
        batch_size=5000,
    )
    outlets = Outlet.objects.bulk_create([Outlet(name=f"Bench outlet {i}") for i in range(40)])
    n_articles = max(1, n_mentions // MENTIONS_PER_ARTICLE)
    plan = []  # per mention: (article index, claim index, language)
    for i in range(n_mentions):
        claim = i % n_claims if i < n_claims else rng.randrange(n_claims)
        plan.append((i // MENTIONS_PER_ARTICLE, claim, "fr" if rng.random() < 0.5 else "en"))
    texts = [render(facts[c], lang, rng) for _, c, lang in plan]
    articles = []
    for a in range(n_articles):
        body = ". ".join(texts[a * MENTIONS_PER_ARTICLE : (a + 1) * MENTIONS_PER_ARTICLE])
        articles.append(
            Article(
                title=f"Bench article {a}", text=body, status="ready",
                language=plan[min(a * MENTIONS_PER_ARTICLE, len(plan) - 1)][2],
                outlet=outlets[a % len(outlets)], content_hash=content_hash(body),
            )
        )  # fmt: skip
    articles = Article.objects.bulk_create(articles, batch_size=5000)
    print(f"claims and articles stored in {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    now = timezone.now().isoformat()
    buffer = io.StringIO()
    offsets: dict[int, int] = {}
    for (a, c, _), text in zip(plan, texts, strict=True):
        lang = articles[a].language  # the article's language decides how it is read
        start = offsets.get(a, 0)
        offsets[a] = start + len(text) + 2
        signature = features(text, lang).signature()
        linked = str(claims[c].pk) if rng.random() < 0.6 else "\\N"
        state = "accepted" if linked != "\\N" else "unreviewed"
        row = [
            str(articles[a].pk), linked, "Bench speaker", text, str(start),
            str(start + len(text)), "said", "indirect", "asserts", "[]", "[]", signature,
            "0.8", state, now, "", "", "", "bench", "", "", "",
        ]  # fmt: skip
        buffer.write("\t".join(row) + "\n")
    columns = (
        'article_id, claim_id, speaker, content, start, "end", cue, quote_type, stance, '
        "via, hedges, match_signature, confidence, review_state, created_at, speaker_type, "
        "speaker_title, rule, extractor_version, rejection_reason, rejection_note, anchored"
    )
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS mention_match_signature_fts")
        with cursor.cursor.copy(f"COPY claims_mention ({columns}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        cursor.execute(
            "CREATE INDEX mention_match_signature_fts ON claims_mention USING gin (match_tsv)"
        )
        cursor.execute("ANALYZE claims_mention")
    print(f"{n_mentions:,} mentions stored and indexed in {time.perf_counter() - started:.0f} s")
    return facts, {"people": people, "towns": towns, "claims": claims}


def measure(facts: list, data: dict, n_articles: int, per_article: int, rng: random.Random):
    from articles.models import Article, Outlet, content_hash
    from claims import matching
    from claims.models import Mention

    outlet = Outlet.objects.create(name="Bench newcomer")
    article_ms, query_ms, found_ms, proposals = [], [], [], []
    restated = hits = 0
    for n in range(n_articles):
        lang = "fr" if n % 2 else "en"
        chosen = []
        for _ in range(per_article):
            if rng.random() < 0.7:
                index = rng.randrange(len(facts))
                chosen.append((index, render(facts[index], lang, rng)))
            else:
                fact = _fact(rng, data["people"], data["towns"])
                chosen.append((None, render(fact, lang, rng)))
        body = ". ".join(text for _, text in chosen)
        article = Article.objects.create(
            title=f"New {n}", text=body, language=lang, status="ready", outlet=outlet,
            content_hash=content_hash(body),
        )  # fmt: skip
        start, rows = 0, []
        for _, text in chosen:
            rows.append(
                Mention(article=article, speaker="Bench speaker", content=text, start=start,
                        end=start + len(text), cue="said")
            )  # fmt: skip
            start += len(text) + 2
        mentions = Mention.objects.bulk_create(rows)
        for mention in mentions:
            mention.article = article
        matching.cached_features.cache_clear()  # cold: no candidate seen before
        began = time.perf_counter()
        found = matching.mentions_sign(mentions)
        results = [
            matching.mention_candidates(mention=mention, found=found[mention.pk])
            for mention in mentions
        ]
        article_ms.append((time.perf_counter() - began) * 1000)
        for mention in mentions:  # the SQL alone, again
            began = time.perf_counter()
            matching.candidate_ids(mention=mention, found=found[mention.pk])
            query_ms.append((time.perf_counter() - began) * 1000)
        for (index, _), candidates in zip(chosen, results, strict=True):
            proposals.append(len(candidates))
            if index is not None:
                restated += 1
                hits += any(_same_fact(other, facts[index]) for other, _ in candidates)
        began = time.perf_counter()
        matching.article_propose_matches(article=article)
        found_ms.append((time.perf_counter() - began) * 1000)
    return article_ms, query_ms, found_ms, proposals, restated, hits


def _same_fact(mention, fact: tuple) -> bool:
    """Whether a candidate states this fact: same person, town and number."""
    person, _, _, number, _, town, _ = fact
    text = mention.content.replace(" ", "").replace(",", "")
    return person in mention.content and town in mention.content and str(number) in text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=500_000)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--per-article", type=int, default=15)
    args = parser.parse_args()
    bench_django_setup("matching")
    rng = random.Random(13)
    facts, data = populate(args.claims, args.mentions, rng)
    article_ms, query_ms, propose_ms, proposals, restated, hits = measure(
        facts, data, args.articles, args.per_article, rng
    )
    print(
        f"matching: {args.claims:,} claims, {args.mentions:,} mentions; "
        f"{args.articles} new articles x {args.per_article} mentions"
    )
    print(
        f"  candidates of an article's mentions (sign, query, score; cold): "
        f"p50 {statistics.median(article_ms):.0f} ms, p95 {percentile(article_ms, 95):.0f} ms"
    )
    print(
        f"  one mention's indexed query: p50 {statistics.median(query_ms):.1f} ms, "
        f"p95 {percentile(query_ms, 95):.1f} ms"
    )
    print(
        f"  article_propose_matches (again, with the rows written): "
        f"p50 {statistics.median(propose_ms):.0f} ms, p95 {percentile(propose_ms, 95):.0f} ms"
    )
    print(
        f"  restated claims found among the proposals: {hits}/{restated}; "
        f"proposals per mention: mean {statistics.mean(proposals):.2f}"
    )


if __name__ == "__main__":
    main()
