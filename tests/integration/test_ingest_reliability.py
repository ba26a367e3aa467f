"""Reliability with real processes: bad pages through a worker, a worker killed mid-task,
Redis down at submission time. Real PostgreSQL, real Redis servers, real Celery workers.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery

from articles.models import Article
from articles.services import article_submit_url
from claims import extraction
from claims.models import Mention
from tests.integration.conftest import ROOT, WorkerProcess, worker_database_url

TIMEOUT = 60  # seconds for any one wait below
VISIBILITY_TIMEOUT = 2  # seconds before Redis may hand an unacknowledged task to another worker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server we can stop and start again on the same port."""

    def __init__(self, directory: Path) -> None:
        self.port, self.directory, self.process = free_port(), directory, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server not found: run the tests through scripts/with-services.sh")
        self.process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def private_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def worker_env(redis_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def start_worker(redis_url: str, log_path: Path, *options: str, **extra: str) -> WorkerProcess:
    """A worker on that Redis (solo pool unless `options` say otherwise), once it answers a
    ping; `extra` are environment variables."""
    nodename = f"reliability-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    command = [
        sys.executable, "-m", "celery", "-A", "claimtrack", "worker", "--loglevel", "info",
        "--hostname", nodename, "--without-mingle", "--without-gossip",
        *(options or ("--pool", "solo")),
    ]  # fmt: skip
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=worker_env(redis_url, **extra), stdout=log, stderr=log
        )
    worker = WorkerProcess(process=process, nodename=nodename, log_path=log_path)
    pinger = Celery("ping", broker=redis_url, set_as_current=False)
    deadline = time.monotonic() + TIMEOUT
    while not pinger.control.ping(destination=[nodename], timeout=1.0):
        worker.assert_alive()
        if time.monotonic() > deadline:
            pytest.fail(f"the worker did not answer a ping:\n{worker.log()}")
    return worker


def stop_worker(worker: WorkerProcess) -> None:
    if worker.process.poll() is None:
        worker.process.terminate()
        try:
            worker.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()


def wait_for(article: Article, statuses: set[str], worker: WorkerProcess | None = None) -> Article:
    deadline = time.monotonic() + TIMEOUT
    while True:
        article.refresh_from_db()
        if article.status in statuses:
            return article
        if worker is not None:
            worker.assert_alive()
        if time.monotonic() > deadline:
            log = worker.log() if worker else ""
            pytest.fail(f"article {article.pk} still {article.status!r}:\n{log}")
        time.sleep(0.02)


def manage(*args: str, redis_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=worker_env(redis_url), capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip


@pytest.fixture
def fetch_env(monkeypatch):
    """Environment of the worker started by celery_worker_process: fast, no retries."""
    for key, value in {
        "CLAIMTRACK_FETCH_ALLOW_LOOPBACK": "1",
        "CLAIMTRACK_FETCH_RETRIES": "0",
        "CLAIMTRACK_FETCH_READ_TIMEOUT": "1",
        "CLAIMTRACK_FETCH_TOTAL_TIMEOUT": "2",
    }.items():
        monkeypatch.setenv(key, value)


WORKER_OUTCOMES = {
    "/en/article.html": ("ready", ""),
    "/fr/article.html": ("ready", ""),
    "/wrong-charset": ("duplicate", "same article as article"),  # the French one, in Latin-1
    "/missing": ("failed", "The page could not be found (HTTP 404)"),
    "/error": ("failed", "(HTTP 500)"),
    "/slow": ("failed", "The site took too long to answer"),
    "/huge-no-length": ("failed", "The page is larger than 5 MB"),
    "/binary": ("failed", "not a web page"),
    "/redirect-to-zero": ("failed", "private network address"),
    "/redirect-to-private": ("failed", "private network address"),
    "/empty": ("failed", "The page is empty"),
    "/not-article": ("failed", "no article text"),
    "/de/article.html": ("unsupported", "seems to be in German"),
}


@pytest.mark.django_db(transaction=True)
def test_bad_pages_end_in_a_status_through_a_real_worker_which_survives_them(
    fetch_env, page_server, celery_worker_process
):
    articles = {
        path: article_submit_url(url=page_server.url(path)).article for path in WORKER_OUTCOMES
    }
    for path, (status, error) in WORKER_OUTCOMES.items():
        article = wait_for(
            articles[path], {"ready", "failed", "unsupported", "duplicate"}, celery_worker_process
        )
        assert (article.status, error in article.error) == (status, True), (path, article.error)
    celery_worker_process.assert_alive()
    log = celery_worker_process.log()
    assert log.count("articles.tasks.fetch_article[") >= len(WORKER_OUTCOMES)
    assert "raised unexpected" not in log and "WorkerLostError" not in log


def long_article() -> str:
    paragraphs = [
        f'"The plan for district {n} will not be delayed," the transport minister, Alan '
        f"Hughes, told reporters on day {n}. According to the union, {n * 10} drivers "
        f"will strike next week, while the company declined to comment on report {n}."
        for n in range(1, 121)
    ]
    return "Strike talks\n\n" + "\n\n".join(paragraphs)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_extraction_is_replaced_and_the_article_completes_once(
    private_redis, tmp_path
):
    from articles.services import article_submit_text

    text = long_article()
    article = article_submit_text(text=text, language="en", enqueue=False).article
    # The redelivered message takes the article over once the dead run's heartbeat is older
    # than the heartbeat timeout (in production 120 s, well within the visibility timeout).
    env = {
        "CLAIMTRACK_BROKER_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "CLAIMTRACK_EXTRACT_HEARTBEAT_INTERVAL": "0.5",
        "CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT": str(VISIBILITY_TIMEOUT),
    }
    first = start_worker(private_redis.url, tmp_path / "first.log", **env)
    sender = Celery("sender", broker=private_redis.url, set_as_current=False)
    sender.send_task("claims.tasks.extract_claims", args=[article.pk])

    wait_for(article, {"extracting"}, first)
    first.process.send_signal(signal.SIGKILL)  # no warm shutdown, no ack
    first.process.wait()
    article.refresh_from_db()
    assert article.status == "extracting" and article.mentions.count() == 0

    # A starting worker hands back to the queue the unacknowledged messages older than the
    # visibility timeout (then only every ~100 s): start it once the timeout has passed.
    time.sleep(VISIBILITY_TIMEOUT + 0.5)
    second = start_worker(private_redis.url, tmp_path / "second.log", **env)
    try:
        article = wait_for(article, {"ready", "failed"}, second)
    finally:
        stop_worker(second)
    assert article.status == "ready", article.error
    expected = extraction.extract(text, "en")
    mentions = list(Mention.objects.filter(article=article))
    assert len(mentions) == len(expected) > 100
    assert len({(m.start, m.end) for m in mentions}) == len(mentions)  # no duplicates
    assert "extract_claims" in first.log() and "succeeded" not in first.log()
    assert second.log().count("claims.tasks.extract_claims[") >= 1
    assert second.log().count("succeeded in") == 1


@pytest.mark.django_db(transaction=True)
def test_an_article_submitted_while_redis_is_down_is_processed_by_the_sweeper(
    private_redis, tmp_path
):
    private_redis.stop()
    path = tmp_path / "article.txt"
    path.write_text(
        "Flood defences\n\n"
        '"The new wall will protect four hundred homes," the mayor, Sarah Kent, said.\n\n'
        "According to the agency, the works will cost two million pounds.",
        encoding="utf-8",
    )
    submitted = manage("ingest", str(path), "--json", redis_url=private_redis.url)
    assert submitted.returncode == 0, submitted.stderr
    result = json.loads(submitted.stdout)
    assert result["status"] == "queued"
    assert "broker unreachable" in submitted.stderr
    article = Article.objects.get(pk=result["id"])
    assert article.status == "queued" and article.enqueued_at is None

    # Redis is back, empty: the task never reached it. A worker alone does nothing…
    private_redis.start()
    worker = start_worker(private_redis.url, tmp_path / "worker.log")
    try:
        time.sleep(1)
        article.refresh_from_db()
        assert article.status == "queued"
        # …until the sweeper (Celery beat runs it every minute) sends the article again.
        swept = manage("sweep_articles", "--unsent-after", "0", redis_url=private_redis.url)
        assert "1 stuck article(s) sent again." in swept.stdout, swept.stderr
        article = wait_for(article, {"ready", "failed"}, worker)
        assert article.status == "ready", article.error
        assert article.mentions.filter(speaker__icontains="Kent").exists()
        assert article.enqueued_at is not None
    finally:
        stop_worker(worker)
