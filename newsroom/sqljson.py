"""JSON written by PostgreSQL: a list's entries (quotes, people, tags) come out of the query
that finds them as compact JSON text, ready to be joined into the page, with no model
instance and no serializer per row. The serializers stay what the API documents; tests
hold each list's entries equal to them."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Expression, Func, Value
from django.db.models.functions import Cast
from django.utils import timezone


class JSONRow(Expression):
    """``{"name": value, …}`` in the order given, as ``json``: ``row_to_json`` of a one-row
    select, whose text is compact (no spaces) and keeps the order. A value that is itself
    ``json`` (a nested ``JSONRow``, a ``json_array``) is written in as it is."""

    output_field = models.JSONField()

    def __init__(self, **fields):
        super().__init__()
        self.names = list(fields)
        self.values = [
            value if hasattr(value, "resolve_expression") else Value(value)
            for value in fields.values()
        ]

    def get_source_expressions(self):
        return self.values

    def set_source_expressions(self, expressions):
        self.values = list(expressions)

    def as_sql(self, compiler, connection):
        columns, params = [], []
        for name, value in zip(self.names, self.values, strict=True):
            sql, value_params = compiler.compile(value)
            columns.append(f"{sql} AS {connection.ops.quote_name(name)}")
            params.extend(value_params)
        # Compiled expressions and quoted names from the code; values go as parameters.
        select = ", ".join(columns)
        return f"(SELECT row_to_json(entry) FROM (SELECT {select}) AS entry)", params  # noqa: S608


def json_array(rows) -> Func:
    """The ``JSONRow`` that each of ``rows`` (a queryset of one such column) selects, in
    the queryset's order, as a ``json`` array (``[]`` when there are none)."""
    return Func(ArraySubquery(rows), function="array_to_json", output_field=models.JSONField())


def as_text(row: JSONRow) -> Cast:
    """The JSON's text as PostgreSQL wrote it, not parsed back into Python objects."""
    return Cast(row, models.TextField())


class RFC3339(Func):
    """A time as the API writes it (``newsroom.api.RFC3339DateTimeField``), in the current
    time zone: the ``rfc3339`` SQL function of articles/0019."""

    function = "rfc3339"
    output_field = models.TextField()

    def __init__(self, expression):
        super().__init__(expression, Value(timezone.get_current_timezone_name()))
