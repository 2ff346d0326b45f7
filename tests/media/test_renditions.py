"""Renditions: every width in JPEG and WebP, crops centred on the focal point, never
upscaled, upright, stored once and remade only when what they show changes."""

import hashlib
import io

import pytest
from PIL import Image

from media import renditions, tasks
from media.models import Photo
from tests.media import images

RED, BLUE = (220, 20, 20), (20, 20, 220)


def specs(photo) -> set[tuple]:
    return {(r.ratio, r.format, r.width, r.height) for r in photo.renditions.all()}


def opened(rendition) -> Image.Image:
    with rendition.file.open("rb") as file:
        image = Image.open(file)
        image.load()
    return image


def near(color, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color[:3], expected, strict=True))


def both_formats(rows):
    return {(ratio, fmt, w, h) for ratio, w, h in rows for fmt in ("JPEG", "WEBP")}


def test_every_width_and_crop_in_jpeg_and_webp(create):
    photo = create(images.jpeg((3000, 2000)))

    widths = (320, 640, 1024, 1600, 2048)
    assert specs(photo) == both_formats(
        [("original", w, round(w * 2000 / 3000)) for w in widths]
        + [("16:9", w, round(w * 1688 / 3000)) for w in widths]
        + [("4:3", w, round(w * 2000 / 2667)) for w in widths]
        + [("1:1", w, w) for w in (320, 640, 1024, 1600, 2000)]
    )


def test_each_file_has_the_stated_size_and_format(create):
    photo = create(images.jpeg((1200, 800)))

    for rendition in photo.renditions.all():
        image = opened(rendition)
        assert (image.format, image.size) == (rendition.format, (rendition.width, rendition.height))
        assert rendition.file.name.startswith(f"renditions/{photo.pk}/")


def test_a_heic_photo_gets_jpeg_and_webp_renditions_and_keeps_its_original(create):
    photo = create(images.encode(images.picture((1200, 900)), "HEIF"), "IMG_0001.HEIC")

    assert (photo.format, photo.width, photo.height) == ("HEIF", 1200, 900)
    assert photo.image.name.endswith(".heic")
    with photo.image.open("rb") as original:
        assert Image.open(original).format == "HEIF"
    assert {r.format for r in photo.renditions.all()} == {"JPEG", "WEBP"}
    for rendition in photo.renditions.all():
        assert opened(rendition).size == (rendition.width, rendition.height)


def test_a_small_picture_is_never_upscaled(create):
    photo = create(images.encode(images.picture((500, 400)), "PNG"), "petite.png")

    assert specs(photo) == both_formats(
        [("original", 320, 256), ("original", 500, 400)]
        + [("16:9", 320, 180), ("16:9", 500, 281)]
        + [("4:3", 320, 240), ("4:3", 500, 375)]
        + [("1:1", 320, 320), ("1:1", 400, 400)]
    )


@pytest.mark.parametrize(
    ("focal_x", "box", "centre"),
    [(0.0, "0,0,900,900", RED), (0.5, "350,0,1250,900", None), (1.0, "700,0,1600,900", BLUE)],
)
def test_crops_are_centred_on_the_focal_point(create, focal_x, box, centre):
    data = images.encode(images.halves((1600, 900), RED, BLUE), "PNG")
    photo = create(data, "deux.png", focal_x=focal_x)
    squares = [r for r in photo.renditions.all() if r.ratio == "1:1"]

    assert {r.box for r in squares} == {box}
    if centre is not None:
        square = next(r for r in squares if r.format == "JPEG" and r.width == 320)
        assert near(opened(square).getpixel((160, 160)), centre)


def test_refresh_makes_nothing_when_nothing_changed(create):
    photo = create(images.jpeg((1200, 800)))
    before = {r.pk: r.file.name for r in photo.renditions.all()}

    assert renditions.refresh(photo) == 0
    assert {r.pk: r.file.name for r in photo.renditions.all()} == before


def test_moving_the_focal_point_remakes_only_the_crops_that_move(
    create, stored_files, django_capture_on_commit_callbacks
):
    photo = create(images.jpeg((3000, 2000)))
    before = {(r.ratio, r.format, r.width): (r.pk, r.file.name) for r in photo.renditions.all()}
    photo.focal_x = 0.1
    photo.save()

    with django_capture_on_commit_callbacks(execute=True):
        remade = renditions.refresh(photo)

    after = {(r.ratio, r.format, r.width): (r.pk, r.file.name) for r in photo.renditions.all()}
    changed = {key for key in after if after[key] != before[key]}
    # 16:9 takes the full width of a 3:2 picture: a horizontal move changes nothing there.
    assert changed == {key for key in after if key[0] in ("4:3", "1:1")}
    assert remade == len(changed) == 20
    assert {r.box for r in photo.renditions.all() if r.ratio == "1:1"} == {"0,0,2000,2000"}
    assert {before[key][1] for key in changed}.isdisjoint(stored_files())
    assert {name for _pk, name in after.values()} <= set(stored_files())


def test_orientation_is_applied_to_renditions_and_the_original_is_kept_as_sent(create):
    # Stored sideways, as a camera held upright writes it: orientation 6 turns it clockwise.
    raw = images.halves((300, 200), RED, BLUE, vertical=False)  # red on top, blue below
    data = images.encode(raw, "JPEG", exif=images.exif(orientation=6))
    photo = create(data)

    assert (photo.width, photo.height, photo.orientation, photo.display_size) == (
        300,
        200,
        6,
        (200, 300),
    )
    with photo.image.open("rb") as file:
        assert hashlib.sha256(file.read()).hexdigest() == hashlib.sha256(data).hexdigest()
    whole = next(r for r in photo.renditions.all() if r.ratio == "original" and r.format == "JPEG")
    upright = opened(whole)
    assert (whole.width, whole.height, upright.size) == (200, 300, (200, 300))
    assert near(upright.getpixel((190, 150)), RED)  # the top went to the right
    assert near(upright.getpixel((10, 150)), BLUE)


def test_transparent_png_gets_a_white_jpeg_and_a_transparent_webp(create):
    data = images.encode(images.picture((400, 300), "RGBA", (0, 0, 0, 0)), "PNG")
    photo = create(data, "transparent.png")
    renditions_by_format = {
        r.format: opened(r) for r in photo.renditions.all() if r.ratio == "original"
    }

    assert renditions_by_format["JPEG"].getpixel((5, 5)) == (255, 255, 255)
    assert renditions_by_format["WEBP"].mode == "RGBA"
    assert renditions_by_format["WEBP"].getpixel((5, 5))[3] == 0


def test_renditions_are_made_after_the_commit_by_the_task_queue(
    db, django_capture_on_commit_callbacks
):
    from media.uploads import create_photo

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        photo = create_photo(images.upload(images.jpeg((800, 600))))
    assert photo.renditions.count() == 0

    for callback in callbacks:
        callback()
    assert photo.renditions.count() == 22


def test_task_for_a_deleted_photo_does_nothing(db):
    assert tasks.generate_renditions.call(123456) == 0


def test_deleting_a_photo_removes_its_files(
    create, stored_files, django_capture_on_commit_callbacks
):
    photo = create(images.jpeg((700, 500)))
    assert len(stored_files()) == 1 + photo.renditions.count()

    with django_capture_on_commit_callbacks(execute=True):
        Photo.objects.get(pk=photo.pk).delete()

    assert stored_files() == []


def test_refresh_command_makes_missing_renditions_and_then_nothing(
    db, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from media.uploads import create_photo

    with django_capture_on_commit_callbacks(execute=False):  # as if loaded by a fixture
        photo = create_photo(images.upload(images.jpeg((700, 500))))
    out = io.StringIO()

    call_command("refresh_renditions", stdout=out)
    call_command("refresh_renditions", str(photo.pk), stdout=out)

    assert out.getvalue().splitlines() == [
        "1 photos checked, 22 renditions written.",
        "1 photos checked, 0 renditions written.",
    ]
    assert photo.renditions.count() == 22
