"""A person's time computed again (0030) only once their row is locked, by a statement
of its own. The update that computed it waited for the lock, then computed it from what
it saw before waiting: two transactions each removing one of a person's two earliest
bylines left the person with the time of the byline the other had removed, earlier than
any article left (public while their only other article was still scheduled: a leak,
since the list of people shows them by their copy alone). Locking first, the computing
statement starts after the other transaction committed, and sees what it removed."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION person_public_time_changed(person bigint, was timestamptz, now timestamptz)
RETURNS void AS $$
BEGIN
    IF person IS NULL OR was IS NOT DISTINCT FROM now THEN
        RETURN;
    END IF;
    IF was IS NOT NULL AND (now IS NULL OR now > was) THEN
{lock}        UPDATE articles_person p SET public_from = person_public_from(p.id)
         WHERE p.id = person AND was <= p.public_from;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    IF now IS NOT NULL THEN
        UPDATE articles_person p SET public_from = now
         WHERE p.id = person AND (p.public_from IS NULL OR now < p.public_from);
    END IF;
END $$ LANGUAGE plpgsql;
"""

LOCK = "        PERFORM 1 FROM articles_person WHERE id = person FOR NO KEY UPDATE;\n"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0032_quote_public_entry"),
    ]

    operations = [migrations.RunSQL(FUNCTION.format(lock=LOCK), FUNCTION.format(lock=""))]
