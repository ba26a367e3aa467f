"""The public claim page and its ClaimReview JSON-LD."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from claims.models import Correction, Mention, Source
from tests.factories import (
    ArticleFactory,
    CorrectionFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

TEXT = "Le Monde rapporte que le port a cédé six grues à un armateur étranger."
SPAN = "le port a cédé six grues à un armateur étranger"


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2024, 5, day, 9, 0, tzinfo=datetime.UTC)


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def claim(publish):
    """A claim relayed by Le Monde to Ouest Matin (first) and to The Gazette (later)."""
    claimant = SourceFactory(name="Deux cadres du port", kind=Source.Kind.ANONYMOUS)
    claim = publish(
        statement="The port sold six cranes",
        claimant=claimant,
        sourcing="relayed",
        verdict="mostly-false",
        conclusion="The lease register shows the cranes were leased.",
        published_at=at(20),
    )
    later = ArticleFactory(
        title="Port sells cranes, says Le Monde",
        text="The port sold six cranes, according to Le Monde.",
        outlet=OutletFactory(name="The Gazette"),
        url="https://gazette.example/cranes",
        published_at=at(12),
    )
    first = ArticleFactory(
        title="Le port vend ses grues",
        text=TEXT,
        language="fr",
        outlet=OutletFactory(name="Ouest Matin"),
        url="https://ouest.example/grues",
        published_at=at(10),
    )
    MentionFactory(
        article=later, claim=claim, content="The port sold six cranes", speaker="Deux cadres",
        via=["Le Monde"], review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    MentionFactory(
        article=first, claim=claim, content=SPAN, speaker="Deux cadres du port", cue="rapporte",
        via=["Le Monde"], review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    EvidenceFactory(claim=claim, title="Lease register 2024", url="https://port.example/leases")
    correction = CorrectionFactory(claim=claim, text="We named the register's year.")
    Correction.objects.filter(pk=correction.pk).update(created_at=at(22))  # auto_now_add
    return claim


def test_claim_page_shows_what_readers_need(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "<h1" in html and "The port sold six cranes</h1>" in html
    assert "Deux cadres du port" in html
    assert "Mostly false" in html and "The lease register shows the cranes were leased." in html
    assert "Lease register 2024" in html and 'href="https://port.example/leases"' in html
    assert "We named the register&#x27;s year." in html
    assert '<time class="published" datetime="2024-05-20">May 20, 2024</time>' in html
    french = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<time class="published" datetime="2024-05-20">20 mai 2024</time>' in french
    assert '<time class="updated" datetime="2024-05-22">May 22, 2024</time>' in html
    assert 'href="/claims/about/methodology/"' in html
    assert 'href="/claims/about/rating-scale/#rating-mostly-false"' in html


def test_sourcing_assessment_is_shown_apart_from_the_verdict(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    verdict = re.search(r'<section class="verdict-panel".*?</section>', html, re.S).group(0)
    sourcing = re.search(r'<section class="sourcing-panel".*?</section>', html, re.S).group(0)
    assert "Mostly false" in verdict and "Relayed and unverified" not in verdict
    assert "Relayed and unverified" in sourcing and "Mostly false" not in sourcing


def test_attribution_chain_runs_from_speaker_through_relays_to_the_outlet(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    chains = re.findall(r'<ol class="chain".*?</ol>', html, re.S)
    names = [re.findall(r'<span class="chain-name">(.*?)</span>', chain) for chain in chains]
    assert names == [
        ["Deux cadres du port", "Le Monde", "Ouest Matin"],
        ["Deux cadres", "Le Monde", "The Gazette"],
    ]
    assert "<svg" in chains[0]


def test_timeline_lists_every_appearance_in_order_and_marks_the_first(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    items = re.findall(r'<li class="timeline-item.*?</li>', html, re.S)
    assert len(items) == 2
    assert "is-first" in items[0] and "First appearance" in items[0]
    assert "Ouest Matin" in items[0] and SPAN in items[0]
    assert 'href="https://ouest.example/grues"' in items[0]
    assert "is-first" not in items[1] and "First appearance" not in items[1]
    assert "The Gazette" in items[1] and 'href="https://gazette.example/cranes"' in items[1]
    assert "publication date unknown" not in html


def test_appearance_without_a_publication_date_says_its_date_is_the_recording_day(
    client, publish
):
    claim = publish(statement="Pasted text claim")
    article = ArticleFactory(title="Pasted text", published_at=None)
    MentionFactory(article=article, claim=claim, review_state=Mention.ReviewState.ACCEPTED)
    html = client.get(claim.get_absolute_url()).content.decode()
    item = re.search(r'<li class="timeline-item.*?</li>', html, re.S).group(0)
    assert "publication date unknown: the day we recorded it" in item


def test_claim_review_json_ld_describes_the_page(client, claim, settings):
    settings.CLAIMTRACK_ORGANISATION_NAME = "Les Vérificateurs"
    settings.CLAIMTRACK_ORGANISATION_URL = "https://checks.example"
    settings.SITE_URL = "https://checks.example"
    html = client.get(claim.get_absolute_url()).content.decode()
    blocks = json_ld(html)
    assert len(blocks) == 1
    review = blocks[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"https://checks.example/claims/{claim.slug}/"
    assert review["claimReviewed"] == "The port sold six cranes"
    assert review["datePublished"] == "2024-05-20"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Les Vérificateurs",
        "url": "https://checks.example",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Deux cadres du port"}
    assert item["datePublished"] == "2024-05-10"
    first = {
        "@type": "CreativeWork",
        "headline": "Le port vend ses grues",
        "url": "https://ouest.example/grues",
        "datePublished": "2024-05-10",
        "publisher": {"@type": "Organization", "name": "Ouest Matin"},
    }
    assert item["firstAppearance"] == first
    assert item["appearance"] == [
        first,
        {
            "@type": "CreativeWork",
            "headline": "Port sells cranes, says Le Monde",
            "url": "https://gazette.example/cranes",
            "datePublished": "2024-05-12",
            "publisher": {"@type": "Organization", "name": "The Gazette"},
        },
    ]
    # What the markup says, the page shows.
    assert f'<link rel="canonical" href="{review["url"]}">' in html
    assert 'datetime="2024-05-20"' in html and 'datetime="2024-05-10"' in html


def test_rating_value_mapping_is_the_one_published_on_the_rating_scale_page(client, publish):
    claim = publish(verdict="unverifiable")
    review = json_ld(client.get(claim.get_absolute_url()).content.decode())[0]
    # Off the true-to-false scale: by name only (a ratingValue must lie between worstRating
    # and bestRating).
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    scale = client.get("/claims/about/rating-scale/").content.decode()
    assert re.search(r"<th scope=\"row\">Unverifiable</th><td>none \(name only\)</td>", scale)
    assert re.search(r"<th scope=\"row\">Mostly false</th><td>2</td>", scale)
    assert "<code>bestRating</code> = 5" in scale and "<code>worstRating</code> = 1" in scale
    assert "The claim is inaccurate." in scale  # the definitions themselves


def test_statement_cannot_break_out_of_the_json_ld_script(client, publish):
    claim = publish(statement='Evil </script><script>alert("x")</script> claim')
    html = client.get(claim.get_absolute_url()).content.decode()
    assert '<script>alert("x")' not in html
    assert json_ld(html)[0]["claimReviewed"] == claim.statement


def test_open_graph_tags_describe_the_claim(client, claim):
    html = client.get(claim.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="The port sold six cranes">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="http://127.0.0.1:8000/claims/{claim.slug}/">' in html
    assert re.search(r'<meta property="og:description" content="Verdict: Mostly false\. The', html)


def test_claim_without_appearances_has_no_appearance_in_json_ld(client, publish):
    claim = publish(claimant=None)
    html = client.get(claim.get_absolute_url()).content.decode()
    item = json_ld(html)[0]["itemReviewed"]
    assert item == {"@type": "Claim", "inLanguage": "en"}  # no author, no appearance
    assert "No appearance has been recorded yet." in html
    assert "Claimed by an unidentified source" in html


def test_big_claim_page_runs_a_bounded_number_of_queries(
    client, publish, django_assert_max_num_queries
):
    claim = publish()
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(5)]
    text = "The mayor said that the bridge would reopen in March."
    articles = ArticleFactory.create_batch(
        50, text=text, outlet=factory_cycle(outlets), published_at=timezone.now()
    )
    Mention.objects.bulk_create(
        Mention(
            article=article, claim=claim, speaker="The mayor", via=["Wire"],
            content="the bridge would reopen in March", start=20, end=52,
            review_state=Mention.ReviewState.ACCEPTED,
        )
        for article in articles
    )  # fmt: skip
    EvidenceFactory.create_batch(20, claim=claim)
    CorrectionFactory.create_batch(3, claim=claim)
    with django_assert_max_num_queries(10):
        response = client.get(claim.get_absolute_url())
    html = response.content.decode()
    assert html.count('<li class="timeline-item') == 50
    assert html.count('<li class="evidence-item') == 20
    assert len(json_ld(html)[0]["itemReviewed"]["appearance"]) == 50


def factory_cycle(items):
    import factory

    return factory.Iterator(items)


def test_open_graph_locale_follows_the_page_language(client, claim):
    french = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<meta property="og:locale" content="fr_FR">' in french
    english = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<meta property="og:locale" content="en_GB">' in english


def test_claim_page_answers_head_requests(client, claim):
    response = client.head(claim.get_absolute_url())
    assert response.status_code == 200 and response.content == b""


def test_withdrawn_then_republished_claim_tells_readers_what_happened(
    client, claim, editor, editor2, ratings, settings
):
    from claims import services
    from claims.models import Claim

    settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL = True
    first_published = claim.published_at
    services.claim_unpublish(claim=claim, by=editor, reason="The register was misread")
    services.claim_set_verdict(
        claim=claim, verdict=ratings["false"], conclusion="No crane was sold.", by=editor
    )
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)

    html = client.get(claim.get_absolute_url()).content.decode()
    log = html.split('id="corrections-heading"', 1)[1]
    assert "Withdrawn: The register was misread" in log
    assert "Published again with the verdict “False”." in log
    assert log.index("Withdrawn:") < log.index("Published again")
    claim.refresh_from_db()
    assert claim.published_at == first_published  # first publication date kept
    republished = Claim.objects.with_last_public_change().get(pk=claim.pk)
    assert republished.last_public_change > first_published  # "updated", feed, sitemap
    french = client.get(claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Publiée de nouveau avec le verdict « Faux »." in french
    assert "Retirée : The register was misread" in french
