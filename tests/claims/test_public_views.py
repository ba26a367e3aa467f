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


def test_a_withdrawn_claim_answers_410_with_its_withdrawal_note_and_nothing_else(
    client, publish, editor
):
    from claims import services

    claim = publish(statement="The ferry sails on Sundays in winter", conclusion="ZZCONCLUSION")
    services.claim_unpublish(claim=claim, by=editor, reason="We misread the timetable.")
    response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "We misread the timetable." in html
    assert "withdrawn" in html.lower()
    assert "The ferry sails" not in html and "ZZCONCLUSION" not in html
    assert 'name="robots" content="noindex"' in html


def test_a_draft_that_was_never_published_stays_a_bare_404(client, roles):
    claim = ClaimFactory(statement="Never out")
    assert client.get(claim.get_absolute_url()).status_code == 404


def test_pages_name_a_favicon_and_favicon_ico_leads_to_it(client):
    html = client.get("/claims/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"
