"""The background worker (``manage.py db_worker``): django_tasks_db's, made to recover.

- **A lease.** Each worker holds a PostgreSQL advisory lock named after its id, on a
  connection of its own, for as long as it lives. PostgreSQL lets the lock go when that
  connection ends, however the worker ends (``kill -9`` included). A job left RUNNING by
  a worker whose lock is free has nobody working on it: every worker looks for such jobs
  when it starts and every ``SWEEP_SECONDS``, and queues them again (the jobs are
  idempotent: renditions are made only where missing). After ``MAX_ATTEMPTS`` the job is
  marked failed instead, so a photo that kills its worker every time cannot loop forever.
- **A job failed by the database** (lost mid-way) is queued again, not left failed.
- **A fatal error ends the process,** so that its supervisor (compose's restart policy)
  starts a fresh one: the database gone for longer than ``DATABASE_GRACE_SECONDS`` (the
  embedded server is started again meanwhile), or anything unexpected in the loop.
"""

import logging
import os
import sys
import threading
import time

from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connections,
)
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from newsroom import db, logs

logger = logging.getLogger("newsroom.worker")

DATABASE_ERRORS = (OperationalError, InterfaceError)
LOCK_NAMESPACE = 16_016  # the first key of every worker's advisory lock
SWEEP_SECONDS = 30
MAX_ATTEMPTS = 3
DATABASE_GRACE_SECONDS = int(os.environ.get("WORKER_DATABASE_GRACE_SECONDS", 60))
DATABASE_ERROR_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in DATABASE_ERRORS}


class Abandoned(Exception):
    """The job's worker died while running it, ``MAX_ATTEMPTS`` times."""


class Lease:
    """The advisory lock that says a worker is alive, on a connection only it uses."""

    def __init__(self):
        self.worker_id = ""
        self.conn = None

    def hold(self) -> bool:
        """Make sure the lock is held; returns False when it had been lost (the database
        went away), and a new id was taken: jobs left RUNNING under the old one are then
        swept like any dead worker's."""
        if self.conn is not None:
            try:
                with self.conn.cursor() as cursor:
                    cursor.execute("SELECT 1")
                return True
            except DATABASE_ERRORS:
                self.close()
        kept = not self.worker_id
        self.worker_id = get_random_string(32)
        self.conn = connections.create_connection(DEFAULT_DB_ALIAS)
        try:
            with self.conn.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_try_advisory_lock(%s, hashtext(%s))",
                    [LOCK_NAMESPACE, self.worker_id],
                )
                (locked,) = cursor.fetchone()
        except DATABASE_ERRORS:
            self.close()
            raise
        if not locked:  # a hash shared with a live worker: take another id next time
            self.close()
            raise OperationalError("worker lease already taken")
        logger.info("worker %s holds its lease", self.worker_id)
        return kept

    def is_free(self, worker_id: str) -> bool:
        """Whether no live worker holds ``worker_id``'s lock (tried, then let go)."""
        with self.conn.cursor() as cursor:
            cursor.execute(
                "SELECT pg_try_advisory_lock(%s, hashtext(%s))", [LOCK_NAMESPACE, worker_id]
            )
            (free,) = cursor.fetchone()
            if free:
                cursor.execute(
                    "SELECT pg_advisory_unlock(%s, hashtext(%s))", [LOCK_NAMESPACE, worker_id]
                )
        return free

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except DATABASE_ERRORS:
                pass
        self.conn = None


def requeue_abandoned(lease: Lease) -> int:
    """Queue again the RUNNING jobs whose worker is gone; returns how many."""
    requeued = 0
    running = DBTaskResult.objects.running().values_list("id", "worker_ids", "started_at")
    for job_id, worker_ids, started_at in running:
        last = worker_ids[-1] if worker_ids else ""
        if last == lease.worker_id or (last and not lease.is_free(last)):
            continue
        requeued += requeue(job_id, worker_ids, started_at=started_at)
    return requeued


def requeue(job_id, worker_ids: list, *, started_at) -> int:
    """Put a job back in the queue, or fail it after ``MAX_ATTEMPTS``. ``started_at``
    must still be the job's: a job claimed again meanwhile is left alone."""
    job = DBTaskResult.objects.filter(pk=job_id, started_at=started_at).exclude(
        status=TaskResultStatus.SUCCESSFUL
    )
    if len(worker_ids) >= MAX_ATTEMPTS:
        logger.error("job %s abandoned %d times: marked failed", job_id, len(worker_ids))
        return job.update(
            status=TaskResultStatus.FAILED,
            exception_class_path=f"{Abandoned.__module__}.{Abandoned.__qualname__}",
            traceback=f"Its worker stopped while running it, {len(worker_ids)} times.",
        )
    logger.warning("job %s left by worker %s: queued again", job_id, worker_ids[-1:])
    return job.update(status=TaskResultStatus.READY, started_at=None, finished_at=None)


class RecoveringWorker(Worker):
    """django_tasks_db's worker with a lease, the sweep, and an exit on fatal errors."""

    def __init__(self, **options):
        super().__init__(**options)
        self.lease = Lease()
        self.next_sweep = 0.0
        self.down_since = None

    def run(self) -> None:
        try:
            self._loop()
        except SystemExit:
            raise
        except BaseException:
            logger.exception("the worker stops on an unexpected error")
            stop(1)
        finally:
            self.lease.close()

    def _loop(self) -> None:
        logger.info("worker starting, queues %s", ",".join(self.queue_names))
        while self.running:
            close_old_connections()
            try:
                if not self.lease.hold():
                    self.next_sweep = 0.0  # our old id's jobs are now anybody's
                self.worker_id = self.lease.worker_id
                if time.monotonic() >= self.next_sweep:
                    if count := requeue_abandoned(self.lease):
                        logger.warning("%d job(s) left by dead workers queued again", count)
                    self.next_sweep = time.monotonic() + SWEEP_SECONDS
                job = self.claim()
                self.down_since = None
                if job is not None:
                    self.run_task(job)
                    self.requeue_if_failed_by_the_database(job)
            except DATABASE_ERRORS as error:
                self.database_lost(error)  # a job of ours left RUNNING is swept once back
                continue
            if job is not None:
                if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                    return
            elif self.batch:
                return
            elif self.running:
                time.sleep(self.interval)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        token = logs.request_id.set(f"job-{db_task_result.pk}")  # on every line it logs
        try:
            super().run_task(db_task_result)
        finally:
            logs.request_id.reset(token)

    def claim(self) -> DBTaskResult | None:
        jobs = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            jobs = jobs.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            jobs = jobs.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(jobs.db):
            job = jobs.get_locked()
            if job is not None:
                job.claim(self.worker_id)
        return job

    def requeue_if_failed_by_the_database(self, job: DBTaskResult) -> None:
        if job.status == TaskResultStatus.FAILED and job.exception_class_path in (
            DATABASE_ERROR_PATHS
        ):
            requeue(job.pk, job.worker_ids, started_at=job.started_at)

    def database_lost(self, error: Exception) -> None:
        """Wait for the database (starting the embedded one again if it died); past
        ``DATABASE_GRACE_SECONDS``, stop the process for the supervisor to restart it."""
        now = time.monotonic()
        if self.down_since is None:
            self.down_since = now
            logger.warning("database lost: %s", str(error).strip() or type(error).__name__)
        self.lease.close()
        for conn in connections.all(initialized_only=True):
            conn.close_if_unusable_or_obsolete()
        if now - self.down_since > DATABASE_GRACE_SECONDS:
            logger.critical("database unreachable for %ds: the worker stops", now - self.down_since)
            stop(1)
        db.revive_embedded_server()
        time.sleep(1)


def stop(code: int) -> None:
    """End the process. Under the autoreloader the worker runs in a thread, where
    ``sys.exit`` would only end that thread (and leave a process doing nothing)."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    if threading.current_thread() is threading.main_thread():
        sys.exit(code)
    os._exit(code)
