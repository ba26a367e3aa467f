"""`manage.py poll_feeds`: poll feeds now, in this process (Celery beat does it on schedule)."""

from django.core.management.base import BaseCommand, CommandParser

from articles.models import Feed
from articles.services import feed_poll, feeds_due


class Command(BaseCommand):
    help = "Poll the feeds that are due (or all active feeds with --all) and submit new entries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Poll every active feed now")

    def handle(self, *args, **options) -> None:
        feeds = Feed.objects.filter(active=True) if options["all"] else feeds_due()
        for feed in feeds:
            new = feed_poll(feed=feed)
            outcome = f"error: {feed.last_error}" if feed.last_error else f"{new} new article(s)"
            self.stdout.write(f"{feed}: {outcome}")
