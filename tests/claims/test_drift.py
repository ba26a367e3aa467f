"""Hedge drift between appearances of one claim (claims.drift), raised when a journalist
links an appearance (services._mention_link) or attaches a response."""

from datetime import UTC, datetime

import pytest

from claims import services
from claims.alerts import alert_dismiss
from claims.drift import claim_check_drift
from claims.extraction import extract
from claims.models import Alert, Mention
from claims.responses import response_attach
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

FR = "La Russie aurait demandé des drones à l'Iran, selon le Wall Street Journal."
EN = "Russia asked Iran for drones, the minister said."
FR_BARE = "La Russie a demandé des drones à l'Iran, a déclaré le ministre."


def day(n: int) -> datetime:
    return datetime(2026, 11, n, 9, 0, tzinfo=UTC)  # before the tests run


def appearance(outlet, published, text, content, hedges=(), speaker="the minister", **kw):
    article = ArticleFactory(
        text=text,
        outlet=OutletFactory(name=outlet),
        published_at=published,
        language="fr" if "Russie" in text else "en",
    )
    return MentionFactory(
        article=article, content=content, hedges=list(hedges), speaker=speaker, **kw
    )


@pytest.fixture
def le_monde(roles):
    return appearance(
        "Le Monde",
        day(2),
        FR,
        "La Russie aurait demandé des drones à l'Iran",
        hedges=("conditional", "attributed"),
        speaker="le Wall Street Journal",
        cue="selon",
    )


@pytest.fixture
def the_daily(roles):
    return appearance("The Daily", day(3), EN, "Russia asked Iran for drones")


def claim_of(mention, journalist):
    return services.claim_create_from_mention(
        mention=mention, statement="Russia asked Iran for drones", by=journalist
    )


def test_french_hedged_then_english_bare_raises_one_hedge_dropped_alert(
    le_monde, the_daily, journalist
):
    claim = claim_of(le_monde, journalist)
    assert not Alert.objects.exists()
    services.mention_accept(mention=the_daily, by=journalist, claim=claim)
    alert = Alert.objects.get()
    assert (alert.kind, alert.claim, alert.earlier, alert.later, alert.article) == (
        Alert.Kind.HEDGE_DROPPED,
        claim,
        le_monde,
        the_daily,
        the_daily.article,
    )
    assert alert.data["lost"] == ["conditional", "attributed"]
    assert alert.detail == (
        'Le Monde (2 Nov) reported it with a conditional and an attribution ("selon"); '
        "The Daily (3 Nov) states it bare."
    )


def test_the_hedges_the_extractor_reports_drive_the_alert(journalist, roles):
    # the whole path from text: hedges as the extractor stores them
    hedged, bare = extract(FR, "fr")[0], extract(EN, "en")[0]
    assert "conditional" in hedged.hedges and bare.hedges == []
    fr = appearance("Le Monde", day(2), FR, hedged.content, hedges=hedged.hedges)
    en = appearance("The Daily", day(3), EN, bare.content, hedges=bare.hedges)
    claim = claim_of(fr, journalist)
    services.mention_accept(mention=en, by=journalist, claim=claim)
    assert list(Alert.objects.values_list("kind", "earlier", "later")) == [
        ("hedge_dropped", fr.pk, en.pk)
    ]


def test_same_hedges_raise_nothing(le_monde, journalist):
    claim = claim_of(le_monde, journalist)
    later = appearance(
        "The Daily",
        day(3),
        EN,
        "Russia asked Iran for drones",
        hedges=("conditional", "attributed"),
    )
    services.mention_accept(mention=later, by=journalist, claim=claim)
    assert not Alert.objects.exists()


def test_a_later_hedged_appearance_after_a_bare_one_raises_nothing(le_monde, journalist):
    earlier = appearance("The Daily", day(1), EN, "Russia asked Iran for drones")
    claim = claim_of(earlier, journalist)
    services.mention_accept(mention=le_monde, by=journalist, claim=claim)
    assert not Alert.objects.exists()


def test_order_is_the_articles_dates_not_the_order_of_linking(le_monde, the_daily, journalist):
    claim = claim_of(the_daily, journalist)  # linked first, published a day later
    services.mention_accept(mention=le_monde, by=journalist, claim=claim)
    alert = Alert.objects.get()
    assert (alert.earlier, alert.later) == (le_monde, the_daily)


def test_an_article_without_a_publication_date_goes_by_its_arrival(le_monde, journalist):
    claim = claim_of(le_monde, journalist)  # published 2 Nov
    undated = appearance("The Daily", None, EN, "Russia asked Iran for drones")
    assert undated.article.created_at > day(3)  # it arrived after (created now)
    services.mention_accept(mention=undated, by=journalist, claim=claim)
    assert Alert.objects.get().later == undated


def test_the_later_is_compared_with_the_most_recent_hedged_appearance(le_monde, journalist):
    claim = claim_of(le_monde, journalist)
    second = appearance(
        "Le Figaro", day(3), FR, "La Russie aurait demandé des drones à l'Iran",
        hedges=("conditional",),
    )  # fmt: skip
    bare = appearance("The Daily", day(4), EN, "Russia asked Iran for drones")
    services.mention_accept(mention=second, by=journalist, claim=claim)
    assert Alert.objects.get().data["lost"] == ["attributed"]  # Le Figaro kept the conditional
    services.mention_accept(mention=bare, by=journalist, claim=claim)
    alert = Alert.objects.get(later=bare)
    assert alert.earlier == second and alert.data["lost"] == ["conditional"]
    assert Alert.objects.count() == 2  # one per (kind, later appearance), not one per pair


def test_a_hedge_dropped_within_one_article_is_no_drift(le_monde, journalist):
    claim = claim_of(le_monde, journalist)
    again = MentionFactory(
        article=le_monde.article, content="Russie aurait demandé des drones", hedges=[]
    )
    services.mention_accept(mention=again, by=journalist, claim=claim)
    assert not Alert.objects.exists()


def test_only_accepted_appearances_count(le_monde, the_daily, journalist):
    claim = claim_of(le_monde, journalist)
    Mention.objects.filter(pk=the_daily.pk).update(claim=claim)  # linked, not reviewed
    assert claim_check_drift(claim=claim) == []


def test_an_unattributed_appearance_raises_source_dropped(le_monde, journalist):
    claim = claim_of(le_monde, journalist)
    unsourced = appearance(
        "The Daily", day(3), EN, "Russia asked Iran for drones",
        hedges=("conditional", "attributed"), speaker="",
    )  # fmt: skip
    services.mention_accept(mention=unsourced, by=journalist, claim=claim)
    alert = Alert.objects.get()
    assert (alert.kind, alert.earlier, alert.later) == ("source_dropped", le_monde, unsourced)
    assert alert.detail == (
        "Le Monde (2 Nov) attributed it to le Wall Street Journal; The Daily (3 Nov) gives no "
        "source."
    )


def test_a_relay_alone_is_a_source_and_an_anonymous_one_is_no_source_drop(journalist, roles):
    relayed = appearance(
        "Le Monde", day(2), FR, "La Russie aurait demandé des drones à l'Iran",
        speaker="", via=["Wall Street Journal"],
    )  # fmt: skip
    claim = claim_of(relayed, journalist)
    anonymous = appearance(
        "The Daily", day(3), EN, "Russia asked Iran for drones",
        speaker="two officials", speaker_type="anonymous", hedges=("anonymous",),
    )  # fmt: skip
    services.mention_accept(mention=anonymous, by=journalist, claim=claim)
    assert not Alert.objects.exists()
    bare = appearance("The Times", day(4), EN, "Russia asked Iran for drones", speaker="")
    services.mention_accept(mention=bare, by=journalist, claim=claim)
    alert = Alert.objects.get(kind="source_dropped")
    # compared with the most recent appearance that named a source: The Daily's
    assert (alert.earlier, alert.later) == (anonymous, bare)
    assert Alert.objects.get(kind="hedge_dropped").data["lost"] == ["anonymous"]


def _denial(article, journalist, claim):
    denial = MentionFactory(
        article=article,
        content=article.text.split(",")[0],
        stance="denies",
        speaker="The Kremlin",
    )
    return response_attach(mention=denial, claim=claim, by=journalist)


def test_a_denial_left_out_by_a_later_article_raises_denial_dropped(journalist, roles):
    first = appearance("Le Monde", day(2), FR_BARE, "La Russie a demandé des drones")
    claim = claim_of(first, journalist)
    denial = _denial(first.article, journalist, claim)
    later = appearance("The Daily", day(3), EN, "Russia asked Iran for drones")
    services.mention_accept(mention=later, by=journalist, claim=claim)
    alert = Alert.objects.get()
    assert (alert.kind, alert.earlier, alert.later) == ("denial_dropped", denial, later)
    assert alert.data == {"denial": denial.pk}
    assert alert.detail == (
        "Le Monde (2 Nov) carried a denial by The Kremlin; The Daily (3 Nov) reports the claim "
        "without it."
    )


def test_a_later_article_that_carries_a_response_drops_no_denial(journalist, roles):
    first = appearance("Le Monde", day(2), FR_BARE, "La Russie a demandé des drones")
    claim = claim_of(first, journalist)
    _denial(first.article, journalist, claim)
    later = appearance("The Daily", day(3), EN, "Russia asked Iran for drones")
    declined = MentionFactory(
        article=later.article, content="Russia asked", stance="declines_comment"
    )
    response_attach(mention=declined, claim=claim, by=journalist)
    services.mention_accept(mention=later, by=journalist, claim=claim)
    assert not Alert.objects.exists()


def test_a_denial_attached_after_the_appearances_is_checked_then(journalist, roles):
    first = appearance("Le Monde", day(2), FR_BARE, "La Russie a demandé des drones")
    claim = claim_of(first, journalist)
    later = appearance("The Daily", day(4), EN, "Russia asked Iran for drones")
    services.mention_accept(mention=later, by=journalist, claim=claim)
    assert not Alert.objects.exists()
    denial_article = ArticleFactory(text=EN, outlet=OutletFactory(name="AFP"), published_at=day(3))
    _denial(denial_article, journalist, claim)
    assert Alert.objects.get().kind == "denial_dropped"
    # a denial published after the appearance is not one it dropped
    assert not Alert.objects.filter(later=first).exists()


def test_checking_twice_raises_nothing_new_even_after_a_dismissal(
    le_monde, the_daily, journalist, editor
):
    claim = claim_of(le_monde, journalist)
    services.mention_accept(mention=the_daily, by=journalist, claim=claim)
    assert claim_check_drift(claim=claim) == []
    alert = Alert.objects.get()
    alert_dismiss(alert=alert, by=editor, reason="The Daily quotes the minister directly.")
    assert claim_check_drift(claim=claim) == []
    assert Alert.objects.count() == 1


def test_merging_a_claim_compares_its_appearances_with_the_other_claims(
    le_monde, the_daily, journalist, editor
):
    hedged = claim_of(le_monde, journalist)
    bare = services.claim_create_from_mention(
        mention=the_daily, statement="Russia wanted Iranian drones", by=journalist
    )
    assert not Alert.objects.exists()
    services.claim_merge(claim=bare, into=hedged, by=editor)
    alert = Alert.objects.get()
    assert (alert.claim, alert.earlier, alert.later) == (hedged, le_monde, the_daily)


def test_two_extracted_articles_french_hedged_english_bare_give_one_drift_alert(journalist, roles):
    fr = ArticleFactory(
        text=FR, language="fr", outlet=OutletFactory(name="Le Monde"), published_at=day(2)
    )
    en = ArticleFactory(
        text=EN, language="en", outlet=OutletFactory(name="The Daily"), published_at=day(3)
    )
    for article in (fr, en):
        services.article_extract_claims(article=article)
    hedged, bare = fr.mentions.get(), en.mentions.get()
    assert hedged.hedges == ["conditional", "attributed"] and bare.hedges == []
    claim = claim_of(hedged, journalist)
    services.mention_accept(mention=bare, by=journalist, claim=claim)
    assert claim.mentions.count() == 2
    alert = Alert.objects.get()
    assert (alert.kind, alert.earlier, alert.later) == ("hedge_dropped", hedged, bare)
    assert alert.detail.startswith(
        'Le Monde (2 Nov) reported it with a conditional and an attribution ("selon")'
    )
