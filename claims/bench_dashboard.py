"""Benchmark of the editors' dashboard (/review/dashboard/) at newsroom scale (`make bench`).

Fills the database named by DATABASE_URL (a throwaway PostgreSQL: run it through
scripts/with-services.sh or `make bench`) with the matching bench's synthetic claims and
mentions (claims.bench_matching.populate: bulk inserts and a COPY of the mentions), then
spreads them in SQL the way a newsroom's two years look: article dates over ~2 years (more
of them recent), outlets of very unequal size, French and English, stances, review states
(a backlog of the last three weeks), verdicts and publications, open and dismissed alerts.

It then renders the dashboard as an editor (Django's test client: the server-side time of
the whole page, queries and templates) for the default period (the last 12 weeks) and for
the last two years, and prints p50/p95 and the number of queries, and each reader's own time.

    python -m claims.bench_dashboard [--claims 100000] [--mentions 500000] [--requests 30]
"""

import argparse
import random
import statistics
import time

from claimtrack.bench import bench_django_setup

DAYS = 730


def spread(rng_seed: int = 14) -> None:
    """Dates, outlets, languages, stances, review states, verdicts and alerts, in SQL."""
    from django.db import connection

    from claims.models import Alert, Rating

    ratings = list(Rating.objects.values_list("pk", flat=True))
    kinds = [kind for kind, _ in Alert.Kind.choices]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [rng_seed / 100])
        cursor.execute("SELECT array_agg(id ORDER BY id) FROM articles_outlet")
        outlets = cursor.fetchone()[0]
        # Articles: a date within two years, more of them recent; outlets from a few big ones
        # to many small ones (the square of a uniform number), a few with no outlet, a few of
        # unknown language, a few with no date of their own (stored date only).
        cursor.execute(
            """
            UPDATE articles_article SET
                published_at = now() - interval '1 day' * %(days)s * power(random(), 1.4)
                               - interval '1 minute' * floor(random() * 1440),
                outlet_id = CASE WHEN random() < 0.02 THEN NULL
                    ELSE (%(outlets)s::bigint[])[1 + floor(%(n)s * power(random(), 2))::int] END,
                language = CASE WHEN random() < 0.03 THEN '' ELSE language END
            """,
            {"days": DAYS, "outlets": outlets, "n": len(outlets)},
        )
        cursor.execute(
            """
            UPDATE articles_article SET
                created_at = published_at + interval '1 minute' * floor(random() * 600),
                published_at = CASE WHEN random() < 0.05 THEN NULL ELSE published_at END
            """
        )
        cursor.execute("UPDATE articles_article SET created_at = LEAST(created_at, now())")
        # Mentions: found when their article was stored; stances; the last three weeks are
        # the backlog (unreviewed, some corrected), older ones decided. Responses answer the
        # claim they would have been an appearance of.
        cursor.execute(
            """
            UPDATE claims_mention SET stance = CASE
                WHEN r < 0.82 THEN 'asserts' WHEN r < 0.90 THEN 'denies'
                WHEN r < 0.95 THEN 'declines_comment' ELSE 'cannot_verify' END
            FROM (SELECT id, random() AS r FROM claims_mention) AS x
            WHERE x.id = claims_mention.id
            """
        )
        cursor.execute(
            """
            UPDATE claims_mention m SET
                created_at = LEAST(now(), a.created_at + interval '1 minute' * random() * 60),
                claim_id = CASE WHEN m.stance = 'asserts' THEN m.claim_id END,
                responds_to_id = CASE WHEN m.stance <> 'asserts' THEN m.claim_id END,
                review_state = CASE
                    WHEN a.created_at > now() - interval '21 days' AND random() < 0.6
                        THEN CASE WHEN random() < 0.1 THEN 'corrected' ELSE 'unreviewed' END
                    WHEN m.claim_id IS NOT NULL THEN 'accepted'
                    WHEN random() < 0.7 THEN 'rejected'
                    ELSE 'accepted' END
            FROM articles_article a
            WHERE a.id = m.article_id
            """
        )
        # Claims: started a little after their first accepted appearance; half in French;
        # 45% with a verdict, most of those published some days later.
        cursor.execute(
            """
            UPDATE claims_claim c SET created_at = LEAST(now(), f.first + interval '1 hour'
                                                  * floor(random() * 72))
            FROM (SELECT m.claim_id, MIN(COALESCE(a.published_at, a.created_at)) AS first
                  FROM claims_mention m JOIN articles_article a ON a.id = m.article_id
                  WHERE m.review_state = 'accepted' AND m.claim_id IS NOT NULL
                  GROUP BY m.claim_id) f
            WHERE f.claim_id = c.id
            """
        )
        cursor.execute(
            """
            UPDATE claims_claim SET
                created_at = now() - interval '1 day' * %(days)s * random()
            WHERE NOT EXISTS (SELECT 1 FROM claims_mention m
                              WHERE m.claim_id = claims_claim.id AND m.review_state = 'accepted')
            """,
            {"days": DAYS},
        )
        cursor.execute(
            """
            UPDATE claims_claim SET
                language = CASE WHEN random() < 0.5 THEN 'fr' ELSE 'en' END,
                verdict_id = CASE WHEN random() < 0.45
                    THEN (%(ratings)s::bigint[])[1 + floor(random() * %(n)s)::int] END
            """,
            {"ratings": ratings, "n": len(ratings)},
        )
        cursor.execute(
            """
            UPDATE claims_claim SET status = 'published',
                published_at = LEAST(now(), created_at + interval '1 hour'
                                            * floor(720 * power(random(), 2)))
            WHERE verdict_id IS NOT NULL AND random() < 0.8
            """
        )
        cursor.execute(
            """
            INSERT INTO claims_alert (claim_id, kind, detail, data, state, dismiss_reason,
                                      created_at)
            SELECT c.id, (%(kinds)s::text[])[1 + floor(random() * %(n)s)::int], 'Bench alert',
                   '{}', CASE WHEN random() < 0.4 THEN 'open' ELSE 'dismissed' END, 'bench',
                   c.created_at + interval '1 day' * random() * 10
            FROM claims_claim c WHERE random() < 0.03
            """,
            {"kinds": kinds, "n": len(kinds)},
        )
        cursor.execute("UPDATE claims_alert SET dismiss_reason = '' WHERE state = 'open'")
        # As autovacuum leaves a table after such updates (index-only scans need it).
        for table in ("articles_article", "claims_mention", "claims_claim", "claims_alert"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"spread over {DAYS} days in {time.perf_counter() - started:.0f} s", flush=True)


def describe() -> str:
    from articles.models import Article
    from claims.models import Alert, Claim, Mention

    pending = Mention.objects.pending().count()
    published = Claim.objects.published().count()
    return (
        f"{Claim.objects.count():,} claims ({published:,} published), "
        f"{Mention.objects.count():,} mentions ({pending:,} waiting for review), "
        f"{Article.objects.count():,} articles, "
        f"{Alert.objects.filter(state='open').count():,} open alerts"
    )


def editor():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims.roles import EDITORS

    user, _ = get_user_model().objects.get_or_create(username="bench-editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def measure(client, path: str, requests: int) -> tuple[list[float], int, str]:
    """Server-side times of `requests` renders (ms), the queries of one, and a figure."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    count = len(queries)  # now: the next requests empty the log it reads
    assert response.status_code == 200, response.status_code
    assert not response.context["form"].errors, response.context["form"].errors
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    chart = response.context["weekly_charts"][0]
    return times, count, f"{chart.total:,} mentions in {len(chart.columns)} columns"


def readers(path_period, requests: int = 5) -> str:
    """Each selector's own time (median ms) for a period: where the page's time goes."""
    from claims import dashboard

    labels = {"other": "Other", "no_outlet": "None", "no_language": "?"}
    calls = {
        "counted_at": dashboard.mention_weeks_counted_at,
        "mention_weeks": lambda: dashboard.mention_weeks(path_period, labels=labels),
        "claim_counts": lambda: dashboard.claim_counts(path_period, labels=labels),
        "claim_outlet_weeks": lambda: dashboard.claim_outlet_weeks(
            path_period, labels=labels | {"no_appearance": "-"}
        ),
        "time_to_verdict": lambda: dashboard.time_to_verdict(path_period),
        "backlog": lambda: dashboard.review_backlog(path_period),
        "alerts": lambda: dashboard.open_alerts(path_period),
    }
    parts = []
    for name, call in calls.items():
        times = []
        for _ in range(requests):
            began = time.perf_counter()
            call()
            times.append((time.perf_counter() - began) * 1000)
        parts.append(f"{name} {statistics.median(times):.0f}")
    return ", ".join(parts) + " (ms, median)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)
    bench_django_setup("dashboard")
    import datetime as dt

    from django.test import Client
    from django.utils import timezone

    from claims import bench_matching, dashboard
    from claims.models import Claim, ClaimFirstOutlet

    if not Claim.objects.exists():
        bench_matching.populate(args.claims, args.mentions, random.Random(13))
        spread()
    print(describe())
    began = time.perf_counter()
    weeks, waits = dashboard.dashboard_recount()
    print(
        f"rollups counted in {time.perf_counter() - began:.1f} s: {weeks:,} MentionWeek rows, "
        f"{waits:,} VerdictWait rows, {ClaimFirstOutlet.objects.count():,} ClaimFirstOutlet "
        f"rows (a Celery task, every {dashboard.ROLLUP_MAX_AGE} at most)"
    )
    client = Client()
    client.force_login(editor())
    today = timezone.localdate()
    two_years = dashboard.Period(today - dt.timedelta(days=DAYS), today)
    periods = [
        ("default period (last 12 weeks)", "/review/dashboard/", dashboard.Period.default(today)),
        (
            "2-year period",
            f"/review/dashboard/?since={two_years.since.isoformat()}",
            two_years,
        ),
    ]
    for name, path, period in periods:
        times, queries, figure = measure(client, path, args.requests)
        print(
            f"dashboard, {name}: p50 {statistics.median(times):.0f} ms, "
            f"p95 {percentile(times, 95):.0f} ms over {len(times)} renders, {queries} queries "
            f"({figure}; target p95 < 300 ms)"
        )
        print(f"  {readers(period)}")
    # Claims started since the last count have no ClaimFirstOutlet row and are looked up
    # live: as if the newest 500 had been started in the last ten minutes.
    newest = Claim.objects.order_by("-created_at").values_list("pk", flat=True)[:500]
    ClaimFirstOutlet.objects.filter(claim_id__in=list(newest)).delete()
    name, path, period = periods[0]
    times, queries, _ = measure(client, path, args.requests)
    print(
        f"dashboard, {name}, 500 claims not counted yet: p50 {statistics.median(times):.0f} ms, "
        f"p95 {percentile(times, 95):.0f} ms over {len(times)} renders, {queries} queries"
    )


if __name__ == "__main__":
    main()
