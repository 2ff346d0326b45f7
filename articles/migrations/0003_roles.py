"""The newsroom's roles as groups with their permissions (see articles/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from articles.roles import ROLE_PERMISSIONS, sync_roles


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_version_revisions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("dossiers", "0001_initial"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
