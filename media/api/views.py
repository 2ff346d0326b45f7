from rest_framework import mixins, viewsets

from media.api.serializers import PhotoSerializer
from media.models import Photo
from newsroom.api import StrictQueryParametersMixin


class PhotoViewSet(StrictQueryParametersMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A photo shown by published content: its caption, credit, rights and image."""

    serializer_class = PhotoSerializer
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return Photo.objects.public()
