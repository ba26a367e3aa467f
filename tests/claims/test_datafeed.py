"""The schema.org DataFeed of published ClaimReviews (`/claims/datafeed.json`)."""

import datetime
import json

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from claims import services
from claims.models import Correction, Mention
from tests.claims.test_public_detail import json_ld
from tests.claims.test_public_leaks import MARKER, newsroom  # noqa: F401 (fixture)
from tests.factories import ArticleFactory, CorrectionFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

URL = "/claims/datafeed.json"


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, 9, 0, tzinfo=datetime.UTC)


def feed(client, **headers) -> dict:
    response = client.get(URL, **headers)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(b"".join(response.streaming_content))


@pytest.fixture
def two(publish):
    older = publish(statement="The ferry runs twice a day", published_at=at(1))
    newer = publish(statement="The bridge reopens in March", published_at=at(5))
    for claim in [older, newer]:
        MentionFactory(
            article=ArticleFactory(outlet=OutletFactory(name="Daily Sun"), published_at=at(1)),
            claim=claim, review_state=Mention.ReviewState.ACCEPTED,
        )  # fmt: skip
    return older, newer


def test_the_feed_is_a_datafeed_of_claim_reviews_newest_first(client, two, settings):
    older, newer = two
    data = feed(client)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DataFeed"
    assert data["url"] == f"{settings.SITE_URL}/claims/datafeed.json"
    elements = data["dataFeedElement"]
    assert [e["@type"] for e in elements] == ["ClaimReview", "ClaimReview"]
    assert [e["claimReviewed"] for e in elements] == [newer.statement, older.statement]
    assert all(e["dateModified"] for e in elements)
    assert datetime.datetime.fromisoformat(data["dateModified"]) == at(5)


def test_each_element_is_exactly_the_claim_review_of_its_page(client, two):
    elements = {e["url"]: e for e in feed(client)["dataFeedElement"]}
    for claim in two:
        (on_page,) = json_ld(client.get(claim.get_absolute_url()).content.decode())
        assert elements[on_page["url"]] == on_page
    # And in French, as French readers' pages carry it.
    french = {e["url"]: e for e in feed(client, HTTP_ACCEPT_LANGUAGE="fr")["dataFeedElement"]}
    claim = two[0]
    page = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    (on_page,) = json_ld(page)
    assert french[on_page["url"]] == on_page
    assert on_page["reviewRating"]["alternateName"] == "Faux"


def test_a_correction_moves_the_element_and_the_feed_date_modified(client, two):
    older, _ = two
    correction = CorrectionFactory(claim=older, text="We fixed the timetable.")
    Correction.objects.filter(pk=correction.pk).update(created_at=at(9))
    data = feed(client)
    assert datetime.datetime.fromisoformat(data["dateModified"]) == at(9)
    element = next(e for e in data["dataFeedElement"] if e["claimReviewed"] == older.statement)
    assert element["dateModified"] == "2026-03-09"
    assert element["datePublished"] == "2026-03-01"


def test_a_withdrawal_leaves_the_feed_and_moves_its_date(client, two, editor):
    older, newer = two
    services.claim_unpublish(claim=newer, by=editor, reason="We got it wrong.")
    data = feed(client)
    assert [e["claimReviewed"] for e in data["dataFeedElement"]] == [older.statement]
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert modified > timezone.now() - datetime.timedelta(minutes=1)  # the withdrawal's time


def test_only_published_claims_and_nothing_internal(client, newsroom):  # noqa: F811
    claim, hidden, _ = newsroom
    response = client.get(URL)
    body = b"".join(response.streaming_content).decode()
    assert MARKER not in body
    data = json.loads(body)
    assert [e["claimReviewed"] for e in data["dataFeedElement"]] == [claim.statement]
    for other in hidden.values():
        assert other.slug not in body
    (element,) = data["dataFeedElement"]
    assert [w["publisher"]["name"] for w in element["itemReviewed"]["appearance"]] == ["Daily Sun"]


def test_an_empty_feed_is_still_a_valid_datafeed(client, roles):
    data = feed(client)
    assert data["@type"] == "DataFeed" and data["dataFeedElement"] == []
    assert datetime.datetime.fromisoformat(data["dateModified"])


def test_the_feed_reads_many_claims_in_a_few_queries_per_chunk(
    client, publish, django_assert_max_num_queries
):
    for day in range(1, 26):
        claim = publish(statement=f"Claim {day}", published_at=at(day))
        MentionFactory(claim=claim, review_state=Mention.ReviewState.ACCEPTED)
        CorrectionFactory(claim=claim)
    with django_assert_max_num_queries(12):
        data = feed(client)
    assert len(data["dataFeedElement"]) == 25


def test_the_feed_address_is_not_taken_for_a_claim_slug(client, publish):
    publish(statement="A claim called datafeed", slug="datafeed-json")
    assert feed(client)["@type"] == "DataFeed"


def test_the_feed_comes_compressed_to_clients_that_accept_it(client, two):
    import gzip

    response = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    body = gzip.decompress(b"".join(response.streaming_content))
    assert json.loads(body) == feed(client)


def test_a_poller_gets_304_until_a_public_change(client, two, editor):
    first = client.get(URL)
    etag = first["ETag"]
    assert etag
    unchanged = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    # Another language is another feed (the labels).
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag, HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    services.claim_unpublish(claim=two[1], by=editor, reason="We got it wrong.")
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    data = json.loads(b"".join(changed.streaming_content))
    assert [e["claimReviewed"] for e in data["dataFeedElement"]] == [two[0].statement]


def test_a_claim_published_without_the_services_changes_the_etag_too(client, two, publish):
    etag = client.get(URL)["ETag"]
    publish(statement="Written straight to the table", published_at=at(2))
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200
