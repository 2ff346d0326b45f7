"""Who may change what the public sees: every writable resource × every role × the state of
the article carrying it × each door (API, admin pages, admin list actions).

Allowed: the change is saved and each article carrying the thing gets exactly one revision,
by the user, whose note names the change. Refused: nothing is saved, no revision, and the
refusal says why (403 for the role or a published carrier, 409 for something in use). A
new change is one ``Change``; each door it has is one row of CASES.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from django.contrib.auth.models import User
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from articles import roles, workflow
from articles.models import Article, Correction, Person, Quote, Revision, Section, Tag
from dossiers.models import Dossier, DossierEntry
from media.models import Photo
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DossierEntryFactory,
    DossierFactory,
    PersonFactory,
    PhotoFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
)

ROLES = [roles.JOURNALIST, roles.ARCHIVIST, roles.EDITOR]
# The state of the article carrying the thing; None: no article carries it.
STATES = ("published", "scheduled", "withdrawn", "draft")

OK = "allowed"
ROLE = "refused: the role"
CARRIED = "refused: a published article carries it"
IN_USE = "refused: in use"
INVALID = "refused: not possible in this state"

UNTIL_PUBLISHED = {"published": CARRIED, "scheduled": CARRIED, "withdrawn": CARRIED, "draft": OK}


def outcomes(**by_role) -> dict:
    """Each role's outcome: the same in every state, or a dict by state."""
    return {
        role: value if isinstance(value, dict) else dict.fromkeys([*STATES, None], value)
        for role, value in by_role.items()
    }


EDITOR_ONLY = outcomes(journalist=ROLE, archivist=ROLE, editor=OK)
CLASSIFIERS = outcomes(journalist=ROLE, archivist=OK, editor=OK)
EDITOR_ONCE_PUBLISHED = outcomes(journalist=UNTIL_PUBLISHED, archivist=UNTIL_PUBLISHED, editor=OK)
EDITOR_BUT_IN_USE = outcomes(journalist=ROLE, archivist=ROLE, editor=IN_USE)

API_STATUS = {ROLE: 403, CARRIED: 403, IN_USE: 409, INVALID: 400}
# A refused page is read-only (403); Django's delete page lists what still uses the thing.
ADMIN_STATUS = {OK: 302, ROLE: 403, CARRIED: 403, IN_USE: 200}
# Some refusals come when the form is checked: the form shows them.
FORM_ERROR = {ROLE: 200, CARRIED: 200}
# An article the user may not edit at all (a journalist's, once published) opens read-only
# (403 on save); a field their role may not change (an archivist's headline) is a form error.
ARTICLE_FORM = {ROLE: 200, CARRIED: 403}
# A list action, done, refused or not offered, goes back to the list with a message.
ACTION_STATUS = dict.fromkeys([OK, ROLE, CARRIED, IN_USE, INVALID], 302)
# A list offering the user no action at all shows itself again.
NO_ACTION = {ROLE: 200}

NEW_WORDS = "«Des mots corrigés.»"


def fr(msgid: str, **params) -> str:
    """A verb's note as the French admin and API write it."""
    with translation.override("fr"):
        return gettext(msgid) % params


def deleted_note(scene) -> str:
    with translation.override("fr"):
        return pgettext("revision note", "deleted")


@dataclasses.dataclass
class Scene:
    """One test's world: who acts, the article carrying the thing (or None), the thing."""

    user: User
    api: Any
    carrier: Article | None = None
    thing: Any = None
    _admin: Client | None = None

    @property
    def admin(self) -> Client:
        if self._admin is None:
            self._admin = Client()
            self._admin.force_login(self.user)
        return self._admin

    def form(self, url: str, **changes) -> dict:
        """What a browser posts from the admin form at ``url``, with ``changes``. The page
        is read as a superuser, for whom it is never read-only."""
        reader = Client()
        superuser, _created = User.objects.get_or_create(
            username="chef", defaults={"is_staff": True, "is_superuser": True}
        )
        reader.force_login(superuser)
        response = reader.get(url)
        assert response.status_code == 200, url
        page = lxml.html.fromstring(response.content.decode())
        form = next(form for form in page.forms if form.get("id", "").endswith("_form"))
        values = {}
        for name, value in form.form_values():
            values.setdefault(name, []).append(value)
        for textarea in form.xpath(".//textarea[@name]"):
            # A browser drops the newline that opens a textarea.
            text = textarea.value or ""
            values[textarea.name] = [text.removeprefix("\r\n").removeprefix("\n")]
        changed = {name: self.resolve(value) for name, value in changes.items()}
        changed = {
            name: value if isinstance(value, list) else [value] for name, value in changed.items()
        }
        return values | changed | {"_save": ["1"]}

    def resolve(self, value):
        """``value``, or what it gives for this scene if it is a function."""
        return value(self) if callable(value) else value

    def etag(self, article: Article) -> str:
        return self.api.get(f"/api/v1/articles/{article.slug}/")["ETag"]


@dataclasses.dataclass(frozen=True)
class Change:
    """A change to something the public sees, and who may make it in each state."""

    name: str
    rule: dict
    build: Callable[[Scene], Any]  # the thing, carried by scene.carrier (still a draft)
    observe: Callable[[Scene], Any]  # what the change alters, from the database
    after: Any  # what ``observe`` sees once the change is made
    note: Callable[[Scene], str]  # the note of each carrier's revision
    states: tuple = STATES
    names_carrier: bool = True  # a carrier refusal names the published article
    revised: Callable[[Scene], list] | None = None  # articles revised; default the carrier

    def revised_ids(self, scene: Scene) -> list:
        if self.revised is not None:
            return self.revised(scene)
        return [scene.carrier.pk] if scene.carrier else []


@dataclasses.dataclass(frozen=True)
class Case:
    """A change through one door."""

    change: Change
    door: str  # "api", "admin" (a page) or "admin action" (from a list)
    act: Callable[[Scene], Any]
    status: dict = dataclasses.field(default_factory=dict)  # overrides for this door
    ok_status: int = 200  # the API's

    def expected_status(self, outcome: str) -> int:
        if self.door == "api":
            return self.ok_status if outcome == OK else API_STATUS[outcome]
        if self.door == "admin action":
            return (ACTION_STATUS | self.status)[outcome]
        return (ADMIN_STATUS | self.status)[outcome]

    def __str__(self):
        return f"{self.change.name} by {self.door}".replace(" ", "-")


# Doors.


def api(method: str, url: str, *, if_match: bool = False, **data):
    """A call on ``url`` (formatted with the scene: ``{thing.pk}``, ``{carrier.slug}``)."""

    def act(scene):
        headers = {"HTTP_IF_MATCH": scene.etag(scene.carrier)} if if_match else {}
        path = url.format(thing=scene.thing, carrier=scene.carrier)
        body = {name: scene.resolve(value) for name, value in data.items()} or None
        return getattr(scene.api, method)(path, body, format="json", **headers)

    return act


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_change(model, **changes):
    """The thing's change form, posted back with ``changes``."""

    def act(scene):
        url = admin_url(model, "change", scene.thing.pk)
        return scene.admin.post(url, scene.form(url, **changes))

    return act


def admin_add(model, **fields):
    def act(scene):
        url = admin_url(model, "add")
        return scene.admin.post(url, scene.form(url, **fields))

    return act


def admin_delete(model):
    def act(scene):
        return scene.admin.post(admin_url(model, "delete", scene.thing.pk), {"post": "yes"})

    return act


def list_action(model, action: str, *, on="thing", **data):
    """An action of the model's admin list, on the thing (or the carrier), confirmed."""

    def act(scene):
        selected = getattr(scene, on).pk
        data_now = {name: scene.resolve(value) for name, value in data.items()}
        return scene.admin.post(
            admin_url(model, "changelist"),
            {"action": action, "_selected_action": [selected], **data_now},
        )

    return act


def bulk_delete(model):
    """Django's «delete selected» action, confirmed."""
    return list_action(model, "delete_selected", post="yes")


def on_carrier(action: str, **data):
    """One of the article list's actions, on the carrier."""
    return list_action(Article, action, on="carrier", **data)


# Builders: the thing, carried by scene.carrier.


def quote_in(scene):
    quote = QuoteFactory()
    quote.articles.add(scene.carrier)
    return quote


def quote_in_body(scene):
    """A quote block only: the quote's own articles do not list the article."""
    quote = QuoteFactory()
    scene.carrier.body = [*scene.carrier.body, {"type": "quote", "quote": quote.pk}]
    scene.carrier.save()
    return quote


def speaker(scene):
    return PersonFactory()


def author(scene):
    person = PersonFactory()
    BylineFactory(article=scene.carrier, person=person)
    return person


def person_tagged(scene):
    person = PersonFactory()
    scene.carrier.tags.add(TagFactory(kind=Tag.Kind.PERSON, person=person, slug=person.slug))
    return person


def person_quoted(scene):
    person = PersonFactory()
    QuoteFactory(person=person).articles.add(scene.carrier)
    return person


def tag_on(scene):
    tag = TagFactory()
    scene.carrier.tags.add(tag)
    return tag


def lead_photo(scene):
    photo = PhotoFactory()
    scene.carrier.lead_photo = photo
    scene.carrier.save()
    return photo


def photo_in_body(scene):
    photo = PhotoFactory()
    scene.carrier.body = [*scene.carrier.body, {"type": "photo", "photo": photo.pk}]
    scene.carrier.save()
    return photo


def section_of(scene):
    return scene.carrier.section


def empty_section(scene):
    return SectionFactory()


def new_dossier(scene):
    return DossierFactory()


def dossier_holding(scene):
    return DossierEntryFactory(article=scene.carrier).dossier


def entry_of(scene):
    return DossierEntryFactory(article=scene.carrier)


def signed_by_the_user(scene):
    BylineFactory(article=scene.carrier, person=roles.person_of(scene.user))
    return scene.carrier


def the_carrier(scene):
    return scene.carrier


def signed_by_someone_else(scene):
    BylineFactory(article=scene.carrier)
    return scene.carrier


# Observers.


def exists(model):
    return lambda scene: model.objects.filter(pk=scene.thing.pk).exists()


def field_of(model, name):
    return lambda scene: model.objects.filter(pk=scene.thing.pk).values_list(name, flat=True).get()


def thing_filed(scene):
    return DossierEntry.objects.filter(dossier=scene.thing, article=scene.carrier).exists()


def entry_filed(scene):
    return DossierEntry.objects.filter(pk=scene.thing.pk).exists()


def new_quotes(scene):
    return Quote.objects.filter(text=NEW_WORDS).count()


def corrections(scene):
    return Correction.objects.filter(article=scene.carrier).count()


# Notes.


def note(msgid: str, **params):
    """The note ``msgid`` with ``params`` read from the scene (functions) or as given."""
    return lambda scene: fr(msgid, **{key: scene.resolve(value) for key, value in params.items()})


def photo_fields_note(field: str):
    def note_of(scene):
        with translation.override("fr"):
            label = str(Photo._meta.get_field(field).verbose_name)
        return fr("photo %(id)d: %(fields)s", id=scene.thing.pk, fields=label)

    return note_of


def article_field(name):
    """What the newsroom sees of the article: its pending changes over the live fields."""

    def observe(scene):
        value, waiting = (
            Article.objects.filter(pk=scene.thing.pk).values_list(name, "pending").get()
        )
        return waiting[name] if waiting else value

    return observe


def edit_note(scene):
    """The edit of a published (or scheduled) article waits for an editor; others go live."""
    status = Article.objects.filter(pk=scene.carrier.pk).values_list("status", flat=True).get()
    return fr("changes waiting for publication") if status == "published" else ""


def no_note(scene):
    return ""


def thing_pk(scene):
    return scene.thing.pk


def thing_name(scene):
    return scene.thing.name


def thing_title(scene):
    return str(scene.thing)


def new_quote_pk(scene):
    return Quote.objects.get(text=NEW_WORDS).pk


QUOTE_TEXT = Change(
    "quote text",
    EDITOR_ONCE_PUBLISHED,
    quote_in,
    field_of(Quote, "text"),
    NEW_WORDS,
    note("quote %(id)d changed", id=thing_pk),
)
QUOTE_TEXT_IN_BODY = dataclasses.replace(QUOTE_TEXT, name="quote text in body", build=quote_in_body)
QUOTE_PUT_IN = Change(
    "quote put in article",
    outcomes(journalist=UNTIL_PUBLISHED, archivist=ROLE, editor=OK),
    speaker,
    new_quotes,
    1,
    note("quote %(id)d added", id=new_quote_pk),
)
QUOTE_DELETE = Change(
    "quote delete",
    EDITOR_ONLY,
    quote_in,
    exists(Quote),
    False,
    note("quote %(id)d deleted", id=thing_pk),
)
PERSON_DESCRIPTION = Change(
    "author description",
    EDITOR_ONCE_PUBLISHED,
    author,
    field_of(Person, "description"),
    "ministre",
    note("%(name)s changed", name=thing_name),
)
QUOTED_DESCRIPTION = dataclasses.replace(
    PERSON_DESCRIPTION, name="quoted person description", build=person_quoted
)
TAGGED_DESCRIPTION = dataclasses.replace(
    PERSON_DESCRIPTION, name="tagged person description", build=person_tagged
)
PERSON_DELETE = Change(
    "tagged person delete",
    EDITOR_ONLY,
    person_tagged,
    exists(Person),
    False,
    note("%(name)s deleted", name=thing_name),
)
QUOTED_DELETE = dataclasses.replace(
    PERSON_DELETE, name="quoted person delete", rule=EDITOR_BUT_IN_USE, build=person_quoted
)
AUTHOR_DELETE = dataclasses.replace(
    PERSON_DELETE, name="author delete", rule=EDITOR_BUT_IN_USE, build=author
)
TAG_NAME = Change(
    "tag name",
    CLASSIFIERS,
    tag_on,
    field_of(Tag, "name"),
    "Sujet renommé",
    note("tag %(name)s changed", name="Sujet renommé"),
)
TAG_DELETE = Change(
    "tag delete",
    EDITOR_ONLY,
    tag_on,
    exists(Tag),
    False,
    note("tag %(name)s deleted", name=thing_name),
)
PHOTO_CAPTION = Change(
    "lead photo caption",
    EDITOR_ONCE_PUBLISHED,
    lead_photo,
    field_of(Photo, "caption"),
    "Une autre légende.",
    photo_fields_note("caption"),
)
PHOTO_CAPTION_IN_BODY = dataclasses.replace(
    PHOTO_CAPTION, name="photo caption in body", build=photo_in_body
)
PHOTO_CREDIT = dataclasses.replace(
    PHOTO_CAPTION,
    name="lead photo credit",
    observe=field_of(Photo, "credit"),
    after="Reuters",
    note=photo_fields_note("credit"),
)
PHOTO_DELETE = Change(
    "photo delete",
    EDITOR_ONLY,
    lead_photo,
    exists(Photo),
    False,
    note("photo %(id)d deleted", id=thing_pk),
)
SECTION_NAME = Change(
    "section name",
    EDITOR_ONLY,
    section_of,
    field_of(Section, "name"),
    "Rubrique renommée",
    note("section %(name)s changed", name="Rubrique renommée"),
)
SECTION_DELETE = Change(
    "section delete", EDITOR_BUT_IN_USE, section_of, exists(Section), False, no_note
)
EMPTY_SECTION_DELETE = Change(
    "empty section delete",
    EDITOR_ONLY,
    empty_section,
    exists(Section),
    False,
    no_note,
    states=(None,),
)
DOSSIER_TITLE = Change(
    "dossier title",
    CLASSIFIERS,
    dossier_holding,
    field_of(Dossier, "title"),
    "Dossier renommé",
    note("dossier «%(title)s» renamed", title="Dossier renommé"),
)
DOSSIER_DELETE = Change(
    "dossier delete",
    CLASSIFIERS,
    dossier_holding,
    exists(Dossier),
    False,
    note("taken out of the dossier «%(title)s», deleted", title=thing_title),
)
FILE_IN = Change(
    "file in dossier",
    CLASSIFIERS,
    new_dossier,
    thing_filed,
    True,
    note("filed in the dossier «%(title)s»", title=thing_title),
)
TAKE_OUT = dataclasses.replace(
    FILE_IN,
    name="take out of dossier",
    build=dossier_holding,
    after=False,
    note=note("taken out of the dossier «%(title)s»", title=thing_title),
)
ENTRY_DELETE = dataclasses.replace(
    TAKE_OUT,
    name="dossier entry delete",
    build=entry_of,
    observe=entry_filed,
    note=note("taken out of the dossier «%(title)s»", title=lambda scene: str(scene.thing.dossier)),
)
# Pinning changes the dossier's pinned list, not the article: no revision.
ENTRY_PIN = Change(
    "dossier entry pin",
    CLASSIFIERS,
    entry_of,
    field_of(DossierEntry, "pin_position"),
    1,
    no_note,
    revised=lambda scene: [],
)
CORRECTION = Change(
    "correction",
    outcomes(
        journalist=ROLE,
        archivist=ROLE,
        editor={"published": OK, "scheduled": OK, "withdrawn": INVALID, "draft": INVALID},
    ),
    the_carrier,
    corrections,
    1,
    lambda scene: fr("corrected"),
    names_carrier=False,
)
HEADLINE = Change(
    "article headline",
    outcomes(journalist=UNTIL_PUBLISHED, archivist=ROLE, editor=OK),
    signed_by_the_user,
    article_field("headline"),
    "Un autre titre",
    edit_note,  # the article's own revision holds its new content
    names_carrier=False,
)
HEADLINE_OF_ANOTHER = dataclasses.replace(
    HEADLINE,
    name="headline of another's article",
    rule=outcomes(journalist=ROLE, archivist=ROLE, editor=OK),
    build=signed_by_someone_else,
)
SEO_TITLE = dataclasses.replace(
    HEADLINE,
    name="article SEO title",
    rule=outcomes(journalist=UNTIL_PUBLISHED, archivist=OK, editor=OK),
    observe=article_field("seo_title"),
    after="Titre pour les moteurs",
)
ARTICLE_DELETE = dataclasses.replace(
    HEADLINE,
    name="article delete",
    rule=EDITOR_ONLY,
    observe=exists(Article),
    after=False,
    note=deleted_note,
    revised=lambda scene: [None],  # the last revision outlives its article
)

CASES = [
    Case(QUOTE_TEXT, "api", api("patch", "/api/v1/quotes/{thing.pk}/", text=NEW_WORDS)),
    Case(QUOTE_TEXT, "admin", admin_change(Quote, text=NEW_WORDS)),
    Case(QUOTE_TEXT_IN_BODY, "api", api("patch", "/api/v1/quotes/{thing.pk}/", text=NEW_WORDS)),
    Case(
        QUOTE_PUT_IN,
        "api",
        api(
            "post",
            "/api/v1/quotes/",
            text=NEW_WORDS,
            person=lambda scene: scene.thing.slug,
            articles=lambda scene: [scene.carrier.slug],
        ),
        ok_status=201,
    ),
    Case(
        QUOTE_PUT_IN,
        "admin",
        admin_add(
            Quote,
            text=NEW_WORDS,
            person=thing_pk,
            role="ministre",
            articles=lambda scene: [scene.carrier.pk],
        ),
        status={CARRIED: 200},
    ),
    Case(QUOTE_DELETE, "api", api("delete", "/api/v1/quotes/{thing.pk}/"), ok_status=204),
    Case(QUOTE_DELETE, "admin", admin_delete(Quote)),
    Case(QUOTE_DELETE, "admin action", bulk_delete(Quote), status=NO_ACTION),
    Case(
        PERSON_DESCRIPTION,
        "api",
        api("patch", "/api/v1/people/{thing.slug}/", description="ministre"),
    ),
    Case(PERSON_DESCRIPTION, "admin", admin_change(Person, description="ministre")),
    Case(
        QUOTED_DESCRIPTION,
        "api",
        api("patch", "/api/v1/people/{thing.slug}/", description="ministre"),
    ),
    Case(
        TAGGED_DESCRIPTION,
        "api",
        api("patch", "/api/v1/people/{thing.slug}/", description="ministre"),
    ),
    Case(PERSON_DELETE, "api", api("delete", "/api/v1/people/{thing.slug}/"), ok_status=204),
    Case(PERSON_DELETE, "admin", admin_delete(Person)),
    Case(QUOTED_DELETE, "api", api("delete", "/api/v1/people/{thing.slug}/")),
    Case(QUOTED_DELETE, "admin", admin_delete(Person)),
    Case(AUTHOR_DELETE, "api", api("delete", "/api/v1/people/{thing.slug}/")),
    Case(AUTHOR_DELETE, "admin", admin_delete(Person)),
    Case(TAG_NAME, "admin", admin_change(Tag, name="Sujet renommé")),
    Case(TAG_DELETE, "admin", admin_delete(Tag)),
    Case(
        PHOTO_CAPTION,
        "api",
        api("patch", "/api/v1/photos/{thing.pk}/", caption="Une autre légende."),
    ),
    Case(PHOTO_CAPTION, "admin", admin_change(Photo, caption="Une autre légende.")),
    Case(
        PHOTO_CAPTION_IN_BODY,
        "api",
        api("patch", "/api/v1/photos/{thing.pk}/", caption="Une autre légende."),
    ),
    Case(
        PHOTO_CREDIT,
        "admin action",
        list_action(Photo, "edit_credit_and_source", credit="Reuters", source="", apply="1"),
    ),
    Case(PHOTO_DELETE, "admin", admin_delete(Photo)),
    Case(PHOTO_DELETE, "admin action", bulk_delete(Photo)),
    Case(SECTION_NAME, "admin", admin_change(Section, name="Rubrique renommée")),
    Case(SECTION_DELETE, "admin", admin_delete(Section)),
    Case(EMPTY_SECTION_DELETE, "admin", admin_delete(Section)),
    Case(DOSSIER_TITLE, "admin", admin_change(Dossier, title="Dossier renommé")),
    Case(DOSSIER_DELETE, "admin", admin_delete(Dossier)),
    Case(FILE_IN, "admin action", on_carrier("file_in_dossier", dossier=thing_pk)),
    Case(
        FILE_IN,
        "admin",
        admin_add(DossierEntry, dossier=thing_pk, article=lambda scene: scene.carrier.pk),
    ),
    Case(TAKE_OUT, "admin action", on_carrier("take_out_of_dossier", dossier=thing_pk)),
    Case(ENTRY_DELETE, "admin", admin_delete(DossierEntry)),
    Case(ENTRY_DELETE, "admin action", bulk_delete(DossierEntry), status=NO_ACTION),
    Case(ENTRY_PIN, "admin", admin_change(DossierEntry, pin_position=1)),
    Case(
        CORRECTION,
        "api",
        api(
            "post",
            "/api/v1/articles/{carrier.slug}/corrections/",
            if_match=True,
            text="Une erreur.",
        ),
    ),
    Case(CORRECTION, "admin action", on_carrier("correct", text="Une erreur.", apply="1")),
    Case(
        HEADLINE,
        "api",
        api("patch", "/api/v1/articles/{carrier.slug}/", if_match=True, headline="Un autre titre"),
    ),
    Case(HEADLINE, "admin", admin_change(Article, headline="Un autre titre"), status=ARTICLE_FORM),
    Case(
        HEADLINE_OF_ANOTHER,
        "api",
        api("patch", "/api/v1/articles/{carrier.slug}/", if_match=True, headline="Un autre titre"),
    ),
    Case(
        SEO_TITLE,
        "api",
        api(
            "patch",
            "/api/v1/articles/{carrier.slug}/",
            if_match=True,
            seo_title="Titre pour les moteurs",
        ),
    ),
    Case(
        SEO_TITLE,
        "admin",
        admin_change(Article, seo_title="Titre pour les moteurs"),
        status=ARTICLE_FORM,
    ),
    Case(
        ARTICLE_DELETE,
        "api",
        api("delete", "/api/v1/articles/{carrier.slug}/", if_match=True),
        ok_status=204,
    ),
    Case(ARTICLE_DELETE, "admin", admin_delete(Article)),
    Case(ARTICLE_DELETE, "admin action", bulk_delete(Article)),
]

MATRIX = [
    pytest.param(case, role, state, id=f"{case}-{role}-{state or 'carried-by-none'}")
    for case in CASES
    for state in case.change.states
    for role in ROLES
]


def put_in_state(article: Article, state: str | None, at) -> None:
    """Through the workflow, as the newsroom would."""
    if state in ("published", "withdrawn"):
        workflow.publish(article, by=None, at=at - dt.timedelta(hours=1))
    if state == "scheduled":
        workflow.schedule(article, by=None, at=at, when=at + dt.timedelta(days=1))
    if state == "withdrawn":
        workflow.withdraw(article, by=None, at=at - dt.timedelta(minutes=30))


def what_was_said(response) -> str:
    """The response, shortly: a form's errors, or the start of the body."""
    context = getattr(response, "context", None)
    if context is not None and "adminform" in context:
        errors = [context["adminform"].form.errors]
        errors += [inline.formset.errors for inline in context["inline_admin_formsets"]]
        return f"form errors: {errors}"
    return response.content[:500].decode(errors="replace")


def refusal_shown(case: Case, outcome: str, response) -> str | None:
    """What the user was told (None: the admin's bare 403 page), for the checks on refusals."""
    if case.door == "api":
        body = response.json()
        return body["detail"] if "detail" in body else " ".join(body["non_field_errors"])
    if case.door == "admin action" and response.status_code == 200:
        assert response.context["action_form"] is None, "no action is offered"
        return None
    if case.door == "admin action":
        told = [m for m in get_messages(response.wsgi_request) if m.level >= message_levels.WARNING]
        assert told, "a refused action says why"
        return " ".join(str(m) for m in told)
    if response.status_code == 200 and outcome == IN_USE:
        assert response.context["protected"], "the delete page lists what still uses it"
        return None
    if response.status_code == 200:
        errors = response.context["adminform"].form.non_field_errors()
        assert errors, "the form shows the refusal"
        return " ".join(errors)
    return None


@pytest.mark.parametrize(("case", "role", "state"), MATRIX)
def test_a_change_is_saved_with_its_revisions_or_refused_whole(
    make_user, as_user, now, case, role, state
):
    change = case.change
    user = make_user(role)
    scene = Scene(user=user, api=as_user(user))
    if state is not None:
        scene.carrier = ArticleFactory(headline=f"Le papier ({state})")
    scene.thing = change.build(scene)
    if scene.carrier is not None:
        put_in_state(scene.carrier, state, now)
        scene.carrier.refresh_from_db()
    outcome = change.rule[role][state]
    before = change.observe(scene)
    revisions_before = list(Revision.objects.values_list("pk", flat=True))
    versions_before = list(Article.objects.order_by("pk").values_list("pk", "version"))

    response = case.act(scene)

    assert response.status_code == case.expected_status(outcome), what_was_said(response)
    new_revisions = list(
        Revision.objects.exclude(pk__in=revisions_before)
        .order_by("pk")
        .values_list("article", "note", "created_by")
    )
    if outcome == OK:
        assert change.observe(scene) == change.after
        expected = [(pk, change.note(scene), user.pk) for pk in change.revised_ids(scene)]
        assert new_revisions == expected
        if case.door == "admin action":
            told = [m.level for m in get_messages(response.wsgi_request)]
            assert told, "the action says what it did"
            assert max(told) < message_levels.WARNING
    else:
        assert change.observe(scene) == before
        assert new_revisions == []
        assert list(Article.objects.order_by("pk").values_list("pk", "version")) == versions_before
        shown = refusal_shown(case, outcome, response)
        if outcome == CARRIED and change.names_carrier and shown is not None:
            assert scene.carrier.headline in shown
        if outcome == IN_USE and case.door == "api":
            assert scene.thing.name in shown
