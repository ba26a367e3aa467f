import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape

from articles.models import Article
from claims.models import Claim

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_accounts_articles_and_claims_in_every_state(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    users = get_user_model().objects
    assert users.get(username="editor").check_password("claimtrack-editor")
    assert users.get(username="journalist").check_password("claimtrack-journalist")
    assert "claimtrack-editor" in out and "claimtrack-journalist" in out

    articles = Article.objects.all()
    assert {a.language for a in articles} == {"fr", "en"}
    assert all(a.status == Article.Status.READY for a in articles)
    assert sum(a.mentions.count() for a in articles) >= 8
    assert {c.status for c in Claim.objects.all()} == set(Claim.Status.values)
    assert Claim.objects.published().count() >= 1
    withdrawn = Claim.objects.get(statement="The Old Mill bridge will reopen to traffic in March")
    assert withdrawn.status == Claim.Status.DRAFT and withdrawn.published_at is not None
    assert withdrawn.corrections.filter(text__startswith="Unpublished:").exists()
    assert "reopen to traffic in March”: withdrawn" in out


def test_seed_demo_shows_readers_its_published_claims_only(client):
    call_command("seed_demo")
    listing = client.get("/claims/").content.decode()
    for claim in Claim.objects.all():
        page = client.get(claim.get_absolute_url())
        assert page.status_code == (200 if claim.status == Claim.Status.PUBLISHED else 404)
        assert (escape(claim.statement) in listing) == (claim.status == Claim.Status.PUBLISHED)


def test_seed_demo_can_run_twice_without_duplicates():
    call_command("seed_demo")
    counts = (Article.objects.count(), Claim.objects.count(), get_user_model().objects.count())
    call_command("seed_demo")
    assert (
        Article.objects.count(),
        Claim.objects.count(),
        get_user_model().objects.count(),
    ) == counts
