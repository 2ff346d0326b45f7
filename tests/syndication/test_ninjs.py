"""/api/v1/articles/{slug}/ninjs/: the published article as an IPTC ninjs 2.2 news item."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import workflow
from tests.factories import ArticleFactory, PhotoFactory, QuoteFactory, TagFactory
from tests.syndication.standards import ninjs_errors
from tests.visibility import HIDDEN_STATES, make_hidden


def ninjs_of(api, slug):
    response = api.get(f"/api/v1/articles/{slug}/ninjs/")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_rich_article_is_valid_ninjs_2_2_and_2_1(api, article):
    quote = article.quotes.get()
    article.body = [
        {"type": "paragraph", "html": "Un <em>premier</em> paragraphe."},
        {"type": "intertitle", "text": "«Intégration» à l’armée"},
        {"type": "quote", "quote": quote.pk},
        {"type": "photo", "photo": PhotoFactory(caption="Dans le texte", with_renditions=True).pk},
        {"type": "embed", "url": "https://example.org/video?a=1&b=2"},
    ]
    article.save()
    article.tags.add(TagFactory(kind="place", name="Koursk"))
    item = ninjs_of(api, "papier")
    assert ninjs_errors(item) == []
    assert ninjs_errors(item, "2.1") == []


def test_ninjs_carries_the_text_exactly_and_the_photo_caption_and_credit(api, article):
    article.kicker, article.headline = "Conflit", "Guerre avec l’Ukraine : «engagés»"
    article.save()
    item = ninjs_of(api, "papier")
    assert item["uri"] == f"urn:uuid:{article.public_id}"
    assert item["headlines"] == [
        {"role": "main", "value": "Guerre avec l’Ukraine : «engagés»"},
        {"role": "kicker", "value": "Conflit"},
    ]
    assert item["descriptions"] == [{"role": "summary", "value": article.standfirst}]
    assert item["by"] == "Anne"
    (lead,) = [a for a in item["associations"] if a["name"] == "featuremedia"]
    assert {"role": "caption", "value": "Légende A"} in lead["descriptions"]
    assert {"role": "creditline", "value": "AFP"} in lead["descriptions"]
    assert item["subjects"][0]["rel"] == "section"
    assert {"name": "Dossier A", "rel": "dossier"}.items() <= item["subjects"][1].items()


def test_ninjs_body_is_the_blocks_as_html_in_order(api, article):
    quote = QuoteFactory(text="Des mots", role="porte-parole", person__name="Paul Durand")
    article.body = [
        {"type": "paragraph", "html": "Un <strong>fait</strong>."},
        {"type": "intertitle", "text": "A < B"},
        {"type": "quote", "quote": quote.pk},
    ]
    article.save()
    (body,) = ninjs_of(api, "papier")["bodies"]
    assert body["contenttype"] == "text/html"
    assert body["value"].split("\n") == [
        "<p>Un <strong>fait</strong>.</p>",
        "<h2>A &lt; B</h2>",
        "<blockquote><p>Des mots</p><footer>Paul Durand, porte-parole</footer></blockquote>",
    ]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_no_ninjs_for_an_article_that_is_not_public(api, db, now, state):
    article = make_hidden(ArticleFactory(slug="cache"), state, now)
    assert api.get(f"/api/v1/articles/{article.slug}/ninjs/").status_code == 404


def test_ninjs_drops_a_photo_whose_rights_have_expired(api, article, now):
    article.lead_photo.rights_expire_at = now - dt.timedelta(minutes=1)
    article.lead_photo.save()
    item = ninjs_of(api, "papier")
    assert [a for a in item.get("associations", []) if a["type"] == "picture"] == []


def test_ninjs_is_cacheable_and_answers_304(api, article):
    response = api.get("/api/v1/articles/papier/ninjs/")
    assert response["Cache-Control"].startswith("public")
    assert f"article-{article.public_id}" in response["Surrogate-Key"].split()
    again = api.get("/api/v1/articles/papier/ninjs/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_ninjs_follows_an_edit_at_once(api, article):
    api.get("/api/v1/articles/papier/ninjs/")
    article.headline = "Un titre corrigé"
    workflow.save_article(article, by=None)
    workflow.publish(article, by=None)  # the changes waited for an editor
    assert ninjs_of(api, "papier")["headlines"][0]["value"] == "Un titre corrigé"


def test_ninjs_costs_one_query(api, article):
    api.get("/api/v1/articles/papier/ninjs/")
    with CaptureQueriesContext(connection) as captured:
        ninjs_of(api, "papier")
    assert len(captured) == 1


def test_unknown_parameter_on_ninjs_is_a_400(api, article):
    response = api.get("/api/v1/articles/papier/ninjs/?version=1")
    assert response.status_code == 400
    assert "version" in response.json()
