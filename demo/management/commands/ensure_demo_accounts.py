"""One demo account per newsroom role, for trying the project (``make run``; DEBUG only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles import roles
from articles.models import Person

# username, role, the demo Person they sign as (the journalist signs demo articles).
ACCOUNTS = [
    ("journaliste", roles.JOURNALIST, "camille-berthier"),
    ("editeur", roles.EDITOR, None),
    ("archiviste", roles.ARCHIVIST, None),
]


class Command(BaseCommand):
    help = "Create the demo accounts journaliste, editeur and archiviste (password: the name)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts have known passwords: DEBUG=1 only.")
        users = get_user_model().objects
        for username, role, signs_as in ACCOUNTS:
            if not users.filter(username=username).exists():
                user = roles.add_member(username, role, password=username)
                if signs_as:  # the demo articles this Person signs become the account's
                    Person.objects.filter(user=user).delete()
                    Person.objects.filter(slug=signs_as, user=None).update(user=user)
            self.stdout.write(f"{role}: user {username}, password {username}")
