"""The pages people use (the admin with its editor, the preview, the archive, the API docs)
work in a real browser under the strict Content-Security-Policy: nothing is blocked, and
what is typed in the body editor is saved."""

import json

import pytest

from articles.models import Article
from tests.browser import PASSWORD
from tests.dossiers.reference import build_reference
from tests.factories import ArticleFactory, BylineFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Every violation, as the page sees it (the console says it too; both are collected).
REPORT_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def watched(page):
    """The browser's page, and the list of CSP violations it reports."""
    violations = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page, violations


def visit(page, violations, url: str, ready: str):
    response = page.goto(url)
    page.locator(ready).first.wait_for()
    policy = response.headers["content-security-policy"]
    directives = dict(d.strip().partition(" ")[::2] for d in policy.split(";"))
    assert directives["script-src"].split()[0] == "'self'"
    assert "unsafe" not in policy  # no 'unsafe-inline', no 'unsafe-eval'
    assert (directives["object-src"], directives["base-uri"]) == ("'none'", "'none'")
    assert "camera=()" in response.headers["permissions-policy"]
    page.wait_for_load_state("networkidle")
    violations.extend(page.evaluate("window.__violations"))
    assert violations == [], url


def test_every_page_works_under_the_content_security_policy(
    live_server, watched, make_user, settings, tmp_path
):
    settings.SITE_URL = live_server.url  # photos in the preview are on the site
    settings.MEDIA_ROOT = tmp_path
    page, violations = watched
    dossier, reference = build_reference()
    editor = make_user("editor", "edith")
    draft = ArticleFactory(slug="brouillon", headline="Un brouillon", body=[])
    BylineFactory(article=draft, person=editor.person)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    admin = f"{live_server.url}/admin"

    visit(page, violations, f"{admin}/", "#content-main")
    editor = ".tiptap.ProseMirror"
    visit(page, violations, f"{admin}/articles/article/{reference.pk}/change/", editor)
    visit(page, violations, f"{admin}/articles/article/{reference.pk}/preview/", "article h1")
    visit(page, violations, f"{admin}/articles/article/{reference.pk}/revisions/", "#content")
    visit(page, violations, f"{admin}/media/photo/", "#result_list")
    visit(page, violations, f"{live_server.url}/dossiers/", "main")
    visit(page, violations, f"{live_server.url}/dossiers/{dossier.slug}/", "article.entry")
    page.fill("input[name=personne]", "Zakha")  # the people suggestions are fetched
    page.wait_for_load_state("networkidle")
    visit(page, violations, f"{live_server.url}/api/docs/", ".opblock")

    visit(page, violations, f"{admin}/articles/article/{draft.pk}/change/", editor)
    page.locator(editor).click()
    page.keyboard.type("Tapé sous une politique stricte.")
    page.click("input[name=_continue]")
    page.wait_for_url(f"**/articles/article/{draft.pk}/change/")
    page.locator(".messagelist .success").wait_for()
    assert "Tapé sous une politique stricte." in json.dumps(
        Article.objects.get(pk=draft.pk).body, ensure_ascii=False
    )
    violations.extend(page.evaluate("window.__violations"))
    assert violations == []
