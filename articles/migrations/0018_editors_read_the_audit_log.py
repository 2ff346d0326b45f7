"""Editors read the audit log: the roles' permissions again, now that accounts exists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import sync_roles


def give_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0017_plain_text_validators_everywhere"),
        ("accounts", "0001_audit_log"),
    ]

    operations = [migrations.RunPython(give_permissions, migrations.RunPython.noop)]
