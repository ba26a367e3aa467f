"""The public read API (`/api/public/claims/`): published claims as their pages show them,
for aggregators and partner newsrooms, without a token."""

import datetime

import pytest

from claims import published_changes, services
from claims.models import Claim, Correction, Mention, PendingChange, Rating, Source, SourceAlias
from claims.source_names import name_key
from tests.claims.test_public_leaks import MARKER, newsroom  # noqa: F401 (fixture)
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    CorrectionFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/public/claims/"
TEXT = "The mayor said that the bridge would reopen in March. Aides denied it on Monday."


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def claim(publish):
    """A published claim with two appearances, a denial, evidence and a correction."""
    claimant = SourceFactory(name="Mayor Ada Lund", kind=Source.Kind.PERSON)
    claim = publish(
        statement="The bridge reopens in March",
        claimant=claimant,
        conclusion="The works run until June.",
        sourcing=Claim.Sourcing.NAMED,
        published_at=at(10),
    )
    first = ArticleFactory(
        text=TEXT, title="Bridge to reopen", outlet=OutletFactory(name="Daily Sun"),
        url="https://sun.example/bridge", published_at=at(2),
    )  # fmt: skip
    later = ArticleFactory(
        text=TEXT, title="Bridge again", outlet=OutletFactory(name="Evening Star"),
        url="https://star.example/bridge", published_at=at(4),
    )  # fmt: skip
    for article in [later, first]:
        MentionFactory(
            article=article, claim=claim, via=["Wire"], review_state=Mention.ReviewState.ACCEPTED
        )
    MentionFactory(
        article=later, responds_to=claim, speaker="Aides", content="Aides denied it",
        stance=Mention.Stance.DENIES, review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    EvidenceFactory(claim=claim, title="Works schedule", url="https://city.example/works")
    CorrectionFactory(claim=claim, text="We fixed the month.")
    return claim


def test_anonymous_readers_get_published_claims_with_everything_their_page_shows(
    client, claim, settings
):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None
    (item,) = body["results"]
    assert item["slug"] == claim.slug
    assert item["url"] == f"{settings.SITE_URL}/claims/{claim.slug}/"
    assert item["statement"] == "The bridge reopens in March"
    assert item["claimant"] == {"id": claim.claimant_id, "name": "Mayor Ada Lund", "kind": "person"}
    assert item["verdict"]["slug"] == "false" and item["verdict"]["label"] == "False"
    assert item["verdict"]["rating_value"] == claim.verdict.score
    assert item["verdict"]["best_rating"] > item["verdict"]["worst_rating"]
    assert item["conclusion"] == "The works run until June."
    assert item["sourcing"] == "named" and item["sourcing_label"] == "Named, on the record"
    assert item["published_at"].startswith("2026-03-10")
    assert item["updated_at"] > item["published_at"]  # the correction
    assert item["first_appeared_at"].startswith("2026-03-02")
    # Appearances in the order the claim spread, as on the page's timeline.
    assert [a["outlet"] for a in item["appearances"]] == ["Daily Sun", "Evening Star"]
    assert [a["is_first"] for a in item["appearances"]] == [True, False]
    first = item["appearances"][0]
    assert first["url"] == "https://sun.example/bridge" and first["title"] == "Bridge to reopen"
    assert first["content"] == "the bridge would reopen in March" and first["via"] == ["Wire"]
    (response_item,) = item["responses"]
    assert response_item["stance"] == "denies"
    assert response_item["sentence"] == "Aides denied it"
    assert response_item["outlet"] == "Evening Star"
    assert [e["title"] for e in item["evidence"]] == ["Works schedule"]
    assert [c["text"] for c in item["corrections"]] == ["We fixed the month."]


def test_the_detail_by_slug_is_the_list_item(client, claim):
    listed = client.get(URL).json()["results"][0]
    detail = client.get(f"{URL}{claim.slug}/")
    assert detail.status_code == 200
    assert detail.json() == listed


def test_no_token_needed_and_a_bad_token_is_not_refused(client, claim):
    response = client.get(URL, HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_the_global_default_still_asks_for_an_account_elsewhere(client, claim):
    assert client.get("/api/articles/").status_code in {401, 403}


@pytest.mark.parametrize("state", ["draft", "in_review", "withdrawn"])
def test_an_unpublished_claim_is_404_even_when_its_slug_is_guessed(client, newsroom, state):  # noqa: F811
    _, hidden, _ = newsroom
    response = client.get(f"{URL}{hidden[state].slug}/")
    assert response.status_code == 404
    assert MARKER not in response.content.decode()


def test_the_list_shows_nothing_readers_must_not_see(client, newsroom):  # noqa: F811
    claim, hidden, _ = newsroom
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    (item,) = response.json()["results"]
    assert item["slug"] == claim.slug
    assert [a["outlet"] for a in item["appearances"]] == ["Daily Sun"]  # accepted only
    assert [e["title"] for e in item["evidence"]] == ["Approved minutes"]
    detail = client.get(f"{URL}{claim.slug}/").content.decode()
    assert MARKER not in detail and "Approved minutes" in detail


def test_a_rejected_or_unreviewed_response_is_not_shown(client, claim):
    for state in [Mention.ReviewState.UNREVIEWED, Mention.ReviewState.REJECTED]:
        MentionFactory(
            article=ArticleFactory(text=TEXT), responds_to=claim, speaker=f"{MARKER} aide",
            content="Aides denied it", stance=Mention.Stance.DENIES, review_state=state,
        )  # fmt: skip
    body = client.get(URL).content.decode()
    assert MARKER not in body
    assert len(client.get(URL).json()["results"][0]["responses"]) == 1


def claim_requested(statement: str, editor, ratings) -> Claim:
    """A claim made through the services, whose publication an editor asked for."""
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement=statement, by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="The works run late.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Works schedule", url="https://e.org/w")
    return services.claim_request_publication(claim=claim, by=editor)


def test_a_change_waiting_for_a_second_editor_is_not_shown_until_approved(
    client, editor, editor2, ratings
):
    claim = claim_requested("The harbour tunnel opens in June", editor, ratings)
    services.claim_approve_publication(claim=claim, by=editor2)
    services.claim_set_verdict(
        claim=claim, verdict=ratings["mostly-true"], conclusion=f"{MARKER} proposed words",
        by=editor, correction="The tender shows a June date.",
    )  # fmt: skip
    body = client.get(URL).content.decode()
    assert MARKER not in body and "Mostly true" not in body
    assert client.get(URL).json()["results"][0]["verdict"]["slug"] == "false"
    published_changes.pending_change_approve(change=PendingChange.objects.get(), by=editor2)
    item = client.get(URL).json()["results"][0]
    assert item["verdict"]["slug"] == "mostly-true"
    assert item["conclusion"] == f"{MARKER} proposed words"


def test_a_claim_in_review_is_not_listed_with_its_pinned_snapshot(client, editor, ratings):
    claim = claim_requested(f"{MARKER} waiting for approval", editor, ratings)
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW
    body = client.get(URL).content.decode()
    assert MARKER not in body and client.get(URL).json()["count"] == 0


# --- Filters ----------------------------------------------------------------------------------


@pytest.fixture
def several(publish):
    lund = SourceFactory(name="Ada Lund")
    return {
        "en-false": publish(statement="One", language="en", claimant=lund, published_at=at(1)),
        "fr-true": publish(statement="Deux", verdict="true", language="fr", published_at=at(5)),
        "en-true": publish(
            statement="Three", verdict="true", language="en", claimant=lund, published_at=at(9)
        ),
    }


def _slugs(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_filters_by_language_verdict_and_claimant(client, several):
    assert _slugs(client) == [several[k].slug for k in ["en-true", "fr-true", "en-false"]]
    assert _slugs(client, language="fr") == [several["fr-true"].slug]
    assert _slugs(client, verdict="true") == [several[k].slug for k in ["en-true", "fr-true"]]
    claimant = several["en-true"].claimant_id
    assert _slugs(client, claimant=claimant) == [several[k].slug for k in ["en-true", "en-false"]]
    assert _slugs(client, claimant=claimant, verdict="false") == [several["en-false"].slug]


def test_since_finds_claims_published_or_corrected_from_that_day(client, several):
    assert _slugs(client, since="2026-03-05") == [several[k].slug for k in ["en-true", "fr-true"]]
    correction = CorrectionFactory(claim=several["en-false"], text="A later fix.")
    Correction.objects.filter(pk=correction.pk).update(created_at=at(20))
    assert _slugs(client, since="2026-03-15") == [several["en-false"].slug]
    assert _slugs(client, since="2026-03-09T08:00:00Z") == [
        several["en-true"].slug,
        several["en-false"].slug,
    ]
    assert _slugs(client, since="2026-04-01") == []


def test_the_claimant_is_found_by_id_name_or_alias(client, several):
    lund = several["en-true"].claimant
    expected = [several[k].slug for k in ["en-true", "en-false"]]
    SourceAlias.objects.create(source=lund, alias="A. Lund", normalized=name_key("A. Lund"))
    assert _slugs(client, claimant=str(lund.pk)) == expected
    assert _slugs(client, claimant="Ada Lund") == expected
    assert _slugs(client, claimant="mayor ADA LUND") == expected  # title and case aside
    assert _slugs(client, claimant="A. Lund") == expected
    assert _slugs(client, claimant="Nobody Known") == []


def test_the_verdict_is_its_slug_or_its_label_in_either_language(client, several):
    true = Rating.objects.get(slug="true")
    expected = [several[k].slug for k in ["en-true", "fr-true"]]
    for value in ("true", true.label.upper(), true.label_fr):
        assert _slugs(client, verdict=value) == expected


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"language": "de"}, "language", "Unknown language “de”: use one of fr, en."),
        ({"verdict": "pants-on-fire"}, "verdict", "Unknown verdict “pants-on-fire”"),
        ({"since": "yesterday"}, "since", "“yesterday” is not a date: write it YYYY-MM-DD"),
        ({"since": "2026-02-30"}, "since", "is not a date"),
    ],
)
def test_a_bad_filter_value_is_400_with_what_it_should_be(client, several, params, field, words):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert words in response.json()[field][0]


def test_pages_of_the_chosen_size(client, publish):
    for day in range(1, 6):
        publish(statement=f"Claim {day}", published_at=at(day))
    first = client.get(URL, {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["next"].endswith("page=2&page_size=2")
    last = client.get(URL, {"page_size": 2, "page": 3}).json()
    assert [item["statement"] for item in last["results"]] == ["Claim 1"]
    assert len(client.get(URL, {"page_size": 1000}).json()["results"]) == 5  # at most 100


def test_queries_stay_bounded_whatever_the_page_size_and_the_appearances(
    client, publish, django_assert_max_num_queries
):
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(3)]

    def add(n_claims: int, appearances: int) -> None:
        for n in range(n_claims):
            claim = publish(statement=f"Claim {n} of {appearances}")
            for i in range(appearances):
                MentionFactory(
                    article=ArticleFactory(outlet=outlets[i % 3], published_at=at(1 + i % 20)),
                    claim=claim, review_state=Mention.ReviewState.ACCEPTED,
                )  # fmt: skip
            EvidenceFactory(claim=claim)
            CorrectionFactory(claim=claim)

    add(2, 1)
    with django_assert_max_num_queries(8) as small:
        assert len(client.get(URL).json()["results"]) == 2
    add(20, 6)
    with django_assert_max_num_queries(8) as big:
        results = client.get(URL).json()["results"]
    assert len(results) == 22 and len(results[0]["appearances"]) == 6
    assert len(big.captured_queries) == len(small.captured_queries)


def test_anonymous_readers_are_throttled_with_a_clear_answer(client, claim, settings):
    settings.CLAIMTRACK_PUBLIC_API_RATE = "3/minute"
    for _ in range(3):
        assert client.get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 429
    assert "Request was throttled" in response.json()["detail"]
    assert "Retry-After" in response.headers
    # Another address has its own allowance.
    assert client.get(URL, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_openapi_schema_documents_the_endpoints_and_their_filters(client, journalist):
    client.force_login(journalist)
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    listing = schema["paths"]["/api/public/claims/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"language", "verdict", "claimant", "since", "page", "page_size"} <= names
    assert listing["security"] == [{}] or {} in listing["security"]  # no token needed
    assert "/api/public/claims/{slug}/" in schema["paths"]
    item = schema["components"]["schemas"]["PublicClaim"]["properties"]
    for field in ["verdict", "claimant", "appearances", "responses", "published_at"]:
        assert field in item


def test_french_readers_get_sentences_in_french_and_both_labels(client, claim):
    item = client.get(URL, HTTP_ACCEPT_LANGUAGE="fr").json()["results"][0]
    assert item["verdict"]["label"] == "False" and item["verdict"]["label_fr"] == "Faux"
    assert item["responses"][0]["sentence"] != "Aides denied it"


def test_claims_with_no_claimant_and_no_appearance_are_listed_with_nulls(client, publish):
    publish(statement="Lonely", claimant=None)
    item = client.get(URL).json()["results"][0]
    assert item["claimant"] is None
    assert item["appearances"] == [] and item["first_appeared_at"] is None


def test_withdrawn_claim_leaves_the_api(client, claim, editor):
    assert client.get(URL).json()["count"] == 1
    services.claim_unpublish(claim=claim, by=editor, reason="We got it wrong.")
    assert client.get(URL).json()["count"] == 0
    assert client.get(f"{URL}{claim.slug}/").status_code == 404
    ClaimFactory(statement="A draft")  # never listed
    assert client.get(URL).json()["count"] == 0


def test_every_public_endpoint_only_reads_and_is_throttled():
    """What claims/public/api_urls.py serves without an account: reads, throttled."""
    from claims.public import api, api_urls

    assert {p.name for p in api_urls.urlpatterns} == {"claim-list", "claim-detail"}
    for pattern in api_urls.urlpatterns:
        view = pattern.callback.view_class
        assert set(view().allowed_methods) - {"HEAD"} == {"GET", "OPTIONS"}, pattern.name
        assert view.throttle_classes == [api.PublicAPIThrottle], pattern.name


def test_writing_to_the_public_api_is_refused(client, claim):
    assert client.post(URL, {"statement": "x"}).status_code == 405
    assert client.delete(f"{URL}{claim.slug}/").status_code == 405
    assert Claim.objects.published().count() == 1
