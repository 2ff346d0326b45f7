"""A quote's copy of its carriers as the public lists write them: ``carriers_entries``, the
JSON array of its published articles (newest first: public id, slug, headline, time in
Paris), and ``carriers_public_from``, when the last of them is public. From then on the
copy is exactly the carriers any reader sees, so the list of quotes writes it as it is
instead of looking up, sorting and writing each quote's articles again (about half of
what PostgreSQL spent on a page of quotes). Before then (an article scheduled or under
embargo carries the quote too), the list looks them up as before.

Kept by the triggers that keep ``public_from`` (0020, 0031): the quote's row is computed
again whenever its links change or one of its articles changes state or times, and now
also when a published carrier's headline, slug or public id changes."""

from django.db import migrations, models

# The paper's time zone (settings.TIME_ZONE); the lists use the copy only when it is the
# current one (QuoteQuerySet.list_entry).
ZONE = "Europe/Paris"

FORWARD = f"""
CREATE FUNCTION quote_carriers_copy(quote bigint, OUT entries text, OUT all_public_from timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT array_to_json(array_agg(entry ORDER BY published_at DESC, id DESC))::text,
         max(public_at)
    FROM (SELECT a.id, a.published_at, GREATEST(a.published_at, a.embargo_until) AS public_at,
                 (SELECT row_to_json(entry)
                    FROM (SELECT a.public_id AS id, a.slug, a.headline,
                                 rfc3339(a.published_at, '{ZONE}') AS published_at) AS entry
                 ) AS entry
            FROM articles_quote_articles carried
            JOIN articles_article a ON a.id = carried.article_id
           WHERE carried.quote_id = quote
             AND a.status = 'published' AND a.published_at IS NOT NULL) AS carriers
$$;

CREATE OR REPLACE FUNCTION quote_copy_public_from() RETURNS trigger AS $$
BEGIN
    NEW.public_from := quote_public_from(NEW.id);
    SELECT entries, all_public_from INTO NEW.carriers_entries, NEW.carriers_public_from
      FROM quote_carriers_copy(NEW.id);
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- What a published carrier shows of itself (its state and times: 0020's trigger).
CREATE TRIGGER article_headline_to_quotes
AFTER UPDATE OF headline, slug, public_id ON articles_article
FOR EACH ROW
WHEN (NEW.status = 'published'
      AND (OLD.headline IS DISTINCT FROM NEW.headline
           OR OLD.slug IS DISTINCT FROM NEW.slug
           OR OLD.public_id IS DISTINCT FROM NEW.public_id))
EXECUTE FUNCTION article_times_to_quotes();

UPDATE articles_quote SET public_from = NULL;  -- computed by quote_copy_public_from
"""

BACKWARD = """
DROP TRIGGER article_headline_to_quotes ON articles_article;
CREATE OR REPLACE FUNCTION quote_copy_public_from() RETURNS trigger AS $$
BEGIN
    NEW.public_from := quote_public_from(NEW.id);
    RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP FUNCTION quote_carriers_copy(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0031_quote_carriers_lock_their_articles"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="carriers_entries",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="quote",
            name="carriers_public_from",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
