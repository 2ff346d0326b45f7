"""Admin pages that change a noun through its verbs, as the API and commands do.

A ModelAdmin with ``ThroughVerbs`` never saves or deletes by itself: ``check`` raises what
the verb would refuse (a published article carries the thing and the user is no editor),
so the page is read-only, or the form shows the refusal before anything is written; then
``save_verb`` and ``delete_verb`` do the change, its revisions and its purges.
"""

from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from newsroom.access import lockout_message
from newsroom.errors import ChangeRefused


class ReadOnlyRecord(admin.ModelAdmin):
    """A record written by the project alone (the audit log, the agency items): read,
    never added, changed or deleted by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ThroughVerbs:
    def check_change(self, obj, *, by, form=None) -> None:
        """Raise the verb's refusal of this change (``form`` holds what is about to be saved)."""
        raise NotImplementedError

    def save_verb(self, obj, *, by, form) -> None:
        raise NotImplementedError

    def delete_verb(self, obj, *, by) -> None:
        raise NotImplementedError

    def _allowed(self, request, obj) -> bool:
        """Asked several times per page: checked once per request and object."""
        answers = request.__dict__.setdefault("_verb_checks", {})
        key = (obj._meta.label, obj.pk)
        if key not in answers:
            try:
                self.check_change(obj, by=request.user)
            except ChangeRefused:
                answers[key] = False
            else:
                answers[key] = True
        return answers[key]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.pk is None or self._allowed(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self._allowed(request, obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        check = self.check_change

        class CheckedForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                if not self.errors:
                    check(self.instance, by=request.user, form=self)  # a ValidationError
                return cleaned_data

        return CheckedForm

    def save_model(self, request, obj, form, change):
        self.save_verb(obj, by=request.user, form=form)

    def save_related(self, request, form, formsets, change):
        """The verb saved the form's many-to-many fields; the inlines are saved here."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        self.delete_verb(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        """Each through its verb; one refusal does not stop the others."""
        for obj in queryset:
            try:
                self.delete_verb(obj, by=request.user)
            except ChangeRefused as refusal:
                self.message_user(request, f"{obj}: {' '.join(refusal.messages)}", messages.ERROR)


class NewsroomLoginForm(AdminAuthenticationForm):
    """The admin's login, saying plainly when a right password belongs to an account that
    is not in the newsroom (Django's message blames the password), and when the address is
    locked out after too many failures (the same words whether the account exists or not)."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Wrong username or password. Both are case-sensitive; a newsroom account is "
            "created by an administrator (manage.py add_newsroom_user)."
        ),
        "not_in_newsroom": _(
            "This account is not part of the newsroom: ask an administrator to give it a "
            "role (journalist, editor or archivist)."
        ),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):  # set by django-axes
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise

    def confirm_login_allowed(self, user):
        if not user.is_staff:
            raise ValidationError(self.error_messages["not_in_newsroom"], code="not_in_newsroom")
        super().confirm_login_allowed(user)


class NewsroomAdminSite(admin.AdminSite):
    """The paper's admin: its name, «Voir le site» at SITE_URL, a login that says why an
    account may not come in, and query parameters holding a NUL refused (PostgreSQL
    cannot compare text holding one) before any admin view reads them."""

    site_header = format_lazy(_("{publication}: the desk"), publication=settings.PUBLICATION_NAME)
    site_title = settings.PUBLICATION_NAME
    index_title = _("The desk")
    site_url = f"{settings.SITE_URL}/"
    login_form = NewsroomLoginForm

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        @wraps(checked)
        def refusing_nul(request, *args, **kwargs):
            if any("\x00" in value for values in request.GET.lists() for value in values[1]):
                return HttpResponseBadRequest(_("A query parameter holds a NUL character."))
            return checked(request, *args, **kwargs)

        return refusing_nul
