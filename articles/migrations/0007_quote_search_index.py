"""Index quotes for full-text search (articles.search.search_quotes).

The index is on the exact expression the search writes, ``to_tsvector(config,
COALESCE(text, ''))``, so that PostgreSQL uses it; it is not part of the model's state.
"""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS quote_search_idx ON articles_quote
USING gin (to_tsvector('french_unaccent'::regconfig, COALESCE(text, '')));
"""


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0006_article_embargo_index"),
    ]

    operations = [
        migrations.RunSQL(CREATE, "DROP INDEX IF EXISTS quote_search_idx;"),
    ]
