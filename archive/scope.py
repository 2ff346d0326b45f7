"""Which rows an export takes: the whole archive, one dossier, or a period.

A partial export starts from its articles and dossiers (the anchors). Rows that belong to
them (bylines, revisions, corrections, entries, the article-tag links) follow through
their foreign keys; rows they point to (sections and their parents, people, tags, photos,
quotes, users) are added until nothing new is found, with the photos and quotes the
bodies name («photo:5», «quote:12»); the renditions of the photos come with them. A
related article the body names is not followed: it is in the export only if it is in its
period or dossier.
"""

import datetime as dt
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db.models import CASCADE, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from archive.kinds import DERIVED, ArchiveError, Kind
from articles.models import Article, Quote
from dossiers.models import Dossier, DossierEntry
from media.models import Photo

BODY_KINDS = {"photo": Photo, "quote": Quote}


class Whole:
    """Every row."""

    description = {"whole": True}

    def prepare(self, kinds: list[Kind], using: str) -> None:
        self.using = using
        self.users = _referenced_users(kinds, using)

    def rows(self, kind: Kind):
        if kind.is_user:
            return self.users
        return kind.model._base_manager.using(self.using).all()


class Partial:
    """The articles of a dossier or a period, and what they need to be shown."""

    def __init__(self, *, dossier: str | None = None, start=None, end=None):
        self.dossier, self.start, self.end = dossier, start, end
        self.description = {
            "whole": False,
            "dossier": dossier,
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
        }

    def anchors(self, using: str) -> dict:
        articles = Article.objects.using(using).all()
        dossiers = Dossier.objects.using(using).all()
        if self.dossier:
            dossiers = dossiers.filter(slug=self.dossier)
            filed = DossierEntry.objects.using(using).filter(dossier__in=dossiers)
            articles = articles.filter(pk__in=filed.values("article_id"))
        if self.start or self.end:
            articles = articles.alias(when=Coalesce("published_at", "created_at"))
            if self.start:
                articles = articles.filter(when__gte=_day_start(self.start))
            if self.end:
                articles = articles.filter(when__lt=_day_start(self.end + dt.timedelta(days=1)))
            if not self.dossier:
                filed = DossierEntry.objects.using(using).filter(article__in=articles.values("pk"))
                dossiers = dossiers.filter(pk__in=filed.values("dossier_id"))
        return {Article: articles, Dossier: dossiers}

    def prepare(self, kinds: list[Kind], using: str) -> None:
        self.using = using
        anchors = self.anchors(using)
        if self.dossier and not anchors[Dossier].exists():
            raise ArchiveError(f"No dossier has the slug «{self.dossier}».")
        pointed_to = {f.related_model for kind in kinds for f in kind.relations()}
        self.ids: dict[type, set] = defaultdict(set)
        self.querysets = {}
        for kind in kinds:
            model = kind.model
            if kind.label in DERIVED:
                self.querysets[model] = model._base_manager.none()
            elif model in anchors:
                self.querysets[model] = anchors[model]
            elif owners := [f for f in kind.relations() if f.related_model in anchors]:
                condition = Q()
                for field in owners:
                    owned = anchors[field.related_model].values("pk")
                    condition &= Q(**{f"{field.attname}__in": owned})
                self.querysets[model] = model._base_manager.using(using).filter(condition)
            elif model not in pointed_to and (parents := _parents(kind)):
                self.querysets[model] = _PartOf(parents, self.ids, using)
            else:
                self.querysets[model] = _Referenced(model, self.ids, using)
        for model, pks in _body_references(anchors[Article]).items():
            self.ids[model] |= pks
        self._close(kinds)

    def _close(self, kinds: list[Kind]) -> None:
        """Add what the rows point to until nothing new is found (sections' parents)."""
        while True:
            grown = False
            for kind in kinds:
                for field in kind.relations():
                    target = field.related_model
                    if not isinstance(self.querysets.get(target), _Referenced):
                        continue
                    found = set(
                        self.rows(kind)
                        .exclude(**{f"{field.attname}__isnull": True})
                        .values_list(field.attname, flat=True)
                        .distinct()
                    )
                    if not found <= self.ids[target]:
                        self.ids[target] |= found
                        grown = True
            if not grown:
                return

    def rows(self, kind: Kind):
        rows = self.querysets[kind.model]
        return rows.queryset() if isinstance(rows, _PartOf | _Referenced) else rows


class _Referenced:
    """The rows of ``model`` that the export's other rows point to."""

    def __init__(self, model, ids, using):
        self.model, self.ids, self.using = model, ids, using

    def queryset(self):
        return self.model._base_manager.using(self.using).filter(pk__in=self.ids[self.model])


class _PartOf:
    """Rows no other row points to, owned by rows of the export (a photo's renditions)."""

    def __init__(self, parents, ids, using):
        self.parents, self.ids, self.using = parents, ids, using

    def queryset(self):
        model = self.parents[0].model
        condition = Q()
        for field in self.parents:
            condition &= Q(**{f"{field.attname}__in": self.ids[field.related_model]})
        return model._base_manager.using(self.using).filter(condition)


def _parents(kind: Kind) -> list:
    return [f for f in kind.relations() if f.remote_field.on_delete is CASCADE]


def _body_references(articles) -> dict[type, set[int]]:
    """The photos and quotes the articles' bodies name (``Article.body_refs``)."""
    found: dict[type, set[int]] = defaultdict(set)
    for refs in articles.values_list("body_refs", flat=True).iterator(chunk_size=2000):
        for ref in refs:
            name, _, pk = ref.partition(":")
            if name in BODY_KINDS and pk.isdigit():
                found[BODY_KINDS[name]].add(int(pk))
    return found


def _referenced_users(kinds: list[Kind], using: str):
    """The users the archived rows point to (authors, who saved, who uploaded)."""
    User = get_user_model()
    condition = Q(pk__in=[])
    for kind in kinds:
        for field in kind.relations():
            if field.related_model is User and not kind.is_user:
                rows = kind.model._base_manager.using(using)
                condition |= Q(pk__in=rows.values(field.attname))
    return User._base_manager.using(using).filter(condition)


def _day_start(day: dt.date) -> dt.datetime:
    """Midnight in the newsroom's time zone (Europe/Paris)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))
