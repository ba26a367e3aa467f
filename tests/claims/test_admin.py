"""The Django admin is the editors' tool: every save and bulk action goes through the services."""

import pytest
from django.urls import reverse

from claims import services
from claims.models import Claim, Correction, Evidence, Mention, PendingChange
from tests.factories import EvidenceFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

INLINES = ["mentions", "evidence", "tasks", "comments", "corrections"]


@pytest.fixture
def admin_editor(client, editor):
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    return client


@pytest.fixture
def claim(journalist, editor, ratings):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The bridge reopens in March", by=journalist
    )
    services.claim_set_verdict(claim=claim, verdict=ratings["false"], conclusion="No.", by=editor)
    services.evidence_add(claim=claim, by=editor, title="Council minutes", url="https://e.org/m")
    return claim


@pytest.fixture
def published(claim, editor, editor2):
    services.claim_request_publication(claim=claim, by=editor)
    return services.claim_approve_publication(claim=claim, by=editor2)


def claim_form(claim: Claim, **changes) -> dict:
    """The admin change form as a browser posts it, with no inline rows changed."""
    data = {
        "statement": claim.statement,
        "slug": claim.slug,
        "claimant": claim.claimant_id or "",
        "language": claim.language,
        "sourcing": claim.sourcing,
        "verdict": claim.verdict_id or "",
        "conclusion": claim.conclusion,
        "created_by": claim.created_by_id or "",
        "correction": "",
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(changes)
    return data


def change_url(claim: Claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


def test_admin_edit_of_a_published_claim_without_a_note_is_a_form_error(admin_editor, published):
    response = admin_editor.post(change_url(published), claim_form(published, conclusion="Yes."))
    assert response.status_code == 200
    assert "correction note" in response.content.decode()
    assert Claim.objects.get(pk=published.pk).conclusion == "No."


def test_admin_edit_of_a_published_ruling_with_a_note_waits_for_a_second_editor(
    admin_editor, published
):
    response = admin_editor.post(
        change_url(published),
        claim_form(published, conclusion="Yes.", correction="The minutes were misread."),
    )
    assert response.status_code == 302
    # Readers keep the approved conclusion until a second editor approves (issue 12, part 2).
    assert Claim.objects.get(pk=published.pk).conclusion == "No."
    change = PendingChange.objects.get(claim=published)
    assert (change.conclusion, change.note) == ("Yes.", "The minutes were misread.")
    page = admin_editor.get(response["Location"]).content.decode()
    assert "waits for a second editor" in page and "changed successfully" not in page


def test_admin_clearing_the_verdict_of_a_published_claim_is_a_form_error(admin_editor, published):
    response = admin_editor.post(
        change_url(published), claim_form(published, verdict="", correction="Cleared.")
    )
    assert response.status_code == 200
    assert "needs a verdict" in response.content.decode()
    assert Claim.objects.get(pk=published.pk).verdict_id == published.verdict_id
    assert not Correction.objects.exists()


def test_admin_edit_of_a_claim_in_review_is_refused(admin_editor, claim, editor):
    services.claim_request_publication(claim=claim, by=editor)
    response = admin_editor.post(change_url(claim), claim_form(claim, conclusion="Yes."))
    assert response.status_code == 200
    assert "withdraw the request" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).conclusion == "No."


def test_admin_edit_of_a_draft_saves_and_is_audited(admin_editor, claim, editor):
    response = admin_editor.post(change_url(claim), claim_form(claim, conclusion="Yes."))
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).conclusion == "Yes."
    assert claim.history.latest().history_user == editor


def test_admin_bulk_withdraw_of_publication_requests_goes_through_the_service(
    admin_editor, claim, editor
):
    services.claim_request_publication(claim=claim, by=editor)
    admin_editor.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "withdraw_publication_request", "_selected_action": [claim.pk]},
    )
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.DRAFT


def test_admin_cannot_delete_a_published_claim(admin_editor, published, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-1")
    admin_editor.force_login(django_user_model.objects.get(username="root"))
    response = admin_editor.post(
        reverse("admin:claims_claim_delete", args=[published.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    admin_editor.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert Claim.objects.published().filter(pk=published.pk).exists()


def mention_form(mention: Mention, **changes) -> dict:
    data = {
        "claim": mention.claim_id or "",
        "review_state": mention.review_state,
        "start": mention.start,
        "end": mention.end,
        "speaker": mention.speaker,
        "stance": mention.stance,
        "correction": "",
    }
    data.update(changes)
    return data


def test_admin_edit_of_an_appearance_of_a_published_claim_needs_a_note(admin_editor, published):
    mention = published.mentions.get()
    url = reverse("admin:claims_mention_change", args=[mention.pk])
    response = admin_editor.post(url, mention_form(mention, stance="denies"))
    assert response.status_code == 200
    assert "correction note" in response.content.decode()
    assert Mention.objects.get(pk=mention.pk).stance == "asserts"
    response = admin_editor.post(
        url, mention_form(mention, stance="denies", correction="The mayor denied it.")
    )
    assert response.status_code == 302
    assert Mention.objects.get(pk=mention.pk).stance == "denies"
    assert published.corrections.get().text == "The mayor denied it."


def evidence_form(evidence: Evidence, **changes) -> dict:
    data = {
        "title": evidence.title,
        "url": evidence.url,
        "kind": evidence.kind,
        "relation": evidence.relation,
        "note": evidence.note,
        "is_approved": "on" if evidence.is_approved else "",
        "correction": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != "" or k in {"correction", "note", "url"}}


def test_admin_edit_of_public_evidence_of_a_published_claim_needs_a_note(admin_editor, published):
    evidence = published.evidence.get()
    url = reverse("admin:claims_evidence_change", args=[evidence.pk])
    response = admin_editor.post(url, evidence_form(evidence, relation="supports"))
    assert response.status_code == 200
    assert "correction note" in response.content.decode()
    assert Evidence.objects.get(pk=evidence.pk).relation == "context"
    response = admin_editor.post(
        url, evidence_form(evidence, relation="supports", correction="It supports the claim.")
    )
    assert response.status_code == 302
    assert Evidence.objects.get(pk=evidence.pk).relation == "supports"
    assert published.corrections.get().text == "It supports the claim."


def test_admin_bulk_evidence_approval_on_a_published_claim_is_refused_in_words(
    admin_editor, published
):
    draft = EvidenceFactory(claim=published, title="Leaked memo", is_approved=False)
    response = admin_editor.post(
        reverse("admin:claims_evidence_changelist"),
        {"action": "approve", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "correction note" in response.content.decode()
    assert not Evidence.objects.get(pk=draft.pk).is_approved


def test_admin_pages_of_a_published_claim_render_with_a_correction_field(admin_editor, published):
    pages = [
        change_url(published),
        reverse("admin:claims_mention_change", args=[published.mentions.get().pk]),
        reverse("admin:claims_evidence_change", args=[published.evidence.get().pk]),
        reverse("admin:claims_claim_changelist"),
    ]
    bodies = []
    for url in pages:
        response = admin_editor.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    assert all('name="correction"' in body for body in bodies[:3])
    assert 'name="slug"' not in bodies[0]  # the public address stays put
    assert "withdraw_publication_request" in bodies[3]


def test_admin_cannot_rename_or_delete_the_claimant_of_a_published_claim(
    admin_editor, published, editor, django_user_model
):
    services.claim_update(
        claim=published, by=editor, statement=published.statement,
        claimant_name="Mayor Reed", correction="The claimant is the mayor.",
    )  # fmt: skip
    assert published.claimant.name == "Mayor Reed"
    url = reverse("admin:claims_source_change", args=[published.claimant_id])
    assert admin_editor.get(url).status_code == 200
    page = admin_editor.get(url).content.decode()
    assert 'name="name"' not in page
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-1")
    admin_editor.force_login(root)
    response = admin_editor.post(
        reverse("admin:claims_source_delete", args=[published.claimant_id]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Claim.objects.get(pk=published.pk).claimant_id is not None


def test_an_old_version_from_the_history_cannot_move_a_published_claim(admin_editor, published):
    """The history page hands the admin a draft-era copy: the slug stays the database's."""
    old_slug = published.slug
    draft_era = published.history.filter(status=Claim.Status.DRAFT).first()
    url = reverse("admin:claims_claim_simple_history", args=[published.pk, draft_era.pk])
    admin_editor.post(url, claim_form(published, slug="brand-new-address"))
    assert Claim.objects.get(pk=published.pk).slug == old_slug
    assert not published.corrections.exists()


def test_a_note_of_control_characters_only_is_no_correction_note(editor, published):
    mention = published.mentions.get()
    with pytest.raises(Exception, match="correction note"):
        services.mention_correct(
            mention=mention, by=editor, start=mention.start, end=mention.end,
            speaker=mention.speaker, stance=Mention.Stance.DENIES, correction="\x01\x02 ",
        )  # fmt: skip
    assert Mention.objects.get(pk=mention.pk).stance == mention.stance
    assert not published.corrections.exists()


def test_a_reserved_address_is_refused_as_a_claims_slug(admin_editor, claim):
    response = admin_editor.post(change_url(claim), claim_form(claim, slug="feed"))
    assert response.status_code == 200 and "reserved address" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).slug != "feed"


def test_a_verdict_readers_were_given_keeps_its_words_in_the_admin(
    admin_editor, published, django_user_model
):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-root-1")
    admin_editor.force_login(root)  # editors may not change the scale at all
    url = reverse("admin:claims_rating_change", args=[published.verdict_id])
    page = admin_editor.get(url).content.decode()
    assert 'name="label"' not in page and 'name="score"' not in page
    unused = published.verdict.__class__.objects.exclude(pk=published.verdict_id).first()
    page = admin_editor.get(reverse("admin:claims_rating_change", args=[unused.pk]))
    assert 'name="label"' in page.content.decode()


def test_comments_and_tasks_are_not_written_in_the_claims_admin_page(
    admin_editor, claim, editor, journalist
):
    services.comment_add(claim=claim, by=journalist, body="Checked the minutes.")
    services.task_create(claim=claim, by=editor, assignee=journalist, title="Call the port")
    page = admin_editor.get(change_url(claim)).content.decode()
    assert "Checked the minutes." in page and "Call the port" in page  # shown, read-only
    assert 'name="comments-0-author"' not in page and 'name="tasks-0-title"' not in page
    assert 'name="comments-MAX_NUM_FORMS" value="0"' in page  # and no row to add


def test_a_task_added_in_the_admin_is_assigned_by_the_editor_to_a_newsroom_account(
    admin_editor, claim, editor, journalist, django_user_model
):
    outsider = django_user_model.objects.create_user("outsider", password="pw-outsider-1")
    url = reverse("admin:claims_task_add")
    data = {"claim": claim.pk, "title": "Call the port", "state": "open", "notes": "",
            "due_date": "", "created_by": journalist.pk}  # fmt: skip
    response = admin_editor.post(url, {**data, "assignee": outsider.pk})
    assert response.status_code == 200 and "Tasks go to journalists or editors" in (
        response.content.decode()
    )
    admin_editor.post(url, {**data, "assignee": journalist.pk})
    task = claim.tasks.get()
    assert task.created_by == editor and task.assignee == journalist


def test_evidence_moved_to_another_claim_unchanged_otherwise_is_refused(editor, published):
    """A history version from before a merge names another claim: a form error, not a 500."""
    from django.core.exceptions import ValidationError

    evidence = published.evidence.get()
    evidence.claim_id = services.claim_create_from_mention(
        mention=MentionFactory(), statement="Another claim", by=editor
    ).pk
    with pytest.raises(ValidationError, match="stays with its claim"):
        services.evidence_check_change(evidence=evidence, by=editor, correction="Moved.")
