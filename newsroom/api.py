"""What every API resource shares: the router, pagination, strict query parameters, errors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False


class CursorPagination(pagination.CursorPagination):
    """Cursor pagination, so page 2,000 costs what page 1 costs; bad input is a 400."""

    ordering = ("slug",)
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise exceptions.ValidationError(
                {self.cursor_query_param: [_("This cursor is not valid; use the next or previous link as given.")]}
            ) from None

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [
                    _("Give a whole number between 1 and %(max)d.") % {"max": self.max_page_size}
                ]}
            )
        return super().get_page_size(request)


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


class NewestFirstCursorPagination(CursorPagination):
    ordering = ("-published_at", "-id")


class LatestCursorPagination(CursorPagination):
    ordering = ("-id",)


def exception_handler(exc, context):
    """DRF's handler, plus Django's ValidationError as a 400 instead of a 500."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    return drf_exception_handler(exc, context)
