"""The project package stays below the apps: what every app uses imports none of them.

The layers themselves are import-linter's contracts in pyproject.toml (docs/architecture.md).
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APPS = {app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()}
PACKAGES = sorted(APPS | {"newsroom"})


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


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603 - our own virtualenv's command
        [lint_imports, "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def project_imports_inside_functions(path: Path) -> list[str]:
    """``module:line`` of each import of a project module placed inside a function, except
    in ``AppConfig.ready`` (where Django wants them: the models are loaded only then)."""
    found = []
    for function in ast.walk(ast.parse(path.read_text())):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if function.name == "ready" and path.name == "apps.py":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            if any(name.split(".")[0] in PACKAGES for name in names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_project_import_hides_inside_a_function():
    """An import inside a function is how a cycle hides from a reader; the benchmark's
    scripts alone (the API load, the side by side with Wagtail and its peer) must load
    their modules after choosing the settings they read."""
    found = [
        place
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        for place in project_imports_inside_functions(path)
    ]
    scripts = ("bench/api_load.py:", "bench/side_by_side.py:", "bench/wagtail.py:")
    assert [place for place in found if not place.startswith(scripts)] == []
