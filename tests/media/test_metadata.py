"""Caption, credit, creator, rights, source, date and place come from the file, exactly,
accents included, whichever standard carried them."""

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.media import images

PARIS = ZoneInfo("Europe/Paris")
FIELDS = (
    "caption",
    "credit",
    "creator",
    "copyright_notice",
    "source",
    "taken_at",
    "place",
    "alt_text",
)
REFERENCE = Path(__file__).resolve().parents[3] / "shared/standards/photos"

XMP_VALUES = {
    "caption": "Des soldats nord-coréens à l’entraînement, «\u00a0près de la frontière\u00a0».",
    "caption_en": "North Korean soldiers training.",
    "credit": "Jung Yeon-je/AFP",
    "creator": "Jung Yeon-je",
    "rights": "© AFP 2024 – tous droits réservés",
    "source": "AFP",
    "taken_at": "2024-08-12T09:30:00+09:00",
    "sublocation": "Panmunjom",
    "city": "Paju",
    "country": "Corée du Sud",
    "alt_text": "Une colonne de soldats en treillis marche dans la neige.",
}


def extracted(photo) -> dict:
    return {name: getattr(photo, name) for name in FIELDS}


def test_xmp_fills_every_field_exactly(create):
    photo = create(images.jpeg(xmp=images.xmp(**XMP_VALUES)))

    assert extracted(photo) == {
        "caption": "Des soldats nord-coréens à l’entraînement, «\u00a0près de la frontière\u00a0».",
        "credit": "Jung Yeon-je/AFP",
        "creator": "Jung Yeon-je",
        "copyright_notice": "© AFP 2024 – tous droits réservés",
        "source": "AFP",
        "taken_at": dt.datetime(2024, 8, 12, 0, 30, tzinfo=dt.UTC),
        "place": "Panmunjom, Paju, Corée du Sud",
        "alt_text": "Une colonne de soldats en treillis marche dans la neige.",
    }


IIM_RECORDS = [
    (2, 120, "Manifestation à Besançon : « Ça suffit ! » crient les agriculteurs."),
    (2, 110, "Sébastien Bozon/AFP"),
    (2, 80, "Sébastien Bozon"),
    (2, 80, "Hélène Dupré"),
    (2, 116, "© AFP – Agence France-Presse"),
    (2, 115, "AFP"),
    (2, 55, "20240201"),
    (2, 60, "143000+0100"),
    (2, 92, "Place du 8-Septembre"),
    (2, 90, "Besançon"),
    (2, 95, "Doubs"),
    (2, 101, "France"),
]
IIM_EXPECTED = {
    "caption": "Manifestation à Besançon : « Ça suffit ! » crient les agriculteurs.",
    "credit": "Sébastien Bozon/AFP",
    "creator": "Sébastien Bozon, Hélène Dupré",
    "copyright_notice": "© AFP – Agence France-Presse",
    "source": "AFP",
    "taken_at": dt.datetime(2024, 2, 1, 14, 30, tzinfo=PARIS),
    "place": "Place du 8-Septembre, Besançon, Doubs, France",
    "alt_text": "",
}


def test_iim_declared_utf8_is_read_without_mojibake(create):
    records = [(r, d, text.encode("utf-8")) for r, d, text in IIM_RECORDS]
    data = images.with_iim(images.jpeg(), images.iim(records, utf8=True))

    assert extracted(create(data)) == IIM_EXPECTED


def test_iim_without_declaration_is_read_as_latin1(create):
    latin1 = [(r, d, text.replace("–", "-").encode("latin-1")) for r, d, text in IIM_RECORDS]
    data = images.with_iim(images.jpeg(), images.iim(latin1, utf8=False))

    assert extracted(create(data)) == {
        **IIM_EXPECTED,
        "copyright_notice": "© AFP - Agence France-Presse",
    }


def test_iim_in_windows_1252_keeps_its_typographic_apostrophe(create):
    data = images.with_iim(
        images.jpeg(), images.iim([(2, 120, "L’hôpital d’Épinal".encode("cp1252"))], utf8=False)
    )

    assert create(data).caption == "L’hôpital d’Épinal"


def test_exif_alone_fills_caption_creator_copyright_and_date(create):
    tags = images.exif(
        description="Vue aérienne de l’île de Ré".encode(),
        artist="Zoé Lefèvre".encode(),
        copyright="© Zoé Lefèvre".encode(),
        taken="2023:07:14 22:45:10",
        offset="+02:00",
    )
    photo = create(images.jpeg(exif=tags))

    assert extracted(photo) == {
        "caption": "Vue aérienne de l’île de Ré",
        "credit": "",
        "creator": "Zoé Lefèvre",
        "copyright_notice": "© Zoé Lefèvre",
        "source": "",
        "taken_at": dt.datetime(2023, 7, 14, 22, 45, 10, tzinfo=PARIS),
        "place": "",
        "alt_text": "",
    }


def test_exif_date_without_offset_is_newsroom_time(create):
    photo = create(images.jpeg(exif=images.exif(taken="2024:03:31 02:30:00")))

    assert photo.taken_at == dt.datetime(2024, 3, 31, 2, 30, tzinfo=PARIS)


def test_xmp_wins_over_iim_and_exif_and_they_fill_its_gaps(create):
    packet = images.xmp(**{**XMP_VALUES, "credit": "", "source": ""})
    data = images.jpeg(xmp=packet, exif=images.exif(description=b"Legende EXIF", artist=b"Autre"))
    data = images.with_iim(
        data, images.iim([(2, 120, b"Legende IIM"), (2, 110, "Crédit IIM".encode())], utf8=True)
    )
    photo = create(data)

    assert (photo.caption, photo.creator, photo.credit, photo.source) == (
        XMP_VALUES["caption"],
        "Jung Yeon-je",
        "Crédit IIM",
        "",
    )


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("PNG", "photo.png"), ("WEBP", "photo.webp"), ("AVIF", "p.avif"), ("HEIF", "p.heic")],
)
def test_xmp_is_read_from_png_webp_avif_and_heic(create, image_format, name):
    packet = images.xmp(**XMP_VALUES)
    if image_format == "PNG":
        data = images.png_with_xmp(packet)
    else:
        data = images.encode(images.picture(), image_format, xmp=packet)
    photo = create(data, name)

    assert (photo.format, photo.caption, photo.credit, photo.place) == (
        image_format,
        XMP_VALUES["caption"],
        "Jung Yeon-je/AFP",
        "Panmunjom, Paju, Corée du Sud",
    )


def test_markup_and_control_characters_in_metadata_are_dropped(create):
    caption = "<b>Un titre</b>\x00 en gras\r\nsur deux lignes"
    data = images.with_iim(images.jpeg(), images.iim([(2, 120, caption.encode())], utf8=True))

    assert create(data).caption == "Un titre en gras\nsur deux lignes"


def test_an_unclosed_tag_in_metadata_is_dropped_and_a_less_than_sign_kept(create):
    caption = "Si 3 < 5 <img src=x onerror=alert(1) "
    data = images.with_iim(images.jpeg(), images.iim([(2, 120, caption.encode())], utf8=True))

    assert create(data).caption == "Si 3 < 5"


def test_metadata_longer_than_the_field_is_cut_to_fit(create):
    data = images.with_iim(images.jpeg(), images.iim([(2, 110, b"A" * 250)], utf8=True))

    assert create(data).credit == "A" * 200


def test_unreadable_xmp_is_skipped_and_the_rest_still_read(create):
    tags = images.exif(description="Légende sûre".encode())
    photo = create(images.jpeg(xmp=b"<x:xmpmeta><unclosed>", exif=tags))

    assert photo.caption == "Légende sûre"


def test_values_given_at_upload_beat_the_file_and_blank_ones_do_not(create):
    photo = create(
        images.jpeg(xmp=images.xmp(**XMP_VALUES)), caption="Légende de la rédaction", credit=""
    )

    assert (photo.caption, photo.credit) == ("Légende de la rédaction", "Jung Yeon-je/AFP")


def test_iptc_reference_image_fills_every_field(create):
    path = REFERENCE / "IPTC-PhotometadataRef-Std2024.1.jpg"
    if not path.exists():
        pytest.skip("shared/standards/photos is not beside the repository")
    reference = json.loads(path.with_suffix(".expected.json").read_text())
    expected = reference["summary"]
    photo = create(path.read_bytes(), path.name)

    assert extracted(photo) == {
        "caption": expected["caption"],
        "credit": expected["credit_line"],
        "creator": expected["creator"],
        "copyright_notice": expected["copyright_notice"],
        "source": expected["source"],
        "taken_at": dt.datetime.fromisoformat(expected["date_created"]),
        "place": ", ".join(
            expected[key] for key in ("sublocation", "city", "province_state", "country")
        ),
        "alt_text": expected["alt_text"],
    }
    assert (photo.width, photo.height, photo.content_hash) == (1000, 500, reference["sha256"])
