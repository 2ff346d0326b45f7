"""Admin lists at a million rows: no full count, index-backed filters, deep pages."""

import datetime as dt
from functools import cached_property

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Max, Min
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to ``exact_up_to`` rows; beyond, takes PostgreSQL's estimate.

    Django's paginator runs ``COUNT(*)`` over every matching row on every page, which takes
    seconds on a million articles; past ten thousand nobody needs the exact figure, only
    enough pages to reach the ones they want. The planner's estimate (an ``EXPLAIN``, no
    rows read) decides: when it expects more, it is the count, else the rows are counted,
    stopping at ``exact_up_to + 1``. ``is_estimate`` tells the template.
    """

    exact_up_to = 10_000
    is_estimate = False

    @cached_property
    def count(self):
        rows = self.object_list.order_by()
        try:
            estimate = self._planner_estimate(rows)
        except EmptyResultSet:
            return 0
        if estimate > self.exact_up_to:
            self.is_estimate = True
            return estimate
        counted = rows.values("pk")[: self.exact_up_to + 1].count()
        self.is_estimate = counted > self.exact_up_to
        return counted

    @staticmethod
    def _planner_estimate(rows) -> int:
        sql, params = rows.query.sql_with_params()
        with connections[rows.db].cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            [plan] = cursor.fetchone()
        return int(plan[0]["Plan"]["Plan Rows"])

    def page(self, number):
        """Past the first page, find the page's ids first: OFFSET then skips index entries
        (an index-only scan) instead of reading every skipped article."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not bottom:
            return super().page(number)
        ids = self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=list(ids)), number, self)


class ArticleChangeList(ChangeList):
    """The list shows neither the body nor the search vector: leave them in the table."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.defer("body", "body_text", "body_refs", "search_vector")


class SectionListFilter(admin.RelatedFieldListFilter):
    """Lists sections with their parent in one query (a section's name includes its parent)."""

    def field_choices(self, field, request, model_admin):
        return [(section.pk, str(section)) for section in Section.objects.select_related("parent")]


class PublicationDateListFilter(admin.SimpleListFilter):
    """Scheduled articles, then each year of the archive and, once a year is chosen, its
    months: a date drill-down whose choices cost one index look-up (the first and last
    publication times), where ``date_hierarchy`` reads every matching article."""

    title = _("publication date")
    parameter_name = "published"

    def lookups(self, request, model_admin):
        dates = model_admin.get_queryset(request).aggregate(
            first=Min("published_at"), last=Max("published_at")
        )
        choices = [("scheduled", _("Scheduled"))]
        if dates["first"] is None:
            return choices
        first, last = (timezone.localtime(dates[end]).year for end in ("first", "last"))
        chosen_year = (self.value() or "").partition("-")[0]
        for year in range(last, first - 1, -1):
            choices.append((str(year), str(year)))
            if str(year) == chosen_year:
                for month in range(1, 13):
                    label = formats.date_format(dt.date(year, month, 1), "YEAR_MONTH_FORMAT")
                    choices.append((f"{year}-{month:02d}", label))
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        if self.value() == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        year, _sep, month = self.value().partition("-")
        try:
            start = dt.datetime(
                int(year), int(month or 1), 1, tzinfo=timezone.get_current_timezone()
            )
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        if month:
            end = (start + dt.timedelta(days=32)).replace(day=1)
        else:
            end = start.replace(year=start.year + 1)
        return queryset.filter(published_at__gte=start, published_at__lt=end)


class MineListFilter(admin.SimpleListFilter):
    """The articles the user signs: a journalist's own desk."""

    title = _("author")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("My articles"))]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        return queryset.filter(bylines__person__user=request.user)


class LanguageListFilter(admin.SimpleListFilter):
    """The newsroom's languages, without reading every article for their distinct values."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset
