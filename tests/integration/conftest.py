"""Fixtures for integration tests: a real Celery worker process on a real Redis queue.

`make test` (scripts/with-services.sh) provides PostgreSQL and Redis through
DATABASE_URL and REDIS_URL; these tests fail, rather than skip, without them.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
WORKER_START_TIMEOUT = 60  # seconds: Django setup and connecting to Redis


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    # Keep each phase's report on the item, so fixtures can tell whether the test failed.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@dataclass
class WorkerProcess:
    process: subprocess.Popen
    nodename: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def assert_alive(self) -> None:
        if self.process.poll() is not None:
            pytest.fail(
                f"the Celery worker exited with code {self.process.returncode}:\n{self.log()}"
            )


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.fail(
            "REDIS_URL is not set: the integration tests need a real Redis. "
            "Run them through `make test`, or `scripts/with-services.sh .venv/bin/pytest ...`, "
            "which start a throwaway PostgreSQL and Redis."
        )
    return url


def worker_database_url() -> str:
    """DATABASE_URL of the database pytest-django created for this run (test_claimtrack)."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail(
            f"the integration tests need PostgreSQL, not {connection.vendor}: a worker process "
            "cannot share an in-memory or file test database. Run them through `make test`."
        )
    user = quote(settings["USER"] or "", safe="")
    password = quote(settings["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(settings["HOST"] or "", safe="")  # a socket directory is %-encoded
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(settings['NAME'], safe='')}"


@pytest.fixture
def celery_app_not_eager(redis_url: str) -> Iterator:
    """The claimtrack Celery app, sending tasks to Redis for this test.

    tests/conftest.py makes it eager for every other test; restored afterwards.
    """
    from claimtrack.celery import app

    broker = app.conf.broker_url or ""
    if not broker.startswith(("redis://", "rediss://")):
        pytest.fail(f"the Celery broker is {broker!r}, not the Redis of REDIS_URL={redis_url}")
    saved = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield app
    finally:
        app.conf.task_always_eager = saved


@pytest.fixture
def celery_worker_process(
    request: pytest.FixtureRequest,
    transactional_db: None,
    celery_app_not_eager,
    redis_url: str,
    tmp_path: Path,
) -> Iterator[WorkerProcess]:
    """A `celery -A claimtrack worker` subprocess consuming Redis, writing to the test database.

    Ready when it answers a ping. Terminated after the test; its log is printed when
    the test failed.
    """
    nodename = f"integration-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "claimtrack", "worker",
        "--pool", "solo", "--concurrency", "1", "--loglevel", "info",
        "--hostname", nodename, "--without-mingle", "--without-gossip",
    ]  # fmt: skip
    log_path = tmp_path / "celery-worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    worker = WorkerProcess(process=process, nodename=nodename, log_path=log_path)
    try:
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while not celery_app_not_eager.control.ping(destination=[nodename], timeout=1.0):
            worker.assert_alive()
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the Celery worker did not answer a ping within {WORKER_START_TIMEOUT}s:\n"
                    f"{worker.log()}"
                )
        yield worker
    finally:
        process.terminate()  # warm shutdown: finishes the task at hand
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        failed = any(
            getattr(request.node, f"rep_{when}", None) is not None
            and getattr(request.node, f"rep_{when}").failed
            for when in ("setup", "call")
        )
        if failed:
            print(f"---- celery worker log ({log_path}) ----\n{worker.log()}")
