"""Keep each public copy's detail in its row, compressed with lz4 where the server can.

A detail (15 kB of JSON for a generated article, 6.6 kB once compressed) was compressed
with pglz and moved out of the row: each article served was read through the TOAST
table's index, in four chunks, then decompressed. Measured at 100,000 articles, reading
the details of 1,000 random articles one by one (PostgreSQL's CPU a read): 0.070 ms so,
0.064 ms in the row with pglz, 0.052 ms out of the row with lz4, 0.044 ms in the row with
lz4 (4.8 kB). A detail too long for a page still moves out.

lz4 is a build option: a server built without it (the embedded one) keeps pglz, and a
backup restored into it leaves the setting out (``backups.postgres.restore``). Copies
written before keep how they were stored until they are rendered again.
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
            [
                "ALTER TABLE articles_publiccopy ALTER COLUMN detail SET STORAGE MAIN;",
                LZ4_IF_BUILT_WITH_IT,
            ],
            [
                "ALTER TABLE articles_publiccopy ALTER COLUMN detail SET STORAGE EXTENDED;",
                "ALTER TABLE articles_publiccopy ALTER COLUMN detail SET COMPRESSION DEFAULT;",
            ],
        ),
    ]
