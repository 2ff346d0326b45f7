"""A journalist, in a real browser, accepts a quote found in their article's text."""

import os

import pytest
from playwright.sync_api import expect

from articles.models import Quote
from tests.browser import PASSWORD
from tests.factories import ArticleFactory, BylineFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = [
    {
        "type": "paragraph",
        "html": "«Nous ne céderons rien», a déclaré jeudi la maire de Nantes, Anne Dupuis.",
    },
    {"type": "paragraph", "html": "Le préfet, Marc Leroy, a répondu : «La loi sera appliquée.»"},
]


def test_a_journalist_accepts_a_suggested_quote_from_the_article_page(
    live_server, page, make_user, tmp_path
):
    journalist = make_user("journalist", "julie")
    article = ArticleFactory(slug="conseil-municipal", headline="Conseil municipal", body=BODY)
    BylineFactory(article=article, person=journalist.person)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.fill("#id_username", journalist.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    suggestions = page.locator("#quote-suggestions .quote-suggestion")
    suggestions.first.wait_for()
    assert suggestions.count() == 2
    first = suggestions.nth(0)
    assert "Anne Dupuis" in first.inner_text()
    if shots := os.environ.get("SCREENSHOTS"):
        page.screenshot(path=f"{shots}/quote-suggestions.png", full_page=True)

    first.locator(".accept-suggestion").click()
    first.locator(".outcome").wait_for()
    expect(suggestions.first).to_have_attribute("data-status", "accepted")

    quote = Quote.objects.get()
    assert (quote.text, quote.person.name, quote.role) == (
        "Nous ne céderons rien",
        "Anne Dupuis",
        "maire de Nantes",
    )
    assert list(quote.articles.all()) == [article]
    # Rejecting the second: it is not offered again when the page is opened anew.
    suggestions.nth(1).locator(".reject-suggestion").click()
    expect(suggestions.nth(1)).to_have_attribute("data-status", "rejected")
    page.reload()
    suggestions.first.wait_for()
    assert suggestions.count() == 1
