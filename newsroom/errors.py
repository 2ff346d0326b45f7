"""Refusals every verb raises, whatever app owns it; the API maps each to its status once
(``newsroom.api.exception_handler``) and the admin shows the message as it is.

Each is a ``ValidationError``, so a form shows the message above its fields.
"""

from django.core.exceptions import ValidationError


class ChangeRefused(ValidationError):
    """A change that cannot be made now; the message says why, for the person who tried (400)."""


class NotAllowed(ChangeRefused):
    """The actor's role does not allow this change (403)."""


class StaleVersion(ChangeRefused):
    """Someone else changed the thing since the actor read it (412)."""


class InUse(ChangeRefused):
    """Deleting it would leave something that uses it broken (409)."""


def require(by, permission: str, message: str) -> None:
    """Refuse ``by`` unless their role has ``permission``; ``by=None`` is the system."""
    if by is not None and not by.has_perm(permission):
        raise NotAllowed(message, code="forbidden")
