"""Speaker and outlet pages: the newsroom's (journalists and editors) and the readers'
(published data only), their permissions, their query counts, ClaimReview's author."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Claim, Mention, PendingChange, Source
from claims.source_records import source_merge, source_rename
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ACCEPTED = Mention.ReviewState.ACCEPTED


def named(name: str, kind: str = Source.Kind.PERSON) -> Source:
    return services.source_get_or_create(name=name, kind=kind)


def mention(source, *, claim=None, outlet="Daily Sun", state=ACCEPTED, **kwargs) -> Mention:
    article = ArticleFactory(outlet=OutletFactory(name=outlet))
    return MentionFactory(article=article, source=source, claim=claim, review_state=state, **kwargs)


def jsonld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


# --- Newsroom ------------------------------------------------------------------------------


@pytest.fixture
def source():
    return named("Paul Martin")


def newsroom_urls(source, outlet) -> list[str]:
    return [
        reverse("review:sources"),
        reverse("review:source", args=[source.pk]),
        reverse("review:outlet", args=[outlet.pk]),
    ]


def test_readers_are_sent_to_log_in_and_signed_in_readers_refused(client, source):
    outlet = mention(source).article.outlet
    for url in newsroom_urls(source, outlet):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]
    client.force_login(UserFactory(username="reader"))
    for url in newsroom_urls(source, outlet):
        assert client.get(url).status_code == 403


def test_the_source_page_shows_claims_stances_relays_and_outlets(journalist_client, source):
    claimed = ClaimFactory(claimant=source, statement="Taxes fall next year")
    spoken = ClaimFactory(claimant=named("Jean Dupont"), statement="Rail lines reopen")
    mention(source, claim=spoken, outlet="Harbour Gazette", via=["Wire agency"])
    mention(source, outlet="Harbour Gazette", stance=Mention.Stance.DENIES, state="unreviewed")
    mention(source, stance=Mention.Stance.DECLINES_COMMENT, hedges=["anonymous"])
    mention(source, state=Mention.ReviewState.REJECTED, outlet="Rejected Times")
    ClaimFactory(statement="Not this source's claim")

    response = journalist_client.get(reverse("review:source", args=[source.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert claimed.statement in html and spoken.statement in html
    assert "Not this source&#x27;s claim" not in html and "Not this source's claim" not in html
    counts = re.search(r'<ul class="profile-counts">(.*?)</ul>', html, re.S).group(1)
    assert "<strong>3</strong> statements" in counts  # the rejected one is not counted
    assert "Mentions: 2 accepted, 1 unreviewed, 0 corrected, 1 rejected" in html
    assert re.search(r'stance-denies"><strong>1</strong>', counts)
    assert re.search(r'stance-declines_comment"><strong>1</strong>', counts)
    assert re.search(r'class="relayed"><strong>1</strong>', counts)
    assert re.search(r'class="anonymous"><strong>1</strong>', counts)
    outlets = re.search(r'<table class="outlets">(.*?)</table>', html, re.S).group(1)
    assert "Harbour Gazette" in outlets and "<td>2</td>" in outlets
    assert "Rejected Times" not in outlets
    chart = re.search(r'<div class="chart-pair chart-pair-columns">(.*?)</table>', html, re.S)
    assert '<svg class="chart-svg"' in chart.group(1) and 'role="img"' in chart.group(1)
    assert '<title id="appearances-title">Statements per month</title>' in chart.group(1)
    assert "merge-form" not in html  # journalists read, editors change


def test_the_source_list_searches_names_and_aliases(journalist_client, editor):
    journal = named("Wall Street Journal", Source.Kind.PUBLICATION)
    from claims.source_records import source_alias_add

    source_alias_add(source=journal, alias="Le Journal de Wall Street", by=editor)
    named("Le Monde", Source.Kind.PUBLICATION)
    html = journalist_client.get(reverse("review:sources"), {"q": "journal de wall"}).content
    assert b"Wall Street Journal" in html and b"Le Monde" not in html
    html = journalist_client.get(reverse("review:sources"), {"q": "monde"}).content
    assert b"Le Monde" in html and b"Wall Street Journal" not in html


def test_the_outlet_page_shows_its_claims_stances_anonymous_relays_and_speakers(
    journalist_client, source
):
    claim = ClaimFactory(claimant=source, statement="Taxes fall next year")
    first = mention(source, claim=claim, outlet="Harbour Gazette")
    outlet = first.article.outlet
    anonymous = named("two officials", Source.Kind.ANONYMOUS)
    mention(
        anonymous, outlet="Harbour Gazette", stance=Mention.Stance.CANNOT_VERIFY,
        speaker="two officials", speaker_type=Source.Kind.ANONYMOUS,
    )  # fmt: skip
    mention(source, outlet="Other Post")

    html = journalist_client.get(reverse("review:outlet", args=[outlet.pk])).content.decode()

    assert claim.statement in html
    counts = re.search(r'<ul class="profile-counts">(.*?)</ul>', html, re.S).group(1)
    assert "<strong>2</strong> statements" in counts
    assert re.search(r'class="anonymous"><strong>1</strong>', counts)
    assert re.search(r'stance-cannot_verify"><strong>1</strong>', counts)
    speakers = re.search(r'<table class="speakers">(.*?)</table>', html, re.S).group(1)
    assert "Paul Martin" in speakers and "two officials" in speakers


def test_journalists_cannot_merge_sources_editors_can(journalist_client, client, editor, source):
    canonical = named("Paul Martín")
    assert canonical.pk == source.pk  # one key: accents do not make another source
    canonical = named("Paul Martin-Dupré")
    url = reverse("review:source-merge", args=[source.pk])
    assert journalist_client.post(url, {"into": f"no. {canonical.pk}"}).status_code == 403
    assert Source.objects.filter(pk=source.pk).exists()

    client.force_login(editor)
    response = client.post(url, {"into": "Paul Martin-Dupré"})
    assert response.status_code == 302
    assert response["Location"] == reverse("review:source", args=[canonical.pk])
    assert not Source.objects.filter(pk=source.pk).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Sources merged." in page and "Paul Martin" in page  # the log and the alias


def test_a_merge_refused_says_why_and_changes_nothing(client, editor, source):
    client.force_login(editor)
    url = reverse("review:source-merge", args=[source.pk])
    response = client.post(url, {"into": "Nobody At All"}, follow=True)
    assert "No named source is called “Nobody At All”" in response.content.decode()
    response = client.post(url, {"into": str(source.pk)}, follow=True)
    assert "cannot be merged into itself" in response.content.decode()
    assert Source.objects.filter(pk=source.pk).exists()


def test_an_editor_splits_checked_mentions_off_through_the_page(client, editor, source):
    moved, kept = mention(source), mention(source)
    client.force_login(editor)
    response = client.post(
        reverse("review:source-split", args=[source.pk]),
        {"mentions": [moved.pk], "name": "Paul Martin (singer)", "kind": "person"},
    )
    other = Source.objects.get(name="Paul Martin (singer)")
    assert response["Location"] == reverse("review:source", args=[other.pk])
    moved.refresh_from_db()
    kept.refresh_from_db()
    assert moved.source == other and kept.source == source


def test_editors_rename_and_add_aliases_through_the_page(client, editor, source):
    client.force_login(editor)
    client.post(reverse("review:source-rename", args=[source.pk]), {"name": "Paul A. Martin"})
    client.post(reverse("review:source-alias-add", args=[source.pk]), {"alias": "P. Martin"})
    source.refresh_from_db()
    assert source.name == "Paul A. Martin"
    assert set(source.aliases.values_list("alias", flat=True)) == {"Paul Martin", "P. Martin"}
    html = client.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "Renamed: “Paul Martin” → “Paul A. Martin”" in html and "(eddie)" in html


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(source, claims: int, mentions: int, publish) -> None:
    for i in range(claims):
        claim = publish(claimant=source) if publish else ClaimFactory(claimant=source)
        mention(source, claim=claim, outlet=f"Outlet {i % 4}", via=["Wire"])
    for i in range(mentions):
        mention(source, outlet=f"Outlet {i % 5}", stance=Mention.Stance.DENIES)


def test_newsroom_pages_have_a_bounded_number_of_queries(
    journalist_client, source, django_assert_max_num_queries
):
    _grow(source, 2, 2, None)
    outlet = source.mentions.first().article.outlet
    urls = [
        reverse("review:source", args=[source.pk]),
        reverse("review:outlet", args=[outlet.pk]),
        reverse("review:sources"),
    ]
    small = [_queries(journalist_client, url) for url in urls]
    _grow(source, 25, 40, None)
    for url, before in zip(urls, small, strict=True):
        with django_assert_max_num_queries(before):  # it does not grow with the data
            journalist_client.get(url)
        with django_assert_max_num_queries(20):
            journalist_client.get(url)


# --- Readers ------------------------------------------------------------------------------


@pytest.fixture
def public_source(publish, ratings, editor):
    """A speaker with one published claim, and what readers must never see of them."""
    source = named("Paul Martin")
    published = publish(claimant=source, statement="Taxes fall next year", verdict="true")
    mention(source, claim=published, outlet="Harbour Gazette", via=["Wire agency"])
    # A change of verdict waiting for a second editor: readers keep "true".
    PendingChange.objects.create(
        claim=published, verdict=ratings["false"], conclusion="ZZLEAK pending",
        sourcing=published.sourcing, note="ZZLEAK note", requested_by=editor,
    )  # fmt: skip
    draft = ClaimFactory(claimant=source, statement="ZZLEAK draft claim")
    mention(source, claim=draft, outlet="ZZLEAK Draft Outlet", stance=Mention.Stance.DENIES)
    mention(
        source, claim=published, outlet="ZZLEAK Rejected Outlet", state="rejected",
        stance=Mention.Stance.DECLINES_COMMENT,
    )  # fmt: skip
    mention(source, claim=published, outlet="ZZLEAK Unreviewed Outlet", state="unreviewed")
    ClaimFactory(
        claimant=source, statement="ZZLEAK claim in review", status=Claim.Status.IN_REVIEW,
        verdict=ratings["false"], conclusion="x",
    )  # fmt: skip
    return source


def test_the_speaker_page_shows_only_published_claims_and_public_appearances(
    client, public_source, ratings
):
    response = client.get(reverse("claims:speaker", args=[public_source.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Taxes fall next year" in html
    assert ratings["true"].display_label in html
    assert ratings["false"].display_label not in html  # the unapproved change
    assert "ZZLEAK" not in html
    counts = re.search(r'<ul class="profile-counts">(.*?)</ul>', html, re.S).group(1)
    assert "<strong>1</strong> statements" in counts
    assert re.search(r'stance-denies"><strong>0</strong>', counts)
    assert re.search(r'class="relayed"><strong>1</strong>', counts)
    assert "Harbour Gazette" in html


def test_the_public_outlet_page_shows_only_published_claims(client, public_source):
    outlet = public_source.mentions.get(article__outlet__name="Harbour Gazette").article.outlet
    html = client.get(reverse("claims:outlet", args=[outlet.pk])).content.decode()
    assert "Taxes fall next year" in html and "Paul Martin" in html and "ZZLEAK" not in html
    for name in ["ZZLEAK Draft Outlet", "ZZLEAK Rejected Outlet", "ZZLEAK Unreviewed Outlet"]:
        hidden = public_source.mentions.get(article__outlet__name=name).article.outlet
        assert client.get(reverse("claims:outlet", args=[hidden.pk])).status_code == 404


def test_no_speaker_page_without_a_published_claim_nor_for_an_anonymous_source(client, publish):
    unpublished = named("Jean Dupont")
    ClaimFactory(claimant=unpublished)
    assert client.get(reverse("claims:speaker", args=[unpublished.pk])).status_code == 404
    anonymous = named("a senior official", Source.Kind.ANONYMOUS)
    claim = publish(claimant=anonymous)
    assert client.get(reverse("claims:speaker", args=[anonymous.pk])).status_code == 404
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "a senior official" in page and "claimant-link" not in page
    assert "url" not in jsonld(page)["itemReviewed"]["author"]
    assert client.get(reverse("claims:speaker", args=[999999])).status_code == 404


def test_the_claim_page_links_its_claimant_to_the_speaker_page(client, public_source):
    claim = Claim.objects.published().get()
    page = client.get(claim.get_absolute_url()).content.decode()
    speaker_url = reverse("claims:speaker", args=[public_source.pk])
    assert f'<a class="claimant-link" href="{speaker_url}">' in page
    author = jsonld(page)["itemReviewed"]["author"]
    assert author["name"] == "Paul Martin" and author["url"].endswith(speaker_url)


def test_claimreview_author_is_the_canonical_source_after_a_merge_and_a_rename(
    client, public_source, editor
):
    claim = Claim.objects.published().get()
    client.get(claim.get_absolute_url())  # cached now
    canonical = named("Paul A. Martin")
    old_url = reverse("claims:speaker", args=[public_source.pk])
    source_merge(source=public_source, into=canonical, by=editor, correction="One person.")

    author = jsonld(client.get(claim.get_absolute_url()).content.decode())["itemReviewed"]["author"]
    assert author["name"] == "Paul A. Martin"
    assert author["url"].endswith(reverse("claims:speaker", args=[canonical.pk]))
    response = client.get(old_url)  # the merged source's address leads to the canonical one
    assert response.status_code == 301
    assert response["Location"] == reverse("claims:speaker", args=[canonical.pk])

    source_rename(source=canonical, name="Paul-André Martin", by=editor, correction="Full name.")
    page = client.get(claim.get_absolute_url()).content.decode()
    assert jsonld(page)["itemReviewed"]["author"]["name"] == "Paul-André Martin"
    speaker = client.get(reverse("claims:speaker", args=[canonical.pk])).content.decode()
    assert "Paul-André Martin" in speaker


def test_the_speaker_page_is_cached_and_dropped_when_a_mention_is_rejected(
    client, public_source, editor
):
    url = reverse("claims:speaker", args=[public_source.pk])
    assert "Harbour Gazette" in client.get(url).content.decode()
    appearance = public_source.mentions.get(article__outlet__name="Harbour Gazette")
    OutletFactory._meta.model.objects.filter(name="Harbour Gazette").update(name="Renamed")
    assert "Harbour Gazette" in client.get(url).content.decode()  # served from the cache
    services.mention_reject(
        mention=appearance, by=editor, correction="This was not the claim.", reason="other"
    )
    html = client.get(url).content.decode()  # still its claimant: the page stays
    assert "Harbour Gazette" not in html and "Renamed" not in html
    assert "<strong>0</strong> statements" in html


def test_the_sitemap_lists_public_speakers_and_outlets_only(client, public_source, publish):
    anonymous = named("a senior official", Source.Kind.ANONYMOUS)
    publish(claimant=anonymous)
    hidden = named("Jean Dupont")
    ClaimFactory(claimant=hidden)
    xml = client.get("/sitemap.xml").content.decode()
    assert reverse("claims:speaker", args=[public_source.pk]) in xml
    assert reverse("claims:speaker", args=[anonymous.pk]) not in xml
    assert reverse("claims:speaker", args=[hidden.pk]) not in xml
    assert "/claims/outlets/" in xml
    assert xml.count("/claims/outlets/") == 1  # the draft's and rejected outlets are not


def test_public_pages_have_a_bounded_number_of_queries(
    client, publish, django_assert_max_num_queries
):
    source = named("Paul Martin")
    _grow(source, 2, 0, publish)
    outlet = source.mentions.first().article.outlet
    for m in source.mentions.all():
        m.review_state = ACCEPTED
        m.save()
    urls = [
        reverse("claims:speaker", args=[source.pk]),
        reverse("claims:outlet", args=[outlet.pk]),
    ]
    from claims.public.cache import public_cache_invalidate

    small = []
    for url in urls:
        public_cache_invalidate()
        small.append(_queries(client, url))
    _grow(source, 25, 0, publish)
    Mention.objects.filter(source=source).update(review_state=ACCEPTED)
    for url, before in zip(urls, small, strict=True):
        public_cache_invalidate()
        with django_assert_max_num_queries(before):  # 25 claims more: no query more
            assert client.get(url).status_code == 200


def test_readers_see_appearances_over_time_by_month(client, publish):
    source = named("Paul Martin")
    claim = publish(claimant=source)
    for month in (1, 1, 3):
        m = mention(source, claim=claim)
        m.article.published_at = timezone.make_aware(timezone.datetime(2026, month, 10))
        m.article.save()
    EvidenceFactory(claim=claim)
    html = client.get(reverse("claims:speaker", args=[source.pk])).content.decode()
    chart = re.search(r'<div class="chart-pair chart-pair-columns">(.*?)</table>', html, re.S)
    table = re.search(r"<table>(.*?)$", chart.group(1), re.S).group(1)
    rows = re.findall(r'<time datetime="(\d{4}-\d\d)">.*?</time></th><td>(\d+)</td>', table)
    assert rows == [("2026-01", "2"), ("2026-02", "0"), ("2026-03", "1")]
    assert '<tfoot><tr><th scope="row">Total</th><td>3</td></tr></tfoot>' in table
    assert html.count('<g class="chart-column">') == 3  # February too, with no column drawn
    heights = re.findall(r'height="([^"]+)" fill="url\(#appearances-p0\)"', html)
    assert len(heights) == 2 and float(heights[0]) == pytest.approx(2 * float(heights[1]))
    description = re.search(r'<desc id="appearances-desc">(.*?)</desc>', html).group(1)
    assert description == "Statements: 3, from Jan 2026 to Mar 2026; the most in Jan 2026 (2)."


def test_a_speaker_without_statements_says_so_instead_of_an_empty_chart(client, publish):
    source = named("Paul Martin")
    publish(claimant=source)  # its claimant, with no appearance yet
    html = client.get(reverse("claims:speaker", args=[source.pk])).content.decode()
    assert "No statements yet." in html
    assert "chart-pair-columns" not in html and 'id="appearances"' not in html


def test_a_reader_without_review_permission_gets_no_newsroom_page_even_with_staff(client):
    user = UserFactory(username="staffer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client.force_login(user)
    source = SourceFactory()
    assert client.get(reverse("review:source", args=[source.pk])).status_code == 403


def test_an_anonymous_source_has_a_newsroom_page_and_no_readers_page(client, editor, publish):
    anonymous = named("three people familiar with the meeting", Source.Kind.ANONYMOUS)
    claim = publish(claimant=anonymous)
    mention(anonymous, claim=claim, speaker_type=Source.Kind.ANONYMOUS)
    mention(anonymous)  # an anonymous speaker, whatever the article says of it
    client.force_login(editor)
    html = client.get(reverse("review:source", args=[anonymous.pk])).content.decode()
    assert "Anonymous: no page for readers." in html
    assert re.search(r'class="anonymous"><strong>2</strong>', html)
    assert "merge-form" in html and "alias-form" not in html  # no aliases for a description
    assert client.get(anonymous.get_absolute_url()).status_code == 404


def test_the_chart_geometry_is_not_localised_in_french(client, publish):
    source = named("Paul Martin")
    claim = publish(claimant=source)
    for month in (1, 2, 2, 4, 4, 4, 7):
        m = mention(source, claim=claim)
        m.article.published_at = timezone.make_aware(timezone.datetime(2026, month, 3))
        m.article.save()
    html = client.get(
        reverse("claims:speaker", args=[source.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert html.count('<g class="chart-column">') == 7  # January to July
    rects = re.findall(
        r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" '
        r'fill="url\(#appearances-p0\)"',
        html,
    )
    assert len(rects) == 4  # the months with statements
    assert all("," not in value for rect in rects for value in rect)
    assert all(float(value) > 0 for rect in rects for value in rect)
    assert 'viewBox="0 0 400 220"' in html
    assert "<title>Statements per month</title>" not in html  # the title is in French
    assert "Déclarations par mois" in html


def test_the_demo_claimant_has_a_speaker_page_and_a_logged_alias(client):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    published = Claim.objects.published().exclude(claimant=None).order_by("pk")
    anonymous = published.filter(claimant__kind=Source.Kind.ANONYMOUS).first()
    assert client.get(anonymous.claimant.get_absolute_url()).status_code == 404
    claim = published.exclude(claimant__kind=Source.Kind.ANONYMOUS).first()
    assert client.get(claim.claimant.get_absolute_url()).status_code == 200
    assert claim.claimant.events.get().action == "alias_added"
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # a second run adds nothing
    assert claim.claimant.events.count() == 1
