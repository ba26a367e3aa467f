"""The speaker pages' bench runs on today's schema at a size a test can afford; the timings
themselves are `make bench`'s."""

import random

import pytest

from claims.bench_matching import populate
from claims.bench_sources import give_speakers, run
from claims.models import Claim, Mention

pytestmark = pytest.mark.django_db(transaction=True)


def test_bench_gives_speakers_and_renders_every_page(roles):
    populate(300, 1500, random.Random(13))
    ids = give_speakers()
    assert Mention.objects.filter(source_id=ids["big"]).count() == 30  # every 50th
    assert Claim.objects.published().filter(claimant_id=ids["typical"]).exists()
    results = run(1, ids)
    assert len(results) == 8
    assert all(r["queries"] <= 20 and r["p95"] > 0 for _, r in results)
