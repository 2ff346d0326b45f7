"""The public endpoints under load, with request targets picked from the archive, and the
SQL each costs. Needs Django set up."""

import datetime as dt
from base64 import b64encode
from dataclasses import dataclass, field
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

from django.core.servers.basehttp import get_internal_wsgi_application
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from demo import REFERENCE_SLUG
from demo.cast import PREFIX
from dossiers.models import Dossier, DossierEntry
from newsroom.response_cache import CachedPublicResponses

HOST = "127.0.0.1"
ROTATING_ARTICLES = 1000
# Words by how much of the generated archive holds them: about half, one in ten, one in a
# hundred articles (at 100,000 and 1,000,000 alike: the generator's vocabulary is fixed).
SEARCH_WORDS = {"in half the archive": "guerre", "in 10%": "Munich", "in 1%": "droit"}
# Phrases, exclusions and filters with a word, rotating.
COMBINED_SEARCHES = (
    {"q": '"aide militaire"'},
    {"q": "budget -réforme"},
    {"q": "guerre", "published_to": "2015-01-01"},
)
# Share of the floor's requests per second each endpoint must reach, if any: with the
# response cache (issue 7), and without it, every request a miss (issue 17).
CACHED_SHARES = {"detail": 0.70, "first page": 0.50, "304": 0.90}
MISS_SHARES = {"detail": 0.50, "304": 0.50, "list": 0.35, "search": 0.20}


@dataclass(frozen=True)
class Endpoint:
    """One row of the benchmark: wrk cycles through ``targets`` with ``headers``."""

    name: str
    targets: tuple[str, ...]
    headers: dict[str, str] = field(default_factory=dict)
    floor_share: float | None = None

    @property
    def shown(self) -> str:
        """The first target, and how many others wrk rotates through."""
        more = f" (+{len(self.targets) - 1} more)" if len(self.targets) > 1 else ""
        return self.targets[0] + more


def pick(*, cached: bool = True) -> list[Endpoint]:
    """Targets from the archive: random public generated articles, the biggest and the
    smallest section, the biggest dossier, a date 95% of the way back into the archive;
    each with its target share of the floor, with the response cache (``cached``) or
    without."""
    shares = CACHED_SHARES if cached else MISS_SHARES
    detail, first_page = shares.get("detail"), shares.get("first page", shares.get("list"))
    listing, searching = shares.get("list"), shares.get("search")
    slugs = list(
        Article.objects.public()
        .filter(slug__startswith=PREFIX)
        .order_by("?")
        .values_list("slug", flat=True)[:ROTATING_ARTICLES]
    )
    reference = f"/api/v1/articles/{REFERENCE_SLUG}/"
    etag = get(reference)[1]["ETag"]
    return [
        Endpoint(
            f"article detail ({len(slugs):,} articles)",
            tuple(f"/api/v1/articles/{slug}/" for slug in slugs),
            floor_share=detail,
        ),
        Endpoint("article detail (reference)", (reference,), floor_share=detail),
        Endpoint(
            "article detail, If-None-Match (304)",
            (reference,),
            headers={"If-None-Match": etag},
            floor_share=shares["304"],
        ),
        Endpoint("article list, first page", ("/api/v1/articles/",), floor_share=first_page),
        Endpoint(
            "article list, 95% back in time",
            (f"/api/v1/articles/?published_to={_deep_date():%Y-%m-%d}",),
            floor_share=listing,
        ),
        Endpoint(
            "article list, biggest section",
            (f"/api/v1/articles/?section={_section()}",),
            floor_share=listing,
        ),
        Endpoint(
            "article list, smallest section",
            (f"/api/v1/articles/?section={_section(smallest=True)}",),
            floor_share=listing,
        ),
        Endpoint(
            "dossier timeline, biggest",
            (f"/api/v1/dossiers/{_dossier()}/articles/",),
            floor_share=listing,
        ),
        Endpoint(
            "dossier timeline, 95% back",
            (f"/api/v1/dossiers/{_dossier()}/articles/?cursor={_deep_cursor(_dossier())}",),
            floor_share=listing,
        ),
        Endpoint("quotes, first page", ("/api/v1/quotes/",), floor_share=listing),
        Endpoint("people, first page", ("/api/v1/people/",), floor_share=listing),
        *searches(searching),
    ]


def searches(share: float | None) -> list[Endpoint]:
    """Each word of ``SEARCH_WORDS`` by relevance and newest first, then the combinations."""
    rows = [
        Endpoint(
            f"search, a word {spread} ({order})",
            (f"/api/v1/articles/?{urlencode({'q': word, 'ordering': order})}",),
            floor_share=share,
        )
        for spread, word in SEARCH_WORDS.items()
        for order in ("relevance", "newest")
    ]
    combined = tuple(f"/api/v1/articles/?{urlencode(params)}" for params in COMBINED_SEARCHES)
    rows.append(
        Endpoint(
            f"search, phrase, exclusion, date ({len(combined)} queries)",
            combined,
            floor_share=share,
        )
    )
    return rows


def _deep_date() -> dt.date:
    public = Article.objects.public()
    published_at = public.order_by("published_at").values_list("published_at", flat=True)[
        public.count() // 20
    ]
    return timezone.localdate(published_at)


def _section(*, smallest=False) -> str:
    """The section holding the most public articles, or the fewest: its articles are
    spread through the archive, or few and far between."""
    sizes = Article.objects.public().values("section__slug").annotate(size=Count("pk"))
    return sizes.order_by("size" if smallest else "-size").first()["section__slug"]


def _dossier() -> str:
    return (
        Dossier.objects.public()
        .annotate(size=Count("entries"))
        .order_by("-size")
        .values_list("slug", flat=True)
        .first()
    )


def _deep_cursor(slug: str) -> str:
    """The cursor of the timeline page that starts 95 % back in dossier ``slug``'s public
    articles, as DRF's ``CursorPagination`` writes it (a position, no offset)."""
    public = DossierEntry.objects.public().filter(dossier__slug=slug)
    times = public.order_by("-published_at").values_list("published_at", flat=True)
    position = times[public.count() * 95 // 100]
    return b64encode(urlencode({"p": str(position)}).encode()).decode()


def get(
    target: str, headers: dict[str, str] | None = None, *, cached: bool = True
) -> tuple[str, dict[str, str]]:
    """GET ``target`` from the WSGI app gunicorn serves, in process; its status and headers.
    ``cached=False`` goes past the worker's cache of public responses, to what it costs
    when the response is not kept yet."""
    path, _, query = target.partition("?")
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": HOST}
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    app = get_internal_wsgi_application()
    body = (app if cached else past_the_cache(app))(environ, start_response)
    b"".join(body)
    if hasattr(body, "close"):
        body.close()  # request_finished: what a server does after each response
    return answer["status"], answer["headers"]


def past_the_cache(app):
    """What the worker's cache of public responses wraps, in the layers of ``app``."""
    while not isinstance(app, CachedPublicResponses):
        app = app.app
    return app.app


def queries_per_request(endpoint: Endpoint, sample: int = 5) -> int:
    """The most SQL queries any of the first ``sample`` targets takes in the app gunicorn
    serves when the response is not in the worker's cache, counted on a second request
    (the first may render a copy). A response served from the cache takes none."""
    most = 0
    for target in endpoint.targets[:sample]:
        get(target, endpoint.headers, cached=False)
        with CaptureQueriesContext(connection) as queries:
            status, _ = get(target, endpoint.headers, cached=False)
        if not status.startswith(("200", "304")):
            raise RuntimeError(f"{target} answered {status}")
        most = max(most, len(queries))
    return most
