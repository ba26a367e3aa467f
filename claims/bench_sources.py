"""Benchmark of the speaker and outlet pages at scale (`make bench`).

Fills the database named by DATABASE_URL (a throwaway PostgreSQL: run it through
scripts/with-services.sh or `make bench`) with the claims, articles and mentions of
claims.bench_matching's populate (COPY for the mentions), then gives them speakers, stances,
relays, dates and publications in a few SQL updates: 5,000 named sources and one big one
(every 50th mention, ~10,000 of 500,000, and every 50th claim as claimant), a third of the
claims published. Then renders each page with the test client (server-side, no network),
the public ones with nothing cached, and prints p50/p95 and the number of queries.

    python -m claims.bench_sources [--claims 100000] [--mentions 500000] [--runs 30]
"""

import argparse
import random
import statistics
import time

from claimtrack.bench import bench_django_setup

SOURCES = 5000
BIG_EVERY = 50  # every 50th mention and claim is the big source's
TARGET_MS = 300


def give_speakers() -> dict:
    """Sources, stances, relays, dates and publications for the populated rows."""
    from django.db import connection

    from claims.models import Rating, Source

    sources = Source.objects.bulk_create(
        [Source(name=f"Bench speaker {i}", normalized_name=f"bench speaker {i}")
         for i in range(SOURCES)]
        + [Source(name="Bench big speaker", normalized_name="bench big speaker")]
    )  # fmt: skip
    first, big = sources[0].pk, sources[-1].pk
    verdict = Rating.objects.exclude(score=None).order_by("order").first().pk
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            UPDATE claims_mention SET
              source_id = CASE WHEN id %% {BIG_EVERY} = 0 THEN %s
                               ELSE %s + (id %% {SOURCES - 1}) END,
              stance = CASE id %% 20 WHEN 1 THEN 'denies' WHEN 2 THEN 'declines_comment'
                                    WHEN 3 THEN 'cannot_verify' ELSE 'asserts' END,
              via = CASE WHEN id %% 7 = 0 THEN '["Wire agency"]'::jsonb ELSE '[]'::jsonb END,
              hedges = CASE WHEN id %% 11 = 0 THEN '["anonymous"]'::jsonb ELSE '[]'::jsonb END
            """,
            [big, first],
        )
        cursor.execute(
            f"""
            UPDATE claims_claim SET
              claimant_id = CASE WHEN id %% {BIG_EVERY} = 0 THEN %s
                                 ELSE %s + (id %% {SOURCES - 1}) END
            """,
            [big, first],
        )
        cursor.execute(
            """
            UPDATE claims_claim SET status = 'published', verdict_id = %s,
              conclusion = 'Bench conclusion.',
              published_at = now() - (id %% 700) * interval '1 day'
            WHERE id %% 3 = 0
            """,
            [verdict],
        )
        cursor.execute(
            "UPDATE articles_article SET published_at = now() - (id % 730) * interval '1 day'"
        )
        for table in ("claims_mention", "claims_claim", "articles_article", "claims_source"):
            # The steady state autovacuum keeps: statistics, and the visibility map that lets
            # the covering indexes answer without reading the rows.
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"speakers, stances, dates and publications set in {time.perf_counter() - started:.0f} s")
    from claims.models import Claim

    # A typical speaker: the claimant of a published claim, with ~100 mentions.
    typical = (
        Claim.objects.published().exclude(claimant_id=big).order_by("pk").values("claimant_id")
    )[0]["claimant_id"]
    return {"big": big, "typical": typical}


def measure(client, path: str, runs: int, cold_public: bool) -> dict:
    """p50/p95 of rendering `path` (after a warm-up), and its queries on one render."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.public.cache import public_cache_invalidate

    timings = []
    for n in range(runs + 2):
        if cold_public:
            public_cache_invalidate()  # outside the timing: nothing cached for the page
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (path, response.status_code)
        if n >= 2:  # the first two warm the process (templates, connections)
            timings.append(elapsed)
    ordered = sorted(timings)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)],
        "queries": len(queries),
    }


def pages(ids: dict) -> list[tuple[str, str, bool]]:
    """(name, path, public) of the pages measured."""
    from django.urls import reverse

    from articles.models import Outlet

    outlet = Outlet.objects.order_by("pk").first().pk
    big, typical = ids["big"], ids["typical"]
    return [
        ("newsroom source, big (~10k mentions)", reverse("review:source", args=[big]), False),
        ("newsroom source, big, claims page 40",
         reverse("review:source", args=[big]) + "?page=40", False),
        ("newsroom source, typical", reverse("review:source", args=[typical]), False),
        ("newsroom outlet (~12k mentions)", reverse("review:outlet", args=[outlet]), False),
        ("newsroom source list, search", reverse("review:sources") + "?q=speaker+12", False),
        ("public speaker, big, nothing cached", reverse("claims:speaker", args=[big]), True),
        ("public speaker, typical, not cached", reverse("claims:speaker", args=[typical]), True),
        ("public outlet, nothing cached", reverse("claims:outlet", args=[outlet]), True),
    ]  # fmt: skip


def run(runs: int, ids: dict) -> list[tuple[str, dict]]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from claims.roles import EDITORS

    editor = get_user_model().objects.create_user("bench-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    newsroom, readers = Client(), Client()
    newsroom.force_login(editor)
    results = []
    for name, path, public in pages(ids):
        client = readers if public else newsroom
        results.append((name, measure(client, path, runs, cold_public=public)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    bench_django_setup("speaker pages")
    from claims.bench_matching import populate

    populate(args.claims, args.mentions, random.Random(13))
    ids = give_speakers()
    from claims.models import Mention

    big_mentions = Mention.objects.filter(source_id=ids["big"]).count()
    print(
        f"speaker and outlet pages: {args.claims:,} claims, {args.mentions:,} mentions; "
        f"the big source has {big_mentions:,} mentions; {args.runs} renders per page "
        f"(target p95 < {TARGET_MS} ms)"
    )
    for name, result in run(args.runs, ids):
        print(
            f"  {name:<42} p50 {result['p50']:6.1f} ms   p95 {result['p95']:6.1f} ms   "
            f"{result['queries']} queries"
        )


if __name__ == "__main__":
    main()
