"""`manage.py seed_demo`: demo accounts, sample articles and claims in every state.

Safe to run again: existing accounts, articles and claims are kept, not duplicated.
"""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article, content_hash
from articles.services import article_create_from_text
from claims.models import Claim, Mention
from claims.services import article_extract_claims, claim_create_from_mention, claim_publish

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "demo_articles.json"

ACCOUNTS = [
    # username, password, group, staff
    ("editor", "claimtrack-editor", "Editors", True),
    ("journalist", "claimtrack-journalist", "Journalists", False),
]

# Claims the demo newsroom is working on: (article key, span that appears in the text,
# normalised statement, sourcing, verdict, conclusion, publish?).
DEMO_CLAIMS = [
    (
        "fr-port",
        "le port de Valmer a cédé six grues de quai à un armateur étranger",
        "Valmer port sold six quay cranes to a foreign shipowner",
        Claim.Sourcing.RELAYED,
        Claim.Verdict.MOSTLY_FALSE,
        "The port's lease register shows the six cranes leased for the summer season, not "
        "sold; the two managers quoted by the newspaper were not named.",
        True,
    ),
    (
        "fr-ecoles",
        "toutes les cantines des lycées serviront des repas entièrement bio",
        "All of the region's high-school canteens will serve fully organic meals next year",
        Claim.Sourcing.NAMED,
        Claim.Verdict.MIXED,
        "The region has voted the programme, but its budget covers about half of the extra "
        "cost according to the cooks' union figures, which the region does not dispute.",
        True,
    ),
    (
        "en-bridge",
        "cracks had been found in one of the piers last month",
        "Cracks were found in a pier of the Old Mill bridge",
        Claim.Sourcing.ANONYMOUS,
        Claim.Verdict.UNVERIFIABLE,
        "Inspection reports have been requested from the city; not yet received.",
        False,
    ),
    (
        "en-hospital",
        "the emergency ward at St Anne's would close at night from January",
        "St Anne's emergency ward will close at night from January",
        Claim.Sourcing.UNASSESSED,
        "",
        "",
        False,
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
        users = {}
        for username, password, group_name, staff in ACCOUNTS:
            group, _ = Group.objects.get_or_create(name=group_name)
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
        for key, span, statement, sourcing, verdict, conclusion, publish in DEMO_CLAIMS:
            if Claim.objects.filter(statement=statement).exists():
                continue
            article = articles[key]
            mention = self.mention_for(article, span)
            claim = claim_create_from_mention(
                mention=mention, statement=statement, by=users["journalist"]
            )
            claim.sourcing = sourcing
            claim.verdict = verdict
            claim.conclusion = conclusion
            claim.status = Claim.Status.IN_REVIEW if verdict else Claim.Status.DRAFT
            claim.save()
            if publish:
                claim_publish(
                    claim=claim, verdict=verdict, conclusion=conclusion, by=users["editor"]
                )
            self.stdout.write(f"Claim “{statement}”: {claim.get_status_display().lower()}")

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
