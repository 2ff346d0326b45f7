"""article_position: where an article stands in the newest-first order (its time, then its
id), as one value. A section's page gathers the first articles of each of its sections as
such values (``ArticleQuerySet.in_section_page``) and cuts the page from them, sorted as
they come: with the ids alone, it looked every candidate up again for its time (21 a
section, 105 for a section with four subsections)."""

from django.db import migrations

CREATE = "CREATE TYPE article_position AS (published_at timestamptz, id bigint);"
DROP = "DROP TYPE article_position;"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0028_rfc3339_offset_once"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
