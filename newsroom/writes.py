"""A write is acknowledged only once it is committed.

Every unsafe request (POST, PUT, PATCH, DELETE) runs in one transaction, the session's
save included, committed before the response leaves; a response of 500 or more rolls it
back. So a 2xx means the change is in the database, and a change that failed (the
database lost half-way) answers an error and leaves nothing behind. What runs after the
commit (purges, re-rendering, queueing) is registered with ``on_commit(..., robust=True)``:
its failure is logged and never turns a committed write into an error.
"""

from django.db import transaction

from newsroom import outage

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class WriteInOneTransaction:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        # No savepoint: in production this is the outermost block; nested (in tests) it
        # would only add two statements to every count of queries.
        try:
            with transaction.atomic(savepoint=False):
                response = self.get_response(request)
                if response.status_code >= 500:
                    transaction.set_rollback(True)
        except outage.DATABASE_ERRORS as error:  # the transaction could not begin, or commit
            return outage.answered(request, error)
        return response
