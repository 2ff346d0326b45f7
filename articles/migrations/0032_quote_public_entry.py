"""A quote's copy of itself as the public lists write it: ``public_entry``, its JSON (the
words, the speaker, and its published articles newest first: public id, slug, headline,
time in Paris), and ``public_entry_from``, when the last of those articles is public.
From then on the copy is exactly what any reader sees, so the list of quotes writes it as
it is instead of joining the speaker, looking up, sorting and writing the quote's articles
and writing the quote again (PostgreSQL's time for a page of quotes: × 0.42 measured on
the statement alone). Before then (an article scheduled or under embargo carries the
quote too), the list writes the quote from its parts as before.

Kept by the triggers that keep ``public_from`` (0020, 0031), whose row trigger now
computes both in one statement over the quote's articles: the quote's row is computed
again whenever it is written, its links change or one of its articles changes state or
times; and now also when a published carrier's headline, slug or public id changes, or
the speaker's name or slug."""

from django.db import migrations, models

# The paper's time zone (settings.TIME_ZONE); the lists use the copy only when it is the
# current one (QuoteQuerySet.list_entry).
ZONE = "Europe/Paris"

FORWARD = f"""
CREATE OR REPLACE FUNCTION quote_copy_public_from() RETURNS trigger AS $$
DECLARE
    carriers record;
    speaker record;
BEGIN
    -- Its published articles (each has a time: article_published_has_time_section_headline):
    -- their entries newest first, when the first is public (0020's public_from, the
    -- same rule) and when the last is. Written here, not as a function of its own:
    -- PL/pgSQL keeps this statement's plan, a SQL function returning a row is planned
    -- again at each call (0.78 ms a quote).
    SELECT array_to_json(array_agg(entry ORDER BY published_at DESC, id DESC)) AS entries,
           min(public_at) AS first_public_from, max(public_at) AS all_public_from
      INTO carriers
      FROM (SELECT a.id, a.published_at,
                   GREATEST(a.published_at, a.embargo_until) AS public_at,
                   (SELECT row_to_json(entry)
                      FROM (SELECT a.public_id AS id, a.slug, a.headline,
                                   rfc3339(a.published_at, '{ZONE}') AS published_at) AS entry
                   ) AS entry
              FROM articles_quote_articles carried
              JOIN articles_article a ON a.id = carried.article_id
             WHERE carried.quote_id = NEW.id AND a.status = 'published') AS published;
    NEW.public_from := carriers.first_public_from;
    SELECT p.slug, p.name INTO speaker FROM articles_person p WHERE p.id = NEW.person_id;
    -- QuoteQuerySet.written_entry's fields, in its order.
    NEW.public_entry := (
        SELECT row_to_json(entry)::text
          FROM (SELECT NEW.id AS id, NEW.text AS text, NEW.kind AS kind,
                       COALESCE(speaker.name, NEW.organisation) AS speaker,
                       CASE WHEN NEW.person_id IS NULL THEN NULL
                            ELSE (SELECT row_to_json(person)
                                    FROM (SELECT speaker.slug AS slug, speaker.name AS name)
                                      AS person)
                       END AS person,
                       NEW.organisation AS organisation, NEW.document AS document,
                       NEW.role AS role, NEW.said_on AS said_on, NEW.context AS context,
                       carriers.entries AS articles) AS entry);
    NEW.public_entry_from := carriers.all_public_from;
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

CREATE FUNCTION speaker_to_quotes() RETURNS trigger AS $$
BEGIN
    UPDATE articles_quote SET public_from = NULL  -- computed by quote_copy_public_from
     WHERE person_id = NEW.id;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER speaker_to_quotes
AFTER UPDATE OF name, slug ON articles_person
FOR EACH ROW
WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
EXECUTE FUNCTION speaker_to_quotes();

UPDATE articles_quote SET public_from = NULL;  -- computed by quote_copy_public_from
"""

BACKWARD = """
DROP TRIGGER speaker_to_quotes ON articles_person;
DROP FUNCTION speaker_to_quotes();
DROP TRIGGER article_headline_to_quotes ON articles_article;
CREATE OR REPLACE FUNCTION quote_copy_public_from() RETURNS trigger AS $$
BEGIN
    NEW.public_from := quote_public_from(NEW.id);
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0031_quote_carriers_lock_their_articles"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="public_entry",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="quote",
            name="public_entry_from",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
