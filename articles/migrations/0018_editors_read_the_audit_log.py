"""Editors read the audit log: the roles' permissions again, now that accounts exists."""

from django.db import migrations

from articles.roles import give_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_plain_text_validators_everywhere"),
        ("accounts", "0001_audit_log"),
    ]

    operations = [migrations.RunPython(give_role_permissions, migrations.RunPython.noop)]
