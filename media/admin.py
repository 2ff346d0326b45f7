"""The photo library in the admin: upload (one or many files, through ``media.uploads`` like
the API), thumbnails, search, filters by source and rights, bulk credit and source."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from media import photos, reports, uploads
from media.models import Photo
from newsroom.admin import ThroughVerbs
from newsroom.errors import ChangeRefused


def fitted(width: int, height: int, size: int) -> tuple[int, int]:
    """``width`` × ``height`` shrunk to fit a ``size`` square (sizes as attributes: the
    Content-Security-Policy refuses inline styles)."""
    scale = min(1, size / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def photo_thumbnail(photo: Photo | None, size: int = 80) -> str:
    """A small <img> of the photo, for lists and previews."""
    if photo is None or not photo.image:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}">',
        photo.image.url,
        photo.alt_text,
        *fitted(*photo.display_size, size),
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


def duplicate_link(duplicate: uploads.DuplicatePhoto) -> str:
    """The refusal of a file already in the library, linking to the photo to use instead."""
    return format_html(
        '{} <a href="{}">{}</a>',
        duplicate.messages[0],
        reverse("admin:media_photo_change", args=[duplicate.photo.pk]),
        duplicate.photo,
    )


def change_message(fields: list[str]) -> list[dict]:
    """A log entry's message as the admin writes it: labels untranslated, shown translated."""
    with translation.override(None):
        labels = [str(capfirst(Photo._meta.get_field(name).verbose_name)) for name in fields]
    return [{"changed": {"fields": labels}}]


class PhotoUploadForm(forms.ModelForm):
    """The add form. The file is a plain FileField, so Django decodes nothing before
    ``uploads.check_upload`` has refused what the API refuses; ``PhotoAdmin.save_model``
    then makes the photo with ``uploads.create_photo``."""

    image = forms.FileField(
        label=_("image file"),
        allow_empty_file=True,  # refused by check_upload, with the API's message
        help_text=_(
            "JPEG, PNG, WebP, AVIF or HEIC. The fields left blank are filled from the file's "
            "IPTC, XMP and EXIF metadata."
        ),
    )

    class Meta:
        model = Photo
        fields = uploads.METADATA_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checked = None

    def clean_image(self):
        file = self.cleaned_data["image"]
        try:
            self.checked = uploads.check_upload(file)
        except uploads.DuplicatePhoto as duplicate:
            raise ValidationError(duplicate_link(duplicate), code="duplicate") from None
        return file

    def clean(self):
        """Validate the photo as ``create_photo`` will, values read from the file included,
        so that an unusable one is a form error rather than a failed save."""
        cleaned_data = super().clean()
        if self.checked is not None:
            for name, value in self.metadata().items():
                setattr(self.checked, name, value)
            try:
                self.checked.full_clean(exclude=["image"], validate_unique=False)
            except ValidationError as error:
                self.add_file_errors(error)
        return cleaned_data

    def add_file_errors(self, error: ValidationError) -> None:
        """Show each error on its field, saying so when the value came from the file."""
        typed = self.metadata()
        for name, texts in error.message_dict.items():
            field = name if name in self.fields else None
            if field and name not in typed:
                template = gettext("In the file's metadata: %(error)s")
                texts = [template % {"error": text} for text in texts]
            self.add_error(field, texts)

    def metadata(self) -> dict:
        """The fields the editor filled in: they beat the file's own values, blanks do not."""
        return {
            name: value
            for name in uploads.METADATA_FIELDS
            if (value := self.cleaned_data.get(name)) not in ("", None)
        }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's "Uploading multiple files" recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        # No file at all is cleaned as None, which raises the "required" error.
        return [clean_one(file, initial) for file in files or [None]]


class UploadManyForm(forms.Form):
    images = MultipleFileField(
        label=_("image files"),
        allow_empty_file=True,  # refused by create_photo, with the API's message
        help_text=_(
            "JPEG, PNG, WebP, AVIF or HEIC. Caption, credit and the rest are read from each "
            "file's IPTC, XMP and EXIF metadata."
        ),
    )


class CreditAndSourceForm(forms.Form):
    """The bulk edit's intermediate page: what every selected photo gets."""

    credit = forms.CharField(
        label=_("credit"),
        required=False,
        max_length=Photo._meta.get_field("credit").max_length,
        help_text=_("Leave blank to keep each photo's credit."),
    )
    source = forms.CharField(
        label=_("source agency"),
        required=False,
        max_length=Photo._meta.get_field("source").max_length,
        help_text=_("Leave blank to keep each photo's source."),
    )

    def clean(self):
        cleaned_data = super().clean()
        for name, value in self.changes().items():
            try:
                Photo._meta.get_field(name).run_validators(value)
            except ValidationError as error:
                self.add_error(name, error)
        if not self.errors and not self.changes():
            raise ValidationError(_("Fill in a credit, a source or both."), code="empty")
        return cleaned_data

    def changes(self) -> dict:
        return {
            name: value
            for name in ("credit", "source")
            if (value := self.cleaned_data.get(name, ""))
        }


WINDOW = reports.EXPIRY_WINDOW_DAYS


class RightsFilter(admin.SimpleListFilter):
    """Where a photo's rights stand today. "Valid" is every photo usable today (the rule the
    public API applies); the other choices pick out one case each."""

    title = _("rights")
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [
            ("expired", _("rights expired")),
            ("expiring", gettext("expire within %(days)d days") % {"days": WINDOW}),
            ("no_expiry", _("no expiry date")),
            ("valid", _("valid")),
        ]

    def queryset(self, request, queryset):
        at = timezone.now()
        match self.value():
            case "expired":
                return queryset.exclude(queryset.rights_valid_q(at))
            case "expiring":
                return queryset.rights_expiring(at, days=WINDOW)
            case "no_expiry":
                return queryset.filter(rights_expire_at__isnull=True)
            case "valid":
                return queryset.filter(queryset.rights_valid_q(at))
        return queryset


@admin.register(Photo)
class PhotoAdmin(ThroughVerbs, admin.ModelAdmin):
    list_display = ["thumbnail", "caption", "credit", "source", "rights_expire_at", "created_at"]
    list_display_links = ["thumbnail", "caption"]
    list_filter = ["source", RightsFilter]
    search_fields = ["caption", "credit", "creator"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    actions = ["edit_credit_and_source"]
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
    add_fieldsets = [(None, {"fields": ["image"]}), *fieldsets[1:-1]]

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions()

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        """The file of a saved photo never changes: upload another photo instead."""
        return self.readonly_fields if obj is None else ["image", *self.readonly_fields]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            # Only the metadata is the ModelForm's: the file is never handed to the model.
            kwargs.update(form=PhotoUploadForm, fields=uploads.METADATA_FIELDS)
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("focal_x", "focal_y"):
            kwargs.update(min_value=0.0, max_value=1.0)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def check_change(self, photo, *, by, form=None):
        if photo.pk is not None:
            photos.check_change(photo, by=by)

    def save_verb(self, photo, *, by, form):
        if photo.pk is None:
            saved = uploads.create_photo(form.cleaned_data["image"], by=by, **form.metadata())
        else:
            changes = {name: form.cleaned_data[name] for name in form.changed_data}
            saved = photos.edit_photo(photo, by=by, changes=changes)
        # The admin logs the change and redirects with ``obj``: make it the saved photo.
        vars(photo).update(vars(saved))

    def delete_verb(self, photo, *, by):
        photos.delete_photo(photo, by=by)

    def response_add(self, request, obj, post_url_continue=None):
        """After an upload, the change page shows what came from the file, to be checked."""
        if "_addanother" not in request.POST and IS_POPUP_VAR not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return super().response_add(request, obj, post_url_continue)

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        upload_many = self.admin_site.admin_view(self.upload_many_view)
        return [
            path("upload/", upload_many, name="media_photo_upload_many"),
            path("<path:object_id>/preview/", preview, name="media_photo_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The photo, caption and credit as an HTML fragment, for the article form's preview."""
        photo = self.get_object(request, object_id)
        if photo is None or not self.has_view_permission(request, photo):
            raise Http404
        return HttpResponse(photo_preview(photo))

    def upload_many_view(self, request):
        """Several files at once, each through ``create_photo``; one result per file."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form, results = UploadManyForm(), []
        if request.method == "POST":
            posted = UploadManyForm(request.POST, request.FILES)
            if posted.is_valid():
                results = [self.upload_one(request, file) for file in posted.cleaned_data["images"]]
            else:
                form = posted
        context = {
            **self.admin_site.each_context(request),
            "title": _("Upload several photos"),
            "opts": self.opts,
            "form": form,
            "results": results,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/media/photo/upload_many.html", context)

    def upload_one(self, request, file) -> dict:
        """``outcome`` is "created", "duplicate" (``photo`` is the existing one) or "refused"."""
        result = {"name": file.name, "photo": None, "message": ""}
        try:
            photo = uploads.create_photo(file, by=request.user)
        except uploads.DuplicatePhoto as duplicate:
            message = duplicate.messages[0]
            return {**result, "outcome": "duplicate", "photo": duplicate.photo, "message": message}
        except ValidationError as refusal:
            return {**result, "outcome": "refused", "message": " ".join(refusal.messages)}
        self.log_addition(request, photo, [{"added": {}}])
        return {**result, "outcome": "created", "photo": photo}

    @admin.action(description=_("Change credit and source…"), permissions=["change"])
    def edit_credit_and_source(self, request, queryset):
        """Ask for the credit and source, then change each photo through ``edit_photo``, so
        that what shows it (articles' stored public JSON, caches) is refreshed."""
        form = CreditAndSourceForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Change credit and source"),
                "opts": self.opts,
                "form": form,
                "selected": queryset,
                "action": "edit_credit_and_source",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/media/photo/credit_and_source.html", context)
        changes = form.changes()
        changed = 0
        with transaction.atomic():
            for photo in queryset.prefetch_related(None):
                fields = [name for name, value in changes.items() if getattr(photo, name) != value]
                if not fields:
                    continue
                try:
                    photos.edit_photo(photo, by=request.user, changes=changes)
                except ChangeRefused as refusal:
                    message = f"{photo}: {' '.join(refusal.messages)}"
                    self.message_user(request, message, messages.ERROR)
                    continue
                self.log_change(request, photo, change_message(fields))
                changed += 1
        message = ngettext("%(count)d photo changed.", "%(count)d photos changed.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)
        return None

    @admin.display(description=_("photo"))
    def thumbnail(self, photo):
        """The smallest rendition once made (never the original, which may weigh megabytes)."""
        if rendition := reports.thumbnail(photo):
            return format_html(
                '<img src="{}" alt="{}" width="{}" height="{}">',
                rendition.file.url,
                photo.alt_text,
                *fitted(rendition.width, rendition.height, 80),
            )
        return photo_thumbnail(photo)

    @admin.display(description=_("preview"))
    def preview(self, photo):
        return photo_thumbnail(photo, size=480) if photo.pk else "—"
