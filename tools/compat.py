"""Run the test suite on every supported CPython found on this machine: ``make compat``.

Supported means declared: the ``Programming Language :: Python :: 3.X`` classifiers of
pyproject.toml (which ``requires-python`` must allow). For each such version the first
``python3.X`` found on PATH, under pyenv's or uv's interpreter folders, or in /usr/local/bin
and /usr/bin gets a virtual environment in ``.venv-compat/3.X`` with the project installed
(editable, with its dev tools; reinstalled when pyproject.toml changes), and runs
``pytest`` there. Arguments are passed to pytest. Exits non-zero when a version failed or none
was found; a declared version that is not installed is reported and skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENVS = ROOT / ".venv-compat"
SEARCH = [
    Path.home() / ".pyenv" / "versions",
    Path.home() / ".local" / "share" / "uv" / "python",
    Path("/usr/local/bin"),
    Path("/usr/bin"),
]


def declared_versions(pyproject: dict[str, Any]) -> list[str]:
    """The ``3.X`` versions in the classifiers, checked against ``requires-python``."""
    project = pyproject["project"]
    found = [
        m.group(1)
        for c in project["classifiers"]
        if (m := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c))
    ]
    minimum = re.fullmatch(r">=\s*(3\.\d+)", project["requires-python"])
    if minimum is None:
        raise SystemExit(f"requires-python {project['requires-python']!r}: expected '>=3.X'")
    low = _key(minimum.group(1))
    if not found or any(_key(v) < low for v in found):
        raise SystemExit(f"classifiers {found} do not fit requires-python {minimum.group(0)}")
    return sorted(found, key=_key)


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def candidates(version: str) -> list[Path]:
    """Where a ``python3.X`` may be, in order of preference."""
    name = f"python{version}"
    places = [Path(p) / name for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    for root in SEARCH[:2]:
        places += sorted(root.glob(f"*{version}*/bin/{name}"), reverse=True)
    places += [root / name for root in SEARCH[2:]]
    return places


def find(version: str) -> Path | None:
    """The first interpreter that really is CPython ``version`` (pyenv shims may not be)."""
    for path in candidates(version):
        if not path.is_file() or not os.access(path, os.X_OK):
            continue
        probe = subprocess.run(
            [str(path), "-c", "import sys, platform; print(platform.python_implementation(), "
             "'%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if probe.returncode == 0 and probe.stdout.split() == ["CPython", version]:
            return path
    return None


def prepare(version: str, python: Path, stamp_text: str) -> Path:
    """The venv for ``version``, with the project installed; reused while pyproject is the same."""
    venv = VENVS / version
    stamp = venv / ".installed-stamp"
    if stamp.is_file() and stamp.read_text() == stamp_text:
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([str(python), "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    stamp.write_text(stamp_text)
    return venv


def main(pytest_args: list[str]) -> int:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    stamp_text = hashlib.sha256(text.encode()).hexdigest()
    rows: list[tuple[str, str, str]] = []
    for version in declared_versions(tomllib.loads(text)):
        python = find(version)
        if python is None:
            rows.append((version, "not found", "skipped"))
            continue
        print(f"== Python {version}: {python}", flush=True)
        try:
            venv = prepare(version, python, stamp_text)
        except subprocess.CalledProcessError as e:
            rows.append((version, str(python), f"install failed ({e.returncode})"))
            continue
        started = time.monotonic()
        run = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pytest", *pytest_args], cwd=ROOT, check=False
        )
        verdict = "passed" if run.returncode == 0 else f"FAILED (pytest exit {run.returncode})"
        rows.append((version, str(python), f"{verdict} in {time.monotonic() - started:.0f} s"))
    print("\n".join(f"Python {v:<5} {p:<45} {r}" for v, p, r in rows))
    ran = [r for _, _, r in rows if r != "skipped"]
    return 0 if ran and all(r.startswith("passed") for r in ran) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
