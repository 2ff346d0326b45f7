"""Photos an item associates: a file beside it goes in; anything else only where allowed."""

import json

from articles.models import Article
from media.models import Photo
from tests.wire.conftest import SAMPLES


def item_with_photo(href: str) -> dict:
    data = json.loads((SAMPLES / "ninjs2-fr.json").read_text())
    data["associations"][0]["renditions"][0]["href"] = href
    return data


def test_a_photo_beside_the_item_becomes_the_lead_photo_with_caption_and_credit(
    import_wire, sample, wire_dir, photo_file
):
    photo_file(wire_dir / "photos" / "hemicycle.jpg")

    out, err = import_wire(sample("ninjs2-fr.json"))

    article = Article.objects.get()
    photo = article.lead_photo
    assert photo.caption == "L’hémicycle de l’Assemblée nationale, le 12 novembre 2024."
    assert (photo.credit, photo.creator, photo.source) == (
        "Ludovic Marin / AFP",
        "Ludovic Marin",
        "AFP",
    )
    assert (photo.width, photo.height, photo.format) == (64, 48, "JPEG")
    assert err == ""


def test_a_photo_imported_again_is_the_same_photo(import_wire, sample, wire_dir, photo_file):
    photo_file(wire_dir / "photos" / "hemicycle.jpg")
    path = sample("ninjs2-fr.json")
    import_wire(path)
    data = json.loads(path.read_text())
    data["version"] = "2"
    path.write_text(json.dumps(data))

    import_wire(path)

    assert Photo.objects.count() == 1
    assert Article.objects.get().lead_photo == Photo.objects.get()


def test_a_newsml_photo_link_beside_the_item_is_taken_in(import_wire, sample, wire_dir, photo_file):
    photo_file(wire_dir / "soldats.jpg")

    import_wire(sample("afp-newsml-g2.xml"))

    photo = Article.objects.get().lead_photo
    assert photo.caption == "Des soldats nord‑coréens lors d’un exercice, en 2023."
    assert photo.credit == "AFP"


def test_a_remote_photo_on_a_host_not_allowed_is_refused_with_its_reason(import_wire, wire_dir):
    (wire_dir / "item.json").write_text(
        json.dumps(item_with_photo("https://photos.example.net/secret.jpg"))
    )

    out, err = import_wire(wire_dir)

    assert Article.objects.get().lead_photo is None
    assert Photo.objects.count() == 0
    assert (
        "La photo https://photos.example.net/secret.jpg est sur photos.example.net, que "
        "WIRE_ALLOWED_PHOTO_HOSTS n’autorise pas." in err
    )


def test_a_photo_path_leaving_the_items_folder_is_refused(
    import_wire, wire_dir, tmp_path, photo_file
):
    photo_file(tmp_path / "ailleurs" / "prive.jpg")
    (wire_dir / "a.json").write_text(json.dumps(item_with_photo("../ailleurs/prive.jpg")))
    item = item_with_photo(str(tmp_path / "ailleurs" / "prive.jpg"))
    item["uri"] = "urn:x:absolu"
    (wire_dir / "b.json").write_text(json.dumps(item))

    out, err = import_wire(wire_dir)

    assert Article.objects.count() == 2
    assert Photo.objects.count() == 0
    assert err.count("hors du dossier de la dépêche") == 2


def test_a_folder_the_operator_allows_is_read(
    import_wire, wire_dir, tmp_path, photo_file, settings
):
    settings.WIRE_ALLOWED_PHOTO_ROOTS = [str(tmp_path / "photos-agence")]
    photo = photo_file(tmp_path / "photos-agence" / "hemicycle.jpg")
    (wire_dir / "a.json").write_text(json.dumps(item_with_photo(f"file://{photo}")))

    import_wire(wire_dir)

    assert Article.objects.get().lead_photo.caption.startswith("L’hémicycle")


def test_a_file_that_is_no_picture_is_refused_by_the_photo_checks(import_wire, wire_dir):
    (wire_dir / "photos").mkdir()
    (wire_dir / "photos" / "hemicycle.jpg").write_text("<svg onload='alert(1)'/>")
    (wire_dir / "a.json").write_text(json.dumps(item_with_photo("photos/hemicycle.jpg")))

    out, err = import_wire(wire_dir)

    assert Article.objects.get().lead_photo is None
    assert "La photo photos/hemicycle.jpg a été refusée : " in err
    assert "SVG" in err
