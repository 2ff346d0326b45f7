"""Writing the audit log: every door (the admin, the API, the commands) reaches it through
the verb or the login it records."""

from django.utils import timezone

from accounts.models import AuditEntry
from newsroom.access import client_address

Action = AuditEntry.Action


def record(action, *, by=None, at=None, subject="", detail="", request=None, username=""):
    """Write one entry; ``by=None`` is the system (a command, a scheduled job)."""
    return AuditEntry.objects.create(
        at=at or timezone.now(),
        action=action,
        by=by if by is not None and by.pk else None,
        username=(username or (by.get_username() if by is not None else ""))[:150],
        address=(client_address(request) or None) if request is not None else None,
        subject=str(subject)[:300],
        detail=detail,
    )
