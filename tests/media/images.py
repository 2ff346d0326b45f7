"""Real image files with known metadata, written by the tests themselves.

Pillow writes EXIF and XMP; nothing in our dependencies writes IPTC IIM, so
``with_iim`` builds the Photoshop APP13 segment that carries it, byte by byte.
"""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

XMP_TEMPLATE = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    photoshop:Credit="{credit}"
    photoshop:DateCreated="{taken_at}">
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="en">{caption_en}</rdf:li>
    <rdf:li xml:lang="x-default">{caption}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
   <photoshop:Source>{source}</photoshop:Source>
   <photoshop:City>{city}</photoshop:City>
   <photoshop:Country>{country}</photoshop:Country>
   <Iptc4xmpCore:Location>{sublocation}</Iptc4xmpCore:Location>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt>
    <rdf:li xml:lang="x-default">{alt_text}</rdf:li>
   </rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def picture(size=(120, 80), mode="RGB", color=(200, 40, 30)) -> Image.Image:
    return Image.new(mode, size, color)


def encode(image: Image.Image, image_format: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg(size=(120, 80), **options) -> bytes:
    return encode(picture(size), "JPEG", **options)


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def xmp(**values) -> bytes:
    return XMP_TEMPLATE.format(**values).encode("utf-8")


def exif(*, description=b"", artist=b"", copyright=b"", taken="", offset="", orientation=None):
    """EXIF as cameras write it; text given as bytes goes in unchanged (often UTF-8)."""
    data = Image.Exif()
    for tag, value in ((0x010E, description), (0x013B, artist), (0x8298, copyright)):
        if value:
            data[tag] = value
    if orientation:
        data[0x0112] = orientation
    if taken:
        details = data.get_ifd(0x8769)
        details[0x9003] = taken
        if offset:
            details[0x9011] = offset
    return data


def iim(records: list[tuple[int, int, bytes]], *, utf8: bool) -> bytes:
    """IPTC IIM datasets; with ``utf8`` the 1:90 record declares UTF-8 (ESC % G)."""
    if utf8:
        records = [(1, 90, b"\x1b%G"), *records]
    return b"".join(
        b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(value)) + value
        for record, dataset, value in records
    )


def with_iim(jpeg_data: bytes, block: bytes) -> bytes:
    """The JPEG with an APP13 "Photoshop 3.0" segment holding the IIM block (resource 0x0404)."""
    padding = b"\x00" if len(block) % 2 else b""
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(block))
    payload = b"Photoshop 3.0\x00" + resource + block + padding
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg_data[:2] + segment + jpeg_data[2:]


def png_with_xmp(packet: bytes, size=(90, 60)) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet.decode("utf-8"))
    return encode(picture(size), "PNG", pnginfo=info)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height``: a decompression bomb's header."""
    data = bytearray(encode(picture((1, 1)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def halves(size, first, second, *, vertical=True) -> Image.Image:
    """Two colours side by side (``vertical`` split) or one above the other."""
    image = Image.new("RGB", size, first)
    width, height = size
    box = (width // 2, 0, width, height) if vertical else (0, height // 2, width, height)
    image.paste(second, box)
    return image
