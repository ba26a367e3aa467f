from django.contrib import admin

from articles.models import Article, Outlet
from articles.services import article_requeue


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "language", "created_at"]
    list_filter = ["language"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "status", "mention_count", "created_at"]
    list_filter = ["status", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "text"]
    readonly_fields = [
        "content_hash",
        "pipeline_version",
        "created_at",
        "updated_at",
        "processed_at",
    ]
    raw_id_fields = ["outlet", "submitted_by"]
    date_hierarchy = "created_at"
    actions = ["extract_again"]

    @admin.display(description="Mentions")
    def mention_count(self, article: Article) -> int:
        return article.mentions.count()

    @admin.action(description="Extract claims again")
    def extract_again(self, request, queryset) -> None:
        count = 0
        for article in queryset.exclude(text=""):
            article_requeue(article=article)
            count += 1
        self.message_user(request, f"{count} article(s) queued for extraction.")
