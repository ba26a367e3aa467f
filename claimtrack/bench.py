"""Set-up shared by the benchmarks that `make bench` runs against a throwaway PostgreSQL."""

import os
import sys


def bench_django_setup(name: str) -> None:
    """Start Django as production runs it (DEBUG off), on PostgreSQL, with a migrated
    database; the test client is let in (ALLOWED_HOSTS) and passwords hash fast."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")
    # Plain HTTP on loopback (the test client, gunicorn under load): no redirect to HTTPS.
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    if connection.vendor != "postgresql":
        sys.exit(f"The {name} benchmark needs PostgreSQL: run it through `make bench`.")
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
