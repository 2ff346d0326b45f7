"""A person's time computed again (0030) only once their row is locked, by a statement
of its own. The update that computed it waited for the lock, then computed it from what
it saw before waiting: two transactions each removing one of a person's two earliest
bylines left the person with the time of the byline the other had removed, earlier than
any article left (public while their only other article was still scheduled: a leak,
since the list of people shows them by their copy alone). Locking first, the computing
statement starts after the other transaction committed, and sees what it removed.

The function is 0030's, with the lock before its recomputing update."""

from importlib import import_module

from django.db import migrations

PERSON = import_module("articles.migrations.0030_person_public_from")

_start = PERSON.FORWARD.index("CREATE FUNCTION person_public_time_changed")
_end = PERSON.FORWARD.index("LANGUAGE plpgsql;", _start) + len("LANGUAGE plpgsql;")
UNLOCKED = PERSON.FORWARD[_start:_end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
RECOMPUTE = "        UPDATE articles_person p SET public_from = person_public_from(p.id)\n"
LOCK = "        PERFORM 1 FROM articles_person WHERE id = person FOR NO KEY UPDATE;\n"
LOCKED = UNLOCKED.replace(RECOMPUTE, LOCK + RECOMPUTE, 1)
assert LOCKED != UNLOCKED, "0030's recomputing update was not found"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0032_quote_public_entry"),
    ]

    operations = [migrations.RunSQL(LOCKED, UNLOCKED)]
