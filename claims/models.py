from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from articles.models import Article, Language


class Source(models.Model):
    """Who speaks: a person, an institution, a publication, or an anonymous source."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        GOVERNMENT = "government", "Government"
        PUBLICATION = "publication", "Publication"
        GROUP = "group", "Group"
        ANONYMOUS = "anonymous", "Anonymous"

    name = models.CharField(
        max_length=300, help_text="The name, or for anonymous sources their description."
    )
    normalized_name = models.CharField(max_length=300, editable=False)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PERSON)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # Named sources are shared across articles; each anonymous source is its own row,
            # since "a senior official" in two articles need not be the same person.
            models.UniqueConstraint(
                fields=["normalized_name", "kind"],
                condition=~Q(kind="anonymous"),
                name="source_named_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ClaimQuerySet(models.QuerySet):
    def published(self) -> "ClaimQuerySet":
        """What readers may see: published claims only."""
        return self.filter(status=Claim.Status.PUBLISHED, published_at__isnull=False)


class Claim(models.Model):
    """A statement tracked across articles and languages, with what is known about it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    class Sourcing(models.TextChoices):
        UNASSESSED = "unassessed", "Not assessed yet"
        NAMED = "named", "Named, on the record"
        ANONYMOUS = "anonymous", "Anonymous"
        DOCUMENTARY = "documentary", "Documentary"
        RELAYED = "relayed", "Relayed and unverified"
        UNSOURCED = "unsourced", "Unsourced"

    class Verdict(models.TextChoices):
        TRUE = "true", "True"
        MOSTLY_TRUE = "mostly_true", "Mostly true"
        MIXED = "mixed", "Mixed"
        MOSTLY_FALSE = "mostly_false", "Mostly false"
        FALSE = "false", "False"
        MISLEADING = "misleading", "Misleading"
        UNVERIFIABLE = "unverifiable", "Unverifiable"

    statement = models.TextField(help_text="The claim in one normalised sentence.")
    slug = models.SlugField(max_length=120, unique=True)
    claimant = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    language = models.CharField(max_length=2, choices=Language, blank=True)
    sourcing = models.CharField(max_length=20, choices=Sourcing, default=Sourcing.UNASSESSED)
    verdict = models.CharField(max_length=20, choices=Verdict, blank=True)
    conclusion = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_claims",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | (Q(published_at__isnull=False) & ~Q(verdict="")),
                name="claim_published_has_verdict_and_date",
            ),
        ]
        indexes = [
            # Claim.objects.published() lists published claims, most recent first.
            models.Index(fields=["status", "-published_at"], name="claim_status_published_idx"),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    def get_absolute_url(self) -> str:
        return reverse("claims:detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == Claim.Status.PUBLISHED and self.published_at is not None


class Mention(models.Model):
    """One attributed statement in one article, as the extractor (or a journalist) found it."""

    class QuoteType(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Indirect speech"

    class Stance(models.TextChoices):
        ASSERTS = "asserts", "Asserts"
        DENIES = "denies", "Denies"
        DECLINES_COMMENT = "declines_comment", "Declines to comment"
        CANNOT_VERIFY = "cannot_verify", "Could not verify"

    class ReviewState(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    speaker = models.CharField(max_length=300, blank=True, help_text="The speaker as written.")
    speaker_type = models.CharField(max_length=20, choices=Source.Kind, blank=True)
    content = models.TextField(help_text="The exact span of the article text.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    cue = models.CharField(max_length=200, blank=True)
    quote_type = models.CharField(max_length=10, choices=QuoteType, default=QuoteType.INDIRECT)
    stance = models.CharField(max_length=20, choices=Stance, default=Stance.ASSERTS)
    via = models.JSONField(default=list, blank=True, help_text="Relaying outlets, in order.")
    confidence = models.FloatField(default=0.5)
    rule = models.CharField(max_length=100, blank=True, help_text="The extraction rule used.")
    extractor_version = models.CharField(max_length=40, blank=True)
    review_state = models.CharField(
        max_length=20, choices=ReviewState, default=ReviewState.UNREVIEWED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_not_empty"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="mention_confidence_0_1",
            ),
        ]
        indexes = [
            # The article page lists an article's mentions in text order.
            models.Index(fields=["article", "start"], name="mention_article_start_idx"),
            # The review queue looks for articles that still have unreviewed mentions.
            models.Index(fields=["review_state", "article"], name="mention_review_article_idx"),
        ]

    def __str__(self) -> str:
        who = self.speaker or "unknown speaker"
        return f"{who}: {self.content[:60]}"

    @property
    def relay_chain(self) -> list[str]:
        """Original speaker → relaying outlets → the outlet that published the article."""
        chain = [self.speaker or "?", *(self.via or [])]
        outlet = self.article.outlet.name if self.article.outlet_id else ""
        if outlet and chain[-1] != outlet:
            chain.append(outlet)
        return chain
