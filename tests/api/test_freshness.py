"""Public JSON is stored, so every change that can alter it must alter it at once."""

import datetime as dt

import pytest
import time_machine

from articles import people, quotes, sections, tags, workflow
from dossiers import filing
from media import photos
from tests.factories import ArticleFactory, PersonFactory


def detail(api):
    response = api.get("/api/v1/articles/papier/")
    assert response.status_code == 200
    return response.json()


def first_in_list(api):
    return api.get("/api/v1/articles/").json()["results"][0]


CHANGES = {
    "headline": (
        lambda a: edit_live(_set(a, headline="Titre B")),
        lambda d: d["headline"],
        "Titre B",
    ),
    "photo caption": (
        lambda a: photos.edit_photo(a.lead_photo, by=None, changes={"caption": "Légende B"}),
        lambda d: d["lead_photo"]["caption"],
        "Légende B",
    ),
    "photo credit": (
        lambda a: photos.edit_photo(a.lead_photo, by=None, changes={"credit": "Reuters"}),
        lambda d: d["lead_photo"]["credit"],
        "Reuters",
    ),
    "author renamed": (
        lambda a: people.save_person(_set(a.bylines.get().person, name="Anne B"), by=None),
        lambda d: [p["name"] for p in d["authors"]],
        ["Anne B"],
    ),
    "author added": (
        lambda a: edit_live(a, authors=[a.bylines.get().person, PersonFactory(name="Bruno")]),
        lambda d: [p["name"] for p in d["authors"]],
        ["Anne", "Bruno"],
    ),
    "section renamed": (
        lambda a: sections.save_section(_set(a.section, name="Rubrique B"), by=None),
        lambda d: d["section"]["name"],
        "Rubrique B",
    ),
}
DETAIL_ONLY = {
    "quote edited": (
        lambda a: quotes.save_quote(_set(a.quotes.get(), text="Mots B"), by=None),
        lambda d: [q["text"] for q in d["quotes"]],
        ["Mots B"],
    ),
    "speaker renamed": (
        lambda a: people.save_person(_set(a.quotes.get().person, name="Paul B"), by=None),
        lambda d: [q["person"]["name"] for q in d["quotes"]],
        ["Paul B"],
    ),
    "tag renamed": (
        lambda a: tags.save_tag(_set(a.tags.get(), name="Sujet B"), by=None),
        lambda d: [t["name"] for t in d["tags"]],
        ["Sujet B"],
    ),
    "tag removed": (lambda a: edit_live(a, tags=[]), lambda d: d["tags"], []),
    "quote detached": (
        lambda a: quotes.save_quote(a.quotes.get(), by=None, articles=[]),
        lambda d: d["quotes"],
        [],
    ),
    "dossier renamed": (
        lambda a: filing.save_dossier(_set(a.dossiers.get(), title="Dossier B"), by=None),
        lambda d: [x["title"] for x in d["dossiers"]],
        ["Dossier B"],
    ),
    "correction added": (
        lambda a: workflow.correct(a, by=None, text="Rectificatif"),
        lambda d: [c["text"] for c in d["corrections"]],
        ["Rectificatif"],
    ),
}


def edit_live(article, **relations):
    """Edit a published article and publish the changes, as an editor does."""
    workflow.save_article(article, by=None, **relations)
    return workflow.publish(article, by=None)


def _set(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


@pytest.mark.parametrize("change", CHANGES)
def test_change_shows_at_once_in_detail_and_list(api, article, change):
    apply, read, expected = CHANGES[change]
    detail(api), first_in_list(api)  # both stored now
    apply(article)
    assert read(detail(api)) == expected
    assert read(first_in_list(api)) == expected


@pytest.mark.parametrize("change", DETAIL_ONLY)
def test_change_shows_at_once_in_detail(api, article, change):
    apply, read, expected = DETAIL_ONLY[change]
    detail(api)
    apply(article)
    assert read(detail(api)) == expected


def test_withdrawn_article_disappears_at_once(api, article):
    detail(api), first_in_list(api)
    workflow.withdraw(article, by=None)
    assert api.get("/api/v1/articles/papier/").status_code == 404
    assert api.get("/api/v1/articles/").json()["results"] == []


def test_photo_leaves_the_stored_article_when_its_rights_expire(api, article, now):
    expiry = now + dt.timedelta(hours=1)
    photos.edit_photo(article.lead_photo, by=None, changes={"rights_expire_at": expiry})
    assert detail(api)["lead_photo"]["caption"] == "Légende A"
    with time_machine.travel(now + dt.timedelta(hours=1, seconds=1), tick=False):
        assert detail(api)["lead_photo"] is None
        assert first_in_list(api)["lead_photo"] is None


def test_related_article_appears_in_the_stored_body_when_it_goes_live(api, make_published, now):
    scheduled = ArticleFactory(headline="Bientôt")
    workflow.publish(scheduled, by=None, at=now, when=now + dt.timedelta(minutes=30))
    make_published(
        slug="papier",
        body=[{"type": "paragraph", "html": "Voir"}, {"type": "related", "article": scheduled.pk}],
    )
    assert [b["type"] for b in detail(api)["body"]] == ["paragraph"]
    with time_machine.travel(now + dt.timedelta(minutes=30), tick=False):
        assert [b["type"] for b in detail(api)["body"]] == ["paragraph", "related"]


def test_related_article_headline_change_reaches_the_article_linking_to_it(api, make_published):
    target = make_published(headline="Cible A")
    make_published(slug="papier", body=[{"type": "related", "article": target.pk}])
    detail(api)
    edit_live(_set(target, headline="Cible B"))
    assert detail(api)["body"][0]["article"]["headline"] == "Cible B"
