from django.db import models
from django.db.models import Exists, OuterRef


class DossierQuerySet(models.QuerySet):
    def public(self, at=None):
        """Dossiers holding at least one public article."""
        from articles.models import Article

        return self.filter(
            Exists(Article.objects.public(at).filter(dossier_entries__dossier=OuterRef("pk")))
        )
