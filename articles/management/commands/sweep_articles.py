"""`manage.py sweep_articles`: send again the articles whose task was lost (Celery beat does it
every minute; this is for operators and for when beat is not running)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.services import articles_sweep_stuck


class Command(BaseCommand):
    help = (
        "Send again articles stuck in queued (never handed to the broker, or handed over long "
        "ago) or in fetching/extracting (their worker died)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--unsent-after",
            type=int,
            default=settings.CLAIMTRACK_SWEEP_UNSENT_AFTER,
            help="Seconds a queued article never handed to the broker waits (default %(default)s)",
        )
        parser.add_argument(
            "--queued-after",
            type=int,
            default=settings.CLAIMTRACK_SWEEP_QUEUED_AFTER,
            help="Seconds a handed-over article may stay queued (default %(default)s)",
        )
        parser.add_argument(
            "--running-after",
            type=int,
            default=settings.CLAIMTRACK_SWEEP_RUNNING_AFTER,
            help="Seconds an article may stay fetching, or extracting without a heartbeat "
            "(default %(default)s)",
        )
        parser.add_argument(
            "--heartbeat-after",
            type=float,
            default=settings.CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT,
            help="Seconds without a heartbeat before an extracting article is sent again "
            "(default %(default)s)",
        )

    def handle(self, *args, **options) -> None:
        sent = articles_sweep_stuck(
            unsent_after=timedelta(seconds=options["unsent_after"]),
            queued_after=timedelta(seconds=options["queued_after"]),
            running_after=timedelta(seconds=options["running_after"]),
            heartbeat_after=timedelta(seconds=options["heartbeat_after"]),
        )
        self.stdout.write(f"{sent} stuck article(s) sent again.")
