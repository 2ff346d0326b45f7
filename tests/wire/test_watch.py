"""``import_wire --watch`` polls its folders and imports what appears or changes."""

import shutil

from articles.models import Article
from tests.wire.conftest import SAMPLES
from wire.management.commands import import_wire as command


def test_a_watched_folder_imports_new_files_and_leaves_the_others(
    import_wire, sample, wire_dir, monkeypatch
):
    sample("afp-newsml-g2.xml")
    arrivals = iter([SAMPLES / "ninjs2-fr.json", SAMPLES / "newsml-message.xml"])

    def a_file_arrives(seconds):
        shutil.copy(next(arrivals), wire_dir)

    monkeypatch.setattr(command.time, "sleep", a_file_arrives)

    out, err = import_wire(wire_dir, "--watch", "--interval", "0", "--polls", "3")

    assert Article.objects.count() == 3
    summaries = out.splitlines()
    assert summaries == [
        "Dépêches : 1 ; créées : 1 ; mises à jour : 0 ; en attente de validation : 0 ; "
        "inchangées : 0 ; plus anciennes : 0 ; refusées : 0.",
        "Dépêches : 1 ; créées : 1 ; mises à jour : 0 ; en attente de validation : 0 ; "
        "inchangées : 0 ; plus anciennes : 0 ; refusées : 0.",
        "Dépêches : 2 ; créées : 1 ; mises à jour : 0 ; en attente de validation : 0 ; "
        "inchangées : 0 ; plus anciennes : 0 ; refusées : 1.",
    ]


def test_a_watched_folder_with_nothing_new_says_nothing(import_wire, wire_dir, monkeypatch):
    monkeypatch.setattr(command.time, "sleep", lambda seconds: None)

    out, err = import_wire(wire_dir, "--watch", "--interval", "0", "--polls", "2")

    assert (out, err) == ("", "")
