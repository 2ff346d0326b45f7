"""The newsroom account agency items are imported as, when no person sends them.

It writes drafts and edits them as any newsroom member who may edit every article, never
publishes, and has no password: no one logs in as it. Revisions name it («fil»).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

USERNAME = "fil-agences"
PERMISSIONS = [
    ("articles", "view_article"),
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "edit_any_article"),
    ("articles", "view_tag"),
    ("articles", "add_tag"),
    ("articles", "view_person"),
    ("articles", "add_person"),
    ("media", "view_photo"),
    ("media", "add_photo"),
]


def wire_user():
    """The wire's own account, created with exactly its permissions on first need."""
    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Fil", "last_name": "d’agences"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        wanted = Q()
        for app_label, codename in PERMISSIONS:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        user.user_permissions.set(Permission.objects.filter(wanted))
    return user


def may_import(user) -> bool:
    """Whether ``user`` may send agency items: they become drafts any editor may change, so
    the sender must be allowed to edit every article (editors and the wire account)."""
    return user.is_authenticated and user.has_perm("articles.edit_any_article")
