import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the superuser NEWSROOM_ADMIN_USER (default «admin») with the password "
        "NEWSROOM_ADMIN_PASSWORD (default «admin», only with DEBUG), or reuse it as it is, "
        "and print how to log in."
    )

    def handle(self, *args, **options):
        username = os.environ.get("NEWSROOM_ADMIN_USER", "admin")
        url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        user = get_user_model().objects.filter(username=username).first()
        if user is not None:
            if not user.is_superuser:
                raise CommandError(
                    f"The user «{username}» exists but is not a superuser; "
                    "set NEWSROOM_ADMIN_USER to another name."
                )
            self.stdout.write(f"Admin: {url} — user {username}, password unchanged")
            return
        password = os.environ.get("NEWSROOM_ADMIN_PASSWORD")
        # A password from the environment is a secret: never echo it into logs.
        shown = "from NEWSROOM_ADMIN_PASSWORD"
        if not password:
            if not settings.DEBUG:
                raise CommandError(
                    "Set NEWSROOM_ADMIN_PASSWORD: the default password «admin» needs DEBUG=1."
                )
            password = shown = "admin"  # noqa: S105 - a local development default only
        get_user_model().objects.create_superuser(username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Admin: {url} — user {username}, password {shown}"))
