"""Every kind of content the public must not see, each text carrying its own marker word.

A marker is one lowercase ASCII word (``zqhid…`` for what must stay hidden, ``zqpub…`` for
what must show), so a leak is a substring of a response, whatever its format (JSON, XML,
HTML, CSV), its escaping or its case. Every text field of a hidden object has its own
marker: a leaked object shows at least one marker nobody asked for.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile

from articles import preview, workflow
from articles.models import Article, Correction, Quote, Tag
from dossiers.models import DossierEntry
from media import renditions
from media.models import Photo
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    jpeg_bytes,
)
from tests.visibility import HIDDEN_STATES, make_hidden

HIDDEN, PUBLIC = "zqhid", "zqpub"
SECRET = "secret"  # the kind of a value a reader holds and must not be able to use


@dataclass
class Content:
    hidden_markers: set[str] = field(default_factory=set)
    public_markers: set[str] = field(default_factory=set)
    things: dict[str, set[str]] = field(default_factory=dict)  # each thing's markers
    # Every value a URL may be filled with (slugs, ids, public ids, stored names, dates, and
    # a secret a reader may have been given: a withdrawn article's preview link), with the
    # kind of thing it names and whether that thing is hidden.
    values: dict[str, tuple[str, bool]] = field(default_factory=dict)
    hidden_photos: list[Photo] = field(default_factory=list)
    public_photos: list[Photo] = field(default_factory=list)

    def marker(self, thing: str, what: str, *, public: bool = False) -> str:
        """The marker of field ``what`` of ``thing`` (one article, photo, person…)."""
        word = (PUBLIC if public else HIDDEN) + thing + what
        (self.public_markers if public else self.hidden_markers).add(word)
        self.things.setdefault(word.removesuffix(what), set()).add(word)
        return word

    def value(self, *values, kind: str, hidden: bool) -> None:
        for value in values:
            self.values.setdefault(str(value), (kind, hidden))


def photo(content: Content, name: str, *, public: bool = False, **fields) -> Photo:
    mark = lambda what: content.marker(name, what, public=public)  # noqa: E731
    data = jpeg_bytes(
        color=(len(content.values) % 256, 40, 200), comment=f"{mark('jpegcomment')} {name}"
    )
    made = Photo(
        image=ContentFile(data, name=f"{mark('file')}.jpg"),
        caption=f"Légende {mark('caption')}",
        credit=f"Crédit {mark('credit')}",
        creator=f"Photographe {mark('creator')}",
        copyright_notice=f"© {mark('copyright')}",
        source=f"Agence {mark('source')}",
        place=f"Lieu {mark('place')}",
        alt_text=f"Texte alternatif {mark('alt')}",
        usage_terms=f"Conditions {mark('usage')}",
        content_hash=hashlib.sha256(data).hexdigest(),
        format=Photo.Format.JPEG,
        **fields,
    )
    made.save()
    renditions.refresh(made)
    (content.public_photos if public else content.hidden_photos).append(made)
    content.value(made.pk, kind="photo", hidden=not public)
    return made


def person(content: Content, name: str, *, public: bool = False):
    mark = lambda what: content.marker(name, what, public=public)  # noqa: E731
    made = PersonFactory(
        name=f"Nom {mark('name')}", slug=mark("slug"), description=f"Qui {mark('desc')}"
    )
    content.value(made.slug, made.pk, kind="person", hidden=not public)
    return made


def tag(content: Content, name: str, *, public: bool = False, **fields) -> Tag:
    mark = lambda what: content.marker(name, what, public=public)  # noqa: E731
    made = TagFactory(name=f"Sujet {mark('name')}", slug=mark("slug"), **fields)
    content.value(made.slug, made.pk, kind="tag", hidden=not public)
    return made


def quote(content: Content, name: str, speaker, *, public: bool = False) -> Quote:
    mark = lambda what: content.marker(name, what, public=public)  # noqa: E731
    made = QuoteFactory(
        text=f"Des mots {mark('text')}",
        person=speaker,
        role=f"porte-parole {mark('role')}",
        context=f"Contexte {mark('context')}",
    )
    content.value(made.pk, kind="quote", hidden=not public)
    return made


def article(
    content: Content, name: str, section, *, public: bool = False, extra_blocks=()
) -> Article:
    """A draft whose every text, photo, person, quote and tag carries ``name``'s markers."""
    mark = lambda what: content.marker(name, what, public=public)  # noqa: E731
    kin = f"{name}"
    speaker = person(content, f"{kin}speaker", public=public)
    said = quote(content, f"{kin}quote", speaker, public=public)
    body_photo = photo(content, f"{kin}bodyphoto", public=public)
    made = ArticleFactory(
        slug=mark("slug"),
        section=section,
        kicker=f"Surtitre {mark('kicker')}",
        headline=f"Titre {mark('headline')}",
        standfirst=f"Chapô {mark('standfirst')}",
        seo_title=f"SEO {mark('seotitle')}",
        seo_description=f"SEO {mark('seodesc')}",
        signature=f"Signé {mark('signature')}",
        lead_photo=photo(content, f"{kin}leadphoto", public=public),
        lead_photo_caption=f"Légende à la une {mark('leadcaption')}",
        body=[
            {"type": "paragraph", "html": f"Un paragraphe <b>{mark('paragraph')}</b>."},
            {"type": "intertitle", "text": f"Intertitre {mark('intertitle')}"},
            {"type": "list", "items": [f"Point {mark('listitem')}"]},
            {"type": "blockquote", "paragraphs": [f"Extrait {mark('blockquote')}"]},
            {"type": "quote", "quote": said.pk},
            {"type": "photo", "photo": body_photo.pk, "caption": f"Dans le corps {mark('bpc')}"},
            {"type": "embed", "url": f"https://video.example.org/{mark('embed')}"},
            *extra_blocks,
        ],
    )
    said.articles.add(made)
    BylineFactory(article=made, person=person(content, f"{kin}author", public=public))
    made.tags.add(tag(content, f"{kin}topic", public=public))
    made.tags.add(
        tag(content, f"{kin}persontag", public=public, kind=Tag.Kind.PERSON, person=speaker)
    )
    Correction.objects.create(
        article=made, text=f"Correction {mark('correction')}", published_at=made.created_at
    )
    content.value(made.slug, made.pk, made.public_id, kind="article", hidden=not public)
    return made


def build(now) -> Content:
    """Public content beside every kind of hidden content, all sharing a section and a dossier."""
    content = Content()
    section = SectionFactory(name="Monde", slug="monde")
    content.value(section.slug, section.pk, kind="section", hidden=False)
    last_hour = now - dt.timedelta(hours=1)

    hidden = {state: article(content, state, section) for state in HIDDEN_STATES}
    # What must show (proof that the crawler reaches the surfaces it checks); its body points
    # at every hidden article, a reference that must not show them.
    shown = workflow.publish(
        article(
            content,
            "live",
            section,
            public=True,
            extra_blocks=[{"type": "related", "article": each.pk} for each in hidden.values()],
        ),
        by=None,
        at=last_hour,
    )
    public_dossier = DossierFactory(
        title=f"Dossier {content.marker('dossier', 'title', public=True)}",
        slug=content.marker("dossier", "slug", public=True),
        introduction=f"Introduction {content.marker('dossier', 'intro', public=True)}",
        cover_photo=photo(content, "dossiercover", public=True),
    )
    DossierEntry.objects.create(dossier=public_dossier, article=shown)
    content.value(public_dossier.slug, public_dossier.pk, kind="dossier", hidden=False)

    # Every hidden state, each article filed (and pinned) in the public dossier too, and all
    # of them in a dossier that has no public article; and a dossier with no article at all.
    hidden_dossier = DossierFactory(
        title=f"Dossier {content.marker('dossier', 'title')}",
        slug=content.marker("dossier", "slug"),
        introduction=f"Introduction {content.marker('dossier', 'intro')}",
        cover_photo=photo(content, "dossiercover"),
    )
    empty_dossier = DossierFactory(
        title=f"Dossier {content.marker('emptydossier', 'title')}",
        slug=content.marker("emptydossier", "slug"),
        introduction=f"Introduction {content.marker('emptydossier', 'intro')}",
    )
    for each in (hidden_dossier, empty_dossier):
        content.value(each.slug, each.pk, kind="dossier", hidden=True)
    for position, (state, each) in enumerate(hidden.items()):
        DossierEntry.objects.create(dossier=hidden_dossier, article=each)
        DossierEntry.objects.create(dossier=public_dossier, article=each, pin_position=position)
        make_hidden(each, state, now)
        if state == "withdrawn":  # a preview link handed out before the withdrawal
            content.value(preview.make_token(each), kind=SECRET, hidden=True)

    # A public article whose lead photo's rights have expired: the photo is hidden.
    expired = photo(content, "expired", rights_expire_at=now - dt.timedelta(days=1))
    workflow.publish(
        ArticleFactory(section=section, lead_photo=expired, slug="droits-expires"),
        by=None,
        at=last_hour,
    )
    content.value("droits-expires", kind="article", hidden=False)
    photo(content, "orphan")  # uploaded, shown by nothing

    # Pending changes over a live article: the public keeps the live text meanwhile.
    live = workflow.publish(
        article(content, "pendinglive", section, public=True), by=None, at=last_hour
    )
    DossierEntry.objects.create(dossier=public_dossier, article=live)
    live.headline = f"Titre {content.marker('pending', 'headline')}"
    live.standfirst = f"Chapô {content.marker('pending', 'standfirst')}"
    live.body = [{"type": "paragraph", "html": f"Texte {content.marker('pending', 'paragraph')}"}]
    live.lead_photo = photo(content, "pendingphoto")
    live.lead_photo_caption = f"Légende {content.marker('pending', 'leadcaption')}"
    workflow.save_article(
        live,
        by=None,
        tags=[*live.tags.all(), tag(content, "pendingtag")],
        changed_fields={"headline", "standfirst", "body", "lead_photo", "lead_photo_caption"},
    )

    for day in (now, last_hour, now + dt.timedelta(hours=1), now - dt.timedelta(days=40)):
        content.value(f"{day:%Y}", f"{day:%m}", f"{day:%Y-%m-%d}", kind="date", hidden=False)
    for each in [*content.hidden_photos, *content.public_photos]:
        names = [each.image.name, *(r.file.name for r in each.renditions.all())]
        content.value(*names, kind="file", hidden=each in content.hidden_photos)
    return content
