"""A mention a journalist adds or corrects keeps the hedges read in the text and follows the
correction for those that come from its speaker and cue (issue 13): drift alerts compare
what the newsroom settled."""

import pytest

from claims import services
from claims.models import Alert, Mention
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

TEXT = "According to two officials, the depot would close. The depot closes, the mayor said."


def test_a_hand_added_statement_gets_the_hedges_of_its_speaker_and_cue(journalist):
    article = ArticleFactory(text=TEXT)
    mention = services.mention_add(
        article=article, by=journalist, words="the depot would close",
        speaker="two officials", speaker_type="anonymous", cue="According to",
    )  # fmt: skip
    assert mention.hedges == ["anonymous", "attributed"]
    bare = services.mention_add(
        article=article, by=journalist, words="The depot closes", speaker="the mayor",
        speaker_type="person", cue="said",
    )  # fmt: skip
    assert bare.hedges == []


def test_a_correction_of_the_speaker_type_follows_it_and_keeps_the_text_hedges(journalist):
    article = ArticleFactory(text=TEXT, language="en")
    mention = MentionFactory(
        article=article, content="the depot would close", speaker="two officials",
        speaker_type="anonymous", cue="According to",
        hedges=["allegedly", "anonymous", "attributed"],
    )  # fmt: skip
    services.mention_correct(mention=mention, by=journalist, speaker_type="organization")
    mention.refresh_from_db()
    assert mention.hedges == ["allegedly", "attributed"]


def test_a_correction_of_the_stance_only_leaves_the_hedges_alone(journalist):
    article = ArticleFactory(text=TEXT)
    mention = MentionFactory(
        article=article, content="the depot would close", speaker="two officials",
        speaker_type="anonymous", cue="reported", via=["The Post"],
        hedges=["anonymous", "attributed"],
    )  # fmt: skip
    services.mention_correct(
        mention=mention, by=journalist, stance="asserts", speaker="Two officials"
    )
    mention.refresh_from_db()
    assert mention.hedges == ["anonymous", "attributed"]


def test_a_corrected_bare_appearance_raises_the_drift_its_hedges_say(journalist):
    claim = ClaimFactory(statement="The depot will close")
    earlier = MentionFactory(
        article=ArticleFactory(text=TEXT, outlet=OutletFactory(name="The Post")),
        claim=claim, content="the depot would close", speaker="two officials",
        speaker_type="anonymous", cue="According to", hedges=["anonymous", "attributed"],
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    later_article = ArticleFactory(
        text="The depot closes, the mayor said.", outlet=OutletFactory(name="The Bulletin")
    )
    later = services.mention_add(
        article=later_article, by=journalist, words="The depot closes", speaker="the mayor",
        speaker_type="person", cue="said",
    )  # fmt: skip
    services.mention_accept(mention=later, by=journalist, claim=claim)
    alert = Alert.objects.get(kind=Alert.Kind.HEDGE_DROPPED)
    assert (alert.earlier, alert.later) == (earlier, later)
    assert alert.data["lost"] == ["anonymous", "attributed"]
