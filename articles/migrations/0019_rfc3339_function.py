"""rfc3339(at, zone): a time as the API writes it (``newsroom.api.RFC3339DateTimeField``),
so that lists written by PostgreSQL (``newsroom.sqljson``) show the same text: local time
in ``zone`` with its offset and microseconds only when there are any; in UTC with ``Z``
where the offset is zero (as DRF writes it) or not in whole minutes (Paris before 1911)."""

from django.db import migrations

CREATE = r"""
CREATE FUNCTION rfc3339(at timestamptz, zone text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN offset_seconds = 0 OR offset_seconds % 60 <> 0
    THEN to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || fraction || 'Z'
    ELSE to_char(at AT TIME ZONE zone, 'YYYY-MM-DD"T"HH24:MI:SS') || fraction
      || CASE WHEN offset_seconds < 0 THEN '-' ELSE '+' END
      || to_char(make_interval(secs => abs(offset_seconds)), 'HH24:MI')
    END
  FROM (
    SELECT
      extract(epoch FROM (at AT TIME ZONE zone) - (at AT TIME ZONE 'UTC'))::int
        AS offset_seconds,
      CASE WHEN extract(microseconds FROM at)::bigint % 1000000 = 0 THEN ''
        ELSE to_char(at AT TIME ZONE 'UTC', '.US') END
        AS fraction
  ) AS parts
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_editors_read_the_audit_log"),
    ]

    operations = [
        migrations.RunSQL(CREATE, "DROP FUNCTION rfc3339(timestamptz, text);"),
    ]
