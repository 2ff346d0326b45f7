"""``POST /api/v1/wire/``: agency items sent by the newsroom (an editor, or the wire's own
account), imported as ``manage.py import_wire`` imports files."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions, permissions, serializers, viewsets
from rest_framework.response import Response

from newsroom.api import router
from wire import account, ingest, sources

MAX_ITEMS = 200
EXAMPLE_ITEM = {
    "uri": "urn:newsml:afp.com:20241113:exemple",
    "type": "text",
    "version": "1",
    "versioncreated": "2024-11-13T08:07:00+01:00",
    "language": "fr",
    "copyrightholder": "AFP",
    "urgency": 3,
    "by": "Jean Dupont",
    "headlines": [{"role": "main", "value": "Un titre d’agence"}],
    "bodies": [
        {"role": "main", "contenttype": "text/html", "value": "<p>Le premier paragraphe.</p>"}
    ],
    "subjects": [{"name": "Diplomatie"}],
}


class WireRequestSerializer(serializers.Serializer):
    items = serializers.ListField(
        child=serializers.JSONField(),
        min_length=1,
        max_length=MAX_ITEMS,
        help_text=gettext_lazy(
            "Agency items: ninjs 1.x or 2.x objects, or NewsML-G2 documents as strings."
        ),
    )


class WireResultSerializer(serializers.Serializer):
    source = serializers.CharField(help_text=gettext_lazy("The item's place in the request."))
    outcome = serializers.ChoiceField(
        choices=[
            ingest.CREATED,
            ingest.UPDATED,
            ingest.PENDING,
            ingest.UNCHANGED,
            ingest.OLDER,
            ingest.REFUSED,
        ]
    )
    guid = serializers.CharField()
    version = serializers.IntegerField(allow_null=True)
    article = serializers.CharField(
        allow_null=True, help_text=gettext_lazy("The draft article's slug.")
    )
    reason = serializers.CharField(help_text=gettext_lazy("Why the item was refused."))
    warnings = serializers.ListField(
        child=serializers.CharField(), help_text=gettext_lazy("Photos refused, and why.")
    )


class WireResultsSerializer(serializers.Serializer):
    results = WireResultSerializer(many=True)


class WireViewSet(viewsets.ViewSet):
    permission_classes = [permissions.AllowAny]  # 403 below for anyone else

    @extend_schema(
        request=WireRequestSerializer,
        responses=WireResultsSerializer,
        examples=[OpenApiExample("ninjs 2.x", value={"items": [EXAMPLE_ITEM]}, request_only=True)],
    )
    def create(self, request):
        """Import agency items as draft articles, each on its own: the answer gives every
        item's outcome (created, updated, pending, unchanged, older, refused with its
        reason). Editors and the wire's own account only."""
        if not account.may_import(request.user):
            raise exceptions.PermissionDenied(
                _("Agency items are imported by editors and the wire's own account.")
            )
        data = WireRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entries = sources.read_json(data.validated_data["items"], label="items")
        results = ingest.import_items(entries, by=request.user)
        return Response({"results": [result.as_json() for result in results]})


router.register("wire", WireViewSet, basename="wire")
