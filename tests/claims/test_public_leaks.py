"""Nothing internal reaches readers: not on pages, in search, the feed, the sitemap or the API.

Every internal item carries the marker ZZLEAK; no public response may contain it.
"""

import pytest
from django.utils import timezone

from claims.models import Claim, Comment, Mention, Task
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

MARKER = "ZZLEAK"
TEXT = (
    "The mayor said that the bridge would reopen in March. "
    "An aide said that ZZLEAK unreviewed words were spoken. "
    "A clerk said that ZZLEAK rejected words were spoken. "
    "A porter said that ZZLEAK corrected words were spoken."
)


@pytest.fixture
def newsroom(publish, ratings, editor):
    """A published claim surrounded by everything readers must never see."""
    claim = publish(statement="The bridge reopens in March", conclusion="It did.")
    article = ArticleFactory(text=TEXT, outlet=OutletFactory(name="Daily Sun"))
    MentionFactory(article=article, claim=claim, review_state=Mention.ReviewState.ACCEPTED)
    hidden_outlet = ArticleFactory(text=TEXT, outlet=OutletFactory(name="ZZLEAK Outlet"))
    for state, words in [
        (Mention.ReviewState.UNREVIEWED, "ZZLEAK unreviewed words"),
        (Mention.ReviewState.REJECTED, "ZZLEAK rejected words"),
        (Mention.ReviewState.CORRECTED, "ZZLEAK corrected words"),
    ]:
        MentionFactory(
            article=hidden_outlet, claim=claim, content=words, speaker=f"{MARKER} speaker",
            review_state=state,
        )  # fmt: skip
    EvidenceFactory(claim=claim, title=f"{MARKER} draft evidence", is_approved=False)
    EvidenceFactory(claim=claim, title="Approved minutes", is_approved=True)
    Comment.objects.create(claim=claim, author=editor, body=f"{MARKER} internal comment")
    Task.objects.create(
        claim=claim, assignee=editor, title=f"{MARKER} task", notes=f"{MARKER} task notes"
    )
    secret_claimant = SourceFactory(name=f"{MARKER} claimant")
    hidden = {
        "draft": ClaimFactory(statement=f"{MARKER} draft claim", claimant=secret_claimant),
        "in_review": ClaimFactory(
            statement=f"{MARKER} claim in review",
            status=Claim.Status.IN_REVIEW,
            verdict=ratings["true"],
            conclusion=f"{MARKER} conclusion",
            claimant=secret_claimant,
        ),
        # Published once, then withdrawn: it keeps its publication date.
        "withdrawn": ClaimFactory(
            statement=f"{MARKER} withdrawn claim",
            status=Claim.Status.DRAFT,
            verdict=ratings["false"],
            published_at=timezone.now(),
            claimant=secret_claimant,
        ),
    }
    return claim, hidden, article


def assert_no_leak(response) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    assert MARKER not in body
    return body


def test_claim_page_shows_no_internal_item(client, newsroom):
    claim, _, _ = newsroom
    body = assert_no_leak(client.get(claim.get_absolute_url()))
    assert "Approved minutes" in body and "Daily Sun" in body  # the public items are there


@pytest.mark.parametrize("state", ["draft", "in_review", "withdrawn"])
def test_unpublished_claim_url_is_404_even_when_guessed(client, newsroom, state):
    _, hidden, _ = newsroom
    response = client.get(f"/claims/{hidden[state].slug}/")
    assert response.status_code == 404
    assert MARKER not in response.content.decode()


def test_claim_list_and_search_show_published_claims_only(client, newsroom):
    body = assert_no_leak(client.get("/claims/"))
    assert "The bridge reopens in March" in body
    for query in ["draft claim", "withdrawn", "unreviewed words", "internal comment", "notes"]:
        body = assert_no_leak(client.get("/claims/", {"q": query}))
        assert "The bridge reopens in March" not in body
    # Searching for the marker itself finds nothing (the page only echoes the query).
    body = client.get("/claims/", {"q": MARKER}).content.decode()
    assert 'class="claim-card"' not in body
    assert body.count(MARKER) == body.count(f"q={MARKER}") + body.count(f'value="{MARKER}"')


def test_filters_offer_no_claimant_or_outlet_known_only_from_internal_items(client, newsroom):
    body = assert_no_leak(client.get("/claims/"))
    assert "Daily Sun" in body  # the outlet of an accepted appearance is offered


def test_filtering_by_an_outlet_of_unreviewed_mentions_finds_nothing(client, newsroom):
    from articles.models import Outlet

    hidden_outlet = Outlet.objects.get(name=f"{MARKER} Outlet")
    response = client.get("/claims/", {"outlet": hidden_outlet.pk})
    body = assert_no_leak(response)
    assert "Select a valid choice" in body


def test_feed_has_published_claims_only(client, newsroom):
    body = assert_no_leak(client.get("/claims/feed/"))
    assert "The bridge reopens in March" in body


def test_sitemap_has_published_claims_only(client, newsroom):
    claim, hidden, _ = newsroom
    body = assert_no_leak(client.get("/sitemap.xml"))
    assert f"/claims/{claim.slug}/" in body
    for other in hidden.values():
        assert f"/claims/{other.slug}/" not in body


def test_api_refuses_anonymous_readers(client, newsroom):
    _, _, article = newsroom
    for url in [
        "/api/articles/",
        f"/api/articles/{article.pk}/",
        f"/api/articles/{article.pk}/claims/",
    ]:
        response = client.get(url)
        assert response.status_code in {401, 403}, url
        assert MARKER not in response.content.decode()
        assert "ZZLEAK draft claim" not in response.content.decode()


def test_api_refuses_a_signed_in_account_in_no_group(client, newsroom, journalist):
    """A reader with an account (in neither Journalists nor Editors) gets nothing from the
    API, with a token or with the site's session, while a journalist does see the same data."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from tests.factories import UserFactory

    _, hidden, article = newsroom
    hidden_article = Mention.objects.get(review_state=Mention.ReviewState.UNREVIEWED).article
    # An unreviewed mention suggested for a draft claim: the API would show the draft's slug.
    MentionFactory(article=hidden_article, claim=hidden["draft"], content="ZZLEAK unreviewed words")
    outsider = UserFactory(username="reader-with-an-account")
    with_token = APIClient()
    with_token.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=outsider).key}")
    with_session = APIClient()
    with_session.force_login(outsider)
    member = APIClient()
    member.force_login(journalist)
    urls = [
        "/api/articles/",
        f"/api/articles/{article.pk}/",
        f"/api/articles/{hidden_article.pk}/",
        f"/api/articles/{hidden_article.pk}/claims/",
    ]
    for api in [with_token, with_session]:
        for url in urls:
            response = api.get(url)
            assert response.status_code == 403, url
            body = response.content.decode()
            assert MARKER not in body, url
            assert not any(claim.slug in body for claim in hidden.values()), url
    # The same request by a journalist shows what the outsider was refused.
    journalist_view = member.get(f"/api/articles/{hidden_article.pk}/claims/")
    assert journalist_view.status_code == 200
    assert "ZZLEAK unreviewed words" in journalist_view.content.decode()
    assert hidden["draft"].slug in journalist_view.content.decode()


@pytest.fixture
def withdrawn_claim(publish, editor):
    """Published, then unpublished through the service, as an editor does it."""
    from claims.services import claim_unpublish

    claim = publish(statement=f"{MARKER} claim withdrawn by an editor", conclusion="Withdrawn.")
    return claim, lambda: claim_unpublish(claim=claim, by=editor, reason="We got it wrong.")


def test_home_page_shows_published_claims_only(client, newsroom, withdrawn_claim):
    claim, hidden, _ = newsroom
    withdrawn, unpublish = withdrawn_claim
    # Seen while it is published (whatever the home page caches is filled in)...
    assert withdrawn.statement in client.get("/").content.decode()
    unpublish()
    # ...and gone once withdrawn, with every other internal item.
    body = assert_no_leak(client.get("/"))
    assert claim.statement in body and claim.get_absolute_url() in body
    for other in [*hidden.values(), withdrawn]:
        assert other.get_absolute_url() not in body
    for text in [
        "claim in review",
        "draft claim",
        "withdrawn claim",
        "internal comment",
        "task notes",
        "unreviewed words",
        "draft evidence",
    ]:
        assert text not in body, text


def test_public_api_and_datafeed_show_published_claims_only(client, newsroom):
    """The read API for aggregators and the DataFeed (issue 14) show what the pages show."""
    claim, hidden, _ = newsroom
    for url in ["/api/public/claims/", f"/api/public/claims/{claim.slug}/"]:
        body = assert_no_leak(client.get(url))
        assert claim.slug in body and "Approved minutes" in body and "Daily Sun" in body
    feed = client.get("/claims/datafeed.json")
    body = b"".join(feed.streaming_content).decode()
    assert MARKER not in body and claim.statement in body
    for other in hidden.values():
        assert client.get(f"/api/public/claims/{other.slug}/").status_code == 404
        assert other.slug not in body


# --- Second reading of issue 14's surfaces (audit) -------------------------------------------


def test_a_note_about_a_sourcing_change_awaiting_approval_is_not_published_early(
    client, publish, editor
):
    """One edit of a published claim that changes its statement (a direct correction) and its
    sourcing (a new ruling, for a second editor) would publish the editor's note, which
    describes the unapproved ruling, at once: refused, nothing saved."""
    from django.core.exceptions import ValidationError

    from claims import services
    from claims.models import PendingChange

    claim = publish(statement="The bridge reopens in March", sourcing=Claim.Sourcing.NAMED)
    with pytest.raises(ValidationError, match="on its own"):
        services.claim_update(
            claim=claim, by=editor, statement="The bridge reopens in late March",
            sourcing=Claim.Sourcing.ANONYMOUS, correction=f"{MARKER} sourcing now anonymous",
        )  # fmt: skip
    claim.refresh_from_db()
    assert claim.statement == "The bridge reopens in March"
    assert not claim.corrections.exists() and not PendingChange.objects.exists()
    assert_no_leak(client.get(f"/api/public/claims/{claim.slug}/"))
    assert_no_leak(client.get(claim.get_absolute_url()))
    # Each part on its own still goes through: the statement at once, the ruling pending.
    services.claim_update(
        claim=claim, by=editor, statement="The bridge reopens in late March",
        correction="Wording follows the minutes.",
    )  # fmt: skip
    services.claim_update(
        claim=claim, by=editor, statement=claim.statement, sourcing=Claim.Sourcing.ANONYMOUS,
        correction=f"{MARKER} sourcing now anonymous",
    )  # fmt: skip
    assert PendingChange.objects.get().sourcing == Claim.Sourcing.ANONYMOUS
    assert_no_leak(client.get(f"/api/public/claims/{claim.slug}/"))


def test_the_datafeed_etag_does_not_move_for_what_readers_do_not_see(
    client, publish, editor, journalist, ratings
):
    """An aggregator polling the DataFeed must not learn of newsroom work on a published
    claim (draft evidence, a ruling waiting for a second editor) from its ETag."""
    from claims import services
    from claims.models import PendingChange

    claim = publish(statement="The ferry runs twice a day")
    etag = client.get("/claims/datafeed.json")["ETag"]
    Task.objects.create(claim=claim, assignee=journalist, title="Check the timetable")
    services.evidence_add(claim=claim, by=journalist, title=f"{MARKER} draft evidence")
    services.claim_set_verdict(
        claim=claim, verdict=ratings["true"], conclusion=f"{MARKER} proposed conclusion",
        by=editor, correction="The new timetable.",
    )  # fmt: skip
    assert PendingChange.objects.exists()
    assert client.get("/claims/datafeed.json", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # What readers do see still moves it.
    services.evidence_approve(
        evidence=claim.evidence.get(), by=editor, correction="A draft timetable was added."
    )
    changed = client.get("/claims/datafeed.json", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    body = b"".join(changed.streaming_content).decode()
    assert f"{MARKER} proposed conclusion" not in body


def test_merging_an_anonymous_source_readers_see_into_a_named_one_is_refused(
    client, publish, editor
):
    """A merge has no correction note and no second editor: it must not name to readers an
    anonymous source of a published claim (as its claimant, or speaking in an appearance)."""
    from django.core.exceptions import ValidationError
    from django.urls import reverse

    from claims.models import Source
    from claims.services import source_get_or_create
    from claims.source_records import source_merge

    minister = source_get_or_create(name="Paul Martin", kind=Source.Kind.PERSON)
    publish(statement="Taxes fall next year", claimant=minister)
    official = source_get_or_create(name="a senior official", kind=Source.Kind.ANONYMOUS)
    port = publish(statement="The port will be sold", claimant=official)
    insider = source_get_or_create(name="a person close to the talks", kind=Source.Kind.ANONYMOUS)
    rail = publish(statement="The rail line closes")
    MentionFactory(claim=rail, source=insider, speaker=insider.name, speaker_type="anonymous",
                   review_state=Mention.ReviewState.ACCEPTED)  # fmt: skip
    for anonymous in (official, insider):
        with pytest.raises(ValidationError, match="anonymous"):
            source_merge(source=anonymous, into=minister, by=editor)
        assert Source.objects.filter(pk=anonymous.pk).exists()
    page = client.get(port.get_absolute_url()).content.decode()
    assert "a senior official" in page and "Paul Martin" not in page
    speaker = client.get(reverse("claims:speaker", args=[minister.pk])).content.decode()
    assert "Taxes fall next year" in speaker
    assert "The port will be sold" not in speaker and "The rail line closes" not in speaker
    # An anonymous source no reader sees may still be merged (the newsroom's own record).
    unseen = source_get_or_create(name="a diplomat", kind=Source.Kind.ANONYMOUS)
    MentionFactory(source=unseen, review_state=Mention.ReviewState.UNREVIEWED)
    assert source_merge(source=unseen, into=minister, by=editor) == minister


def test_splitting_an_anonymous_sources_public_appearance_off_to_a_named_one_is_refused(
    client, publish, editor
):
    """A split names the other speaker of the chosen mentions: for an anonymous appearance
    readers see, that would tell them who spoke anonymously, as a merge would."""
    from django.core.exceptions import ValidationError
    from django.urls import reverse

    from claims.models import Source
    from claims.services import source_get_or_create
    from claims.source_records import source_split

    minister = source_get_or_create(name="Paul Martin", kind=Source.Kind.PERSON)
    publish(statement="Taxes fall next year", claimant=minister)
    insider = source_get_or_create(name="a person close to the talks", kind=Source.Kind.ANONYMOUS)
    rail = publish(statement="The rail line closes")
    seen = MentionFactory(
        claim=rail, source=insider, speaker=insider.name, speaker_type="anonymous",
        review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="anonymous"):
        source_split(
            source=insider, mentions=[seen], name="Paul Martin", kind=Source.Kind.PERSON,
            by=editor, correction="It was the minister.",
        )  # fmt: skip
    seen.refresh_from_db()
    assert seen.source == insider
    speaker = client.get(reverse("claims:speaker", args=[minister.pk])).content.decode()
    assert "The rail line closes" not in speaker
    # Another anonymous description stays possible.
    other = source_split(
        source=insider, mentions=[seen], name="two people close to the talks",
        kind=Source.Kind.ANONYMOUS, by=editor,
    )  # fmt: skip
    assert other.is_anonymous and other.mentions.get() == seen


def test_renaming_or_merging_a_published_claimant_is_a_correction_readers_see(
    client, publish, editor
):
    """Readers' "Claimed by" and the ClaimReview author change with a source's name: as any
    change of a published claim's claimant, an editor's note in its correction log, which
    also moves its updated date (the API's ?since= and the DataFeed's dateModified)."""
    from django.core.exceptions import ValidationError

    from claims.models import Source
    from claims.services import source_get_or_create
    from claims.source_records import source_merge, source_rename, source_set_kind

    martin = source_get_or_create(name="Paul Martin", kind=Source.Kind.PERSON)
    claim = publish(statement="Taxes fall next year", claimant=martin)
    with pytest.raises(ValidationError, match="correction note"):
        source_rename(source=martin, name="Paul Martin-Dupré", by=editor)
    martin.refresh_from_db()
    assert martin.name == "Paul Martin" and not claim.corrections.exists()
    source_rename(source=martin, name="Paul Martin-Dupré", by=editor, correction="His full name.")
    item = client.get(f"/api/public/claims/{claim.slug}/").json()
    assert item["claimant"]["name"] == "Paul Martin-Dupré"
    assert [c["text"] for c in item["corrections"]] == ["His full name."]
    assert item["updated_at"] != item["published_at"]

    canonical = source_get_or_create(name="P. Martin-Dupré", kind=Source.Kind.PERSON)
    with pytest.raises(ValidationError, match="correction note"):
        source_merge(source=martin, into=canonical, by=editor)
    assert Source.objects.filter(pk=martin.pk).exists()
    source_merge(source=martin, into=canonical, by=editor, correction="One person.")
    item = client.get(f"/api/public/claims/{claim.slug}/").json()
    assert item["claimant"]["name"] == "P. Martin-Dupré"
    assert [c["text"] for c in item["corrections"]] == ["His full name.", "One person."]
    # Its type is the ClaimReview author's (Person or Organization): a correction too.
    with pytest.raises(ValidationError, match="correction note"):
        source_set_kind(source=canonical, kind=Source.Kind.ORGANIZATION, by=editor)
    source_set_kind(
        source=canonical, kind=Source.Kind.ORGANIZATION, by=editor, correction="A firm."
    )
    item = client.get(f"/api/public/claims/{claim.slug}/").json()
    assert item["claimant"]["kind"] == "organization"
    assert item["corrections"][-1]["text"] == "A firm."
    # A source no published claim names as claimant needs no note.
    quiet = source_get_or_create(name="Jean Dupont", kind=Source.Kind.PERSON)
    source_rename(source=quiet, name="Jean Dupont-Lamy", by=editor)
    source_set_kind(source=quiet, kind=Source.Kind.GROUP, by=editor)


def test_a_withdrawn_claim_takes_its_speaker_and_outlet_pages_with_it(client, publish, editor):
    """Speaker and outlet pages are cached: a withdrawal drops them at once, and the
    sitemap stops listing them."""
    from django.urls import reverse

    from claims.models import Source
    from claims.services import claim_unpublish, source_get_or_create

    speaker = source_get_or_create(name=f"{MARKER} Paul Martin", kind=Source.Kind.PERSON)
    claim = publish(statement=f"{MARKER} taxes fall next year", claimant=speaker)
    article = ArticleFactory(outlet=OutletFactory(name=f"{MARKER} Gazette"))
    MentionFactory(
        article=article, claim=claim, source=speaker, review_state=Mention.ReviewState.ACCEPTED
    )
    pages = [
        reverse("claims:speaker", args=[speaker.pk]),
        reverse("claims:outlet", args=[article.outlet_id]),
    ]
    for url in pages:
        assert MARKER in client.get(url).content.decode()  # cached now
    assert pages[0] in client.get("/sitemap.xml").content.decode()
    claim_unpublish(claim=claim, by=editor, reason="We got it wrong.")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 404 and MARKER not in response.content.decode()
    sitemap = assert_no_leak(client.get("/sitemap.xml"))
    assert pages[0] not in sitemap and pages[1] not in sitemap
    assert_no_leak(client.get(f"/api/public/claims/?claimant={speaker.pk}"))
