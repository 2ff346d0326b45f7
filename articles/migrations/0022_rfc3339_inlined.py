"""rfc3339(at, zone) as one expression, which PostgreSQL inlines into the query that calls
it. Written as a select from a subquery (0019), it ran as a function call of its own,
about 40 µs each: a page of twenty quotes, with the time of each article carrying them,
spent 1 of its 1.4 ms there. Same rules, same text (tests/api/test_entries_written_by_
postgresql.py compares it with the API's field); not STRICT, which would stop the
inlining: a null time still gives null."""

from importlib import import_module

from django.db import migrations

# The offset of ``zone`` at ``at``, in seconds.
OFFSET = "extract(epoch FROM (at AT TIME ZONE zone) - (at AT TIME ZONE 'UTC'))::int"
FRACTION = (
    "CASE WHEN extract(microseconds FROM at)::bigint % 1000000 = 0 THEN ''"
    " ELSE to_char(at AT TIME ZONE 'UTC', '.US') END"
)

INLINED = rf"""
CREATE OR REPLACE FUNCTION rfc3339(at timestamptz, zone text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN {OFFSET} = 0 OR {OFFSET} % 60 <> 0
    THEN to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || {FRACTION} || 'Z'
    ELSE to_char(at AT TIME ZONE zone, 'YYYY-MM-DD"T"HH24:MI:SS') || {FRACTION}
      || CASE WHEN {OFFSET} < 0 THEN '-' ELSE '+' END
      || to_char(make_interval(secs => abs({OFFSET})), 'HH24:MI')
    END
$$;
"""

# 0019's, for going back.
CALLED = import_module("articles.migrations.0019_rfc3339_function").CREATE.replace(
    "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_quote_said_public_indexes"),
    ]

    operations = [migrations.RunSQL(INLINED, CALLED)]
