from django.contrib import admin

from claims.models import Claim, Mention, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["article", "speaker", "content", "stance", "quote_type", "review_state"]
    raw_id_fields = ["article"]
    extra = 0
    show_change_link = True


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "claimant",
        "language",
        "sourcing",
        "verdict",
        "status",
        "updated_at",
    ]
    list_filter = ["status", "verdict", "sourcing", "language"]
    list_select_related = ["claimant"]
    search_fields = ["statement", "conclusion", "claimant__name"]
    prepopulated_fields = {"slug": ["statement"]}
    raw_id_fields = ["claimant", "created_by"]
    inlines = [MentionInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "article",
        "speaker_type",
        "cue",
        "stance",
        "quote_type",
        "confidence",
        "review_state",
    ]
    list_filter = ["stance", "quote_type", "speaker_type", "review_state", "article__language"]
    list_select_related = ["article"]
    search_fields = ["content", "speaker", "cue", "article__title"]
    raw_id_fields = ["article", "claim", "source"]
