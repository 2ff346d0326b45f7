import pytest
from django.utils import translation

from tests.media.images import upload


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    """Files go to a fresh folder on disk, tasks run at once, messages are in English."""
    root = tmp_path / "uploads"
    root.mkdir()
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield root


@pytest.fixture
def stored_files(uploads):
    """The files now in storage, as paths relative to MEDIA_ROOT."""

    def files() -> list[str]:
        return sorted(
            str(path.relative_to(uploads)) for path in uploads.rglob("*") if path.is_file()
        )

    return files


@pytest.fixture
def create(db, django_capture_on_commit_callbacks):
    """``create_photo`` on test bytes, with the renditions made as after a real commit."""
    from media.uploads import create_photo

    def make(data: bytes, name: str = "photo.jpg", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return create_photo(upload(data, name), **fields)

    return make
