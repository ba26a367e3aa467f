from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Claim, Comment, Correction, Evidence, Mention, Rating, Source, Task
from claims.public_cache import public_cache_invalidate
from claims.services import (
    claim_approve_publication,
    claim_request_publication,
    claim_unpublish,
    evidence_approve,
)


class InvalidatesPublicPages:
    """Admin saves and deletes bypass the services: drop cached public pages after each."""

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        public_cache_invalidate()

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        public_cache_invalidate()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        public_cache_invalidate()

    def delete_queryset(self, request, queryset) -> None:
        super().delete_queryset(request, queryset)
        public_cache_invalidate()


@admin.register(Rating)
class RatingAdmin(InvalidatesPublicPages, admin.ModelAdmin):
    list_display = ["label", "label_fr", "slug", "score", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["article", "speaker", "content", "stance", "quote_type", "review_state"]
    raw_id_fields = ["article", "source"]
    extra = 0
    show_change_link = True


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["title", "url", "kind", "relation", "is_approved", "note"]
    extra = 0


class TaskInline(admin.TabularInline):
    model = Task
    fields = ["title", "assignee", "due_date", "state"]
    raw_id_fields = ["assignee"]
    extra = 0


class CommentInline(admin.TabularInline):
    model = Comment
    fields = ["author", "body", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["author"]
    extra = 0


class CorrectionInline(admin.TabularInline):
    model = Correction
    fields = ["text", "created_by", "created_at"]
    readonly_fields = ["created_at"]
    raw_id_fields = ["created_by"]
    extra = 0


def _run_on_each(modeladmin, request, queryset, action, verb: str) -> None:
    """Bulk actions go through the services, one claim at a time, and report each refusal."""
    done = 0
    for claim in queryset:
        try:
            action(claim)
            done += 1
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            modeladmin.message_user(request, f"“{claim}”: {text}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"{done} claim(s) {verb}.", messages.SUCCESS)


@admin.register(Claim)
class ClaimAdmin(InvalidatesPublicPages, SimpleHistoryAdmin):
    list_display = [
        "__str__",
        "claimant",
        "language",
        "sourcing",
        "verdict",
        "status",
        "updated_at",
    ]
    list_filter = [
        "status", "verdict", "sourcing", "language",
        ("mentions__article__outlet", admin.RelatedOnlyFieldListFilter),
        ("tasks__assignee", admin.RelatedOnlyFieldListFilter),
    ]  # fmt: skip
    list_select_related = ["claimant", "verdict"]
    search_fields = ["statement", "conclusion", "claimant__name", "slug"]
    prepopulated_fields = {"slug": ["statement"]}
    raw_id_fields = ["claimant", "created_by", "publication_requested_by"]
    readonly_fields = ["status", "published_at", "publication_requested_by"]
    inlines = [MentionInline, EvidenceInline, TaskInline, CommentInline, CorrectionInline]
    actions = ["request_publication", "approve_publication", "unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    @admin.action(description="Request publication (a second editor approves)")
    def request_publication(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: claim_request_publication(claim=c, by=request.user), "sent for approval",
        )  # fmt: skip

    @admin.action(description="Approve publication")
    def approve_publication(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: claim_approve_publication(claim=c, by=request.user), "published",
        )  # fmt: skip

    @admin.action(description="Unpublish")
    def unpublish(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: claim_unpublish(claim=c, by=request.user, reason="Withdrawn by the editors."),
            "unpublished",
        )  # fmt: skip


@admin.register(Mention)
class MentionAdmin(InvalidatesPublicPages, admin.ModelAdmin):
    list_display = [
        "__str__", "article", "speaker_type", "cue", "stance", "quote_type", "confidence",
        "review_state",
    ]  # fmt: skip
    list_filter = ["stance", "quote_type", "speaker_type", "review_state", "article__language"]
    list_select_related = ["article"]
    search_fields = ["content", "speaker", "cue", "article__title"]
    raw_id_fields = ["article", "claim", "source"]


@admin.register(Evidence)
class EvidenceAdmin(InvalidatesPublicPages, SimpleHistoryAdmin):
    list_display = ["title", "claim", "kind", "relation", "is_approved", "added_by", "created_at"]
    list_filter = ["kind", "relation", "is_approved"]
    list_select_related = ["claim", "added_by"]
    search_fields = ["title", "url", "note", "claim__statement"]
    raw_id_fields = ["claim", "added_by"]
    actions = ["approve"]

    @admin.action(description="Approve for the public page")
    def approve(self, request, queryset) -> None:
        for evidence in queryset:
            evidence_approve(evidence=evidence, by=request.user)
        self.message_user(request, f"{queryset.count()} evidence item(s) approved.")


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "claim", "assignee", "due_date", "state", "created_by"]
    list_filter = ["state", ("assignee", admin.RelatedOnlyFieldListFilter), "due_date"]
    list_select_related = ["claim", "assignee", "created_by"]
    search_fields = ["title", "notes", "claim__statement"]
    raw_id_fields = ["claim", "assignee", "created_by"]
