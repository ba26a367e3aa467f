"""Cache of the public claim pages, and its invalidation.

Every cached fragment's key includes a generation token. The claims services call
`public_cache_invalidate()` whenever something readers see may have changed (publication,
unpublication, a correction, an edit, approved evidence, an appearance accepted or
rejected): the token changes and every cached public fragment is dropped at once.
Publishing is rare next to reading, so one generation for all pages keeps this simple.

The token lives in the default cache (Redis in production, shared by every process); the
pages themselves in each process's memory (the "public-pages" cache). A process reads the
shared token on every request by default (CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS = 0), so an
invalidation — an unpublication above all — reaches every process at once; a positive value
reads it at most once per interval, which lets other processes serve a withdrawn page that
long.

The token is changed at once and again after the transaction commits: a request that read
the database just before the commit may have stored the old content under the token of
that moment, which the second change makes unreachable.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction

GENERATION_KEY = "claims:public:generation"


# This process's copy of the token and when it was read from the shared cache.
_last = {"generation": None, "read_at": 0.0}


def _remember(generation: str | None) -> None:
    _last["generation"], _last["read_at"] = generation, time.monotonic()


def _new_generation() -> None:
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    _remember(generation)


def public_cache_generation() -> str:
    """The current generation token (created on first use)."""
    generation, read_at = _last["generation"], _last["read_at"]
    if generation and time.monotonic() - read_at < settings.CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS:
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    _remember(generation)
    return generation


def public_cache_key(*parts: object) -> str:
    """A cache key for a public fragment, valid until the next invalidation."""
    return ":".join(["claims:public", public_cache_generation(), *map(str, parts)])


def public_cache_get(key: str):
    return caches["public-pages"].get(key)


def public_cache_set(key: str, value) -> None:
    caches["public-pages"].set(key, value, settings.CLAIMTRACK_PUBLIC_CACHE_SECONDS)


def public_cache_reset() -> None:
    """Forget every cached public page (tests start from here)."""
    cache.delete(GENERATION_KEY)
    _remember(None)


def public_cache_invalidate() -> None:
    """Drop every cached public fragment, now and when the current transaction commits."""
    _new_generation()
    transaction.on_commit(_new_generation, robust=True)
