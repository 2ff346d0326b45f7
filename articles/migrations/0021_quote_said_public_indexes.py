"""The quotes' list indexes hold, after the order, what the public lists check: the copy
of the public time (0020), the kind and the day said. PostgreSQL checks them on the index
tuple, so a page of quotes passes those of scheduled articles (the newest said) without
reading their rows.

They replace the indexes of 0016, built first and concurrently, so that the lists keep an
index and the newsroom's writes are not blocked meanwhile (hence ``atomic = False``).
"""

import datetime as dt

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models
from django.db.models.functions import Coalesce

UNDATED = dt.date(1, 1, 1)


def newest_said(*columns, name):
    return models.Index(
        *(models.F(column) for column in columns),
        models.OrderBy(Coalesce("said_on", models.Value(UNDATED)), descending=True),
        models.OrderBy(models.F("id"), descending=True),
        *(models.F(column) for column in ("public_from", "kind", "said_on")),
        name=name,
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0020_quote_public_from"),
    ]

    operations = [
        AddIndexConcurrently("quote", newest_said(name="quote_said_public_idx")),
        AddIndexConcurrently("quote", newest_said("person", name="quote_person_said_public_idx")),
        RemoveIndexConcurrently("quote", "quote_newest_said_idx"),
        RemoveIndexConcurrently("quote", "quote_person_newest_said_idx"),
    ]
