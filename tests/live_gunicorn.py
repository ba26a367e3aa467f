"""gunicorn serving the test database, as production runs it (DEBUG off, sync workers).

For the whole-stack tests of big pages and of the public page cache: the real WSGI server,
with its worker timeout, in front of the real PostgreSQL and Redis of `make test`
(scripts/with-services.sh). Use from a test that has `transactional_db`, so that the server
processes see what the test writes.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def server_database_url() -> str:
    """DATABASE_URL of the database pytest-django created for this run."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail(f"gunicorn tests need PostgreSQL, not {connection.vendor}: run `make test`.")
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float
    headers: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")


@dataclass
class Gunicorn:
    url: str
    process: subprocess.Popen
    log_path: Path
    access_log_path: Path

    def get(self, path: str, *, cookies: dict | None = None, timeout: float = 60) -> Response:
        headers = {"Accept-Language": "en"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        request = urllib.request.Request(self.url + path, headers=headers)
        started = time.monotonic()
        try:
            with _opener.open(request, timeout=timeout) as response:
                body, status, got = response.read(), response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            body, status, got = error.read(), error.code, dict(error.headers)
        return Response(status, body, time.monotonic() - started, got)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def served(self) -> list[tuple[str, str, int]]:
        """(worker pid, path, status) of every request answered so far, in order."""
        if not self.access_log_path.exists():
            return []
        rows = []
        for line in self.access_log_path.read_text().splitlines():
            pid, path, status = line.split()
            rows.append((pid, path, int(status)))
        return rows


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (to the login page…) is the answer the test sees


_opener = urllib.request.build_opener(_NoRedirect)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(
    tmp_path: Path, *, workers: int = 1, timeout: int = 30, env=None
) -> Iterator[Gunicorn]:
    """Start `gunicorn claimtrack.wsgi` on a free loopback port; stopped on exit."""
    from django.conf import settings

    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: run the tests through `make test`.")
    port = _free_port()
    server_env = {
        **os.environ,
        "DATABASE_URL": server_database_url(),
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions the tests make are signed with it
        "SITE_URL": f"http://{HOST}:{port}",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    log_path, access_log_path = tmp_path / "gunicorn.log", tmp_path / "access.log"
    command = [
        sys.executable, "-m", "gunicorn", "claimtrack.wsgi:application",
        "--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", str(timeout),
        "--log-level", "warning",
        # Which worker answered what: the tests of the per-process page cache need it.
        "--access-logfile", str(access_log_path), "--access-logformat", "%(p)s %(U)s %(s)s",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=server_env, stdout=log, stderr=log)
    server = Gunicorn(
        url=f"http://{HOST}:{port}",
        process=process,
        log_path=log_path,
        access_log_path=access_log_path,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited with code {process.returncode}:\n{server.log()}")
            try:
                if server.get("/healthz", timeout=2).status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer /healthz within 60 s:\n{server.log()}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def session_cookie(user) -> dict:
    """The session cookie of `user` logged in, for requests sent to gunicorn."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
