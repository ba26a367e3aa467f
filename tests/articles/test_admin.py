"""The articles admin cannot change, behind the correction log, what readers see of a claim."""

import pytest
from django.urls import reverse

from articles.models import Article
from claims import services
from tests.factories import ArticleFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.usefixtures("roles")


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-1")
    )
    return client


@pytest.fixture
def public_article(editor, editor2, journalist, ratings) -> Article:
    mention = MentionFactory()
    claim = services.claim_create_from_mention(
        mention=mention, statement="The bridge reopens in March", by=journalist
    )
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.evidence_add(claim=claim, by=editor, title="Council minutes")
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    return mention.article


def test_the_text_of_an_article_quoted_by_a_published_claim_is_read_only(
    root_client, public_article
):
    page = root_client.get(reverse("admin:articles_article_change", args=[public_article.pk]))
    assert page.status_code == 200
    assert 'name="text"' not in page.content.decode()


def test_an_article_quoted_by_a_published_claim_cannot_be_deleted(root_client, public_article):
    response = root_client.post(
        reverse("admin:articles_article_delete", args=[public_article.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    root_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [public_article.pk], "post": "yes"},
    )
    assert Article.objects.filter(pk=public_article.pk).exists()


def test_what_readers_see_of_a_quoted_article_is_read_only(root_client, public_article):
    page = root_client.get(
        reverse("admin:articles_article_change", args=[public_article.pk])
    ).content.decode()
    for field in ["title", "url", "published_at", "outlet", "status"]:
        assert f'name="{field}"' not in page, field


def test_the_status_of_an_article_is_never_set_by_hand(root_client):
    article = ArticleFactory()
    page = root_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    body = page.content.decode()
    assert 'name="title"' in body and 'name="status"' not in body


def test_an_outlet_named_on_a_published_claim_keeps_its_name(root_client, public_article):
    outlet = OutletFactory(name="Harbour Gazette")
    Article.objects.filter(pk=public_article.pk).update(outlet=outlet)
    url = reverse("admin:articles_outlet_change", args=[outlet.pk])
    assert 'name="name"' not in root_client.get(url).content.decode()
    response = root_client.post(
        reverse("admin:articles_outlet_delete", args=[outlet.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
