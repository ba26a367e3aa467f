"""Benchmark of the newsroom workspace at newsroom scale (`make bench`).

Fills the database named by DATABASE_URL (a throwaway PostgreSQL under `make bench`) with
100,000 mentions and 20,000 claims, then measures the server time of the review queue and
of the claim workspace, rendered in-process by Django's test client (no network).

    python -m claims.bench_workflow [--mentions 100000] [--claims 20000] [--requests 200]
"""

import argparse
import random
import statistics
import time

from claimtrack.bench import bench_django_setup

MENTIONS_PER_ARTICLE = 20


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def populate(n_mentions: int, n_claims: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from articles.models import Article, Outlet, content_hash
    from claims.models import Claim, Evidence, Mention, Rating, Source, Task

    rng = random.Random(7)
    users = get_user_model().objects
    journalist = users.create_user("bench-journalist", password="x")
    journalist.groups.add(Group.objects.get(name="Journalists"))
    editor = users.create_user("bench-editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    outlets = Outlet.objects.bulk_create([Outlet(name=f"Outlet {i}") for i in range(50)])
    sources = Source.objects.bulk_create(
        [Source(name=f"Speaker {i}", normalized_name=f"speaker {i}") for i in range(2000)]
    )
    sentence = "The minister said that the budget would rise by {n} percent next year. "
    n_articles = max(1, n_mentions // MENTIONS_PER_ARTICLE)
    articles = []
    for i in range(n_articles):
        text = "".join(sentence.format(n=i + k) for k in range(MENTIONS_PER_ARTICLE))
        articles.append(
            Article(
                title=f"Budget story {i}", text=text, language="en", status="ready",
                outlet=outlets[i % len(outlets)], content_hash=content_hash(text),
            )
        )  # fmt: skip
    articles = Article.objects.bulk_create(articles, batch_size=2000)
    ratings = list(Rating.objects.all())
    claims = Claim.objects.bulk_create(
        [
            Claim(
                statement=f"The budget rises by {i} percent", slug=f"budget-{i}",
                claimant=sources[i % len(sources)], language="en",
                verdict=ratings[i % len(ratings)] if i % 2 else None,
                conclusion="Checked against the finance bill." if i % 2 else "",
            )
            for i in range(n_claims)
        ],
        batch_size=5000,
    )  # fmt: skip
    mentions = []
    for article in articles:
        offset = 0
        for k in range(MENTIONS_PER_ARTICLE):
            piece = sentence.format(n=article.pk + k)
            start = offset + piece.index("the budget")
            end = offset + len(piece) - 2
            reviewed = rng.random() < 0.7
            mentions.append(
                Mention(
                    article=article, source=sources[rng.randrange(len(sources))],
                    speaker="The minister", content=article.text[start:end], start=start, end=end,
                    cue="said", claim=claims[rng.randrange(len(claims))] if reviewed else None,
                    review_state="accepted" if reviewed else "unreviewed",
                )
            )  # fmt: skip
            offset += len(piece)
    Mention.objects.bulk_create(mentions, batch_size=5000)
    Evidence.objects.bulk_create(
        [
            Evidence(claim=claims[i], title=f"Finance bill {i}", added_by=editor)
            for i in range(0, n_claims, 2)
        ],
        batch_size=5000,
    )
    Task.objects.bulk_create(
        [
            Task(claim=claims[i], assignee=journalist, created_by=editor, title=f"Check {i}")
            for i in range(0, n_claims, 10)
        ],
        batch_size=5000,
    )


def measure(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return times


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:<22} n={len(times):<4} p50={statistics.median(times):6.1f} ms  "
        f"p95={percentile(times, 95):6.1f} ms  max={max(times):6.1f} ms"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)

    bench_django_setup("workflow")
    from django.db import connection
    from django.test import Client

    from claims.models import Claim, Mention

    if not Mention.objects.exists():
        started = time.perf_counter()
        populate(args.mentions, args.claims)
        print(f"populated in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"data: {Mention.objects.count():,} mentions, {Claim.objects.count():,} claims, "
        f"{Mention.objects.pending().values('article').distinct().count():,} articles to review"
    )
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-editor"))
    rng = random.Random(11)
    claim_ids = list(Claim.objects.values_list("pk", flat=True))
    pages = Mention.objects.pending().values("article").distinct().count() // 30 + 1
    n = args.requests
    measure(client, ["/review/"] * 5)  # warm up connections and template caches
    report("review queue, page 1", measure(client, ["/review/"] * n))
    report(
        "review queue, any page",
        measure(client, [f"/review/?page={rng.randrange(1, pages + 1)}" for _ in range(n)]),
    )
    # The desk's filters (issue 12, part 5): each a GET form on the same queue page.
    from articles.models import Outlet

    outlets = list(Outlet.objects.values_list("pk", flat=True))
    filtered = {
        "queue, outlet": lambda: f"/review/?outlet={rng.choice(outlets)}",
        "queue, language": lambda: "/review/?language=en&order=oldest",
        "queue, stance (rare)": lambda: "/review/?stance=denies",
        "queue, search (any)": lambda: "/review/?q=budget",
        "queue, search (one)": lambda: f"/review/?q=rise+by+{rng.randrange(1, 5000)}+percent",
        "queue, all filters": lambda: (
            f"/review/?outlet={rng.choice(outlets)}&language=en&stance=asserts&q=minister"
            "&confidence_below=0.9&has_suggestions=on"
        ),
    }
    for name, url in filtered.items():
        report(name, measure(client, [url() for _ in range(n)]))
    report(
        "claim workspace",
        measure(client, [f"/review/claims/{rng.choice(claim_ids)}/" for _ in range(n)]),
    )
    print("target: p95 under 100 ms for the review queue and the claim workspace")


if __name__ == "__main__":
    main()
