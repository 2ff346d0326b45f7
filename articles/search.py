"""French full-text search over articles: query parsing, name matching, ranking, snippets.

What a query may hold: words (accent-insensitive, stemmed: «engagés» finds «engager»),
a phrase in quotes («"soldats nord-coréens"», guillemets work too), an exclusion
(``-Koursk``) and ``or``. Every search runs on the stored, indexed ``search_vector``
(headline weight A, kicker and standfirst B, body C), kept current by PostgreSQL.

A misspelt name still finds its articles: a query of two words or more is compared with
people's names by trigram similarity (pg_trgm), and articles that quote or tag a person
whose name is close enough are matches too, unless they contain an excluded word.

How results are ranked, in an editor's words::

    score = relevance × ½ ^ (age in years)

``relevance`` is between 0 and 1: words in the headline count five times as much as in the
body, words in the kicker or standfirst twice as much (PostgreSQL's ``ts_rank`` with the
weights 1, 0.4 and 0.2, scaled by ``rank / (rank + 1)``); an article linked to a person
whose name matches the query gets ``NAME_RELEVANCE`` on top. Each year of age halves the
score: a headline match is about 3.5 times as relevant as a body-only one, so a headline
match from a year ago still ranks above a body match of today; from two years ago, below.
Only the ``CANDIDATES`` most recent matches are ranked: for a word found in a third of the
archive, ranking every match is what costs, and older matches are what the decay demotes.
"""

import datetime as dt
import functools
import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    TrigramSimilarity,
)
from django.core.cache import cache
from django.db import connection, models
from django.db.models import Case, F, Func, OrderBy, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Greatest, Ln

from articles import snippets
from articles.models import Article, Person, SnippetSource
from articles.querysets import SEARCH_CONFIG, AnyOf
from articles.statements import PreparedStatement

CANDIDATES = 200
NAME_SIMILARITY = 0.5
NAME_RELEVANCE = 0.5
MAX_PEOPLE = 20
# Reading one match through the full-text index costs about half of reading one search
# vector while walking the newest articles (measured at 100,000 articles with the vectors
# in the articles' rows, migration 0024: 1.7 µs a match, 3 µs a vector; a third while
# they were stored out of the row).
INDEX_TO_WALK_COST = 1 / 2
# Reading one entry of a word's list in the full-text index costs about a hundredth of
# reading one search vector while walking (measured at 100,000 articles: 0.03 µs an
# entry, 3 µs a vector); counted twice that, for a margin.
POSTING_TO_WALK_COST = 1 / 50
PAGE_ROWS = 21  # a page of 20 and one more, to know whether there is a next
NEWEST_FIRST = ("-published_at", "-id")
ESTIMATE_SECONDS = 600
HALF_LIFE_YEARS = 1.0
# ts_rank: 32 scales the rank into [0, 1) as rank / (rank + 1).
RANK_NORMALISATION = 32
SECONDS_PER_YEAR = 365.25 * 24 * 3600

QUOTES_RE = re.compile(r"[«»“”„\"]")
TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
WORD_RE = re.compile(r"\w+")  # letters and digits only: nothing of tsquery's syntax


class Snippet(models.TextField):
    """A search snippet, read as the query's stems and its text, written as it is read."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else written_snippet(value)


def written_snippet(source: str | bytes) -> str:
    """The snippet of what ``Search.snippet`` reads: the query's stems, a line break (a
    tsquery's text holds none), the text; as text, or as the bytes PostgreSQL sent."""
    if isinstance(source, bytes):
        stems, _, text = source.partition(b"\n")
        return snippets.write(text, stems.decode())
    stems, _, text = source.partition("\n")
    return snippets.write(text, stems)


@dataclass(frozen=True)
class ParsedQuery:
    """What a search box's text asks for."""

    text: str
    words: tuple[str, ...]
    phrases: tuple[str, ...]
    excluded: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases)

    @property
    def name_text(self) -> str:
        """The positive words, as they would be typed in a person's name."""
        return " ".join((*self.phrases, *self.words)).strip()

    def websearch(self, text: str) -> SearchQuery:
        """``text`` as a tsquery, read the way a search box's text is."""
        return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)

    def tsquery(self) -> SearchQuery:
        return self.websearch(self.text)

    def prefix_tsquery(self) -> SearchQuery | None:
        """The words as typed so far, the last one only begun («guerre ukr» finds «guerre
        en Ukraine»), for a box searched as one types. None with a phrase or an exclusion,
        whose meaning a half-typed word would change."""
        terms = WORD_RE.findall(" ".join(self.words))
        if self.phrases or self.excluded or not terms:
            return None
        # The begun word is compared with the stored stems unaccented but not stemmed
        # itself: «coré» is the start of «coreen», where its stem «cor» would start «corp».
        begun = unicodedata.normalize("NFKD", terms[-1].lower())
        begun = "".join(c for c in begun if not unicodedata.combining(c))
        query = SearchQuery(f"{begun}:*", search_type="raw", config="simple")
        if len(terms) > 1:
            query = SearchQuery(" ".join(terms[:-1]), config=SEARCH_CONFIG) & query
        return query

    @property
    def positive_text(self) -> str:
        """The query without its exclusions."""
        kept = [
            token.group(0)
            for token in TOKEN_RE.finditer(self.text)
            if not (token.group(1) or token.group(3))
        ]
        return " ".join(kept)

    def positive_tsquery(self) -> SearchQuery:
        """The query without its exclusions: what the full-text index reads to answer it
        (an excluded word it answers from the word's own list; an excluded phrase it
        checks in each match of the rest)."""
        return self.websearch(self.positive_text)

    def exclusion_tsquery(self) -> SearchQuery | None:
        if not self.excluded:
            return None
        text = " or ".join(f'"{item}"' for item in self.excluded)
        return self.websearch(text)


def parse(text: str) -> ParsedQuery:
    """Split a query into words, «phrases» and -exclusions; guillemets mean a phrase."""
    text = QUOTES_RE.sub('"', text or "").strip()
    words, phrases, excluded = [], [], []
    for match in TOKEN_RE.finditer(text):
        phrase_minus, phrase, word_minus, word = match.groups()
        if phrase is not None:
            phrase = phrase.strip()
            if phrase:
                (excluded if phrase_minus else phrases).append(phrase)
        elif word_minus and word.strip("-"):
            excluded.append(word.strip("-"))
        elif word.lower() != "or" and word.strip("-"):
            words.append(word)
    # websearch_to_tsquery wants straight quotes and closes an unclosed one itself.
    return ParsedQuery(text, tuple(words), tuple(phrases), tuple(excluded))


def matching_people(text: str):
    """People whose name is close to ``text`` (typos allowed), best first."""
    if len(text) < 4:
        return Person.objects.none()
    return (
        Person.objects.filter(name__trigram_similar=text)
        .annotate(similarity=TrigramSimilarity("name", text))
        .filter(similarity__gte=NAME_SIMILARITY)
        .order_by("-similarity", "name")
    )


NAME_STAND_IN = "\x00name"  # the name's place in ``matching_people_ids``'s statement


@functools.cache
def _matching_people_statement() -> PreparedStatement:
    query = matching_people(NAME_STAND_IN).values_list("pk", flat=True)[:MAX_PEOPLE]
    return PreparedStatement(query, prepared=False)  # planned for the name


def matching_people_ids(text: str) -> tuple[int, ...]:
    """The ids of the first ``MAX_PEOPLE`` of ``matching_people(text)``, by a statement
    compiled once: compiling the queryset cost every search of two words 0.38 ms of the
    worker, six times what running it does."""
    if len(text) < 4:
        return ()
    rows, _columns = _matching_people_statement().execute({NAME_STAND_IN: text})
    return tuple(pk for (pk,) in rows)


def estimates(query: ParsedQuery) -> tuple[int, int, int, int | None]:
    """How many articles PostgreSQL's planner expects ``query`` to match, how many its
    full-text index reads to find them (the query without its exclusions), how many
    articles there are, and how many hold an excluded word (None without an exclusion,
    or with an excluded phrase): the four from one ``EXPLAIN`` of the counts appended."""
    matching = Article.objects.filter(search_vector=query.tsquery()).values("pk")
    read = Article.objects.filter(search_vector=query.positive_tsquery()).values("pk")
    counted = [read, Article.objects.values("pk")]
    excluded_words = query.excluded and all(len(WORD_RE.findall(e)) == 1 for e in query.excluded)
    if excluded_words:
        counted.append(Article.objects.filter(search_vector=query.exclusion_tsquery()))
    sql, params = matching.union(*counted, all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        # A parallel plan would estimate each worker's share of some counts: a plan
        # without workers, for this transaction only (the implicit one of the two
        # statements, or the request's), in the same round trip.
        cursor.execute(
            "SET LOCAL max_parallel_workers_per_gather = 0; EXPLAIN (FORMAT JSON) " + sql, params
        )
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    counts = [int(part["Plan Rows"]) for part in plan[0]["Plan"]["Plans"]]
    return *counts[:3], (counts[3] if excluded_words else None)


def reads_fewer_through_the_index(
    matches: int, read: int, articles: int, excluded: int | None, wanted: int = PAGE_ROWS
) -> bool:
    """Whether reading a query's matches through the full-text index, then sorting them,
    costs less than walking the newest of ``articles`` until ``wanted`` matches are found
    (a page, or the candidates ranked by relevance).

    For a query matching ``matches`` of ``N`` articles, the walk reads about
    ``wanted × N / matches`` search vectors; the index reads ``read`` rows (the matches,
    or with an excluded phrase every match of the rest), each ``INDEX_TO_WALK_COST`` as
    costly. Without an exclusion the two meet at ``√(wanted × N / INDEX_TO_WALK_COST)``
    matches: for a page at 1,000,000 articles about 6,500, for 200 candidates 20,000;
    away from that point, the cheaper one reads far fewer rows.

    An excluded word (``budget -réforme``) the index answers from the words' own lists,
    each entry ``POSTING_TO_WALK_COST`` as costly as a walked vector, and only the matches
    are read: at 100,000 articles, with the vectors still out of the rows, 19 ms against
    117 for the walk, which reads thousands of vectors when few articles lack the word.
    """
    walked = wanted * articles / max(matches, 1)
    if excluded is None:
        return read * INDEX_TO_WALK_COST <= walked
    listed = read + excluded
    return matches * INDEX_TO_WALK_COST + listed * POSTING_TO_WALK_COST <= walked


def is_selective(query: ParsedQuery, wanted: int = PAGE_ROWS) -> bool:
    """Whether ``query`` is read through the full-text index first
    (``reads_fewer_through_the_index``). Planner statistics change slowly: the answer is
    kept ``ESTIMATE_SECONDS`` in Django's cache, sparing most searches the ``EXPLAIN``."""

    def judged():
        return reads_fewer_through_the_index(*estimates(query), wanted=wanted)

    digest = hashlib.blake2b(query.text.encode(), digest_size=16).hexdigest()
    return cache.get_or_set(f"search-selective:{wanted}:{digest}", judged, ESTIMATE_SECONDS)


@dataclass(frozen=True)
class Search:
    """A parsed query, the people whose name it matches, and whether its words are rare.

    Looking the people up first (one query on the trigram index) keeps the common case, a
    query naming nobody, a plain full-text condition. Asking the planner how many articles
    match, and how many there are (one EXPLAIN), lets a query matching few of them read
    them through the full-text index, instead of walking the newest articles and reading
    each one's search vector until twenty match, which is what PostgreSQL chooses, and what
    costs, when a word is in one article in three hundred; a word in one article in three
    is walked for, never read whole from the index (``is_selective``). The estimate is
    kept in the cache a while.
    """

    query: ParsedQuery
    person_ids: tuple[int, ...]
    selective: bool = False

    @classmethod
    def prepare(cls, text: str, *, wanted: int = PAGE_ROWS) -> "Search":
        """``wanted``: how many of the newest matches the caller reads (a page, or
        ``CANDIDATES`` to rank by relevance)."""
        query = parse(text)
        if query.is_empty:
            return cls(query, ())
        # A single word is not taken for a name: «blanc» must not find every Mr Blanc.
        looks_like_a_name = len(query.name_text.split()) >= 2
        people = matching_people_ids(query.name_text) if looks_like_a_name else ()
        return cls(query, people, is_selective(query, wanted))

    def linked_q(self) -> Q | None:
        """Articles quoting or tagging one of the people, minus excluded words."""
        if not self.person_ids:
            return None
        linked = Article.objects.quoting_or_about_q(self.person_ids)
        if (exclusion := self.query.exclusion_tsquery()) is not None:
            linked &= ~Q(search_vector=exclusion)
        return linked

    def matches_q(self) -> Q:
        """The condition an article must meet to be found."""
        matches = Q(search_vector=self.query.tsquery())
        if self.selective:
            found = Article.objects.filter(matches).order_by().values("pk")
            matches = Q(AnyOf(F("pk"), Subquery(found)))
        if (linked := self.linked_q()) is not None:
            matches |= linked
        return matches

    def relevance(self):
        """Between 0 and 1 (plus ``NAME_RELEVANCE``); see the module docstring."""
        rank = SearchRank(
            F("search_vector"), self.query.tsquery(), normalization=Value(RANK_NORMALISATION)
        )
        if (linked := self.linked_q()) is None:
            return rank
        bonus = Case(
            When(linked, then=Value(NAME_RELEVANCE)),
            default=Value(0.0),
            output_field=models.FloatField(),
        )
        return rank + bonus

    def snippet(self):
        """The standfirst and the body's opening around the matched words, as safe HTML
        with <mark> (``articles.snippets``); a match further down the body is found but
        not shown. PostgreSQL sends the text (``SnippetSource``) and the query's stems,
        the worker writes the snippet as the row is read.

        A subquery, so that PostgreSQL reads the text only for the rows of the page, after
        ranking: an expression is computed before the sort, for each of the
        ``CANDIDATES``.
        """
        stems = Cast(self.query.positive_tsquery(), models.TextField())
        # One text, not an array of two: PostgreSQL and psycopg would escape and parse
        # the 3,000 characters (0.3 ms a page).
        source = Func(
            stems,
            Cast(Value("\n"), models.TextField()),  # typed, for a prepared statement
            F("text"),
            function="CONCAT",
            output_field=models.TextField(),
        )
        text = SnippetSource.objects.filter(article=OuterRef("pk")).values(source=source)
        return Subquery(text, output_field=Snippet())

    def annotate(self, queryset):
        """Add ``search_rank`` and ``search_snippet``: only where a page shows them, since
        the snippet reads 3,000 characters of each article."""
        return queryset.annotate(search_rank=self.relevance(), search_snippet=self.snippet())

    def filter(self, queryset):
        """The articles of ``queryset`` that match; none for an empty query."""
        if self.query.is_empty:
            return queryset.none()
        return queryset.filter(self.matches_q())

    def newest(self, queryset):
        """The articles of ``queryset`` that match, newest first, read the way that costs
        least: a rare word's matches listed by the full-text index and sorted
        (``newest_from_the_index``), a frequent word's found by walking the newest
        articles (``WalkedMatch``, so that a prepared statement's one plan walks for every
        word). For a pager that orders by the date column (DRF's cursor), ``filter``
        gathers a rare word's matches first instead; a query naming people is walked, its
        people being in no index of words."""
        if self.selective and not self.person_ids and not self.query.is_empty:
            matches = queryset.filter(search_vector=self.query.tsquery())
            return matches.order_by(*newest_from_the_index())
        if not self.person_ids and not self.query.is_empty:
            walked = WalkedMatch(F("search_vector"), self.query.tsquery())
            return queryset.filter(walked).order_by(*NEWEST_FIRST)
        return self.filter(queryset).order_by(*NEWEST_FIRST)


class WalkedMatch(Func):
    """``vector @@ query`` written as the function behind the operator (``ts_match_vq``):
    the same rows, but no index answers a function call, and PostgreSQL estimates a third
    of the articles match one, as a frequent word does. So a frequent word's matches are
    found by walking the newest articles even in a plan made without the word (a prepared
    statement's), which would otherwise take any word for a rare one and read every match
    through the full-text index (197 ms for «guerre» at 100,000 articles, against 0.3)."""

    function = "ts_match_vq"
    output_field = models.BooleanField()
    conditional = True


class ComputedOnce(SearchQuery):
    """A query's tsquery as PostgreSQL computes it once a statement is run (an InitPlan).
    A plan made for the word computes it while planning; a prepared statement's plan would
    parse and stem the query again for each article it walks (1.2 µs each)."""

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        return f"(SELECT {sql})", params


def score():
    """``log2(relevance × ½ ^ age)`` up to a constant: ordering by it orders by the formula.

    Counting years from a fixed date instead of from now keeps the order the same from one
    request to the next, so cursor pagination over it is stable.
    """
    epoch = Func(
        Value("epoch"), F("published_at"), function="date_part", output_field=models.FloatField()
    )
    relevance = Greatest(F("search_rank"), Value(1e-9), output_field=models.FloatField())
    return Ln(relevance) / math.log(2) + epoch / (SECONDS_PER_YEAR * HALF_LIFE_YEARS)


def search(queryset, text: str):
    """Articles of ``queryset`` matching ``text``.

    The order is left to the caller: newest first stays fast at any size, because the
    full-text condition is checked along the publication-time index; ``ranked()`` orders
    by score; ``Search.annotate`` adds the rank and snippet a page shows.
    """
    return Search.prepare(text).filter(queryset)


def newest_from_the_index():
    """Newest first, ordered by an expression the date index cannot give, so that
    PostgreSQL sorts the matches the full-text index lists (one bitmap scan) instead of
    walking the newest articles: for a rare word, where ``Search.matches_q`` gathers the
    matches' ids first and then fetches each again by its key (55 against 22 ms for
    10,900 matches at 1,000,000 articles). The order is the same."""
    return (OrderBy(F("published_at") + dt.timedelta(0), descending=True), "-id")


def ranked(articles, prepared: Search, limit: int = CANDIDATES):
    """The ``limit`` newest of ``articles`` matching ``prepared`` (prepared with
    ``wanted=CANDIDATES``; found by ``Search.newest``), by score, best first.

    The returned queryset starts afresh from the candidates' primary keys (add loaders
    such as ``for_list()`` to it), so the costly per-row work, reading the search vector
    and ranking, happens once per candidate. ``search_score`` is annotated for keyset
    pagination over (``-search_score``, ``-id``).
    """
    candidates = prepared.newest(articles).values("pk")[:limit]
    return (
        prepared.annotate(articles.model.objects.filter(pk__in=Subquery(candidates)))
        .annotate(search_score=score())
        .order_by("-search_score", "-id")
    )


def quote_vector():
    """The same expression as the ``quote_search_idx`` index (migration 0007), so it is used."""
    return SearchVector("text", config=SEARCH_CONFIG)


def search_quotes(queryset, text: str):
    """Quotes of ``queryset`` whose words match ``text``, or said by a person it names."""
    prepared = Search.prepare(text)
    query = prepared.query
    if query.is_empty:
        return queryset.none()
    vector = quote_vector()
    matches = Q(SearchVectorExact(vector, query.tsquery()))
    if prepared.person_ids:
        by_people = Q(person__in=prepared.person_ids)
        if (exclusion := query.exclusion_tsquery()) is not None:
            by_people &= ~Q(SearchVectorExact(vector, exclusion))
        matches |= by_people
    return queryset.filter(matches)
