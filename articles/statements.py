"""Statements compiled once from querysets and run on a psycopg cursor of their own: the
fast path's (``articles.hotpath``), and any other read that compiling its queryset would
cost more than running it (``search.matching_people_ids``)."""

import datetime as dt
import hashlib
import weakref

import psycopg2.extensions
from django.db import DEFAULT_DB_ALIAS, connections


class PreparedStatement:
    """A queryset's SQL, ``PREPARE``d once per connection and ``EXECUTE``d with values for
    its stand-ins. Named after its text, so one name never means two statements. A value
    the SQL holds several times (the moment a list is public at, the status) is one
    parameter of the prepared statement: each parameter is quoted, sent and parsed again
    for every execution (a section page's 17 cost the worker 0.035 ms more than its 3).

    Not ``prepared``: compiled once, sent whole each time, so that PostgreSQL plans it for
    the values (a search: whether a word is in half the archive or in ten articles)."""

    def __init__(self, queryset, *, prepared=True):
        sql, params = queryset.query.sql_with_params()
        self.sql, self.prepared = sql, prepared
        first, *rest = sql.split("%s")
        keys = [_identity(param) for param in params]
        distinct = dict(zip(keys, params, strict=True))  # in order: $1, $2, …
        number = {key: n for n, key in enumerate(distinct, 1)}
        numbered = first + "".join(
            f"${number[key]}{part}" for key, part in zip(keys, rest, strict=True)
        )
        self.name = "newsroom_" + hashlib.sha256(numbered.encode()).hexdigest()[:20]
        self.prepare = f"PREPARE {self.name} AS {numbered}"
        self.execute_sql = f"EXECUTE {self.name}({', '.join(['%s'] * len(distinct))})"
        # What one execution sends: each distinct value once if prepared, else every one.
        self.params = list(distinct.values() if prepared else params)
        self.stand_ins = [(i, p) for i, p in enumerate(self.params) if isinstance(p, str | dt.date)]
        self.names = None  # the columns, known after the first execution

    def bound(self, values: dict) -> list:
        """The parameters of one execution, each stand-in of ``values`` replaced."""
        params = self.params.copy()
        for index, param in self.stand_ins:
            if param in values:
                params[index] = values[param]
        return params

    def execute(self, values: dict) -> tuple[list[tuple], list[str]]:
        """The rows and their column names, each stand-in of ``values`` replaced; JSON
        (``text``) comes as bytes, as it is sent. A database error is the caller's."""
        params = self.bound(values)
        db = connections[DEFAULT_DB_ALIAS]
        db.ensure_connection()
        session = Session.of(db.connection)
        if db.queries_logged:  # counted, as tests and the benchmark count queries
            with db.cursor() as cursor:
                text_as_bytes(cursor.cursor)
                return session.run(self, cursor, params)
        with db.wrap_database_errors:
            return session.run(self, session.cursor, params)


def _identity(param):
    """What makes two of a statement's values one parameter: the same type and value
    (``1`` and ``True`` stay two); a value that cannot be compared so (a list) is its own."""
    try:
        hash(param)
    except TypeError:
        return id(param)
    return type(param), param


class Session:
    """What the fast path keeps of each database connection (psycopg's): the statements
    prepared on it, and a cursor of its own.

    Django's cursor, made per query and wrapped, cost a detail 0.08 to 0.1 ms of the
    worker's time (a third of it) for the same statement."""

    sessions = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, connection) -> "Session":
        if connection not in cls.sessions:
            cls.sessions[connection] = cls(connection)
        return cls.sessions[connection]

    def __init__(self, connection):
        self.prepared = set()
        self.cursor = connection.cursor()
        text_as_bytes(self.cursor)
        # Each execution runs the plan made once, whatever the values: planning a list
        # page again cost 1 to 2 ms, five times what running it does. Only our prepared
        # statements (and PL/pgSQL's) are planned this way.
        self.cursor.execute("SET plan_cache_mode = force_generic_plan")

    def run(self, statement, cursor, params) -> tuple[list[tuple], list[str]]:
        if not statement.prepared:
            cursor.execute(statement.sql, params)
        else:
            if statement.name not in self.prepared:
                cursor.execute(statement.prepare)
                self.prepared.add(statement.name)
            cursor.execute(statement.execute_sql, params)
        if statement.names is None:
            statement.names = [column.name for column in cursor.description]
        return cursor.fetchall(), statement.names


# PostgreSQL's ``text`` (the stored and written JSON) read as bytes, by psycopg's own
# typecaster of bytes, written in C. It reads every kind of string so; ``varchar`` (slugs,
# ETags) and the other short strings are read back as str. A typecaster made from Python
# gets each value as str, decoded from UTF-8 first: a list page's 21 kB of entries
# cost 0.07 ms of the worker to decode and encode again (0.1 ms against 0.03 to fetch).
# A ``uuid`` (an article's public id, for its surrogate key) is read as str too, not made
# a ``UUID`` only to be written out again (5 µs an article).
TEXT_OID, UUID_OID = 25, 2950
SHORT_STRINGS_AS_STR = psycopg2.extensions.new_type(
    (*(set(psycopg2.extensions.BYTES.values) - {TEXT_OID}), UUID_OID),
    "SHORT_STRINGS_AS_STR",
    lambda value, cursor: value,  # decoded already
)


def text_as_bytes(cursor):
    """JSON read by ``cursor`` comes as bytes: stored JSON goes out as it came in, neither
    decoded nor encoded again."""
    psycopg2.extensions.register_type(psycopg2.extensions.BYTES, cursor)
    psycopg2.extensions.register_type(SHORT_STRINGS_AS_STR, cursor)
