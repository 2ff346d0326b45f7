"""The same item again, or a newer version of it, updates its draft; never an editor's work."""

import json

from articles import workflow
from articles.models import Article
from tests.wire.conftest import SAMPLES
from wire.models import WireItem


def write_version(path, version: int, headline: str, paragraph: str, **changes) -> None:
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data.pop("associations")
    data["version"] = str(version)
    data["versioncreated"] = f"2024-11-13T1{version}:00:00+01:00"
    data["headlines"] = [{"role": "main", "value": headline}]
    data["bodies"] = [{"contenttype": "text/html", "value": f"<p>{paragraph}</p>"}]
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False))


def test_importing_the_same_item_again_changes_nothing(import_wire, sample):
    path = sample("afp-newsml-g2.xml")
    import_wire(path)
    before = Article.objects.get()

    out, err = import_wire(path)

    after = Article.objects.get()
    assert (after.pk, after.version, after.modified_at) == (
        before.pk,
        before.version,
        before.modified_at,
    )
    assert WireItem.objects.count() == 1
    assert "inchangées : 1 ;" in out


def test_a_newer_version_updates_the_untouched_draft_in_place(import_wire, wire_dir):
    path = wire_dir / "budget.json"
    write_version(path, 1, "Premier titre", "Premier texte.")
    import_wire(path)
    write_version(path, 2, "Titre corrigé", "Texte complété.", urgency=2)

    out, err = import_wire(path)

    article = Article.objects.get()
    assert article.headline == "Titre corrigé"
    assert article.body == [{"type": "paragraph", "html": "Texte complété."}]
    assert article.pending is None
    assert article.status == Article.Status.DRAFT
    assert [r.note for r in article.revisions.order_by("version")] == ["créé", ""]
    item = WireItem.objects.get()
    assert (item.version, item.urgency, item.held) == (2, 2, False)
    assert "mises à jour : 1 ;" in out


def test_an_older_version_arriving_late_is_ignored(import_wire, wire_dir):
    path = wire_dir / "budget.json"
    write_version(path, 3, "Troisième titre", "Troisième texte.")
    import_wire(path)
    write_version(path, 2, "Deuxième titre", "Deuxième texte.")

    out, err = import_wire(path)

    assert Article.objects.get().headline == "Troisième titre"
    assert WireItem.objects.get().version == 3
    assert "plus anciennes : 1 ;" in out


def test_a_newer_version_after_an_editors_change_waits_and_keeps_the_editors_text(
    import_wire, wire_dir, editor
):
    path = wire_dir / "budget.json"
    write_version(path, 1, "Titre de l’agence", "Texte de l’agence.")
    import_wire(path)
    article = Article.objects.get()
    article.headline = "Titre de l’éditeur"
    article.body = [{"type": "paragraph", "html": "Texte réécrit par l’éditeur."}]
    workflow.save_article(article, by=editor, expected_version=article.version)
    write_version(path, 2, "Titre de l’agence, v2", "Texte de l’agence, v2.")

    out, err = import_wire(path)

    article = Article.objects.get()
    assert article.headline == "Titre de l’éditeur"
    assert article.body == [{"type": "paragraph", "html": "Texte réécrit par l’éditeur."}]
    assert article.pending["headline"] == "Titre de l’agence, v2"
    assert article.pending["body"] == [{"type": "paragraph", "html": "Texte de l’agence, v2."}]
    assert article.revisions.first().note == "version 2 de l’agence en attente"
    assert WireItem.objects.get().held is True
    assert "en attente de validation : 1 ;" in out


def test_the_editor_who_saves_the_waiting_version_takes_it_in(import_wire, wire_dir, editor):
    path = wire_dir / "budget.json"
    write_version(path, 1, "Titre de l’agence", "Texte de l’agence.")
    import_wire(path)
    article = Article.objects.get()
    article.headline = "Titre de l’éditeur"
    workflow.save_article(article, by=editor, expected_version=article.version)
    write_version(path, 2, "Titre de l’agence, v2", "Texte de l’agence, v2.")
    import_wire(path)

    article = Article.objects.get()
    workflow.save_article(
        workflow.pending.shown(article), by=editor, expected_version=article.version
    )

    article = Article.objects.get()
    assert (article.headline, article.pending) == ("Titre de l’agence, v2", None)


def test_a_newer_version_of_a_published_article_waits_for_an_editor(
    import_wire, wire_dir, editor, api
):
    path = wire_dir / "budget.json"
    write_version(path, 1, "Titre publié", "Texte publié.", embargoed=None)
    import_wire(path)
    article = Article.objects.get()
    article.section = workflow.Section.objects.create(name="France", slug="france")
    workflow.save_article(article, by=editor)
    workflow.publish(article, by=editor)
    write_version(path, 2, "Titre v2", "Texte v2.")

    import_wire(path)

    article = Article.objects.get()
    assert (article.status, article.headline) == (Article.Status.PUBLISHED, "Titre publié")
    assert article.pending["headline"] == "Titre v2"
    assert api.get(f"/api/v1/articles/{article.slug}/").json()["headline"] == "Titre publié"


def test_an_item_whose_article_was_deleted_is_not_made_again(import_wire, sample, editor):
    path = sample("afp-newsml-g2.xml")
    import_wire(path)
    workflow.delete_article(Article.objects.get(), by=editor)

    out, err = import_wire(path)

    assert Article.objects.count() == 0
    assert "L’article tiré de cette dépêche a été supprimé" in err


def test_two_versions_of_an_item_in_one_batch_make_one_draft_at_the_later(import_wire, wire_dir):
    first, second = wire_dir / "a.json", wire_dir / "b.json"
    write_version(first, 1, "Premier titre", "Premier texte.")
    write_version(second, 2, "Titre corrigé", "Texte complété.")

    out, err = import_wire(wire_dir)

    article = Article.objects.get()
    assert (article.headline, article.pending) == ("Titre corrigé", None)
    assert WireItem.objects.get().version == 2
    assert "créées : 1 ; mises à jour : 1 ;" in out
