"""Responses belong to the claim they answer: a denial, a "declined to comment", a "could not
verify" is attached to its claim, shown as a response, never a claim or a claimant."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from claims import services
from claims.models import Claim, Mention
from claims.responses import response_attach, response_sentence
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The Gazette reported that the harbour would close in June, citing two officials.\n\n"
    "The port authority denied that the harbour would close.\n\n"
    "A spokesman for the ministry declined to comment.\n\n"
    "The Gazette could not independently verify the report."
)


@pytest.fixture
def article(roles):
    return ArticleFactory(title="Harbour", text=TEXT, outlet=OutletFactory(name="The Gazette"))


def mention(article, content, stance="asserts", **kwargs):
    return MentionFactory(article=article, content=content, stance=stance, **kwargs)


@pytest.fixture
def claim(article, journalist):
    asserted = mention(article, "the harbour would close in June", speaker="two officials")
    return services.claim_create_from_mention(
        mention=asserted, statement="The harbour closes in June", by=journalist
    )


@pytest.fixture
def denial(article):
    return mention(
        article, "the harbour would close", stance="denies", speaker="The port authority",
    )  # fmt: skip


def test_a_denial_is_never_a_claim_of_its_own(denial, journalist):
    with pytest.raises(ValidationError, match="response"):
        services.claim_create_from_mention(mention=denial, statement="No closure", by=journalist)
    assert not Claim.objects.filter(statement="No closure").exists()


def test_linking_a_denial_to_a_claim_attaches_it_as_a_response(claim, denial, journalist):
    claimant = claim.claimant
    services.mention_accept(mention=denial, by=journalist, claim=claim)
    denial.refresh_from_db()
    claim.refresh_from_db()
    assert denial.responds_to == claim and denial.claim is None
    assert denial.review_state == Mention.ReviewState.ACCEPTED
    assert list(claim.responses.all()) == [denial]
    assert denial not in claim.mentions.all()  # not an appearance
    assert claim.claimant == claimant  # the denier never becomes the claimant


def test_an_assertion_cannot_be_attached_as_a_response(claim, article, journalist):
    other = mention(article, "citing two officials")
    with pytest.raises(ValidationError, match="asserts"):
        response_attach(mention=other, claim=claim, by=journalist)


@pytest.mark.parametrize(
    ("stance", "speaker", "via", "sentence"),
    [
        ("denies", "Pyongyang", [], "Pyongyang denied it"),
        ("declines_comment", "Egypt's government spokesman", ["WSJ"],
         "Egypt's government spokesman declined to comment to WSJ"),
        ("cannot_verify", "", [], "The Gazette could not verify it"),
        ("cannot_verify", "Al Jazeera", [], "Al Jazeera could not verify it"),
    ],
)  # fmt: skip
def test_a_response_reads_as_a_sentence(article, stance, speaker, via, sentence):
    found = mention(article, "the harbour would close", stance=stance, speaker=speaker, via=via)
    assert response_sentence(found) == sentence


def test_the_review_card_proposes_the_claim_of_the_same_article(
    client, journalist, claim, denial, article
):
    client.force_login(journalist)
    html = client.get(reverse("review:article", args=[article.pk])).content.decode()
    card = html[html.index(f'data-mention="{denial.pk}"') :]
    card = card[: card.index("</li>\n", card.index("mention-actions"))]
    assert "not a claim of its own" in card
    assert f'name="claim" value="{claim.pk}"' in card
    assert "Accept as a new claim" not in card


def test_attaching_a_response_from_the_card_shows_it_on_the_workspace(
    client, journalist, claim, denial
):
    client.force_login(journalist)
    response = client.post(
        reverse("review:mention-accept", args=[denial.pk]), {"claim": claim.pk}, follow=True
    )
    assert response.status_code == 200
    page = client.get(claim.get_workspace_url()).content.decode()
    assert "Responses (1)" in page
    assert "The port authority denied it" in page


def test_readers_cannot_attach_responses(client, claim, denial, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    response = client.post(reverse("review:mention-accept", args=[denial.pk]), {"claim": claim.pk})
    assert response.status_code == 403
    denial.refresh_from_db()
    assert denial.responds_to is None


def test_anonymous_visitors_are_sent_to_log_in(client, claim, denial):
    response = client.post(reverse("review:mention-accept", args=[denial.pk]), {"claim": claim.pk})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _publish(claim, editor, editor2, ratings):
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.evidence_add(claim=claim, by=editor, title="Port notice", url="https://e.org/n")
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    claim.refresh_from_db()
    return claim


def test_a_response_to_a_published_claim_needs_an_editor_and_a_note(
    client, claim, denial, journalist, editor, editor2, ratings
):
    _publish(claim, editor, editor2, ratings)
    with pytest.raises(ValidationError):
        services.mention_accept(mention=denial, by=editor, claim=claim)  # no note
    with pytest.raises(PermissionDenied):  # a journalist does not change what readers see
        services.mention_accept(mention=denial, by=journalist, claim=claim, correction="x")
    services.mention_accept(mention=denial, by=editor, claim=claim, correction="Added a denial.")
    assert claim.corrections.filter(text="Added a denial.").exists()


def test_the_public_page_and_claim_review_show_responses_never_as_author(
    client, claim, denial, editor, editor2, ratings
):
    _publish(claim, editor, editor2, ratings)
    declined = mention(
        claim.mentions.first().article, "A spokesman for the ministry declined to comment",
        stance="declines_comment", speaker="A spokesman for the ministry", via=["The Gazette"],
    )  # fmt: skip
    services.mention_accept(mention=denial, by=editor, claim=claim, correction="Denial added.")
    services.mention_accept(mention=declined, by=editor, claim=claim, correction="Refusal.")
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "The port authority denied it" in html
    assert "A spokesman for the ministry declined to comment to The Gazette" in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    review = json.loads(block.group(1))
    item = review["itemReviewed"]
    assert item.get("author", {}).get("name") != "The port authority"
    comments = [c["text"] for work in item["appearance"] for c in work.get("comment", [])]
    assert "The port authority denied it" in comments


def test_an_unreviewed_response_never_reaches_readers(client, claim, editor, editor2, ratings):
    _publish(claim, editor, editor2, ratings)
    pending = mention(claim.mentions.first().article, "the harbour would close", stance="denies",
                      speaker="The port authority")  # fmt: skip
    Mention.objects.filter(pk=pending.pk).update(responds_to=claim)  # linked, not accepted
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "denied it" not in html


def test_merging_claims_keeps_responses_as_responses(claim, denial, article, journalist, editor):
    services.mention_accept(mention=denial, by=journalist, claim=claim)
    other = services.claim_create_from_mention(
        mention=mention(article, "citing two officials"), statement="Other", by=journalist
    )
    services.claim_merge(claim=claim, into=other, by=editor)
    denial.refresh_from_db()
    assert denial.responds_to == other and denial.claim is None


def test_correcting_a_response_into_an_assertion_takes_it_off_its_claim(claim, denial, journalist):
    services.mention_accept(mention=denial, by=journalist, claim=claim)
    services.mention_correct(
        mention=denial, by=journalist, start=denial.start, end=denial.end,
        speaker=denial.speaker, stance="asserts",
    )  # fmt: skip
    denial.refresh_from_db()
    assert denial.responds_to is None and denial.claim is None
    assert denial.review_state == Mention.ReviewState.CORRECTED


def test_rejecting_a_published_claims_response_needs_a_note_and_unlinks_it(
    claim, denial, editor, editor2, ratings
):
    _publish(claim, editor, editor2, ratings)
    services.mention_accept(mention=denial, by=editor, claim=claim, correction="Denial added.")
    denial.refresh_from_db()
    with pytest.raises(ValidationError):
        services.mention_reject(mention=denial, by=editor)  # readers see it: a note
    services.mention_reject(mention=denial, by=editor, correction="The denial was misread.")
    denial.refresh_from_db()
    assert denial.responds_to is None
    assert claim.corrections.filter(text="The denial was misread.").exists()


def test_moving_a_published_claims_response_logs_one_correction_there(
    claim, denial, article, journalist, editor, editor2, ratings
):
    _publish(claim, editor, editor2, ratings)
    services.mention_accept(mention=denial, by=editor, claim=claim, correction="Denial added.")
    other = services.claim_create_from_mention(
        mention=mention(article, "citing two officials"), statement="Other", by=journalist
    )
    services.mention_accept(mention=denial, by=editor, claim=other, correction="Moved.")
    denial.refresh_from_db()
    assert denial.responds_to == other
    assert claim.corrections.filter(text="Moved.").count() == 1
