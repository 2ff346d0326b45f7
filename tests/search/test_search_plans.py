"""Search plans stay bounded by the page, whatever a word's frequency.

A table of 20,000 published articles, analysed, holds a word in half of them, one in 1 %
and one in ten. Each API search (newest first and by relevance) is run, and every query
it sends that reads the articles is run again under ``EXPLAIN ANALYZE``: none may scan the
table, and none may read more article rows than the page and its candidates need. A plan
that read every match of the frequent word, or every search vector, reads thousands.
"""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import search, statements
from articles.hotpath import PublicReadsApp
from articles.models import Article, PublicCopy
from tests.api.test_hotpath import Fallback, call
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db  # and the test database is set up before ``archive``

ARTICLES = 20_000
AT = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
FILLER = [
    "Le conseil municipal a voté le budget des écoles après un long débat.",
    "Les syndicats appellent à manifester jeudi devant la préfecture.",
    "La récolte de pommes est meilleure que prévu dans la vallée.",
    "Le club local a remporté le derby au terme d’un match serré.",
]
# What the benchmark's spread asks for: half the archive, one in a hundred, ten articles.
WORDS = {"guerre": 2, "koursk": 100, "zorglub": ARTICLES // 10}
# The newest-first page (21 rows) found by walking the date index needs about 42 articles
# for a word in one in two; relevance ranks the 200 newest matches (about 400 walked).
MOST_ROWS_READ = 1_000


def text_of(number: int) -> str:
    words = [word for word, every in WORDS.items() if number % every == 0]
    return " ".join([FILLER[number % len(FILLER)], *(f"La {word} continue." for word in words)])


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """20,000 published articles, an hour apart, analysed; shared by the module's tests
    (inserting them takes seconds) and deleted after them."""
    with django_db_blocker.unblock():
        section = SectionFactory(slug="plans")
        Article.objects.bulk_create(
            (
                Article(
                    slug=f"plans-{number}",
                    section=section,
                    headline=f"Dépêche numéro {number}",
                    body_text=text_of(number),
                    status=Article.Status.PUBLISHED,
                    published_at=AT - dt.timedelta(hours=number),
                    first_published_at=AT - dt.timedelta(hours=number),
                )
                for number in range(ARTICLES)
            ),
            batch_size=2_000,
        )
        with connection.cursor() as cursor:
            # The bulk insert left its words in the full-text index's pending list, which
            # the planner costs by its size, and earlier tests' rolled-back articles left
            # their words in the index (a bitmap scan reads them, then drops them): both
            # cleared now, so the plans do not depend on autovacuum's timing.
            cursor.execute("VACUUM ANALYZE articles_article")
        yield ARTICLES
        Article.objects.filter(section=section).delete()
        section.delete()


@pytest.fixture(autouse=True)
def fresh_estimates():
    """Whether a word is rare was judged, and kept, against other tests' tables."""
    cache.clear()


def article_scans(plan: dict):
    """Every node of ``plan`` reading ``articles_article`` (its heap or its indexes)."""
    if plan.get("Relation Name") == "articles_article" or plan.get("Index Name", "").startswith(
        "article_"
    ):
        yield plan
    for child in plan.get("Plans", []):
        yield from article_scans(child)


def rows_read(node: dict) -> int:
    loops = node.get("Actual Loops", 1)
    return (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * loops


def searched_plans(api, params) -> list[dict]:
    """The analysed plans of the queries an API search sends that read the articles."""
    with CaptureQueriesContext(connection) as captured:
        response = api.get("/api/v1/articles/", params)
    assert response.status_code == 200, response.content
    plans = []
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if "EXPLAIN" in sql or "articles_article" not in sql:  # the estimates
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plans.append((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])
    assert plans
    return plans


@pytest.mark.parametrize("ordering", ["newest", "relevance"])
@pytest.mark.parametrize(
    "q", ["guerre", "koursk", "zorglub", "guerre koursk", '"la guerre"', "guerre -koursk"]
)
def test_a_search_reads_no_more_articles_than_its_page_needs(api, archive, q, ordering):
    for plan in searched_plans(api, {"q": q, "ordering": ordering}):
        scans = list(article_scans(plan))
        assert all(scan["Node Type"] != "Seq Scan" for scan in scans), json.dumps(plan)
        assert sum(rows_read(scan) for scan in scans) <= MOST_ROWS_READ, json.dumps(plan)


def test_an_excluded_word_few_articles_lack_is_answered_from_the_index(api, archive):
    """«conseil -guerre»: every article about the council speaks of the war, so walking
    the newest articles for 200 candidates would read the whole archive; the full-text
    index answers the exclusion from the two words' lists."""
    plans = searched_plans(api, {"q": "conseil -guerre", "ordering": "relevance"})
    for plan in plans:
        assert sum(rows_read(scan) for scan in article_scans(plan)) <= MOST_ROWS_READ
    assert any(scan.get("Index Name") == "article_search_idx" for scan in article_scans(plans[0]))


def test_newest_first_walks_the_date_index_for_a_frequent_word(api, archive):
    page_query = searched_plans(api, {"q": "guerre", "ordering": "newest"})[0]
    indexes = {scan.get("Index Name") for scan in article_scans(page_query)}
    # Either index that holds the articles newest first (the planner picks by statistics).
    assert indexes & {"article_published_idx", "article_status_newest_idx"}
    assert "article_search_idx" not in indexes  # every match's id, read from the index


def nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


@pytest.mark.parametrize("ordering", ["newest", "relevance"])
def test_the_snippets_text_is_read_only_for_the_page(api, archive, ordering):
    """The 3,000 characters a snippet is cut from are read for the page's 21 rows, after
    ranking, not for each of the candidates sorted."""
    plans = searched_plans(api, {"q": "guerre", "ordering": ordering})
    reading = [
        node
        for plan in plans
        for node in nodes(plan)
        if node.get("Relation Name") == "articles_snippetsource"
    ]
    assert reading
    assert all(node["Actual Loops"] * max(node["Actual Rows"], 1) <= 21 for node in reading)


def fast_path_plan(api, settings, query: str) -> dict:
    """The analysed plan of the one statement the fast path sends for a search."""
    settings.ALLOWED_HOSTS = ["testserver"]
    api.get(f"/api/v1/articles/?{query}")  # the page's entries rendered
    with CaptureQueriesContext(connection) as captured:
        status, _, body = call(PublicReadsApp(Fallback()), "/api/v1/articles/", QUERY_STRING=query)
    assert status == "200 OK", body
    # Sent whole, or executed (a frequent word's walk, prepared now or before).
    [statement] = [
        q["sql"]
        for q in captured
        if q["sql"].startswith("EXECUTE")
        or ("articles_article" in q["sql"] and not q["sql"].startswith(("PREPARE", "EXPLAIN")))
    ]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement)
        plan = cursor.fetchone()[0]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def test_the_fast_path_sorts_a_rare_words_matches_as_the_index_lists_them(api, archive, settings):
    """Newest first, «koursk» (200 matches): the fast path's statement sorts the full-text
    index's matches, instead of gathering their ids and fetching each again by its key."""
    plan = fast_path_plan(api, settings, "q=koursk&ordering=newest")
    scans = list(article_scans(plan))
    assert any(scan.get("Index Name") == "article_search_idx" for scan in scans)
    by_key = [scan for scan in nodes(plan) if scan.get("Index Name") == "articles_article_pkey"]
    assert all(rows_read(scan) <= search.PAGE_ROWS for scan in by_key), json.dumps(plan)


@pytest.mark.parametrize("q", ["guerre", "koursk"])
def test_the_fast_path_reads_the_entries_of_the_page_only_by_relevance(api, archive, settings, q):
    """By relevance, the 200 candidates are ranked before their stored entries are
    joined: the entries are read for the page's rows, not for every candidate. Every
    article has an entry here, as in a newspaper's archive, so that PostgreSQL has to
    choose which to read."""
    now = timezone.now()
    PublicCopy.objects.bulk_create(
        PublicCopy(article_id=pk, detail="{}", summary="{}", etag="x", rendered_at=now)
        for pk in Article.objects.filter(public_copy__isnull=True).values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_publiccopy")
    plan = fast_path_plan(api, settings, f"q={q}&ordering=relevance")
    entries = [node for node in nodes(plan) if node.get("Relation Name") == "articles_publiccopy"]
    assert entries
    # Looked up once a row (loops), or scanned (rows); a candidate with no entry yet is
    # looked up all the same.
    read = [node["Actual Loops"] * max(node["Actual Rows"], 1) for node in entries]
    assert all(count <= search.PAGE_ROWS for count in read), json.dumps(plan)


@pytest.mark.parametrize("ordering", ["newest", "relevance"])
def test_the_fast_path_prepares_one_walk_for_every_frequent_word(api, archive, settings, ordering):
    """A frequent word's first page is a statement prepared once, whose one plan serves
    the next frequent word too: it walks the newest articles, never the full-text index
    (a plan made without the word would take it for a rare one and read every match),
    and reads no more than the page or the candidates need."""
    settings.ALLOWED_HOSTS = ["testserver"]
    queries = [f"q={word}&ordering={ordering}" for word in ("guerre", "continue")]
    for query in queries:
        api.get(f"/api/v1/articles/?{query}")  # the pages' entries rendered
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a new connection
    statements.Session.sessions.clear()
    with CaptureQueriesContext(connection) as captured:
        for query in queries:
            status, _, body = call(
                PublicReadsApp(Fallback()), "/api/v1/articles/", QUERY_STRING=query
            )
            assert status == "200 OK", body
    sent = [q["sql"] for q in captured if q["sql"].startswith(("PREPARE", "EXECUTE"))]
    assert [sql.split()[0] for sql in sent] == ["PREPARE", "EXECUTE", "EXECUTE"]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sent[-1])
        plan = cursor.fetchone()[0]
    plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
    scans = list(article_scans(plan))
    assert "article_search_idx" not in {scan.get("Index Name") for scan in scans}
    assert sum(rows_read(scan) for scan in scans) <= MOST_ROWS_READ, json.dumps(plan)


def test_by_relevance_a_rare_words_matches_are_sorted_as_the_index_lists_them(api, archive):
    """By relevance on Django's path (a next page, a search naming no one), «koursk»'s
    200 matches are sorted as the full-text index lists them and their candidates read
    once by key, as on the fast path: not gathered first, then fetched again by key."""
    plan = searched_plans(api, {"q": "koursk", "ordering": "relevance"})[0]
    assert any(scan.get("Index Name") == "article_search_idx" for scan in article_scans(plan))
    by_key = [scan for scan in nodes(plan) if scan.get("Index Name") == "articles_article_pkey"]
    assert sum(rows_read(scan) for scan in by_key) <= search.CANDIDATES, json.dumps(plan)


def test_a_rare_word_is_read_through_the_full_text_index(api, archive):
    page_query = searched_plans(api, {"q": "zorglub", "ordering": "newest"})[0]
    assert any(scan.get("Index Name") == "article_search_idx" for scan in article_scans(page_query))


def test_a_word_is_judged_on_whole_counts_where_postgresql_would_plan_in_parallel(archive):
    """Where parallel workers are cheap, PostgreSQL plans the three counts under a Gather
    and estimates some per worker; the judgement must still see three whole counts."""
    query = search.parse("koursk")
    serial = search.estimates(query)
    cheap = ("parallel_setup_cost", "parallel_tuple_cost", "min_parallel_table_scan_size")
    with connection.cursor() as cursor:
        for setting in cheap:
            cursor.execute(f"SET {setting} = 0")
    try:
        assert search.estimates(query) == serial
    finally:
        with connection.cursor() as cursor:
            for setting in cheap:
                cursor.execute(f"RESET {setting}")
    assert serial[2] >= ARTICLES
    assert serial[0] < ARTICLES // 10


def test_an_articles_search_vector_is_kept_in_its_row():
    """Walking the newest articles reads each one's vector: from the row it is in, not
    looked up in the TOAST table (about three times slower a vector). A vector of 3 to 7 kB,
    past the 2 kB at which PostgreSQL moves values out of a row by default, stays in."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass FROM pg_class WHERE oid = 'articles_article'::regclass"
        )
        (toast,) = cursor.fetchone()
        # The table's name is PostgreSQL's own, read from pg_class just above.
        stored_out = f"SELECT coalesce(sum(octet_length(chunk_data)), 0) FROM {toast}"  # noqa: S608
        cursor.execute(stored_out)
        (before,) = cursor.fetchone()
        words = " ".join(f"sujet{number}" for number in range(300))
        article = ArticleFactory(body=[{"type": "paragraph", "html": words}])
        cursor.execute(
            "SELECT pg_column_size(search_vector) FROM articles_article WHERE id = %s",
            [article.pk],
        )
        (vector_size,) = cursor.fetchone()
        cursor.execute(stored_out)
        (after,) = cursor.fetchone()
    assert 3_000 < vector_size < 7_000
    assert after - before < vector_size


def test_an_articles_slug_and_headline_stay_in_its_row_beside_its_vector():
    """With its vector in the row, an article's row stays long; its short fields stay in
    it all the same (articles/0027), or each one a quote list or a sitemap shows is looked
    up in the TOAST table. Only the long texts (the body, its text) go there."""
    words = " ".join(f"sujet{number}" for number in range(300))
    article = ArticleFactory(
        body=[{"type": "paragraph", "html": words}],
        kicker="Conseil municipal de Lille",
        headline="Le conseil municipal adopte le budget de la ville pour l’année prochaine",
        signature="Par notre correspondante à Lille",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltoastrelid::regclass FROM pg_class WHERE oid = 'articles_article'::regclass"
        )
        (toast,) = cursor.fetchone()
        # The table's name is PostgreSQL's own, read from pg_class just above.
        cursor.execute(
            f"SELECT count(*) FROM {toast} WHERE chunk_data = ANY(%s)",  # noqa: S608
            [[value.encode() for value in (article.slug, article.kicker, article.headline)]],
        )
        (stored_out,) = cursor.fetchone()
        cursor.execute(
            "SELECT pg_column_size(search_vector) FROM articles_article WHERE id = %s",
            [article.pk],
        )
        (vector_size,) = cursor.fetchone()
    assert vector_size > 3_000
    assert stored_out == 0
