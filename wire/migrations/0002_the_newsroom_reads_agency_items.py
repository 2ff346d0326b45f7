"""Journalists and editors read the agency items (urgency, agency, version) beside the
drafts they became: the roles' permissions again, now that wire exists."""

from django.db import migrations

from articles.roles import give_role_permissions


class Migration(migrations.Migration):
    dependencies = [("wire", "0001_wire_items"), ("accounts", "0003_role_groups_in_french")]

    operations = [migrations.RunPython(give_role_permissions, migrations.RunPython.noop)]
