"""Person.public_from: when the first of the articles a person signs, is quoted in or is
tagged on is public, kept by PostgreSQL whatever writes the links, the articles, the
quotes, the tags or the person (as 0020 keeps each quote's), so that the list of people
checks one field instead of looking up their articles three ways (half of PostgreSQL's
0.3 ms for a page of twenty).

A person has thousands of articles at 1,000,000, so a change is not followed by reading
them all again: an article of theirs going public (a link added, a time reached earlier)
takes the earlier of the two times, and only the time that was the person's own going
later or away is computed again from every link. A quote's people follow its own copy
(0020), which follows its carriers.

A link's trigger locks its article (``FOR SHARE``) before reading its state. Without it,
a byline added while another transaction withdrew the article was seen by neither: the
link's trigger read the article as public, the withdrawal's trigger did not see the
uncommitted link, and the person stayed public. With it, one waits for the other and
then reads what the other wrote (articles/0031 does the same for a quote's carriers)."""

from django.db import migrations, models

# The public time of an article row (``a``): ArticleQuerySet.public_q's rule, as 0020 and
# dossiers/0002 copy it: published, and both the publication time and the embargo reached.
PUBLIC_TIME = "CASE WHEN {a}.status = 'published' THEN GREATEST({a}.published_at, {a}.embargo_until) END"


def earliest_of_added(links: str, person: str, article: str) -> str:
    """Each ``person`` of the added ``links`` takes the earliest public time of their new
    ``article``s, where earlier than theirs; the articles are locked first (see above)."""
    return f"""
    PERFORM 1 FROM {links} JOIN articles_article a ON a.id = {article} FOR SHARE OF a;
    UPDATE articles_person p SET public_from = added.at
      FROM (SELECT {person} AS person_id, min({PUBLIC_TIME.format(a="a")}) AS at
              FROM {links} JOIN articles_article a ON a.id = {article}
             GROUP BY 1) AS added
     WHERE p.id = added.person_id AND added.at IS NOT NULL
       AND (p.public_from IS NULL OR added.at < p.public_from);"""


def link_changed(function: str, links: str, person: str) -> str:
    """The row trigger ``function`` on ``links`` changed or removed: the article is locked,
    then the person the link named (``person`` of ``{row}``) loses its time, and the one
    it names now gains it."""
    old, new = person.format(row="OLD"), person.format(row="NEW")
    return f"""
CREATE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    PERFORM 1 FROM articles_article WHERE id IN (OLD.article_id, NEW.article_id) FOR SHARE;
    PERFORM person_public_time_changed({old}, article_public_time(OLD.article_id), NULL);
    IF TG_OP = 'UPDATE' THEN
        PERFORM person_public_time_changed({new}, NULL, article_public_time(NEW.article_id));
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER {function}
AFTER UPDATE OR DELETE ON {links}
FOR EACH ROW EXECUTE FUNCTION {function}();"""


FORWARD = f"""
CREATE FUNCTION person_public_from(person bigint) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT LEAST(
    (SELECT min({PUBLIC_TIME.format(a="a")})
       FROM articles_byline b JOIN articles_article a ON a.id = b.article_id
      WHERE b.person_id = person),
    (SELECT min(q.public_from) FROM articles_quote q WHERE q.person_id = person),
    (SELECT min({PUBLIC_TIME.format(a="a")})
       FROM articles_tag t
       JOIN articles_article_tags tagged ON tagged.tag_id = t.id
       JOIN articles_article a ON a.id = tagged.article_id
      WHERE t.person_id = person)
  )
$$;

UPDATE articles_person SET public_from = person_public_from(id);

CREATE FUNCTION article_public_time(article bigint) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT {PUBLIC_TIME.format(a="a")} FROM articles_article a WHERE a.id = article
$$;

-- One of ``person``'s articles was public from ``was`` and is from ``now`` (NULL: not, or
-- not theirs). An earlier time is taken as it is; the person's own time going later or
-- away is computed again from every link.
CREATE FUNCTION person_public_time_changed(person bigint, was timestamptz, now timestamptz)
RETURNS void AS $$
BEGIN
    IF person IS NULL OR was IS NOT DISTINCT FROM now THEN
        RETURN;
    END IF;
    IF was IS NOT NULL AND (now IS NULL OR now > was) THEN
        UPDATE articles_person p SET public_from = person_public_from(p.id)
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

-- Links added, a statement at a time (a bulk load adds thousands at once).
CREATE FUNCTION bylines_added() RETURNS trigger AS $$
BEGIN
{earliest_of_added("added_bylines b", "b.person_id", "b.article_id")}
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER bylines_added
AFTER INSERT ON articles_byline REFERENCING NEW TABLE AS added_bylines
FOR EACH STATEMENT EXECUTE FUNCTION bylines_added();

CREATE FUNCTION article_tags_added() RETURNS trigger AS $$
BEGIN
{earliest_of_added(
    "added_article_tags tagged JOIN articles_tag t ON t.id = tagged.tag_id",
    "t.person_id",
    "tagged.article_id",
)}
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_tags_added
AFTER INSERT ON articles_article_tags REFERENCING NEW TABLE AS added_article_tags
FOR EACH STATEMENT EXECUTE FUNCTION article_tags_added();

-- Links changed or removed, a row at a time.
{link_changed("byline_changed", "articles_byline", "{row}.person_id")}

{link_changed(
    "article_tag_changed",
    "articles_article_tags",
    "(SELECT person_id FROM articles_tag WHERE id = {row}.tag_id)",
)}

-- A tag given to another person: both computed again (the tag may be on many articles).
CREATE FUNCTION tag_person_changed() RETURNS trigger AS $$
BEGIN
    UPDATE articles_person SET public_from = person_public_from(id)
     WHERE id IN (OLD.person_id, NEW.person_id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER tag_person_changed
AFTER UPDATE ON articles_tag
FOR EACH ROW WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id)
EXECUTE FUNCTION tag_person_changed();

-- A quote's own copy (0020) changes with its carriers and their times.
CREATE FUNCTION quote_people_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM person_public_time_changed(NEW.person_id, NULL, NEW.public_from);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM person_public_time_changed(OLD.person_id, OLD.public_from, NULL);
    ELSIF OLD.person_id IS NOT DISTINCT FROM NEW.person_id THEN
        PERFORM person_public_time_changed(NEW.person_id, OLD.public_from, NEW.public_from);
    ELSE
        PERFORM person_public_time_changed(OLD.person_id, OLD.public_from, NULL);
        PERFORM person_public_time_changed(NEW.person_id, NULL, NEW.public_from);
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER quote_people_changed
AFTER INSERT OR DELETE ON articles_quote
FOR EACH ROW EXECUTE FUNCTION quote_people_changed();

CREATE TRIGGER quote_people_moved
AFTER UPDATE ON articles_quote
FOR EACH ROW
WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id
      OR OLD.public_from IS DISTINCT FROM NEW.public_from)
EXECUTE FUNCTION quote_people_changed();

-- An article's state or times: the people who sign it or are tagged on it (those quoted
-- in it follow their quotes).
CREATE FUNCTION article_times_to_people() RETURNS trigger AS $$
DECLARE
    person bigint;
BEGIN
    FOR person IN
        SELECT b.person_id FROM articles_byline b WHERE b.article_id = NEW.id
        UNION
        SELECT t.person_id FROM articles_article_tags tagged
          JOIN articles_tag t ON t.id = tagged.tag_id
         WHERE tagged.article_id = NEW.id AND t.person_id IS NOT NULL
    LOOP
        PERFORM person_public_time_changed(
            person, {PUBLIC_TIME.format(a="OLD")}, {PUBLIC_TIME.format(a="NEW")});
    END LOOP;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_times_to_people
AFTER UPDATE OF status, published_at, embargo_until ON articles_article
FOR EACH ROW
WHEN (OLD.status IS DISTINCT FROM NEW.status
      OR OLD.published_at IS DISTINCT FROM NEW.published_at
      OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until)
EXECUTE FUNCTION article_times_to_people();

-- Whatever Django writes back from a person it read earlier: only the triggers above (a
-- statement of a trigger, one level down or more) change the copy.
CREATE FUNCTION person_keeps_public_from() RETURNS trigger AS $$
BEGIN
    IF pg_trigger_depth() = 1 THEN
        NEW.public_from := CASE WHEN TG_OP = 'UPDATE' THEN OLD.public_from END;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER person_keeps_public_from
BEFORE INSERT OR UPDATE ON articles_person
FOR EACH ROW EXECUTE FUNCTION person_keeps_public_from();
"""

BACKWARD = """
DROP TRIGGER person_keeps_public_from ON articles_person;
DROP FUNCTION person_keeps_public_from();
DROP TRIGGER article_times_to_people ON articles_article;
DROP FUNCTION article_times_to_people();
DROP TRIGGER quote_people_moved ON articles_quote;
DROP TRIGGER quote_people_changed ON articles_quote;
DROP FUNCTION quote_people_changed();
DROP TRIGGER tag_person_changed ON articles_tag;
DROP FUNCTION tag_person_changed();
DROP TRIGGER article_tag_changed ON articles_article_tags;
DROP FUNCTION article_tag_changed();
DROP TRIGGER byline_changed ON articles_byline;
DROP FUNCTION byline_changed();
DROP TRIGGER article_tags_added ON articles_article_tags;
DROP FUNCTION article_tags_added();
DROP TRIGGER bylines_added ON articles_byline;
DROP FUNCTION bylines_added();
DROP FUNCTION person_public_time_changed(bigint, timestamptz, timestamptz);
DROP FUNCTION article_public_time(bigint);
DROP FUNCTION person_public_from(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0029_article_position"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="public_from",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
