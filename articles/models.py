import hashlib
import re
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class Outlet(models.Model):
    """A publisher: Al Jazeera, the Wall Street Journal, a regional daily."""

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True, help_text="e.g. aljazeera.com")
    language = models.CharField(max_length=2, choices=Language, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def content_hash(text: str) -> str:
    """A fingerprint of an article's text that ignores case and whitespace differences."""
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class ArticleQuerySet(models.QuerySet):
    def processing(self) -> "ArticleQuerySet":
        return self.filter(status__in=Article.Status.in_progress())


class Article(models.Model):
    """One news article, stored as soon as it enters, whatever happens to it next."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        FETCHING = "fetching", _("Fetching")
        EXTRACTING = "extracting", _("Extracting claims")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        UNSUPPORTED = "unsupported", _("Unsupported language")
        DUPLICATE = "duplicate", _("Duplicate")

        @classmethod
        def in_progress(cls) -> list[str]:
            return [cls.QUEUED, cls.FETCHING, cls.EXTRACTING]

        @classmethod
        def with_error(cls) -> list[str]:
            """Statuses whose `error` explains to a person what happened."""
            return [cls.FAILED, cls.UNSUPPORTED]

    url = models.URLField(max_length=2000, blank=True, help_text="The submitted link, canonical.")
    canonical_url = models.URLField(
        max_length=2000, blank=True, help_text="The page's own canonical link, when different."
    )
    feed = models.ForeignKey(
        "Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="The article already holding the same page or text.",
    )
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=2, choices=Language, blank=True)
    text = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(max_length=20, choices=Status, default=Status.QUEUED)
    error = models.TextField(blank=True, help_text="Why processing failed, in plain words.")
    pipeline_version = models.CharField(max_length=40, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    enqueued_at = models.DateTimeField(
        null=True, blank=True, help_text="When its next task was handed to the queue."
    )
    sweep_count = models.PositiveSmallIntegerField(
        default=0, help_text="How many times the sweeper had to send it again."
    )
    # Claim extraction takes the article with a fresh run token; only the run holding the
    # current token may store mentions, so two runs never both write (claims.services).
    extraction_run = models.UUIDField(
        null=True, blank=True, editable=False, help_text="The extraction run that owns it."
    )
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When its extraction run last beat."
    )
    extraction_attempts = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="Extraction runs started since one last finished."
    )
    # Re-fetching the page of a linked article (articles.refetch, issue 13): the validators
    # the site sent last, when it was checked and when it is due again (None: no more).
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_refetched_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_refetch_at = models.DateTimeField(null=True, blank=True, editable=False)
    refetch_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="How many times its page was fetched again."
    )
    refetch_error = models.TextField(
        blank=True, editable=False, help_text="Why the last re-fetch failed, in plain words."
    )
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="The number of the version its text is."
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "queued",
                        "fetching",
                        "extracting",
                        "ready",
                        "failed",
                        "unsupported",
                        "duplicate",
                    ]
                ),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["failed", "unsupported"]) | ~Q(error=""),
                name="article_failed_has_error",
            ),
        ]
        indexes = [
            # The article list and the sweeper of stuck articles filter by status, newest first.
            models.Index(fields=["status", "-created_at"], name="article_status_created_idx"),
            # The review queue pages newest (or oldest) first: walking this index (backwards
            # for newest) stops after a page of articles with pending mentions instead of
            # sorting them all (page query 31 ms -> 2 ms at 100,000 mentions).
            models.Index(fields=["created_at", "id"], name="article_created_id_idx"),
            # Celery beat's refetch_due_articles: linked articles whose re-fetch is due.
            models.Index(
                fields=["next_refetch_at"],
                condition=~Q(url=""),
                name="article_refetch_due_idx",
            ),
            # Deduplication looks up the fingerprint of an incoming text.
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
            # Deduplication also looks a submitted link up among pages' canonical links.
            models.Index(
                fields=["canonical_url"],
                condition=~Q(canonical_url=""),
                name="article_canonical_url_idx",
            ),
            # Speaker and outlet pages (claims.source_profiles) count a source's mentions by
            # month and outlet: their articles' dates and outlet from this index alone, never
            # the wide rows with the text (a source's month chart 117 ms -> 19 ms at 500,000
            # mentions).
            models.Index(
                fields=["id"],
                include=["outlet", "published_at", "created_at"],
                name="article_outlet_dates_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def dated(self):
        """The article's own publication date, else when claimtrack stored it: the date its
        appearances are ordered by (MentionQuerySet.in_time_order), its age is counted from
        (articles.refetch) and other reports are placed against ("2 days earlier")."""
        return self.published_at or self.created_at

    @property
    def is_processing(self) -> bool:
        return self.status in Article.Status.in_progress()

    @property
    def is_being_extracted(self) -> bool:
        """A live extraction run owns the article: its heartbeat is recent."""
        if self.status != Article.Status.EXTRACTING or self.extraction_run is None:
            return False
        alive_after = timezone.now() - timedelta(
            seconds=settings.CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT
        )
        return self.heartbeat_at is not None and self.heartbeat_at > alive_after

    @property
    def needs_fetching(self) -> bool:
        """A submitted link whose page has not been read yet."""
        return bool(self.url) and not self.text

    @property
    def progress_message(self) -> str:
        """What is happening to an article in progress, for the status line."""
        if self.status == Article.Status.QUEUED:
            if self.needs_fetching:
                return gettext("Waiting for a worker to fetch the page…")
            return gettext("Waiting for a worker to extract the claims…")
        if self.status == Article.Status.FETCHING:
            return gettext("Fetching the page…")
        if self.status == Article.Status.EXTRACTING:
            return gettext("Extracting the claims…")
        return ""


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled by Celery beat; new entries become articles."""

    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds"
    )
    language = models.CharField(
        max_length=2,
        choices=Language,
        blank=True,
        help_text="Force the language of its articles; blank detects it for each article.",
    )
    active = models.BooleanField(default=True)
    poll_interval = models.PositiveIntegerField(default=30, help_text="Minutes between two polls.")
    etag = models.CharField(max_length=500, blank=True, editable=False)
    modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, editable=False)
    last_new_entries = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(poll_interval__gte=1), name="feed_poll_interval_positive"
            ),
        ]
        indexes = [
            # Celery beat looks for the active feeds whose next poll is due.
            models.Index(fields=["active", "next_poll_at"], name="feed_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.url


class ArticleVersion(models.Model):
    """One text an article's page had, kept when a re-fetch found it changed (issue 13).

    Version 1 is the text as first stored; each later one is a text the site changed to.
    Versions are never overwritten: the article's `text` is always its latest version's.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    content_hash = models.CharField(max_length=64)
    title = models.CharField(max_length=500, blank=True)
    fetched_at = models.DateTimeField()
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="article_version_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="article_version_number_1"),
        ]

    def __str__(self) -> str:
        return f"Article {self.article_id}, version {self.number}"
