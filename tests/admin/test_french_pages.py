"""Every admin and archive page each role can reach is in French and answers without error.

The pages are found the way a user finds them: by following the links from the admin's
home and the archive's, as each role (a page added later is crawled without editing this
test). What is read is what a reader sees: the text of the page and of its titles,
placeholders, labels and options, not the scripts or class names.
"""

import io
import re
from collections import deque
from urllib.parse import parse_qsl, urlencode, urlsplit

import lxml.html
import pytest
from django.core.management import call_command
from django.test import Client

from articles.models import Article
from demo import REFERENCE_SLUG

# English seen in the French interface (issue 15), and the admin's own English words that
# would show if a page or a label escaped translation.
ENGLISH = re.compile(
    r"\b(?:Heading \d|Paragraph|Quotes?|QUOTES?|Task Results?|Django|Site administration|"
    r"Log ?out|Log in|Welcome|Recent actions|Save and|Add another|Delete|Change password|"
    r"History|Select all|Filter|Search|Home|Results|Show all|View site|"
    r"journalist|editor|archivist|Draft|Published|Withdrawn|Scheduled|Yes|No|Unknown|"
    r"Today|Now|Clear|Choose|Remove|Actions? taken|Go|None|Can (?:add|change|delete|view))\b"
    r"|\w+ object \(\d+\)"  # a row without a name of its own
)
VISIBLE_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
# Links a crawl must not follow: they change things, leave the site, or only repeat a page
# with another sort order or page number.
NOT_FOLLOWED = re.compile(r"/logout/|/delete/|/password/|/r/\d|\.csv$|\.json$|/jsi18n/")
SKIPPED_QUERY_KEYS = {"o", "p", "_changelist_filters", "_popup", "_to_field"}
PAGES_PER_ROLE = 150
ROLES = ("journalist", "editor", "archivist")


@pytest.fixture
def demo(db, make_user):
    call_command("load_demo", stdout=io.StringIO())


def visible_text(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for hidden in tree.xpath("//script|//style|//template|//noscript"):
        hidden.drop_tree()
    for field in tree.xpath("//input[@type='hidden']|//textarea"):  # data, not interface
        field.drop_tree()
    parts = [tree.text_content()]
    for attribute in VISIBLE_ATTRIBUTES:
        parts += tree.xpath(f"//*[not(self::input or self::option)]/@{attribute}")
    parts += tree.xpath("//input[@type='submit' or @type='button']/@value")
    return " ".join(" ".join(parts).split())


def in_context(pattern: re.Pattern, text: str) -> list[str]:
    """Each match with a few words around it, to find it on the page."""
    return sorted(
        {f"…{text[max(0, at.start() - 30) : at.end() + 30]}…" for at in pattern.finditer(text)}
    )


def page_key(url: str) -> tuple:
    """Pages that differ only by an object's id or a filter's value are the same page."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query)} - SKIPPED_QUERY_KEYS)
    return (re.sub(r"/\d+/", "/N/", parts.path), tuple(keys))


def links(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    found = []
    for href in tree.xpath("//a/@href"):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith(("/admin/", "/dossiers/")):
            continue
        if NOT_FOLLOWED.search(parts.path):
            continue
        query = [(k, v) for k, v in parse_qsl(parts.query) if k not in SKIPPED_QUERY_KEYS]
        found.append(parts.path + (f"?{urlencode(query)}" if query else ""))
    return found


def crawl(client: Client) -> dict[str, tuple[int, str]]:
    """Every page reachable from the admin's home and the archive's: url → (status, text).
    An article's page is first the reference article's, whose every inline has rows."""
    seen, pages = set(), {}
    reference = Article.objects.get(slug=REFERENCE_SLUG)
    queue = deque(
        [
            "/admin/",
            f"/admin/articles/article/{reference.pk}/change/",
            "/dossiers/",
            "/dossiers/recherche/?personne=Patel&q=Corée",
        ]
    )
    while queue and len(pages) < PAGES_PER_ROLE:
        url = queue.popleft()
        if page_key(url) in seen:
            continue
        seen.add(page_key(url))
        response = client.get(url)
        html = response.content.decode() if "html" in response.get("Content-Type", "") else ""
        pages[url] = (response.status_code, visible_text(html) if html.strip() else "")
        if response.status_code == 200 and html:
            queue.extend(links(html))
    return pages


def test_every_page_each_role_reaches_is_french_and_answers(demo, make_user, admin_user):
    """One crawl per role over the same demo content (loaded once: it is the slow part)."""
    names = ("claire", "paul", "anne")  # not the roles' words, which the pages would show
    users = {role: make_user(role, name) for role, name in zip(ROLES, names, strict=True)}
    users["administrator"] = admin_user
    crawled, errors, english = {}, {}, {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        pages = crawl(client)
        crawled[role] = len(pages)
        for url, (status, text) in pages.items():
            if status >= 500:
                errors[role, url] = status
            if found := in_context(ENGLISH, text):
                english[role, url] = found

    assert min(crawled.values()) > 30, crawled  # the crawl found the pages, not only the home
    assert errors == {}
    assert english == {}
