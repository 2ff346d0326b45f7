"""A malformed item is refused with its reason; the rest of the batch goes in."""

import json

import pytest
from django.core.management import CommandError

from articles import workflow
from articles.models import Article
from newsroom.errors import ChangeRefused
from tests.factories import ArticleFactory, SectionFactory
from tests.wire.conftest import SAMPLES
from wire import ingest, sources
from wire.models import WireItem


def test_a_malformed_item_in_a_batch_is_refused_and_the_others_go_in(import_wire, wire_dir):
    good = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    good.pop("associations")
    batch = [
        good,
        {"type": "text", "headlines": [{"value": "Sans identifiant"}]},
        {**good, "uri": "urn:x:date", "versioncreated": "13/11/2024"},
        {**good, "uri": "urn:x:photo", "type": "picture"},
        {**good, "uri": "urn:x:second", "headlines": [{"value": "Deuxième dépêche"}]},
    ]
    (wire_dir / "lot.json").write_text(json.dumps(batch, ensure_ascii=False))
    (wire_dir / "casse.json").write_text('{"uri": "urn:x:casse", "headline": ')
    (wire_dir / "casse.xml").write_text("<newsItem><oops></newsItem>")

    out, err = import_wire(wire_dir)

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Budget : l’Assemblée rejette la partie «recettes»",
        "Deuxième dépêche",
    ]
    assert "refusées : 5." in out
    assert "lot.json#2 : refusée : La dépêche n’a pas d’«uri»" in err
    assert (
        "lot.json#3 : refusée : «versioncreated» n’est pas une date et une heure avec son "
        "décalage : «13/11/2024»." in err
    )
    assert "lot.json#4 : refusée : La dépêche est de type «picture»" in err
    assert "casse.json : refusée : Ce n’est pas du JSON valide" in err
    assert "casse.xml : refusée : Ce n’est pas du XML bien formé" in err


def test_an_item_whose_text_the_body_rules_refuse_is_reported_and_nothing_is_kept(
    import_wire, wire_dir
):
    item = {
        "uri": "urn:x:trop-long",
        "headlines": [{"value": "Un titre " * 40}],
        "bodies": [{"contenttype": "text/plain", "value": "Un texte."}],
    }
    (wire_dir / "long.json").write_text(json.dumps(item))

    out, err = import_wire(wire_dir)

    assert Article.objects.count() == 0
    assert "long.json : refusée : " in err
    assert "300" in err


def test_an_item_with_entities_defined_in_its_dtd_is_refused_unread(import_wire, wire_dir):
    (wire_dir / "bombe.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g">&b;</newsItem>'
    )

    out, err = import_wire(wire_dir)

    assert Article.objects.count() == 0
    assert "bombe.xml : refusée : Ce n’est pas du XML bien formé" in err


def test_importing_as_an_account_that_may_not_edit_every_article_is_refused(
    import_wire, sample, journalist
):
    with pytest.raises(CommandError, match="julie"):
        import_wire(sample("afp-newsml-g2.xml"), "--user", "julie")
    assert Article.objects.count() == 0


def test_an_editor_may_import_in_their_own_name(import_wire, sample, editor):
    import_wire(sample("afp-newsml-g2.xml"), "--user", "edouard")

    assert Article.objects.get().revisions.get().created_by == editor


def test_an_item_whose_slug_an_article_has_already_goes_in_under_another(import_wire, sample):
    path = sample("afp-newsml-g2.xml")
    item = next(sources.read_file(path))[1]
    ArticleFactory(slug=ingest.slug_for(item))

    import_wire(path)

    made = Article.objects.get(wire_item__guid=item.guid)
    assert made.slug.startswith(ingest.slug_for(item) + "-")
    assert Article.objects.count() == 2


def test_in_one_batch_the_drafts_are_updated_and_a_published_articles_version_waits(
    import_wire, wire_dir, editor
):
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data.pop("associations")
    batch = [
        {**data, "uri": f"urn:x:{n}", "headlines": [{"value": f"Dépêche {n}"}]} for n in range(3)
    ]
    (wire_dir / "lot.json").write_text(json.dumps(batch, ensure_ascii=False))
    import_wire(wire_dir)
    published = Article.objects.get(wire_item__guid="urn:x:1")
    published.section = SectionFactory()
    workflow.save_article(published, by=editor)
    workflow.publish(published, by=editor)
    WireItem.objects.filter(guid="urn:x:1").update(article_version=published.version)
    for entry in batch:
        entry["version"] = "2"
        entry["headlines"] = [{"value": entry["headlines"][0]["value"] + ", v2"}]
    (wire_dir / "lot.json").write_text(json.dumps(batch, ensure_ascii=False))

    out, err = import_wire(wire_dir)

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Dépêche 0, v2",
        "Dépêche 1",
        "Dépêche 2, v2",
    ]
    assert Article.objects.get(headline="Dépêche 1").pending["headline"] == "Dépêche 1, v2"


def test_a_refusal_in_a_bulk_write_refuses_only_the_item_at_fault(
    import_wire, wire_dir, monkeypatch
):
    save_drafts = workflow.save_drafts

    def refusing(drafts, **kwargs):
        if any(draft.article.headline == "Refusée" for draft in drafts):
            raise ChangeRefused("Refusée par le test.")
        return save_drafts(drafts, **kwargs)

    monkeypatch.setattr(workflow, "save_drafts", refusing)
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data.pop("associations")
    titles = ["Acceptée 1", "Refusée", "Acceptée 2"]
    batch = [{**data, "uri": f"urn:x:{t}", "headlines": [{"value": t}]} for t in titles]
    (wire_dir / "lot.json").write_text(json.dumps(batch, ensure_ascii=False))

    out, err = import_wire(wire_dir)

    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Acceptée 1",
        "Acceptée 2",
    ]
    assert WireItem.objects.count() == 2
    assert "lot.json#2 : refusée : Refusée par le test." in err


def test_an_item_whose_body_is_too_long_is_refused_and_its_batch_goes_in(import_wire, wire_dir):
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data.pop("associations")
    long_body = "".join(f"<p>Paragraphe {n}.</p>" for n in range(501))
    batch = [
        {**data, "uri": "urn:x:long", "bodies": [{"contenttype": "text/html", "value": long_body}]},
        {**data, "uri": "urn:x:court", "headlines": [{"value": "Dépêche courte"}]},
    ]
    (wire_dir / "lot.json").write_text(json.dumps(batch, ensure_ascii=False))

    out, err = import_wire(wire_dir)

    assert list(Article.objects.values_list("headline", flat=True)) == ["Dépêche courte"]
    assert "lot.json#1 : refusée : " in err
    assert "500" in err
