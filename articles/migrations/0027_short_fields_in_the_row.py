"""Keep each article's short fields (its slug, headline, kicker, signature, SEO texts,
language and status) in its row.

Since articles/0024 keeps the search vector (3 to 7 kB) in the row, a row stays past the
2 kB at which PostgreSQL moves values out, and it moved out every ``EXTENDED`` value longer
than its 18-byte pointer until none was left: the slug and the headline too. Each one read
was a look-up in the TOAST table's index and a chunk, four buffers: a page of quotes,
which shows each carrying article's slug and headline, spent 0.19 of its 0.58 ms there
(measured at 100,000 articles). ``MAIN`` keeps them in the row (they are at most 300
characters long); the body, its text and the standfirst still move out.

Rows already written keep theirs out of the row until they are written again;
``VACUUM FULL articles_article`` rewrites them all at once (it locks the table while it
runs).
"""

from django.db import migrations

SHORT_FIELDS = (
    "slug",
    "kicker",
    "headline",
    "signature",
    "language",
    "status",
    "seo_title",
    "seo_description",
)


def storage(kind: str) -> str:
    altered = ", ".join(f"ALTER COLUMN {name} SET STORAGE {kind}" for name in SHORT_FIELDS)
    return f"ALTER TABLE articles_article {altered};"


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0026_public_copy_detail_lz4"),
    ]

    operations = [
        migrations.RunSQL(storage("MAIN"), storage("EXTENDED")),
    ]
