import hashlib
import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Language(models.TextChoices):
    FRENCH = "fr", "French"
    ENGLISH = "en", "English"


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
        QUEUED = "queued", "Queued"
        FETCHING = "fetching", "Fetching"
        EXTRACTING = "extracting", "Extracting claims"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

        @classmethod
        def in_progress(cls) -> list[str]:
            return [cls.QUEUED, cls.FETCHING, cls.EXTRACTING]

    url = models.URLField(max_length=2000, blank=True)
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

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "fetching", "extracting", "ready", "failed"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""),
                name="article_failed_has_error",
            ),
        ]
        indexes = [
            # The article list and the sweeper of stuck articles filter by status, newest first.
            models.Index(fields=["status", "-created_at"], name="article_status_created_idx"),
            # Deduplication looks up the fingerprint of an incoming text.
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", args=[self.pk])

    @property
    def is_processing(self) -> bool:
        return self.status in Article.Status.in_progress()
