"""The files' half of a backup: the uploaded photos and renditions under MEDIA_ROOT, as one
tar. Photos kept in object storage (PHOTOS_BUCKET) are not in it: the bucket is backed up
by its own means (versioning, replication, ``aws s3 sync``)."""

import tarfile
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage


def local_root() -> Path | None:
    """Where the uploaded files are, or None when they are in object storage."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def pack(root: Path, target: Path) -> tuple[int, int]:
    """Every file under ``root`` into the tar ``target``; returns (files, bytes)."""
    files = size = 0
    with tarfile.open(target, "w") as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []:
            archive.add(path, arcname=str(path.relative_to(root)), recursive=False)
            files, size = files + 1, size + path.stat().st_size
    return files, size


def unpack(source: Path, root: Path) -> int:
    """The tar ``source`` into ``root`` (made if missing); returns the number of files.
    Names that would leave ``root`` (absolute, ``..``, links out) are refused."""
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source) as archive:
        members = [member for member in archive.getmembers() if member.isfile()]
        archive.extractall(root, members=members, filter="data")
    return len(members)
