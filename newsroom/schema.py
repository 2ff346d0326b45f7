"""The OpenAPI schema's shared parts: the error bodies every operation documents.

Its own module: drf-spectacular's AutoSchema imports DRF's settings, which import
``newsroom.api``."""

from django.utils.translation import gettext_lazy
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """A refusal: the request is not allowed, the resource is not there, or it changed."""

    detail = serializers.CharField(help_text=gettext_lazy("What went wrong, for a person."))


FIELD_ERRORS = {
    "type": "object",
    "description": "Each field or query parameter refused, with its messages; a body that "
    "cannot be read gives `detail`; `non_field_errors` is about the whole input.",
    "additionalProperties": {
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "object", "additionalProperties": {}},
        ]
    },
    "example": {"published_from": ["Give a date (2024-11-13) or an ISO 8601 datetime."]},
}


class NewsroomAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the errors an operation may answer, documented once:
    400 for refused input (every resource refuses unknown query parameters), 401 for a
    token that is not valid, 403 and 429 for writes, 404 for one object, and 412/428 where
    a view requires ``If-Match`` (its ``if_match_actions``), 409 where a verb may find the
    object still in use (``conflict_actions``). A view's ``lookup_example``
    (a slug of the demo content) is its path parameter's example, which schemathesis and
    Swagger UI try first."""

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        example = getattr(self.view, "lookup_example", None)
        for parameter in parameters:
            if example is not None and parameter["name"] == self.view.lookup_field:
                parameter["example"] = example
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        errors = {
            "400": (FIELD_ERRORS, "The input is refused; each field says why."),
            "401": (ErrorSerializer, "The token is not valid."),
        }
        write = self.method not in ("GET", "HEAD", "OPTIONS")
        if write or getattr(self.view, "action", None) in getattr(
            self.view, "restricted_read_actions", ()
        ):
            errors["403"] = (ErrorSerializer, "Not allowed for this account, or anonymous.")
        if write:
            errors["429"] = (ErrorSerializer, "Too many writes; retry after Retry-After seconds.")
        if "{" in self.path:
            errors["404"] = (ErrorSerializer, "No such object, or not public.")
        if getattr(self.view, "action", None) in getattr(self.view, "conflict_actions", ()):
            errors["409"] = (ErrorSerializer, "Still in use; the message says what to change.")
        if getattr(self.view, "action", None) in getattr(self.view, "if_match_actions", ()):
            errors["412"] = (ErrorSerializer, "The resource changed since the ETag sent.")
            errors["428"] = (ErrorSerializer, "Send If-Match with the ETag you edited.")
        for code, (schema, description) in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(schema, code)
                responses[code]["description"] = description
        return dict(sorted(responses.items()))
