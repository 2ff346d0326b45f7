"""The audit log: who logged in (or failed to), published, withdrew, or changed whose rights."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One event, written once by ``accounts.audit.record`` and never changed."""

    class Action(models.TextChoices):
        LOGIN = "login", _("login")
        LOGIN_FAILED = "login_failed", _("failed login")
        PUBLISH = "publish", _("publication")
        WITHDRAW = "withdraw", _("withdrawal")
        PERMISSIONS = "permissions", _("permission change")
        TOKEN_ROTATED = "token_rotated", _("API token rotated")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")

    at = models.DateTimeField(_("date and time"), db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(
        _("username"), max_length=150, blank=True, help_text=_("As typed, for a failed login.")
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.get_action_display()} {self.username} {self.subject}".strip()
