from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext, gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from claims import published_changes, services
from claims.models import (
    Alert,
    Claim,
    Comment,
    Correction,
    Evidence,
    Mention,
    Rating,
    ReviewDecision,
    Source,
    SourceAlias,
    Task,
)
from claims.permissions import can_review, refusal_text
from claims.public.cache import public_cache_invalidate
from claims.source_names import name_key
from claims.webhook_admin import WebhookDeliveryAdmin, WebhookEndpointAdmin  # noqa: F401


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


def _correction_field() -> forms.CharField:
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=gettext_lazy("Correction note (public)"),
        help_text=gettext_lazy(
            "Needed for any change readers see on a published claim: it goes to the "
            "claim's public correction log."
        ),
    )


class ServiceCheckedForm(forms.ModelForm):
    """An admin change form whose edit the services check before the admin saves it, so that
    a refusal is a form error (not a 500) and the save itself goes through a service."""

    user = None  # set per request by ServiceCheckedAdmin.get_form

    def service_check(self, note: str) -> None:
        raise NotImplementedError

    def _post_clean(self) -> None:
        super()._post_clean()
        if self._errors:
            return
        try:
            self.service_check(self.cleaned_data.get("correction", ""))
        except (ValidationError, PermissionDenied) as error:
            self.add_error(None, refusal_text(error))


class KeepsWhatReadersSee:
    """For objects readers may see: `in_public_use(obj)` says when. Such an object cannot be
    deleted here, and bulk delete (which would skip that check) is off."""

    def in_public_use(self, obj) -> bool:
        raise NotImplementedError

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and self.in_public_use(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class ServiceCheckedAdmin(KeepsWhatReadersSee):
    """Hands the editor to the form; what readers see is not deleted here, in bulk or not."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form


class ReadOnlyInline:
    """Shown for reference: changes go through the object's own admin page, which saves
    through the services (and asks for a correction note where readers see the change)."""

    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Rating)
class RatingAdmin(KeepsWhatReadersSee, InvalidatesPublicPages, admin.ModelAdmin):
    list_display = ["label", "label_fr", "slug", "score", "order"]
    prepopulated_fields = {"slug": ["label"]}

    def in_public_use(self, rating: Rating | None) -> bool:
        """The verdict of a published (or in-review) claim: its words are on readers' pages."""
        return rating is not None and (
            Claim.objects.filter(verdict=rating).exclude(status=Claim.Status.DRAFT).exists()
        )

    def get_readonly_fields(self, request, obj=None):
        if self.in_public_use(obj):
            # A verdict readers were given keeps its words; add a new rating instead.
            return [f.name for f in Rating._meta.concrete_fields if f.name != "id"]
        return super().get_readonly_fields(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.in_public_use(obj) else super().get_prepopulated_fields(request, obj)


class SourceAliasForm(forms.ModelForm):
    class Meta:
        model = SourceAlias
        fields = ["alias"]

    def clean_alias(self) -> str:
        """Keyed like source names ("le WSJ" is "wall street journal"); one source each."""
        alias = " ".join(self.cleaned_data["alias"].split())
        self.instance.normalized = name_key(alias)[:300]
        taken = SourceAlias.objects.filter(normalized=self.instance.normalized)
        if not self.instance.normalized or taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(gettext("This spelling already names a source."))
        return alias


class SourceAliasInline(admin.TabularInline):
    """Other spellings of the source: editors add them; corrections teach some."""

    model = SourceAlias
    form = SourceAliasForm
    fields = ["alias", "normalized", "created_at"]
    readonly_fields = ["normalized", "created_at"]
    extra = 1


@admin.register(Source)
class SourceAdmin(ServiceCheckedAdmin, admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [SourceAliasInline]

    def in_public_use(self, source: Source) -> bool:
        """Readers see (or an approval covers) it as the claimant of a claim."""
        return source.claims.exclude(status=Claim.Status.DRAFT).exists()

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and self.in_public_use(obj):
            return ["name", "kind"]  # change the claim's claimant instead, with a note
        return super().get_readonly_fields(request, obj)


class MentionInline(ReadOnlyInline, admin.TabularInline):
    model = Mention
    fk_name = "claim"  # its appearances, not its responses (responds_to)
    fields = ["article", "speaker", "content", "stance", "quote_type", "review_state"]
    raw_id_fields = ["article", "source"]


class EvidenceInline(ReadOnlyInline, admin.TabularInline):
    model = Evidence
    fields = ["title", "url", "kind", "relation", "is_approved", "note"]


class TaskInline(ReadOnlyInline, admin.TabularInline):
    """Tasks are assigned through task_create (the assignee's e-mail, who may get one)."""

    model = Task
    fields = ["title", "assignee", "due_date", "state"]


class CommentInline(ReadOnlyInline, admin.TabularInline):
    """Comments are written by comment_add, under their author's own name."""

    model = Comment
    fields = ["author", "body", "created_at"]
    readonly_fields = ["created_at"]


class CorrectionInline(ReadOnlyInline, admin.TabularInline):
    """The public log is written by the services, never edited."""

    model = Correction
    fields = ["kind", "text", "created_by", "created_at"]
    readonly_fields = fields
    show_change_link = False


def _run_on_each(modeladmin, request, queryset, action: Callable, done_message) -> None:
    """Bulk actions go through the services, one object at a time, and report each refusal.
    `done_message(n)` says what was done to n objects, in the interface language."""
    done = 0
    for obj in queryset:
        try:
            action(obj)
            done += 1
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(request, f"“{obj}”: {refusal_text(error)}", messages.ERROR)
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)


class ClaimAdminForm(ServiceCheckedForm):
    correction = _correction_field()

    class Meta:
        model = Claim
        fields = [
            "statement", "slug", "claimant", "language", "sourcing", "verdict", "conclusion",
            "created_by",
        ]  # fmt: skip

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in services.RESERVED_SLUGS:
            raise ValidationError(f"“{slug}” is a reserved address: choose another slug.")
        return slug

    def service_check(self, note: str) -> None:
        services.claim_check_change(claim=self.instance, by=self.user, correction=note)


@admin.register(Claim)
class ClaimAdmin(ServiceCheckedAdmin, SimpleHistoryAdmin):
    form = ClaimAdminForm
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
    readonly_fields = [
        "status",
        "published_at",
        "publication_requested_by",
        "publication_requested_at",
    ]
    inlines = [MentionInline, EvidenceInline, TaskInline, CommentInline, CorrectionInline]
    actions = [
        "request_publication",
        "approve_publication",
        "withdraw_publication_request",
        "unpublish",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).distinct()

    def in_public_use(self, obj: Claim | None) -> bool:
        """Past draft, by the database's status (a history page hands over an old version):
        unpublish it (with a public reason) or withdraw the request before deleting it."""
        return obj is not None and (
            Claim.objects.filter(pk=obj.pk).exclude(status=Claim.Status.DRAFT).exists()
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.in_public_use(obj):
            fields.append("slug")  # the public address stays put
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        if self.in_public_use(obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        note = form.cleaned_data.get("correction", "") if form is not None else ""
        services.claim_save(claim=obj, by=request.user, correction=note)
        public_cache_invalidate()
        pending = published_changes.pending_change_of(obj)
        request.claim_change_pending = (
            pending is not None and pending.requested_by_id == request.user.pk
        )

    def response_change(self, request, obj):
        """A ruling change of a published claim only waits for a second editor: say that,
        not "changed successfully"."""
        if getattr(request, "claim_change_pending", False):
            self.message_user(
                request,
                gettext(
                    "Your change waits for a second editor's approval; readers keep the "
                    "published version until then."
                ),
                messages.WARNING,
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        public_cache_invalidate()

    @admin.action(description=gettext_lazy("Request publication (a second editor approves)"))
    def request_publication(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: services.claim_request_publication(claim=c, by=request.user),
            lambda n: ngettext(
                "%d claim sent for approval.", "%d claims sent for approval.", n
            ) % n,
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Approve publication"))
    def approve_publication(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: services.claim_approve_publication(claim=c, by=request.user),
            lambda n: ngettext("%d claim published.", "%d claims published.", n) % n,
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Withdraw the publication request"))
    def withdraw_publication_request(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: services.claim_withdraw_publication_request(claim=c, by=request.user),
            lambda n: ngettext("%d claim back to draft.", "%d claims back to draft.", n) % n,
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Unpublish"))
    def unpublish(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset,
            lambda c: services.claim_unpublish(
                claim=c, by=request.user, reason="Withdrawn by the editors."
            ),
            lambda n: ngettext("%d claim unpublished.", "%d claims unpublished.", n) % n,
        )  # fmt: skip


def _mention_review_change(before: Mention, after: Mention) -> str:
    """What an admin edit does to a mention's review: "", "accept" or "reject"."""
    if (before.claim_id, before.review_state) == (after.claim_id, after.review_state):
        return ""
    if after.review_state == Mention.ReviewState.REJECTED:
        return "reject"
    if after.review_state == Mention.ReviewState.ACCEPTED and after.claim_id:
        return "accept"
    raise ValidationError("A mention is accepted into a claim, or rejected (with no claim).")


def _mention_corrected(before: Mention, after: Mention) -> bool:
    fields = ["start", "end", "speaker", "stance"]
    return any(getattr(before, f) != getattr(after, f) for f in fields)


class MentionAdminForm(ServiceCheckedForm):
    correction = _correction_field()

    class Meta:
        model = Mention
        fields = ["claim", "review_state", "start", "end", "speaker", "stance"]

    def service_check(self, note: str) -> None:
        before = Mention.objects.select_related("article").get(pk=self.instance.pk)
        after = self.instance
        if _mention_corrected(before, after):
            services.mention_check_span(mention=before, start=after.start, end=after.end)
            services.mention_check_change(mention=before, by=self.user, correction=note)
        review = _mention_review_change(before, after)
        if review:
            services.mention_check_change(
                mention=before,
                by=self.user,
                correction=note,
                into=after.claim if review == "accept" else None,
            )


@admin.register(Mention)
class MentionAdmin(ServiceCheckedAdmin, admin.ModelAdmin):
    form = MentionAdminForm
    list_display = [
        "__str__", "article", "speaker_type", "cue", "stance", "quote_type", "confidence",
        "review_state",
    ]  # fmt: skip
    list_filter = ["stance", "quote_type", "speaker_type", "review_state", "article__language"]
    list_select_related = ["article"]
    search_fields = ["content", "speaker", "cue", "article__title"]
    raw_id_fields = ["claim"]
    # What the services change (span, speaker, stance; the claim and review state) is
    # editable; the rest is the extractor's record.
    readonly_fields = [
        "article", "content", "source", "speaker_type", "cue", "quote_type", "via",
        "confidence", "rule", "extractor_version",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False  # mentions come from extraction

    def in_public_use(self, mention: Mention) -> bool:
        """Its claim is past draft: reject it instead (with a note if the claim is published)."""
        return bool(mention.claim_id) and mention.claim.status != Claim.Status.DRAFT

    def save_model(self, request, obj, form, change) -> None:
        before = Mention.objects.select_related("article").get(pk=obj.pk)
        note = form.cleaned_data["correction"]
        review = _mention_review_change(before, obj)
        if _mention_corrected(before, obj):
            services.mention_correct(
                mention=before, by=request.user, start=obj.start, end=obj.end,
                speaker=obj.speaker, stance=obj.stance, correction=note,
            )  # fmt: skip
        if review == "reject":
            services.mention_reject(mention=before, by=request.user, correction=note)
        elif review == "accept":
            services.mention_accept(
                mention=before, by=request.user, claim=obj.claim, correction=note
            )
        obj.refresh_from_db()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        public_cache_invalidate()


class EvidenceAdminForm(ServiceCheckedForm):
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    correction = _correction_field()

    class Meta:
        model = Evidence
        fields = ["claim", "title", "url", "kind", "relation", "note", "is_approved"]

    def service_check(self, note: str) -> None:
        services.evidence_check_change(evidence=self.instance, by=self.user, correction=note)


@admin.register(Evidence)
class EvidenceAdmin(ServiceCheckedAdmin, SimpleHistoryAdmin):
    form = EvidenceAdminForm
    list_display = ["title", "claim", "kind", "relation", "is_approved", "added_by", "created_at"]
    list_filter = ["kind", "relation", "is_approved"]
    list_select_related = ["claim", "added_by"]
    search_fields = ["title", "url", "note", "claim__statement"]
    raw_id_fields = ["claim", "added_by"]
    actions = ["approve"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["claim", "added_by"]  # evidence stays with its claim
        return ["added_by"]

    def in_public_use(self, evidence: Evidence) -> bool:
        """Readers see it (or an approval covers it)."""
        return evidence.is_approved and evidence.claim.status != Claim.Status.DRAFT

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.added_by = request.user
        services.evidence_save(
            evidence=obj, by=request.user, correction=form.cleaned_data["correction"]
        )

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        public_cache_invalidate()

    @admin.action(description=gettext_lazy("Approve for the public page"))
    def approve(self, request, queryset) -> None:
        _run_on_each(
            self, request, queryset.select_related("claim"),
            lambda e: services.evidence_approve(evidence=e, by=request.user),
            lambda n: ngettext(
                "%d evidence item approved.", "%d evidence items approved.", n
            ) % n,
        )  # fmt: skip


class TaskAdminForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["claim", "title", "assignee", "due_date", "state", "notes"]

    def clean_assignee(self):
        assignee = self.cleaned_data["assignee"]
        if assignee is not None and not can_review(assignee):
            raise ValidationError(gettext("Tasks go to journalists or editors."))
        return assignee


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    form = TaskAdminForm
    list_display = ["title", "claim", "assignee", "due_date", "state", "created_by"]
    list_filter = ["state", ("assignee", admin.RelatedOnlyFieldListFilter), "due_date"]
    list_select_related = ["claim", "assignee", "created_by"]
    search_fields = ["title", "notes", "claim__statement"]
    raw_id_fields = ["claim", "assignee"]
    readonly_fields = ["created_by"]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            obj._history_user = request.user
            super().save_model(request, obj, form, change)
            return
        # A new task is assigned as on the newsroom pages: by this editor, e-mail and all.
        task = services.task_create(
            claim=obj.claim, by=request.user, assignee=obj.assignee, title=obj.title,
            due_date=obj.due_date, notes=obj.notes,
        )  # fmt: skip
        obj.pk, obj.created_by = task.pk, task.created_by


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """Alerts are raised by claimtrack and dismissed with a reason in the newsroom
    (/review/alerts/): read-only here, so a dismissal always says why and by whom."""

    list_display = ["kind", "claim", "state", "created_at", "dismissed_by"]
    list_filter = ["kind", "state"]
    search_fields = ["detail", "claim__statement"]
    raw_id_fields = ["claim", "earlier", "later", "article"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(admin.ModelAdmin):
    """The newsroom's review decisions, the extractor's labelled data (claims.decisions):
    written by the review services only, never edited, so read-only here."""

    list_display = ["kind", "article", "mention", "by", "at", "rejection_reason"]
    list_filter = ["kind", "rejection_reason", "article__language"]
    list_select_related = ["article", "mention", "by"]
    search_fields = ["article__title"]
    raw_id_fields = ["article", "mention", "by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
