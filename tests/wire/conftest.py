import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import jpeg_bytes

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def wire_dir(tmp_path):
    """A folder the agency's files land in (the uploads go elsewhere in tmp_path)."""
    folder = tmp_path / "fil"
    folder.mkdir()
    return folder


@pytest.fixture
def sample(wire_dir):
    """Copy a sample item into the wire folder; returns its path there."""

    def copy(name: str, source: Path = SAMPLES) -> Path:
        target = wire_dir / Path(name).name
        shutil.copy(source / name, target)
        return target

    return copy


@pytest.fixture
def photo_file():
    def write(path: Path, color=(200, 30, 30)) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jpeg_bytes(width=64, height=48, color=color))
        return path

    return write


@pytest.fixture
def import_wire(db, capsys):
    """Run ``manage.py import_wire``; returns (stdout, stderr)."""

    def run(*args):
        call_command("import_wire", *map(str, args))
        captured = capsys.readouterr()
        return captured.out, captured.err

    return run
