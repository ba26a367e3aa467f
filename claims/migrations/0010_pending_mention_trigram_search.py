"""The review queue's search (claims.selectors.queue_articles: statement or speaker contains
the words, case-insensitive) as trigram GIN indexes on PostgreSQL, over pending mentions only.

Django's `icontains` is `UPPER(col) LIKE UPPER('%…%')` on PostgreSQL, which a pg_trgm index on
UPPER(col) answers without reading every pending mention. pg_trgm is a trusted extension
(PostgreSQL 13+): the database owner may create it. SQLite (`make run`) has no such index and
needs none at demo size.
"""

from django.db import migrations

PENDING = "review_state IN ('unreviewed', 'corrected')"
INDEXES = {
    "mention_pending_content_trgm": "content",
    "mention_pending_speaker_trgm": "speaker",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON claims_mention "
            f"USING gin (UPPER({column}) gin_trgm_ops) WHERE {PENDING}"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_review_desk_sources")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
