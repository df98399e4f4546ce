"""Every example in examples/ runs offline against the fake server and says what it should.

The examples start together as subprocesses (each pays the interpreter's start-up once);
each test then waits for its own.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OFFLINE_ENV = {name: value for name, value in os.environ.items() if name != "OPENROUTER_API_KEY"}

# A line each example must print when it runs against the fake server.
EXPECTED = {
    "send.py": "answer: The capital of France is Paris.",
    "stream.py": "stopped early; outcome: cancelled",
    "async_send.py": "stream outcome: completed",
    "errors_and_retries.py": "rate limited; the server asks to wait 1.0 s",
    "tools.py": 'final answer: The tool returned: {"city": ',
    "test_with_fake.py": "4 passed",
}


def command(name: str) -> list[str]:
    if name.startswith("test_"):
        return [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(EXAMPLES / name)]
    return [sys.executable, str(EXAMPLES / name)]


@pytest.fixture(scope="module")
def runs() -> Iterator[dict[str, subprocess.Popen[str]]]:
    procs = {
        name: subprocess.Popen(
            command(name),
            cwd=ROOT,
            env=OFFLINE_ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name in EXPECTED
    }
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def test_every_example_is_run_here() -> None:
    """A new example cannot be forgotten: each script in examples/ has an expected line."""
    scripts = {path.name for path in EXAMPLES.glob("*.py") if not path.name.startswith("_")}

    assert sorted(EXPECTED) == sorted(scripts)


@pytest.mark.parametrize("name", list(EXPECTED), ids=lambda name: name.removesuffix(".py"))
def test_example_runs_offline(runs: dict[str, subprocess.Popen[str]], name: str) -> None:
    """The example exits 0 and prints its key line."""
    output, _ = runs[name].communicate(timeout=60)

    assert 0 == runs[name].returncode, output
    assert EXPECTED[name] in output
    assert "Traceback" not in output
