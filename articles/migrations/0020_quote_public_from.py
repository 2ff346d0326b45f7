"""Quote.public_from: when the first of the articles carrying the quote is public, kept
by PostgreSQL whatever writes the links or the articles (as dossiers/0002 keeps each
dossier entry's), so that a list of quotes skips those no reader may see yet without
looking up their articles."""

from django.db import migrations, models

# The rule of ArticleQuerySet.public_q, as dossiers/0002 copies it: published, and both
# the publication time and the embargo (if any) reached.
FORWARD = """
CREATE FUNCTION quote_public_from(quote bigint) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT min(CASE WHEN a.status = 'published' THEN GREATEST(a.published_at, a.embargo_until) END)
    FROM articles_quote_articles carried
    JOIN articles_article a ON a.id = carried.article_id
   WHERE carried.quote_id = quote
$$;

UPDATE articles_quote SET public_from = quote_public_from(id);

-- Whatever Django writes back from a quote it read earlier.
CREATE FUNCTION quote_copy_public_from() RETURNS trigger AS $$
BEGIN
    NEW.public_from := quote_public_from(NEW.id);
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER quote_copy_public_from
BEFORE INSERT OR UPDATE ON articles_quote
FOR EACH ROW EXECUTE FUNCTION quote_copy_public_from();

CREATE FUNCTION quote_carriers_changed() RETURNS trigger AS $$
BEGIN
    UPDATE articles_quote SET public_from = NULL  -- computed by quote_copy_public_from
     WHERE id IN (OLD.quote_id, NEW.quote_id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER quote_carriers_changed
AFTER INSERT OR UPDATE OR DELETE ON articles_quote_articles
FOR EACH ROW EXECUTE FUNCTION quote_carriers_changed();

CREATE FUNCTION article_times_to_quotes() RETURNS trigger AS $$
BEGIN
    UPDATE articles_quote SET public_from = NULL  -- computed by quote_copy_public_from
     WHERE id IN (SELECT quote_id FROM articles_quote_articles WHERE article_id = NEW.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_times_to_quotes
AFTER UPDATE OF status, published_at, embargo_until ON articles_article
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status
      OR OLD.published_at IS DISTINCT FROM NEW.published_at
      OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until)
EXECUTE FUNCTION article_times_to_quotes();
"""

BACKWARD = """
DROP TRIGGER article_times_to_quotes ON articles_article;
DROP FUNCTION article_times_to_quotes();
DROP TRIGGER quote_carriers_changed ON articles_quote_articles;
DROP FUNCTION quote_carriers_changed();
DROP TRIGGER quote_copy_public_from ON articles_quote;
DROP FUNCTION quote_copy_public_from();
DROP FUNCTION quote_public_from(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_rfc3339_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="public_from",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
