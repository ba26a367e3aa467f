"""The relay graph (issue 13, part 2): who said a claim first, which outlets relayed it and
from whom (the `via` chains joined across articles), which published it without attribution;
drawn on the workspace and the public page, and in ClaimReview."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from claims.models import Mention, Source
from claims.relay import relay_graph
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

ANON = Source.Kind.ANONYMOUS


def day(n: int) -> datetime.datetime:
    return datetime.datetime(2026, 5, n, 8, 0, tzinfo=datetime.UTC)


def appearance(claim, outlet, when, content, **kwargs):
    article = ArticleFactory(
        title=f"{outlet} story",
        text=f"Intro. {content}. The end.",
        outlet=OutletFactory(name=outlet),
        published_at=when,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{when:%d}",
    )
    return MentionFactory(
        article=article, claim=claim, content=content,
        review_state=Mention.ReviewState.ACCEPTED, **kwargs,
    )  # fmt: skip


@pytest.fixture
def travelled(publish):
    """The Ledger breaks it from anonymous officials; Le Courrier relays "selon le Ledger";
    The Daily Wire relays Le Courrier citing the Ledger; The Echo repeats it with no source at all;
    The Beacon cites "officials" and credits nobody."""
    claim = publish(statement="The river port will close for a year")
    appearance(
        claim, "The Ledger", day(3), "the river port would close for a year",
        speaker="two port officials", speaker_type=ANON,
    )  # fmt: skip
    appearance(
        claim, "Le Courrier", day(4), "le port fluvial fermerait pendant un an",
        speaker="deux responsables du port", speaker_type=ANON, via=["le Ledger"],
    )  # fmt: skip
    appearance(
        claim, "The Daily Wire", day(5), "the river port will shut for twelve months",
        speaker="two port officials", speaker_type=ANON, via=["The Ledger", "Le Courrier"],
    )  # fmt: skip
    appearance(claim, "The Echo", day(6), "the river port closes for a year", speaker="")
    appearance(
        claim, "The Beacon", day(7), "the river port is closing for a year",
        speaker="officials", speaker_type=ANON,
    )  # fmt: skip
    return claim


def test_chains_join_across_articles_on_normalised_names(travelled):
    graph = relay_graph(travelled)
    assert [s.outlet for s in graph.steps] == [
        "The Ledger", "Le Courrier", "The Daily Wire", "The Echo", "The Beacon",
    ]  # fmt: skip
    outlets = {n.label for n in graph.nodes if n.role != "speaker"}
    # "le Ledger" of one article is The Ledger of another: one node.
    assert {"The Ledger", "Le Courrier", "The Daily Wire", "The Echo", "The Beacon"} <= outlets
    assert not any(n.label == "le Ledger" for n in graph.nodes)
    edges = {(e.source.label, e.target.label) for e in graph.edges}
    assert ("The Ledger", "Le Courrier") in edges
    assert ("Le Courrier", "The Ledger") not in edges
    # The Wire's chain, from the speaker outwards: officials → The Ledger → Le Courrier → Wire.
    assert ("Le Courrier", "The Daily Wire") in edges
    assert ("The Ledger", "The Daily Wire") not in edges
    assert dict(graph.relays)["The Ledger"] == ["Le Courrier"]
    assert dict(graph.relays)["Le Courrier"] == ["The Daily Wire"]


def test_who_said_it_first_and_who_published_without_attribution(travelled):
    graph = relay_graph(travelled)
    assert graph.first_speaker == "two port officials"
    assert graph.first.outlet == "The Ledger"
    flagged = {s.outlet: s.unattributed for s in graph.unattributed}
    # The Echo names nobody; The Beacon cites anonymous officials and credits no outlet
    # after The Ledger broke it; Le Courrier and the Wire credit theirs.
    assert flagged == {"The Echo": "no_source", "The Beacon": "no_credit"}


def test_a_first_report_from_an_anonymous_source_is_not_uncredited(publish):
    claim = publish(statement="The mill closes")
    appearance(claim, "The Ledger", day(3), "the mill would close", speaker="a manager",
               speaker_type=ANON)  # fmt: skip
    assert relay_graph(claim).unattributed == []


def test_the_drawing_fits_a_phone_and_each_box_is_inside(travelled):
    graph = relay_graph(travelled)
    assert graph.width <= 360
    for node in graph.nodes:
        assert 0 <= node.x and node.x + graph.box_w <= graph.width
        assert 0 <= node.y and node.y + graph.box_h <= graph.height
    # No two boxes overlap.
    boxes = [(n.x, n.y) for n in graph.nodes]
    assert len(set(boxes)) == len(boxes)


def test_public_page_draws_the_graph_and_says_it_in_words(client, travelled):
    html = client.get(travelled.get_absolute_url()).content.decode()
    svg = re.search(r'<svg class="relay-svg".*?</svg>', html, re.S).group(0)
    for outlet in ("The Ledger", "Le Courrier", "The Daily Wire", "The Echo", "The Beacon"):
        assert outlet in svg
    assert "First said by <strong>two port officials</strong>" in html
    assert "Without attribution: <strong>The Echo</strong>" in html
    assert "Without attribution: <strong>The Beacon</strong>" in html


def test_claim_review_first_appearance_is_the_earliest_article(client, travelled):
    html = client.get(travelled.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    item = json.loads(block.group(1))["itemReviewed"]
    assert item["firstAppearance"]["publisher"]["name"] == "The Ledger"
    assert [w["publisher"]["name"] for w in item["appearance"]] == [
        "The Ledger", "Le Courrier", "The Daily Wire", "The Echo", "The Beacon",
    ]  # fmt: skip


def test_readers_graph_leaves_out_unreviewed_mentions(client, publish):
    claim = publish(statement="The ferry stops")
    appearance(claim, "The Ledger", day(3), "the ferry would stop", speaker="the operator")
    pending = appearance(claim, "The Secret Sheet", day(4), "the ferry stops", speaker="x")
    Mention.objects.filter(pk=pending.pk).update(review_state=Mention.ReviewState.UNREVIEWED)
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "The Ledger" in html
    assert "The Secret Sheet" not in html


def test_workspace_shows_the_graph(journalist_client, travelled):
    html = journalist_client.get(reverse("review:claim", args=[travelled.pk])).content.decode()
    assert 'class="relay-svg"' in html
    assert "Without attribution: <strong>The Echo</strong>" in html
