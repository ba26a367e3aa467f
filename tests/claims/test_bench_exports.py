"""The exports bench's own parts run on today's schema (a column added to Mention must not
break its measure), at a size a test can afford; the figures themselves are `make bench`'s."""

import random

import pytest

from claims import bench_exports
from claims.bench_matching import populate

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["view", "command", "file"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_bench_exports_every_mention_and_reads_its_memory(roles, tmp_path, path, fmt):
    populate(60, 300, random.Random(14))
    bench_exports.exporter_ensure()
    result = bench_exports.measure(path, fmt, str(tmp_path / f"mentions.{fmt}"))
    assert result["rows"] == 300
    assert result["mb"] > 0 and result["seconds"] > 0
    assert result["peak_mb"] >= result["peak_before_mb"] > 0
    assert bench_exports.NAMES[path] in bench_exports.report(result)


def test_the_bench_reads_the_datafeed_and_the_api_of_every_published_claim(roles):
    populate(60, 300, random.Random(14))
    bench_exports.claims_publish_all()
    result = bench_exports.measure("datafeed", "json")
    assert result["rows"] == 60  # one ClaimReview a line
    api = bench_exports.measure_api(runs=2)
    assert api["list, 50 a page"]["results"] == 50 and api["list, 50 a page"]["count"] == 60
    assert all(figures["queries"] <= 8 for figures in api.values())


def test_the_row_counter_reads_the_memory_at_its_checkpoints():
    counter = bench_exports.RowCounter("json", checkpoints=(2, 5))
    for piece in ["[", "\n{}", ",\n{}", ",\n{}", "\n]\n"]:
        counter.write(piece)
    assert counter.rows == 3
    assert list(counter.at) == [2] and counter.at[2] > 0
