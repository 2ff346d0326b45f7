"""Stand-in pictures drawn by the project, since the seed holds no image.

The drawings use no randomness and no timestamp, so the same Pillow version always gives
the same bytes, hence the same ``content_hash``: that is what makes re-loading idempotent.
"""

import hashlib
import io

from PIL import Image, ImageDraw, ImageOps


def lead_photo_jpeg(width: int = 1600, height: int = 900) -> bytes:
    """A dusk sky over a training ground with a row of silhouettes."""
    sky = Image.linear_gradient("L").resize((width, height))
    image = ImageOps.colorize(sky, black=(196, 170, 128), white=(52, 66, 92))
    draw = ImageDraw.Draw(image)
    horizon = height * 2 // 3
    draw.ellipse((width * 0.68, height * 0.12, width * 0.78, height * 0.30), fill=(236, 214, 160))
    draw.polygon(
        [
            (0, horizon),
            (width * 0.3, horizon - 90),
            (width * 0.55, horizon - 30),
            (width * 0.8, horizon - 120),
            (width, horizon - 40),
            (width, height),
            (0, height),
        ],
        fill=(74, 82, 58),
    )
    draw.rectangle((0, horizon + 60, width, height), fill=(96, 88, 64))
    for index in range(9):
        x = width * (0.1 + index * 0.09)
        y = horizon + 40 + (index % 3) * 14
        draw.ellipse((x - 16, y - 150, x + 16, y - 118), fill=(32, 36, 30))
        draw.rounded_rectangle((x - 28, y - 118, x + 28, y - 30), radius=12, fill=(40, 46, 34))
        draw.rectangle((x - 24, y - 30, x - 6, y + 40), fill=(36, 40, 30))
        draw.rectangle((x + 6, y - 30, x + 24, y + 40), fill=(36, 40, 30))
    return _jpeg(image)


def swatch_jpeg(index: int, width: int = 320, height: int = 180) -> bytes:
    """A small picture that differs for each ``index``, for the volume generator."""
    hue = (index * 37) % 256
    background = Image.new("HSV", (width, height), (hue, 90, 200)).convert("RGB")
    draw = ImageDraw.Draw(background)
    step = 12 + index % 7
    for x in range(0, width, step * 2):
        draw.rectangle((x, height // 2, x + step, height), fill=((hue * 3) % 256, 60, 90))
    draw.ellipse(
        (width // 3, height // 6, width // 3 + height // 2, height // 6 + height // 2),
        fill=(240, 230, (index * 11) % 256),
    )
    return _jpeg(background)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
