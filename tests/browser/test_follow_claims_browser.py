"""Following a claim across the news, in Chromium at phone size (issue 13): an editor sees a
hedge-drift alert with both spans side by side and dismisses it with a reason; a reader sees
the relay graph on the public page without scrolling sideways."""

import datetime

import pytest
from playwright.sync_api import expect

from claims.alerts import alert_raise
from claims.models import Alert, Mention, Source
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def appearance(claim, outlet, day, text, content, **kwargs):
    article = ArticleFactory(
        title=f"{outlet}: the reservoir", text=text, outlet=OutletFactory(name=outlet),
        published_at=datetime.datetime(2026, 6, day, 9, 0, tzinfo=datetime.UTC),
        language=kwargs.pop("language", "en"),
    )  # fmt: skip
    return MentionFactory(
        article=article, claim=claim, content=content,
        review_state=Mention.ReviewState.ACCEPTED, **kwargs,
    )  # fmt: skip


@pytest.fixture
def spread(publish):
    claim = publish(statement="The northern reservoir will be drained in July")
    hedged = appearance(
        claim, "L'Écho du Nord", 2,
        "Le réservoir nord serait vidé en juillet, selon deux techniciens cités par le Bulletin.",
        "Le réservoir nord serait vidé en juillet", language="fr",
        speaker="deux techniciens", speaker_type=Source.Kind.ANONYMOUS,
        via=["Le Bulletin des Eaux"], hedges=["conditional", "anonymous", "attributed"],
    )  # fmt: skip
    bare = appearance(
        claim, "The Valley Standard", 4,
        "The northern reservoir will be drained in July, the water board said.",
        "The northern reservoir will be drained in July", speaker="the water board",
        speaker_type=Source.Kind.ORGANIZATION,
    )  # fmt: skip
    appearance(
        claim, "Metro Flash", 5, "The northern reservoir is to be drained in July.",
        "The northern reservoir is to be drained in July", speaker="",
    )  # fmt: skip
    alert_raise(
        kind=Alert.Kind.HEDGE_DROPPED, claim=claim, earlier=hedged, later=bare,
        article=bare.article,
        detail="L'Écho du Nord reported it with a conditional; The Valley Standard states it bare.",
        data={"lost": ["conditional", "anonymous", "attributed"]},
    )  # fmt: skip
    return claim


def test_editor_sees_the_alert_side_by_side_on_a_phone_and_dismisses_it(new_page, editor, spread):
    page = new_page(PHONE)
    log_in(page, editor.username)
    page.goto("/review/board/")
    card = page.locator(".open-alerts .alert-card").first
    expect(card).to_contain_text("Hedge dropped")
    expect(card.locator("blockquote").nth(0)).to_have_text(
        "Le réservoir nord serait vidé en juillet"
    )
    expect(card.locator("blockquote").nth(1)).to_have_text(
        "The northern reservoir will be drained in July"
    )
    expect(card).to_contain_text("conditional")
    expect(card).to_contain_text("reported bare")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # A reason is required: the browser will not send an empty one.
    card.get_by_role("button", name="Dismiss").click()
    assert Alert.objects.get().state == Alert.State.OPEN
    card.get_by_label("Why dismiss it?").fill("The water board confirmed it on the record")
    card.get_by_role("button", name="Dismiss").click()
    expect(page.get_by_role("status")).to_contain_text("Alert dismissed.")
    expect(page.locator(".open-alerts")).to_contain_text("No open alert.")
    alert = Alert.objects.get()
    assert alert.state == Alert.State.DISMISSED and alert.dismissed_by == editor
    page.goto(spread.get_workspace_url())
    expect(page.locator("section.alerts")).to_contain_text(
        "The water board confirmed it on the record"
    )


def test_reader_sees_the_relay_graph_at_phone_size(new_page, spread):
    page = new_page(PHONE)
    page.goto(spread.get_absolute_url())
    svg = page.locator("svg.relay-svg")
    expect(svg).to_be_visible()
    for outlet in ("L'Écho du Nord", "Le Bulletin des Eaux", "The Valley Standard", "Metro Flash"):
        expect(svg.locator("text", has_text=outlet)).to_have_count(1)
    box = svg.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["width"] >= 250  # drawn at the width of the phone, not a thumbnail
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    facts = page.locator(".relay-facts")
    expect(facts).to_contain_text("First said by deux techniciens")
    expect(facts).to_contain_text("Without attribution: Metro Flash")
    # The drift alert is internal: nothing of it on the public page.
    expect(page.locator("body")).not_to_contain_text("Hedge dropped")
