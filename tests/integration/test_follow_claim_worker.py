"""The whole path of following a claim, with a real Celery worker, PostgreSQL and Redis
(issue 13): a French article reports a claim with a hedge, an English one later states it
bare; the worker extracts both and proposes the match; a journalist accepts it: one claim,
two appearances, one hedge-drift alert, which reaches the editors."""

import datetime

import pytest

from articles.services import article_create_from_text
from claims import services
from claims.matching import match_accept
from claims.models import Alert, Claim, Mention, MentionMatch, Notification
from tests.integration.test_celery_worker import wait_until_processed

pytestmark = pytest.mark.django_db(transaction=True)

FRENCH = (
    "Le conseil régional aurait voté la fermeture de la ligne ferroviaire entre Vernay et "
    "Montclar, selon le quotidien La Voix du Nord-Est.\n\n"
    "Les usagers dénoncent une décision prise sans concertation."
)
ENGLISH = (
    "The regional council voted to close the Vernay to Montclar railway line, the "
    "transport commissioner Marc Delaunay said on Thursday.\n\n"
    "Commuters say the decision was taken without consultation."
)


def test_a_hedged_french_report_and_a_bare_english_one_make_one_claim_and_a_drift_alert(
    celery_worker_process, journalist, editor
):
    french = article_create_from_text(text=FRENCH, language="fr", title="Ligne fermée")
    french = wait_until_processed(french, celery_worker_process)
    assert french.status == "ready", french.error
    hedged = french.mentions.get(content__contains="fermeture de la ligne")
    assert "conditional" in hedged.hedges and "attributed" in hedged.hedges
    claim = services.claim_create_from_mention(
        mention=hedged,
        statement="Le conseil régional a voté la fermeture de la ligne",
        by=journalist,
    )
    # The English report comes out two days later.
    english = article_create_from_text(text=ENGLISH, language="en", title="Line to close")
    english = wait_until_processed(english, celery_worker_process)
    assert english.status == "ready", english.error
    type(english).objects.filter(pk=french.pk).update(
        published_at=datetime.datetime(2026, 9, 1, 8, tzinfo=datetime.UTC)
    )
    type(english).objects.filter(pk=english.pk).update(
        published_at=datetime.datetime(2026, 9, 3, 8, tzinfo=datetime.UTC)
    )
    bare = english.mentions.get(content__contains="close the Vernay")
    assert bare.hedges == []
    # The worker proposed the French appearance as the same claim.
    match = MentionMatch.objects.get(mention=bare, candidate_mention=hedged)
    assert match.state == MentionMatch.State.PROPOSED and match.candidate_claim_id == claim.pk

    match_accept(match=match, by=journalist)
    assert Claim.objects.count() == 1
    assert set(claim.mentions.values_list("pk", flat=True)) == {hedged.pk, bare.pk}
    assert Mention.objects.get(pk=bare.pk).review_state == Mention.ReviewState.ACCEPTED
    [alert] = Alert.objects.all()
    assert alert.kind == Alert.Kind.HEDGE_DROPPED
    assert (alert.earlier_id, alert.later_id) == (hedged.pk, bare.pk)
    assert "conditional" in alert.data["lost"]
    assert Notification.objects.filter(alert=alert, recipient=editor).exists()
