"""`manage.py refetch_articles`: fetch stored linked articles again now (issue 13)."""

import json

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.refetch import (
    REFETCH_LEASE,
    RefetchResult,
    article_refetch,
    articles_due_for_refetch,
    hosts_spread,
)


class Command(BaseCommand):
    help = (
        "Fetch linked articles again now: the due ones, --all of them, or those given by id. "
        "Prints one JSON line per article. Without --sync the re-fetches are queued for the "
        "workers (spread per host); with it they run here and the line says what changed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Article ids (default: the due ones)")
        parser.add_argument("--all", action="store_true", help="Every article with a link")
        parser.add_argument(
            "--sync", action="store_true", help="Fetch here, one after the other, and report"
        )

    def _print(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))

    def handle(self, *args, **options) -> None:
        if options["ids"]:
            articles = Article.objects.filter(pk__in=options["ids"]).order_by("id")
            missing = set(options["ids"]) - set(articles.values_list("id", flat=True))
            for pk in sorted(missing):
                self._print({"id": pk, "changed": False, "error": "No article has this id."})
        elif options["all"]:
            articles = Article.objects.exclude(url="").order_by("id")
        else:
            articles = articles_due_for_refetch()
        if options["sync"]:
            for article in articles.iterator():
                self._print(self._refetch(article))
            return
        from articles.tasks import refetch_article

        with transaction.atomic():
            for article, countdown in hosts_spread(list(articles), per_host=10**9):
                if not article.url:
                    self._print({"id": article.pk, "queued": False, "error": "It has no link."})
                    continue
                Article.objects.filter(pk=article.pk).update(
                    next_refetch_at=timezone.now() + REFETCH_LEASE
                )
                transaction.on_commit(
                    lambda pk=article.pk, wait=countdown: refetch_article.apply_async(
                        (pk,), countdown=wait
                    )
                )
                self._print({"id": article.pk, "queued": True, "countdown": round(countdown, 1)})

    def _refetch(self, article: Article) -> dict:
        try:
            result = article_refetch(article=article, wait_for_host=True, extract="now")
        except Exception as error:  # the line says it in words; the others go on
            result = RefetchResult(id=article.pk, version=article.version, status="failed")
            result.error = f"The re-fetch stopped on an unexpected problem: {error}"
        return result.as_json()
