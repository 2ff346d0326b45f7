"""Let PostgreSQL know which words are rare.

With the default statistics, a word outside the few hundred most common ones is assumed to
be in 0.5% of the articles; for a truly rare word the planner then walks the publication-time
index for the newest matches and reads every article's search vector on the way (seconds
at a million articles). Ten thousand tracked lexemes make it use the full-text index instead.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_article_admin_list_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS 10000;",
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS -1;",
        ),
        migrations.RunSQL("ANALYZE articles_article (search_vector);", migrations.RunSQL.noop),
    ]
