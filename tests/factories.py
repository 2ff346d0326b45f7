"""factory_boy factories for every app. States are reached through real functions."""

import hashlib
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Byline, Correction, Person, Quote, Section, Tag
from dossiers.models import Dossier, DossierEntry
from media.models import Photo


def jpeg_bytes(width=64, height=48, color=(120, 90, 60), comment="") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", comment=comment)
    return buffer.getvalue()


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Rubrique {n}")
    slug = factory.Sequence(lambda n: f"rubrique-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Personne {n}")
    slug = factory.Sequence(lambda n: f"personne-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Sujet {n}")
    slug = factory.Sequence(lambda n: f"sujet-{n}")
    kind = Tag.Kind.TOPIC


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    caption = "Une photo de test."
    credit = "AFP"
    alt_text = "Photo de test"

    @factory.lazy_attribute_sequence
    def image(self, n):
        data = jpeg_bytes(color=(n % 256, 90, 60), comment=f"photo {n}")
        return ContentFile(data, name=f"test-{n}.jpg")

    @factory.lazy_attribute
    def content_hash(self):
        self.image.seek(0)
        return hashlib.sha256(self.image.read()).hexdigest()

    format = Photo.Format.JPEG

    @factory.post_generation
    def with_renditions(self, create, wanted, **kwargs):
        """``PhotoFactory(with_renditions=True)``: its renditions made, as after an upload
        (the public sees a photo through its renditions only, never the original)."""
        if create and wanted:
            from media import renditions

            renditions.refresh(self)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft; use ``published_article`` (tests/conftest.py) for a public one."""

    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    headline = factory.Sequence(lambda n: f"Titre de l’article {n}")
    kicker = "Actualité"
    standfirst = "Un chapô « en français »."
    section = factory.SubFactory(SectionFactory)
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "html": "Un paragraphe de corps de texte."}]
    )


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    text = "Des mots exacts."
    person = factory.SubFactory(PersonFactory)
    role = "porte-parole"


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    title = factory.Sequence(lambda n: f"Dossier {n}")
    slug = factory.Sequence(lambda n: f"dossier-{n}")


class DossierEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DossierEntry

    dossier = factory.SubFactory(DossierFactory)
    article = factory.SubFactory(ArticleFactory)


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    text = "Une correction."
    published_at = factory.LazyFunction(timezone.now)
