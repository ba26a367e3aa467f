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
