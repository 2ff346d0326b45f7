"""What every API resource shares: the router, pagination, strict query parameters, errors."""

import datetime as dt
from base64 import b64encode
from urllib import parse

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, pagination, serializers
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from newsroom import errors
from newsroom.caching import PreconditionFailed

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False


class CursorPagination(pagination.CursorPagination):
    """Cursor pagination, so page 2,000 costs what page 1 costs; bad input is a 400."""

    ordering = ("slug",)
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.queryset = queryset  # a cursor's position is checked against its ordering field
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        """The cursor as this paginator wrote it, else a 400: one never given (``%00``,
        an offset beyond the cutoff) or a position the ordering field cannot take (``p=x``
        on a date) would otherwise reach the database."""
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound:
            cursor = None
        if cursor is None or encoded != self.encoded(cursor) or not self.takes(cursor.position):
            raise exceptions.ValidationError(
                {
                    self.cursor_query_param: [
                        _("This cursor is not valid; use the next or previous link as given.")
                    ]
                }
            )
        return cursor

    @staticmethod
    def encoded(cursor) -> str:
        """The cursor's text, as ``encode_cursor`` puts it in a link."""
        tokens = {"o": str(cursor.offset)} if cursor.offset else {}
        if cursor.reverse:
            tokens["r"] = "1"
        if cursor.position is not None:
            tokens["p"] = cursor.position
        return b64encode(parse.urlencode(tokens).encode("ascii")).decode("ascii")

    def encode_cursor(self, cursor):
        """DRF's link to ``cursor``. From an address without a query (a list's first page,
        unfiltered), written directly: ``replace_query_param`` parses the address and
        encodes its query again to add the one parameter (10 µs, a tenth of the worker's
        time for a page of stored entries)."""
        if "?" in self.base_url:
            return super().encode_cursor(cursor)
        return f"{self.base_url}?{self.cursor_query_param}={parse.quote_plus(self.encoded(cursor))}"

    def takes(self, position: str | None) -> bool:
        """Whether the first ordering field (a column or an annotation) can hold ``position``."""
        if position is None:
            return True
        if "\x00" in position:
            return False
        field = ordering_field(self.queryset, self.ordering[0].lstrip("-"))
        try:
            value = field.to_python(position)
            if isinstance(field, models.IntegerField):
                field.run_validators(value)  # within the column's range
        except DjangoValidationError:
            return False
        return True

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "An opaque position: pass on the next or previous link as given.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page, {self.page_size} by default.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number between 1 and %(max)d.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return super().get_page_size(request)


def ordering_field(queryset, name):
    """The field a queryset orders by ``name``: an annotation's or a column's."""
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    return queryset.model._meta.get_field(name)


class StrictQueryParametersMixin:
    """Refuse query parameters a resource does not know, instead of silently ignoring them.

    Public filters are an allow-list: an unknown parameter is a 400 naming it.
    """

    extra_query_parameters: tuple[str, ...] = ()

    def allowed_query_parameters(self) -> set[str]:
        allowed = {"format", *self.extra_query_parameters}
        if self.detail:
            return allowed
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            allowed |= {
                getattr(paginator, "cursor_query_param", "cursor"),
                getattr(paginator, "page_size_query_param", "page_size"),
            }
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.allowed_query_parameters())
        if unknown:
            raise exceptions.ValidationError(
                {name: [_("Unknown query parameter.")] for name in unknown}
            )


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, skipped when the request gives no filter: a FilterSet
    copies all its filters and builds its form, which costs more than a page query."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not set(request.query_params) & set(
            filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class NewestFirstCursorPagination(CursorPagination):
    ordering = ("-published_at", "-id")


class RelevanceCursorPagination(CursorPagination):
    """Best score first (``articles.search.ranked``), ties newest added first."""

    ordering = ("-search_score", "-id")


class DossierTimelinePagination(CursorPagination):
    """Newest first, by the dossier entries' copy of the time (``Article.objects.in_dossier``)."""

    ordering = ("-entry_published_at", "-entry_article")


class QuotesCursorPagination(CursorPagination):
    """Newest said first (``Quote.objects.newest_first``)."""

    ordering = ("-said", "-id")


class StrictCharField(serializers.CharField):
    """Text must be sent as a JSON string: 42 or true is a type error, not "42"."""

    default_error_messages = {"invalid": gettext_lazy("Expected text (a JSON string).")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictSlugField(StrictCharField, serializers.SlugField):
    pass


class RFC3339DateTimeField(serializers.DateTimeField):
    """Paris time, except where Paris had no offset in whole minutes (before 1911, local
    mean time, +00:09:21): such a time is given in UTC, as RFC 3339 requires."""

    def to_representation(self, value):
        if (
            isinstance(value, dt.datetime)
            and not timezone.is_naive(value)
            and self.enforce_timezone(value).utcoffset().seconds % 60
        ):
            return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        return super().to_representation(value)


class TimesMixin:
    """A ModelSerializer whose times are always valid RFC 3339 (``RFC3339DateTimeField``)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: RFC3339DateTimeField,
    }


class StrictFieldsMixin:
    """Refuse fields a client may not send, instead of silently dropping them.

    Unknown fields and read-only fields (status, times, ids) are a 400 naming them: no
    mass assignment, and no client left believing it changed something it did not.
    """

    serializer_field_mapping = {
        **TimesMixin.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
    }

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            errors = {}
            for name in data:
                if name in writable:
                    continue
                if name in self.fields:
                    errors[name] = [_("This field is read-only.")]
                else:
                    errors[name] = [_("Unknown field.")]
            if errors:
                raise exceptions.ValidationError(errors)
        return super().to_internal_value(data)


def exception_handler(exc, context):
    """DRF's handler, plus the verbs' refusals (``newsroom.errors``), Django's
    ValidationError and its request size limits as 4xx, each with the message given."""
    if isinstance(exc, errors.NotAllowed):
        exc = exceptions.PermissionDenied(exc.messages[0])
    elif isinstance(exc, errors.StaleVersion):
        exc = PreconditionFailed(exc.messages[0])
    elif isinstance(exc, errors.InUse):
        exc = Conflict(exc.messages[0])
    elif isinstance(exc, RequestDataTooBig):  # raised when DRF reads the body to parse it
        exc = exceptions.ParseError(
            _("The request body is too large: at most %(max)d bytes.")
            % {"max": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        )
    elif isinstance(exc, TooManyFieldsSent):
        exc = exceptions.ParseError(
            _("The request has too many fields: at most %(max)d.")
            % {"max": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
        )
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    return drf_exception_handler(exc, context)


class Conflict(exceptions.APIException):
    status_code = 409
    default_detail = gettext_lazy("This is still in use.")
    default_code = "conflict"
