"""Every example in examples/, and every code block of the README, runs offline.

The examples start together as subprocesses (each pays the interpreter's start-up once);
each test then waits for its own. The README's blocks run in-process, in order.
"""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from openrouter_core import OpenRouterCore
from openrouter_core.testing import FakeOpenRouter

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
    "structured_output.py": "scientist, born 1: 'List the people in: Ada Lovelace",
    "run_tools.py": "round 1: get_weather -> ok",
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


def test_readme_code_blocks_run_against_the_fake_server(
    fake_openrouter: FakeOpenRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Python blocks run in order in one namespace; test functions compile."""
    monkeypatch.setenv("OPENROUTER_API_KEY", fake_openrouter.api_key or "sk-or-v1-any")
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    namespace: dict[str, object] = {"__name__": "readme"}

    for number, block in enumerate(blocks):
        code = compile(block, f"README.md python block {number}", "exec")
        if "def test_" not in block:  # pytest-style blocks need their fixture
            exec(code, namespace)
        core = namespace.get("core")
        if isinstance(core, OpenRouterCore):  # later blocks reuse it, as if still inside `with`
            core.close()

    assert len(blocks) >= 6
    assert fake_openrouter.requests
