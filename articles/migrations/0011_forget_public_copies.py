from django.db import migrations


class Migration(migrations.Migration):
    """Stored public copies gained ``page_url`` and ``jsonld``: forget them all, so that each
    is rendered again, in the new shape, when it is next read (articles/rendering.py)."""

    dependencies = [("articles", "0010_article_updated_idx")]

    operations = [
        migrations.RunSQL("DELETE FROM articles_publiccopy", reverse_sql=migrations.RunSQL.noop),
    ]
