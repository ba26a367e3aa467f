"""The matching bench's own parts run on today's schema (a column added to Mention must not
break its COPY), at a size a test can afford; the timings themselves are `make bench`'s."""

import random

import pytest

from claims.bench_matching import measure, populate
from claims.models import Mention

pytestmark = pytest.mark.django_db(transaction=True)


def test_bench_populates_and_finds_the_restated_claims_at_small_size():
    rng = random.Random(13)
    facts, data = populate(300, 1500, rng)
    assert Mention.objects.count() == 1500
    article_ms, query_ms, propose_ms, proposals, restated, hits = measure(facts, data, 3, 5, rng)
    assert len(article_ms) == 3 and restated > 0
    assert hits >= restated * 0.8  # the restated claim is among the proposals
