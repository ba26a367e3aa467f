"""Cache of the public claim pages, and its invalidation.

Every cached fragment's key includes a generation token. The claims services call
`public_cache_invalidate()` whenever something readers see may have changed (publication,
unpublication, a correction, an edit, approved evidence, an appearance accepted or
rejected): the token changes and every cached public fragment is dropped at once.
Publishing is rare next to reading, so one generation for all pages keeps this simple.

The token is changed at once and again after the transaction commits: a request that read
the database just before the commit may have stored the old content under the token of
that moment, which the second change makes unreachable.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "claims:public:generation"


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def public_cache_generation() -> str:
    """The current generation token (created on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def public_cache_key(*parts: object) -> str:
    """A cache key for a public fragment, valid until the next invalidation."""
    return ":".join(["claims:public", public_cache_generation(), *map(str, parts)])


def public_cache_get(key: str):
    return cache.get(key)


def public_cache_set(key: str, value) -> None:
    cache.set(key, value, settings.CLAIMTRACK_PUBLIC_CACHE_SECONDS)


def public_cache_invalidate() -> None:
    """Drop every cached public fragment, now and when the current transaction commits."""
    _new_generation()
    transaction.on_commit(_new_generation, robust=True)
