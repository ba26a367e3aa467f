"""The extractor-quality bench's own parts run on today's schema (a column added to Mention
must not break its COPY), at a size a test can afford; the timings are `make bench`'s."""

import random

import pytest

from articles.models import Outlet
from claims.bench_quality import populate_background, populate_reviewed
from claims.extractor_quality import extractor_quality
from claims.gold import reviewed_articles
from claims.models import ArticleQuality, Mention

pytestmark = pytest.mark.django_db(transaction=True)


def test_bench_populates_reviewed_articles_the_figures_count(roles, editor):
    rng = random.Random(17)
    outlets = Outlet.objects.bulk_create([Outlet(name=f"Quality outlet {i}") for i in range(3)])
    populate_background(200, outlets, rng)
    assert Mention.objects.count() == 200
    refresh = populate_reviewed(20, outlets, editor, rng)
    assert len(refresh) == 20
    assert reviewed_articles().count() == 20 == ArticleQuality.objects.count()
    quality = extractor_quality()
    assert quality.overall.docs == 20 and 0 < quality.overall.precision < 1
