"""`manage.py seed_demo`: demo accounts, sample articles and claims in every state.

Safe to run again: existing accounts, articles and claims are kept, not duplicated.
"""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import fetch as fetching
from articles.models import Article
from articles.services import article_submit_text
from claims.models import Claim, Evidence, Mention, Rating, Source
from claims.responses import response_attach
from claims.roles import roles_and_scale_ensure
from claims.services import (
    article_extract_claims,
    claim_create_from_mention,
    claim_public_content,
    claim_publish,
    claim_set_verdict,
    claim_unpublish,
    comment_add,
    evidence_add,
    mention_accept,
    mention_correct,
    mention_hedges_after_edit,
    mention_reject,
    task_create,
)

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "demo_articles.json"

ACCOUNTS = [
    # username, password, group, staff. Two editors: publishing needs a second editor.
    ("editor", "claimtrack-editor", "Editors", True),
    ("editor2", "claimtrack-editor2", "Editors", True),
    ("journalist", "claimtrack-journalist", "Journalists", False),
]

# Claims the demo newsroom is working on: (article key, span that appears in the text,
# normalised statement, sourcing, verdict slug, conclusion, state). The statement and the
# conclusion are written in the language of the claim's first article, which becomes the
# claim's language (a French newsroom writes a French claim in French). The states:
# "published"; "withdrawn" (published, then unpublished with a public note); "in_review"
# (ruled, waiting for a second editor's approval); "draft" (still being checked).
DEMO_CLAIMS = [
    (
        "fr-port",
        "le port de Valmer a cédé six grues de quai à un armateur étranger",
        "Le port de Valmer a vendu six grues de quai à un armateur étranger",
        Claim.Sourcing.RELAYED,
        "mostly-false",
        "Le registre des locations du port indique que les six grues ont été louées pour la "
        "saison d'été, et non vendues ; les deux cadres cités par le journal ne sont pas nommés.",
        "published",
    ),
    (
        "fr-ecoles",
        "toutes les cantines des lycées serviront des repas entièrement bio",
        "Toutes les cantines des lycées de la région serviront des repas entièrement bio à la "
        "rentrée",
        Claim.Sourcing.NAMED,
        "mixed",
        "La région a voté le programme, mais son budget ne couvre qu'environ la moitié du "
        "surcoût d'après les chiffres du syndicat des cuisiniers, que la région ne conteste pas.",
        "published",
    ),
    (
        "en-bridge",
        "cracks had been found in one of the piers last month",
        "Cracks were found in a pier of the Old Mill bridge",
        Claim.Sourcing.ANONYMOUS,
        "unverifiable",
        "Inspection reports have been requested from the city; not yet received.",
        "in_review",
    ),
    (
        "en-hospital",
        "the emergency ward at St Anne's would close at night from January",
        "St Anne's emergency ward will close at night from January",
        Claim.Sourcing.UNASSESSED,
        "",
        "",
        "draft",
    ),
    (
        "en-bridge",
        "the Old Mill bridge would reopen to traffic in March",
        "The Old Mill bridge will reopen to traffic in March",
        Claim.Sourcing.NAMED,
        "mostly-true",
        "The repair contract's schedule ends in February and the inspectors' report is due "
        "before reopening.",
        "withdrawn",
    ),
    (
        "en-bridge",
        "bus routes will stay diverted until April",
        "Bus routes over the Old Mill bridge will stay diverted until April",
        Claim.Sourcing.NAMED,
        "true",
        "The transport authority's published timetable keeps the diversion in place until "
        "the second week of April.",
        "published",
    ),
]

# What the demo editors write around a claim, in the claim's language: the public evidence
# (title, note) and the journalist's evidence still waiting for approval.
CLAIM_TEXTS = {
    "fr": {
        "evidence_title": "Documents consultés sur « {statement} »",
        "evidence_note": "Pièce de démonstration : les documents à l'appui de la conclusion.",
        "pending_evidence": "Notes d'un appel au service de presse (pas encore approuvées)",
    },
    "en": {
        "evidence_title": "Records consulted on “{statement}”",
        "evidence_note": "Demo evidence: the documents behind the conclusion.",
        "pending_evidence": "Notes of a call to the press office (not yet approved)",
    },
}

# More appearances of published claims in other outlets:
# (statement, article key, span, speaker and relaying outlets when the extractor missed them).
# The Shipping Wire states the claim bare, naming no source: a journalist adds that span by
# hand, and the claim gets its drift alerts (the hedges, the source and the mayor's denial
# the earlier articles had are gone) and a "without attribution" step in its relay graph.
DEMO_APPEARANCES = [
    (
        "Le port de Valmer a vendu six grues de quai à un armateur étranger",
        "en-cranes",
        "Valmer port had sold six quay cranes to a foreign shipowner",
        "two harbour-master officials",
        ["La Gazette de l'Ouest"],
    ),
    (
        "Le port de Valmer a vendu six grues de quai à un armateur étranger",
        "en-wire",
        "Valmer port sold six quay cranes to a foreign shipowner for 40 million euros",
        "",
        [],
    ),
]
# Responses to claims (a denial, a refusal to comment, a failed verification), attached by
# the journalist to the claim they answer: (statement, article key, span of the response).
DEMO_RESPONSES = [
    ("Le port de Valmer a vendu six grues de quai à un armateur étranger", "fr-port",
     "toute vente"),
    ("Le port de Valmer a vendu six grues de quai à un armateur étranger", "fr-port",
     "a refusé de commenter"),
    ("Le port de Valmer a vendu six grues de quai à un armateur étranger", "fr-port",
     "n'a pas été en mesure de vérifier ces informations de manière indépendante"),
    ("Le port de Valmer a vendu six grues de quai à un armateur étranger", "en-cranes",
     "could not verify the report independently"),
    ("Cracks were found in a pier of the Old Mill bridge", "en-bridge",
     "any cracks had been found"),
    ("St Anne's emergency ward will close at night from January", "en-hospital", "the claim"),
]  # fmt: skip
# A change to a published claim, shown in its public correction log:
# (statement, sentence added to the conclusion, correction note).
DEMO_CORRECTIONS = [
    (
        "Le port de Valmer a vendu six grues de quai à un armateur étranger",
        "Le registre des locations peut être consulté à la capitainerie.",
        "Nous avons précisé où les lecteurs peuvent consulter le registre des locations.",
    ),
]

# Every statement of three articles decided (issue 14, part 4), so that /review/quality/
# shows the extractor's figures: (article key, the statement's first words, decision,
# the claim's statement or the rejection reason, corrections made first).
# Decisions: "new" claim, "link" to the claim of that statement (draft ones only), "reject".
DEMO_REVIEWS = [
    ("en-hospital", "claims of emergency", "link",
     "St Anne's emergency ward will close at night from January", {}),
    ("en-hospital", "No closure is planned", "link",
     "St Anne's emergency ward will close at night from January",
     {"speaker": "Health board spokesperson", "speaker_type": "organization",
      "stance": "denies"}),
    ("en-hospital", "could not independently verify", "link",
     "St Anne's emergency ward will close at night from January", {}),
    ("en-bridge", "the Old Mill bridge will reopen", "link",
     "The Old Mill bridge will reopen to traffic in March", {"speaker": "the city"}),
    ("en-bridge", "The steel work is finished", "new",
     "The steel work on the Old Mill bridge is finished", {}),
    ("en-bridge", "We are on schedule", "reject", "not_checkable", {}),
    ("en-bridge", "did not respond", "link",
     "The Old Mill bridge will reopen to traffic in March", {}),
    ("fr-port", "Ces grues sont indispensables", "reject", "not_checkable", {}),
    ("fr-port", "Sans elles", "new",
     "Sans ses grues, le port de Valmer perdrait la moitié de son trafic en deux ans", {}),
    ("fr-port", "les grues ont seulement été louées", "new",
     "Les grues du port de Valmer ont seulement été louées pour l'été", {}),
]  # fmt: skip


# The demo annotation round (issue 14, part 5): two journalists' statements of the bridge
# article, (exact words, fields). They agree on four of five, and on some fields of those.
DEMO_ANNOTATIONS_A = [
    ("the Old Mill bridge would reopen to traffic in March, after a year of repairs",
     {"speaker": "The city council", "speaker_type": "government", "cue": "said"}),
    ("The steel work is finished and the inspectors are satisfied",
     {"speaker": "Mayor Linda Okafor", "speaker_type": "person", "cue": "said",
      "quote_type": "direct"}),
    ("cracks had been found in one of the piers last month",
     {"speaker": "two engineers on the project", "speaker_type": "anonymous",
      "cue": "reported, citing", "via": "The Daily Ledger"}),
    ("denied that any cracks had been found",
     {"speaker": "Harlow Construction", "speaker_type": "organization", "cue": "denied",
      "stance": "denies"}),
    ("bus routes will stay diverted until April",
     {"speaker": "the transport union", "speaker_type": "organization", "cue": "According to"}),
]  # fmt: skip
DEMO_ANNOTATIONS_B = [
    ("the Old Mill bridge would reopen to traffic in March",
     {"speaker": "city council", "speaker_type": "government", "cue": "said"}),
    ("The steel work is finished and the inspectors are satisfied",
     {"speaker": "Linda Okafor", "speaker_type": "person", "cue": "said",
      "quote_type": "direct"}),
    ("cracks had been found in one of the piers last month",
     {"speaker": "The Daily Ledger", "speaker_type": "publication", "cue": "reported"}),
    ("any cracks had been found",
     {"speaker": "Harlow Construction", "speaker_type": "organization", "cue": "denied",
      "stance": "denies"}),
    ("did not respond to a request for comment",
     {"speaker": "The regional roads agency", "speaker_type": "organization",
      "cue": "did not respond", "stance": "declines_comment"}),
]  # fmt: skip


class Command(BaseCommand):
    help = "Create demo accounts, sample French and English articles, and claims in every state."

    def handle(self, *args, **options) -> None:
        users = self.create_accounts()
        articles = self.create_articles(users["journalist"])
        with transaction.atomic():
            self.create_claims(articles, users)
        self.create_annotation_round(articles, users)
        self.review_for_extractor_quality(articles, users)
        seed_source_records(users["editor"])
        self.date_the_desk_work(articles)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in at /accounts/login/ with:"))
        for username, password, group, _ in ACCOUNTS:
            self.stdout.write(
                f"  {group[:-1].lower():<10}  username: {username:<10}  password: {password}"
            )

    def create_accounts(self) -> dict:
        roles_and_scale_ensure(group_model=Group, permission_model=Permission, rating_model=Rating)
        users = {}
        for username, password, group_name, staff in ACCOUNTS:
            group = Group.objects.get(name=group_name)
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"is_staff": staff, "email": f"{username}@example.org"}
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(group)
            users[username] = user
        return users

    def create_articles(self, journalist) -> dict[str, Article]:
        articles = {}
        for item in json.loads(DEMO_ARTICLES.read_text(encoding="utf-8")):
            submission = article_submit_text(
                text=item["text"],
                language=item["language"],
                outlet_name=item["outlet"],
                title=item["title"],
                submitted_by=journalist,
                enqueue=False,
                retry_failed=False,
            )
            article = submission.article
            self.add_publication(article, item)
            if submission.created or article.status == Article.Status.QUEUED:
                article = article_extract_claims(article=article)
                self.stdout.write(
                    f"Article “{article.title}”: {article.status}, "
                    f"{article.mentions.count()} attributed statement(s)"
                )
            articles[item["key"]] = article
        return articles

    def add_publication(self, article: Article, item: dict) -> None:
        """The outlet's (fictional) link and publication time, as if the article had been
        submitted as a link, when it has none yet.

        Dates are counted back from when the article entered, so that a second run changes
        nothing and the articles came out before the claims the demo publishes about them.
        """
        fields = []
        url = fetching.canonical_url(item["url"])
        if not article.url:
            taken = Article.objects.filter(Q(url=url) | Q(canonical_url=url)).exclude(pk=article.pk)
            if taken.exists():
                self.stderr.write(f"{url} is already another article's link; not set.")
            else:
                article.url = url
                fields.append("url")
        if article.published_at is None:
            published = item["published"]
            day = timezone.localdate(article.created_at) - datetime.timedelta(
                days=published["days_ago"]
            )
            at = datetime.time.fromisoformat(published["time"])
            article.published_at = timezone.make_aware(datetime.datetime.combine(day, at))
            fields.append("published_at")
        if fields:
            article.save(update_fields=[*fields, "updated_at"])
        outlet = article.outlet
        if outlet is not None and not outlet.domain:
            outlet.domain = urlsplit(url).hostname or ""
            outlet.save(update_fields=["domain"])

    def create_claims(self, articles: dict[str, Article], users: dict) -> None:
        editor, journalist = users["editor"], users["journalist"]
        for key, span, statement, sourcing, verdict, conclusion, state in DEMO_CLAIMS:
            article = articles[key]
            if Claim.objects.filter(statement=statement).exists():
                continue
            if self.claim_on(article, span) is not None:  # tracked under another wording
                continue
            mention = self.mention_for(article, span)
            claim = claim_create_from_mention(mention=mention, statement=statement, by=journalist)
            texts = CLAIM_TEXTS[claim.language]
            claim.sourcing = sourcing
            claim.verdict = Rating.objects.filter(slug=verdict).first() if verdict else None
            claim.conclusion = conclusion
            claim.save()
            self.add_responses(claim, articles, users)
            if verdict:
                evidence_add(
                    claim=claim,
                    by=editor,
                    title=texts["evidence_title"].format(statement=statement),
                    url="https://example.org/records",
                    kind=Evidence.Kind.PRIMARY_DOCUMENT,
                    note=texts["evidence_note"],
                )
            if state == "in_review":
                # As claim_request_publication leaves it, whatever the second-editor setting.
                claim.status = Claim.Status.IN_REVIEW
                claim.publication_requested_by = editor
                claim.publication_requested_at = timezone.now()
                claim.publication_snapshot = claim_public_content(claim)
                claim.save()
            if state in {"published", "withdrawn"}:
                # A journalist's evidence no editor has approved yet: never public.
                evidence_add(
                    claim=claim,
                    by=journalist,
                    title=texts["pending_evidence"],
                    kind=Evidence.Kind.OFFICIAL_STATEMENT,
                )
                self.add_appearances(claim, articles, users)
                claim_publish(claim=claim, verdict=claim.verdict, conclusion=conclusion, by=editor)
                self.add_public_history(claim, users)
            if state == "withdrawn":
                claim_unpublish(
                    claim=claim,
                    by=editor,
                    reason="The city has postponed the reopening; we are checking the new date.",
                )
            if state != "published":
                overdue = not verdict  # one task in the future, one already late
                task_create(
                    claim=claim,
                    by=editor,
                    assignee=journalist,
                    title="Call the press office",
                    due_date=timezone.localdate() + datetime.timedelta(days=-1 if overdue else 2),
                    notes="Ask for the document they mention.",
                )
                comment_add(claim=claim, by=editor, body="Internal: check with the desk first.")
            label = "withdrawn" if state == "withdrawn" else claim.get_status_display().lower()
            self.stdout.write(f"Claim “{statement}”: {label}")

    @transaction.atomic
    def review_for_extractor_quality(self, articles: dict[str, Article], users: dict) -> None:
        """Decide the statements still waiting in three articles (DEMO_REVIEWS) through the
        review services: their decisions are the labelled data /review/quality/ scores."""
        journalist = users["journalist"]
        for key, words, decision, value, corrections in DEMO_REVIEWS:
            waiting = articles[key].mentions.pending().filter(content__startswith=words)
            mention = waiting.first()
            if mention is None:  # decided already (a second run), or read otherwise
                continue
            claim = Claim.objects.filter(statement=value, status=Claim.Status.DRAFT).first()
            if decision == "link" and claim is None:
                continue  # a claim past draft changes only with an editor's public note
            if corrections:
                mention = mention_correct(mention=mention, by=journalist, **corrections)
            if decision == "reject":
                mention_reject(mention=mention, by=journalist, reason=value)
            elif decision == "new":
                claim_create_from_mention(mention=mention, statement=value, by=journalist)
            else:
                mention_accept(mention=mention, by=journalist, claim=claim)

    def add_appearances(self, claim: Claim, articles: dict[str, Article], users: dict) -> None:
        """Appearances of a claim in other outlets, linked by a journalist before publication
        (once it is published, each new one is an editor's, with a note for readers)."""
        for statement, key, span, speaker, via in DEMO_APPEARANCES:
            if statement == claim.statement:
                mention = self.mention_for(articles[key], span)
                if not mention.speaker and speaker:  # added by hand, as a journalist would
                    mention.speaker, mention.via, mention.cue = speaker, via, "reported, citing"
                    mention.speaker_type = Source.Kind.ANONYMOUS
                    mention.hedges = mention_hedges_after_edit(mention)
                    mention.save(update_fields=["speaker", "speaker_type", "via", "cue", "hedges"])
                mention_accept(mention=mention, by=users["journalist"], claim=claim)

    def add_responses(self, claim: Claim, articles: dict[str, Article], users: dict) -> None:
        """Denials, refusals to comment and failed verifications, attached to their claim."""
        for statement, key, span in DEMO_RESPONSES:
            if statement == claim.statement:
                mention = self.mention_for(articles[key], span)
                if not mention.is_response:  # the extractor read it otherwise
                    continue
                response_attach(mention=mention, claim=claim, by=users["journalist"])

    def add_public_history(self, claim: Claim, users: dict) -> None:
        """A correction of a published claim."""
        editor = users["editor"]
        for statement, addition, note in DEMO_CORRECTIONS:
            if statement == claim.statement:
                claim_set_verdict(
                    claim=claim,
                    verdict=claim.verdict,
                    conclusion=f"{claim.conclusion} {addition}",
                    by=editor,
                    correction=note,
                )

    def date_the_desk_work(self, articles: dict[str, Article]) -> None:
        """The dashboard's history (issue 14, part 2): each article's statements were found
        an hour after it came out, as a feed would have brought it in, and each claim was
        started the day after its first appearance; so the backlog has ages and the weeks
        of new claims are the weeks of the news. Running again changes nothing."""
        for article in articles.values():
            if article.published_at is not None:
                found = article.published_at + datetime.timedelta(hours=1)
                article.mentions.filter(created_at__gt=found).update(created_at=found)
        for claim in Claim.objects.filter(mentions__article__in=articles.values()).distinct():
            first = claim.mentions.public().in_time_order().first() or claim.mentions.first()
            started = min(first.article.dated + datetime.timedelta(days=1), claim.created_at)
            Claim.objects.filter(pk=claim.pk).update(created_at=started)

    @staticmethod
    def span_bounds(article: Article, span: str) -> tuple[int, int]:
        start = article.text.find(span)
        if start < 0:
            raise CommandError(f"“{span}” is not in the demo article “{article.title}”.")
        return start, start + len(span)

    def claim_on(self, article: Article, span: str) -> Claim | None:
        """The claim a mention covering `span` was already accepted into (an earlier run)."""
        start, end = self.span_bounds(article, span)
        return Claim.objects.filter(
            mentions__article=article, mentions__start__lt=end, mentions__end__gt=start
        ).first()

    def mention_for(self, article: Article, span: str) -> Mention:
        """The extracted mention covering `span`, or one added by hand as a journalist would."""
        start, end = self.span_bounds(article, span)
        for mention in article.mentions.all():
            if mention.start < end and start < mention.end:
                return mention
        return Mention.objects.create(
            article=article,
            content=span,
            start=start,
            end=end,
            quote_type=Mention.QuoteType.INDIRECT,
            confidence=1.0,
            rule="added-by-journalist",
        )

    def create_annotation_round(self, articles: dict[str, Article], users: dict) -> None:
        """Issue 14, part 5: a small annotation round, so /review/agreement/ shows numbers.
        Two journalists marked the bridge article on their own (both done); the hospital
        article waits for them. A second journalist account is made for it."""
        from claims.models import AnnotationAssignment, AnnotationRound
        from claims.services import annotation_add, annotation_round_create, assignment_finish

        name = "Demo: consistency check"
        if AnnotationRound.objects.filter(name=name).exists():
            return
        second, created = get_user_model().objects.get_or_create(
            username="journalist2", defaults={"email": "journalist2@example.org"}
        )
        if created:
            second.set_password("claimtrack-journalist2")
            second.save()
        second.groups.add(Group.objects.get(name="Journalists"))
        first = users["journalist"]
        with transaction.atomic():
            round = annotation_round_create(
                name=name,
                by=users["editor"],
                annotator_a=first,
                annotator_b=second,
                article_ids=[articles["en-bridge"].pk, articles["en-hospital"].pk],
            )
            for person, statements in ((first, DEMO_ANNOTATIONS_A), (second, DEMO_ANNOTATIONS_B)):
                assignment = AnnotationAssignment.objects.get(
                    round=round, annotator=person, article=articles["en-bridge"]
                )
                for words, fields in statements:
                    annotation_add(assignment=assignment, by=person, words=words, **fields)
                assignment_finish(assignment=assignment, by=person)
        self.stdout.write(
            f"Annotation round “{name}”: journalist and journalist2 "
            "(password: claimtrack-journalist2) annotated the bridge article"
        )

def seed_source_records(editor) -> None:
    """Speaker pages (claims.source_records): the claimant of the first published claim gets
    an alias, so its newsroom page shows an audited change; a second run adds nothing."""
    from django.core.exceptions import ValidationError

    from claims.source_records import source_alias_add

    claim = (
        Claim.objects.published()
        .exclude(claimant=None)
        .exclude(claimant__kind=Source.Kind.ANONYMOUS)
        .select_related("claimant")
        .order_by("pk")
        .first()
    )
    if claim is None or claim.claimant.events.exists():
        return
    words = claim.claimant.name.split()
    alias = words[-1] if len(words) > 1 else f"{claim.claimant.name} (demo)"
    try:  # the surname alone, as later articles write it
        source_alias_add(source=claim.claimant, alias=alias, by=editor)
    except ValidationError:  # it names another source already: no alias then
        pass
