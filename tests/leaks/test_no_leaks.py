"""No anonymous request, to any URL the project answers, shows content the public must not see.

The content (tests/leaks/content.py) holds every kind of hidden content, each text with its
own marker word; the crawler (tests/leaks/crawler.py) finds the URLs by itself, from the URL
configuration, the OpenAPI schema and the responses. A new endpoint is asked without any
change here: ``test_a_careless_new_endpoint_is_caught`` proves it.
"""

from django.conf import settings

from media.models import Photo
from tests.leaks.conftest import CARELESS
from tests.leaks.content import PUBLIC, SECRET
from tests.leaks.crawler import file_replies, url_routes

OLD_MEDIA_URL = "/uploads/"  # where files were served before decision 0013


def test_no_anonymous_response_shows_hidden_content(crawl):
    leaks = [leak for leak in crawl.leaks if not leak.url.startswith(CARELESS)]
    assert leaks == [], "\n".join(map(str, leaks[:40]))


def test_a_careless_new_endpoint_is_caught(crawl):
    """Two views that forget the public rule, planted in the URLs at test time: one reads
    any article by its slug, the other searches every headline (its ``q`` declared in the
    schema only). Nothing in the suite names them; the crawl finds both leaks."""
    leaking = {leak.url.split("?")[0] for leak in crawl.leaks}
    assert any(url.startswith("/careless/zqhid") for url in leaking), crawl.summary()
    assert "/api/v1/careless-search/" in leaking, crawl.summary()


def test_the_crawl_sees_every_public_thing(crawl, content):
    """The other half: a crawl that asked nothing, or got only errors, would find no leak.
    Every public article, photo, person, quote, tag and dossier shows in some response."""
    unseen = [
        thing
        for thing, markers in content.things.items()
        if thing.startswith(PUBLIC) and not markers & crawl.seen_public
    ]
    assert unseen == []
    assert crawl.by_status.get(200, 0) > 300, crawl.summary()


def test_searches_for_marker_words_find_public_content(crawl):
    """Searches did search: some found public content, none was refused."""
    searches = {url: reply for url, reply in crawl.replies.items() if "?q=" in url}
    assert any(PUBLIC in reply.text for reply in searches.values())
    assert [url for url, reply in searches.items() if reply.status == 400] == []


def test_every_url_pattern_and_schema_operation_is_asked(crawl):
    never_asked = [route for route, count in crawl.routes.items() if count == 0]
    assert never_asked == []
    assert {route.name for route in url_routes()} <= set(crawl.routes)
    assert any(route.startswith("schema GET /api/v1/") for route in crawl.routes)
    assert crawl.asked > 2000, crawl.summary()


def test_a_withdrawn_articles_preview_link_opens_nothing(crawl, content):
    """Tried wherever a route takes it, the routes closed to anonymous readers included."""
    tokens = [value for value, (kind, _hidden) in content.values.items() if kind == SECRET]
    tried = {
        url: crawl.replies[url].status for url in crawl.replies if any(t in url for t in tokens)
    }
    assert tried
    assert {url: status for url, status in tried.items() if status == 200} == {}


def test_header_tricks_are_tried(crawl):
    assert crawl.routes.get("header tricks", 0) > 100, crawl.summary()


def file_urls(photo: Photo) -> list[str]:
    """Every URL a reader could find or guess for the photo's files: the storage's own, and
    the original's and a rendition's names without their random part or in the layout
    files had before, under the current and the former MEDIA_URL."""
    urls = [photo.image.url, *(r.file.url for r in photo.renditions.all())]
    guesses = []
    for name in [photo.image.name, photo.renditions.first().file.name]:
        last = name.split("/")[-1]
        guesses += [
            name,
            f"photos/{photo.created_at:%Y/%m}/{last}",
            f"renditions/{photo.pk}/{last}",
        ]
    return urls + [
        prefix + guess for prefix in (settings.MEDIA_URL, OLD_MEDIA_URL) for guess in guesses
    ]


def test_public_renditions_are_served_to_anyone(content):
    """The file checks below can see a file: a public photo's renditions answer 200."""
    urls = [r.file.url for photo in content.public_photos for r in photo.renditions.all()]
    replies = file_replies(urls)
    assert urls
    assert {reply.status for reply in replies} == {200}


def test_no_file_of_a_hidden_photo_is_served_anonymously(content):
    urls = [url for photo in content.hidden_photos for url in file_urls(photo)]
    served = [(reply.url, reply.status) for reply in file_replies(urls) if reply.status < 400]
    assert served == []


def test_every_file_the_crawl_could_fetch_is_a_public_rendition(content, crawl):
    """Files found in responses or named by the URL patterns, as the crawl asked them."""
    public = {r.file.url for photo in content.public_photos for r in photo.renditions.all()}
    fetched = [
        url
        for url, reply in crawl.replies.items()
        if url.startswith((settings.MEDIA_URL, OLD_MEDIA_URL)) and reply.status < 400
    ]
    assert fetched
    assert set(fetched) <= public


def test_no_original_is_served_anonymously(content):
    """Originals are the newsroom's, even of a public photo: the public gets renditions."""
    urls = [photo.image.url for photo in content.public_photos]
    served = [(reply.url, reply.status) for reply in file_replies(urls) if reply.status < 400]
    assert served == []
