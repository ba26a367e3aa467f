"""Who reaches the newsroom's issue-14 pages, and what each one sees there (audit)."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import AnnotationAssignment
from tests.claims.test_agreement import TEXT
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def test_an_editor_annotating_does_not_see_how_many_statements_the_other_marked(
    client, editor, editor2, journalist
):
    """Until the round is closed an annotating editor reads neither the other annotator's
    statements nor their number on each article (their progress, done or not, is fine)."""
    article = ArticleFactory(text=TEXT, outlet=OutletFactory(name="The Ledger"))
    round_ = services.annotation_round_create(
        name="Editors too", by=editor, annotator_a=editor2, annotator_b=journalist,
        article_ids=[article.pk],
    )  # fmt: skip
    theirs = AnnotationAssignment.objects.get(round=round_, annotator=journalist)
    for words in ("the bridge would reopen in March", "denied it", "the works cost 3 million"):
        services.annotation_add(assignment=theirs, by=journalist, words=words)
    url = reverse("review:agreement-round", args=[round_.pk])
    client.force_login(editor2)
    body = client.get(url).content.decode()
    assert "stays hidden from you" in body
    assert "· 3" not in body
    client.force_login(editor)  # the editor who runs the round sees the counts
    assert "· 3" in client.get(url).content.decode()


# --- Source records: editors only, with the CSRF token --------------------------------------


@pytest.fixture
def paul():
    from claims.models import SourceAlias

    source = services.source_get_or_create(name="Paul Martin", kind="person")
    SourceAlias.objects.create(source=source, alias="P. Martin", normalized="p martin")
    return source


def _source_posts(source) -> list[tuple[str, dict]]:
    from tests.factories import MentionFactory

    other = services.source_get_or_create(name="Jean Dupont", kind="person")
    alias = source.aliases.get()
    return [
        (reverse("review:source-rename", args=[source.pk]), {"name": "Paul A. Martin"}),
        (reverse("review:source-kind", args=[source.pk]), {"kind": "organization"}),
        (reverse("review:source-alias-add", args=[source.pk]), {"alias": "PM"}),
        (reverse("review:source-alias-remove", args=[source.pk, alias.pk]), {}),
        (reverse("review:source-merge", args=[source.pk]), {"into": f"no. {other.pk}"}),
        (
            reverse("review:source-split", args=[source.pk]),
            {"mentions": [MentionFactory(source=source).pk], "name": "Someone", "kind": "person"},
        ),
    ]


def _unchanged(source) -> None:
    from claims.models import Mention, Source, SourceEvent

    source.refresh_from_db()
    assert (source.name, source.kind) == ("Paul Martin", "person")
    assert list(source.aliases.values_list("alias", flat=True)) == ["P. Martin"]
    assert Mention.objects.filter(source=source).count() == Mention.objects.count()
    assert Source.objects.filter(name="Jean Dupont").exists()
    assert not SourceEvent.objects.exists()


def test_journalists_and_readers_cannot_change_a_source(client, journalist, paul):
    from tests.factories import UserFactory

    for url, data in _source_posts(paul):
        assert client.post(url, data).status_code == 302  # to log in
        client.force_login(journalist)
        assert client.post(url, data).status_code == 403, url
        client.force_login(UserFactory(username=f"reader-{len(url)}-{len(data)}"))
        assert client.post(url, data).status_code == 403, url
        client.logout()
    _unchanged(paul)


def test_an_editors_source_change_needs_the_csrf_token(editor, paul):
    from django.test import Client

    forged = Client(enforce_csrf_checks=True)
    forged.force_login(editor)
    for url, data in _source_posts(paul):
        assert forged.post(url, data).status_code == 403, url
    _unchanged(paul)


# --- Exports, quality, dashboard --------------------------------------------------------------


def test_exports_refuse_a_token_or_a_session_outside_the_newsroom(client, journalist, roles):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from tests.factories import ClaimFactory, UserFactory

    ClaimFactory(statement="ZZLEAK draft claim")
    outsider = UserFactory(username="partner")
    with_token = APIClient()
    with_token.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=outsider).key}")
    for kind in ("claims", "mentions", "sources", "reviews"):
        for fmt in ("csv", "json"):
            response = with_token.get(f"/api/exports/{kind}.{fmt}")
            assert response.status_code == 403, (kind, fmt)
            assert "ZZLEAK" not in response.content.decode()
            assert APIClient().get(f"/api/exports/{kind}.{fmt}").status_code == 401
            assert client.get(f"/review/exports/{kind}.{fmt}").status_code == 302
    client.force_login(outsider)
    assert client.get("/review/exports/").status_code == 403
    assert client.get("/review/exports/claims.csv").status_code == 403
    # A newsroom token does get it.
    member = APIClient()
    member.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=journalist).key}")
    response = member.get("/api/exports/claims.csv")
    assert response.status_code == 200 and b"ZZLEAK" in b"".join(response.streaming_content)


def test_the_quality_and_dashboard_pages_are_for_editors(client, journalist, editor):
    client.force_login(journalist)
    assert client.get(reverse("review:quality")).status_code == 403
    assert client.get(reverse("review:dashboard")).status_code == 403
    client.force_login(editor)
    assert client.get(reverse("review:quality")).status_code == 200
    assert client.get(reverse("review:dashboard")).status_code == 200
