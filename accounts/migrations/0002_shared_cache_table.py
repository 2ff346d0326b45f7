"""The table of the "shared" cache (settings.CACHES) when there is no Redis: what every
worker counts alike, such as the token endpoint's throttle."""

from django.core.management import call_command
from django.db import migrations


def create_table(apps, schema_editor):
    call_command("createcachetable", "newsroom_shared_cache", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_audit_log")]

    operations = [
        migrations.RunPython(create_table, migrations.RunPython.noop),
        migrations.RunSQL(migrations.RunSQL.noop, "DROP TABLE IF EXISTS newsroom_shared_cache"),
    ]
