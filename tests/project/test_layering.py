"""The project package stays below the apps: what every app uses imports none of them."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APPS = {app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()}


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("module", ["newsroom/caching.py", "newsroom/surrogate_keys.py"])
def test_shared_module_imports_no_app(module):
    assert APPS
    assert imported(ROOT / module) & APPS == set()
