"""The newsroom's roles as groups with their permissions (see articles/roles.py)."""

from django.db import migrations

from articles.roles import GROUP_NAMES, give_role_permissions


def remove_roles(apps, schema_editor):
    groups = apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias)
    groups.filter(name__in=[*GROUP_NAMES, *GROUP_NAMES.values()]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_article_version_revisions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("dossiers", "0001_initial"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(give_role_permissions, remove_roles)]
