from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, mixins, parsers, status, viewsets
from rest_framework.response import Response
from rest_framework.reverse import reverse

from media import photos, uploads
from media.api.serializers import (
    PhotoNewsroomSerializer,
    PhotoSerializer,
    PhotoUploadSerializer,
)
from media.models import Photo
from newsroom import surrogate_keys
from newsroom.api import StrictQueryParametersMixin
from newsroom.caching import CacheHeadersMixin
from newsroom.parsers import JSONParser


class PhotoViewSet(
    CacheHeadersMixin,
    StrictQueryParametersMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """A photo shown by published content: its caption, credit, rights, image and renditions.

    The newsroom (token with the photo permissions) also uploads photos (multipart POST),
    reads the whole library and corrects metadata with PATCH. Uploading a file that is
    already in the library answers 409 with the existing photo's id and URL.
    """

    lookup_value_regex = r"[0-9]+"
    http_method_names = ["get", "post", "patch", "head", "options"]
    parser_classes = [JSONParser, parsers.MultiPartParser]

    def get_queryset(self):
        return Photo.objects.visible_to(self.request.user).with_renditions()

    def get_object(self):
        self.photo = super().get_object()
        return self.photo

    def surrogate_keys(self, response) -> list[str]:
        return [surrogate_keys.PHOTOS, surrogate_keys.photo(self.photo.pk)]

    def expires_at(self):
        """A public photo goes stale when its rights expire; a withdrawn article purges it."""
        return self.photo.rights_expire_at

    def get_serializer_class(self):
        if self.action == "create":
            return PhotoUploadSerializer
        if self.request.user.has_perm("media.view_photo"):
            return PhotoNewsroomSerializer
        return PhotoSerializer

    @extend_schema(
        request={"multipart/form-data": PhotoUploadSerializer},
        responses={
            201: PhotoNewsroomSerializer,
            400: OpenApiResponse(description="The file is refused; the message says why."),
            409: OpenApiResponse(description="The same file is already in the library."),
        },
    )
    def create(self, request, *args, **kwargs):
        upload = PhotoUploadSerializer(data=request.data, context=self.get_serializer_context())
        upload.is_valid(raise_exception=True)
        fields = dict(upload.validated_data)
        try:
            photo = uploads.create_photo(fields.pop("image"), by=request.user, **fields)
        except uploads.DuplicatePhoto as duplicate:
            existing = duplicate.photo.pk
            url = reverse("api:photo-detail", args=[existing], request=request)
            return Response(
                {"detail": duplicate.messages[0], "photo": {"id": existing, "url": url}},
                status=status.HTTP_409_CONFLICT,
            )
        except DjangoValidationError as error:
            if hasattr(error, "error_dict"):
                raise exceptions.ValidationError(error.message_dict) from None
            raise exceptions.ValidationError({"image": error.messages}) from None
        data = PhotoNewsroomSerializer(photo, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer):
        serializer.instance = photos.edit_photo(
            serializer.instance, by=self.request.user, changes=serializer.validated_data
        )
