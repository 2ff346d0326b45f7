"""The audit log, read-only for those given its view permission (editors), and the
accounts' admin: rotating or revoking API tokens, and every change of rights logged."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts import audit, tokens
from accounts.models import AuditEntry

User = get_user_model()


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "by", "username", "address", "subject"]
    list_filter = ["action"]
    list_select_related = ["by"]
    search_fields = ["username", "subject"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def rights(user) -> str:
    """The rights of ``user`` as one line, to compare before and after a change."""
    flags = [name for name in ("is_active", "is_staff", "is_superuser") if getattr(user, name)]
    groups = sorted(user.groups.values_list("name", flat=True))
    permissions = sorted(user.user_permissions.values_list("codename", flat=True))
    return f"{' '.join(flags)} | {', '.join(groups)} | {', '.join(permissions)}"


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    actions = ["rotate_token", "revoke_token"]

    def save_model(self, request, obj, form, change):
        request._rights_before = rights(User.objects.get(pk=obj.pk)) if change else "—"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        after = rights(form.instance)
        if after != request._rights_before:
            audit.record(
                audit.Action.PERMISSIONS,
                by=request.user,
                subject=form.instance,
                detail=f"{request._rights_before} → {after}",
                request=request,
            )

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
class RoleAdmin(GroupAdmin):
    """A role's permissions; each change is logged."""

    def save_model(self, request, obj, form, change):
        request._rights_before = group_rights(Group.objects.get(pk=obj.pk)) if change else "—"
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        after = group_rights(form.instance)
        if after != request._rights_before:
            audit.record(
                audit.Action.PERMISSIONS,
                by=request.user,
                subject=form.instance,
                detail=f"{request._rights_before} → {after}",
                request=request,
            )
