"""Benchmark of a public claim page under load on gunicorn (`make bench`).

Stores a published claim with 50 appearances and 20 evidence items in the database named by
DATABASE_URL (a throwaway PostgreSQL under `make bench`), counts the queries of its page
when nothing is cached, then starts gunicorn on a free loopback port and loads it with a
small asyncio HTTP client (loopback only): requests per second and p99 latency of the claim
page against the trivial `/healthz` view of the same server, and their ratio (target ≥ 0.5).
gunicorn runs as docker-compose.yml and the Dockerfile run it: 3 sync workers.

The clients send what a browser sends (Accept-Language, Accept-Encoding: gzip), so the claim
page comes compressed, as readers get it; a third load per round asks for it uncompressed,
and its ratio is printed too.

    python -m claims.bench_public [--seconds 10] [--concurrency 8] [--rounds 3]
        [--worker-class sync|gthread] [--workers 3] [--threads 1]
"""

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

from claimtrack.bench import bench_django_setup

HOST = "127.0.0.1"
# Extra request headers: a browser's, and a client that takes no compression.
BROWSER = "Accept-Encoding: gzip, deflate, br\r\n"
IDENTITY = ""
SLUG = "bench-public-claim"
APPEARANCES = 50
EVIDENCE = 20


def populate() -> None:
    """The big claim page: 50 accepted appearances in 5 outlets, 20 approved evidence items,
    3 corrections; plus what readers must not see (unreviewed mentions, draft evidence)."""
    from django.utils import timezone

    from articles.models import Article, Outlet, content_hash
    from claims.models import Claim, Correction, Evidence, Mention, Rating, Source

    if Claim.objects.filter(slug=SLUG).exists():
        return
    claimant, _ = Source.objects.get_or_create(
        normalized_name="bench minister", kind="person", defaults={"name": "Bench Minister"}
    )
    claim = Claim.objects.create(
        statement="The budget for public transport doubles next year",
        slug=SLUG,
        claimant=claimant,
        language="en",
        sourcing=Claim.Sourcing.NAMED,
        verdict=Rating.objects.exclude(score=None).order_by("order").first(),
        conclusion="The finance bill raises it by a fifth, not twofold.",
        status=Claim.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    outlets = [Outlet.objects.get_or_create(name=f"Bench outlet {i}")[0] for i in range(5)]
    text = "The minister said that the budget for public transport would double next year."
    span = "the budget for public transport would double next year"
    start = text.index(span)
    mentions = []
    for i in range(APPEARANCES + 10):
        body = f"{text} (story {i} of the public benchmark)"
        article = Article.objects.create(
            title=f"Transport budget story {i}", text=body, language="en", status="ready",
            outlet=outlets[i % len(outlets)], content_hash=content_hash(body),
            url=f"https://news.example/transport/{i}", published_at=timezone.now(),
        )  # fmt: skip
        mentions.append(
            Mention(
                article=article, claim=claim, speaker="The minister", via=["Wire agency"],
                content=span, start=start, end=start + len(span), cue="said",
                review_state="accepted" if i < APPEARANCES else "unreviewed",
            )
        )  # fmt: skip
    Mention.objects.bulk_create(mentions)
    Evidence.objects.bulk_create(
        Evidence(
            claim=claim, title=f"Finance bill, article {i}", url=f"https://gov.example/bill/{i}",
            kind=Evidence.Kind.PRIMARY_DOCUMENT, relation=Evidence.Relation.REFUTES,
            is_approved=i < EVIDENCE,
        )
        for i in range(EVIDENCE + 5)
    )  # fmt: skip
    Correction.objects.bulk_create(
        Correction(claim=claim, text=f"Correction {i}: we fixed a figure.") for i in range(3)
    )


def count_queries(path: str) -> int:
    """Queries of the claim page with nothing cached (the ≤ 10 bound the tests assert)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.public.cache import public_cache_invalidate

    public_cache_invalidate()
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    assert body.count('<li class="timeline-item') == APPEARANCES
    assert body.count('<li class="evidence-item') == EVIDENCE
    return len(queries)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, threads: int, worker_class: str) -> subprocess.Popen:
    env = dict(os.environ, DEBUG="0", ALLOWED_HOSTS=HOST, LOG_LEVEL="WARNING")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "claimtrack.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers),
            "--worker-class", worker_class, "--threads", str(threads), "--log-level", "warning",
        ],
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not answer on /healthz within 30 s")


async def _fetch_loop(
    port: int, path: str, stop_at: float, latencies: list[float], headers: str
) -> int:
    """One client: keep-alive requests in a row until stop_at; returns the errors seen."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept-Language: en\r\n{headers}\r\n"
    ).encode()
    errors, reader, writer = 0, None, None
    while time.perf_counter() < stop_at:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length, close = 0, False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
                elif name.lower() == b"connection" and value.strip().lower() == b"close":
                    close = True
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors += 1
            if close:
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            writer = None
    if writer is not None:
        writer.close()
    return errors


async def _load(port: int, path: str, seconds: float, concurrency: int, headers: str) -> tuple:
    latencies: list[float] = []
    started = time.perf_counter()
    stop_at = started + seconds
    errors = await asyncio.gather(
        *(_fetch_loop(port, path, stop_at, latencies, headers) for _ in range(concurrency))
    )
    elapsed = time.perf_counter() - started
    return latencies, elapsed, sum(errors)


def load(port: int, path: str, seconds: float, concurrency: int, headers: str = BROWSER) -> dict:
    asyncio.run(_load(port, path, min(2.0, seconds), concurrency, headers))  # warm up
    latencies, elapsed, errors = asyncio.run(_load(port, path, seconds, concurrency, headers))
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors,
        "rps": len(ordered) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def report(name: str, result: dict) -> None:
    print(
        f"{name:<42} {result['rps']:8.0f} req/s   p50 {result['p50']:6.2f} ms   "
        f"p99 {result['p99']:6.2f} ms   ({result['requests']:,} requests, "
        f"{result['errors']} errors)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    # By default the server of docker-compose.yml and the Dockerfile: 3 sync workers (no
    # keep-alive: every request is a new connection, spread over the workers by the kernel).
    # With gthread workers, keep-alive connections stay on one worker, and how they happen to
    # spread swung each page's rate by 2x from one round to the next: use one worker then
    # (--worker-class gthread --workers 1 --threads 4).
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    bench_django_setup("public pages")
    from django.db import connection

    populate()
    from claims.models import Claim

    path = Claim.objects.get(slug=SLUG).get_absolute_url()
    print(
        f"claim page: {APPEARANCES} appearances, {EVIDENCE} evidence items, "
        f"{count_queries(path)} queries with nothing cached"
    )
    connection.close()

    port = free_port()
    server = start_server(port, args.workers, args.threads, args.worker_class)
    try:
        print(
            f"gunicorn on {HOST}:{port}: {args.workers} {args.worker_class} workers x "
            f"{args.threads} threads; {args.concurrency} clients (keep-alive where the server "
            f"allows it) for {args.seconds:.0f} s per page"
        )
        # Alternating rounds: how the keep-alive connections spread over the gunicorn
        # workers varies from one run to the next, and this must not favour either page.
        print(check_compressed_page(port, path))
        rounds = []
        for _ in range(args.rounds):
            trivial = load(port, "/healthz", args.seconds, args.concurrency)
            claim = load(port, path, args.seconds, args.concurrency)
            plain = load(port, path, args.seconds, args.concurrency, IDENTITY)
            rounds.append((trivial, claim, plain))
    finally:
        server.terminate()
        server.wait(timeout=30)
    for number, (trivial, claim, plain) in enumerate(rounds, start=1):
        report(f"round {number}: trivial view (/healthz)", trivial)
        report(f"round {number}: claim page", claim)
        report(f"round {number}: claim page, uncompressed", plain)
    for name, index, target in [("claim page", 1, " (target >= 0.5)"), ("uncompressed", 2, "")]:
        ratios = [each[index]["rps"] / each[0]["rps"] for each in rounds]
        print(
            f"ratio of requests per second, {name} / trivial view: "
            f"{statistics.median(ratios):.2f} median of rounds "
            f"{', '.join(f'{r:.2f}' for r in ratios)}{target}"
        )


def check_compressed_page(port: int, path: str) -> str:
    """The compressed claim page served under load is the whole page."""
    import gzip

    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}", headers={"Accept-Encoding": "gzip", "Accept-Language": "en"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip", response.headers
        compressed = response.read()
    body = gzip.decompress(compressed).decode()
    assert body.count('<li class="timeline-item') == APPEARANCES
    assert body.count('<li class="evidence-item') == EVIDENCE
    return f"claim page: {len(body.encode()):,} bytes, {len(compressed):,} bytes compressed"


if __name__ == "__main__":
    main()
