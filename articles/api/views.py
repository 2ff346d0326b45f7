import orjson
from django.core import signing
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from articles import (
    ninjs,
    pending,
    people,
    preview,
    quotes,
    references,
    rendering,
    roles,
    suggestions,
    workflow,
)
from articles.api import filters, serializers
from articles.models import Article, Person, Quote, Section, Tag
from articles.responses import (
    PublicArticlesExpiry,
    article_list_keys,
    entries_list,
    entries_page,
    public_copy_or_404,
    public_list,
    stored_copy_response,
    with_copies,
)
from media import files
from newsroom import surrogate_keys
from newsroom.api import (
    NewestFirstCursorPagination,
    QuotesCursorPagination,
    StrictQueryParametersMixin,
)
from newsroom.caching import CacheHeadersMixin, PreconditionFailed, if_match_values

SLUG = r"[-a-zA-Z0-9_]+"
REFERENCE_ARTICLE = "guerre-ukraine-nord-coreens-engages-dans-des-operations-de-combat"


def require_newsroom(request):
    if not request.user.has_perm("articles.view_article"):
        raise exceptions.PermissionDenied(
            _("Quote suggestions are for the newsroom: send a newsroom member's token.")
        )


def article_etag(article) -> str:
    return f'"{article.public_id}-{article.version}"'


def expected_version(request, article) -> int | None:
    """The version the client edited, from If-Match (428 if absent, 412 if not this article's)."""
    values = if_match_values(request)
    if "*" in values:
        return None
    prefix = f'"{article.public_id}-'
    for value in values:
        if value.startswith(prefix) and value.endswith('"') and value[len(prefix) : -1].isdigit():
            return int(value[len(prefix) : -1])
    raise PreconditionFailed()


ARTICLE_AS_READ = PolymorphicProxySerializer(
    component_name="ArticleAsRead",
    serializers=[serializers.ArticleDetailSerializer, serializers.ArticleNewsroomSerializer],
    resource_type_field_name=None,
)


@extend_schema_view(
    retrieve=extend_schema(
        responses=ARTICLE_AS_READ,
        description="The published article; the newsroom (token or session) reads any "
        "article, drafts included, with its status, version and pending changes.",
    ),
    create=extend_schema(
        request=serializers.ArticleWriteSerializer,
        responses={201: serializers.ArticleNewsroomSerializer},
    ),
    update=extend_schema(
        request=serializers.ArticleWriteSerializer,
        responses=serializers.ArticleNewsroomSerializer,
    ),
    partial_update=extend_schema(
        request=serializers.ArticleWriteSerializer,
        responses=serializers.ArticleNewsroomSerializer,
    ),
)
class ArticleViewSet(
    PublicArticlesExpiry, CacheHeadersMixin, StrictQueryParametersMixin, viewsets.ModelViewSet
):
    """Published articles, newest first. The newsroom (token or session) also reads its
    drafts by slug, writes with If-Match, and changes status through the actions."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    lookup_example = REFERENCE_ARTICLE
    filterset_class = filters.ArticleFilter
    pagination_class = NewestFirstCursorPagination
    if_match_actions = (
        "update",
        "partial_update",
        "destroy",
        "submit",
        "publish",
        "withdraw",
        "return_to_draft",
        "mark_updated",
        "corrections",
    )
    restricted_read_actions = ("quote_suggestions",)

    def get_queryset(self):
        if self.detail:
            return Article.objects.visible_to(self.request.user).for_detail()
        return Article.objects.public().for_list()

    @extend_schema(responses=serializers.SearchResultSerializer(many=True))
    def list(self, request, *args, **kwargs):
        return public_list(
            self,
            Article.objects.public(),
            keys=article_list_keys(request.query_params),
            search_text=request.query_params.get("q", "").strip(),
        )

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return serializers.ArticleWriteSerializer
        if not self.detail:
            return serializers.ArticleListSerializer
        if self.request.user.has_perm("articles.view_article"):
            return serializers.ArticleNewsroomSerializer
        return serializers.ArticleDetailSerializer

    def _represent(self, article, status_code=status.HTTP_200_OK):
        """The newsroom's view of the article, pending changes shown and compared with
        the live version, with its ETag (or the public's view)."""
        serializer_class = serializers.ArticleDetailSerializer
        if self.request.user.has_perm("articles.view_article"):
            serializer_class = serializers.ArticleNewsroomSerializer
            article.pending_changes = pending.changes(article)
            pending.shown(article)
        references.attach(article)
        data = serializer_class(article, context=self.get_serializer_context()).data
        return Response(data, status=status_code, headers={"ETag": article_etag(article)})

    def retrieve(self, request, *args, **kwargs):
        if request.user.has_perm("articles.view_article"):
            return self._represent(self.get_object())
        copy = public_copy_or_404(kwargs["slug"])
        return stored_copy_response(copy, copy.detail, copy.etag)

    @extend_schema(
        responses={(200, "application/json"): OpenApiTypes.OBJECT},
        description="The published article as an IPTC ninjs 2.2 news item.",
    )
    @action(detail=True, methods=["get"], permission_classes=[permissions.AllowAny])
    def ninjs(self, request, slug=None):
        """The published article as an IPTC ninjs 2.2 news item (for partners and wires)."""
        copy = public_copy_or_404(slug)
        content = orjson.dumps(ninjs.news_item(orjson.loads(copy.detail)))
        return stored_copy_response(copy, content, rendering.etag_of(content))

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        tags, authors = fields.pop("tags", None), fields.pop("authors", None)
        article = workflow.save_article(
            Article(**fields), by=request.user, tags=tags, authors=authors
        )
        return self._represent(self._reload(article), status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        """A published article's edit waits as its pending changes, on top of those
        already waiting; ``publish/`` makes them live."""
        article = pending.shown(self.get_object())
        version = expected_version(request, article)
        serializer = self.get_serializer(article, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        tags, authors = fields.pop("tags", None), fields.pop("authors", None)
        for name, value in fields.items():
            setattr(article, name, value)
        workflow.save_article(
            article,
            by=request.user,
            tags=tags,
            authors=authors,
            expected_version=version,
            changed_fields=set(serializer.validated_data),
        )
        return self._represent(self._reload(article))

    def _reload(self, article):
        return Article.objects.for_detail().get(pk=article.pk)

    def destroy(self, request, *args, **kwargs):
        article = self.get_object()
        workflow.delete_article(
            article, by=request.user, version=expected_version(request, article)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _transition(self, verb, **arguments):
        """Run a workflow verb on the version the client read (If-Match: 428, 412)."""
        article = self.get_object()
        version = expected_version(self.request, article)
        verb(article, by=self.request.user, version=version, **arguments)
        return self._represent(self._reload(article))

    @extend_schema(request=None, responses=serializers.ArticleNewsroomSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None):
        """Hand a draft to the editors (journalist who signs it, or editor)."""
        return self._transition(workflow.submit)

    @extend_schema(
        request=serializers.PublishSerializer, responses=serializers.ArticleNewsroomSerializer
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, slug=None):
        """Publish now, or at ``at`` (a future time schedules it). Editors only."""
        data = serializers.PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._transition(workflow.publish, when=data.validated_data.get("at"))

    @extend_schema(request=None, responses=serializers.ArticleNewsroomSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, slug=None):
        """Take a published article off every public surface. Editors only."""
        return self._transition(workflow.withdraw)

    @extend_schema(request=None, responses=serializers.ArticleNewsroomSerializer)
    @action(detail=True, methods=["post"], url_path="return-to-draft")
    def return_to_draft(self, request, slug=None):
        return self._transition(workflow.return_to_draft)

    @extend_schema(request=None, responses=serializers.ArticleNewsroomSerializer)
    @action(detail=True, methods=["post"], url_path="mark-updated")
    def mark_updated(self, request, slug=None):
        """A significant update: readers see «mis à jour le …». Editors only."""
        return self._transition(workflow.mark_updated)

    @extend_schema(
        request=serializers.CorrectionInputSerializer,
        responses=serializers.ArticleNewsroomSerializer,
    )
    @action(detail=True, methods=["post"])
    def corrections(self, request, slug=None):
        """Add a dated public correction note. Editors only."""
        data = serializers.CorrectionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._transition(workflow.correct, text=data.validated_data["text"])

    @extend_schema(responses=serializers.QuoteSuggestionsSerializer)
    @action(
        detail=True,
        methods=["get"],
        url_path="quote-suggestions",
        permission_classes=[permissions.AllowAny],  # 403 for anyone outside the newsroom
    )
    def quote_suggestions(self, request, slug=None):
        """The quotes found in the article's body (with its pending changes), as
        ``POST /api/v1/quotes/suggestions/`` answers. Newsroom only."""
        require_newsroom(request)
        article = pending.shown(self.get_object())
        return Response({"suggestions": suggestions.suggest(article.body)})

    @extend_schema(request=None, responses=serializers.PreviewTokenSerializer)
    @action(detail=True, methods=["post"], url_path="preview-token")
    def preview_token(self, request, slug=None):
        """A signed, expiring link that shows this article as it will look published."""
        article = self.get_object()
        if not (
            request.user.has_perm("articles.edit_any_article")
            or (
                request.user.has_perm("articles.submit_article")
                and roles.is_byline(request.user, article)
            )
        ):
            raise exceptions.PermissionDenied(_("You may preview only the articles you may edit."))
        token = preview.make_token(article)
        url = request.build_absolute_uri(f"/api/v1/preview/{token}/")
        return Response({"token": token, "url": url})


class PreviewViewSet(
    StrictQueryParametersMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """A draft or scheduled article through a preview token, exactly as it will be published."""

    serializer_class = serializers.ArticlePreviewSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "token"
    lookup_value_regex = r"[-A-Za-z0-9_:]+"
    restricted_read_actions = ("retrieve",)

    def retrieve(self, request, token=None):
        try:
            public_id = preview.public_id_from(token)
        except signing.SignatureExpired:
            raise exceptions.PermissionDenied(_("This preview link has expired.")) from None
        except signing.BadSignature:
            raise exceptions.PermissionDenied(_("This preview link is not valid.")) from None
        article = get_object_or_404(Article.objects.for_detail(), public_id=public_id)
        if article.status == Article.Status.WITHDRAWN:
            raise exceptions.PermissionDenied(
                _("This preview link died with the article's withdrawal.")
            )
        pending.shown(article)  # a published article as its pending changes will make it
        references.attach(article)
        # Its photos' renditions are not public yet: their links are signed for the holder.
        response = Response(files.sign_renditions(self.get_serializer(article).data))
        response["Cache-Control"] = "private, no-store"
        return response


class SectionViewSet(CacheHeadersMixin, StrictQueryParametersMixin, viewsets.ReadOnlyModelViewSet):
    """The paper's sections (rubriques), in the paper's order."""

    queryset = Section.objects.select_related("parent")
    serializer_class = serializers.SectionSerializer
    lookup_field = "slug"
    lookup_example = "international"
    lookup_value_regex = SLUG
    pagination_class = None


class PersonViewSet(
    PublicArticlesExpiry, CacheHeadersMixin, StrictQueryParametersMixin, viewsets.ModelViewSet
):
    """People quoted in, tagged on or writing published articles."""

    serializer_class = serializers.PersonSerializer
    lookup_field = "slug"
    conflict_actions = ("destroy",)
    lookup_example = "vedant-patel"
    lookup_value_regex = SLUG
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def surrogate_keys(self, response) -> list[str]:
        keys = [surrogate_keys.PEOPLE]  # not the basename's plural, "persons"
        if self.detail:
            keys += [surrogate_keys.QUOTES, surrogate_keys.ARTICLES]
        return keys

    def get_queryset(self):
        """The public's people; the newsroom reads every person (one it just created too)."""
        if self.request.method in permissions.SAFE_METHODS and not self.request.user.has_perm(
            "articles.view_person"
        ):
            return Person.objects.public()
        return Person.objects.all()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.PersonDetailSerializer
        return serializers.PersonSerializer

    def list(self, request, *args, **kwargs):
        return entries_list(self, self.get_queryset())

    def allowed_query_parameters(self) -> set[str]:
        allowed = super().allowed_query_parameters()
        if self.action in ("quotes", "articles"):
            allowed |= {"cursor", "page_size"}
        return allowed

    def retrieve(self, request, *args, **kwargs):
        """The person, the first page of their public quotes (newest first) and of the
        public articles that quote them or are tagged with them, each with its ``next``."""
        person = self.get_object()
        person.quotes_page = self._quotes_page(person, "quotes")
        person.articles_page = self._articles_page(person, "articles")
        return Response(self.get_serializer(person).data)

    @extend_schema(responses=serializers.QuotesPageSerializer)
    @action(detail=True, methods=["get"], pagination_class=QuotesCursorPagination)
    def quotes(self, request, slug=None):
        """The person's public quotes, newest first, each with the articles that carry it."""
        return entries_list(self, self._quotes(self.get_object()))

    @extend_schema(responses=serializers.ArticlesPageSerializer)
    @action(detail=True, methods=["get"], pagination_class=NewestFirstCursorPagination)
    def articles(self, request, slug=None):
        """Public articles that quote the person or are tagged with them, newest first."""
        return Response(self._articles_page(self.get_object()))

    @staticmethod
    def _quotes(person):
        return Quote.objects.public().filter(person=person).newest_first()

    def _quotes_page(self, person, subpath):
        """The first page of the person's quotes, parsed: the person's page embeds it."""
        paginator = QuotesCursorPagination()
        entries, self.next_visibility_change = entries_page(
            paginator, self.request, self._quotes(person), view=self
        )
        return self._page(paginator, [orjson.loads(entry) for entry in entries], subpath)

    def _articles_page(self, person, subpath=None):
        paginator = NewestFirstCursorPagination()
        articles = with_copies(Article.objects.public().quoting_or_about(person))
        page = paginator.paginate_queryset(articles, self.request, view=self)
        if page:  # read with the page: no query of its own for ``expires_at``
            self.next_visibility_change = page[0].next_visibility_change
        entries = [orjson.loads(copy.summary) for copy in rendering.copies_for(page)]
        return self._page(paginator, entries, subpath)

    def _page(self, paginator, results, subpath):
        """A page with its links; on the person itself, the links lead to the sub-list."""
        if subpath:
            paginator.base_url = self.request.build_absolute_uri(f"{subpath}/")
        return {
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": results,
        }

    def perform_create(self, serializer):
        person = Person(**serializer.validated_data)
        serializer.instance = people.save_person(person, by=self.request.user)

    def perform_update(self, serializer):
        person = with_changes(serializer.instance, serializer.validated_data)
        serializer.instance = people.save_person(person, by=self.request.user)

    def perform_destroy(self, instance):
        people.delete_person(instance, by=self.request.user)


class QuoteViewSet(
    PublicArticlesExpiry, CacheHeadersMixin, StrictQueryParametersMixin, viewsets.ModelViewSet
):
    """Who said what, when: quotes carried by published articles."""

    serializer_class = serializers.QuoteSerializer
    filterset_class = filters.QuoteFilter
    pagination_class = QuotesCursorPagination
    lookup_value_regex = r"[0-9]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if self.request.method in permissions.SAFE_METHODS:
            quotes = Quote.objects.public().newest_first()
            return quotes if self.action == "list" else quotes.for_public_listing()
        return Quote.objects.all()

    def list(self, request, *args, **kwargs):
        return entries_list(self, self.get_queryset())

    def get_serializer_class(self):
        if self.request.method in permissions.SAFE_METHODS:
            return serializers.QuoteSerializer
        return serializers.QuoteWriteSerializer

    @extend_schema(
        request=serializers.SuggestionsRequestSerializer,
        responses=serializers.QuoteSuggestionsSerializer,
    )
    @action(
        detail=False,
        methods=["post"],
        permission_classes=[permissions.AllowAny],  # 403 for anyone outside the newsroom
        throttle_classes=[],
    )
    def suggestions(self, request):
        """The quotes found in a body (blocks as in the article write API), in reading
        order, each with its speaker, the known person it is, their role and its kind.
        Newsroom only; nothing is saved."""
        require_newsroom(request)
        data = serializers.SuggestionsRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"suggestions": suggestions.suggest(data.validated_data["body"])})

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        articles = fields.pop("articles", None)
        quote = quotes.save_quote(Quote(**fields), by=self.request.user, articles=articles)
        serializer.instance = quote

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        articles = fields.pop("articles", None)
        quote = with_changes(serializer.instance, fields)
        serializer.instance = quotes.save_quote(quote, by=self.request.user, articles=articles)

    def perform_destroy(self, instance):
        quotes.delete_quote(instance, by=self.request.user)


def with_changes(instance, fields: dict):
    """``instance`` with the validated ``fields`` set, for its verb to save."""
    for name, value in fields.items():
        setattr(instance, name, value)
    return instance


class TagViewSet(
    PublicArticlesExpiry,
    CacheHeadersMixin,
    StrictQueryParametersMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Topics, people, places and organisations that published articles are about."""

    serializer_class = serializers.TagSerializer
    filterset_class = filters.TagFilter

    def get_queryset(self):
        return Tag.objects.public()

    def list(self, request, *args, **kwargs):
        return entries_list(self, self.get_queryset())
