import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

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


def test_seed_demo_can_run_twice_without_duplicates():
    call_command("seed_demo")
    counts = (Article.objects.count(), Claim.objects.count(), get_user_model().objects.count())
    call_command("seed_demo")
    assert (
        Article.objects.count(),
        Claim.objects.count(),
        get_user_model().objects.count(),
    ) == counts
