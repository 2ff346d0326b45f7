"""Indexes for the admin's article list at a million rows: newest first, whatever the
status, alone and by the status, section and language filters.

Built concurrently, so that adding them to a live archive does not block the newsroom's
writes (hence ``atomic = False``).
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


def newest_first(*columns, name):
    return models.Index(
        *(models.F(column) for column in columns),
        models.OrderBy(models.F("published_at"), descending=True),
        models.OrderBy(models.F("id"), descending=True),
        name=name,
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0007_quote_search_index"),
    ]

    operations = [
        AddIndexConcurrently("article", newest_first(name="article_newest_idx")),
        AddIndexConcurrently("article", newest_first("status", name="article_status_newest_idx")),
        AddIndexConcurrently("article", newest_first("section", name="article_section_newest_idx")),
        AddIndexConcurrently(
            "article", newest_first("language", name="article_language_newest_idx")
        ),
    ]
