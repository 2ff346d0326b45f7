"""The body editor speaks French: its menu's labels, titles and dropdowns as Chromium shows
them to a journalist (they are written by the editor's scripts, which a fetch cannot read)."""

import pytest

from tests.admin.test_french_pages import ENGLISH
from tests.browser import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_body_editors_menu_is_in_french(live_server, page, make_user):
    journalist = make_user("journalist", "claire")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", journalist.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    menubar = page.locator(".prose-menubar").first
    menubar.wait_for()
    for dropdown in menubar.locator("[class*=dropdown]").all():  # open, so their items show
        if dropdown.is_visible():
            dropdown.click()

    shown = menubar.evaluate(
        """bar => [bar.innerText, ...[...bar.querySelectorAll('[title], [aria-label]')]
            .flatMap(e => [e.title, e.getAttribute('aria-label') || ''])].join('\\n')"""
    )

    assert "Titre" in shown or "Intertitre" in shown  # the labels are there, in French
    assert sorted(set(ENGLISH.findall(shown))) == []
