"""Which articles, people, quotes and tags the public may see.

The public rule exists once, as ``ArticleQuerySet.public_q``; the other public listings
filter through ``Exists(Article.objects.public()...)``. Dossier entries, quotes and people
keep a copy of when their articles are public, written by PostgreSQL from the same rule
(dossiers/0002, articles/0020 and 0030), so that a walk skips what is not public yet; a
quote and a person are public by their copy alone.

articles/models.py builds its managers from these classes, so this module cannot import
the models: a queryset reaches the other models through ``self.model``'s relations
(``related``). Full-text search is ``articles.search.search(queryset, text)``.
"""

import datetime as dt
import unicodedata

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Case, Exists, F, Func, OuterRef, Prefetch, Q, Subquery, When
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from newsroom.sqljson import RFC3339, JSONRow, as_text, json_array

SEARCH_CONFIG = "french_unaccent"
UNDATED = dt.date(1, 1, 1)  # what an undated quote is sorted as: after every dated one
# The same day written into the SQL: as a parameter, a prepared statement's generic plan
# (the fast path's) no longer matched the quotes' index on the expression, and sorted them
# all (33 ms at 100,000 articles).
UNDATED_IN_SQL = RawSQL(f"'{UNDATED.isoformat()}'::date", (), output_field=models.DateField())  # noqa: S611
# The time zone articles/0032 writes a quote's copy in: the paper's.
COPY_ZONE = "Europe/Paris"
# ``in_dossier``'s names for the fields of an article's entry in the dossier.
ENTRY_FIELDS = {"entry_published_at": "published_at", "entry_article": "article"}
# The name, an alias, or the name's last word (for a surname alone), case and accents ignored.
NAMED_SQL = """
lower(unaccent(articles_person.name)) = ANY(%s::text[])
OR EXISTS (SELECT 1 FROM unnest(articles_person.aliases) alias
           WHERE lower(unaccent(alias)) = ANY(%s::text[]))
OR regexp_replace(lower(unaccent(articles_person.name)), '^.* ', '') = ANY(%s::text[])
"""


def unaccented(text: str) -> str:
    """``text`` without diacritics, as PostgreSQL's unaccent writes it for French names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def related(model, path: str):
    """The model at the end of ``path`` (``"bylines__article"``), starting from ``model``."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


class AnyOf(Func):
    """``value = ANY(ARRAY(subquery))``.

    PostgreSQL runs the subquery once (an InitPlan) and looks its values up, or combines
    them with the full-text index in a BitmapOr. Given ``IN (subquery)`` it may walk every
    article newest first instead, checking each against the subquery, when the page looks
    close: for someone whose articles are old, that is the whole archive.
    """

    output_field = models.BooleanField()
    conditional = True

    def as_sql(self, compiler, connection, **extra_context):
        value, subquery = self.get_source_expressions()
        value_sql, value_params = compiler.compile(value)
        subquery_sql, subquery_params = compiler.compile(subquery)
        return f"{value_sql} = ANY(ARRAY{subquery_sql})", (*value_params, *subquery_params)


class ArticlePosition(Func):
    """Where an article stands newest first, as one value: its time, then its id, which
    PostgreSQL compares field by field (the type ``article_position``, articles/0029)."""

    FIELDS = ("published_at", "id")
    template = "ROW(%(expressions)s)::article_position"
    output_field = models.Field()


class PositionedIds(Subquery):
    """The ids of the articles at the ``ArticlePosition`` values a queryset selects (as
    ``first``)."""

    template = "(SELECT (page.first).id FROM (%(subquery)s) AS page)"
    output_field = models.BigIntegerField()


class ArticleQuerySet(models.QuerySet):
    @staticmethod
    def public_q(at=None) -> Q:
        """Published, publication time reached, embargo (if any) lifted, at ``at``."""
        at = at or timezone.now()
        return Q(status="published", published_at__lte=at) & (
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=at)
        )

    def public(self, at=None):
        return self.filter(self.public_q(at))

    def not_public(self, at=None):
        return self.exclude(self.public_q(at))

    # A person's articles: their ids are read first (``AnyOf``), then their rows, sorted.
    # A page costs what the person has, never a walk through the archive newest first
    # (an author's page took 350 ms at 100,000 articles).

    def by_author(self, person):
        """Articles that ``person`` signs."""
        bylines = related(self.model, "bylines").objects.filter(person=person)
        return self.filter(AnyOf(F("pk"), Subquery(bylines.values("article_id"))))

    def quoting(self, person):
        """Articles that carry a quote of ``person``."""
        return self.filter(self.quoting_q([person]))

    def quoting_or_about(self, person):
        """Articles that carry a quote of ``person`` or are tagged with them."""
        return self.filter(self.quoting_or_about_q([person]))

    def quoting_q(self, people) -> Q:
        """Carries a quote of one of ``people`` (Person objects or ids)."""
        quoted = self.model.quotes.through.objects.filter(quote__person__in=people)
        return Q(AnyOf(F("pk"), Subquery(quoted.values("article_id"))))

    def quoting_or_about_q(self, people) -> Q:
        """Carries a quote of one of ``people`` or is tagged with one of them."""
        tagged = self.model.tags.through.objects.filter(tag__person__in=people)
        return self.quoting_q(people) | Q(AnyOf(F("pk"), Subquery(tagged.values("article_id"))))

    def _going_public(self, at):
        """The next scheduled publication, embargo end and scheduled pending changes after
        ``at``."""
        published = self.model.objects.filter(status="published")
        scheduled = published.filter(published_at__gt=at).order_by("published_at")
        embargoed = published.filter(embargo_until__gt=at).order_by("embargo_until")
        changing = published.filter(pending_at__gt=at).order_by("pending_at")
        return (
            scheduled.values_list("published_at", flat=True)[:1],
            embargoed.values_list("embargo_until", flat=True)[:1],
            changing.values_list("pending_at", flat=True)[:1],
        )

    def next_visibility_change(self, at=None):
        """The next second at which a published article becomes public by itself (its
        scheduled time, the end of its embargo) or its pending changes go live, or None.
        Three index look-ups."""
        moments = self.model.objects.none().union(
            *self._going_public(at or timezone.now()), all=True
        )
        return min(moments, default=None)

    def with_next_visibility_change(self, at=None):
        """Annotate ``next_visibility_change`` on each row: the same look-ups, run once by
        PostgreSQL for the whole query, saving a list its own round trip."""
        return self.annotate(next_visibility_change=self.next_visibility_change_sql(at))

    def next_visibility_change_sql(self, at=None):
        """``next_visibility_change`` as an expression, for any query to select."""
        moments = [Subquery(moment) for moment in self._going_public(at or timezone.now())]
        return Least(*moments, output_field=models.DateTimeField())

    def in_section(self, section):
        """Articles of ``section`` or of one of its subsections. ``section`` is a Section
        from ``Section.objects.with_subsections()``, or its slug (then the sections are a
        subquery, for a statement prepared once).

        The section's ids are written into the query so that PostgreSQL plans by the
        section's size: a small section is read from its own index and sorted, a big one
        found by walking the newest first. Through a join on the parent it walked the
        whole archive for a section of seven articles (230 ms at 100,000)."""
        if isinstance(section, str):
            return self.filter(section__in=self._sections(section).values("pk"))
        return self.filter(section__in=[section.pk, *section.subsection_ids])

    def in_section_page(self, section, ordering, limit):
        """Articles of section ``section`` (its slug) or its subsections that a page of
        ``limit`` articles in ``ordering`` (newest first, or its reverse) shows: the first
        ``limit`` of the section and of each subsection, gathered with their place in that
        order (``ArticlePosition``), the page cut from those. Filter by the page's
        position first.

        PostgreSQL then reads at most ``limit`` rows from each section's own index in the
        one plan a prepared statement keeps for every section, where walking the newest
        first read the whole archive for a small section or an unknown slug. Gathered as
        ids alone, each candidate was looked up again for its time before the cut (105
        look-ups for a section with four subsections; PostgreSQL's time × 0.81 without
        them, × 0.91 for a section of its own)."""
        names, descending = [name.lstrip("-") for name in ordering], ordering[0].startswith("-")
        if names != list(ArticlePosition.FIELDS) or ordering[-1].startswith("-") != descending:
            raise ValueError(f"A section's page is newest or oldest first, not {ordering}")
        position = ArticlePosition(*names)
        firsts = self.filter(section=OuterRef("pk")).order_by(*ordering).values(position=position)
        gathered = Func(
            ArraySubquery(firsts[:limit]), function="unnest", output_field=position.output_field
        )
        page = self._sections(section).annotate(first=gathered).values("first")
        page = page.order_by(OrderBy(F("first"), descending=descending))[:limit]
        return self.filter(pk__in=PositionedIds(page))

    def _sections(self, slug):
        sections = related(self.model, "section").objects
        return sections.filter(Q(slug=slug) | Q(parent__slug=slug))

    def in_dossier(self, dossier):
        """The articles of ``dossier`` (a Dossier or its slug), each with the publication
        time its entry keeps (``entry_published_at``, copied by PostgreSQL: dossiers/0002)
        and the entry's own copy of the article's id (``entry_article``).

        Sort a timeline by ``-entry_published_at, -entry_article`` and cut pages on those
        two: PostgreSQL then walks the dossier's own entries newest first
        (``dossier_entry_newest_idx``), from any point. Sorted by the article's own time,
        it walked the whole archive's newest-first index looking for the dossier's
        articles (0.8 s for a dossier holding 0.3% of a million articles, against 1 ms);
        cut on the article's ``id``, a page deep in a 100,000-article dossier joined every
        entry to its article (125 ms, against 2)."""
        return self.filter(dossier_entries__dossier=self._dossier(dossier)).annotate(
            **{name: F(f"dossier_entries__{field}") for name, field in ENTRY_FIELDS.items()}
        )

    def in_dossier_page(self, slug, ordering, limit, at, position=None):
        """Articles of dossier ``slug`` that a page of ``limit`` in ``ordering`` (of
        ``in_dossier``'s fields) may show, public at ``at``: the page is cut from the
        dossier's entries alone, by their copies of the articles' public times
        (dossiers/0002), before any article is read. ``position``: the cursor's
        ``(lookup, value)`` on the entries' time, if any.

        One plan serves every dossier at any time (a prepared statement). Walking the
        entries joined to their articles, it read the scheduled entries at the head of a
        dossier one article at a time (167 before a page at 1,000,000 articles); told
        that the entries' times bound that walk, it sorted every entry instead.

        Unlike ``in_dossier``, the articles are not joined to their entries again: the
        fields ``in_dossier`` takes from the entry are the article's own, which the entry
        copies (dossiers/0002). Joining them again read each article's entries and the
        dossier's slug a second time (0.05 ms of a page's 0.23)."""
        entries = related(self.model, "dossier_entries").objects.filter(
            dossier=self._dossier(slug), public_from__lte=at
        )
        if position:
            lookup, value = position
            entries = entries.filter(**{f"published_at__{lookup}": value})
        entry_ordering = [
            name.replace(name.lstrip("-"), ENTRY_FIELDS[name.lstrip("-")]) for name in ordering
        ]
        firsts = entries.order_by(*entry_ordering).values("article")[:limit]
        own = {"entry_published_at": F("published_at"), "entry_article": F("pk")}
        return self.filter(AnyOf(F("pk"), Subquery(firsts))).annotate(**own)

    def _dossier(self, dossier):
        """``dossier`` (a Dossier or its slug) as its entries are filtered on."""
        if not isinstance(dossier, str):
            return dossier
        # The dossier's id as a value, not a join on its slug: PostgreSQL then walks its
        # entries in index order and stops after the page, where through the join it read
        # and sorted all of them (18 ms for 2,900 entries).
        dossiers = related(self.model, "dossier_entries__dossier").objects
        return Subquery(dossiers.filter(slug=dossier).order_by().values("pk")[:1])

    def visible_to(self, user, at=None):
        """Everything for the newsroom (who may view articles), public articles for the rest."""
        if user is not None and user.is_active and user.has_perm("articles.view_article"):
            return self.all()
        return self.public(at)

    def for_list(self):
        bylines = related(self.model, "bylines").objects.select_related("person")
        return self.select_related("section__parent", "lead_photo").prefetch_related(
            Prefetch("bylines", queryset=bylines),
            "lead_photo__renditions",
        )

    def for_detail(self, at=None):
        tags = related(self.model, "tags").objects.select_related("person")
        quotes = related(self.model, "quotes").objects.select_related("person")
        return (
            self.for_list()
            .prefetch_related(
                Prefetch("tags", queryset=tags.order_by("kind", "name")),
                Prefetch("quotes", queryset=quotes),
                "corrections",
                "dossiers",
            )
            .select_related("section__parent")
        )


class PersonQuerySet(models.QuerySet):
    def named(self, names):
        """People whose name or one of whose aliases is one of ``names``, case and accents
        ignored; a single word (a surname) also finds the people whose name ends with it."""
        wanted = sorted({unaccented(" ".join(name.split()).lower()) for name in names})
        wanted = [name for name in wanted if name]
        if not wanted:
            return self.none()
        surnames = [name for name in wanted if " " not in name]
        # Constant SQL; the names go as parameters.
        matches = RawSQL(NAMED_SQL, [wanted, wanted, surnames], output_field=models.BooleanField())  # noqa: S611
        return self.filter(matches)

    def public(self, at=None):
        """People who sign, are quoted in or are tagged on a public article: those whose
        copy of their first such article's public time (``public_from``) has passed.

        The copy is ``ArticleQuerySet.public_q``'s rule applied to their articles, kept by
        PostgreSQL whatever writes the bylines, quotes, tags or articles (articles/0030;
        tests/quotes/test_person_public_from.py holds it to the rule in every state).
        Looking their articles up three ways instead cost a page of twenty people half of
        PostgreSQL's 0.3 ms."""
        return self.filter(public_from__lte=at or timezone.now())

    def list_entry(self) -> JSONRow:
        """Each person as the list of people shows them (``PersonSerializer``)."""
        fields = ("slug", "name", "description", "aliases", "wikidata_id")
        return JSONRow(**{name: F(name) for name in fields})


class QuoteQuerySet(models.QuerySet):
    def newest_first(self):
        """By the day said (``said``; undated quotes last), then the latest added."""
        return self.annotate(said=Coalesce("said_on", UNDATED_IN_SQL)).order_by("-said", "-id")

    def public(self, at=None):
        """Quotes carried by at least one public article: those whose copy of their first
        carrier's public time (``public_from``) has passed.

        The copy is ``ArticleQuerySet.public_q``'s rule applied to the quote's articles,
        kept by PostgreSQL whatever writes the links, the articles or the quote
        (articles/0020; tests/quotes/test_quote_public_from.py holds it to the rule in
        every state). A list walking the quotes newest first skips those not public yet in
        the index, without looking up their articles. Looking them up as well (``Exists``)
        cost a page of quotes 0.09 of PostgreSQL's 0.48 ms and could not change the
        answer."""
        return self.filter(public_from__lte=at or timezone.now())

    def for_public_listing(self, at=None):
        """With the speaker, and only the public articles that carry each quote."""
        public_articles = related(self.model, "articles").objects.public(at)
        public_articles = public_articles.order_by("-published_at")
        return self.select_related("person").prefetch_related(
            Prefetch("articles", queryset=public_articles, to_attr="public_articles")
        )

    def list_entry(self, at=None):
        """Each quote as the public lists show it (``QuoteSerializer``), as JSON text: its
        copy (``public_entry``) once the last of its published articles is public, which
        PostgreSQL keeps whatever writes the quote, its speaker, its links or its articles
        (articles/0032; tests/quotes/test_quote_public_entry.py holds it to the rule);
        until then, or outside the paper's time zone, ``written_entry``. Writing every
        quote from its parts cost PostgreSQL 2.4 times the copy's time for a page."""
        at = at or timezone.now()
        written = as_text(self.written_entry(at))
        if timezone.get_current_timezone_name() != COPY_ZONE:
            return written
        return Case(When(public_entry_from__lte=at, then=F("public_entry")), default=written)

    def written_entry(self, at=None) -> JSONRow:
        """Each quote written from its parts: its speaker, and the public articles that
        carry it, newest first. The speaker is looked up, not joined, so that a list
        writing the copies reads no person."""
        speakers = related(self.model, "person").objects.filter(pk=OuterRef("person_id")).order_by()
        carriers = related(self.model, "articles").objects.public(at)
        carriers = carriers.filter(quotes=OuterRef("pk")).order_by("-published_at", "-id")
        carrier = JSONRow(
            id=F("public_id"),
            slug=F("slug"),
            headline=F("headline"),
            published_at=RFC3339(F("published_at")),
        )
        return JSONRow(
            id=F("id"),
            text=F("text"),
            kind=F("kind"),
            speaker=Coalesce(Subquery(speakers.values("name")), F("organisation")),
            person=Subquery(speakers.values(entry=JSONRow(slug=F("slug"), name=F("name")))),
            organisation=F("organisation"),
            document=F("document"),
            role=F("role"),
            said_on=F("said_on"),
            context=F("context"),
            articles=json_array(carriers.values(entry=carrier)),
        )


class SectionQuerySet(models.QuerySet):
    def with_subsections(self):
        """Each section with the ids of its subsections (``subsection_ids``), in the same
        query: what ``ArticleQuerySet.in_section`` asks of a Section."""
        subsections = self.model.objects.filter(parent=OuterRef("pk")).order_by().values("pk")
        return self.annotate(subsection_ids=ArraySubquery(subsections))


class TagQuerySet(models.QuerySet):
    def public(self, at=None):
        """Tags used by at least one public article."""
        public_articles = related(self.model, "articles").objects.public(at)
        return self.filter(Exists(public_articles.filter(tags=OuterRef("pk"))))

    def list_entry(self) -> JSONRow:
        """Each tag as the list of tags shows it (``TagSerializer``)."""
        return JSONRow(slug=F("slug"), name=F("name"), kind=F("kind"), person=F("person__slug"))
