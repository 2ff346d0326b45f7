import re
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client

from articles import search
from articles.models import Article, Person

# Words the volume generator (``generate_articles``) uses a lot, some it uses rarely, and
# the reference article's words; the misspelt names are completed from the database.
QUERIES = {
    "frequent": [
        "selon",
        "projet",
        "réforme",
        "ministre",
        "gouvernement",
        "président",
        "conseil",
        "économie",
        "accord",
        "semaine",
        "hausse",
        "négociations",
        "chômage",
        "députés",
        "guerre",
        "Russie",
    ],
    "rare": [
        "xylophone",
        "Pyongyang",
        "Koursk",
        "nord-coréens",
        "Airbus",
        "Greenpeace",
        "Tourcoing",
        "Ajaccio",
        "Unesco",
        "Arcom",
    ],
    "two words": [
        "réforme retraites",
        "ministre santé",
        "guerre Ukraine",
        "accord commercial",
        "hausse prix",
        "conseil constitutionnel",
        "banque centrale",
        "syndicats grève",
    ],
    "phrase": [
        '"sous pression"',
        "«Cour des comptes»",
        '"soldats nord-coréens"',
        '"Conseil d’Etat"',
    ],
    "exclusion": [
        "réforme -retraites",
        "syndicats -grève",
        "soldats -Koursk",
        "gouvernement -ministre",
    ],
    "misspelt name": ["Vedant Patell", "Lloyd Austn"],
}
PAGE = 20
# The API is asked in process, as this host (run with ALLOWED_HOSTS=localhost).
HOST = "localhost"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = (
        "Time the first page of article search (newest first, as the API serves it, and by "
        "score, as the archive ranks it) over 40+ queries; print p50, p95 and the plans of "
        "the slowest three as Markdown for docs/benchmarks.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Timed runs per query.")
        parser.add_argument("--explain", type=int, default=3, help="Plans to print.")
        parser.add_argument("--no-counts", action="store_true", help="Skip counting matches.")

    def handle(self, *args, runs, explain, no_counts, **options):
        queries = {kind: list(texts) for kind, texts in QUERIES.items()}
        queries["misspelt name"] += misspelt_speakers(4)
        modes = {"newest first": newest_first, "by score": by_score}
        results = []
        for kind, texts in queries.items():
            for text in texts:
                for mode, build in modes.items():
                    list(build(text))  # warm-up: parse, plan, fill the caches
                    timings = []
                    for _ in range(runs):
                        started = time.perf_counter()
                        rows = list(build(text))
                        timings.append((time.perf_counter() - started) * 1000)
                    self.stderr.write(
                        f"{kind} | {text} | {mode}: {statistics.median(timings):.1f} ms"
                    )
                    results.append(
                        {
                            "kind": kind,
                            "query": text,
                            "mode": mode,
                            "timings": timings,
                            "rows": len(rows),
                        }
                    )
        matches = {} if no_counts else count_matches(queries)
        self.stdout.write(report(results, matches, runs, explain, modes))


def newest_first(text):
    """What ``/api/v1/articles/?q=`` costs a worker that has not kept the response: the
    planner's estimate, the names it may match, then the page of stored entries with each
    one's rank and snippet (``articles.api.views.public_list``)."""
    response = Client(HTTP_HOST=HOST).get("/api/v1/articles/", {"q": text})
    if response.status_code != 200:
        raise CommandError(f"{text}: {response.status_code} {response.content[:200]!r}")
    return response.json()["results"]


def newest_first_page(text):
    """The page query ``newest_first`` runs (before reading the page's entries), for its
    plan."""
    prepared = search.Search.prepare(text)
    matches = prepared.filter(Article.objects.public()).only("id", "published_at")
    return matches.with_next_visibility_change().order_by("-published_at", "-id")[: PAGE + 1]


def by_score(text):
    """What the archive's relevance order reads for its first page."""
    prepared = search.Search.prepare(text, wanted=search.CANDIDATES)
    ranked = search.ranked(Article.objects.public(), prepared)
    return ranked.for_list().defer("body", "body_text", "search_vector")[: PAGE + 1]


def misspelt_speakers(count: int) -> list[str]:
    """Names of people quoted most, with a letter doubled: a typo a search box receives."""
    people = (
        Person.objects.annotate(quoted=Count("quotes"))
        .filter(quoted__gt=0, name__contains=" ")
        .order_by("-quoted", "name")[:count]
    )
    return [person.name + person.name[-1] for person in people]


def count_matches(queries) -> dict[str, int]:
    public = Article.objects.public()
    return {
        text: search.search(public, text).count() for texts in queries.values() for text in texts
    }


def explain_plan(text: str, mode) -> str:
    queryset = newest_first_page(text) if mode is newest_first else mode(text)
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def report(results, matches, runs, explain, modes) -> str:
    total = Article.objects.count()
    public = Article.objects.public().count()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    lines = [
        f"Archive: {total:,} articles ({public:,} public), PostgreSQL {version}. "
        f"{len({r['query'] for r in results})} queries × {len(modes)} orders, {runs} timed runs "
        f"each after one warm-up; first page of {PAGE} (+1 to know whether there is a next), "
        "newest first is the API's whole request, uncached, through Django; by score "
        "is the archive's page query with its authors and renditions.",
        "",
        "| order | p50 | p95 | max |",
        "| --- | ---: | ---: | ---: |",
    ]
    for mode in modes:
        samples = [t for r in results if r["mode"] == mode for t in r["timings"]]
        lines.append(
            f"| {mode} | {percentile(samples, 0.5):.1f} ms | {percentile(samples, 0.95):.1f} ms "
            f"| {max(samples):.1f} ms |"
        )
    lines += [
        "",
        "| kind | query | matches | newest first (median) | by score (median) |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    by_query = {}
    for r in results:
        by_query.setdefault((r["kind"], r["query"]), {})[r["mode"]] = statistics.median(
            r["timings"]
        )
    for (kind, text), medians in by_query.items():
        count = f"{matches[text]:,}" if text in matches else "–"
        cells = " | ".join(f"{medians[mode]:.1f} ms" for mode in modes)
        lines.append(f"| {kind} | `{text}` | {count} | {cells} |")
    slowest = sorted(results, key=lambda r: statistics.median(r["timings"]), reverse=True)
    lines += ["", f"Plans of the slowest {explain} (query, order, median):", ""]
    for r in slowest[:explain]:
        plan = explain_plan(r["query"], modes[r["mode"]])
        plan = re.sub(r"'\d{4}-\d\d-\d\d [\d:.+]+'", "'…now…'", plan)
        lines += [
            f"`{r['query']}`, {r['mode']}, {statistics.median(r['timings']):.1f} ms:",
            "",
            "```",
            plan,
            "```",
            "",
        ]
    return "\n".join(lines)
