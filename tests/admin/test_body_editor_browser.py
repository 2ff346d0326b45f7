"""The body editor in a real browser: its menu in French, an embed and a photo caption of
this article's own, a bulleted list and a block quote from the menu, a card removed."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser import PASSWORD
from tests.factories import ArticleFactory, BylineFactory, PhotoFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ENGLISH = ["Heading 2", "Paragraph", "paragraph", "bold", "italic", "blockquote", "undo"]


def test_a_journalist_builds_a_body_with_the_menu_and_the_cards(live_server, page, make_user):
    journalist = make_user("journalist", "julie")
    photo = PhotoFactory(caption="Légende de la photothèque", credit="AFP")
    article = ArticleFactory(
        body=[
            {"type": "paragraph", "html": "Premier paragraphe."},
            {"type": "photo", "photo": photo.pk},
            {"type": "related", "article": ArticleFactory(headline="Un autre papier").pk},
        ]
    )
    BylineFactory(article=article, person=journalist.person)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_username", journalist.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    editor = page.locator(".tiptap.ProseMirror")
    editor.wait_for()
    page.locator(".tiptap .body-card--photo img").wait_for()

    menu = page.locator(".prose-menubar")
    titles = menu.locator("button[title]").evaluate_all("buttons => buttons.map(b => b.title)")
    options = menu.locator(".prose-menubar__option").all_text_contents()
    assert not set(ENGLISH) & {*titles, *options}
    assert {"Intertitre", "Paragraphe"} <= set(options)
    assert {"Liste à puces", "Bloc de citation", "Gras", "Italique"} <= set(titles)

    # django-prose-editor's link dialog, in French too.
    paragraph = page.locator(".tiptap p", has_text="Premier paragraphe.")
    paragraph.click()
    # The paragraph's words selected as a whole (keys pressed before the editor has taken
    # the caret selected nothing, now and then). The button acts on the editor's
    # selection, which ProseMirror reads from the page's selection a moment later: a
    # journalist sees it light up before clicking it.
    paragraph.select_text()
    link = page.locator("button[data-name=link]")
    expect(link).not_to_have_class(re.compile(r"\bdisabled\b"))
    link.click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    words = dialog.inner_text()
    assert "Edit Link" not in words
    assert "Update" not in words
    assert "Lien" in words
    assert "Adresse (https://…)" in words
    page.keyboard.press("Escape")

    # This article's own caption for the photo, and the related article taken out.
    page.once("dialog", lambda dialog: dialog.accept("Légende de cet article"))
    page.locator(".tiptap .body-card--photo .body-card__tool", has_text="Légende").click()
    expect(page.locator(".tiptap .body-card--photo")).to_contain_text("Légende de cet article")
    remove = ".body-card__tool[aria-label='Retirer du texte']"
    page.locator(f".tiptap .body-card--related {remove}").click()
    assert page.locator(".tiptap .body-card--related").count() == 0

    # An embed, a bulleted list and a block quote, at the end.
    page.locator(".tiptap p", has_text="Premier paragraphe.").click()
    page.keyboard.press("End")
    page.click("button[data-name='bodyBlock:embed']")
    page.fill(".body-picker__input", "pas une adresse")
    page.keyboard.press("Enter")
    assert "https://" in page.locator(".body-picker__status").inner_text()
    page.fill(".body-picker__input", "https://www.youtube.com/watch?v=xyz")
    page.keyboard.press("Enter")
    embed = page.locator(".tiptap .body-card--embed")
    assert "youtube.com" in embed.inner_text()
    page.keyboard.type("Un point")
    page.click("button[data-name=bulletList]")
    page.keyboard.press("Enter")
    page.keyboard.type("un autre")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    page.keyboard.type("Un texte cité")
    page.click("button[data-name=blockquote]")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    assert Article.objects.get(pk=article.pk).body == [
        {"type": "paragraph", "html": "Premier paragraphe."},
        {"type": "embed", "url": "https://www.youtube.com/watch?v=xyz"},
        {"type": "list", "items": ["Un point", "un autre"]},
        {"type": "blockquote", "paragraphs": ["Un texte cité"]},
        {"type": "photo", "photo": photo.pk, "caption": "Légende de cet article"},
    ]
