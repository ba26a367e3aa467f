import os
import subprocess
import sys

CHECK = "import django; django.setup(); from django.conf import settings; print({})"


def run_settings(expr: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "REDIS_URL", "SITE_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="claimtrack.settings")
    return subprocess.run(
        [sys.executable, "-c", CHECK.format(expr)], env=environment, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings("settings.DEBUG", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_secret_key_and_site_url():
    result = run_settings(
        "(settings.DEBUG, settings.SITE_URL)", DEBUG="0", SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="claims.example", SITE_URL="https://claims.example/",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(False, 'https://claims.example')"


def test_production_refuses_to_start_without_its_public_address():
    result = run_settings("settings.DEBUG", DEBUG="0", SECRET_KEY="x" * 50, SITE_URL="")
    assert result.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in result.stderr


def test_a_site_url_without_scheme_is_refused():
    result = run_settings("settings.SITE_URL", SITE_URL="claims.example.org")
    assert result.returncode != 0
    assert "SITE_URL must be an http:// or https:// address" in result.stderr


def test_without_redis_url_tasks_run_in_process():
    result = run_settings("settings.CELERY_TASK_ALWAYS_EAGER")
    assert result.stdout.strip() == "True", result.stderr


def test_with_redis_url_tasks_go_to_redis():
    result = run_settings(
        "(settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL)",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    assert result.stdout.strip() == "(False, 'redis://127.0.0.1:1/0')", result.stderr


def test_database_url_is_read_from_the_environment():
    result = run_settings(
        "settings.DATABASES['default']['ENGINE']", DATABASE_URL="postgres://u:p@127.0.0.1:5/x"
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr


def test_make_run_on_another_port_builds_every_link_on_that_port():
    """`make run PORT=8101` sets SITE_URL to that port (unless SITE_URL is set), and SITE_URL is
    what the feed, sitemap, canonical links, ClaimReview and e-mails are built from."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    recipe = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=root, env=environment,
        capture_output=True, text=True,
    )  # fmt: skip
    assert recipe.returncode == 0, recipe.stderr
    assert 'export SITE_URL="${SITE_URL:-http://127.0.0.1:8101}"' in recipe.stdout
    assert "runserver 127.0.0.1:8101" in recipe.stdout
    result = run_settings(
        "__import__('claims.public.jsonld', fromlist=['x']).absolute_url('/claims/feed/')",
        SITE_URL="http://127.0.0.1:8101",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "http://127.0.0.1:8101/claims/feed/"
