"""Every change, made through its verb, shows on every public surface at the very next
anonymous request: in the worker that made it (its kept responses emptied by the commit),
in another worker (told by PostgreSQL's NOTIFY) and in a CDN (purged by a surrogate key the
response carries).

``CHANGES`` is the table: each kind of change, the revision note it leaves on the article,
and the surfaces (``SURFACES``) that show it, each with what a reader must see there after
it. A surface that cannot show a change is not in its row; a new surface is one entry in
``SURFACES`` and one in the row of each change it shows. For each change, one rich
published article («papier») is built, every surface of its row is read once through both
workers (so their kept responses and the stored public copies hold the old state, which
the check must refuse), the change commits for real, and each surface is read again.
"""

import datetime as dt
import json
import re
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from defusedxml import ElementTree
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles import people, quotes, sections, tags, workflow
from articles.hotpath import PublicReadsApp
from articles.models import Revision, Tag
from dossiers import filing
from media import photos
from media.models import Photo
from newsroom import response_cache
from newsroom.response_cache import CachedPublicResponses, ResponseCache
from tests.api.test_hotpath import call
from tests.api.test_response_cache import listening, wait_until
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    DossierFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
)

# Commits for real: purges run on commit and NOTIFY is only delivered then.
# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
PUBLISHED_AT = dt.datetime(2024, 11, 13, 9, 7, tzinfo=PARIS)
BYSTANDER_AT = dt.datetime(2024, 11, 12, 18, 0, tzinfo=PARIS)
SITE = "http://127.0.0.1:8000"
PAPIER, TEMOIN = f"{SITE}/international/europe/papier/", f"{SITE}/culture/temoin/"
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}

SURFACES = {
    "detail": "/api/v1/articles/papier/",
    "list": "/api/v1/articles/",
    "list?section": "/api/v1/articles/?section=international",
    "list?dossier": "/api/v1/articles/?dossier={dossier}",
    "list?tag": "/api/v1/articles/?tag=sujet-a",
    "list?author": "/api/v1/articles/?author=anne",
    "list?person": "/api/v1/articles/?person=paul",
    "list?q": "/api/v1/articles/?q=strasbourg",
    "dossier articles": "/api/v1/dossiers/{dossier}/articles/",
    "dossier months": "/api/v1/dossiers/{dossier}/months/",
    "dossier pinned": "/api/v1/dossiers/{dossier}/pinned/",
    "dossier": "/api/v1/dossiers/{dossier}/",
    "author": "/api/v1/people/anne/",
    "speaker": "/api/v1/people/paul/",
    "people": "/api/v1/people/",
    "quotes": "/api/v1/quotes/?person=paul",
    "tags": "/api/v1/tags/",
    "photo": "/api/v1/photos/{photo}/",
    "ninjs": "/api/v1/articles/papier/ninjs/",
    "feed latest": "/feeds/latest.rss",
    "feed section": "/feeds/sections/international.rss",
    "feed dossier": "/feeds/dossiers/{dossier}.rss",
    "sitemap": "/sitemap.xml",
    "month sitemap": "/sitemaps/articles-2024-11.xml",
}
# The surfaces listing «papier» as a stored list entry (its headline, section, byline, photo).
ENTRY_SURFACES = [
    "list",
    "list?section",
    "list?dossier",
    "list?tag",
    "list?author",
    "list?person",
    "list?q",
    "dossier articles",
    "dossier pinned",
]
FEEDS = ["feed latest", "feed section", "feed dossier"]


def build_papier():
    """«papier», published: in Europe (under International), pinned in «Dossier A» (whose
    cover is its lead photo), tagged with a topic and a person, signed by Anne, quoting
    Paul in its body and through ``quote.articles``. «temoin», published the day before in
    Culture, is also in «Dossier A» and alone in «Dossier B», so that those stay public."""
    parent = SectionFactory(name="International", slug="international")
    section = SectionFactory(name="Europe", slug="europe", parent=parent)
    author = PersonFactory(name="Anne Autrice", slug="anne")
    speaker = PersonFactory(name="Paul Parleur", slug="paul")
    photo = PhotoFactory(caption="Légende A", credit="AFP", with_renditions=True)
    quote = QuoteFactory(text="Mots A", person=speaker)
    topic = TagFactory(name="Sujet A", slug="sujet-a")
    person_tag = TagFactory(name="Paul Parleur", slug="paul", kind=Tag.Kind.PERSON, person=speaker)
    article = ArticleFactory(
        slug="papier",
        headline="Strasbourg accueille le sommet",
        section=section,
        lead_photo=photo,
        body=[
            {"type": "paragraph", "html": "Un paragraphe."},
            {"type": "quote", "quote": quote.pk},
        ],
    )
    BylineFactory(article=article, person=author)
    article.tags.add(topic, person_tag)
    quote.articles.add(article)
    bystander = ArticleFactory(
        slug="temoin",
        headline="Un autre article",
        section=SectionFactory(name="Culture", slug="culture"),
    )
    dossier = DossierFactory(title="Dossier A", slug="dossier-a", cover_photo=photo)
    DossierEntryFactory(dossier=dossier, article=article, pin_position=1)
    DossierEntryFactory(dossier=dossier, article=bystander)
    second = DossierFactory(title="Dossier B", slug="dossier-b")
    DossierEntryFactory(dossier=second, article=bystander)
    workflow.publish(bystander, by=None, at=BYSTANDER_AT)
    workflow.publish(article, by=None, at=PUBLISHED_AT)
    return SimpleNamespace(**locals())


# What a response shows --------------------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    status: str
    headers: dict
    body: bytes

    def json(self):
        assert self.status == "200 OK", (self.status, self.body[:300])
        return json.loads(self.body)

    def xml(self):
        assert self.status == "200 OK", (self.status, self.body[:300])
        return ElementTree.fromstring(self.body)


def results(data):
    return data["results"] if isinstance(data, dict) else data


def slugs(data):
    return [entry["slug"] for entry in results(data)]


def papier(data):
    found = [entry for entry in results(data) if entry["slug"] == "papier"]
    assert len(found) == 1, slugs(data)
    return found[0]


def photo_words(photo):
    return None if photo is None else (photo["caption"], photo["credit"])


def jsonld_images(data):
    return [(image["caption"], image["creditText"]) for image in data["jsonld"].get("image", [])]


def quote_blocks(data):
    return [block["quote"] for block in data["body"] if block["type"] == "quote"]


def subjects(data, rel):
    return [subject["name"] for subject in data.get("subjects", []) if subject["rel"] == rel]


def blockquotes(data):
    html = data["bodies"][0]["value"]
    return re.findall(r"<blockquote><p>(.*?)</p><footer>(.*?)</footer></blockquote>", html)


def feed_item(root, link=PAPIER):
    found = [item for item in root.iterfind("channel/item") if item.findtext("link") == link]
    assert len(found) == 1, feed_links(root)
    return found[0]


def feed_links(root):
    return [item.findtext("link") for item in root.iterfind("channel/item")]


def feed_media(item):
    media = item.find("media:content", NS)
    if media is None:
        return None
    return (
        media.findtext("media:description", namespaces=NS),
        media.findtext("media:credit", namespaces=NS),
    )


def sitemap_urls(root):
    """Each ``<url>``'s address and its image caption (None without an image)."""
    return [
        (
            url.findtext("s:loc", namespaces=NS),
            url.findtext("image:image/image:caption", namespaces=NS),
        )
        for url in root.iterfind("s:url", NS)
    ]


def sitemap_index(root):
    return [
        (entry.findtext("s:loc", namespaces=NS), entry.findtext("s:lastmod", namespaces=NS))
        for entry in root.iterfind("s:sitemap", NS)
    ]


# Checks: each reads what a reader sees and compares it with what they must see.


def json_shows(read, expected):
    def check(seen: Seen):
        assert read(seen.json()) == expected

    return check


def xml_shows(read, expected):
    def check(seen: Seen):
        assert read(seen.xml()) == expected

    return check


def status_is(expected):
    def check(seen: Seen):
        assert seen.status == expected, seen.body[:300]

    return check


def entries_show(read, expected):
    return {
        surface: json_shows(lambda data: read(papier(data)), expected) for surface in ENTRY_SURFACES
    }


def feed_items_show(read, expected):
    return {surface: xml_shows(lambda root: read(feed_item(root)), expected) for surface in FEEDS}


def not_a_choice(name):
    """A 400 naming the filter: its value (a slug) names nothing public any more."""

    def check(seen: Seen):
        message = _("Select a valid choice. That choice is not one of the available choices.")
        assert (seen.status, json.loads(seen.body)) == ("400 Bad Request", {name: [message]})

    return check


# The table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    apply: Callable  # (papier's world, editor) -> None, through the verb
    note: Callable  # (papier's world) -> the revision note the change leaves on «papier»
    shows: dict  # surface -> check of the next response there
    dossier: str = "dossier-a"  # the dossier the dossier surfaces read


def _set(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


def _photo_note(w, *names):
    labels = ", ".join(str(Photo._meta.get_field(name).verbose_name) for name in names)
    return _("photo %(id)d: %(fields)s") % {"id": w.photo.pk, "fields": labels}


PHOTO_GONE = {
    "detail": json_shows(lambda d: (d["lead_photo"], jsonld_images(d)), (None, [])),
    **entries_show(lambda e: e["lead_photo"], None),
    "dossier": json_shows(lambda d: d["cover_photo"], None),
    "photo": status_is("404 Not Found"),
    "ninjs": json_shows(lambda d: d.get("associations", []), []),
    **feed_items_show(feed_media, None),
    "month sitemap": xml_shows(sitemap_urls, [(TEMOIN, None), (PAPIER, None)]),
}
ARTICLE_GONE = {
    "detail": status_is("404 Not Found"),
    "list": json_shows(slugs, ["temoin"]),
    "list?section": json_shows(slugs, []),
    "list?dossier": json_shows(slugs, ["temoin"]),
    "list?tag": not_a_choice("tag"),
    "list?author": not_a_choice("author"),
    "list?person": not_a_choice("person"),
    "list?q": json_shows(slugs, []),
    "dossier articles": json_shows(slugs, ["temoin"]),
    "dossier months": json_shows(lambda d: d, [{"month": "2024-11", "count": 1}]),
    "dossier pinned": json_shows(slugs, []),
    "author": status_is("404 Not Found"),
    "speaker": status_is("404 Not Found"),
    "people": json_shows(lambda d: [p["name"] for p in results(d)], []),
    "quotes": not_a_choice("person"),
    "tags": json_shows(results, []),
    "photo": status_is("404 Not Found"),
    "ninjs": status_is("404 Not Found"),
    "feed latest": xml_shows(feed_links, [TEMOIN]),
    "feed section": xml_shows(feed_links, []),
    "feed dossier": xml_shows(feed_links, [TEMOIN]),
    "sitemap": xml_shows(
        sitemap_index,
        [(f"{SITE}/sitemaps/articles-2024-11.xml", "2024-11-12T18:00:00+01:00")],
    ),
    "month sitemap": xml_shows(sitemap_urls, [(TEMOIN, None)]),
}

CHANGES = {
    "quote text edited": Change(
        apply=lambda w, by: quotes.save_quote(_set(w.quote, text="Mots B"), by=by),
        note=lambda w: _("quote %(id)d changed") % {"id": w.quote.pk},
        shows={
            "detail": json_shows(
                lambda d: ([q["text"] for q in d["quotes"]], [q["text"] for q in quote_blocks(d)]),
                (["Mots B"], ["Mots B"]),
            ),
            "quotes": json_shows(lambda d: [q["text"] for q in results(d)], ["Mots B"]),
            "ninjs": json_shows(blockquotes, [("Mots B", "Paul Parleur, porte-parole")]),
        },
    ),
    "quote deleted": Change(
        apply=lambda w, by: quotes.delete_quote(w.quote, by=by),
        note=lambda w: _("quote %(id)d deleted") % {"id": w.quote.pk},
        shows={
            "detail": json_shows(lambda d: (d["quotes"], quote_blocks(d)), ([], [])),
            "list?person": json_shows(slugs, []),  # Paul stays public: his person tag
            "quotes": json_shows(results, []),
            "ninjs": json_shows(blockquotes, []),
        },
    ),
    "author renamed": Change(
        apply=lambda w, by: people.save_person(_set(w.author, name="Anne Dupont"), by=by),
        note=lambda w: _("%(name)s changed") % {"name": "Anne Dupont"},
        shows={
            "detail": json_shows(
                lambda d: ([a["name"] for a in d["authors"]], d["jsonld"]["author"]),
                (["Anne Dupont"], [{"@type": "Person", "name": "Anne Dupont"}]),
            ),
            **entries_show(lambda e: [a["name"] for a in e["authors"]], ["Anne Dupont"]),
            "author": json_shows(lambda d: d["name"], "Anne Dupont"),
            "people": json_shows(
                lambda d: [p["name"] for p in results(d)], ["Anne Dupont", "Paul Parleur"]
            ),
            "ninjs": json_shows(lambda d: d["by"], "Anne Dupont"),
            **feed_items_show(
                lambda item: item.findtext("dc:creator", namespaces=NS), "Anne Dupont"
            ),
        },
    ),
    "speaker renamed": Change(
        apply=lambda w, by: people.save_person(_set(w.speaker, name="Paul Martin"), by=by),
        note=lambda w: _("%(name)s changed") % {"name": "Paul Martin"},
        shows={
            "detail": json_shows(
                lambda d: (
                    [q["person"]["name"] for q in d["quotes"]],
                    [q["person"]["name"] for q in quote_blocks(d)],
                ),
                (["Paul Martin"], ["Paul Martin"]),
            ),
            "speaker": json_shows(lambda d: d["name"], "Paul Martin"),
            "people": json_shows(
                lambda d: [p["name"] for p in results(d)], ["Anne Autrice", "Paul Martin"]
            ),
            "quotes": json_shows(
                lambda d: [q["person"]["name"] for q in results(d)], ["Paul Martin"]
            ),
            "ninjs": json_shows(blockquotes, [("Mots A", "Paul Martin, porte-parole")]),
        },
    ),
    "tag renamed": Change(
        apply=lambda w, by: tags.save_tag(_set(w.topic, name="Sujet B"), by=by),
        note=lambda w: _("tag %(name)s changed") % {"name": "Sujet B"},
        shows={
            "detail": json_shows(
                lambda d: ([t["name"] for t in d["tags"]], d["jsonld"].get("keywords")),
                (["Paul Parleur", "Sujet B"], ["Sujet B"]),
            ),
            "tags": json_shows(
                lambda d: [t["name"] for t in results(d)], ["Paul Parleur", "Sujet B"]
            ),
            "ninjs": json_shows(lambda d: subjects(d, "about"), ["Sujet B"]),
        },
    ),
    "tag deleted": Change(
        apply=lambda w, by: tags.delete_tag(w.topic, by=by),
        note=lambda w: _("tag %(name)s deleted") % {"name": "Sujet A"},
        shows={
            "detail": json_shows(
                lambda d: ([t["name"] for t in d["tags"]], d["jsonld"].get("keywords")),
                (["Paul Parleur"], None),
            ),
            "list?tag": not_a_choice("tag"),
            "tags": json_shows(lambda d: [t["name"] for t in results(d)], ["Paul Parleur"]),
            "ninjs": json_shows(lambda d: subjects(d, "about"), []),
        },
    ),
    "photo caption and credit edited": Change(
        apply=lambda w, by: photos.edit_photo(
            w.photo, by=by, changes={"caption": "Légende B", "credit": "Reuters"}
        ),
        note=lambda w: _photo_note(w, "caption", "credit"),
        shows={
            "detail": json_shows(
                lambda d: (photo_words(d["lead_photo"]), jsonld_images(d)),
                # The whole picture and its three crops (its renditions).
                (("Légende B", "Reuters"), [("Légende B", "Reuters")] * 4),
            ),
            **entries_show(lambda e: photo_words(e["lead_photo"]), ("Légende B", "Reuters")),
            "dossier": json_shows(
                lambda d: photo_words(d["cover_photo"]), ("Légende B", "Reuters")
            ),
            "photo": json_shows(photo_words, ("Légende B", "Reuters")),
            "ninjs": json_shows(
                lambda d: d["associations"][0]["descriptions"][:2],
                [
                    {"role": "caption", "value": "Légende B"},
                    {"role": "creditline", "value": "Reuters"},
                ],
            ),
            **feed_items_show(feed_media, ("Légende B", "Reuters")),
            "month sitemap": xml_shows(sitemap_urls, [(TEMOIN, None), (PAPIER, "Légende B")]),
        },
    ),
    "photo deleted": Change(
        apply=lambda w, by: photos.delete_photo(w.photo, by=by),
        note=lambda w: _("photo %(id)d deleted") % {"id": w.photo.pk},
        shows=PHOTO_GONE,
    ),
    "photo rights expired": Change(
        apply=lambda w, by: photos.edit_photo(
            w.photo, by=by, changes={"rights_expire_at": timezone.now() - dt.timedelta(minutes=1)}
        ),
        note=lambda w: _photo_note(w, "rights_expire_at"),
        shows=PHOTO_GONE,
    ),
    "section renamed": Change(
        apply=lambda w, by: sections.save_section(_set(w.section, name="Europe B"), by=by),
        note=lambda w: _("section %(name)s changed") % {"name": "Europe B"},
        shows={
            "detail": json_shows(
                lambda d: (d["section"]["name"], d["jsonld"]["articleSection"]),
                ("Europe B", "Europe B"),
            ),
            **entries_show(lambda e: e["section"]["name"], "Europe B"),
            "ninjs": json_shows(lambda d: subjects(d, "section"), ["Europe B"]),
            **feed_items_show(lambda item: item.findtext("category"), "Europe B"),
        },
    ),
    "dossier renamed": Change(
        apply=lambda w, by: filing.save_dossier(_set(w.dossier, title="Dossier A2"), by=by),
        note=lambda w: _("dossier «%(title)s» renamed") % {"title": "Dossier A2"},
        shows={
            "detail": json_shows(lambda d: [x["title"] for x in d["dossiers"]], ["Dossier A2"]),
            "dossier": json_shows(lambda d: d["title"], "Dossier A2"),
            "ninjs": json_shows(lambda d: subjects(d, "dossier"), ["Dossier A2"]),
            "feed dossier": xml_shows(
                lambda root: root.findtext("channel/title"), "Libération : Dossier A2"
            ),
        },
    ),
    "article filed in a dossier": Change(
        apply=lambda w, by: filing.file_in(w.second, [w.article.pk], by=by),
        note=lambda w: _("filed in the dossier «%(title)s»") % {"title": "Dossier B"},
        dossier="dossier-b",
        shows={
            "detail": json_shows(
                lambda d: sorted(x["title"] for x in d["dossiers"]), ["Dossier A", "Dossier B"]
            ),
            "list?dossier": json_shows(slugs, ["papier", "temoin"]),
            "dossier articles": json_shows(slugs, ["papier", "temoin"]),
            "dossier months": json_shows(lambda d: d, [{"month": "2024-11", "count": 2}]),
            "ninjs": json_shows(
                lambda d: sorted(subjects(d, "dossier")), ["Dossier A", "Dossier B"]
            ),
            "feed dossier": xml_shows(feed_links, [PAPIER, TEMOIN]),
        },
    ),
    "article taken out of a dossier": Change(
        apply=lambda w, by: filing.take_out(w.dossier, [w.article.pk], by=by),
        note=lambda w: _("taken out of the dossier «%(title)s»") % {"title": "Dossier A"},
        shows={
            "detail": json_shows(lambda d: d["dossiers"], []),
            "list?dossier": json_shows(slugs, ["temoin"]),
            "dossier articles": json_shows(slugs, ["temoin"]),
            "dossier months": json_shows(lambda d: d, [{"month": "2024-11", "count": 1}]),
            "dossier pinned": json_shows(slugs, []),
            "ninjs": json_shows(lambda d: subjects(d, "dossier"), []),
            "feed dossier": xml_shows(feed_links, [TEMOIN]),
        },
    ),
    "article deleted": Change(
        apply=lambda w, by: workflow.delete_article(w.article, by=by),
        note=lambda w: pgettext("revision note", "deleted"),
        shows=ARTICLE_GONE,
    ),
    "article withdrawn": Change(
        apply=lambda w, by: workflow.withdraw(w.article, by=by),
        note=lambda w: _("withdrawn"),
        shows=ARTICLE_GONE,
    ),
}


# Two workers and a CDN -------------------------------------------------------------------


class RecordingPurger:
    """The CDN: remembers every surrogate key it was asked to purge."""

    keys: set[str] = set()

    def purge(self, keys):
        RecordingPurger.keys |= set(keys)


@dataclass
class Worker:
    name: str
    app: CachedPublicResponses
    warm: dict = field(default_factory=dict)  # surface -> the response read before the change

    def get(self, path) -> Seen:
        path, _sep, query = path.partition("?")
        return Seen(*call(self.app, path, QUERY_STRING=query))

    def kept(self, path) -> bool:
        path, _sep, query = path.partition("?")
        return ("http", "testserver", path, query, "") in self.app.cache.entries


class Deaf:
    """Stands for a listener that has not heard anything yet."""


@pytest.fixture
def workers(settings, monkeypatch):
    """This process's worker and another one, both keeping responses whatever
    RESPONSE_CACHE_MB says. This one is told of its own changes only by the commit (its
    listener, a thread that would hear the NOTIFY within milliseconds, is left out); the
    other one only by PostgreSQL's NOTIFY, as a worker in another process is."""
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SITE_URL, settings.ARTICLE_PAGE_URL = SITE, "{site}/{section}/{slug}/"
    settings.PURGE_BACKEND = f"{__name__}.RecordingPurger"
    this = response_cache.cache
    monkeypatch.setattr(this, "max_bytes", 2**24)
    monkeypatch.setattr(this, "listener", Deaf())  # start_listening() starts nothing
    monkeypatch.setattr(this, "listening", True)
    other = listening(ResponseCache(2**24))
    stack = PublicReadsApp(WSGIHandler())
    yield (
        Worker("this worker", CachedPublicResponses(stack, this)),
        Worker("other worker", CachedPublicResponses(stack, other)),
    )
    other.stop_listening()
    this.clear()


def settled(cache: ResponseCache) -> None:
    """Let every notification sent so far reach the other worker (PostgreSQL delivers them
    in commit order): one more is sent, and the worker waits until it has heard it."""
    generation = cache.generation
    with connection.cursor() as cursor:
        cursor.execute(f"NOTIFY {response_cache.CHANNEL}")
    wait_until(lambda: cache.generation != generation)


def notified(cache: ResponseCache, generation: int, timeout=2.0) -> None:
    """Wait (a little) for the other worker to hear of the commit, as it does in production
    within milliseconds; if it never does, the checks that follow show what it still sends."""
    deadline = time.monotonic() + timeout
    while cache.generation == generation and time.monotonic() < deadline:
        time.sleep(0.01)


def revisions_of_papier():
    """Its revisions, even once it is deleted (a revision outlives its article)."""
    return Revision.objects.filter(content__slug="papier").order_by("created_at", "pk")


@pytest.mark.parametrize("change", CHANGES)
def test_the_next_anonymous_request_shows_the_change_on_every_surface(
    change, workers, editor, subtests
):
    case = CHANGES[change]
    world = build_papier()
    settled(workers[1].app.cache)
    paths = {
        surface: SURFACES[surface].format(dossier=case.dossier, photo=world.photo.pk)
        for surface in case.shows
    }
    for worker in workers:
        for surface, path in paths.items():
            worker.warm[surface] = worker.get(path)
            assert worker.warm[surface].status == "200 OK", (surface, worker.warm[surface])
            assert worker.kept(path), (surface, worker.name)
            with pytest.raises(AssertionError):  # the check tells the old state from the new
                case.shows[surface](worker.warm[surface])
    revisions_before = revisions_of_papier().count()
    generation = workers[1].app.cache.generation
    RecordingPurger.keys = set()
    note = case.note(world)  # read before the change: a deleted object has no id after it

    case.apply(world, editor)

    this_worker, other_worker = workers
    for surface, path in paths.items():  # at once: the commit emptied this worker's cache
        with subtests.test(surface=surface, via=this_worker.name):
            case.shows[surface](this_worker.get(path))
    notified(other_worker.app.cache, generation)
    for surface, path in paths.items():
        with subtests.test(surface=surface, via=other_worker.name):
            case.shows[surface](other_worker.get(path))
    for surface in paths:
        with subtests.test(surface=surface, via="CDN"):
            shown = set(this_worker.warm[surface].headers["Surrogate-Key"].split())
            assert shown & RecordingPurger.keys, (sorted(shown), sorted(RecordingPurger.keys))
    with subtests.test(revision="one more, naming the change"):
        revisions = revisions_of_papier()
        assert revisions.count() == revisions_before + 1
        last = revisions.last()
        assert (last.note, last.created_by) == (note, editor)
