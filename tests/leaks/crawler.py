"""Ask every public URL of the project, as an anonymous reader, and collect what it answers.

Nothing here names an endpoint. The URLs come from the URL configuration (every pattern,
walked recursively, its parameters filled with every value the content has), from the
OpenAPI schema (every GET operation, with its query parameters), and from the responses
themselves (links, feed items, sitemap entries, file URLs). A pattern whose first anonymous
answer is 401, 403, 405 or a redirect to a login page is the newsroom's: it is asked once
only. Requests go through the same WSGI stack as the servers (the response cache and the
articles' fast path in front of Django), in process.
"""

import gzip
import itertools
import json
import logging
import re
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver
from django.utils.regex_helper import normalize

from articles.hotpath import PublicReadsApp
from newsroom.response_cache import CachedPublicResponses, ResponseCache
from tests.leaks.content import HIDDEN, PUBLIC, SECRET

SCHEMA_URL = "/api/schema/?format=json"
MAX_FILLS = 400  # URLs one pattern may give (a cross product of its parameters' values)
CLOSED_FILLS = 1  # asked of a pattern closed to anonymous readers
MAX_PAGES = 60  # pages followed through ``next`` links, from one list
MAX_DISCOVERED = 1500  # URLs found in responses
SEARCH_LENGTH = 100  # characters of a search for several marker words («a or b or …»)
HIDDEN_TARGETS = 5  # URLs naming hidden things, asked again with header tricks, per route
TRICKS_BUDGET = 1.5  # seconds a route may take before its tricks are skipped
# What a reader may add to any request, hoping for more than the public sees.
HEADER_TRICKS = {
    "HEAD": ("HEAD", {}),
    "Accept: text/html": ("GET", {"HTTP_ACCEPT": "text/html,application/xhtml+xml"}),
    "Accept: XML, CSV": (
        "GET",
        {"HTTP_ACCEPT": "application/xml, application/rss+xml, text/csv, */*;q=0.1"},
    ),
    "Accept: JSON-LD, ninjs": (
        "GET",
        {"HTTP_ACCEPT": "application/ld+json, application/vnd.iptc.ninjs+json"},
    ),
    "forwarded": (
        "GET",
        {
            "HTTP_X_FORWARDED_HOST": "evil.example",
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_X_FORWARDED_FOR": "10.0.0.1",
            "HTTP_FORWARDED": "for=10.0.0.1;host=evil.example;proto=https",
            "HTTP_X_ORIGINAL_URL": "/admin/",
        },
    ),
    "English, gzip": ("GET", {"HTTP_ACCEPT_LANGUAGE": "en", "HTTP_ACCEPT_ENCODING": "gzip"}),
    "forged credentials": (
        "GET",
        {
            "HTTP_AUTHORIZATION": "Token 0000",
            "HTTP_COOKIE": "sessionid=forged; csrftoken=x",
            "HTTP_X_HTTP_METHOD_OVERRIDE": "PUT",
        },
    ),
}
# Query parameters no schema lists, that other systems have honoured.
QUERY_TRICKS = [
    {"status": "draft"},
    {"preview": "1"},
    {"draft": "true", "include_drafts": "1"},
    {"ordering": "-published_at"},
    {"format": "json"},
    {"format": "api"},
    {"fields": "pending,body"},
]
URL_IN_TEXT = re.compile(
    r"""(?:https?:)?//[^/\s"'<>\\]+(/[^\s"'<>\\]*)|(?:href|src|url)=["'](/[^"']*)"""
)
LOGIN = re.compile(r"login", re.IGNORECASE)


@dataclass
class Reply:
    method: str
    url: str
    trick: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def text(self) -> str:
        body = self.body
        if dict(self.headers).get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        headers = "\n".join(f"{name}: {value}" for name, value in self.headers)
        return (headers + "\n\n" + body.decode("utf-8", "replace")).lower()

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")


@dataclass
class Leak:
    method: str
    url: str
    trick: str
    status: int
    markers: list[str]

    def __str__(self):
        return f"{self.method} {self.url} [{self.trick}] {self.status}: {', '.join(self.markers)}"


@dataclass
class Route:
    """One URL pattern (or schema operation): its format, and each parameter's regex."""

    name: str
    template: str  # %(name)s placeholders
    params: dict[str, str]
    source: str  # "urls" or "schema"
    query: list[dict] = field(default_factory=list)  # the schema's query parameters


@dataclass
class Report:
    asked: int = 0
    leaks: list[Leak] = field(default_factory=list)
    seen_public: set[str] = field(default_factory=set)
    routes: dict[str, int] = field(default_factory=dict)  # route -> URLs asked
    closed: set[str] = field(default_factory=set)
    by_status: dict[int, int] = field(default_factory=dict)
    replies: dict[str, Reply] = field(default_factory=dict)  # plain GETs, by URL
    seconds: dict[str, float] = field(default_factory=dict)
    elapsed: float = 0.0

    def summary(self) -> str:
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.by_status.items()))
        return (
            f"{self.asked} anonymous requests over {len(self.routes)} routes "
            f"({len(self.closed)} closed to anonymous readers) in {self.elapsed:.0f} s; "
            f"statuses {statuses}"
        )


def group_regex(regex: str, name: str) -> str:
    """The body of the named group ``name`` in ``regex`` (parentheses balanced)."""
    start = regex.index(f"(?P<{name}>") + len(f"(?P<{name}>")
    depth, index = 1, start
    while depth:
        char = regex[index]
        if char == "\\":
            index += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
    return regex[start : index - 1]


def url_routes(urlconf=None) -> list[Route]:
    """Every pattern of the URL configuration, includes walked recursively."""

    def walk(patterns, prefix, names):
        for pattern in patterns:
            regex = prefix + pattern.pattern.regex.pattern.removeprefix("^")
            if isinstance(pattern, URLResolver):
                namespace = [pattern.namespace] if pattern.namespace else []
                yield from walk(pattern.url_patterns, regex, names + namespace)
                continue
            for template, params in normalize("^" + regex):
                name = ":".join([*names, pattern.name or template])
                yield Route(
                    name=f"{name} /{template}",
                    template="/" + template,
                    params={param: group_regex(regex, param) for param in params},
                    source="urls",
                )

    return list(walk(get_resolver(urlconf).url_patterns, "", []))


def schema_routes(schema: dict) -> list[Route]:
    """Every GET operation of the OpenAPI schema, with its path and query parameters."""
    routes = []
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        parameters = operations["get"].get("parameters", [])
        params = {
            each["name"]: each.get("schema", {}).get("pattern", "[^/]+").strip("^$")
            for each in parameters
            if each["in"] == "path"
        }
        routes.append(
            Route(
                name=f"schema GET {path}",
                template=re.sub(r"\{(\w+)\}", r"%(\1)s", path),
                params=params,
                source="schema",
                query=[each for each in parameters if each["in"] == "query"],
            )
        )
    return routes


def fills(route: Route, values_for) -> list[tuple[str, tuple[str, ...]]]:
    """The route's URLs with its parameters taken from ``values_for(regex)``, as far as each
    fits (or from the pattern itself, when it lists its words: ``(?P<app>auth|articles)``)."""
    choices = [
        [value for value in values_for(regex) if re.fullmatch(regex, value)]
        or [word for word in regex.split("|") if re.fullmatch(r"[-\w]+", word)]
        for regex in route.params.values()
    ]
    combos = itertools.islice(itertools.product(*choices), MAX_FILLS)
    return [
        (route.template % dict(zip(route.params, combo, strict=True)), combo) for combo in combos
    ]


def spread(items: list, count: int) -> list:
    """``count`` of ``items``, taken at even steps from the first."""
    step = max(1, len(items) // count)
    return items[::step][:count]


def query_values(parameter: dict, values: list[str], searches: list[str]) -> list[str]:
    """Values worth trying for one query parameter, from its schema."""
    schema = parameter.get("schema", {})
    if "enum" in schema:
        return [str(each) for each in schema["enum"]]
    kind = schema.get("type")
    if kind == "boolean":
        return ["true", "false"]
    if kind == "integer":
        return ["1", "100"]
    if schema.get("format") in ("date", "date-time"):
        return ["1900-01-01", "2999-12-31", "1900-01-01T00:00:00Z", "2999-12-31T00:00:00Z"]
    if parameter["name"] == "cursor":
        return []  # followed from the lists' own links
    if parameter["name"] in ("q", "search", "term"):
        return searches
    return values


class Client:
    """Anonymous requests through the servers' WSGI stack, in process."""

    def __init__(self):
        django = WSGIHandler()
        self.cache = ResponseCache(8 << 20)
        self.app = CachedPublicResponses(PublicReadsApp(django), self.cache)
        self.factory = RequestFactory()

    def close(self):
        """Stop the cache's listener: its connection would hold the test database open."""
        self.cache.stop_listening()

    def __call__(self, method: str, url: str, headers: dict) -> Reply:
        request = self.factory.generic(method, url, **headers)
        seen = {}

        def start_response(status, response_headers, exc_info=None):
            seen["status"], seen["headers"] = int(status.split()[0]), response_headers

        chunks = self.app(request.environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return Reply(method, url, "", seen["status"], list(seen["headers"]), body)


class Crawler:
    def __init__(self, content, urlconf=None):
        self.content = content
        self.urlconf = urlconf
        self.hidden = sorted(content.hidden_markers, key=len, reverse=True)
        self.public = sorted(content.public_markers, key=len, reverse=True)
        self.hidden_re = re.compile("|".join(self.hidden))
        self.public_re = re.compile("|".join(self.public))
        self.report = Report()
        self.asked: set[tuple[str, str, str]] = set()
        self.found: list[str] = []  # URLs found in responses, to ask in turn
        self.route_of: dict[str, str] = {}  # a URL, and the route it was first asked for
        self.dates = [value for value, (kind, _h) in content.values.items() if kind == "date"]
        self.spent: dict[str, float] = {}  # seconds taken by each route's tricks

    # Asking

    def ask(self, url: str, route: str = "found", trick: str = "") -> Reply | None:
        method, headers = HEADER_TRICKS.get(trick, ("GET", {}))
        key = (method, url, trick)
        if key in self.asked:
            return None
        self.asked.add(key)
        started = time.perf_counter()
        reply = self.client(method, url, headers)
        self.report.seconds[route] = (
            self.report.seconds.get(route, 0) + time.perf_counter() - started
        )
        self.route_of.setdefault(url, route)
        reply.trick = trick or "plain"
        self.check(reply, headers)
        self.report.asked += 1
        self.report.routes[route] = self.report.routes.get(route, 0) + 1
        self.report.by_status[reply.status] = self.report.by_status.get(reply.status, 0) + 1
        if not trick:
            self.report.replies[url] = reply
            self.collect_links(reply)
        return reply

    def check(self, reply: Reply, headers: dict) -> None:
        text = reply.text
        asked_for = unquote(reply.url).lower() + " ".join(headers.values()).lower()
        leaked = {m for m in self.hidden_re.findall(text) if m not in asked_for}
        if leaked:
            self.report.leaks.append(
                Leak(reply.method, reply.url, reply.trick, reply.status, sorted(leaked))
            )
        self.report.seen_public.update(self.public_re.findall(text))

    def collect_links(self, reply: Reply) -> None:
        if reply.status in (301, 302, 303, 307, 308) and not self.closed(reply):
            self.found.append(local(reply.header("Location")))
        if not reply.body or reply.header("Content-Type").startswith("image/"):
            return
        for absolute, relative in URL_IN_TEXT.findall(reply.body.decode("utf-8", "replace")):
            url = (absolute or relative).replace("&amp;", "&").rstrip(".,;)")
            if url.startswith("/") and not url.startswith(("//", settings.STATIC_URL)):
                self.found.append(url)

    @staticmethod
    def closed(reply: Reply) -> bool:
        if reply.status in (401, 403, 405):
            return True
        return reply.status in (302, 303) and bool(LOGIN.search(reply.header("Location")))

    # The walk

    def run(self) -> Report:
        """Crawl; 4xx answers are not logged meanwhile (thousands of them are expected)."""
        requests = logging.getLogger("django.request")
        level = requests.level
        requests.setLevel(logging.ERROR)
        started = time.perf_counter()
        try:
            return self.walk()
        finally:
            requests.setLevel(level)
            self.report.elapsed = time.perf_counter() - started

    def walk(self) -> Report:
        self.client = Client()
        try:
            return self.ask_everything()
        finally:
            self.client.close()

    def ask_everything(self) -> Report:
        targets: list[str] = []  # URLs worth asking again with header tricks
        schema = self.ask(SCHEMA_URL, "schema")
        assert schema.status == 200, schema.body[:300]
        for route in url_routes(self.urlconf):
            targets += self.ask_route(route)
        for route in schema_routes(json.loads(schema.body)):
            targets += self.ask_route(route)
            self.ask_queries(route)
        self.follow_found()
        for url in dict.fromkeys(targets):
            route = self.route_of.get(url, "")
            for trick in HEADER_TRICKS:
                self.within_budget(f"headers {route}", url, "header tricks", trick)
        return self.report

    def within_budget(self, budget: str, url: str, route: str, trick: str = "") -> None:
        """Ask unless the tricks of this route have taken their time (a slow route, such as
        the schema itself, gets fewer)."""
        if self.spent.get(budget, 0.0) < TRICKS_BUDGET:
            started = time.perf_counter()
            self.ask(url, route, trick)
            self.spent[budget] = self.spent.get(budget, 0.0) + time.perf_counter() - started

    def ask_tricks(self, url: str, route: str) -> None:
        """Query parameters no schema lists."""
        for trick in QUERY_TRICKS:
            self.within_budget(f"query {route}", f"{url}?{urlencode(trick)}", route)

    def ask_route(self, route: Route) -> list[str]:
        """Ask each URL of ``route``; returns those worth asking again with header tricks:
        a few the public may read, and those naming hidden things of a kind the route
        shows (its public ones answered 200)."""
        urls = fills(route, self.values_for)
        if not urls:
            self.report.routes.setdefault(route.name, 0)
            return []
        first = self.ask(urls[0][0], route.name) or self.report.replies.get(urls[0][0])
        if first is not None and self.closed(first):
            self.report.closed.add(route.name)
            secrets = [
                url for url, combo in urls if any(self.kind(value) == SECRET for value in combo)
            ]
            for url, _combo in urls[:CLOSED_FILLS]:
                self.ask(url, route.name)
            for url in secrets:  # a link handed out once (a preview), to try again
                self.ask(url, route.name)
            return []
        for url, _combo in urls:
            self.ask(url, route.name)
        if not route.params and route.source == "urls":
            for url, _combo in urls:
                self.ask_tricks(url, route.name)
        readable = [(url, combo) for url, combo in urls if self.status(url) == 200]
        shown = {self.kind(value) for _url, combo in readable for value in combo}
        hidden_of_kind = [
            (url, combo)
            for url, combo in urls
            if any(
                self.content.values.get(value) == (kind, True) for value in combo for kind in shown
            )
        ]
        # By slug, where there are (each names one thing; its id and public id name it again).
        slugs = [url for url, combo in hidden_of_kind if combo[0].startswith(HIDDEN)]
        hidden = spread(slugs or [url for url, _combo in hidden_of_kind], HIDDEN_TARGETS)
        return [url for url, _combo in readable[:1]] + hidden

    def values_for(self, regex: str) -> list[str]:
        """Every value of the content; dates only where a letter would not fit (a year, a
        month: they name nothing where a slug or an id would)."""
        if re.fullmatch(regex, "a"):
            return [value for value in self.content.values if value not in self.dates]
        return list(self.content.values)

    def searches(self) -> list[str]:
        """Every marker word, a few at a time as «a or b or c» (the full-text search reads
        «or»), each search short enough for any search box (``SEARCH_LENGTH``)."""
        batches = [[]]
        for word in sorted(self.content.hidden_markers | self.content.public_markers):
            if len(" or ".join([*batches[-1], word])) > SEARCH_LENGTH:
                batches.append([])
            batches[-1].append(word)
        return [" or ".join(batch) for batch in batches]

    def kind(self, value: str) -> str:
        return self.content.values.get(value, ("", False))[0]

    def status(self, url: str) -> int | None:
        reply = self.report.replies.get(url)
        return reply.status if reply else None

    def ask_queries(self, route: Route) -> None:
        """Each query parameter of the operation with each value worth trying, and every
        page of each list, on each URL of the operation that the public may read."""
        if not route.query:
            return
        # Filters take slugs: every hidden one, and one public of each kind.
        values, kinds = [], set()
        for value, (kind, hidden) in self.content.values.items():
            if re.fullmatch(r"[a-z][-a-z0-9]*", value) and (hidden or kind not in kinds):
                values.append(value)
                kinds.update([] if hidden else [kind])
        searches = [HIDDEN, PUBLIC, HIDDEN[:2], *self.searches()]
        names = {each["name"] for each in route.query}
        for url, _combo in fills(route, self.values_for):
            if self.status(url) != 200:
                continue
            for parameter in route.query:
                for value in query_values(parameter, values, searches):
                    self.ask(f"{url}?{urlencode({parameter['name']: value})}", route.name)
            self.ask_tricks(url, route.name)
            if "page_size" in names:
                self.follow_pages(f"{url}?page_size=1", route.name)

    def follow_pages(self, url: str, route: str) -> None:
        for _page in range(MAX_PAGES):
            reply = self.ask(url, route)
            if reply is None or reply.status != 200:
                return
            try:
                next_url = json.loads(reply.body).get("next")
            except (ValueError, AttributeError):
                return
            if not next_url:
                return
            url = local(next_url)

    def follow_found(self) -> None:
        done = 0
        while self.found and done < MAX_DISCOVERED:
            url = local(self.found.pop(0))
            if self.ask(url) is not None:
                done += 1


def local(url: str) -> str:
    """The path and query of ``url``, the query spelt as this crawler spells it."""
    parts = urlsplit(url)
    return parts.path + (f"?{urlencode(parse_qsl(parts.query))}" if parts.query else "")


def file_replies(urls: list[str]) -> list[Reply]:
    """Anonymous GETs of file URLs, through the same stack."""
    client = Client()
    try:
        return [client("GET", url, {}) for url in urls]
    finally:
        client.close()


class NoConnectionClosing:
    """As Django's test client does: requests must not close the test's connection."""

    def __enter__(self):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)

    def __exit__(self, *exc):
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
