"""Adjustments to the generated OpenAPI schema that drf-spectacular cannot express."""

OVERLAPPING = ("ArticleAsRead",)


def overlapping_representations(result, generator, request, public):
    """An article read by the newsroom is the public representation plus its own fields, so
    it matches both: its schema is ``anyOf`` (at least one), not ``oneOf`` (exactly one)."""
    schemas = result.get("components", {}).get("schemas", {})
    for name in OVERLAPPING:
        if "oneOf" in schemas.get(name, {}):
            schemas[name]["anyOf"] = schemas[name].pop("oneOf")
    return result
