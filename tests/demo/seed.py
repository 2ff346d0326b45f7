"""Where the reference page's text is: the shared seed, else the project's committed copy."""

from pathlib import Path

from django.conf import settings

SEED_NAME = "000_5e991eec8cac92d8.txt"
COMMITTED_COPY = Path(settings.BASE_DIR) / "demo" / "reference_article.txt"


def seed_path() -> Path:
    """The seed beside the project when it is there (a fresh clone has only the copy)."""
    seed = Path(settings.BASE_DIR).parent / "shared" / "seed" / SEED_NAME
    return seed if seed.exists() else COMMITTED_COPY
