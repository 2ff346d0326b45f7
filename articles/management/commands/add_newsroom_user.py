"""``manage.py add_newsroom_user USERNAME --role journalist|editor|archivist``."""

import secrets

from django.core.management.base import BaseCommand, CommandError

from articles import roles


class Command(BaseCommand):
    help = (
        "Create a working newsroom account: staff, in the role's group, signing as a "
        "Person. The password is --password, or one generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(roles.ROLE_PERMISSIONS))
        parser.add_argument("--name", default="", help="First and last name, for the byline.")
        parser.add_argument("--password", help="Omit to have one generated and printed.")

    def handle(self, *args, username, role, name, password, **options):
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        try:
            roles.add_member(username, role, password=password, full_name=name)
        except ValueError as error:
            raise CommandError(str(error)) from None
        shown = password if generated else "as given"
        self.stdout.write(
            self.style.SUCCESS(f"{role} «{username}» can log in at /admin/, password {shown}")
        )
