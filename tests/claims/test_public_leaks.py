"""Nothing internal reaches readers: not on pages, in search, the feed, the sitemap or the API.

Every internal item carries the marker ZZLEAK; no public response may contain it.
"""

import pytest
from django.utils import timezone

from claims.models import Claim, Comment, Mention, Task
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

MARKER = "ZZLEAK"
TEXT = (
    "The mayor said that the bridge would reopen in March. "
    "An aide said that ZZLEAK unreviewed words were spoken. "
    "A clerk said that ZZLEAK rejected words were spoken. "
    "A porter said that ZZLEAK corrected words were spoken."
)


@pytest.fixture
def newsroom(publish, ratings, editor):
    """A published claim surrounded by everything readers must never see."""
    claim = publish(statement="The bridge reopens in March", conclusion="It did.")
    article = ArticleFactory(text=TEXT, outlet=OutletFactory(name="Daily Sun"))
    MentionFactory(article=article, claim=claim, review_state=Mention.ReviewState.ACCEPTED)
    hidden_outlet = ArticleFactory(text=TEXT, outlet=OutletFactory(name="ZZLEAK Outlet"))
    for state, words in [
        (Mention.ReviewState.UNREVIEWED, "ZZLEAK unreviewed words"),
        (Mention.ReviewState.REJECTED, "ZZLEAK rejected words"),
        (Mention.ReviewState.CORRECTED, "ZZLEAK corrected words"),
    ]:
        MentionFactory(
            article=hidden_outlet, claim=claim, content=words, speaker=f"{MARKER} speaker",
            review_state=state,
        )  # fmt: skip
    EvidenceFactory(claim=claim, title=f"{MARKER} draft evidence", is_approved=False)
    EvidenceFactory(claim=claim, title="Approved minutes", is_approved=True)
    Comment.objects.create(claim=claim, author=editor, body=f"{MARKER} internal comment")
    Task.objects.create(
        claim=claim, assignee=editor, title=f"{MARKER} task", notes=f"{MARKER} task notes"
    )
    secret_claimant = SourceFactory(name=f"{MARKER} claimant")
    hidden = {
        "draft": ClaimFactory(statement=f"{MARKER} draft claim", claimant=secret_claimant),
        "in_review": ClaimFactory(
            statement=f"{MARKER} claim in review",
            status=Claim.Status.IN_REVIEW,
            verdict=ratings["true"],
            conclusion=f"{MARKER} conclusion",
            claimant=secret_claimant,
        ),
        # Published once, then withdrawn: it keeps its publication date.
        "withdrawn": ClaimFactory(
            statement=f"{MARKER} withdrawn claim",
            status=Claim.Status.DRAFT,
            verdict=ratings["false"],
            published_at=timezone.now(),
            claimant=secret_claimant,
        ),
    }
    return claim, hidden, article


def assert_no_leak(response) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    return body


def test_claim_page_shows_no_internal_item(client, newsroom):
    claim, _, _ = newsroom
    body = assert_no_leak(client.get(claim.get_absolute_url()))
    assert "Approved minutes" in body and "Daily Sun" in body  # the public items are there


@pytest.mark.parametrize("state", ["draft", "in_review", "withdrawn"])
def test_unpublished_claim_url_is_404_even_when_guessed(client, newsroom, state):
    _, hidden, _ = newsroom
    response = client.get(f"/claims/{hidden[state].slug}/")
    assert response.status_code == 404
    assert MARKER not in response.content.decode()


def test_claim_list_and_search_show_published_claims_only(client, newsroom):
    body = assert_no_leak(client.get("/claims/"))
    assert "The bridge reopens in March" in body
    for query in ["draft claim", "withdrawn", "unreviewed words", "internal comment", "notes"]:
        body = assert_no_leak(client.get("/claims/", {"q": query}))
        assert "The bridge reopens in March" not in body
    # Searching for the marker itself finds nothing (the page only echoes the query).
    body = client.get("/claims/", {"q": MARKER}).content.decode()
    assert 'class="claim-card"' not in body
    assert body.count(MARKER) == body.count(f"q={MARKER}") + body.count(f'value="{MARKER}"')


def test_filters_offer_no_claimant_or_outlet_known_only_from_internal_items(client, newsroom):
    body = assert_no_leak(client.get("/claims/"))
    assert "Daily Sun" in body  # the outlet of an accepted appearance is offered


def test_filtering_by_an_outlet_of_unreviewed_mentions_finds_nothing(client, newsroom):
    from articles.models import Outlet

    hidden_outlet = Outlet.objects.get(name=f"{MARKER} Outlet")
    response = client.get("/claims/", {"outlet": hidden_outlet.pk})
    body = assert_no_leak(response)
    assert "Select a valid choice" in body


def test_feed_has_published_claims_only(client, newsroom):
    body = assert_no_leak(client.get("/claims/feed/"))
    assert "The bridge reopens in March" in body


def test_sitemap_has_published_claims_only(client, newsroom):
    claim, hidden, _ = newsroom
    body = assert_no_leak(client.get("/sitemap.xml"))
    assert f"/claims/{claim.slug}/" in body
    for other in hidden.values():
        assert f"/claims/{other.slug}/" not in body


def test_api_refuses_anonymous_readers(client, newsroom):
    _, _, article = newsroom
    for url in [
        "/api/articles/",
        f"/api/articles/{article.pk}/",
        f"/api/articles/{article.pk}/claims/",
    ]:
        response = client.get(url)
        assert response.status_code in {401, 403}, url
        assert MARKER not in response.content.decode()
        assert "ZZLEAK draft claim" not in response.content.decode()
