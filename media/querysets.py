from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


class PhotoQuerySet(models.QuerySet):
    def rights_valid_q(self, at=None) -> Q:
        at = at or timezone.now()
        return Q(rights_expire_at__isnull=True) | Q(rights_expire_at__gt=at)

    def public(self, at=None):
        """Photos shown by a public article (as lead photo), whose rights have not expired."""
        from articles.models import Article

        return self.filter(self.rights_valid_q(at)).filter(
            Exists(Article.objects.public(at).filter(lead_photo=OuterRef("pk")))
        )
