"""The newsroom's roles and what each may do to an article.

Roles are Django groups (created by migration ``0002_roles``) carrying model permissions;
ownership (being a byline) is checked here, so the admin and the API ask the same question.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts import audit
from articles.models import Person

JOURNALIST, EDITOR, ARCHIVIST = "journalist", "editor", "archivist"

# The group of each role, named as the newsroom says it (the admin shows group names).
GROUP_NAMES = {JOURNALIST: "Journalistes", EDITOR: "Éditeurs", ARCHIVIST: "Archivistes"}

# Fields an archivist may change on any article: classification, never the text.
METADATA_FIELDS = frozenset({"tags", "seo_title", "seo_description", "dossiers"})

# Permissions of each role, as "app_label.codename".
ROLE_PERMISSIONS = {
    JOURNALIST: [
        "articles.view_article",
        "articles.add_article",
        "articles.change_article",
        "articles.submit_article",
        "articles.view_section",
        "articles.view_tag",
        "articles.add_tag",
        "articles.view_person",
        "articles.add_person",
        "articles.change_person",
        "articles.view_quote",
        "articles.add_quote",
        "articles.change_quote",
        "articles.view_byline",
        "articles.add_byline",
        "articles.change_byline",
        "articles.delete_byline",
        "articles.view_correction",
        "media.view_photo",
        "media.add_photo",
        "media.change_photo",
        "dossiers.view_dossier",
        "dossiers.view_dossierentry",
        "wire.view_wireitem",
    ],
    EDITOR: [
        f"{app}.{verb}_{model}"
        for app, models in {
            "articles": ["article", "section", "tag", "person", "quote", "byline", "correction"],
            "media": ["photo"],
            "dossiers": ["dossier", "dossierentry"],
        }.items()
        for model in models
        for verb in ("view", "add", "change", "delete")
    ]
    + [
        "articles.submit_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.edit_article_metadata",
        "articles.view_revision",
        "accounts.view_auditentry",
        "wire.view_wireitem",
    ],
    ARCHIVIST: [
        "articles.view_article",
        "articles.change_article",
        "articles.edit_article_metadata",
        "articles.view_revision",
        "articles.view_section",
        "articles.view_byline",
        "articles.view_correction",
        "articles.view_tag",
        "articles.add_tag",
        "articles.change_tag",
        "articles.view_person",
        "articles.add_person",
        "articles.change_person",
        "articles.view_quote",
        "articles.change_quote",
        "media.view_photo",
        "media.change_photo",
        "dossiers.view_dossier",
        "dossiers.add_dossier",
        "dossiers.change_dossier",
        "dossiers.delete_dossier",
        "dossiers.view_dossierentry",
        "dossiers.add_dossierentry",
        "dossiers.change_dossierentry",
        "dossiers.delete_dossierentry",
    ],
}


def is_byline(user, article) -> bool:
    return article.pk is not None and article.bylines.filter(person__user=user).exists()


def can_publish(user) -> bool:
    return user.has_perm("articles.publish_article")


def edit_refusal(user, article, changed_fields=()) -> str | None:
    """Why ``user`` may not make this change to ``article``, or None if they may."""
    if user.has_perm("articles.edit_any_article"):
        return None
    if user.has_perm("articles.edit_article_metadata"):
        if set(changed_fields) <= METADATA_FIELDS:
            return None
        if not user.has_perm("articles.submit_article"):
            return _("You may change only the tags, dossiers and SEO fields of an article.")
    if not user.has_perm("articles.change_article"):
        return _("You may not edit articles.")
    if article.pk is None:
        return None if user.has_perm("articles.add_article") else _("You may not write articles.")
    if article.status in ("published", "withdrawn"):
        return _("Only an editor may change an article once it has been published.")
    if not is_byline(user, article):
        return _("You may edit only the articles you sign.")
    return None


def add_member(username: str, role: str, *, password: str, full_name: str = ""):
    """A working newsroom account: staff, in the role's group, with the Person who signs
    as them. Refused (ValueError) for an unknown role or a username already taken."""
    if role not in ROLE_PERMISSIONS:
        raise ValueError(
            _("Unknown role «%(role)s»: choose %(roles)s.")
            % {"role": role, "roles": ", ".join(ROLE_PERMISSIONS)}
        )
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValueError(_("The user «%(username)s» exists already.") % {"username": username})
    first, _space, last = full_name.partition(" ")
    user = user_model.objects.create_user(
        username, password=password, is_staff=True, first_name=first, last_name=last
    )
    user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
    person_of(user)
    audit.record(
        audit.Action.PERMISSIONS,
        by=None,
        subject=user,
        detail=f"— → is_staff | {GROUP_NAMES[role]}",
    )
    return user


def person_of(user):
    """The Person who signs as ``user``, created on first need."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        name = user.get_full_name() or user.get_username()
        slug = slugify(name) or f"user-{user.pk}"
        if Person.objects.filter(slug=slug).exists():
            slug = f"{slug}-{user.pk}"
        person = Person.objects.create(user=user, name=name, slug=slug)
    return person


def sync_roles(group_model=Group, permission_model=Permission, using="default") -> None:
    """Create the role groups with exactly their permissions (idempotent).

    Run by migrations (``give_role_permissions``) with historical models, on the database
    migrated; tests call it again after a flush. A permission of an app not migrated yet
    is left out: the later migration that depends on that app gives it.
    """
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.using(using).get_or_create(name=GROUP_NAMES[role])
        wanted = [name.split(".") for name in names]
        permissions = [
            permission
            for app_label, codename in wanted
            for permission in permission_model.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            )
        ]
        group.permissions.set(permissions)


def give_role_permissions(apps, schema_editor) -> None:
    """A data migration's step, once a new app's models exist: create their permissions
    (Django would only after the last migration) and give the roles theirs."""
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), using)
