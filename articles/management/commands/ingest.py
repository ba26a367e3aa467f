"""`manage.py ingest FILE|URL...`: store text files or links as articles, extract their claims."""

import json
import logging
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Article, Language
from articles.services import article_process_now, article_submit_text, article_submit_url
from claims.matching import article_matches
from claims.models import Alert

logger = logging.getLogger(__name__)


def unreadable_file(name: str, error: str) -> dict:
    """The JSON line of a file that never became an article (nothing was stored)."""
    return {
        "id": None,
        "status": "failed",
        "error": error,
        "language": "",
        "title": "",
        "claims": 0,
        "file": name,
        "matches": [],
        "alerts": [],
    }


def is_link(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


class Command(BaseCommand):
    help = (
        "Store UTF-8 text files (or - for standard input) or http(s) links as articles and "
        "extract their claims. Without --sync the work is queued for the Celery workers. "
        "A text or link already stored returns the existing article (said on stderr)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE|URL")
        parser.add_argument(
            "--language", choices=Language.values, help="fr or en (default: detect)"
        )
        parser.add_argument("--outlet", default="", help="Name of the outlet that published it")
        parser.add_argument("--title", default="", help="Title (default: the first line)")
        parser.add_argument(
            "--original-url",
            default="",
            help="For a text file: the link where it was published (nothing is fetched)",
        )
        parser.add_argument(
            "--published", default="", help="For a text file: its publication date, YYYY-MM-DD"
        )
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Fetch and extract in this process and wait for the result",
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON object per article")

    def handle(self, *args, **options) -> None:
        problems = 0
        for name in options["files"]:
            try:
                submission = self.submit(name, options)
            except Exception as error:  # one bad file must not stop the others
                if not isinstance(error, CommandError):
                    logger.exception("Ingesting %s failed", name)
                    error = CommandError(f"{name}: could not be stored ({error}).")
                problems += 1
                self.stderr.write(str(error))
                if options["json"]:
                    self.stdout.write(
                        json.dumps(unreadable_file(name, str(error)), ensure_ascii=False)
                    )
                continue
            article = submission.article
            if submission.duplicate:
                self.stderr.write(f"{name}: {submission.message}")
            elif options["sync"]:
                article = article_process_now(article=article)
            article.refresh_from_db()
            problems += article.status in Article.Status.with_error()
            self.report(name, article, as_json=options["json"])
        if problems:
            raise CommandError(
                f"{problems} of {len(options['files'])} file(s) could not be processed."
            )

    def submit(self, name: str, options: dict):
        common = {
            "language": options["language"],
            "outlet_name": options["outlet"],
            "title": options["title"],
            "enqueue": not options["sync"],
        }
        if is_link(name):
            if options["original_url"] or options["published"]:
                raise CommandError(
                    f"{name}: --original-url and --published go with a text file; a link "
                    "brings its own."
                )
            try:
                return article_submit_url(url=name, **common)
            except ValidationError as error:
                raise CommandError(f"{name}: {' '.join(error.messages)}") from None
        try:
            return article_submit_text(
                text=self.read(name),
                url=options["original_url"],
                published=options["published"],
                **common,
            )
        except ValidationError as error:
            raise CommandError(f"{name}: {' '.join(error.messages)}") from None

    def read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read().removeprefix("\ufeff")
        path = Path(name)
        try:
            return path.read_text(encoding="utf-8-sig")  # a byte order mark is not text
        except FileNotFoundError:
            raise CommandError(f"{name}: no such file.") from None
        except IsADirectoryError:
            raise CommandError(f"{name}: is a directory, not a text file.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text; convert it to UTF-8 first.") from None
        except OSError as error:
            raise CommandError(f"{name}: cannot be read ({error.strerror}).") from None

    def report(self, name: str, article: Article, *, as_json: bool) -> None:
        count = article.mentions.count()
        if as_json:
            payload = {
                "id": article.pk,
                "status": article.status,
                "error": article.error,
                "language": article.language,
                "title": article.title,
                "claims": count,
                "file": name,
                "matches": [
                    {
                        "mention": match.mention_id,
                        "claim": match.candidate_mention.claim_id or match.candidate_claim_id,
                        "matched_mention": match.candidate_mention_id,
                        "article": match.candidate_mention.article_id,
                        "score": round(match.score, 4),
                        "state": match.state,
                    }
                    for match in article_matches(article)
                ],
                "alerts": [
                    {"id": alert.pk, "kind": alert.kind, "claim": alert.claim_id}
                    for alert in Alert.objects.filter(article=article).order_by("pk")
                ],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        line = f"{name}: article {article.pk} {article.status}"
        if article.status == Article.Status.READY:
            line += f", {count} claim(s) [{article.language}] {article.title}"
        elif article.error:
            line += f": {article.error}"
        self.stdout.write(line)
