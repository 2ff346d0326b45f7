"""Each dossier entry carries its article's publication time and the second it became (or
becomes) public, kept by PostgreSQL triggers, so that a dossier's month counts and the
dossiers' coverage are read from one index, never from a million article rows."""

from django.db import migrations, models

# public_from: when the article is public (the rule of ArticleQuerySet.public_q): published,
# and both its publication time and its embargo (if any) reached. NULL: not published.
PUBLIC_FROM = (
    "CASE WHEN a.status = 'published' THEN GREATEST(a.published_at, a.embargo_until) END"
)

FORWARD = f"""
UPDATE dossiers_dossierentry e
   SET published_at = a.published_at, public_from = {PUBLIC_FROM}
  FROM articles_article a
 WHERE a.id = e.article_id;

CREATE FUNCTION dossier_entry_copy_times() RETURNS trigger AS $$
BEGIN
    SELECT a.published_at, {PUBLIC_FROM}
      INTO NEW.published_at, NEW.public_from
      FROM articles_article a WHERE a.id = NEW.article_id;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER dossier_entry_copy_times
BEFORE INSERT OR UPDATE ON dossiers_dossierentry
FOR EACH ROW EXECUTE FUNCTION dossier_entry_copy_times();

CREATE FUNCTION article_times_to_dossier_entries() RETURNS trigger AS $$
BEGIN
    UPDATE dossiers_dossierentry e
       SET published_at = a.published_at, public_from = {PUBLIC_FROM}
      FROM articles_article a
     WHERE a.id = NEW.id AND e.article_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_times_to_dossier_entries
AFTER UPDATE OF status, published_at, embargo_until ON articles_article
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status
      OR OLD.published_at IS DISTINCT FROM NEW.published_at
      OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until)
EXECUTE FUNCTION article_times_to_dossier_entries();
"""

BACKWARD = """
DROP TRIGGER article_times_to_dossier_entries ON articles_article;
DROP FUNCTION article_times_to_dossier_entries();
DROP TRIGGER dossier_entry_copy_times ON dossiers_dossierentry;
DROP FUNCTION dossier_entry_copy_times();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0001_initial"),
        ("articles", "0009_search_vector_statistics"),
    ]

    operations = [
        migrations.AddField(
            model_name="dossierentry",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="dossierentry",
            name="public_from",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.AddIndex(
            model_name="dossierentry",
            index=models.Index(
                fields=["dossier", "public_from"],
                include=["published_at"],
                name="dossier_entry_public_idx",
            ),
        ),
    ]
