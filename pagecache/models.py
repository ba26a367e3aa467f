"""The record, in PostgreSQL, of every change readers may see (claims/public/cache.py).

The public pages are cached in each web process under a token kept in Redis. A change whose
token change never reached Redis (an outage) is still counted here, in the same transaction
as the change itself, so a web process can find out from the database that its cached pages
are out of date, whatever Redis says.
"""

from django.db import connection, models
from django.db.models import Q


class PublicPagesGeneration(models.Model):
    """One row (id 1): how many times the public pages changed."""

    value = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="public_pages_generation_one_row")
        ]

    def __str__(self) -> str:
        return f"public pages generation {self.value}"


def generation_bump() -> None:
    """Count one change, in the current transaction (the row is created when missing)."""
    table = connection.ops.quote_name(PublicPagesGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (id, value) VALUES (1, 1) "
            f"ON CONFLICT (id) DO UPDATE SET value = {table}.value + 1"
        )


def generation_read() -> int:
    """The committed count of changes (0 before the first)."""
    row = PublicPagesGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    return row or 0
