"""tools/compat.py: which Pythons ``make compat`` runs the suite on."""

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def _compat() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compat", REPO / "tools" / "compat.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pyproject(classifiers: list[str], requires: str = ">=3.11") -> dict[str, Any]:
    return {"project": {"classifiers": classifiers, "requires-python": requires}}


def test_the_declared_versions_are_the_classifiers() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert _compat().declared_versions(pyproject) == ["3.11", "3.12", "3.13"]


@pytest.mark.parametrize(
    "pyproject",
    [
        _pyproject(["Programming Language :: Python :: 3.10"]),
        _pyproject(["Programming Language :: Python :: 3"]),
        _pyproject(["Programming Language :: Python :: 3.12"], requires="~=3.11"),
    ],
)
def test_classifiers_that_do_not_fit_requires_python_are_refused(
    pyproject: dict[str, Any],
) -> None:
    with pytest.raises(SystemExit):
        _compat().declared_versions(pyproject)


def test_find_answers_only_an_interpreter_of_that_version() -> None:
    compat = _compat()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    found = compat.find(version)
    assert found is not None
    assert compat.find("3.0") is None
