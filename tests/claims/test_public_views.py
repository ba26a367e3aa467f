import pytest
from django.utils import timezone

from claims.models import Claim, Mention, Rating
from tests.factories import ClaimFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")


def published(**kwargs):
    return ClaimFactory(
        status=Claim.Status.PUBLISHED,
        verdict=Rating.objects.get(slug="false"),
        conclusion="Records show otherwise.",
        published_at=timezone.now(),
        **kwargs,
    )


def test_published_queryset_contains_only_published_claims():
    visible = published()
    ClaimFactory(status=Claim.Status.DRAFT)
    ClaimFactory(status=Claim.Status.IN_REVIEW, verdict=Rating.objects.get(slug="true"))
    assert list(Claim.objects.published()) == [visible]


@pytest.mark.parametrize("status", [Claim.Status.DRAFT, Claim.Status.IN_REVIEW])
def test_unpublished_claim_is_404_for_readers(client, status):
    claim = ClaimFactory(status=status, verdict=Rating.objects.get(slug="true"))
    assert client.get(claim.get_absolute_url()).status_code == 404


def test_claim_list_shows_published_claims_only(client):
    published(statement="Visible statement")
    ClaimFactory(statement="Secret draft statement")
    page = client.get("/claims/").content.decode()
    assert "Visible statement" in page
    assert "Secret draft statement" not in page


def test_published_claim_page_shows_verdict_and_accepted_appearances_only(client):
    claim = published(statement="The bridge reopens in March")
    MentionFactory(claim=claim, review_state=Mention.ReviewState.ACCEPTED, speaker="Mayor Reed")
    MentionFactory(
        claim=claim, review_state=Mention.ReviewState.UNREVIEWED, speaker="Hidden Person"
    )
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "The bridge reopens in March" in page
    assert "False" in page and "Records show otherwise." in page
    assert "Mayor Reed" in page
    assert "Hidden Person" not in page


def test_home_page_lists_published_claims_to_anonymous_readers(client):
    published(statement="A published one")
    ClaimFactory(statement="A draft one")
    page = client.get("/").content.decode()
    assert "A published one" in page and "A draft one" not in page
    assert "Recent articles" not in page
