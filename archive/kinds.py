"""What an archive holds: every model of the project's apps, read from ``_meta``.

A kind is one model (``articles.article``), written to its own JSON Lines file, one row per
line, keyed by the fields' attribute names (``section_id``). New fields and models are
picked up without a list to keep; the few exceptions are named here, with their reason.
"""

import datetime as dt
import graphlib
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models

FORMAT = "newsroom-archive"
VERSION = 1

# Not archived: the audit log is the source installation's security record (logins,
# addresses), not content; it stays with the installation it describes. A snippet's
# source text is written by PostgreSQL's triggers as each article is loaded.
LEFT_OUT = frozenset({"accounts.auditentry", "articles.snippetsource"})

# Derived from the other rows and valid only where they were rendered (the site's and the
# files' addresses are in the bytes): whole archives carry them, partial ones never.
DERIVED = frozenset({"articles.publiccopy"})

# Users are archived as the people who signed, saved or uploaded something: never their
# password hash, superuser flag or last login. Their roles travel as group names.
USER_FIELDS = (
    "id",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
)


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    fields: tuple[models.Field, ...]

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(field.attname for field in self.fields)

    @property
    def is_user(self) -> bool:
        return self.model is get_user_model()

    @property
    def file_fields(self) -> tuple[models.FileField, ...]:
        return tuple(f for f in self.fields if isinstance(f, models.FileField))

    def relations(self) -> list[models.ForeignKey]:
        """The foreign keys (and one-to-ones) of this kind's rows."""
        return [f for f in self.fields if f.is_relation and (f.many_to_one or f.one_to_one)]


def project_models() -> list[type[models.Model]]:
    """The concrete models of the apps in this repository (M2M tables included): the
    apps at its top level, not the packages of a virtualenv that may sit inside it."""
    base = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        if Path(config.path).resolve().parent != base:
            continue
        for model in config.get_models(include_auto_created=True):
            opts = model._meta
            if opts.proxy or not opts.managed or opts.label_lower in LEFT_OUT:
                continue
            found.append(model)
    return found


def kind_of(model) -> Kind:
    if model is get_user_model():
        names = USER_FIELDS
        fields = tuple(model._meta.get_field(name) for name in names)
    else:
        fields = tuple(f for f in model._meta.concrete_fields if not f.generated)
    return Kind(model, fields)


def ordered() -> list[Kind]:
    """Every kind, each after the kinds its rows point to (users first)."""
    kinds = {model: kind_of(model) for model in [get_user_model(), *project_models()]}
    graph = graphlib.TopologicalSorter()
    for model, kind in kinds.items():
        targets = {f.related_model for f in kind.relations()} & kinds.keys()
        graph.add(model, *(t for t in targets if t is not model))
    return [kinds[model] for model in graph.static_order()]


def encode(value):
    """A value as orjson writes it: times keep their offset and microseconds."""
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return str(value)  # Decimal, IP addresses, files: their text


def decode(field: models.Field, value):
    """A value read from a line, as the field stores it."""
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


class ArchiveError(Exception):
    """An archive that cannot be written or read, with a message an operator can act on."""


def file_addresses(kinds: list[Kind]) -> dict[str, str | None]:
    """Where each file field's storage serves its files (part of the stored public JSON)."""
    found = {}
    for kind in kinds:
        for field in kind.file_fields:
            try:
                found[f"{kind.label}.{field.name}"] = field.storage.url("")
            except Exception:  # noqa: BLE001 - a storage that cannot say is simply unknown
                found[f"{kind.label}.{field.name}"] = None
    return found


def file_folder(kind: Kind, field: models.Field) -> Path:
    """Where an archive keeps a file field's files, under ``files/``."""
    return Path("files") / kind.label / field.name
