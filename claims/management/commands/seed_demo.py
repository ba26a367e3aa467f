"""`manage.py seed_demo`: demo accounts, sample articles and claims in every state.

Safe to run again: existing accounts, articles and claims are kept, not duplicated.
"""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article, content_hash
from articles.services import article_create_from_text
from claims.models import Claim, Evidence, Mention, Rating
from claims.roles import roles_and_scale_ensure
from claims.services import (
    article_extract_claims,
    claim_create_from_mention,
    claim_publish,
    claim_set_verdict,
    claim_unpublish,
    comment_add,
    evidence_add,
    mention_accept,
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
# normalised statement, sourcing, verdict slug, conclusion, state). The states: "published";
# "withdrawn" (published, then unpublished with a public note); "in_review" (ruled, waiting
# for a second editor's approval); "draft" (still being checked).
DEMO_CLAIMS = [
    (
        "fr-port",
        "le port de Valmer a cédé six grues de quai à un armateur étranger",
        "Valmer port sold six quay cranes to a foreign shipowner",
        Claim.Sourcing.RELAYED,
        "mostly-false",
        "The port's lease register shows the six cranes leased for the summer season, not "
        "sold; the two managers quoted by the newspaper were not named.",
        "published",
    ),
    (
        "fr-ecoles",
        "toutes les cantines des lycées serviront des repas entièrement bio",
        "All of the region's high-school canteens will serve fully organic meals next year",
        Claim.Sourcing.NAMED,
        "mixed",
        "The region has voted the programme, but its budget covers about half of the extra "
        "cost according to the cooks' union figures, which the region does not dispute.",
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
]


# More appearances of published claims in other outlets:
# (statement, article key, span, speaker and relaying outlets when the extractor missed them).
DEMO_APPEARANCES = [
    (
        "Valmer port sold six quay cranes to a foreign shipowner",
        "en-cranes",
        "Valmer port had sold six quay cranes to a foreign shipowner",
        "two harbour-master officials",
        ["La Gazette de l'Ouest"],
    ),
]
# A change to a published claim, shown in its public correction log:
# (statement, sentence added to the conclusion, correction note).
DEMO_CORRECTIONS = [
    (
        "Valmer port sold six quay cranes to a foreign shipowner",
        "The lease register can be consulted at the harbour office.",
        "We added where readers can consult the lease register.",
    ),
]


class Command(BaseCommand):
    help = "Create demo accounts, sample French and English articles, and claims in every state."

    def handle(self, *args, **options) -> None:
        users = self.create_accounts()
        articles = self.create_articles(users["journalist"])
        with transaction.atomic():
            self.create_claims(articles, users)
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
            article = Article.objects.filter(content_hash=content_hash(item["text"])).first()
            if article is None:
                article = article_create_from_text(
                    text=item["text"],
                    language=item["language"],
                    outlet_name=item["outlet"],
                    title=item["title"],
                    submitted_by=journalist,
                    enqueue=False,
                )
                article = article_extract_claims(article=article)
                self.stdout.write(
                    f"Article “{article.title}”: {article.status}, "
                    f"{article.mentions.count()} attributed statement(s)"
                )
            articles[item["key"]] = article
        return articles

    def create_claims(self, articles: dict[str, Article], users: dict) -> None:
        editor, journalist = users["editor"], users["journalist"]
        for key, span, statement, sourcing, verdict, conclusion, state in DEMO_CLAIMS:
            if Claim.objects.filter(statement=statement).exists():
                continue
            mention = self.mention_for(articles[key], span)
            claim = claim_create_from_mention(mention=mention, statement=statement, by=journalist)
            claim.sourcing = sourcing
            claim.verdict = Rating.objects.filter(slug=verdict).first() if verdict else None
            claim.conclusion = conclusion
            if state == "in_review":
                claim.status = Claim.Status.IN_REVIEW
                claim.publication_requested_by = editor
            claim.save()
            if verdict:
                evidence_add(
                    claim=claim,
                    by=editor,
                    title=f"Records consulted on “{statement}”",
                    url="https://example.org/records",
                    kind=Evidence.Kind.PRIMARY_DOCUMENT,
                    note="Demo evidence: the documents behind the conclusion.",
                )
            if state in {"published", "withdrawn"}:
                # A journalist's evidence no editor has approved yet: never public.
                evidence_add(
                    claim=claim,
                    by=journalist,
                    title="Notes of a call to the press office (not yet approved)",
                    kind=Evidence.Kind.OFFICIAL_STATEMENT,
                )
                claim_publish(claim=claim, verdict=claim.verdict, conclusion=conclusion, by=editor)
                self.add_public_history(claim, articles, users)
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

    def add_public_history(self, claim: Claim, articles: dict[str, Article], users: dict) -> None:
        """Appearances of a published claim in other outlets, and a correction."""
        editor, journalist = users["editor"], users["journalist"]
        for statement, key, span, speaker, via in DEMO_APPEARANCES:
            if statement == claim.statement:
                mention = self.mention_for(articles[key], span)
                if not mention.speaker:  # added by hand, as a journalist would
                    mention.speaker, mention.via, mention.cue = speaker, via, "reported, citing"
                    mention.save(update_fields=["speaker", "via", "cue"])
                mention_accept(mention=mention, by=journalist, claim=claim)
        for statement, addition, note in DEMO_CORRECTIONS:
            if statement == claim.statement:
                claim_set_verdict(
                    claim=claim,
                    verdict=claim.verdict,
                    conclusion=f"{claim.conclusion} {addition}",
                    by=editor,
                    correction=note,
                )

    def mention_for(self, article: Article, span: str) -> Mention:
        """The extracted mention covering `span`, or one added by hand as a journalist would."""
        start = article.text.find(span)
        end = start + len(span)
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
