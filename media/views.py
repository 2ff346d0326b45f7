"""The archivists' pages about photos (server-rendered, in the admin's look), and the one
view that hands out photo files."""

from django.contrib import admin
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from media import files, reports
from media.models import Photo, Rendition


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


def may_view_library(request) -> bool:
    """Whether the request comes from the newsroom (who may view photos), by its session
    or by an API token."""
    user = request.user
    if not user.is_authenticated:
        try:
            user = (TokenAuthentication().authenticate(request) or (user, None))[0]
        except AuthenticationFailed:
            return False
    return user.is_active and user.has_perm("media.view_photo")


@require_safe
def photo_file(request, name: str):
    """A photo file by its stored name: a rendition of a photo the public sees, to anyone;
    any other rendition to the newsroom and through a preview's signed link; every original
    to the newsroom only; 404 for the rest, so an answer reveals nothing of what exists
    (decision 0013)."""
    if (photo_id := files.photo_id_of(name)) is not None:
        rendition = Rendition.objects.filter(photo_id=photo_id, file=name).first()
        if rendition is None:
            raise Http404
        shown = Photo.objects.shown_publicly().filter(pk=photo_id)
        photo = shown.only("pk", "rights_expire_at").order_by().first()
        storage, content_type = rendition.file.storage, rendition.mime_type
        if photo is not None:
            return files.public(files.response(storage, name, content_type), photo)
        if files.signed_for(request, name):  # a preview's link
            return files.private(files.response(storage, name, content_type))
    else:
        photo = Photo.objects.filter(image=name).only("pk", "format", "image").first()
        if photo is None:
            raise Http404
        storage, content_type = photo.image.storage, f"image/{photo.format.lower()}"
    if not may_view_library(request):
        raise Http404
    return files.private(files.response(storage, name, content_type))
