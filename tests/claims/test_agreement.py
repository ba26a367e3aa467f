"""Annotation agreement (issue 14, part 5): the maths on hand-made cases, the services that
own the writes, and who may see what."""

import io
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from articles.models import Article
from claims import agreement, services
from claims.agreement import Statement, article_agreement, cohen_kappa, summarize
from claims.models import Annotation, AnnotationAssignment, Mention, Notification
from tests.factories import ArticleFactory, MentionFactory, OutletFactory, UserFactory

TEXT = (
    "The mayor said the bridge would reopen in March. "
    "A union official denied it. "
    "According to the Gazette, the works cost 3 million euros."
)


def at(words: str, **fields) -> Statement:
    start = TEXT.index(words)
    return Statement(start=start, end=start + len(words), content=words, **fields)


# --- Maths ------------------------------------------------------------------------------------


def test_identical_annotations_agree_perfectly():
    a = [
        at("the bridge would reopen in March", speaker="The mayor", stance="asserts"),
        at("denied it", speaker="A union official", stance="denies"),
    ]
    result = article_agreement(a, list(a))
    assert (result.matched, result.f1, result.only_a, result.only_b) == (2, 1.0, [], [])
    fields = {row.name: row for row in agreement.field_agreement(result.pairs)}
    assert all(row.rate == 1.0 for row in fields.values())
    # Both always chose one value: chance agreement is certain, kappa undefined.
    assert fields["quote_type"].kappa is None
    assert fields["stance"].kappa == 1.0


def test_disjoint_annotations_agree_zero():
    result = article_agreement(
        [at("the bridge would reopen in March")], [at("the works cost 3 million euros")]
    )
    assert result.matched == 0 and result.f1 == 0.0
    assert len(result.only_a) == 1 and len(result.only_b) == 1


def test_claim_agreement_is_f1_between_the_two():
    a = [at("the bridge would reopen in March"), at("denied it"), at("3 million euros")]
    b = [at("bridge would reopen in March")]  # overlaps the first by more than half of each
    result = article_agreement(a, b)
    assert result.matched == 1
    assert result.f1 == pytest.approx(2 * 1 / (3 + 1))
    assert [s.content for s in result.only_a] == ["denied it", "3 million euros"]


def test_spans_overlapping_less_than_half_do_not_match():
    # "would reopen in March" is under half of B's long span.
    a = [at("would reopen in March")]
    b = [at("The mayor said the bridge would reopen in March. A union official denied it.")]
    assert article_agreement(a, b).matched == 0


def test_nobody_marking_anything_is_agreement():
    assert article_agreement([], []).f1 == 1.0
    assert summarize([]).f1 is None


def test_cohen_kappa_on_a_known_example():
    # The textbook 2×2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no of 50 items:
    # p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, kappa = 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)
    assert cohen_kappa([], []) is None


def test_speaker_agreement_uses_the_scoring_normalisation():
    assert agreement.same_speaker("Mayor Linda Okafor", "linda okafor")
    assert agreement.same_speaker("Mme Claire Fontaine", "Claire Fontaine")
    assert agreement.same_speaker("", "")
    assert not agreement.same_speaker("il", "il")  # a bare pronoun never counts
    assert not agreement.same_speaker("The mayor", "A union official")


def test_fields_among_matched_pairs_with_kappa():
    a = [
        at("the bridge would reopen in March", speaker="The mayor", stance="asserts",
           quote_type="indirect", cue="said", via=("The Gazette",)),
        at("denied it", speaker="A union official", stance="denies", quote_type="indirect"),
    ]  # fmt: skip
    b = [
        at("the bridge would reopen in March", speaker="Mayor", stance="asserts",
           quote_type="direct", cue="Said :", via=("Gazette",)),
        at("denied it", speaker="A spokesperson", stance="asserts", quote_type="indirect"),
    ]  # fmt: skip
    result = article_agreement(a, b)
    rows = {row.name: row for row in summarize([result]).fields}
    assert rows["speaker"].agreed == 1  # "The mayor" ~ "Mayor"; not the spokesperson
    assert rows["cue"].agreed == 2  # case, spaces and the colon do not count; blank = blank
    assert rows["via"].agreed == 2  # "The Gazette" is "Gazette"
    assert (rows["stance"].agreed, rows["quote_type"].agreed) == (1, 1)
    # stance: A asserts/denies, B asserts/asserts: p_o 0.5, p_e 0.5 → 0.
    assert rows["stance"].kappa == pytest.approx(0.0)
    assert rows["speaker"].kappa is None and not rows["speaker"].categorical
    assert [d.differs for d in agreement.disagreements(result, TEXT)] == [
        ["quote_type"],
        ["speaker", "stance"],
    ]


def test_disagreements_show_both_spans_in_one_context():
    a = [at("the bridge would reopen in March")]
    b = [at("bridge would reopen"), at("the works cost 3 million euros")]
    items = agreement.disagreements(article_agreement(a, b), TEXT)
    # The first two match and agree on every field: only B's second statement is discussed.
    assert [(item.kind, item.b.content) for item in items] == [
        ("only_b", "the works cost 3 million euros")
    ]
    assert items[0].excerpt_a is None and items[0].excerpt_b.span == items[0].b.content
    items = agreement.disagreements(
        article_agreement(
            [at("the bridge would reopen in March", speaker="Paul")],
            [at("bridge would reopen in March", speaker="Pierre")],
        ),
        TEXT,
    )
    (item,) = items
    assert item.kind == "fields" and item.differs == ["speaker"]
    assert item.excerpt_a.span == "the bridge would reopen in March"
    assert item.excerpt_b.span == "bridge would reopen in March"
    # One stretch of context for both: the same text around, cut at the same places.
    assert (
        item.excerpt_a.before + item.excerpt_a.span
        == item.excerpt_b.before + "bridge would reopen in March"
    )
    assert item.excerpt_a.after == item.excerpt_b.after


def test_summary_pools_the_articles():
    one = article_agreement([at("denied it")], [at("denied it")])
    two = article_agreement([at("denied it"), at("3 million euros")], [])
    total = summarize([one, two])
    assert (total.articles, total.n_a, total.n_b, total.matched) == (2, 3, 1, 1)
    assert (total.only_a, total.only_b) == (2, 0)
    assert total.f1 == pytest.approx(2 * 1 / 4)


# --- Services ---------------------------------------------------------------------------------


@pytest.fixture
def ready_articles(db):
    outlet = OutletFactory(name="The Ledger")
    return [ArticleFactory(text=TEXT, outlet=outlet) for _ in range(4)]


@pytest.fixture
def round_(editor, journalist, other_journalist, ready_articles):
    return services.annotation_round_create(
        name="Spring check",
        by=editor,
        annotator_a=journalist,
        annotator_b=other_journalist,
        article_ids=[ready_articles[0].pk],
    )


def _assignment(round_, user) -> AnnotationAssignment:
    return AnnotationAssignment.objects.get(round=round_, annotator=user)


def test_round_sends_a_random_sample_to_both_annotators(
    editor, journalist, other_journalist, ready_articles
):
    ArticleFactory(status=Article.Status.FAILED, error="Could not fetch.")  # never sampled
    round_ = services.annotation_round_create(
        name="Random", by=editor, annotator_a=journalist, annotator_b=other_journalist,
        size=3, rng=random.Random(7),
    )  # fmt: skip
    chosen = set(round_.articles.values_list("pk", flat=True))
    assert len(chosen) == 3 and chosen <= {a.pk for a in ready_articles}
    assert AnnotationAssignment.objects.filter(round=round_).count() == 6
    assert (
        set(
            AnnotationAssignment.objects.filter(round=round_, annotator=journalist).values_list(
                "article_id", flat=True
            )
        )
        == chosen
    )
    told = Notification.objects.filter(kind=Notification.Kind.ANNOTATION_ASSIGNED)
    assert {n.recipient_id for n in told} == {journalist.pk, other_journalist.pk}
    assert "Random" in told.first().message
    assert told.first().get_absolute_url() == reverse("review:annotate-list")


def test_round_filters_by_language_and_outlet(editor, journalist, other_journalist, db):
    french = ArticleFactory(language="fr", outlet=OutletFactory(name="Le Quotidien"))
    ArticleFactory(language="en")
    round_ = services.annotation_round_create(
        name="FR", by=editor, annotator_a=journalist, annotator_b=other_journalist,
        size=1, language="fr", outlet_id=french.outlet_id,
    )  # fmt: skip
    assert list(round_.articles.all()) == [french]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"size": 10}, "Only 4 ready articles match these filters"),
        ({"size": 0}, "Say how many articles"),
        ({"size": 1, "language": "fr"}, "the sample is empty"),
        ({"article_ids": [999999]}, "not ready articles"),
    ],
)
def test_round_sample_errors_are_in_words(
    editor, journalist, other_journalist, ready_articles, kwargs, message
):
    with pytest.raises(ValidationError) as error:
        services.annotation_round_create(
            name="Bad", by=editor, annotator_a=journalist, annotator_b=other_journalist, **kwargs
        )
    assert message in " ".join(error.value.messages)


def test_round_needs_two_different_annotators(editor, journalist, ready_articles):
    with pytest.raises(ValidationError, match="two different annotators"):
        services.annotation_round_create(
            name="Twice", by=editor, annotator_a=journalist, annotator_b=journalist, size=1
        )
    reader = UserFactory(username="reader")
    with pytest.raises(ValidationError, match="not a journalist or an editor"):
        services.annotation_round_create(
            name="Reader", by=editor, annotator_a=journalist, annotator_b=reader, size=1
        )


def test_journalists_cannot_create_rounds(journalist, other_journalist, ready_articles):
    with pytest.raises(PermissionDenied):
        services.annotation_round_create(
            name="Mine", by=journalist, annotator_a=journalist, annotator_b=other_journalist,
            size=1,
        )  # fmt: skip


def test_annotations_never_touch_the_newsroom_data(round_, journalist):
    article = round_.articles.get()
    MentionFactory(article=article, content="the bridge would reopen in March")
    assignment = _assignment(round_, journalist)
    start = TEXT.index("denied it")
    annotation = services.annotation_add(
        assignment=assignment, by=journalist, start=start, end=start + 9, words="denied it",
        speaker="A union official", speaker_type="person", stance="denies",
        via="The Gazette\nThe Gazette",
    )  # fmt: skip
    assert (annotation.content, annotation.stance, annotation.via) == (
        "denied it",
        "denies",
        ["The Gazette"],
    )
    assert Mention.objects.filter(article=article).count() == 1  # only the extractor's
    edited = services.annotation_edit(
        annotation=annotation, by=journalist, words="A union official denied it", stance="denies"
    )
    assert edited.start == TEXT.index("A union official") and edited.speaker == ""
    services.annotation_delete(annotation=annotation, by=journalist)
    assert not Annotation.objects.exists()


def test_only_the_annotator_writes_their_assignment(round_, journalist, other_journalist, editor):
    mine = _assignment(round_, journalist)
    for someone in (other_journalist, editor):
        with pytest.raises(PermissionDenied):
            services.annotation_add(assignment=mine, by=someone, words="denied it")
        with pytest.raises(PermissionDenied):
            services.assignment_finish(assignment=mine, by=someone)


def test_a_wrong_selection_is_refused_in_words(round_, journalist):
    with pytest.raises(ValidationError, match="not at that place"):
        services.annotation_add(
            assignment=_assignment(round_, journalist), by=journalist, start=0, end=9,
            words="denied it",
        )  # fmt: skip
    with pytest.raises(ValidationError, match="Unknown stance"):
        services.annotation_add(
            assignment=_assignment(round_, journalist), by=journalist, words="denied it",
            stance="shouts",
        )  # fmt: skip


def test_done_is_reversible_until_the_round_is_closed(round_, journalist, editor):
    assignment = _assignment(round_, journalist)
    services.assignment_finish(assignment=assignment, by=journalist)
    assert assignment.state == "done" and assignment.done_at is not None
    with pytest.raises(ValidationError, match="reopen it"):
        services.annotation_add(assignment=assignment, by=journalist, words="denied it")
    services.assignment_reopen(assignment=assignment, by=journalist)
    assert assignment.state == "todo" and assignment.done_at is None
    services.annotation_add(assignment=assignment, by=journalist, words="denied it")
    services.assignment_finish(assignment=assignment, by=journalist)
    services.annotation_round_close(round=round_, by=editor)
    with pytest.raises(ValidationError, match="closed"):
        services.assignment_reopen(assignment=assignment, by=journalist)
    with pytest.raises(PermissionDenied):
        services.annotation_round_close(round=round_, by=journalist)


def _annotate_both(round_, journalist, other_journalist):
    a, b = _assignment(round_, journalist), _assignment(round_, other_journalist)
    services.annotation_add(
        assignment=a, by=journalist, words="the bridge would reopen in March", speaker="The mayor"
    )
    services.annotation_add(assignment=a, by=journalist, words="denied it", stance="denies")
    services.annotation_add(
        assignment=b, by=other_journalist, words="the bridge would reopen in March",
        speaker="Mayor", quote_type="direct",
    )  # fmt: skip
    services.assignment_finish(assignment=a, by=journalist)
    services.assignment_finish(assignment=b, by=other_journalist)


def test_the_selector_measures_articles_both_finished(
    round_, journalist, other_journalist, django_assert_max_num_queries
):
    a = _assignment(round_, journalist)
    services.annotation_add(assignment=a, by=journalist, words="denied it")
    services.assignment_finish(assignment=a, by=journalist)
    assert agreement.annotation_round_agreement(round_).overall.articles == 0  # B not done
    services.assignment_reopen(assignment=a, by=journalist)
    Annotation.objects.all().delete()
    _annotate_both(round_, journalist, other_journalist)
    with django_assert_max_num_queries(3):
        result = agreement.annotation_round_agreement(round_)
    overall = result.overall
    assert (overall.articles, overall.n_a, overall.n_b, overall.matched) == (1, 2, 1, 1)
    assert overall.f1 == pytest.approx(2 / 3)
    kinds = sorted(d.kind for d in result.disagreements)
    assert kinds == ["fields", "only_a"]


# --- Pages and permissions --------------------------------------------------------------------


def test_editor_creates_a_round_from_the_page(
    client, editor, journalist, other_journalist, ready_articles
):
    client.force_login(editor)
    assert client.get(reverse("review:agreement")).status_code == 200
    response = client.post(
        reverse("review:agreement-create"),
        {"name": "From the page", "annotator_a": journalist.pk,
         "annotator_b": other_journalist.pk, "size": "2"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "From the page" in page.content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"annotator_b": "same", "size": "1"}, "two different annotators"),
        ({"size": ""}, "Say how many articles to send"),
        ({"size": "50"}, "Only 4 ready articles match"),
        ({"size": "", "article_ids": "12, abc"}, "“abc” is not an article number"),
    ],
)
def test_round_form_errors_keep_what_was_typed(
    client, editor, journalist, other_journalist, ready_articles, data, message
):
    client.force_login(editor)
    fields = {"name": "Kept name", "annotator_a": journalist.pk, "annotator_b": other_journalist.pk}
    fields.update(data)
    if fields["annotator_b"] == "same":
        fields["annotator_b"] = journalist.pk
    response = client.post(reverse("review:agreement-create"), fields)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert 'value="Kept name"' in body


def test_journalists_cannot_create_rounds_or_see_agreement(
    client, round_, journalist, other_journalist, ready_articles
):
    client.force_login(journalist)
    assert client.get(reverse("review:agreement")).status_code == 403
    assert client.get(reverse("review:agreement-round", args=[round_.pk])).status_code == 403
    response = client.post(
        reverse("review:agreement-create"),
        {"name": "x", "annotator_a": journalist.pk, "annotator_b": other_journalist.pk, "size": 1},
    )
    assert response.status_code == 403
    assert client.post(reverse("review:agreement-close", args=[round_.pk])).status_code == 403


def test_an_annotator_cannot_open_the_others_assignment(
    client, round_, journalist, other_journalist, editor
):
    theirs = _assignment(round_, other_journalist)
    services.annotation_add(assignment=theirs, by=other_journalist, words="denied it")
    annotation = theirs.annotations.get()
    client.force_login(journalist)
    assert client.get(reverse("review:annotate", args=[theirs.pk])).status_code == 404
    assert client.post(
        reverse("review:annotation-add", args=[theirs.pk]), {"words": "denied it",
        "quote_type": "indirect", "stance": "asserts"},
    ).status_code == 404  # fmt: skip
    assert client.post(reverse("review:annotation-delete", args=[annotation.pk])).status_code == 404
    assert client.post(reverse("review:annotate-done", args=[theirs.pk])).status_code == 404
    assert theirs.annotations.count() == 1
    client.force_login(editor)  # editors read annotations through the agreement only
    assert client.get(reverse("review:annotate", args=[theirs.pk])).status_code == 404


def test_the_annotate_page_hides_the_extractor_and_the_other_annotator(
    client, round_, journalist, other_journalist
):
    article = round_.articles.get()
    MentionFactory(article=article, speaker="Extracted speaker", content="3 million euros")
    theirs = _assignment(round_, other_journalist)
    services.annotation_add(
        assignment=theirs, by=other_journalist, words="denied it", speaker="Olga's speaker"
    )
    mine = _assignment(round_, journalist)
    services.annotation_add(assignment=mine, by=journalist, words="the works cost 3 million euros",
                            speaker="The Gazette")  # fmt: skip
    client.force_login(journalist)
    body = client.get(reverse("review:annotate", args=[mine.pk])).content.decode()
    assert "The Gazette" in body and "1 statement marked" in body
    assert "Extracted speaker" not in body and "Olga&#x27;s speaker" not in body
    assert body.count("<mark") == 1  # my statement only
    listing = client.get(reverse("review:annotate-list")).content.decode()
    assert mine.get_absolute_url() in listing and theirs.get_absolute_url() not in listing


def test_annotate_page_adds_edits_and_finishes(client, round_, journalist):
    mine = _assignment(round_, journalist)
    client.force_login(journalist)
    start = TEXT.index("denied it")
    response = client.post(
        reverse("review:annotation-add", args=[mine.pk]),
        {"start": start, "end": start + 9, "words": "denied it", "speaker": "A union official",
         "speaker_type": "person", "quote_type": "indirect", "stance": "denies", "via": ""},
    )  # fmt: skip
    assert response.status_code == 302
    annotation = mine.annotations.get()
    response = client.post(
        reverse("review:annotation-edit", args=[annotation.pk]),
        {"words": "not in the text", "quote_type": "indirect", "stance": "denies"},
    )
    assert response.status_code == 400 and "not in the article" in response.content.decode()
    client.post(reverse("review:annotate-done", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.is_done
    body = client.get(reverse("review:annotate", args=[mine.pk])).content.decode()
    assert "Reopen" in body and "Add the statement" not in body


def test_the_round_page_shows_agreement_to_editors(
    client, round_, journalist, other_journalist, editor
):
    _annotate_both(round_, journalist, other_journalist)
    client.force_login(editor)
    body = client.get(reverse("review:agreement-round", args=[round_.pk])).content.decode()
    assert "Agreement on statements" in body
    assert "<strong>0.67</strong>" in body
    assert "2 disagreements to discuss" in body
    assert 'data-field="quote_type"' in body and "0 of 1" in body


def test_an_editor_annotating_sees_agreement_only_once_closed(
    client, editor, editor2, journalist, ready_articles
):
    round_ = services.annotation_round_create(
        name="Editors too", by=editor, annotator_a=editor2, annotator_b=journalist,
        article_ids=[ready_articles[0].pk],
    )  # fmt: skip
    client.force_login(editor2)
    url = reverse("review:agreement-round", args=[round_.pk])
    assert "stays hidden from you" in client.get(url).content.decode()
    services.annotation_round_close(round=round_, by=editor)
    assert "stays hidden from you" not in client.get(url).content.decode()


def test_readers_get_nothing(client, round_, journalist):
    reader = UserFactory(username="reader")
    mine = _assignment(round_, journalist)
    urls = [
        reverse("review:agreement"),
        reverse("review:agreement-round", args=[round_.pk]),
        reverse("review:annotate-list"),
        reverse("review:annotate", args=[mine.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(reader)
    for url in urls:
        assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_seed_demo_has_a_round_with_numbers_to_show(client):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from claims.models import AnnotationRound

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # a second run adds nothing
    round_ = AnnotationRound.objects.get()
    client.force_login(get_user_model().objects.get(username="editor"))
    body = client.get(round_.get_absolute_url()).content.decode()
    # Four statements of five in common for each: 2·4 / (5 + 5).
    assert "<strong>0.80</strong>" in body
    assert "3 disagreements to discuss" in body  # one pair differs, one statement each alone
    client.force_login(get_user_model().objects.get(username="journalist2"))
    assert client.get(reverse("review:annotate-list")).status_code == 200


def test_the_round_page_reads_a_fixed_number_of_queries(
    client, editor, journalist, other_journalist, ready_articles, django_assert_num_queries
):
    def finished_round(n: int):
        round_ = services.annotation_round_create(
            name=f"{n} articles", by=editor, annotator_a=journalist,
            annotator_b=other_journalist, article_ids=[a.pk for a in ready_articles[:n]],
        )  # fmt: skip
        for assignment in AnnotationAssignment.objects.filter(round=round_):
            who = assignment.annotator
            services.annotation_add(
                assignment=assignment, by=who, words="denied it", speaker=who.username
            )
            services.assignment_finish(assignment=assignment, by=who)
        return round_

    client.force_login(editor)
    small, large = finished_round(1), finished_round(4)
    client.get(small.get_absolute_url())  # sessions and permissions cached alike
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(small.get_absolute_url())
    with django_assert_num_queries(len(one)):
        body = client.get(large.get_absolute_url()).content.decode()
    assert "4 disagreements to discuss" in body  # the speakers differ in each article
    article = ready_articles[2]
    body = client.get(large.get_absolute_url() + f"?article={article.pk}").content.decode()
    assert "1 of them in this article." in body
