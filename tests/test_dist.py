"""The built distribution works where the checkout is absent.

Builds the sdist, then the wheel from the sdist (as ``make dist`` and PyPI users do), installs
the wheel into a fresh virtual environment and runs the offline demo and imports there: a
missing ``py.typed``, module, package data or entry point fails here, not for a user.

Kept fast and offline: the build uses the dev environment's hatchling (``--no-isolation``),
the venv is made without pip (the dev environment's pip installs into it, ``--no-deps``), and
the dependencies are the dev environment's, reached through a path in a ``.pth`` file (a plain
path: the editable install's own ``.pth`` there is not processed, so the checkout stays out).
"""

import json
import os
import site
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from openrouter_core import __version__

REPO = Path(__file__).resolve().parents[1]
QUESTION = "What is the capital of France?"


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, REPO, cwd=out)
    return out


def test_the_sdist_and_the_wheel_hold_the_package(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    assert (sdist.name, wheel.name) == (
        f"openrouter_core-{__version__}.tar.gz",
        f"openrouter_core-{__version__}-py3-none-any.whl",
    )
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"openrouter_core-{__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(
            f"openrouter_core-{__version__}.dist-info/entry_points.txt"
        ).decode()
    package = REPO / "openrouter_core"
    sources = [*package.rglob("*.py"), *package.rglob("*.pyi")]  # __init__.pyi: the model names
    shipped = {p.relative_to(REPO).as_posix() for p in sources}
    assert shipped | {"openrouter_core/py.typed"} <= names
    assert not [n for n in names if n.startswith(("tests/", "tools/", "bench/", "examples/"))]
    assert "Requires-Python: >=3.11" in metadata
    for version in ("3.11", "3.12", "3.13"):
        assert f"Classifier: Programming Language :: Python :: {version}" in metadata
    assert "openrouter-core = openrouter_core.__main__:main" in entry_points
    assert "[pytest11]" in entry_points
    with tarfile.open(sdist) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    assert {"pyproject.toml", "README.md", "openrouter_core/py.typed", "tests/test_dist.py"} <= (
        members
    )
    assert not [m for m in members if m.startswith((".venv", "dist/", "build/"))]


def test_the_wheel_installs_into_a_fresh_venv_and_runs_offline(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=tmp_path,
    )  # fmt: skip
    (venv_site,) = (venv / "lib").glob("python3.*/site-packages")
    (venv_site / "_dev_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "OPENROUTER_"))}

    demo = _run(venv / "bin" / "openrouter-core", "chat", QUESTION, cwd=tmp_path, env=env)
    assert "The capital of France is Paris." in demo

    probe = (
        "import importlib.metadata as m, importlib.resources as r, json, openrouter_core as o\n"
        "from openrouter_core.models import ChatRequest\n"
        "print(json.dumps({'file': o.__file__, 'version': o.__version__,\n"
        "  'typed': r.files('openrouter_core').joinpath('py.typed').is_file(),\n"
        "  'plugins': [e.value for e in m.entry_points(group='pytest11')],\n"
        "  'dist': str(m.distribution('openrouter-core').locate_file(''))}))\n"
    )
    found = json.loads(_run(python, "-I", "-c", probe, cwd=tmp_path, env=env))
    assert Path(found["file"]).is_relative_to(venv_site)
    assert Path(found["dist"]) == venv_site
    assert (found["version"], found["typed"]) == (__version__, True)
    assert "openrouter_core.testing.pytest_plugin" in found["plugins"]
