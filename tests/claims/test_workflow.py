"""The editorial workflow's services: review, claim work, tasks, publishing, audit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from claims import published_changes, services
from claims.models import Claim, Correction, Evidence, Mention, PendingChange, Task
from claims.similarity import suggest_claims
from tests.factories import ArticleFactory, EvidenceFactory, MentionFactory, SourceFactory

pytestmark = pytest.mark.usefixtures("roles")


@pytest.fixture
def claim(journalist):
    mention = MentionFactory()
    return services.claim_create_from_mention(
        mention=mention, statement="The bridge reopens in March", by=journalist
    )


def ready_to_publish(claim, editor, ratings):
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.evidence_add(claim=claim, by=editor, title="Council minutes", url="https://e.org/m")


# --- Reviewing mentions -------------------------------------------------------------------


def test_accepting_a_mention_into_an_existing_claim_links_it(journalist, claim):
    other = MentionFactory()
    services.mention_accept(mention=other, by=journalist, claim=claim)
    other.refresh_from_db()
    assert other.claim == claim and other.review_state == Mention.ReviewState.ACCEPTED
    assert claim.mentions.count() == 2


def test_rejecting_a_mention_unlinks_it(journalist, claim):
    mention = claim.mentions.get()
    services.mention_reject(mention=mention, by=journalist)
    mention.refresh_from_db()
    assert mention.review_state == Mention.ReviewState.REJECTED and mention.claim is None


def test_correcting_a_mention_updates_span_speaker_and_stance(journalist):
    mention = MentionFactory()
    text = mention.article.text
    start = text.index("the bridge")
    services.mention_correct(
        mention=mention, by=journalist, start=start, end=len(text) - 1, speaker="Mayor Reed",
        stance=Mention.Stance.DENIES,
    )  # fmt: skip
    mention.refresh_from_db()
    assert mention.content == text[start:-1]
    # A titled person is the person, the title kept apart (issue 12, part 6).
    assert mention.speaker == "Mayor Reed" and mention.source.name == "Reed"
    assert mention.speaker_title == "Mayor"
    assert mention.stance == Mention.Stance.DENIES
    assert mention.review_state == Mention.ReviewState.CORRECTED


def test_corrected_mentions_survive_a_new_extraction(journalist):
    article = ArticleFactory(text='"The bridge will reopen in March," said Mayor Linda Okafor.')
    services.article_extract_claims(article=article)
    mention = article.mentions.first()
    services.mention_correct(
        mention=mention, by=journalist, start=1, end=10, speaker="Linda Okafor", stance="asserts"
    )
    services.article_extract_claims(article=article)
    assert article.mentions.filter(pk=mention.pk, review_state="corrected").exists()


def test_a_span_outside_the_text_is_refused(journalist):
    mention = MentionFactory()
    with pytest.raises(ValidationError, match="inside the article text"):
        services.mention_correct(
            mention=mention, by=journalist, start=5, end=10_000, speaker="", stance="asserts"
        )


def test_merging_moves_mentions_evidence_and_tasks(journalist, editor, claim):
    duplicate = services.claim_create_from_mention(
        mention=MentionFactory(), statement="Bridge to reopen in March", by=journalist
    )
    services.evidence_add(claim=duplicate, by=journalist, title="Press release")
    services.task_create(claim=duplicate, by=editor, assignee=journalist, title="Call")
    services.claim_merge(claim=duplicate, into=claim, by=journalist)
    assert not Claim.objects.filter(pk=duplicate.pk).exists()
    assert claim.mentions.count() == 2
    assert claim.evidence.get().title == "Press release"
    assert claim.tasks.get().title == "Call"


def test_suggestions_find_the_same_statement_by_claimant_and_words_in_either_language(journalist):
    okafor = SourceFactory(name="Linda Okafor")
    english = services.claim_create_from_mention(
        mention=MentionFactory(source=okafor),
        statement="Okafor says 100 helicopter engines will return to Russia",
        by=journalist,
    )
    services.claim_create_from_mention(
        mention=MentionFactory(),
        statement="The school canteen will serve organic food",
        by=journalist,
    )
    article = ArticleFactory(
        language="fr", text="« 100 moteurs d'hélicoptères retourneront en Russie », a dit Okafor."
    )
    french = MentionFactory(
        article=article, content="100 moteurs d'hélicoptères retourneront en Russie",
        source=okafor, speaker="Okafor",
    )  # fmt: skip
    suggestions = suggest_claims([french])[french.pk]
    assert [claim for claim, _ in suggestions] == [english]


# --- Working on a claim -------------------------------------------------------------------


def test_journalists_edit_only_claims_they_created_or_are_assigned(
    journalist, other_journalist, editor, claim
):
    with pytest.raises(PermissionDenied):
        services.claim_update(claim=claim, by=other_journalist, statement="Changed")
    services.task_create(claim=claim, by=editor, assignee=other_journalist, title="Check")
    services.claim_update(claim=claim, by=other_journalist, statement="Changed")
    assert Claim.objects.get(pk=claim.pk).statement == "Changed"


def test_only_editors_set_verdicts_and_sourcing(journalist, editor, claim, ratings):
    with pytest.raises(PermissionDenied):
        services.claim_set_verdict(
            claim=claim, verdict=ratings["true"], conclusion="x", by=journalist
        )
    with pytest.raises(PermissionDenied):
        services.claim_update(
            claim=claim, by=journalist, statement=claim.statement, sourcing="named"
        )
    services.claim_update(claim=claim, by=editor, statement=claim.statement, sourcing="named")
    assert Claim.objects.get(pk=claim.pk).sourcing == "named"


def test_evidence_from_journalists_waits_for_an_editor(journalist, editor, claim):
    evidence = services.evidence_add(claim=claim, by=journalist, title="Minutes", kind="dataset")
    assert not evidence.is_approved
    assert services.evidence_add(claim=claim, by=editor, title="Report").is_approved
    with pytest.raises(PermissionDenied):
        services.evidence_approve(evidence=evidence, by=journalist)
    services.evidence_approve(evidence=evidence, by=editor)
    assert Evidence.objects.get(pk=evidence.pk).is_approved


def test_tasks_email_the_assignee(
    journalist, editor, claim, mailoutbox, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.task_create(
            claim=claim, by=editor, assignee=journalist, title="Call the city", due_date=due
        )
    [mail] = mailoutbox
    assert mail.to == [journalist.email]
    assert "Call the city" in mail.subject
    assert claim.statement in mail.body and f"/review/claims/{claim.pk}/" in mail.body


def test_only_editors_assign_tasks_and_overdue_ones_are_found(journalist, editor, claim):
    with pytest.raises(PermissionDenied):
        services.task_create(claim=claim, by=journalist, assignee=journalist, title="x")
    late = services.task_create(
        claim=claim, by=editor, assignee=journalist, title="Late",
        due_date=timezone.localdate() - datetime.timedelta(days=1),
    )  # fmt: skip
    services.task_create(claim=claim, by=editor, assignee=journalist, title="Later")
    assert list(Task.objects.overdue()) == [late]
    assert late.is_overdue
    services.task_set_state(task=late, by=journalist, state=Task.State.DONE)
    assert not Task.objects.overdue().exists()


# --- Publishing ---------------------------------------------------------------------------


def test_publishing_needs_verdict_conclusion_and_approved_evidence(editor, claim):
    with pytest.raises(ValidationError) as error:
        services.claim_request_publication(claim=claim, by=editor)
    message = " ".join(error.value.messages)
    assert "a verdict" in message and "a written conclusion" in message and "evidence" in message


def test_publishing_needs_a_second_editor(editor, editor2, claim, ratings):
    ready_to_publish(claim, editor, ratings)
    services.claim_request_publication(claim=claim, by=editor)
    assert claim.status == Claim.Status.IN_REVIEW
    assert not Claim.objects.published().exists()
    with pytest.raises(ValidationError, match="second editor"):
        services.claim_approve_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    assert list(Claim.objects.published()) == [claim]


def test_second_approval_can_be_turned_off(editor, claim, ratings, settings):
    settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL = False
    ready_to_publish(claim, editor, ratings)
    services.claim_request_publication(claim=claim, by=editor)
    assert claim.status == Claim.Status.PUBLISHED


def test_journalists_cannot_publish(journalist, editor, claim, ratings):
    ready_to_publish(claim, editor, ratings)
    with pytest.raises(PermissionDenied):
        services.claim_request_publication(claim=claim, by=journalist)


def test_changing_a_published_claim_needs_a_public_correction(editor, editor2, claim, ratings):
    ready_to_publish(claim, editor, ratings)
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    with pytest.raises(ValidationError, match="correction note"):
        services.claim_set_verdict(
            claim=claim, verdict=ratings["mixed"], conclusion="No.", by=editor
        )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["mixed"], conclusion="No.", by=editor,
        correction="New council minutes show part of it is true.",
    )  # fmt: skip
    # A second editor approves the new verdict (claims.published_changes).
    published_changes.pending_change_approve(
        change=PendingChange.objects.get(claim=claim), by=editor2
    )
    assert Correction.objects.get(claim=claim).text.startswith("New council minutes")
    services.claim_unpublish(claim=claim, by=editor, reason="Under review again")
    assert not Claim.objects.published().exists()
    assert claim.corrections.count() == 2


def test_history_records_who_changed_what_from_and_to(editor, claim, ratings):
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.claim_update(
        claim=claim, by=editor, statement="Edited statement", sourcing="anonymous"
    )
    latest, previous = claim.history.order_by("-history_date")[:2]
    assert latest.history_user == editor
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(previous).changes}
    assert changes["statement"] == ("The bridge reopens in March", "Edited statement")
    assert changes["sourcing"] == ("unassessed", "anonymous")


# --- An approval covers what was requested; a claim in review is locked ------------------


def in_review(claim, editor, ratings):
    ready_to_publish(claim, editor, ratings)
    services.claim_request_publication(claim=claim, by=editor)
    return claim


def test_approval_refuses_content_changed_since_the_request(editor, editor2, claim, ratings):
    in_review(claim, editor, ratings)
    # Changed by a path that skips the services (a script, the shell, an old admin form).
    Claim.objects.filter(pk=claim.pk).update(verdict=ratings["true"], conclusion="Yes.")
    claim.refresh_from_db()
    with pytest.raises(ValidationError, match="changed since the request"):
        services.claim_approve_publication(claim=claim, by=editor2)
    assert not Claim.objects.published().exists()
    changes = services.claim_changes_since_request(claim)
    assert ("Verdict", "False", "True") in changes
    assert ("Conclusion", "No.", "Yes.") in changes


def test_approval_publishes_the_requested_version_when_nothing_changed(
    editor, editor2, claim, ratings
):
    in_review(claim, editor, ratings)
    assert services.claim_changes_since_request(claim) == []
    services.claim_approve_publication(claim=claim, by=editor2)
    assert Claim.objects.published().get().conclusion == "No."


def _claim_changes(claim, editor, ratings):
    mention = claim.mentions.get()
    return {
        "update": lambda: services.claim_update(claim=claim, by=editor, statement="Other"),
        "verdict": lambda: services.claim_set_verdict(
            claim=claim, verdict=ratings["true"], conclusion="Yes.", by=editor
        ),
        "evidence": lambda: services.evidence_add(claim=claim, by=editor, title="More"),
        "accept": lambda: services.mention_accept(mention=MentionFactory(), by=editor, claim=claim),
        "reject": lambda: services.mention_reject(mention=mention, by=editor),
        "correct": lambda: services.mention_correct(
            mention=mention,
            by=editor,
            start=mention.start,
            end=mention.end,
            speaker="Someone else",
            stance=Mention.Stance.DENIES,
        ),
        "merge": lambda: services.claim_merge(
            claim=services.claim_create_from_mention(
                mention=MentionFactory(), statement="Duplicate", by=editor
            ),
            into=claim,
            by=editor,
        ),
    }


@pytest.mark.parametrize(
    "change", ["update", "verdict", "evidence", "accept", "reject", "correct", "merge"]
)
def test_a_claim_in_review_is_locked(editor, claim, ratings, change):
    in_review(claim, editor, ratings)
    before = services.claim_public_content(claim)
    with pytest.raises(ValidationError, match="withdraw the request"):
        _claim_changes(claim, editor, ratings)[change]()
    assert services.claim_public_content(Claim.objects.get(pk=claim.pk)) == before


def test_evidence_approval_waits_while_a_claim_is_in_review(journalist, editor, claim, ratings):
    draft = services.evidence_add(claim=claim, by=journalist, title="Leaked memo")
    in_review(claim, editor, ratings)
    with pytest.raises(ValidationError, match="withdraw the request"):
        services.evidence_approve(evidence=draft, by=editor)
    assert not Evidence.objects.get(pk=draft.pk).is_approved


def test_an_editor_withdraws_the_request_and_the_claim_can_change(
    journalist, editor, editor2, claim, ratings
):
    in_review(claim, editor, ratings)
    with pytest.raises(PermissionDenied):
        services.claim_withdraw_publication_request(claim=claim, by=journalist)
    services.claim_withdraw_publication_request(claim=claim, by=editor2)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.DRAFT and claim.publication_requested_by is None
    services.claim_set_verdict(claim=claim, verdict=ratings["true"], conclusion="Yes.", by=editor)
    assert Claim.objects.get(pk=claim.pk).verdict == ratings["true"]
    with pytest.raises(ValidationError, match="Nobody has asked"):
        services.claim_approve_publication(claim=claim, by=editor2)


# --- Published claims change only through the correction path ----------------------------


@pytest.fixture
def published(editor, editor2, claim, ratings):
    in_review(claim, editor, ratings)
    return services.claim_approve_publication(claim=claim, by=editor2)


def _mention_changes(mention, by, correction=""):
    other = services.claim_create_from_mention(
        mention=MentionFactory(), statement="Another claim", by=by
    )
    return {
        "correct": lambda: services.mention_correct(
            mention=mention,
            by=by,
            start=mention.start,
            end=mention.end - 1,
            speaker="Someone else",
            stance=Mention.Stance.DENIES,
            correction=correction,
        ),
        "reject": lambda: services.mention_reject(mention=mention, by=by, correction=correction),
        "relink": lambda: services.mention_accept(
            mention=mention, by=by, claim=other, correction=correction
        ),
    }


@pytest.mark.parametrize("change", ["correct", "reject", "relink"])
def test_an_appearance_of_a_published_claim_changes_only_by_an_editor_with_a_note(
    other_journalist, editor, published, change
):
    mention = published.mentions.get()
    state = (mention.start, mention.end, mention.speaker, mention.stance, mention.claim_id)

    def unchanged() -> bool:
        m = Mention.objects.get(pk=mention.pk)
        return (m.start, m.end, m.speaker, m.stance, m.claim_id) == state

    with pytest.raises(PermissionDenied):
        _mention_changes(mention, other_journalist)[change]()
    assert unchanged()
    with pytest.raises(ValidationError, match="correction note"):
        _mention_changes(Mention.objects.get(pk=mention.pk), editor)[change]()
    assert unchanged() and not published.corrections.exists()
    _mention_changes(
        Mention.objects.get(pk=mention.pk), editor, correction="The quote was misattributed."
    )[change]()
    assert not unchanged()
    assert published.corrections.get().text == "The quote was misattributed."


def test_a_new_appearance_of_a_published_claim_needs_an_editor_and_a_note(
    journalist, editor, published
):
    mention = MentionFactory()
    with pytest.raises(PermissionDenied):
        services.mention_accept(mention=mention, by=journalist, claim=published)
    with pytest.raises(ValidationError, match="correction note"):
        services.mention_accept(mention=mention, by=editor, claim=published)
    assert not published.mentions.filter(pk=mention.pk).exists()
    assert not published.corrections.exists()
    services.mention_accept(
        mention=mention, by=editor, claim=published, correction="Also reported by the Courier."
    )
    assert published.mentions.filter(pk=mention.pk).exists()
    assert published.corrections.get().text == "Also reported by the Courier."


def test_journalists_still_correct_mentions_of_unpublished_claims(journalist, claim):
    mention = claim.mentions.get()
    services.mention_correct(
        mention=mention, by=journalist, start=mention.start, end=mention.end,
        speaker="Mayor Reed", stance=Mention.Stance.ASSERTS,
    )  # fmt: skip
    assert Mention.objects.get(pk=mention.pk).speaker == "Mayor Reed"


def test_a_published_claim_changes_only_by_an_editor(journalist, editor, published):
    services.task_create(claim=published, by=editor, assignee=journalist, title="Recheck")
    with pytest.raises(PermissionDenied):
        services.claim_update(
            claim=published, by=journalist, statement="Changed", correction="Reworded."
        )
    assert Claim.objects.get(pk=published.pk).statement == "The bridge reopens in March"


def test_evidence_made_public_on_a_published_claim_needs_a_correction_note(editor, published):
    with pytest.raises(ValidationError, match="correction note"):
        services.evidence_add(claim=published, by=editor, title="New minutes")
    draft = EvidenceFactory(claim=published, title="Leaked memo", is_approved=False)
    with pytest.raises(ValidationError, match="correction note"):
        services.evidence_approve(evidence=draft, by=editor)
    services.evidence_approve(evidence=draft, by=editor, correction="We added a memo.")
    assert Evidence.objects.get(pk=draft.pk).is_approved
    assert published.corrections.get().text == "We added a memo."


def test_clearing_the_verdict_of_a_published_claim_is_refused_in_words(editor, published):
    with pytest.raises(ValidationError, match="needs a verdict"):
        services.claim_set_verdict(
            claim=published, verdict=None, conclusion="No.", by=editor, correction="Cleared."
        )
    assert Claim.objects.get(pk=published.pk).verdict is not None


def test_the_scripts_publish_shortcut_leaves_claims_in_review_alone(editor, claim, ratings):
    in_review(claim, editor, ratings)
    with pytest.raises(ValidationError, match="in review already"):
        services.claim_publish(claim=claim, verdict=ratings["true"], conclusion="Yes.", by=editor)
    assert not Claim.objects.published().exists()
