"""Validators for the official schemas in ../shared/standards (skipped where it is absent)."""

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import referencing
import referencing.jsonschema
from lxml import etree

STANDARDS = Path(__file__).resolve().parents[3] / "shared" / "standards"
GEOJSON = "https://geojson.org/schema/GeoJSON.json"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside the repository")
    return path


@cache
def _ninjs_validator(version: str):
    folder = _need(STANDARDS / "ninjs")
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text())
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text())
    registry = referencing.Registry().with_resource(
        GEOJSON,
        referencing.Resource.from_contents(
            geojson, default_specification=referencing.jsonschema.DRAFT7
        ),
    )
    validator = jsonschema.validators.validator_for(schema)
    return validator(schema, registry=registry, format_checker=validator.FORMAT_CHECKER)


def ninjs_errors(document: dict, version: str = "2.2") -> list[str]:
    """What the IPTC ninjs schema (formats checked: date-time, uri) finds wrong."""
    return [error.message for error in _ninjs_validator(version).iter_errors(document)]


@cache
def _xsd(name: str):
    return etree.XMLSchema(etree.parse(str(_need(STANDARDS / "sitemaps" / name))))


def sitemap_errors(content: bytes, xsd: str = "sitemap-with-extensions.xsd") -> list[str]:
    """What the sitemaps.org schema (with Google's news and image extensions) finds wrong."""
    schema = _xsd(xsd)
    if schema.validate(etree.fromstring(content)):
        return []
    return [str(error) for error in schema.error_log]
