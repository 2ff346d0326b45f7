"""The article page offers the quotes found in its text: the journalist accepts one as
found or edited (the Person and the Quote made, linked to the article) or rejects it."""

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Person, Quote, Revision
from tests.factories import ArticleFactory, BylineFactory, PersonFactory

BODY = [
    {
        "type": "paragraph",
        "html": "«Nous ne céderons rien», a déclaré jeudi la maire de Nantes, Anne Dupuis.",
    },
    {"type": "paragraph", "html": "Le préfet, Marc Leroy, a répondu : «La loi sera appliquée.»"},
]


@pytest.fixture
def draft(journalist):
    article = ArticleFactory(slug="conseil-municipal", body=BODY)
    BylineFactory(article=article, person=journalist.person)
    return article


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def panel(client, article, **post):
    url = reverse("admin:articles_article_quote_suggestions", args=[article.pk])
    response = client.post(url, post) if post else client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def accept(client, article, **fields):
    url = reverse("admin:articles_article_accept_suggestion", args=[article.pk])
    return client.post(url, {"kind": "full", **fields})


def test_article_page_has_the_suggestions_panel_beside_the_body(journalist, draft):
    page = client_for(journalist).get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert 'id="quote-suggestions"' in page.content.decode()


def test_panel_lists_quotes_found_with_speaker_and_role(journalist, draft):
    html = panel(client_for(journalist), draft)
    assert "«Nous ne céderons rien»" in html
    assert "Anne Dupuis" in html
    assert "maire de Nantes" in html
    assert "«La loi sera appliquée.»" in html


def test_panel_reads_the_text_in_the_editor_before_it_is_saved(journalist, draft):
    html = panel(
        client_for(journalist),
        draft,
        body_html="<p>«Tout est prêt», assure le directeur, Paul Garnier.</p>",
    )
    assert "«Tout est prêt»" in html
    assert "Paul Garnier" in html
    assert "Nous ne céderons rien" not in html


def test_accepting_creates_the_person_and_the_quote_carried_by_the_article(journalist, draft):
    response = accept(
        client_for(journalist),
        draft,
        text="Nous ne céderons rien",
        speaker="Anne Dupuis",
        role="maire de Nantes",
        said_on="2025-03-06",
    )
    assert response.status_code == 200, response.content
    quote = Quote.objects.get()
    assert (quote.text, quote.person.name, quote.role, str(quote.said_on)) == (
        "Nous ne céderons rien",
        "Anne Dupuis",
        "maire de Nantes",
        "2025-03-06",
    )
    assert list(quote.articles.all()) == [draft]
    assert 'data-status="accepted"' in panel(client_for(journalist), draft)


def test_accepting_links_a_known_person_instead_of_creating_one(journalist, draft):
    known = PersonFactory(name="Marc Leroy", slug="marc-leroy")
    response = accept(
        client_for(journalist),
        draft,
        text="La loi sera appliquée.",
        speaker="Marc Leroy",
        person="marc-leroy",
        role="préfet",
    )
    assert response.status_code == 200, response.content
    assert Quote.objects.get().person == known
    assert Person.objects.count() == 1 + 1  # the journalist's own person, and Marc Leroy


def test_an_edited_suggestion_is_saved_as_edited(journalist, draft):
    response = accept(
        client_for(journalist),
        draft,
        text="Nous ne céderons rien",
        speaker="Anne-Marie Dupuis",
        role="maire (PS) de Nantes",
        kind="fragment",
    )
    assert response.status_code == 200, response.content
    quote = Quote.objects.get()
    assert (quote.person.name, quote.role, quote.kind) == (
        "Anne-Marie Dupuis",
        "maire (PS) de Nantes",
        "fragment",
    )


def test_an_organisation_speaking_is_kept_on_the_quote_not_made_a_person(journalist, draft):
    response = accept(
        client_for(journalist),
        draft,
        text="La loi sera appliquée.",
        speaker="ministère de l’Intérieur",
    )
    assert response.status_code == 200, response.content
    quote = Quote.objects.get()
    assert (quote.person, quote.organisation) == (None, "ministère de l’Intérieur")


def test_rejected_suggestion_is_not_offered_again(journalist, draft):
    client = client_for(journalist)
    url = reverse("admin:articles_article_reject_suggestion", args=[draft.pk])
    assert client.post(url, {"text": "Nous ne céderons rien"}).status_code == 200

    html = panel(client, draft)
    assert "Nous ne céderons rien" not in html
    assert "«La loi sera appliquée.»" in html
    assert not Quote.objects.exists()


def test_journalist_cannot_accept_into_a_published_article_and_nothing_is_saved(
    journalist, make_published
):
    live = make_published(slug="en-ligne", body=BODY)
    BylineFactory(article=live, person=journalist.person)
    revisions = Revision.objects.count()

    response = accept(
        client_for(journalist), live, text="Nous ne céderons rien", speaker="Anne Dupuis"
    )

    assert response.status_code == 403
    assert response.json()["error"]
    assert not Quote.objects.exists()
    assert not Person.objects.filter(name="Anne Dupuis").exists()
    assert Revision.objects.count() == revisions


def test_editor_accepts_into_a_published_article_with_a_revision(editor, make_published):
    live = make_published(slug="en-ligne", body=BODY)
    response = accept(client_for(editor), live, text="Nous ne céderons rien", speaker="Anne Dupuis")
    assert response.status_code == 200, response.content
    assert list(Quote.objects.get().articles.all()) == [live]
    assert Revision.objects.filter(article=live, created_by=editor).exists()


def test_accept_without_words_is_a_clear_error(journalist, draft):
    response = accept(client_for(journalist), draft, text="  ")
    assert response.status_code == 400
    assert response.json()["error"]
    assert not Quote.objects.exists()


def test_panel_tells_an_organisation_speaking_from_a_new_person(journalist, draft):
    html = panel(
        client_for(journalist),
        draft,
        body_html="<p>Le ministère des Armées a indiqué : «Aucune frappe n’a visé de civils.»</p>",
    )
    assert "ministère des Armées" in html
    assert "organisation" in html
    assert "nouvelle personne" not in html
