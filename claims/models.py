from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_lazy
from simple_history.models import HistoricalRecords

from articles.models import Article, Language


class Source(models.Model):
    """Who speaks: a person, an institution, a publication, or an anonymous source."""

    class Kind(models.TextChoices):
        PERSON = "person", gettext_lazy("Person")
        ORGANIZATION = "organization", gettext_lazy("Organization")
        GOVERNMENT = "government", gettext_lazy("Government")
        PUBLICATION = "publication", gettext_lazy("Publication")
        GROUP = "group", gettext_lazy("Group")
        ANONYMOUS = "anonymous", gettext_lazy("Anonymous")

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

    def get_absolute_url(self) -> str:
        """The readers' speaker page (claims.public.speaker_views): public for a named
        source with a published claim, never for an anonymous one."""
        return reverse("claims:speaker", args=[self.pk])

    def get_newsroom_url(self) -> str:
        return reverse("review:source", args=[self.pk])

    @property
    def is_anonymous(self) -> bool:
        return self.kind == Source.Kind.ANONYMOUS


class SourceAlias(models.Model):
    """Another way people write a source ("le WSJ" for the Wall Street Journal): the
    normalised form (claims.source_names.name_key) points at the one Source it names.

    Added by editors in the admin, or learned when a journalist corrects a speaker.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=300, help_text="As written.")
    normalized = models.CharField(max_length=300, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "source aliases"
        constraints = [
            # One spelling names one source; its unique index is what lookups by alias use.
            models.UniqueConstraint(fields=["normalized"], name="source_alias_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.source}"


class Rating(models.Model):
    """One step of the newsroom's published rating scale (configurable in the admin)."""

    slug = models.SlugField(max_length=40, unique=True)
    label = models.CharField(max_length=60, help_text="In English.")
    description = models.TextField(
        help_text="What this rating means, shown to readers, in English."
    )
    label_fr = models.CharField(
        "label (French)", max_length=60, blank=True, help_text="Empty: the English label is shown."
    )
    description_fr = models.TextField(
        "description (French)", blank=True, help_text="Empty: the English description is shown."
    )
    score = models.SmallIntegerField(
        null=True,
        blank=True,
        help_text="Position on the true-to-false scale (higher is truer); empty for ratings "
        "off the scale, such as Unverifiable.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.display_label

    def _in_language(self, field: str) -> str:
        """The field in the interface language, falling back to English when untranslated."""
        if (get_language() or "").startswith("fr"):
            return getattr(self, f"{field}_fr") or getattr(self, field)
        return getattr(self, field)

    @property
    def display_label(self) -> str:
        return self._in_language("label")

    @property
    def display_description(self) -> str:
        return self._in_language("description")


class ClaimQuerySet(models.QuerySet):
    def published(self) -> "ClaimQuerySet":
        """What readers may see: published claims only."""
        return self.filter(status=Claim.Status.PUBLISHED, published_at__isnull=False)

    def with_last_public_change(self) -> "ClaimQuerySet":
        """Annotate `last_public_change`: the latest correction, else the publication date.

        A published claim only changes for readers through a correction note, so this is the
        "updated" date of its page, feed entry and sitemap entry.
        """
        return self.annotate(
            last_public_change=Coalesce(Max("corrections__created_at"), F("published_at"))
        )


class Claim(models.Model):
    """A statement tracked across articles and languages, with what is known about it."""

    class Status(models.TextChoices):
        DRAFT = "draft", gettext_lazy("Draft")
        IN_REVIEW = "in_review", gettext_lazy("In review")
        PUBLISHED = "published", gettext_lazy("Published")

    class Sourcing(models.TextChoices):
        UNASSESSED = "unassessed", gettext_lazy("Not assessed yet")
        NAMED = "named", gettext_lazy("Named, on the record")
        ANONYMOUS = "anonymous", gettext_lazy("Anonymous")
        DOCUMENTARY = "documentary", gettext_lazy("Documentary")
        RELAYED = "relayed", gettext_lazy("Relayed and unverified")
        UNSOURCED = "unsourced", gettext_lazy("Unsourced")

    statement = models.TextField(help_text="The claim in one normalised sentence.")
    slug = models.SlugField(max_length=120, unique=True)
    claimant = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    language = models.CharField(max_length=2, choices=Language, blank=True)
    sourcing = models.CharField(max_length=20, choices=Sourcing, default=Sourcing.UNASSESSED)
    verdict = models.ForeignKey(
        Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    conclusion = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    publication_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who asked for publication; a second editor approves.",
    )
    publication_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    publication_snapshot = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="What readers would see, pinned when publication was requested: the second "
        "editor approves exactly this (claims.services.claim_public_content).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="created_claims",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["updated_at", "publication_snapshot"],
        history_change_reason_field=models.TextField(null=True),
    )
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [
            ("publish_claim", "Can publish and unpublish claims"),
            ("rule_claim", "Can set verdicts and sourcing of any claim"),
            ("assign_task", "Can assign verification tasks"),
            ("review_mention", "Can review extracted mentions"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(published_at__isnull=False) & Q(verdict__isnull=False)),
                name="claim_published_has_verdict_and_date",
            ),
        ]
        indexes = [
            # Claim.objects.published() lists published claims, most recent first.
            models.Index(fields=["status", "-published_at"], name="claim_status_published_idx"),
            # Speaker and outlet pages (claims.source_profiles.claim_page) order a source's
            # claims (thousands for a big one) from this index alone, then read one page.
            models.Index(
                fields=["id"],
                include=["updated_at", "published_at", "status"],
                name="claim_id_order_idx",
            ),
            # Readers' speaker and outlet pages: "the mention's claim is published" as a
            # semi-join on this small index (claims.source_profiles.public_mentions).
            models.Index(
                fields=["id"],
                condition=Q(status="published", published_at__isnull=False),
                name="claim_published_id_idx",
            ),
            # The dashboard's new claims per week and verdicts (claims.dashboard.claim_weeks,
            # verdict_distribution): claims started in a period, read from the index alone.
            models.Index(
                fields=["created_at", "language", "verdict", "status"], name="claim_created_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    def get_absolute_url(self) -> str:
        return reverse("claims:detail", args=[self.slug])

    def get_workspace_url(self) -> str:
        return reverse("review:claim", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == Claim.Status.PUBLISHED and self.published_at is not None


class MentionQuerySet(models.QuerySet):
    def pending(self) -> "MentionQuerySet":
        """Mentions still waiting for a journalist's decision."""
        return self.filter(
            review_state__in=[Mention.ReviewState.UNREVIEWED, Mention.ReviewState.CORRECTED]
        )

    def doubtful(self) -> "MentionQuerySet":
        """Mentions whose calibrated confidence says: check them against the text first."""
        return self.filter(confidence__lt=Mention.DOUBTFUL_BELOW)

    def public(self) -> "MentionQuerySet":
        """Appearances readers may see: mentions a journalist accepted."""
        return self.filter(review_state=Mention.ReviewState.ACCEPTED)

    def in_time_order(self) -> "MentionQuerySet":
        """In the order a claim spread: by their articles' dates (Article.dated, annotated
        as `appeared_at`), then article and position, with the article and its outlet."""
        return (
            self.select_related("article__outlet")
            .defer("article__text")
            .annotate(appeared_at=Coalesce("article__published_at", "article__created_at"))
            .order_by("appeared_at", "article_id", "start", "id")
        )


class Mention(models.Model):
    """One attributed statement in one article, as the extractor (or a journalist) found it."""

    # Confidence is the precision the extractor's rule had on annotated real news
    # (claims/extraction/calibration.py): below this, fewer than about half were right.
    DOUBTFUL_BELOW = 0.5

    class QuoteType(models.TextChoices):
        DIRECT = "direct", gettext_lazy("Direct quote")
        INDIRECT = "indirect", gettext_lazy("Indirect speech")

    class Stance(models.TextChoices):
        ASSERTS = "asserts", gettext_lazy("Asserts")
        DENIES = "denies", gettext_lazy("Denies")
        DECLINES_COMMENT = "declines_comment", gettext_lazy("Declines to comment")
        CANNOT_VERIFY = "cannot_verify", gettext_lazy("Could not verify")

    class ReviewState(models.TextChoices):
        UNREVIEWED = "unreviewed", gettext_lazy("Unreviewed")
        CORRECTED = "corrected", gettext_lazy("Corrected, not yet accepted")
        ACCEPTED = "accepted", gettext_lazy("Accepted")
        REJECTED = "rejected", gettext_lazy("Rejected")

    class RejectionReason(models.TextChoices):
        NOT_A_CLAIM = "not_a_claim", gettext_lazy("Not a claim")
        WRONG_SPEAKER = "wrong_speaker", gettext_lazy("Wrong speaker or span")
        DUPLICATE = "duplicate", gettext_lazy("Duplicate")
        NOT_CHECKABLE = "not_checkable", gettext_lazy("Not checkable")
        OTHER = "other", gettext_lazy("Other")

    class Anchoring(models.TextChoices):
        EXACT = "exact", gettext_lazy("Found unchanged")
        FUZZY = "fuzzy", gettext_lazy("Found changed")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    responds_to = models.ForeignKey(
        Claim,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
        help_text="For a denial, a refusal to comment or a failed verification: the claim it "
        "answers (claims.responses). A response is never an appearance of a claim.",
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    speaker = models.CharField(max_length=300, blank=True, help_text="The speaker as written.")
    speaker_type = models.CharField(max_length=20, choices=Source.Kind, blank=True)
    # "lieutenant-général" of "le lieutenant-général Ihor Romanenko": the source is the
    # person, the title is shown beside the name (claims.source_names.split_title).
    speaker_title = models.CharField(max_length=100, blank=True)
    content = models.TextField(help_text="The exact span of the article text.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    cue = models.CharField(max_length=200, blank=True)
    quote_type = models.CharField(max_length=10, choices=QuoteType, default=QuoteType.INDIRECT)
    stance = models.CharField(max_length=20, choices=Stance, default=Stance.ASSERTS)
    via = models.JSONField(default=list, blank=True, help_text="Relaying outlets, in order.")
    hedges = models.JSONField(
        default=list,
        blank=True,
        help_text="How the article hedges it, as the extractor saw it: conditional, allegedly, "
        "unverified, anonymous, attributed (claims.extraction.types.HEDGES). Empty: bare.",
    )
    # Names, numbers, dates and English stems of the statement as words (claims.matching):
    # what the full-text index finds the same claim in other articles and languages by.
    match_signature = models.TextField(blank=True, default="", editable=False)
    confidence = models.FloatField(default=0.5)
    rule = models.CharField(max_length=100, blank=True, help_text="The extraction rule used.")
    extractor_version = models.CharField(max_length=40, blank=True)
    review_state = models.CharField(
        max_length=20, choices=ReviewState, default=ReviewState.UNREVIEWED
    )
    # Why a journalist rejected it (empty while not rejected); cleared by mention_restore.
    rejection_reason = models.CharField(max_length=20, choices=RejectionReason, blank=True)
    rejection_note = models.CharField(max_length=500, blank=True)
    # Set when the article's page was fetched again and changed (articles.refetch): how the
    # span was found in the new text, or when it could not be found any more (its offsets
    # then still point into the version it was found in).
    anchored = models.CharField(max_length=10, choices=Anchoring, blank=True, editable=False)
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What the extractor predicted, as it predicted it (claims.decisions.EXTRACTED_FIELDS,
    # and the article's text `version`): kept when a journalist corrects the mention, so the
    # review is labelled data (claims.extractor_quality). Null: a statement added by hand
    # (rule "manual"), or one corrected before predictions were kept (original unknown).
    extracted = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_not_empty"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="mention_confidence_0_1",
            ),
            # A mention is an appearance of a claim or a response to one, never both.
            models.CheckConstraint(
                condition=Q(claim__isnull=True) | Q(responds_to__isnull=True),
                name="mention_appearance_or_response",
            ),
        ]
        indexes = [
            # The article page lists an article's mentions in text order.
            models.Index(fields=["article", "start"], name="mention_article_start_idx"),
            # The review queue: which articles still have mentions waiting for a decision.
            models.Index(
                fields=["article"],
                condition=Q(review_state__in=["unreviewed", "corrected"]),
                name="mention_pending_article_idx",
            ),
            # Speaker pages (claims.source_profiles): a source's mentions by review state —
            # its counts of stances, relays and anonymity by month and outlet, its claims
            # through accepted mentions — read from the index alone (covering), never from
            # the wide rows (content, signature) scattered over the table.
            models.Index(
                fields=["source", "review_state"],
                include=[
                    "article",
                    "claim",
                    "responds_to",
                    "stance",
                    "speaker_type",
                    "via",
                    "hedges",
                ],
                name="mention_source_state_idx",
            ),
            # The dashboard's review backlog by age (claims.dashboard.review_backlog): the
            # pending mentions by when they were found, without reading the mentions.
            models.Index(
                fields=["created_at", "article"],
                condition=Q(review_state__in=["unreviewed", "corrected"]),
                name="mention_pending_created_idx",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker or "unknown speaker"
        return f"{who}: {self.content[:60]}"

    @property
    def hedge_labels(self) -> list[str]:
        """The hedges in the interface language."""
        labels = {
            "conditional": gettext("conditional"),
            "allegedly": gettext("allegedly"),
            "unverified": gettext("not verified"),
            "anonymous": gettext("anonymous source"),
            "attributed": gettext("attributed (according to)"),
        }
        return [labels.get(h, h) for h in self.hedges or []]

    @property
    def is_response(self) -> bool:
        """A denial, a refusal to comment, a failed verification: it answers a claim."""
        return self.stance != Mention.Stance.ASSERTS

    @property
    def relay_chain(self) -> list[str]:
        """Original speaker → relaying outlets → the outlet that published the article."""
        # Names compare normalised ("The Gazette" is "Gazette", "le WSJ" the Wall Street
        # Journal): a relay repeating the speaker, itself, or the article's own outlet under
        # another form is a self-relay and never shown.
        from claims.source_names import name_key

        outlet = self.article.outlet.name if self.article.outlet_id else ""
        outlet_key = name_key(outlet) if outlet else None
        chain = [self.speaker or "?"]
        seen = {name_key(self.speaker)} if self.speaker else set()
        for link in self.via or []:
            key = name_key(link)
            if key and key not in seen and key != outlet_key:
                chain.append(link)
                seen.add(key)
        if outlet and outlet_key not in seen:
            chain.append(outlet)
        return chain


class EvidenceQuerySet(models.QuerySet):
    def approved(self) -> "EvidenceQuerySet":
        """Evidence an editor vetted: the only evidence readers see."""
        return self.filter(is_approved=True)


class Evidence(models.Model):
    """A source consulted while verifying a claim."""

    class Kind(models.TextChoices):
        PRIMARY_DOCUMENT = "primary_document", gettext_lazy("Primary document")
        OFFICIAL_STATEMENT = "official_statement", gettext_lazy("Official statement")
        EXPERT = "expert", gettext_lazy("Expert")
        MEDIA_REPORT = "media_report", gettext_lazy("Media report")
        DATASET = "dataset", gettext_lazy("Dataset")

    class Relation(models.TextChoices):
        SUPPORTS = "supports", gettext_lazy("Supports the claim")
        REFUTES = "refutes", gettext_lazy("Refutes the claim")
        CONTEXT = "context", gettext_lazy("Gives context")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, choices=Kind, default=Kind.MEDIA_REPORT)
    relation = models.CharField(max_length=20, choices=Relation, default=Relation.CONTEXT)
    note = models.TextField(blank=True)
    is_approved = models.BooleanField(
        default=False, help_text="Approved by an editor: only approved evidence is public."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "evidence"
        indexes = [
            # The claim workspace and public page list a claim's evidence in order.
            models.Index(fields=["claim", "created_at"], name="evidence_claim_created_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    """An internal note on a claim; never shown to readers."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The claim workspace lists a claim's comments in order.
            models.Index(fields=["claim", "created_at"], name="comment_claim_created_idx"),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class TaskQuerySet(models.QuerySet):
    def open(self) -> "TaskQuerySet":
        return self.filter(state=Task.State.OPEN)

    def overdue(self, today=None) -> "TaskQuerySet":
        return self.open().filter(due_date__lt=today or timezone.localdate())


class Task(models.Model):
    """Verification work on a claim, assigned by an editor."""

    class State(models.TextChoices):
        OPEN = "open", gettext_lazy("Open")
        DONE = "done", gettext_lazy("Done")
        CANCELLED = "cancelled", gettext_lazy("Cancelled")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tasks"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=State, default=State.OPEN)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [
            # "My tasks" and the editors' board: open tasks per assignee by due date.
            models.Index(
                fields=["assignee", "state", "due_date"], name="task_assignee_state_due_idx"
            ),
            # Permission checks: does this user have an open task on this claim?
            models.Index(fields=["claim", "assignee", "state"], name="task_claim_assignee_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.state == Task.State.OPEN
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )


class Correction(models.Model):
    """A public note on what changed in a claim after it was first published: a correction,
    a withdrawal, or a new publication after a withdrawal (with the verdict it came back
    with). Each moves the claim's "updated" date (Claim.objects.with_last_public_change)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", gettext_lazy("Correction")
        UNPUBLISHED = "unpublished", gettext_lazy("Withdrawn")
        REPUBLISHED = "republished", gettext_lazy("Published again")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(blank=True, help_text="The editor's note, as written.")
    verdict = models.ForeignKey(
        Rating,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a new publication: the verdict the claim was published with.",
    )
    changes = models.JSONField(
        default=list,
        blank=True,
        help_text="What an approved change altered, recorded automatically: "
        '[{"part": "verdict", "from": "…", "to": "…"}] (claims.published_changes).',
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.public_text[:60]

    @property
    def public_text(self) -> str:
        """The note as readers see it, in the interface language."""
        if self.kind == self.Kind.UNPUBLISHED:
            return gettext("Withdrawn: %(reason)s") % {"reason": self.text}
        if self.kind == self.Kind.REPUBLISHED:
            if self.verdict is None:
                return gettext("Published again.")
            return gettext("Published again with the verdict “%(verdict)s”.") % {
                "verdict": self.verdict.display_label
            }
        return self.text

    @property
    def change_lines(self) -> list[str]:
        """What an approved change altered, from → to, in the interface language."""
        parts = {
            "verdict": gettext("Verdict"),
            "sourcing": gettext("Sourcing"),
        }
        french = (get_language() or "").startswith("fr")
        sourcing = dict(Claim.Sourcing.choices)
        lines = []
        for change in self.changes or []:
            part = change.get("part")
            if part == "conclusion":
                lines.append(gettext("Conclusion updated."))
                continue
            old, new = change.get("from"), change.get("to")
            if part == "verdict" and french:  # the French labels the scale had then
                old, new = change.get("from_fr") or old, change.get("to_fr") or new
            if part == "sourcing" and "from_code" in change:  # labels in today's language
                old = str(sourcing.get(change["from_code"], old))
                new = str(sourcing.get(change["to_code"], new))
            lines.append(
                gettext("%(part)s: %(old)s → %(new)s")
                % {"part": parts.get(part, part), "old": old or "—", "new": new or "—"}
            )
        return lines


class PendingChange(models.Model):
    """A change to the ruling of a published claim (verdict, conclusion, sourcing) that waits
    for a second editor: readers keep the approved version until it is approved
    (claims.published_changes)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="pending_changes")
    verdict = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="+")
    conclusion = models.TextField()
    sourcing = models.CharField(max_length=20, choices=Claim.Sourcing)
    note = models.TextField(help_text="The editor's public correction note.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["requested_at", "id"]
        constraints = [
            # One change waits at a time, so the second editor approves exactly one proposal.
            models.UniqueConstraint(fields=["claim"], name="pending_change_one_per_claim"),
        ]

    def __str__(self) -> str:
        return f"Pending change of claim {self.claim_id}"


class Notification(models.Model):
    """Something a newsroom member should look at: a request for their approval, a comment
    naming them, a task they assigned that is done (claims.notifications)."""

    class Kind(models.TextChoices):
        PUBLICATION_REQUESTED = "publication_requested", gettext_lazy("Publication requested")
        CHANGE_REQUESTED = "change_requested", gettext_lazy("Change of a published claim")
        MENTIONED = "mentioned", gettext_lazy("Mentioned in a comment")
        TASK_DONE = "task_done", gettext_lazy("Task done")
        ALERT = "alert", gettext_lazy("Alert on a claim")
        MATCHES_PROPOSED = "matches_proposed", gettext_lazy("Matches waiting for review")
        ANNOTATION_ASSIGNED = "annotation_assigned", gettext_lazy("Articles to annotate")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    alert = models.ForeignKey(
        "Alert", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    # Matches proposed for an article's statements concern the article, not one claim.
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.TextField(blank=True, help_text="The detail: a comment, a task's title.")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The menu badge counts a user's unread notifications on every newsroom page.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            # The notifications page lists a user's notifications, newest first.
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.recipient_id}"

    def get_absolute_url(self) -> str:
        if self.claim_id:
            return self.claim.get_workspace_url()
        if self.article_id:
            return reverse("review:article", args=[self.article_id])
        if self.kind == self.Kind.ANNOTATION_ASSIGNED:
            return reverse("review:annotate-list")
        return reverse("review:my-tasks")

    @property
    def message(self) -> str:
        """The notification in a sentence, in the interface language."""
        who = self.actor.get_username() if self.actor_id else gettext("Someone")
        statement = self.claim.statement[:120] if self.claim_id else ""
        if self.kind == self.Kind.MATCHES_PROPOSED:
            title = self.article.title or self.article.url or f"#{self.article_id}"
            return gettext(
                "Statements of “%(article)s” may be claims already reported elsewhere: "
                "matches wait for your review."
            ) % {"article": title[:120]}
        if self.kind == self.Kind.ANNOTATION_ASSIGNED:
            return gettext(
                "%(who)s sent you articles to annotate, on your own, in the round “%(round)s”."
            ) % {"who": who, "round": self.text[:120]}
        if self.kind == self.Kind.PUBLICATION_REQUESTED:
            text = gettext("%(who)s asks you to approve the publication of “%(claim)s”.")
        elif self.kind == self.Kind.CHANGE_REQUESTED:
            text = gettext("%(who)s asks you to approve a change of the published “%(claim)s”.")
        elif self.kind == self.Kind.MENTIONED:
            text = gettext("%(who)s mentioned you in a comment on “%(claim)s”.")
        elif self.kind == self.Kind.ALERT:
            what = self.alert.get_kind_display() if self.alert_id else gettext("Alert")
            return gettext("%(what)s: “%(claim)s”.") % {"what": what, "claim": statement}
        else:
            text = gettext("%(who)s finished the task “%(task)s” on “%(claim)s”.")
        return text % {"who": who, "claim": statement, "task": self.text}


class Alert(models.Model):
    """Something changed in how a claim is reported or in its source, that an editor should
    look at (issue 13): a hedge dropped between two appearances, a source lost, a denial left
    out, a quote changed or removed at its source, a correction added to an article.
    Raised by claims.alerts.alert_raise; dismissed with a reason, never deleted."""

    class Kind(models.TextChoices):
        HEDGE_DROPPED = "hedge_dropped", gettext_lazy("Hedge dropped")
        SOURCE_DROPPED = "source_dropped", gettext_lazy("Source dropped")
        DENIAL_DROPPED = "denial_dropped", gettext_lazy("Denial dropped")
        QUOTE_CHANGED = "quote_changed", gettext_lazy("Quote changed at its source")
        QUOTE_REMOVED = "quote_removed", gettext_lazy("Quote removed at its source")
        ARTICLE_CORRECTED = "article_corrected", gettext_lazy("Correction added to an article")

        @classmethod
        def source_changes(cls) -> list[str]:
            """The kinds that mean: the article behind the claim changed (re-check it)."""
            return [cls.QUOTE_CHANGED, cls.QUOTE_REMOVED, cls.ARTICLE_CORRECTED]

    class State(models.TextChoices):
        OPEN = "open", gettext_lazy("Open")
        DISMISSED = "dismissed", gettext_lazy("Dismissed")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=30, choices=Kind)
    # The two appearances compared: the earlier (hedged, sourced, or the old text) and the
    # later one. A correction notice has only the article (`article`) and maybe `earlier`.
    earlier = models.ForeignKey(
        Mention, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    later = models.ForeignKey(
        Mention, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alerts",
        help_text="The article whose arrival or new version raised it.",
    )
    detail = models.TextField(help_text="What changed, in a sentence (English, as stored).")
    data = models.JSONField(
        default=dict,
        blank=True,
        help_text='The facts behind it, e.g. {"lost": ["conditional"]} or the old and new text.',
    )
    state = models.CharField(max_length=20, choices=State, default=State.OPEN)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismiss_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="open") | ~Q(dismiss_reason=""),
                name="alert_dismissed_has_reason",
            ),
        ]
        indexes = [
            # The editors' board and /api/alerts/?state=open: open alerts, newest first.
            models.Index(fields=["state", "-created_at"], name="alert_state_created_idx"),
            # A claim's workspace lists its alerts.
            models.Index(fields=["claim", "state"], name="alert_claim_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id}"

    @property
    def is_source_change(self) -> bool:
        """The re-check trigger: the article behind a published claim changed."""
        return (
            self.kind in Alert.Kind.source_changes() and self.claim.status == Claim.Status.PUBLISHED
        )

    @property
    def sides(self) -> list[tuple["Mention | None", str]]:
        """The appearances side by side, each with its role, in the interface language."""
        if self.earlier_id and self.earlier_id == self.later_id:
            return [(self.later, gettext("The appearance"))]
        return [(self.earlier, gettext("Earlier")), (self.later, gettext("Later"))]


class WebhookEndpoint(models.Model):
    """An address outside claimtrack that receives the newsroom's notifications as signed
    POST requests (claims.webhooks): a chat channel, another system. Configured by editors
    in the admin; readers never set one."""

    class Format(models.TextChoices):
        JSON = "json", gettext_lazy("JSON event (signed)")
        SLACK = "slack", gettext_lazy("Slack-compatible message")

    name = models.CharField(max_length=100)
    # http(s) only (checked again when sending); Slack's incoming-webhook addresses are
    # credentials themselves, so the admin list shows only the host.
    url = models.URLField(
        max_length=2000,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=gettext_lazy("The address that receives the POST requests (http or https)."),
    )
    secret = models.CharField(
        max_length=200,
        help_text=gettext_lazy("Signs every request (HMAC-SHA256); the receiver checks it."),
    )
    format = models.CharField(max_length=10, choices=Format, default=Format.JSON)
    events = models.JSONField(
        default=list,
        blank=True,
        help_text=gettext_lazy("The notification kinds it receives; none chosen: all of them."),
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:  # never the secret, nor the address (it may hold a token)
        return f"<WebhookEndpoint {self.pk}: {self.name}>"

    def wants(self, kind: str) -> bool:
        return not self.events or kind in self.events


class WebhookDelivery(models.Model):
    """One event sent to one endpoint: its payload as sent, and how the sending went
    (claims.tasks.deliver_webhook retries with backoff, then gives up with the reason)."""

    class State(models.TextChoices):
        PENDING = "pending", gettext_lazy("Pending")
        DELIVERED = "delivered", gettext_lazy("Delivered")
        FAILED = "failed", gettext_lazy("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=30, choices=Notification.Kind)
    payload = models.JSONField(default=dict)
    state = models.CharField(max_length=20, choices=State, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True, help_text="Why the last attempt failed, in words.")
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = gettext_lazy("webhook deliveries")
        indexes = [
            # The admin lists an endpoint's deliveries, newest first, filtered by state.
            models.Index(fields=["endpoint", "state", "-created_at"], name="webhook_delivery_idx"),
            # The sweeper finds pending deliveries whose next attempt is overdue (lost message).
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="webhook_delivery_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint_id} ({self.state})"


class MentionMatch(models.Model):
    """A mention of another article that may state the same claim as `mention` (issue 13):
    proposed by claims.matching after extraction, accepted (the mention becomes an
    appearance of the candidate's claim) or rejected by a journalist."""

    class State(models.TextChoices):
        PROPOSED = "proposed", gettext_lazy("Proposed")
        ACCEPTED = "accepted", gettext_lazy("Accepted")
        REJECTED = "rejected", gettext_lazy("Rejected")

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="matches")
    candidate_mention = models.ForeignKey(
        Mention,
        on_delete=models.CASCADE,
        related_name="matched_by",
        help_text="The other appearance, in another article.",
    )
    candidate_claim = models.ForeignKey(
        Claim,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_matches",
        help_text="The claim of the candidate mention when the match was made, if any.",
    )
    score = models.FloatField()
    state = models.CharField(max_length=20, choices=State, default=State.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name_plural = "mention matches"
        constraints = [
            # Its index also serves "the matches of these mentions" (cards, API, ingest).
            models.UniqueConstraint(
                fields=["mention", "candidate_mention"], name="mention_match_unique"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="mention_match_score_0_1"
            ),
            models.CheckConstraint(
                condition=~Q(mention=F("candidate_mention")), name="mention_match_not_itself"
            ),
        ]
        indexes = [
            # The claim workspace: proposed matches whose candidate is one of its appearances.
            models.Index(fields=["candidate_mention", "state"], name="mention_match_candidate_idx"),
        ]

    def __str__(self) -> str:
        return f"Mention {self.mention_id} ~ {self.candidate_mention_id} ({self.score:.2f})"


# --- Annotation agreement (issue 14, part 5) --------------------------------------------------
# An editor sends a sample of articles to two newsroom members, who mark the statements in
# each one independently; claims.agreement measures how far they agree. These rows are the
# newsroom's measure of its own consistency: they never change Mentions, Claims or anything
# public.


class AnnotationRoundQuerySet(models.QuerySet):
    def with_progress(self) -> "AnnotationRoundQuerySet":
        """Each round with `assignment_count` and `done_count` (both annotators together)."""
        return self.annotate(
            assignment_count=models.Count("assignments", distinct=True),
            done_count=models.Count(
                "assignments",
                filter=Q(assignments__state="done"),
                distinct=True,
            ),
        )


class AnnotationRound(models.Model):
    """A sample of articles sent to two annotators (claims.services.annotation_round_create)."""

    name = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    annotator_a = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    annotator_b = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    articles = models.ManyToManyField(Article, related_name="annotation_rounds")
    # A closed round is final: its annotations can no longer change.
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = AnnotationRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # Agreement needs two different people.
            models.CheckConstraint(
                condition=~Q(annotator_a=F("annotator_b")), name="annotation_round_two_annotators"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("review:agreement-round", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def annotators(self) -> list:
        return [self.annotator_a, self.annotator_b]


class AnnotationAssignment(models.Model):
    """One article of a round for one of its two annotators."""

    class State(models.TextChoices):
        TODO = "todo", gettext_lazy("To do")
        DONE = "done", gettext_lazy("Done")

    round = models.ForeignKey(AnnotationRound, on_delete=models.CASCADE, related_name="assignments")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="annotation_assignments"
    )
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="annotation_assignments"
    )
    state = models.CharField(max_length=10, choices=State, default=State.TODO)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "article_id", "annotator_id"]
        constraints = [
            # Its index also serves a round's page (the assignments of one round).
            models.UniqueConstraint(
                fields=["round", "article", "annotator"], name="annotation_assignment_unique"
            ),
            models.CheckConstraint(
                condition=Q(state="done", done_at__isnull=False)
                | Q(state="todo", done_at__isnull=True),
                name="annotation_assignment_done_at",
            ),
        ]
        indexes = [
            # "My assignments": one annotator's, to do first.
            models.Index(fields=["annotator", "state"], name="annotation_assignment_mine_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.round} · article {self.article_id} · {self.annotator_id}"

    def get_absolute_url(self) -> str:
        return reverse("review:annotate", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.state == self.State.DONE


class Annotation(models.Model):
    """One attributed statement an annotator marked in the article of their assignment: the
    fields of a Mention, and nothing else (it is never a Mention)."""

    assignment = models.ForeignKey(
        AnnotationAssignment, on_delete=models.CASCADE, related_name="annotations"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    content = models.TextField()
    speaker = models.CharField(max_length=300, blank=True)
    speaker_type = models.CharField(max_length=20, choices=Source.Kind, blank=True)
    cue = models.CharField(max_length=200, blank=True)
    quote_type = models.CharField(
        max_length=10, choices=Mention.QuoteType, default=Mention.QuoteType.INDIRECT
    )
    stance = models.CharField(max_length=20, choices=Mention.Stance, default=Mention.Stance.ASSERTS)
    via = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The annotate page and the agreement read an assignment's annotations in text order
        # (through the foreign key's index).
        ordering = ["assignment", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="annotation_span_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker or '?'}: {self.content[:60]}"


# --- The extractor learns from the newsroom (issue 14, part 4) ---------------------------


class ReviewDecision(models.Model):
    """One journalist's decision on one statement, as labelled data: what the mention was
    before and after (claims.decisions.mention_fields), who decided, when, and why for a
    rejection. Written by the review services (claims.decisions.decision_record), never
    edited; the mention may be deleted later, the decision stays."""

    class Kind(models.TextChoices):
        ACCEPT = "accept", gettext_lazy("Accepted")
        REJECT = "reject", gettext_lazy("Rejected")
        CORRECT = "correct", gettext_lazy("Corrected")
        ADD = "add", gettext_lazy("Added by hand")
        RESTORE = "restore", gettext_lazy("Rejection undone")
        RESPONSE = "response", gettext_lazy("Attached as a response")
        MATCH = "match", gettext_lazy("Accepted through a match")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="decisions")
    mention = models.ForeignKey(
        Mention, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    before = models.JSONField(null=True, blank=True, help_text="Empty for a statement added.")
    after = models.JSONField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=20, choices=Mention.RejectionReason, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            # "Reviewed" (claims.gold.reviewed_articles): EXISTS a decision of the article;
            # and an article's decisions in order.
            models.Index(fields=["article", "at"], name="decision_article_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of mention {self.mention_id} ({self.at:%Y-%m-%d})"


class ArticleQuality(models.Model):
    """How the extractor did on one reviewed article, scored against the newsroom's gold
    (claims.extractor_quality.article_quality_refresh, on every decision): the per-article
    counts the dashboard sums, so that it never re-scores thousands of articles. A row
    exists only while the article is reviewed (claims.gold)."""

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="quality"
    )
    # The last decision scored and the text version: a row older than either is not used.
    decision = models.ForeignKey(
        ReviewDecision, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text_version = models.PositiveIntegerField(default=1)
    # False: some original prediction is unknown (corrected before predictions were kept,
    # or made on an earlier version of the text): the figures leave the article out.
    scored = models.BooleanField(default=True)
    counts = models.JSONField(default=dict, help_text="claims.extraction.evaluation Counts.")
    by_rule = models.JSONField(default=dict, help_text="rule -> [predicted, matched, speaker ok]")
    by_construction = models.JSONField(
        default=dict, help_text="gold construction -> [gold, matched, speaker ok]"
    )
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "article qualities"

    def __str__(self) -> str:
        return f"Extractor quality on article {self.article_id}"


# --- Source records (issue 14, part 1) ---------------------------------------------------------


class SourceEvent(models.Model):
    """What an editor did to a source (claims.source_records): a rename, a new type, an
    alias added or removed, a merge, a split. Who, when and what, shown on its newsroom page.

    A merged source is deleted: its events move to the source it was merged into, with the
    merge itself (whose `detail` keeps the merged source's id and name).
    """

    class Action(models.TextChoices):
        RENAMED = "renamed", gettext_lazy("Renamed")
        KIND_CHANGED = "kind_changed", gettext_lazy("Type changed")
        ALIAS_ADDED = "alias_added", gettext_lazy("Alias added")
        ALIAS_REMOVED = "alias_removed", gettext_lazy("Alias removed")
        MERGED = "merged", gettext_lazy("Merged into this source")
        SPLIT_OFF = "split_off", gettext_lazy("Mentions split off")
        SPLIT_INTO = "split_into", gettext_lazy("Mentions received in a split")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action)
    detail = models.JSONField(
        default=dict, blank=True, help_text="What changed: old and new names, counts, ids."
    )
    summary = models.CharField(max_length=500, help_text="The change in words, as written then.")
    # For a merge: the id the merged (deleted) source had.
    merged_source_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # A source's newsroom page shows its log, newest first.
            models.Index(fields=["source", "-created_at"], name="source_event_source_idx"),
            # The speaker page of a merged source's old id sends readers to the source it
            # was merged into (claims.public.speaker_views.speaker_detail).
            models.Index(
                fields=["merged_source_id"],
                condition=Q(merged_source_id__isnull=False),
                name="source_event_merged_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.summary[:60]}"


# --- Dashboard rollups (issue 14, part 2) ----------------------------------------------------


class MentionWeek(models.Model):
    """The dashboard's rollup (issue 14, part 2): how many mentions (rejected ones left out)
    articles of one outlet, in one language, dated in one week, hold with one stance.

    Recounted from the mentions as a whole (claims.dashboard.dashboard_recount) when
    the dashboard finds it older than claims.dashboard.ROLLUP_MAX_AGE, so that its weekly
    charts read a few thousand rows instead of grouping every mention at each view."""

    week = models.DateField(help_text="The Monday of the week of the articles' dates.")
    outlet = models.ForeignKey(
        "articles.Outlet", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(max_length=2, blank=True)
    stance = models.CharField(max_length=20, choices=Mention.Stance)
    mentions = models.PositiveIntegerField()
    counted_at = models.DateTimeField()

    class Meta:
        ordering = ["week", "id"]
        indexes = [
            # The dashboard's weekly charts read the weeks of a period.
            models.Index(fields=["week"], name="mention_week_week_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.week}: {self.mentions} ({self.outlet_id}, {self.language}, {self.stance})"


class VerdictWait(models.Model):
    """The dashboard's rollup of published claims (issue 14, part 2): how long after its
    first appearance (the earliest date of the articles of its accepted mentions) each
    claim was published. Recounted with MentionWeek (claims.dashboard.dashboard_recount)."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=2, blank=True)
    published_at = models.DateTimeField()
    wait = models.DurationField(
        null=True, blank=True, help_text="Empty: the claim has no accepted appearance."
    )
    counted_at = models.DateTimeField()

    class Meta:
        ordering = ["published_at", "id"]
        indexes = [
            # The dashboard's time to verdict: the claims published in a period, their waits.
            models.Index(
                fields=["published_at", "language", "wait"], name="verdict_wait_published_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Claim {self.claim_id}: {self.wait}"


# --- Dashboard: where each claim first appeared (issue 14, part 2, follow-up) ----------------


class ClaimFirstOutlet(models.Model):
    """The dashboard's rollup of claims: the first appearance of each claim (the article,
    in MentionQuerySet.in_time_order, of its earliest accepted mention) and that article's
    outlet, for the chart of new claims per week by outlet. Recounted with MentionWeek
    (claims.dashboard.dashboard_recount); a claim without a row (started since the last
    count, or its first article or outlet deleted since) is looked up live."""

    claim = models.OneToOneField(
        Claim, primary_key=True, on_delete=models.CASCADE, related_name="first_outlet_rollup"
    )
    # Deleting the article or the outlet deletes the row, so the claim is looked up again
    # rather than counted under an appearance that is gone.
    article = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: the claim has no accepted appearance.",
    )
    outlet = models.ForeignKey(
        "articles.Outlet",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: no appearance, or its article has no outlet.",
    )
    counted_at = models.DateTimeField()

    class Meta:
        ordering = ["claim"]

    def __str__(self) -> str:
        return f"Claim {self.claim_id}: first in article {self.article_id} ({self.outlet_id})"
