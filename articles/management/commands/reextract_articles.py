"""`manage.py reextract_articles`: extract again the articles an older extractor processed."""

from django.core.management.base import BaseCommand, CommandParser

from articles.services import articles_reextract_outdated
from claims.extraction import EXTRACTOR_VERSION


class Command(BaseCommand):
    help = (
        "Queue claim extraction again for ready articles processed by an older version of the "
        "extractor. Unreviewed mentions are replaced; reviewed ones are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count them")
        parser.add_argument("--limit", type=int, default=None, help="At most this many")

    def handle(self, *args, **options) -> None:
        count = articles_reextract_outdated(dry_run=options["dry_run"], limit=options["limit"])
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(
            f"{count} article(s) processed by an older extractor {verb} queued for "
            f"extraction with version {EXTRACTOR_VERSION}."
        )
