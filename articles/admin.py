from django.contrib import admin
from django.utils.translation import gettext_lazy, ngettext

from articles.models import Article, Feed, Outlet
from articles.services import article_requeue, article_retry
from articles.tasks import poll_feed
from claims.admin import KeepsWhatReadersSee
from claims.models import Claim
from claims.public.cache import public_cache_invalidate

# Claims whose pages readers see (or that a second editor's approval covers).
PUBLIC_STATES = [Claim.Status.PUBLISHED, Claim.Status.IN_REVIEW]


@admin.register(Outlet)
class OutletAdmin(KeepsWhatReadersSee, admin.ModelAdmin):
    list_display = ["name", "domain", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["name", "domain"]

    def in_public_use(self, outlet: Outlet | None) -> bool:
        """Readers see it as the publisher of an appearance."""
        return outlet is not None and (
            Claim.objects.filter(
                status__in=PUBLIC_STATES, mentions__article__outlet=outlet
            ).exists()
        )

    def get_readonly_fields(self, request, obj=None):
        if self.in_public_use(obj):
            return ["name", "domain"]
        return super().get_readonly_fields(request, obj)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "outlet",
        "active",
        "poll_interval",
        "last_polled_at",
        "last_new_entries",
        "last_error",
    ]
    list_filter = ["active", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url"]
    readonly_fields = [
        "etag",
        "modified",
        "last_polled_at",
        "last_success_at",
        "last_new_entries",
        "last_error",
        "created_at",
    ]
    fields = [
        "url",
        "title",
        "outlet",
        "language",
        "active",
        "poll_interval",
        "next_poll_at",
        *readonly_fields,
    ]
    raw_id_fields = ["outlet"]
    actions = ["poll_now"]

    @admin.action(description=gettext_lazy("Poll now"))
    def poll_now(self, request, queryset) -> None:
        count = 0
        for feed in queryset.filter(active=True):
            poll_feed.delay(feed.pk)
            count += 1
        sent = ngettext("%d feed sent for polling.", "%d feeds sent for polling.", count)
        self.message_user(request, sent % count)


@admin.register(Article)
class ArticleAdmin(KeepsWhatReadersSee, admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "status", "mention_count", "created_at"]
    list_filter = ["status", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "text"]
    readonly_fields = [
        # The pipeline's own: set by fetching and extraction runs, never by hand (a status
        # set here could let a second extraction start beside a running one).
        "status",
        "error",
        "duplicate_of",
        "content_hash",
        "canonical_url",
        "pipeline_version",
        "created_at",
        "updated_at",
        "processed_at",
        "enqueued_at",
        "sweep_count",
    ]
    raw_id_fields = ["outlet", "submitted_by", "feed"]
    date_hierarchy = "created_at"
    actions = ["extract_again", "retry_failed"]

    def in_public_use(self, article: Article) -> bool:
        """Readers see (or an approval covers) its mentions, anchored to its text."""
        return article.mentions.filter(claim__status__in=PUBLIC_STATES).exists()

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and self.in_public_use(obj):
            # The timeline and ClaimReview show them: they change with the claim's
            # correction path, not here.
            fields += ["text", "title", "url", "published_at", "outlet", "language", "byline"]
        return fields

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        public_cache_invalidate()


    @admin.display(description=gettext_lazy("Mentions"))
    def mention_count(self, article: Article) -> int:
        return article.mentions.count()

    @admin.action(description=gettext_lazy("Extract claims again"))
    def extract_again(self, request, queryset) -> None:
        count = running = 0
        for article in queryset.exclude(text=""):
            if article_requeue(article=article).status == Article.Status.QUEUED:
                count += 1
            else:
                running += 1
        message = ngettext(
            "%d article queued for extraction.", "%d articles queued for extraction.", count
        ) % count
        if running:
            message += " " + ngettext(
                "%d left alone: its claims are being extracted right now.",
                "%d left alone: their claims are being extracted right now.",
                running,
            ) % running
        self.message_user(request, message)

    @admin.action(description=gettext_lazy("Retry failed articles"))
    def retry_failed(self, request, queryset) -> None:
        count = 0
        for article in queryset.filter(status=Article.Status.FAILED):
            article_retry(article=article)
            count += 1
        self.message_user(
            request,
            ngettext("%d failed article sent again.", "%d failed articles sent again.", count)
            % count,
        )
