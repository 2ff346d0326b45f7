"""A newsroom's day, end to end in a real browser (issue 15).

A journalist writes an article with a quote, a photo and a related article inserted through
the editor's pickers, previews it and submits it; an editor opens the preview and schedules
it; once it is live, a change waits as pending changes, which the editor publishes; an
archivist searches the whole archive with part of a person's name and exports what it
finds. A screenshot of each step is saved in the folder the test prints (``SCREENSHOTS``,
else a temporary folder).
"""

import csv
import datetime as dt
import io
import json
import os
import urllib.request
from pathlib import Path

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, Person, Quote
from tests.browser import PASSWORD
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUOTE = "Je peux confirmer que plus de 10 000 soldats nord-coréens ont été envoyés en Russie"
HEADLINE = "Des soldats nord-coréens engagés dans la région de Koursk"


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS") or tmp_path / "day")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nScreenshots of the newsroom's day: {folder}")  # noqa: T201 (the brief's)
    count = iter(range(1, 100))

    def shoot(page, name, *, full_page=True):
        path = folder / f"{next(count):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=full_page)

    return shoot


@pytest.fixture
def newsroom(make_user):
    """What the day starts with: a quote, a photo, a published article, three people."""
    section = SectionFactory(name="Monde", slug="monde")
    patel = Person.objects.create(name="Vedant Patel", slug="vedant-patel")
    quote = Quote.objects.create(
        text=QUOTE, person=patel, role="porte-parole du département d’Etat américain"
    )
    photo = PhotoFactory(
        caption="Des soldats nord-coréens à l’entraînement, le 2 octobre 2024.",
        credit="KCNA via AFP",
        with_renditions=True,  # as after an upload: readers see the renditions
    )
    earlier = ArticleFactory(
        headline="Guerre en Ukraine : la chronologie du conflit", section=section
    )
    workflow.publish(earlier, by=None, at=timezone.now() - dt.timedelta(days=2))
    return {
        "section": section,
        "quote": quote,
        "photo": photo,
        "earlier": earlier,
        "journalist": make_user("journalist", "julie"),
        "editor": make_user("editor", "edouard"),
        "archivist": make_user("archivist", "armelle"),
    }


def log_in(page, live_server, path, user):
    page.goto(f"{live_server.url}{path}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{path}")


def pick(page, kind, typed, expected):
    """Open the editor's picker for ``kind``, type, and take the card showing ``expected``."""
    page.click(f"button[data-name='bodyBlock:{kind}']")
    page.locator(".body-picker__input").press_sequentially(typed, delay=20)
    result = page.locator(".body-picker__result", has_text=expected)
    result.wait_for()
    return result


def public(url):
    """What a reader gets from the API (no session, no token)."""
    with urllib.request.urlopen(url) as response:  # noqa: S310 (the live server's http URL)
        return json.load(response)


def open_preview(page):
    with page.context.expect_page() as opened:
        page.click("a.desk-preview")
    preview = opened.value
    preview.wait_for_load_state()
    return preview


def test_a_newsroom_day_from_the_first_line_to_the_archive(
    live_server, browser, page, newsroom, shots, settings
):
    settings.SITE_URL = live_server.url  # the photos' addresses, so that the browser finds them
    journalist, editor = newsroom["journalist"], newsroom["editor"]
    page.set_viewport_size({"width": 1400, "height": 1000})

    # The journalist writes, inserting a quote, a photo and a related article by searching.
    log_in(page, live_server, "/admin/articles/article/add/", journalist)
    page.fill("#id_kicker", "Guerre en Ukraine")
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_standfirst", "Washington confirme l’envoi de troupes de Pyongyang.")
    page.select_option("#id_section", label="Monde")
    editor_box = page.locator(".tiptap.ProseMirror")
    assert editor_box.get_attribute("spellcheck") == "true"
    editor_box.click()
    page.keyboard.type("Les Etats-Unis ont confirmé mardi la présence de soldats nord-coréens.")
    page.keyboard.press("Enter")
    quote_card = pick(page, "quote", "pate", "Vedant Patel")
    shots(page, "journalist-quote-picker", full_page=False)  # the dialog is in the window
    quote_card.click()
    page.keyboard.type("Le Pentagone parle de 10 000 hommes.")
    page.keyboard.press("Enter")
    pick(page, "photo", "KCNA", "à l’entraînement").click()
    pick(page, "related", "chronolog", "la chronologie du conflit").click()
    cards = page.locator(".tiptap .body-card")
    assert cards.count() == 3
    assert "Vedant Patel, porte-parole du département d’Etat américain" in cards.nth(0).inner_text()
    assert "Crédit\u00a0: KCNA via AFP" in cards.nth(1).inner_text()
    assert page.locator(".tiptap .body-card img").count() == 1
    assert "Guerre en Ukraine : la chronologie du conflit" in cards.nth(2).inner_text()
    shots(page, "journalist-writes")
    page.click("input[name=_continue]")
    page.wait_for_selector(".desk-status")

    article = Article.objects.get(headline=HEADLINE)
    assert article.body == [
        {
            "type": "paragraph",
            "html": "Les Etats-Unis ont confirmé mardi la présence de soldats nord-coréens.",
        },
        {"type": "quote", "quote": newsroom["quote"].pk},
        {"type": "paragraph", "html": "Le Pentagone parle de 10 000 hommes."},
        {"type": "photo", "photo": newsroom["photo"].pk},
        {"type": "related", "article": newsroom["earlier"].pk},
    ]
    assert page.locator(".tiptap .body-card").count() == 3  # the cards again, after saving

    # The journalist previews it as readers will see it, then submits it.
    preview = open_preview(page)
    text = preview.locator("article").inner_text()
    assert QUOTE in text
    assert "Vedant Patel, porte-parole du département d’Etat américain" in text
    assert "à l’entraînement, le 2 octobre 2024. (KCNA via AFP)" in text
    assert preview.locator("article figure img").evaluate("img => img.naturalWidth") > 0
    assert "Guerre en Ukraine : la chronologie du conflit" in text
    shots(preview, "journalist-preview")
    preview.close()
    page.click("button[name=action][value=submit]")
    page.wait_for_selector(".messagelist .success")
    assert page.locator(".desk .badge").inner_text() == "prêt pour l’édition"
    shots(page, "journalist-submits")

    # The editor opens the preview and schedules the article for tomorrow morning.
    desk = browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 1000})
    editor_page = desk.new_page()
    editor_page.set_default_timeout(15_000)
    change = f"/admin/articles/article/{article.pk}/change/"
    log_in(editor_page, live_server, change, editor)
    preview = open_preview(editor_page)
    assert HEADLINE in preview.locator("h1").inner_text()
    shots(preview, "editor-preview")
    preview.close()
    editor_page.click("button[name=action][value=schedule]")
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    editor_page.fill("#id_when_0", tomorrow.strftime("%d/%m/%Y"))
    editor_page.fill("#id_when_1", "07:30:00")
    shots(editor_page, "editor-schedules")
    editor_page.click("input[name=apply]")
    editor_page.wait_for_selector(".messagelist .success")
    badge = editor_page.locator(".desk .badge").inner_text()
    assert badge.startswith("programmé pour le ")
    assert "7:30" in badge.replace("h", ":")
    shots(editor_page, "editor-scheduled")

    # Morning comes: the article is live. A late change waits as pending changes, which the
    # editor publishes.
    morning = timezone.now() - dt.timedelta(minutes=5)
    Article.objects.filter(pk=article.pk).update(published_at=morning, first_published_at=morning)
    editor_page.reload()
    editor_page.fill("#id_standfirst", "Washington confirme : 10 000 soldats de Pyongyang.")
    editor_page.click("input[name=_continue]")
    editor_page.wait_for_selector(".desk-pending")
    assert "modifications en attente" in editor_page.locator(".desk .badge").inner_text()
    assert "10 000 soldats de Pyongyang" in editor_page.locator(".pending-changes").inner_text()
    shots(editor_page, "editor-pending-changes")
    live = live_server.url + f"/api/v1/articles/{article.slug}/"
    assert "l’envoi de troupes" in public(live)["standfirst"]
    editor_page.click("button[name=action][value=publish_now]")
    editor_page.wait_for_selector(".messagelist .success")
    assert editor_page.locator(".desk .badge").inner_text() == "publié"
    assert "10 000 soldats de Pyongyang" in public(live)["standfirst"]
    shots(editor_page, "editor-publishes-pending-changes")
    desk.close()

    # The archivist searches the whole archive with part of the name of the person quoted,
    # and exports what is found.
    archive = browser.new_context(
        locale="fr-FR", viewport={"width": 1400, "height": 1000}, accept_downloads=True
    )
    archivist_page = archive.new_page()
    archivist_page.set_default_timeout(15_000)
    log_in(archivist_page, live_server, "/dossiers/recherche/", newsroom["archivist"])
    archivist_page.locator("input[name=personne]").press_sequentially("pate", delay=20)
    archivist_page.click("button[type=submit]")
    archivist_page.wait_for_url("**personne=pate**")
    assert archivist_page.locator("article.entry h3").all_inner_texts() == [HEADLINE]
    assert "Personne citée\u00a0: Vedant Patel" in archivist_page.locator("main").inner_text()
    shots(archivist_page, "archivist-searches")
    with archivist_page.expect_download() as info:
        archivist_page.click("text=CSV")
    raw = Path(info.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row["headline"] for row in rows] == [HEADLINE]
    assert "Vedant Patel" in rows[0]["quotes"]
    with archivist_page.expect_download() as info:
        archivist_page.click("text=JSON")
    exported = json.loads(Path(info.value.path()).read_text())
    assert [row["headline"] for row in exported["articles"]] == [HEADLINE]
    shots(archivist_page, "archivist-exported")
    archive.close()
