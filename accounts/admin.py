"""The audit log, read-only for those given its view permission (editors), and the
accounts' admin: rotating or revoking API tokens, and every change of rights logged."""

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import audit, tokens
from accounts.models import AuditEntry
from newsroom.admin import ReadOnlyRecord

User = get_user_model()

# Django stores its permissions' names in English («Can add article»): shown in French.
DEFAULT_PERMISSION_VERBS = {
    "add": _("may add"),
    "change": _("may change"),
    "delete": _("may delete"),
    "view": _("may view"),
}


def permission_label(permission) -> str:
    """«Articles | article | peut ajouter», «Articles | article | Peut publier, …»."""
    content_type = permission.content_type
    model = content_type.model_class()
    try:
        app = apps.get_app_config(content_type.app_label).verbose_name
    except LookupError:  # an app removed since
        app = content_type.app_label
    action, _sep, rest = permission.codename.partition("_")
    if action in DEFAULT_PERMISSION_VERBS and rest == content_type.model:
        what = DEFAULT_PERMISSION_VERBS[action]
    else:  # the model's own permissions, named (and translated) in its Meta
        what = gettext(permission.name)
    return f"{app} | {model._meta.verbose_name if model else content_type.model} | {what}"


class RightsAdmin:
    """The admin of accounts or roles: permissions named in French, and every change of
    rights logged, before → after (``rights_of`` reads them as one line)."""

    @staticmethod
    def rights_of(obj) -> str:
        raise NotImplementedError

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field

    def save_model(self, request, obj, form, change):
        before = self.model.objects.get(pk=obj.pk) if change else None
        request._rights_before = self.rights_of(before) if before else "—"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # the groups and permissions
        after = self.rights_of(form.instance)
        if after != request._rights_before:
            audit.record(
                audit.Action.PERMISSIONS,
                by=request.user,
                subject=form.instance,
                detail=f"{request._rights_before} → {after}",
                request=request,
            )


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyRecord):
    list_display = ["at", "action", "by", "username", "address", "subject"]
    list_filter = ["action"]
    list_select_related = ["by"]
    search_fields = ["username", "subject"]
    date_hierarchy = "at"


def rights(user) -> str:
    """The rights of ``user`` as one line, to compare before and after a change."""
    flags = [name for name in ("is_active", "is_staff", "is_superuser") if getattr(user, name)]
    groups = sorted(user.groups.values_list("name", flat=True))
    permissions = sorted(user.user_permissions.values_list("codename", flat=True))
    return f"{' '.join(flags)} | {', '.join(groups)} | {', '.join(permissions)}"


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(RightsAdmin, UserAdmin):
    actions = ["rotate_token", "revoke_token"]
    rights_of = staticmethod(rights)

    @admin.action(description=_("Rotate the API token of the selected users"))
    def rotate_token(self, request, queryset):
        for user in queryset:
            tokens.rotate(user, by=request.user, request=request)
        self.message_user(request, _("New API tokens made."), messages.SUCCESS)

    @admin.action(description=_("Revoke the API token of the selected users"))
    def revoke_token(self, request, queryset):
        for user in queryset:
            tokens.revoke(user, by=request.user, request=request)
        self.message_user(request, _("API tokens revoked."), messages.SUCCESS)


def group_rights(group) -> str:
    return ", ".join(sorted(group.permissions.values_list("codename", flat=True)))


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(RightsAdmin, GroupAdmin):
    """A role's permissions; each change is logged."""

    rights_of = staticmethod(group_rights)
