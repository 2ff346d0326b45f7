"""What Django's signals trigger here: logins written to the audit log (every door logs in
through ``authenticate``, the token endpoint included), and a token deleted once its
account may no longer hold one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed, post_save

from accounts import audit, tokens


def logged_in(sender, request, user, **kwargs):
    audit.record(audit.Action.LOGIN, by=user, request=request)


def login_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        audit.Action.LOGIN_FAILED, username=str(credentials.get("username", "")), request=request
    )


def account_saved(sender, instance, raw=False, **kwargs):
    if not raw and not instance.is_active:
        tokens.forget_unless_allowed(instance)


def groups_changed(sender, instance, action, reverse, **kwargs):
    if action not in {"post_remove", "post_clear"}:
        return
    if reverse:  # users removed from a group: which ones is not known after a clear
        tokens.forget_disallowed()
    else:
        tokens.forget_unless_allowed(instance)


def connect() -> None:
    user_model = get_user_model()
    user_logged_in.connect(logged_in, dispatch_uid="accounts.audit.logged_in")
    user_login_failed.connect(login_failed, dispatch_uid="accounts.audit.login_failed")
    post_save.connect(account_saved, sender=user_model, dispatch_uid="accounts.tokens.saved")
    m2m_changed.connect(
        groups_changed, sender=user_model.groups.through, dispatch_uid="accounts.tokens.groups"
    )
