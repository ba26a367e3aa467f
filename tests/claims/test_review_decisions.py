"""Every review decision is kept as labelled data, and the extractor's original prediction
survives corrections (issue 14, part 4)."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.db import connection

from claims import matching, services
from claims.bulk import mentions_bulk_review
from claims.models import Mention, MentionMatch, ReviewDecision
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

TEXT = "Mayor Linda Okafor said that the bridge would reopen in March."


@pytest.fixture
def extracted():
    article = ArticleFactory(text=TEXT)
    services.article_extract_claims(article=article)
    return article.mentions.get()


def test_extraction_keeps_the_original_prediction(extracted):
    original = extracted.extracted
    assert original["content"] == "the bridge would reopen in March"
    assert (original["start"], original["end"]) == (extracted.start, extracted.end)
    assert original["speaker"] == "Linda Okafor" and original["stance"] == "asserts"
    assert original["rule"] == extracted.rule and original["extractor_version"]
    assert original["text_version"] == extracted.article.version
    assert 0 < original["confidence"] <= 1


def test_a_correction_keeps_what_the_extractor_said(extracted, journalist):
    services.mention_correct(
        mention=extracted, by=journalist, words="the bridge", speaker="Tom Reed", stance="denies"
    )
    extracted.refresh_from_db()
    assert extracted.rule == "corrected-by-journalist" and extracted.speaker == "Tom Reed"
    assert extracted.extracted["speaker"] == "Linda Okafor"
    assert extracted.extracted["content"] == "the bridge would reopen in March"
    decision = ReviewDecision.objects.get(mention=extracted)
    assert decision.kind == "correct" and decision.by == journalist
    assert decision.before["speaker"] == "Linda Okafor" and decision.before["stance"] == "asserts"
    assert decision.after["speaker"] == "Tom Reed" and decision.after["content"] == "the bridge"
    assert decision.after["review_state"] == "corrected"


def test_a_correction_that_changes_nothing_is_no_decision(extracted, journalist):
    services.mention_correct(mention=extracted, by=journalist, speaker=extracted.speaker)
    assert not ReviewDecision.objects.exists()


def test_accept_reject_restore_are_each_kept(extracted, journalist):
    claim = services.claim_create_from_mention(
        mention=extracted, statement="The bridge reopens", by=journalist
    )
    services.mention_reject(mention=extracted, by=journalist, reason="duplicate", note="twice")
    services.mention_restore(mention=extracted, by=journalist)
    kinds = list(ReviewDecision.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == ["accept", "reject", "restore"]
    accept, reject, restore = ReviewDecision.objects.order_by("id")
    assert accept.before["review_state"] == "unreviewed"
    assert accept.after == {**accept.before, "review_state": "accepted", "claim_id": claim.pk}
    assert reject.rejection_reason == "duplicate" and reject.after["review_state"] == "rejected"
    assert restore.after["review_state"] == "unreviewed" and restore.after["rejection_reason"] == ""


def test_a_statement_added_by_hand_is_a_decision_with_nothing_before(journalist):
    article = ArticleFactory(text=TEXT)
    mention = services.mention_add(
        article=article, by=journalist, words="the bridge would reopen", speaker="Linda Okafor"
    )
    decision = ReviewDecision.objects.get()
    assert decision.kind == "add" and decision.before is None
    assert decision.after["content"] == "the bridge would reopen"
    assert mention.extracted is None  # never a prediction


def test_responses_and_matches_and_bulk_go_through_the_decisions(journalist):
    claim = ClaimFactory()
    denial = MentionFactory(stance="denies")
    services.mention_accept(mention=denial, by=journalist, claim=claim)
    assert ReviewDecision.objects.get(mention=denial).kind == "response"

    candidate = MentionFactory(claim=claim, review_state="accepted")
    mention = MentionFactory()
    match = MentionMatch.objects.create(mention=mention, candidate_mention=candidate, score=0.9)
    matching.match_accept(match=match, by=journalist)
    assert ReviewDecision.objects.get(mention=mention).kind == "match"

    many = [MentionFactory(), MentionFactory()]
    mentions_bulk_review(mentions=many, by=journalist, action="reject", reason="not_a_claim")
    rows = ReviewDecision.objects.filter(mention__in=many)
    assert sorted(rows.values_list("kind", "rejection_reason")) == [("reject", "not_a_claim")] * 2


def test_a_decision_outlives_its_mention(extracted, journalist):
    services.mention_reject(mention=extracted, by=journalist)
    extracted.delete()
    decision = ReviewDecision.objects.get()
    assert decision.mention is None and decision.after["content"].startswith("the bridge")


def test_a_corrected_prediction_is_not_proposed_again(extracted, journalist):
    services.mention_correct(mention=extracted, by=journalist, words="the bridge")
    services.article_extract_claims(article=extracted.article)
    # The extractor finds the same statement again: the journalist decided on it already.
    assert list(extracted.article.mentions.values_list("pk", flat=True)) == [extracted.pk]


def test_the_migration_keeps_the_originals_it_can_know(journalist):
    plain = MentionFactory()
    corrected = MentionFactory(rule="corrected-by-journalist")
    manual = MentionFactory(rule="manual", extractor_version="manual")
    moved = MentionFactory(anchored="exact")
    Mention.objects.update(extracted=None)
    migration = importlib.import_module("claims.migrations.0016_gold")
    with connection.schema_editor() as editor:
        migration.originals_keep(global_apps, editor)
    plain.refresh_from_db()
    assert plain.extracted["content"] == plain.content
    assert plain.extracted["start"] == plain.start and plain.extracted["via"] == []
    assert plain.extracted["text_version"] == plain.article.version
    for unknown in (corrected, manual, moved):
        unknown.refresh_from_db()
        assert unknown.extracted is None


def test_decisions_are_listed_read_only_in_the_admin(client, extracted, journalist):
    from tests.factories import UserFactory

    services.mention_reject(mention=extracted, by=journalist, reason="other")
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get("/admin/claims/reviewdecision/")
    assert page.status_code == 200 and "Rejected" in page.content.decode()
    decision = ReviewDecision.objects.get()
    assert client.post(f"/admin/claims/reviewdecision/{decision.pk}/delete/").status_code == 403
