"""Compress each public copy's detail with lz4 where the server was built with it.

A detail (15 kB of JSON for a generated article) is compressed and moved out of the row:
each article served reads it through the TOAST table and decompresses it. Measured at
100,000 articles, reading the details of 1,000 random articles one by one (PostgreSQL's
CPU a read): 0.070 ms with pglz (6.6 kB), 0.052 ms with lz4 (4.8 kB).

Kept out of the row: kept in (``STORAGE MAIN``), the detail left less than PostgreSQL's
2 kB target for the rest of the row, so the list entry beside it was compressed and moved
out instead, and a list page read twenty-one entries through the TOAST table (0.1 ms more
of PostgreSQL a page, measured). The list entry keeps pglz: it stays in the row, and is
compressed only where the row is long and pglz saves a quarter; lz4 compresses every
entry a rewrite of the table touches (``VACUUM FULL``), and a list page read uncompressed
entries faster (0.02 to 0.04 ms of PostgreSQL, measured).

lz4 is a build option: a server built without it (the embedded one) keeps pglz, and a
backup names no compression method (``backups.postgres``). Copies written before keep
pglz until they are rendered again.
"""

from django.db import migrations

LZ4_IF_BUILT_WITH_IT = """
DO $$
BEGIN
    IF EXISTS (
        SELECT FROM pg_settings
        WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)
    ) THEN
        ALTER TABLE articles_publiccopy ALTER COLUMN detail SET COMPRESSION lz4;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0025_snippet_source"),
    ]

    operations = [
        migrations.RunSQL(
            LZ4_IF_BUILT_WITH_IT,
            "ALTER TABLE articles_publiccopy ALTER COLUMN detail SET COMPRESSION DEFAULT;",
        ),
    ]
