"""A newsroom member's API token: rotated or revoked on demand, and gone when the account is
deactivated or leaves every newsroom role (every group is a role, articles.roles)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts import audit


def may_hold_token(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.exists())


@transaction.atomic
def rotate(user, *, by, at=None, request=None) -> Token:
    """A new key for ``user``; the old one stops working at once."""
    at = at or timezone.now()
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit.record(audit.Action.TOKEN_ROTATED, by=by, at=at, subject=user, request=request)
    return token


@transaction.atomic
def revoke(user, *, by, at=None, request=None) -> None:
    """``user`` has no token any more until they ask the token endpoint for one."""
    at = at or timezone.now()
    Token.objects.filter(user=user).delete()
    audit.record(audit.Action.TOKEN_REVOKED, by=by, at=at, subject=user, request=request)


def forget_unless_allowed(user) -> None:
    """Delete the token of an account that may no longer hold one (clean-up after a save)."""
    if not may_hold_token(user):
        Token.objects.filter(user=user).delete()


def forget_disallowed() -> None:
    """Delete every token whose account may no longer hold one, in one query."""
    Token.objects.filter(
        Q(user__is_active=False) | Q(user__is_superuser=False, user__groups=None)
    ).delete()
