"""Cache of the public claim pages, and its invalidation.

Every cached fragment's key includes a generation token. The claims services call
`public_cache_invalidate()` whenever something readers see may have changed (publication,
unpublication, a correction, an edit, approved evidence, an appearance accepted or
rejected): the token changes and every cached public fragment is dropped at once.
Publishing is rare next to reading, so one generation for all pages keeps this simple.

The token lives in Redis when REDIS_URL is set (shared by every process), else in the
default cache; the pages themselves in each process's memory (the "public-pages" cache).
A process reads the shared token on every request by default
(CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS = 0), so an invalidation — an unpublication above
all — reaches every process at once; a positive value reads it at most once per interval,
and other processes then learn of a change through the count in the database (below).

The token is changed at once and again after the transaction commits: a request that read
the database just before the commit may have stored the old content under the token of
that moment, which the second change makes unreachable.

When Redis cannot be reached, nothing is served from the cache: a process that fails to
read the token drops its cached pages and renders from the database until Redis answers,
and a failed change of the token is logged without failing the editor's action, which the
database already holds.

A process that served nothing during an outage never saw it fail, and Redis may come back
with the token of before: the change is then known to the database only. So every change
is also counted in PostgreSQL (pagecache.PublicPagesGeneration), in its own transaction,
and a process compares that count with the one it last read before it serves from its
cache whenever it last did so more than CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS ago (one
small query a second for a busy process; an idle one checks on its first request): when
the count moved, it drops its cached pages. A process idle through an outage therefore
never serves a page withdrawn during it, and a change whose token change failed (Redis
unreachable from the editor's process only) reaches every process within that delay.
"""

import functools
import logging
import time
import uuid

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from redis.backoff import NoBackoff
from redis.retry import Retry

from pagecache.models import generation_bump, generation_read

logger = logging.getLogger(__name__)

GENERATION_KEY = "claims:public:generation"


@functools.cache
def _redis() -> redis.Redis | None:
    """A long-lived client for the token: read on every request, so it skips the Django
    cache layer, which builds a new client and unpickles for each call. Short timeouts and
    one immediate retry: a reader must not wait on an unreachable Redis."""
    if not settings.REDIS_URL:
        return None
    return redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=0.5,
        socket_timeout=0.5,
        retry=Retry(NoBackoff(), 1),
    )


def _token_get() -> str | None:
    client = _redis()
    if client is None:
        return cache.get(GENERATION_KEY)
    value = client.get(GENERATION_KEY)
    return value.decode() if value is not None else None


def _token_set(value: str, *, only_if_missing: bool = False) -> None:
    client = _redis()
    if client is None:
        (cache.add if only_if_missing else cache.set)(GENERATION_KEY, value, None)
    else:
        client.set(GENERATION_KEY, value, nx=only_if_missing)


def _token_delete() -> None:
    client = _redis()
    if client is None:
        cache.delete(GENERATION_KEY)
    else:
        client.delete(GENERATION_KEY)


# This process's copy of the token and when it was read from the shared cache; the count of
# changes in the database and when it was read (never yet: -inf).
_last = {"generation": None, "read_at": 0.0, "changes": None, "verified_at": float("-inf")}


def _remember(generation: str | None) -> None:
    _last["generation"], _last["read_at"] = generation, time.monotonic()


def _shared_token_failed(action: str, error: Exception) -> None:
    """Redis did not answer: forget every page this process cached, whatever its token."""
    logger.error(
        "Public page cache: could not %s the shared generation in Redis (%s); claim pages "
        "are rendered from the database until it answers.",
        action,
        error,
    )
    caches["public-pages"].clear()
    _remember(None)


def _new_generation() -> None:
    generation = uuid.uuid4().hex
    try:
        _token_set(generation)
    except redis.RedisError as error:
        _shared_token_failed("change", error)
        return
    _remember(generation)


def _verify_against_the_database() -> None:
    """Drop this process's pages if a change was counted in the database since it last
    looked: its token change may never have reached Redis."""
    now = time.monotonic()
    if now - _last["verified_at"] < settings.CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS:
        return
    changes = generation_read()  # read before the page is rendered from the database
    if changes != _last["changes"]:
        caches["public-pages"].clear()
    _last["changes"], _last["verified_at"] = changes, now


def public_cache_generation() -> str | None:
    """The current generation token (created on first use); None when it cannot be read,
    in which case nothing may be served from or stored in the cache."""
    _verify_against_the_database()
    generation, read_at = _last["generation"], _last["read_at"]
    if generation and time.monotonic() - read_at < settings.CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS:
        return generation
    try:
        generation = _token_get()
        if generation is None:
            _token_set(uuid.uuid4().hex, only_if_missing=True)
            generation = _token_get()
    except redis.RedisError as error:
        _shared_token_failed("read", error)
        return None
    _remember(generation)
    return generation


def public_cache_key(*parts: object) -> str | None:
    """A cache key for a public fragment, valid until the next invalidation; None when the
    cache cannot be used (see public_cache_generation)."""
    generation = public_cache_generation()
    if generation is None:
        return None
    return ":".join(["claims:public", generation, *map(str, parts)])


def public_cache_get(key: str | None):
    return None if key is None else caches["public-pages"].get(key)


def public_cache_set(key: str | None, value) -> None:
    if key is not None:
        caches["public-pages"].set(key, value, settings.CLAIMTRACK_PUBLIC_CACHE_SECONDS)


def public_cache_reset() -> None:
    """Forget every cached public page (tests start from here)."""
    _token_delete()
    caches["public-pages"].clear()
    _remember(None)
    _last["changes"], _last["verified_at"] = None, float("-inf")


def public_cache_invalidate() -> None:
    """Drop every cached public fragment, now and when the current transaction commits;
    counted in the database with the change, for processes that Redis cannot tell."""
    generation_bump()
    _new_generation()
    transaction.on_commit(_new_generation, robust=True)
