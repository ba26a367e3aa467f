"""One extraction run per article, time limits and killed workers, on the whole stack:
real PostgreSQL, Redis and Celery worker processes (solo and prefork pools)."""

import os
import signal
import time
from datetime import timedelta

import pytest
from celery import Celery

from articles.models import Article
from articles.services import (
    article_requeue,
    article_submit_text,
    articles_sweep_stuck,
)
from claims import extraction
from claims.models import Mention
from tests.integration.conftest import WorkerProcess
from tests.integration.test_ingest_reliability import (
    TIMEOUT,
    RedisServer,
    long_article,
    start_worker,
    stop_worker,
    wait_for,
)

FINAL = {"ready", "failed"}


@pytest.fixture
def private_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def wait_for_log(workers: list[WorkerProcess], text: str, count: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while sum(w.log().count(text) for w in workers) < count:
        if time.monotonic() > deadline:
            logs = "\n----\n".join(w.log() for w in workers)
            pytest.fail(f"{text!r} not {count} times in the worker logs:\n{logs}")
        time.sleep(0.1)


def children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(child) for child in fh.read().split()]


def assert_stored_once(article: Article, text: str) -> None:
    mentions = list(Mention.objects.filter(article=article))
    assert len(mentions) == len(extraction.extract(text, "en")) > 100
    assert len({(m.start, m.end) for m in mentions}) == len(mentions)  # no duplicates
    assert all(text[m.start : m.end] == m.content for m in mentions)


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_extract_one_article_at_once(celery_worker_process, redis_url, tmp_path):
    from claims.tasks import extract_claims

    second = start_worker(redis_url, tmp_path / "second.log")
    workers = [celery_worker_process, second]
    try:
        text = "\n\n".join([long_article()] * 3)
        article = article_submit_text(text=text, language="en", enqueue=False).article
        # The same article sent twice at once (a sweeper re-send, a redelivered message):
        # each worker takes one message.
        extract_claims.apply_async((article.pk,))
        extract_claims.apply_async((article.pk,))
        wait_for(article, {"extracting"}, celery_worker_process)
        # While it runs, the admin's "Extract claims again" and the sweeper leave it alone.
        assert article_requeue(article=article).status == "extracting"
        zero = timedelta(0)
        assert articles_sweep_stuck(unsent_after=zero, queued_after=zero, running_after=zero) == 0
        article = wait_for(article, FINAL, celery_worker_process)
        wait_for_log(workers, "succeeded in", 2)
    finally:
        stop_worker(second)
    assert article.status == "ready", article.error
    assert_stored_once(article, text)
    logs = [w.log() for w in workers]
    assert sum(log.count("claims.tasks.extract_claims[") for log in logs) >= 2  # both ran
    assert sum(log.count(": 'ready'") for log in logs) == 1  # one stored the mentions
    assert sum("is being extracted by another run: skipped" in log for log in logs) == 1


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_whole_is_noticed_in_seconds_by_its_heartbeat(private_redis, tmp_path):
    text = long_article()
    article = article_submit_text(text=text, language="en", enqueue=False).article
    fast = {
        "CLAIMTRACK_EXTRACT_HEARTBEAT_INTERVAL": "0.5",
        "CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT": "3",
    }
    prefork = ("--pool", "prefork", "--concurrency", "1")
    first = start_worker(private_redis.url, tmp_path / "first.log", *prefork, **fast)
    sender = Celery("sender", broker=private_redis.url, set_as_current=False)
    sender.send_task("claims.tasks.extract_claims", args=[article.pk])
    wait_for(article, {"extracting"}, first)
    # The main process and its pool child die together: nobody rejects the message, which
    # Redis keeps for its visibility timeout (an hour); the sweeper's 10 minutes would be next.
    pool = children(first.process.pid)
    assert pool
    for pid in [first.process.pid, *pool]:
        os.kill(pid, signal.SIGKILL)
    first.process.wait()
    article.refresh_from_db()
    assert article.status == "extracting" and article.mentions.count() == 0

    # A worker restarted with beat: the sweeper runs every second, the dead run stops
    # beating after 3 seconds.
    second = start_worker(
        private_redis.url, tmp_path / "second.log", *prefork,
        "--beat", "--schedule", str(tmp_path / "beat-schedule"),
        CLAIMTRACK_SWEEP_INTERVAL="1", **fast,
    )  # fmt: skip
    try:
        started = time.monotonic()
        article = wait_for(article, FINAL, second)
        took = time.monotonic() - started
    finally:
        stop_worker(second)
    assert article.status == "ready", article.error
    assert took < TIMEOUT
    assert article.sweep_count == 1 and article.extraction_run is None
    assert_stored_once(article, text)
    assert "Sweeper sent 1 stuck article(s) again" in second.log()


@pytest.mark.django_db(transaction=True)
def test_an_extraction_over_its_time_limit_fails_with_a_reason_and_is_not_sent_again(
    celery_app_not_eager, redis_url, tmp_path, settings
):
    prefork = ("--pool", "prefork", "--concurrency", "1")
    worker = start_worker(redis_url, tmp_path / "worker.log", *prefork)
    try:
        # A short article first: the worker loads its spaCy model within normal limits.
        warm = article_submit_text(
            text='"The bridge will reopen in March," said Mayor Linda Okafor.', language="en"
        ).article
        assert wait_for(warm, FINAL, worker).status == "ready"
        # Then the limits the sender scales to the text: 1 s whatever its length, here.
        settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_BASE = 1
        settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_PER_KCHAR = 0
        text = "\n\n".join([long_article()] * 4)
        article = article_submit_text(text=text, language="en").article
        article = wait_for(article, FINAL, worker)
        time.sleep(2)  # would a second run start?
        article.refresh_from_db()
        log = worker.log()
    finally:
        stop_worker(worker)
    assert article.status == "failed"
    assert article.error == (
        f"This article is too long or unusual to analyse in the time allowed ({len(text):,} "
        "characters): split it, or paste the main text only, and submit it again."
    )
    assert article.extraction_attempts == 0 and not article.mentions.exists()
    assert "Soft time limit (1.0s) exceeded for claims.tasks.extract_claims" in log
    assert "ran out of time" in log and "WorkerLostError" not in log
    assert log.count("] received") == 2  # the warm-up and the long one, each once


@pytest.mark.django_db(transaction=True)
def test_a_long_run_of_quote_marks_without_spaces_is_extracted_promptly(celery_worker_process):
    line = "«" * 10_000 + "”" * 10_000
    text = "Le maire a parlé.\n" + "\n".join([line] * 2) + "\n« Tout va bien », a-t-il déclaré."
    article = article_submit_text(text=text, language="fr").article
    article = wait_for(article, FINAL, celery_worker_process)  # 85 s before the fix
    assert article.status == "ready", article.error
    mentions = list(article.mentions.all())
    assert [m.content for m in mentions] == ["Tout va bien"]
    assert all(text[m.start : m.end] == m.content for m in mentions)
