import hashlib

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from media.models import Photo


def photo_thumbnail(photo: Photo | None, size: int = 80) -> str:
    """A small <img> of the photo, for lists and previews."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" style="max-width:{}px;max-height:{}px">',
        photo.image.url,
        photo.alt_text,
        size,
        size,
    )


def photo_preview(photo: Photo | None) -> str:
    """The photo as readers get it: the picture, its caption and its credit."""
    if photo is None:
        return _("No photo chosen yet.")
    return format_html(
        "{}<p><strong>{}</strong> {}</p><p><strong>{}</strong> {}</p>",
        photo_thumbnail(photo, size=320),
        _("Caption:"),
        photo.caption or _("(no caption)"),
        _("Credit:"),
        photo.credit or _("(no credit)"),
    )


class PhotoForm(forms.ModelForm):
    """Fills the file's format and SHA-256 on upload; refuses other formats and duplicates.

    Width and height are filled by the model's ImageField.
    """

    class Meta:
        model = Photo
        fields = "__all__"

    def clean_image(self):
        image = self.cleaned_data["image"]
        if "image" not in self.changed_data:
            return image
        detected = image.image.format  # set by forms.ImageField once Pillow has read the file
        if detected not in Photo.Format.values:
            raise forms.ValidationError(
                _("This file is a %(format)s image; only JPEG, PNG and WebP are accepted."),
                params={"format": detected},
                code="format",
            )
        digest = hashlib.sha256()
        for chunk in image.chunks():
            digest.update(chunk)
        image.seek(0)
        content_hash = digest.hexdigest()
        existing = Photo.objects.filter(content_hash=content_hash).exclude(pk=self.instance.pk)
        if duplicate := existing.first():
            url = reverse("admin:media_photo_change", args=[duplicate.pk])
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("This file is already in the library:"),
                    url,
                    duplicate,
                ),
                code="duplicate",
            )
        self.instance.format = detected
        self.instance.content_hash = content_hash
        return image


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "caption", "credit", "source", "created_at"]
    list_display_links = ["thumbnail", "caption"]
    list_filter = ["source"]
    search_fields = ["caption", "credit", "creator"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    readonly_fields = ["preview", "width", "height", "format", "content_hash", "created_at"]
    fieldsets = [
        (None, {"fields": ["image", "preview"]}),
        (
            _("Caption and credit"),
            {"fields": ["caption", "credit", "creator", "source", "copyright_notice", "alt_text"]},
        ),
        (_("When and where"), {"fields": ["taken_at", "place"]}),
        (_("Rights"), {"fields": ["usage_terms", "rights_expire_at"]}),
        (_("Framing"), {"fields": [("focal_x", "focal_y")]}),
        (_("File"), {"fields": [("width", "height", "format"), "content_hash", "created_at"]}),
    ]

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<path:object_id>/preview/", preview, name="media_photo_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The photo, caption and credit as an HTML fragment, for the article form's preview."""
        photo = self.get_object(request, object_id)
        if photo is None or not self.has_view_permission(request, photo):
            raise Http404
        return HttpResponse(photo_preview(photo))

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        return photo_thumbnail(photo)

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return photo_thumbnail(photo, size=480) if photo.pk else "—"
