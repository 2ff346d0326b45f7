"""The text a search snippet is cut from, in a row of its own, written by PostgreSQL.

A search page read 3,000 characters of each of its twenty articles' body text, which is
stored out of the article's row: a look-up in the TOAST table, the body decompressed, cut
by characters, about 50 µs an article, a millisecond of PostgreSQL a page (measured at
100,000 articles). The same text in a short row of its own, compressed in its page,
costs about 10 µs. Triggers write it whenever an article is inserted, its standfirst or
body text changes, or it is deleted, whatever the door (admin, API, import, a bulk
insert), as the search vector is written.
"""

import django.db.models.deletion
from django.db import migrations, models

SOURCE = "concat({row}.standfirst, ' ', left({row}.body_text, 3000))"

WRITE = f"""
CREATE FUNCTION articles_write_snippet_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM articles_snippetsource WHERE article_id = OLD.id;
    ELSE
        INSERT INTO articles_snippetsource (article_id, text)
        VALUES (NEW.id, {SOURCE.format(row="NEW")})
        ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_snippet_source_inserted AFTER INSERT ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_write_snippet_source();
CREATE TRIGGER articles_snippet_source_updated AFTER UPDATE OF standfirst, body_text
    ON articles_article FOR EACH ROW
    WHEN (OLD.standfirst IS DISTINCT FROM NEW.standfirst
          OR OLD.body_text IS DISTINCT FROM NEW.body_text)
    EXECUTE FUNCTION articles_write_snippet_source();
CREATE TRIGGER articles_snippet_source_deleted AFTER DELETE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_write_snippet_source();
INSERT INTO articles_snippetsource (article_id, text)
    SELECT id, {SOURCE.format(row="articles_article")} FROM articles_article;
"""

UNWRITE = """
DROP TRIGGER articles_snippet_source_inserted ON articles_article;
DROP TRIGGER articles_snippet_source_updated ON articles_article;
DROP TRIGGER articles_snippet_source_deleted ON articles_article;
DROP FUNCTION articles_write_snippet_source();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_search_vector_in_the_row"),
    ]

    operations = [
        migrations.CreateModel(
            name="SnippetSource",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("text", models.TextField(editable=False)),
            ],
            options={
                "verbose_name": "snippet source",
                "verbose_name_plural": "snippet sources",
            },
        ),
        migrations.RunSQL(WRITE, UNWRITE),
    ]
