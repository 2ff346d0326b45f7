"""The archivists' pages about photos (server-rendered, in the admin's look)."""

from django.contrib import admin
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from media import reports


@method_decorator(never_cache, name="dispatch")
class RightsReportView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Photos whose rights expire soon, and photos missing a caption, credit or alt text.

    For the newsroom staff who may view photos (archivists, editors); others get a 403,
    and anonymous visitors are sent to the login page.
    """

    template_name = "media/rights_report.html"
    permission_required = "media.view_photo"
    login_url = reverse_lazy("admin:login")

    def has_permission(self):
        return self.request.user.is_staff and super().has_permission()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **admin.site.each_context(self.request),
            **reports.rights_report(page=self.request.GET.get("page", 1)),
        }
