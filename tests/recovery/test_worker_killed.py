"""The issue's case, with real processes: a worker killed with SIGKILL while it renders a
large photo leaves its job RUNNING; the next worker takes it up and finishes it."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image

from media import renditions, tasks
from newsroom.db import url_of
from tests.factories import PhotoFactory

ROOT = Path(__file__).resolve().parents[2]

# serialized_rollback: the roles and content types come back after each flush.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def large_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((3000, 2000), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def worker(var_dir: Path, *args: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": url_of(connection.settings_dict),
        "NEWSROOM_VAR_DIR": str(var_dir),
        "SECRET_KEY": "worker-test",
        "LOG_FORMAT": "text",
    }
    return subprocess.Popen(  # noqa: S603 - our interpreter and manage.py
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_worker_killed_during_renditions_leaves_a_job_the_next_worker_finishes(
    settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    photo = PhotoFactory(image=ContentFile(large_jpeg(), name="grand.jpg"))
    job_id = tasks.generate_renditions.enqueue(photo.pk).id
    job = DBTaskResult.objects.filter(pk=job_id)

    first = worker(tmp_path)
    wait_for(lambda: job.get().status == TaskResultStatus.RUNNING)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    assert job.get().status == TaskResultStatus.RUNNING  # left for good, before the fix
    assert photo.renditions.count() < len(renditions.specs_for(photo))

    second = worker(tmp_path, "--batch")
    assert second.wait(120) == 0

    finished = job.get()
    assert finished.status == TaskResultStatus.SUCCESSFUL
    assert len(finished.worker_ids) == 2
    assert photo.renditions.count() == len(renditions.specs_for(photo))
