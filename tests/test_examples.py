"""Every example in examples/, and every code block of the README, runs offline to the
outcome it shows: the tests compare all that each prints, section by section.

The examples start together as subprocesses (each pays the interpreter's start-up once);
each test then waits for its own. The README's blocks run in-process, in order.
"""

import contextlib
import inspect
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openrouter_core import OpenRouterCore
from openrouter_core.testing import FakeOpenRouter

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OFFLINE_ENV = {name: value for name, value in os.environ.items() if name != "OPENROUTER_API_KEY"}

HOLES = {
    "<PORT>": r"\d+",
    "<GEN_ID>": r"gen-[\w-]+",
    "<TEXT>": r"[^\n]+",
    "<SECONDS>": r"[0-4]\.\d",
}


def printed(*lines: str) -> str:
    """A regex for exactly these lines: literal, but for the holes named in ``HOLES``."""
    pattern = "".join(re.escape(line) + "\n" for line in lines)
    for hole, regex in HOLES.items():
        pattern = pattern.replace(hole, regex)
    return pattern


OFFLINE = (
    "[offline: no OPENROUTER_API_KEY, a fake OpenRouter answers at http://127.0.0.1:<PORT>/api/v1]"
)
ANSWER = "The capital of France is Paris."
STALLED = "StreamStalledError: no first content within 0.3 s (keep-alives do not count)"

# All that each example prints against the fake server, section by section.
EXPECTED = {
    "send.py": printed(
        OFFLINE,
        "sending to openai/gpt-4o-mini ...",
        f"answer: {ANSWER}",
        "finish reason: stop",
        "tokens: 25, cost: 7.35e-06 credits",
        "generation id: <GEN_ID>",
    ),
    "stream.py": printed(
        OFFLINE,
        ANSWER,  # 1. the whole stream as it arrives, then what the stream tells
        "outcome: completed",
        "served by: openai/gpt-4o-mini via OpenAI",
        "tokens: 16, cost: 6e-06 credits",
        "generation id: <GEN_ID>",
        f"collected: {ANSWER}",  # collect() folds the same text
        "stopped early; outcome: cancelled",  # 2. leaving the loop cancels the stream
    ),
    "async_send.py": printed(
        OFFLINE,
        f"What is the capital of France? -> {ANSWER}",  # 1. the gathered answers, in order
        "Say hello in French. -> You said: Say hello in French.",
        ANSWER,  # 2. the async stream
        "stream outcome: completed",
    ),
    "errors_and_retries.py": printed(
        OFFLINE,
        "1. A call that works:",
        f"   answer: {ANSWER}",
        "2. A 429, with retries off for this call (NO_RETRIES):",
        "  (attempt 1 failed: TooManyRequestsResponseError: HTTP 429: Rate limit exceeded: "
        "free-models-per-min.)",
        "   rate limited; the server asks to wait 1.0 s",
        "3. Two 500s, then an answer: the default policy retries them with backoff.",
        "   Here a faster policy for this call only:",
        "  (attempt 1 failed: InternalServerResponseError: HTTP 500: Internal Server Error)",
        "  (attempt 2 failed: InternalServerResponseError: HTTP 500: Internal Server Error)",
        f"   answer: {ANSWER}",
        "4. A deadline bounds the whole call, retries and waits included:",
        # The deadline's timer or the read timeout it capped, whichever fires first.
        "  (attempt 1 failed: RequestTimeoutError: <TEXT>)",
        "   timed out after 1 attempt(s): RequestTimeoutError: <TEXT>",
        "   (gave up after <SECONDS> s, not 5)",  # well before the slow answer
        "5. The stream watchdog: keep-alive comments are not content.",
        f"  (attempt 1 failed: {STALLED})",
        f"   no content came: {STALLED}",  # before any content: the call's own Failure
    ),
    "tools.py": printed(
        OFFLINE,
        "the model calls get_weather({'city': 'What is the weather in Paris?'})",
        'final answer: The tool returned: {"city": "What is the weather in Paris?", '
        '"temperature_c": 18, "sky": "clear"}',
    ),
    "structured_output.py": printed(
        OFFLINE,
        "scientist, born 1: 'List the people in: Ada Lovelace (born 1815) wrote the first "
        "published computer program.'",
        "parsed 1 person(s) with openai/gpt-4o-mini",
    ),
    "run_tools.py": printed(
        OFFLINE,
        "round 1: get_weather -> ok",
        "2 requests, 4 messages, $0.000028",
        'final answer: The tool returned: {"city":"What is the weather in Paris?",'
        '"temperature":18,"sky":"clear"}',
    ),
    "test_with_fake.py": r"(?s).*\b4 passed\b.*",
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
    """The example exits 0 and prints exactly what each of its sections should."""
    output, _ = runs[name].communicate(timeout=60)

    assert 0 == runs[name].returncode, output
    assert re.fullmatch(EXPECTED[name], output), output


PARIS = re.escape(ANSWER)
USAGE = r"ChatUsage\(completion_tokens=8, .*\)"
CHUNK = r"<Success: ChatStreamChunk\(.*\)>\n"

OPERATIONS = (
    r"openai/gpt-4o-mini 128000 0\.00000015\n"  # the models that take tools
    r"openai/gpt-4o 128000 0\.00000015\n"
    r"anthropic/claude-sonnet-4 200000 0\.00000015\n"
    r"openrouter/auto 2000000 0\.00000015\n"
    r"\['OpenAI', 'Azure'\]\n"  # the endpoints of openai/gpt-4o
    r"OpenAI \['US'\]\n"  # the first provider
    r"[0-9.e-]+ OpenAI\n"  # what the chat answer cost, and who served it
    r"[0-9.e-]+ [0-9.e-]+\n"  # the key's usage and what remains
    r"credits: ask with a management key\n"  # the API key may not ask
    r"2 1536\n"  # two vectors of 1536 dimensions
)
README_BLOCKS: list[tuple[str, str, int]] = [
    ("send", rf"{PARIS}\n[0-9.e-]+ OpenAI gen-[\w-]+\n", 1),
    ("stream", rf"{PARIS}completed {USAGE} gen-[\w-]+\n", 1),
    (
        "async",
        rf"({CHUNK}){{6}}<Success: ChatStreamChunk\(.*content='Paris\.'.*\)>\n({CHUNK}){{2}}",
        3,
    ),
    ("errors as values", rf"{PARIS}\n", 1),
    ("values at hand", rf"True\n{PARIS}\n", 1),
    ("structured output", r"The capital of France\? The capital of France\?\n", 1),
    (
        "tools",
        r'The tool returned: (\{"city":"Weather in Paris\?","sky":"clear","days":1\})\n'
        r"1 get_weather \1 None\n",
        2,
    ),
    ("class form", rf"{PARIS}\n{PARIS}completed {USAGE}\n", 2),
    ("operations", OPERATIONS, 8),
    ("retries", "", 2),
    ("pytest-style tests", "", 0),
    ("scripted responses", "", 0),
]
"""Each README Python block in order: its name, all it prints (a regex: the answer, never a
failure line) and how many requests it sends the fake server."""


def test_readme_code_blocks_run_to_their_outcome(
    fake_openrouter: FakeOpenRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Python blocks run in order in one namespace against the fake server
    (the key and URL come from the environment, as the README says); each prints its answer
    and nothing else, and sends the requests it should. The scripted block checks itself
    with its own asserts."""
    monkeypatch.setenv("OPENROUTER_API_KEY", fake_openrouter.api_key or "sk-or-v1-any")
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url)
    # Generation stats are ready at once, so the Operations block asks /generation once.
    fake_openrouter.generation_delay = 0.0
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    namespace: dict[str, object] = {"__name__": "readme"}
    seen = []

    for number, block in enumerate(blocks):
        before = len(fake_openrouter.requests)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, f"README.md python block {number}", "exec"), namespace)
        seen.append((printed.getvalue(), len(fake_openrouter.requests) - before))
        core = namespace.get("core")
        if isinstance(core, OpenRouterCore):  # later blocks reuse it, as if still inside `with`
            core.close()

    assert len(README_BLOCKS) == len(seen)
    for (name, pattern, requests), (output, sent) in zip(README_BLOCKS, seen, strict=True):
        assert re.fullmatch(pattern, output), (name, output)
        assert requests == sent, name


def test_readme_pytest_block_passes_as_a_test() -> None:
    """The README's pytest-style block is a complete test module: each of its tests passes,
    given a fresh fake server as its ``fake_openrouter`` fixture, and asks it once."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.DOTALL)
    (block,) = [block for block in blocks if "def test_" in block]
    namespace: dict[str, Any] = {"__name__": "readme_tests"}
    exec(compile(block, "README.md pytest-style block", "exec"), namespace)
    tests = {name: value for name, value in namespace.items() if name.startswith("test_")}
    ran = {}

    for name, test in tests.items():
        assert ["fake_openrouter"] == list(inspect.signature(test).parameters), name
        with FakeOpenRouter() as server:
            test(server)
            ran[name] = len(server.requests)

    expected = {"test_my_code_reads_the_answer": 1, "test_my_code_survives_a_rate_limit": 1}
    assert expected == ran
