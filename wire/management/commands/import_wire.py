"""Import agency items (ninjs 1.x and 2.x ``.json``, NewsML-G2 ``.xml``) as draft articles;
``--watch`` polls the folders and imports what appears or changes in them."""

import time
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from wire import account, ingest, sources


class Command(BaseCommand):
    help = "Import agency items (ninjs, NewsML-G2) from files or folders as draft articles."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="item files, or folders of them")
        parser.add_argument("--user", help="import as this account (default: the wire's own)")
        parser.add_argument("--watch", action="store_true", help="keep polling the folders")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between polls")
        parser.add_argument(
            "--polls", type=int, default=None, help="with --watch: stop after this many polls"
        )

    def handle(self, *args, paths, user, watch, interval, polls, **options):
        by = self.actor(user)
        seen: dict = {}
        done = 0
        while True:
            changed = []
            for path in sources.files(paths):
                try:
                    stamp = path.stat().st_mtime_ns, path.stat().st_size
                except OSError:
                    stamp = None
                if seen.get(path) != stamp or stamp is None:
                    changed.append(path)
                    seen[path] = stamp
            if changed or not watch:
                entries = (entry for path in changed for entry in sources.read_file(path))
                self.report(ingest.import_items(entries, by=by))
            done += 1
            if not watch or (polls is not None and done >= polls):
                return
            time.sleep(interval)

    def actor(self, username):
        if not username:
            return account.wire_user()
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not account.may_import(user):
            raise CommandError(
                _("«%(user)s» is no active account that may edit every article.")
                % {"user": username}
            )
        return user

    def report(self, results):
        for result in results:
            if result.outcome == ingest.REFUSED:
                self.stderr.write(
                    _("%(source)s: refused: %(reason)s")
                    % {"source": result.source, "reason": result.reason}
                )
            for warning in result.warnings:
                self.stderr.write(f"{result.source}: {warning}")
        counts = Counter(result.outcome for result in results)
        self.stdout.write(
            _(
                "%(count)d items: %(created)d created, %(updated)d updated, %(pending)d waiting "
                "as pending changes, %(unchanged)d unchanged, %(older)d older, %(refused)d "
                "refused."
            )
            % {"count": len(results), **{outcome: counts[outcome] for outcome in ingest.OUTCOMES}}
        )
