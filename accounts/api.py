"""The API's doors to one's own token: rotate it, revoke it."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import tokens


class RotateTokenView(APIView):
    """A new token for the caller; the one they used stops working at once."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=None,
        responses=inline_serializer("RotatedToken", {"token": serializers.CharField()}),
    )
    def post(self, request):
        token = tokens.rotate(request.user, by=request.user, request=request)
        return Response({"token": token.key})


class RevokeTokenView(APIView):
    """The caller's token stops working; they ask ``/api/v1/auth/token/`` for a new one."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        tokens.revoke(request.user, by=request.user, request=request)
        return Response(status=status.HTTP_204_NO_CONTENT)
