"""A quote's carriers changing lock the articles they link (``FOR SHARE``) before the
quote's copy of their public time (0020) is computed again, as a person's links do
(0030). Without it, a quote linked to an article while another transaction withdrew the
article was seen by neither trigger, and the quote stayed public: the list of quotes
shows a quote by its copy alone."""

from django.db import migrations

LOCKING = """
CREATE OR REPLACE FUNCTION quote_carriers_changed() RETURNS trigger AS $$
BEGIN
    PERFORM 1 FROM articles_article WHERE id IN (OLD.article_id, NEW.article_id) FOR SHARE;
    UPDATE articles_quote SET public_from = NULL  -- computed by quote_copy_public_from
     WHERE id IN (OLD.quote_id, NEW.quote_id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
"""

NOT_LOCKING = LOCKING.replace(
    "    PERFORM 1 FROM articles_article WHERE id IN (OLD.article_id, NEW.article_id) FOR SHARE;\n",
    "",
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0030_person_public_from"),
    ]

    operations = [migrations.RunSQL(LOCKING, NOT_LOCKING)]
