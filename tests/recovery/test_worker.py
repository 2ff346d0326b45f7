"""Jobs left RUNNING by a worker that died are taken up again and finished; a live
worker's job is left alone; a job abandoned too often is failed, not retried for ever."""

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from media import tasks
from newsroom import worker
from tests.factories import PhotoFactory
from tests.recovery.conftest import unreachable_database

# serialized_rollback: the roles and content types come back after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def photo(db):
    return PhotoFactory()


def running_job(photo, worker_ids):
    """A rendition job claimed by ``worker_ids[-1]``, as the worker leaves it."""
    result = tasks.generate_renditions.enqueue(photo.pk)
    job = DBTaskResult.objects.get(pk=result.id)
    job.worker_ids = worker_ids[:-1]
    job.claim(worker_ids[-1])
    return job


def a_worker(**options) -> worker.RecoveringWorker:
    return worker.RecoveringWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="ignored",
        **options,
    )


@pytest.fixture
def live_worker_lock():
    """Hold the lease of worker «vivant» on a connection of its own, as a live worker does."""
    conn = connections.create_connection(DEFAULT_DB_ALIAS)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_lock(%s, hashtext(%s))", [worker.LOCK_NAMESPACE, "vivant"]
        )
    yield "vivant"
    conn.close()


def test_a_job_left_running_by_a_dead_worker_is_taken_up_again_and_finished(photo):
    job = running_job(photo, ["mort"])
    assert photo.renditions.count() == 0

    call_command("db_worker", batch=True, reload=False)  # the project's, not the library's

    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.worker_ids[0] == "mort"
    assert len(job.worker_ids) == 2
    assert photo.renditions.count() > 0


def test_a_job_half_done_by_a_dead_worker_makes_only_the_missing_renditions(photo):
    tasks.generate_renditions.call(photo.pk)
    made = {r.pk: r.file.name for r in photo.renditions.all()}
    missing = photo.renditions.order_by("pk").first()
    missing_pk = missing.pk
    missing.delete()  # the dead worker had not got to this one
    job = running_job(photo, ["mort"])

    a_worker().run()

    job.refresh_from_db()
    assert (job.status, job.return_value) == (TaskResultStatus.SUCCESSFUL, 1)
    kept = {r.pk: r.file.name for r in photo.renditions.all() if r.pk in made}
    assert kept == {pk: name for pk, name in made.items() if pk != missing_pk}


def test_a_job_of_a_live_worker_is_left_running(photo, live_worker_lock):
    job = running_job(photo, [live_worker_lock])

    a_worker().run()

    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING
    assert job.worker_ids == [live_worker_lock]


def test_a_job_whose_worker_died_three_times_is_failed_not_retried(photo):
    job = running_job(photo, ["mort-1", "mort-2", "mort-3"])

    a_worker().run()

    job.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED
    assert job.exception_class_path == "newsroom.worker.Abandoned"
    assert photo.renditions.count() == 0


def test_the_worker_stops_when_the_database_stays_unreachable(monkeypatch):
    monkeypatch.setattr(worker, "DATABASE_GRACE_SECONDS", 0)
    monkeypatch.setattr(worker.time, "sleep", lambda seconds: None)
    with unreachable_database(), pytest.raises(SystemExit) as stopped:
        a_worker().run()
    assert stopped.value.code == 1
