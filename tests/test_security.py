"""Production configuration: `check --deploy` clean, Content-Security-Policy, login throttling."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "SITE_URL": "https://claims.example.org",
    "ALLOWED_HOSTS": "claims.example.org",
}


# What production sets itself, and what the browser tests set for their own process.
NOT_INHERITED = {"SECRET_KEY", "DEBUG", "SITE_URL", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in NOT_INHERITED and not k.startswith(("SECURE_", "CLAIMTRACK_"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="claimtrack.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True,
    )  # fmt: skip


def test_check_deploy_is_clean_in_the_production_configuration():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_the_safe_ones():
    expr = (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS >= 31536000, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    result = manage("shell", "-c", expr, **PRODUCTION)
    assert result.stdout.splitlines()[-1].split() == ["True", "True", "True", "True", "None"]
    behind_proxy = manage("shell", "-c", expr, SECURE_PROXY_SSL_HEADER="1", **PRODUCTION)
    assert behind_proxy.stdout.splitlines()[-1].endswith("('HTTP_X_FORWARDED_PROTO', 'https')")


def test_every_page_carries_a_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_sixth_bad_password_locks_the_account_out_even_with_the_right_password(client, journalist):
    statuses = [
        client.post(
            "/accounts/login/", {"username": journalist.username, "password": "wrong-guess"}
        ).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks the account out
    locked = client.post(
        "/accounts/login/", {"username": journalist.username, "password": "a-test-password-1"}
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed log-ins" in locked.content.decode()


@pytest.mark.django_db
def test_admin_login_is_throttled_too(client, journalist):
    for _ in range(5):
        client.post(
            "/admin/login/?next=/admin/",
            {"username": journalist.username, "password": "wrong-guess"},
        )
    locked = client.post(
        "/admin/login/?next=/admin/",
        {"username": journalist.username, "password": "a-test-password-1"},
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_good_password_after_a_few_mistakes_logs_in_and_resets_the_count(client, journalist):
    for _ in range(4):
        client.post("/accounts/login/", {"username": journalist.username, "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": journalist.username, "password": "a-test-password-1"}
    )
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_behind_the_proxy_log_ins_are_counted_for_the_address_the_proxy_saw(rf, settings):
    from claimtrack.security import client_ip

    request = rf.post(
        "/accounts/login/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    assert client_ip(request) == "10.0.0.2"  # no proxy configured: the header is not trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "203.0.113.9"  # the client could have forged 1.2.3.4
