"""The sizes and crops a photo is served at, made from the untouched original.

Every photo gets each width in ``WIDTHS`` (never upscaled: a narrower picture stops at its
own width), in JPEG and WebP, for the whole picture and for each crop in ``RATIOS``; a crop
is the largest box of that ratio centred on the focal point. ``refresh`` makes only what is
missing or stale, so calling it again costs one query and no decoding.

Memory and time stay low for big originals: a JPEG is decoded directly at the smallest
power-of-two reduction that is still large enough (``Image.draft``); the largest size of
each crop is resized from a box of that one decoded image (never a crop copy), reducing by
whole factors first as ``Image.thumbnail`` does, and each smaller size from the one above.
"""

import io
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from media import carriers
from media.models import Photo, Rendition
from newsroom import surrogate_keys

WIDTHS = (320, 640, 1024, 1600, 2048)
RATIOS = {
    Rendition.Ratio.ORIGINAL: None,
    Rendition.Ratio.WIDE: (16, 9),
    Rendition.Ratio.STANDARD: (4, 3),
    Rendition.Ratio.SQUARE: (1, 1),
}
ENCODER_OPTIONS = {
    Rendition.Format.JPEG: {"quality": 82, "progressive": True},
    Rendition.Format.WEBP: {"quality": 80, "method": 4},
}
EXTENSIONS = {Rendition.Format.JPEG: "jpg", Rendition.Format.WEBP: "webp"}
# EXIF orientation → the turn that makes the picture upright (as ImageOps.exif_transpose).
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

Box = tuple[int, int, int, int]


class Spec(NamedTuple):
    ratio: str
    format: str
    width: int
    height: int
    box: Box

    @property
    def key(self) -> tuple[str, str, int]:
        return self.ratio, self.format, self.width

    @property
    def box_text(self) -> str:
        return ",".join(map(str, self.box))

    @property
    def filename(self) -> str:
        left, top, _right, _bottom = self.box
        ratio = self.ratio.replace(":", "x")
        return f"{ratio}-{left}x{top}-{self.width}.{EXTENSIONS[self.format]}"


def crop_box(size: tuple[int, int], ratio, focal: tuple[float, float]) -> Box:
    """The largest box of ``ratio`` inside ``size``, centred on ``focal`` (0..1) if it can be."""
    width, height = size
    if ratio is None:
        return 0, 0, width, height
    across, down = ratio
    if width * down > height * across:
        box_width, box_height = round(height * across / down), height
    else:
        box_width, box_height = width, round(width * down / across)
    left = min(max(round(focal[0] * width - box_width / 2), 0), width - box_width)
    top = min(max(round(focal[1] * height - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


def specs_for(photo: Photo) -> list[Spec]:
    """Every rendition the photo should have, from its upright size and focal point."""
    size = photo.display_size
    specs = []
    for ratio, proportions in RATIOS.items():
        box = crop_box(size, proportions, (photo.focal_x, photo.focal_y))
        box_width, box_height = box[2] - box[0], box[3] - box[1]
        for width in sorted({min(width, box_width) for width in WIDTHS}):
            height = max(1, round(width * box_height / box_width))
            for image_format in ENCODER_OPTIONS:
                specs.append(Spec(ratio, image_format, width, height, box))
    return specs


def refresh(photo: Photo) -> int:
    """Make the renditions the photo lacks, replace those cut from an old focal point, drop
    those no longer wanted. Returns how many files were written.

    When anything changed, the photo is saved (``renditions_refreshed_at``) and what shows
    it (stored public JSON, CDN) is refreshed: derived data, so nothing is recorded.
    """
    wanted = {spec.key: spec for spec in specs_for(photo)}
    current = {(r.ratio, r.format, r.width): r for r in photo.renditions.all()}
    unwanted = [rendition for key, rendition in current.items() if key not in wanted]
    for rendition in unwanted:
        rendition.delete()
    todo = [
        spec
        for key, spec in wanted.items()
        if key not in current or current[key].box != spec.box_text
    ]
    for spec, data in render(photo, todo):
        store(photo, spec, data, current.get(spec.key))
    if todo or unwanted:
        photo.renditions_refreshed_at = timezone.now()
        photo.save(update_fields=["renditions_refreshed_at"])
        keys = [surrogate_keys.PHOTOS, surrogate_keys.photo(photo.pk)]
        carriers.Reach([photo.pk]).forget(keys=keys)
    return len(todo)


def store(photo: Photo, spec: Spec, data: bytes, stale: Rendition | None) -> None:
    """Save one rendition's file and row; a stale row is updated, its old file deleted."""
    rendition = stale or Rendition(photo=photo, ratio=spec.ratio, format=spec.format)
    old_name = rendition.file.name
    rendition.width, rendition.height, rendition.box = spec.width, spec.height, spec.box_text
    rendition.file.save(spec.filename, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:  # another worker made the same rendition meanwhile
        rendition.file.delete(save=False)
        return
    if old_name:
        storage = rendition.file.storage
        transaction.on_commit(lambda: storage.delete(old_name), robust=True)


def render(photo: Photo, specs: list[Spec]):
    """Yield ``(spec, encoded bytes)`` for each spec, decoding the original once.

    In each crop the largest size is resized from the decoded original and every smaller
    size from the one above it: a fraction of the cost of resizing the original each time.
    """
    if not specs:
        return
    sizes: dict[tuple[Box, int, int], list[Spec]] = {}
    for spec in specs:
        sizes.setdefault((spec.box, spec.width, spec.height), []).append(spec)
    scale = max(spec.width / (spec.box[2] - spec.box[0]) for spec in specs)
    needed = (round(photo.width * scale), round(photo.height * scale))  # before rotation
    with photo.image.open("rb") as file, Image.open(file) as original:
        icc_profile = original.info.get("icc_profile") if original.mode == "RGB" else None
        original.draft("RGB", needed)
        image = upright(original, photo.orientation)
        factor = image.width / photo.display_size[0]
        above_box, above = None, None
        for box, width, height in sorted(sizes, key=lambda size: (size[0], -size[1])):
            if box == above_box:
                resized = above.resize((width, height), Image.Resampling.LANCZOS)
            else:
                scaled_box = tuple(side * factor for side in box)
                resized = image.resize(
                    (width, height), Image.Resampling.LANCZOS, box=scaled_box, reducing_gap=2.0
                )
            above_box, above = box, resized
            for spec in sizes[box, width, height]:
                yield spec, encode(resized, spec.format, icc_profile)


def upright(image: Image.Image, orientation: int) -> Image.Image:
    """The decoded picture turned as the camera saw it, in RGB, or premultiplied RGBa when
    it has transparency (so that resizing does not convert it again for every rendition)."""
    if method := TRANSPOSE.get(orientation):
        image = image.transpose(method)
    if image.mode == "RGB":
        return image
    has_alpha = "A" in image.mode or "transparency" in image.info
    return image.convert("RGBA").convert("RGBa") if has_alpha else image.convert("RGB")


def encode(image: Image.Image, image_format: str, icc_profile: bytes | None) -> bytes:
    if image.mode == "RGBa":
        image = image.convert("RGBA")
    if image_format == Rendition.Format.JPEG and image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    buffer = io.BytesIO()
    options = ENCODER_OPTIONS[image_format]
    image.save(buffer, image_format, icc_profile=icc_profile, **options)
    return buffer.getvalue()
