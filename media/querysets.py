import datetime as dt

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from media import carriers

# Prefetch these (prefixed with the relation, e.g. "lead_photo__renditions") wherever photos
# are shown through ``media.api.serializers.photo_representation``.
RENDITIONS = "renditions"

BLANK = r"^\s*$"


class PhotoQuerySet(models.QuerySet):
    def rights_valid_q(self, at=None) -> Q:
        at = at or timezone.now()
        return Q(rights_expire_at__isnull=True) | Q(rights_expire_at__gt=at)

    def public(self, at=None):
        """Photos shown by a public article (as lead photo), whose rights have not expired.

        The public rule is the articles' (``ArticleQuerySet.public``). Media sits below
        articles and imports none of them: the Article model is reached through the reverse
        relation its ``lead_photo`` puts on Photo."""
        articles = self.model._meta.get_field("lead_of_articles").related_model.objects
        return self.filter(self.rights_valid_q(at)).filter(
            Exists(articles.public(at).filter(lead_photo=OuterRef("pk")))
        )

    def shown_publicly(self, at=None):
        """Photos some public content shows, whose rights have not expired: the files of
        these (renditions only) may be fetched by anyone (``media.views.photo_file``).

        Wider than ``public`` (the lead photos): an article's body photos and a public
        dossier's cover are shown too. Each app above media says what it shows
        (``media.carriers.register_public_use``)."""
        shown = Q(pk__in=[])
        for use in carriers.public_uses():
            shown |= use(at)
        return self.filter(self.rights_valid_q(at)).filter(shown)

    def visible_to(self, user, at=None):
        """The whole library for the newsroom (who may view photos), public photos for others."""
        if user is not None and user.is_active and user.has_perm("media.view_photo"):
            return self.all()
        return self.public(at)

    def with_renditions(self):
        return self.prefetch_related(RENDITIONS)

    def rights_expiring(self, at=None, days: int = 30):
        """Photos whose rights are still valid but end within ``days``, soonest first."""
        at = at or timezone.now()
        return self.filter(
            rights_expire_at__gt=at, rights_expire_at__lte=at + dt.timedelta(days=days)
        ).order_by("rights_expire_at", "pk")

    def missing_metadata(self):
        """Photos without a caption, a credit or an alternative text (blank counts as none)."""
        return self.filter(
            Q(caption__regex=BLANK) | Q(credit__regex=BLANK) | Q(alt_text__regex=BLANK)
        )
