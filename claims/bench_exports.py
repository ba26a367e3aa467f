"""Benchmark of the newsroom's exports (claims.exports): rows per second and memory.

Fills the database named by DATABASE_URL (a throwaway PostgreSQL: run it through
scripts/with-services.sh or `make bench`) with the matching bench's synthetic claims and
mentions (claims.bench_matching.populate, COPY for the mentions), then exports every mention
as CSV and as JSON through the real view (`/review/exports/mentions.csv`, read by the test
client as a browser reads the stream) and through `manage.py export_claims` (to stdout,
counted, and to a file). The data is made, and each export runs, in a fresh Python process,
so an export's peak RSS (ru_maxrss) is its own and not the populating's; the process also
reads its RSS every 1,000 rows, after 10,000 and 100,000 rows and at the end: flat memory is
a growth near zero. Every bench claim is also published (verdicts across the scale, dates
over a year) and the public side is read at that size: the whole DataFeed
(`/claims/datafeed.json`, ClaimReviews per second and memory) and the read API
(`/api/public/claims/`: p50/p95 and queries of a first page, a page of 100, a page in the
middle, a filtered page).

    python -m claims.bench_exports [--claims 100000] [--mentions 500000]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from claimtrack.bench import bench_django_setup

CHECKPOINTS = (10_000, 100_000)
USERNAME = "bench-exporter"


def rss_mb() -> float:
    """The resident set size of this process now, in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


class RowCounter:
    """Reads the export's text as it streams: counts rows (one per line after the header;
    the bench's texts hold no line break) and notes the RSS at each checkpoint."""

    def __init__(self, fmt: str, checkpoints=CHECKPOINTS) -> None:
        # Line breaks that are no row: the CSV header's; JSON's after "[" and before "]".
        self.header = 1 if fmt == "csv" else 2
        self.lines = 0
        self.bytes = 0
        self.pending = sorted(checkpoints)
        self.sample = True
        self.at: dict[int, float] = {}
        self.max_mb = 0.0  # the largest RSS read while the export streamed (every 1,000 rows)
        self._sampled = 0

    @property
    def rows(self) -> int:
        return max(0, self.lines - self.header)

    def write(self, text: str | bytes, ending: str = "") -> None:
        if isinstance(text, str):
            self.bytes += len(text.encode())
            self.lines += text.count("\n")
        else:
            self.bytes += len(text)
            self.lines += text.count(b"\n")
        while self.pending and self.rows >= self.pending[0]:
            self.at[self.pending.pop(0)] = rss_mb()
        if self.sample and self.rows // 1000 > self._sampled:
            self._sampled = self.rows // 1000
            self.max_mb = max(self.max_mb, rss_mb())

    def flush(self) -> None:
        pass


def measure(path: str, fmt: str, out: str | None = None) -> dict:
    """One export in this process: `path` "view" (the Exports page's download), "command"
    (export_claims --out -), "file" (export_claims --out FILE), or "datafeed" (the public
    DataFeed of every published claim's ClaimReview, one element a line: `fmt` json)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    connection.ensure_connection()
    counter = RowCounter(fmt)
    peak_before = peak_rss_mb()  # Django's set-up and migrate check, before any export
    if path in {"view", "datafeed"}:
        client = Client()
        if path == "view":
            client.force_login(get_user_model().objects.get(username=USERNAME))
        url = f"/review/exports/mentions.{fmt}" if path == "view" else "/claims/datafeed.json"
        baseline = rss_mb()
        started = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        assert response.streaming, "the export must be a streamed response"
        for piece in response.streaming_content:
            counter.write(piece)
        response.close()
    elif path == "command":
        baseline = rss_mb()
        started = time.perf_counter()
        call_command(
            "export_claims", "--kind", "mentions", "--format", fmt, "--out", "-",
            stdout=counter, stderr=open(os.devnull, "w"),
        )  # fmt: skip
    else:
        baseline = rss_mb()
        started = time.perf_counter()
        call_command(
            "export_claims", "--kind", "mentions", "--format", fmt, "--out", out,
            stderr=open(os.devnull, "w"),
        )  # fmt: skip
        counter.pending, counter.sample = [], False  # read afterwards: not the command's
        with open(out, "rb") as file:
            for line in file:
                counter.write(line)
    elapsed = time.perf_counter() - started
    end = rss_mb()
    return {
        "path": path,
        "format": fmt,
        "rows": counter.rows,
        "mb": counter.bytes / 1e6,
        "seconds": elapsed,
        "baseline_mb": baseline,
        "at": {str(k): v for k, v in counter.at.items()},
        "end_mb": end,
        "max_mb": max(counter.max_mb, end),
        "peak_before_mb": peak_before,
        "peak_mb": peak_rss_mb(),
    }


def measure_api(runs: int = 20) -> dict:
    """Anonymous requests of the public read API: milliseconds (p50, p95) and queries."""
    import statistics

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim

    settings.CLAIMTRACK_PUBLIC_API_RATE = "1000000/minute"  # the bench is one address
    claimant = Claim.objects.published().exclude(claimant=None).values("claimant_id").first()
    published = Claim.objects.published().count()
    requests = {
        "list, 50 a page": "/api/public/claims/",
        "list, 100 a page": "/api/public/claims/?page_size=100",
        "a page in the middle": f"/api/public/claims/?page={max(1, published // 100)}",
        "filtered (language, verdict, since)": (
            "/api/public/claims/?language=en&verdict=false&since=2026-01-01"
        ),
    }
    if claimant:  # the bench's claims have none; a real newsroom's do
        requests["by claimant"] = f"/api/public/claims/?claimant={claimant['claimant_id']}"
    client = Client()
    found = {}
    for name, url in requests.items():
        times = []
        for run in range(runs + 2):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if run >= 2:  # two warm-up requests
                times.append(elapsed)
        times.sort()
        found[name] = {
            "p50": statistics.median(times),
            "p95": times[min(len(times) - 1, round(0.95 * len(times)) - 1)],
            "queries": len(queries),
            "results": len(response.json()["results"]),
            "count": response.json()["count"],
        }
    return found


def claims_publish_all() -> None:
    """Every bench claim published, with verdicts of the whole scale and dates over a
    year: the public API and the DataFeed at full size."""
    from django.db import connection

    from claims.models import Rating

    ratings = list(Rating.objects.order_by("pk").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claim SET status = 'published', "
            "verdict_id = (%s::bigint[])[(id %% %s) + 1], "
            "published_at = now() - (id %% 365) * interval '1 day', "
            "conclusion = 'The bench concludes.'",
            [ratings, len(ratings)],
        )
        cursor.execute("ANALYZE claims_claim")


def exporter_ensure() -> None:
    """A journalist's account for the view's downloads."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims.roles import JOURNALISTS

    user, _ = get_user_model().objects.get_or_create(username=USERNAME)
    user.groups.add(Group.objects.get(name=JOURNALISTS))


def run_child(path: str, fmt: str) -> dict:
    """The export in a fresh process, so that its peak RSS is its own."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, f"{path}.{fmt}")
        done = subprocess.run(
            [sys.executable, "-m", "claims.bench_exports", "--child", path, fmt, out],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        sys.exit(f"export {path} {fmt} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


NAMES = {
    "datafeed": "view /claims/datafeed.json",
    "view": "view /review/exports/",
    "command": "export_claims --out -",
    "file": "export_claims --out FILE",
}


def report(result: dict) -> str:
    at = {int(k): v for k, v in result["at"].items()}
    first, second = CHECKPOINTS
    growth = ""
    sampled = f"max {result['max_mb']:.0f} MB while streaming, " if result["path"] != "file" else ""
    if first in at:
        growth = f"; RSS growth {first:,} rows -> end {result['end_mb'] - at[first]:+.1f} MB"
    if first in at and second in at:
        growth += f" ({first:,} -> {second:,} rows {at[second] - at[first]:+.1f} MB)"
    return (
        f"  {NAMES[result['path']]:<25} {result['format']:<4} {result['rows']:>9,} rows "
        f"{result['mb']:6.1f} MB in {result['seconds']:5.1f} s = "
        f"{result['rows'] / result['seconds']:7,.0f} rows/s; RSS {result['baseline_mb']:.0f} MB "
        f"before, {sampled}process peak {result['peak_mb']:.0f} MB "
        f"({result['peak_before_mb']:.0f} MB before the export){growth}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=500_000)
    parser.add_argument("--child", nargs=3, metavar=("PATH", "FORMAT", "OUT"), help="internal")
    parser.add_argument("--populate-only", action="store_true", help="internal")
    args = parser.parse_args(argv)
    bench_django_setup("exports")
    if args.child:
        path, fmt, out = args.child
        print(json.dumps(measure_api() if path == "api" else measure(path, fmt, out)))
        return
    from django.db import connection

    from claims.models import Claim, Mention

    if args.populate_only:
        import random

        from claims.bench_matching import populate

        populate(args.claims, args.mentions, random.Random(14))
        claims_publish_all()
        exporter_ensure()
        return
    # Populating takes far more memory than exporting, and Linux keeps a process's peak RSS
    # (ru_maxrss) through fork and exec: the data is made in a process of its own, so that
    # the exports' processes start from this small one.
    if Mention.objects.count() < args.mentions:
        subprocess.run(
            [sys.executable, "-m", "claims.bench_exports", "--populate-only",
             "--claims", str(args.claims), "--mentions", str(args.mentions)],
            check=True,
        )  # fmt: skip
    n_mentions = Mention.objects.count()
    connection.close()
    print(f"exports of {n_mentions:,} mentions (each in a fresh process)")
    for fmt in ("csv", "json"):
        for path in ("view", "command", "file"):
            result = run_child(path, fmt)
            assert result["rows"] == n_mentions, (result["rows"], n_mentions)
            print(report(result), flush=True)
    n_published = Claim.objects.published().count()
    connection.close()
    print(f"public DataFeed and read API: {n_published:,} published claims")
    result = run_child("datafeed", "json")
    assert result["rows"] == n_published, (result["rows"], n_published)
    print(report(result).replace(" rows", " ClaimReviews", 1), flush=True)
    for name, figures in run_child("api", "json").items():
        print(
            f"  GET /api/public/claims/ {name:<36} p50 {figures['p50']:6.1f} ms, "
            f"p95 {figures['p95']:6.1f} ms, {figures['queries']} queries "
            f"({figures['results']} of {figures['count']:,} claims)"
        )


if __name__ == "__main__":
    main()
