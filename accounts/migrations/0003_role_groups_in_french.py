"""The role groups take the names the newsroom uses (the admin shows them): journalist,
editor and archivist become «Journalistes», «Éditeurs» and «Archivistes»."""

from django.db import migrations

RENAMES = {"journalist": "Journalistes", "editor": "Éditeurs", "archivist": "Archivistes"}


def rename(apps, schema_editor, renames=RENAMES):
    groups = apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias)
    for old, new in renames.items():
        if not groups.filter(name=new).exists():
            groups.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, {new: old for old, new in RENAMES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_shared_cache_table"),
        ("articles", "0018_editors_read_the_audit_log"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
