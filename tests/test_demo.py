"""The demo CLI, offline against the embedded fake server.

The end-to-end cases run ``python -m openrouter_core`` as a subprocess without
``OPENROUTER_API_KEY``; they all start at once (each pays the interpreter's start-up) and
each test then reads its own. The finer cases call ``main()`` in-process, which is faster.
"""

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from openrouter_core._cli import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main
from openrouter_core.testing import DEFAULT_API_KEY, FakeOpenRouter

QUESTION = "What is the capital of France?"
PARIS = "The capital of France is Paris."
SUMMARY_LABELS = ("model:", "provider:", "finish reason:", "tokens:", "cost:", "generation id:")
OFFLINE_ENV = {name: value for name, value in os.environ.items() if name != "OPENROUTER_API_KEY"}
DEMO = [sys.executable, "-m", "openrouter_core"]

SCENARIOS = {
    "stream": [*DEMO, "chat", QUESTION],
    "no-stream": [*DEMO, "chat", "--no-stream", QUESTION],
    "json": [*DEMO, "chat", "--json", QUESTION],
    "fake/error-429": [*DEMO, "chat", "--no-retries", "--model", "fake/error-429", QUESTION],
    "fake/mid-stream-error": [*DEMO, "chat", "--model", "fake/mid-stream-error", QUESTION],
    "fake/truncate": [*DEMO, "chat", "--model", "fake/truncate", QUESTION],
    "models": [*DEMO, "models", "--supports", "tools"],
    "import": [
        sys.executable,
        "-c",
        "import sys, openrouter_core, openrouter_core.funcs, openrouter_core.errors; "
        "print(sorted(m for m in sys.modules if m.startswith('openrouter_core.')))",
    ],
}


@attrs.frozen
class Finished:
    returncode: int
    stdout: str
    stderr: str


class Runs:
    """Subprocesses started together; ``result(name)`` waits for one of them."""

    def __init__(self) -> None:
        self._procs = {
            name: subprocess.Popen(
                argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=OFFLINE_ENV
            )
            for name, argv in SCENARIOS.items()
        }
        self._done: dict[str, Finished] = {}

    def result(self, name: str) -> Finished:
        if name not in self._done:
            proc = self._procs[name]
            out, err = proc.communicate(timeout=30)
            self._done[name] = Finished(proc.returncode, out, err)
        return self._done[name]

    def close(self) -> None:
        for proc in self._procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.communicate()


@pytest.fixture(scope="module")
def runs() -> Iterator[Runs]:
    started = Runs()
    yield started
    started.close()


def test_demo_streams_the_answer_then_the_summary(runs: Runs) -> None:
    """The default run streams the answer and then prints every summary field."""
    run = runs.result("stream")
    lines = run.stdout.splitlines()

    assert EXIT_OK == run.returncode
    assert PARIS == lines[0]
    assert list(SUMMARY_LABELS) == [
        label for line in lines for label in SUMMARY_LABELS if line.startswith(label)
    ]
    assert "finish reason: stop" in lines


def test_demo_says_in_one_stderr_line_that_it_runs_offline(runs: Runs) -> None:
    """Without OPENROUTER_API_KEY the only note on stderr says the fake server answers."""
    run = runs.result("stream")

    assert 1 == len(run.stderr.splitlines())
    assert "OPENROUTER_API_KEY is not set" in run.stderr
    assert "fake OpenRouter" in run.stderr


def test_demo_without_streaming_prints_the_same_answer(runs: Runs) -> None:
    """--no-stream waits for the whole answer and prints it with the same summary."""
    run = runs.result("no-stream")
    lines = run.stdout.splitlines()

    assert EXIT_OK == run.returncode
    assert PARIS == lines[0]
    assert all(any(line.startswith(label) for line in lines) for label in SUMMARY_LABELS)


def test_demo_json_is_one_object_with_the_answer_and_its_facts(runs: Runs) -> None:
    """--json prints exactly one JSON object holding the content and the summary fields."""
    run = runs.result("json")
    answer = json.loads(run.stdout)

    assert EXIT_OK == run.returncode
    assert {
        "content": PARIS,
        "model": "openai/gpt-4o-mini",
        "provider": "OpenAI",
        "finish_reason": "stop",
    } == {key: answer[key] for key in ("content", "model", "provider", "finish_reason")}
    assert answer["prompt_tokens"] + answer["completion_tokens"] == answer["total_tokens"]
    assert answer["cost"] > 0
    assert answer["generation_id"].startswith("gen-")


@pytest.mark.parametrize(
    ("scenario", "expected_class", "expected_stdout"),
    [
        ("fake/error-429", "TooManyRequestsResponseError", ""),
        ("fake/mid-stream-error", "GenerationError", "The capital of \n"),
        ("fake/truncate", "StreamTruncatedError", "The capital of \n"),
    ],
    ids=["error-429", "mid-stream-error", "truncate"],
)
def test_demo_fault_exits_non_zero_with_a_readable_message(
    runs: Runs, scenario: str, expected_class: str, expected_stdout: str
) -> None:
    """A fault model ends with exit 1, the partial answer, and the error class on stderr."""
    run = runs.result(scenario)

    assert EXIT_FAILED == run.returncode
    assert expected_stdout == run.stdout
    assert f"error: {expected_class}: " in run.stderr
    assert "Traceback" not in run.stderr


def test_models_command_runs_as_a_program(runs: Runs) -> None:
    """``python -m openrouter_core models --supports tools`` prints the table offline."""
    run = runs.result("models")
    ids = [line.split()[0] for line in run.stdout.splitlines()[1:]]

    assert EXIT_OK == run.returncode, run.stderr
    assert ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4"] == ids[:3]
    assert "meta-llama/llama-3.1-8b-instruct" not in ids  # it takes no tools
    assert 1 == len(run.stderr.splitlines())  # the offline note only


def test_importing_the_package_does_not_import_the_cli(runs: Runs) -> None:
    """``import openrouter_core`` leaves the CLI (and argparse's cost) alone."""
    run = runs.result("import")

    assert 0 == run.returncode, run.stderr
    assert "openrouter_core._cli" not in run.stdout
    assert "openrouter_core.__main__" not in run.stdout


def test_ctrl_c_cancels_the_stream_cleanly() -> None:
    """SIGINT during a stalled stream closes it at once: a short note, exit 130, no traceback."""
    argv = [*DEMO, "chat", "--model", "fake/stall-mid-30", QUESTION]
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=OFFLINE_ENV
    ) as proc:
        assert proc.stdout is not None
        first = b""
        while not first.endswith(b"of "):  # half the answer: the stall has begun
            piece = os.read(proc.stdout.fileno(), 1024)
            assert piece, "the demo ended before the stall"
            first += piece
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    stderr = err.decode()

    assert b"The capital of " == first
    assert EXIT_INTERRUPTED == proc.returncode
    assert "interrupted" in stderr
    assert "Traceback" not in stderr
    assert time.monotonic() - started < 10  # did not sit out the 30 s stall
    assert b"\n" == out  # the cut line is ended before the note


def test_a_closed_stdout_ends_the_demo_quietly() -> None:
    """When the reader of stdout is gone (``| head``) the demo exits 1 without a traceback."""
    with subprocess.Popen(
        [*DEMO, "chat", QUESTION], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=OFFLINE_ENV
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.close()  # before the first token: its write fails with EPIPE
        _, err = proc.communicate(timeout=30)

    assert EXIT_FAILED == proc.returncode
    assert "Traceback" not in err.decode()


def test_with_a_key_the_demo_calls_the_configured_api(
    fake_openrouter: FakeOpenRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With OPENROUTER_API_KEY set no fake server starts: the key and the title go out."""
    monkeypatch.setenv("OPENROUTER_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url)

    code = main(["chat", "--no-stream", QUESTION])
    captured = capsys.readouterr()
    sent = fake_openrouter.requests[0].headers

    assert EXIT_OK == code
    assert captured.out.startswith(PARIS)
    assert "" == captured.err
    assert (f"Bearer {DEFAULT_API_KEY}", "openrouter-core demo") == (
        sent["authorization"],
        sent["x-openrouter-title"],
    )


class Recorder(io.StringIO):
    """A stdout that remembers what each flush pushed out."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []
        self._mark = 0

    def flush(self) -> None:
        text = self.getvalue()
        if len(text) > self._mark:
            self.flushed.append(text[self._mark :])
            self._mark = len(text)


def test_streamed_text_is_flushed_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each content chunk reaches the terminal as it arrives, not when the answer is whole."""
    stdout = Recorder()
    monkeypatch.setattr(sys, "stdout", stdout)

    code = main(["chat", QUESTION])

    assert EXIT_OK == code
    assert ["The ", "capital ", "of ", "France ", "is ", "Paris.", "\n"] == stdout.flushed[:7]


@pytest.mark.parametrize(
    ("model", "expected_class"),
    [
        ("fake/error-401", "UnauthorizedResponseError"),
        ("fake/error-502", "BadGatewayResponseError"),
        ("fake/html-502", "BadGatewayResponseError"),
        ("fake/error-chunk-first", "GenerationError"),
        ("fake/reset-mid-stream", "ConnectionFailedError"),
        ("fake/reset-before-status", "ConnectionFailedError"),
        ("fake/non-json-200", "ResponseValidationError"),
        ("fake/no-such-fault", "BadRequestResponseError"),
    ],
    ids=lambda value: value.removeprefix("fake/"),
)
@pytest.mark.parametrize("stream", [True, False], ids=["stream", "no-stream"])
def test_every_kind_of_failure_is_a_message_and_exit_1(
    capsys: pytest.CaptureFixture[str], model: str, expected_class: str, stream: bool
) -> None:
    """Failures before or during the answer, streamed or not, all read as ``error: <class>:
    ...``, the class named once."""
    argv = ["chat", "--no-retries", "--model", model, QUESTION]

    code = main(argv if stream else [*argv, "--no-stream"])
    err = capsys.readouterr().err

    assert EXIT_FAILED == code
    assert f"\nerror: {expected_class}: " in err
    assert 1 == err.count(expected_class), err


def test_json_failure_is_one_error_object(capsys: pytest.CaptureFixture[str]) -> None:
    """With --json a failure is an ``error`` object on stdout with class, message and status."""
    code = main(["chat", "--json", "--no-retries", "--model", "fake/error-429", QUESTION])
    error = json.loads(capsys.readouterr().out)["error"]

    assert EXIT_FAILED == code
    assert {
        "type": "TooManyRequestsResponseError",
        "status_code": 429,
        "retry_after": 1.0,
        "attempts": 1,
    } == {key: error[key] for key in ("type", "status_code", "retry_after", "attempts")}
    assert error["message"].startswith("HTTP 429: ")


def test_json_stream_failure_keeps_the_partial_content(capsys: pytest.CaptureFixture[str]) -> None:
    """A stream that breaks under --json reports what had arrived in ``partial_content``."""
    code = main(["chat", "--json", "--model", "fake/truncate", QUESTION])
    error = json.loads(capsys.readouterr().out)["error"]

    assert EXIT_FAILED == code
    assert ("StreamTruncatedError", "The capital of ") == (error["type"], error["partial_content"])


def test_retries_are_reported_before_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    """A retried attempt is named on stderr, and the answer that follows still wins."""
    code = main(["chat", "--model", "fake/flaky-500-1", QUESTION])
    captured = capsys.readouterr()

    assert EXIT_OK == code
    assert captured.out.startswith(PARIS)
    assert "attempt 1 failed, retrying: InternalServerResponseError: HTTP 500" in captured.err


def test_timeout_turns_a_stall_into_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    """--timeout sets the stream watchdog, so a stalled stream fails instead of waiting."""
    code = main(["chat", "--no-retries", "--timeout", "0.2", "--model", "fake/stall-5", QUESTION])

    assert EXIT_FAILED == code
    assert "error: StreamStalledError: " in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [[], ["chat"], ["chat", QUESTION, "--timeout", "0"], ["ask", QUESTION]],
    ids=["no-command", "no-prompt", "bad-timeout", "unknown-command"],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A malformed command line prints argparse's usage and exits 2, before any request."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)

    assert EXIT_USAGE == exit_info.value.code
    assert "usage: openrouter-core" in capsys.readouterr().err


# --- models, generation, key ----------------------------------------------------------


def test_models_prints_a_table_of_ids_context_and_prices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``models`` prints one aligned row per text model: id, context, $ per million tokens."""
    code = main(["models"])
    captured = capsys.readouterr()
    rows = [line.split() for line in captured.out.splitlines()]

    assert EXIT_OK == code
    assert ["model", "context", "prompt", "$/M", "completion", "$/M"] == rows[0]
    assert ["openai/gpt-4o-mini", "128,000", "0.15", "0.60"] == rows[1]
    assert ["anthropic/claude-sonnet-4", "200,000", "0.15", "0.60"] in rows
    assert 6 == len(rows)  # the header and the five text models
    assert 1 == len({len(line) for line in captured.out.splitlines()})  # aligned columns
    assert "OPENROUTER_API_KEY is not set" in captured.err


@pytest.mark.parametrize(
    ("supports", "expected"),
    [
        (
            ["tools"],
            ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4", "openrouter/auto"],
        ),
        (["tools", "reasoning"], ["anthropic/claude-sonnet-4"]),
        (["tools,reasoning"], ["anthropic/claude-sonnet-4"]),
        (["web_search_options"], []),
    ],
    ids=["tools", "repeated", "comma-separated", "none"],
)
def test_models_supports_keeps_the_models_with_every_parameter(
    capsys: pytest.CaptureFixture[str], supports: list[str], expected: list[str]
) -> None:
    argv = ["models", "--json"]
    for parameter in supports:
        argv += ["--supports", parameter]

    code = main(argv)
    listed = json.loads(capsys.readouterr().out)["models"]

    assert EXIT_OK == code
    assert expected == [model["id"] for model in listed]
    assert all(set(",".join(supports).split(",")) <= set(m["supported_parameters"]) for m in listed)


def test_models_json_has_the_table_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["models", "--json"])
    first = json.loads(capsys.readouterr().out)["models"][0]

    assert EXIT_OK == code
    assert {
        "id": "openai/gpt-4o-mini",
        "context_length": 128_000,
        "prompt_per_million": 0.15,
        "completion_per_million": 0.6,
    } == {
        key: first[key]
        for key in ("id", "context_length", "prompt_per_million", "completion_per_million")
    }


FAKE_GENERATION = "gen-1700000000-fakefakefakefake"


def test_generation_shows_what_a_generation_cost(capsys: pytest.CaptureFixture[str]) -> None:
    """Offline, the generation the fake server knows reads as one fact per line."""
    code = main(["generation", FAKE_GENERATION])
    lines = capsys.readouterr().out.splitlines()
    facts = dict(line.split(":", 1) for line in lines)

    assert EXIT_OK == code
    assert FAKE_GENERATION == facts["id"].strip()
    assert ("openai/gpt-4o-mini", "OpenAI") == (facts["model"].strip(), facts["provider"].strip())
    assert "0.0000066" == facts["total cost"].strip()
    assert "no" == facts["streamed"].strip()


def test_generation_json_agrees_with_the_chat_answer_it_describes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from openrouter_core.testing import chat_result

    code = main(["generation", "--json", FAKE_GENERATION])
    facts = json.loads(capsys.readouterr().out)
    usage = chat_result()["usage"]

    assert EXIT_OK == code
    assert (usage["prompt_tokens"], usage["completion_tokens"], usage["cost"]) == (
        facts["prompt_tokens"],
        facts["completion_tokens"],
        facts["total_cost"],
    )


def test_an_unknown_generation_is_a_readable_404(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["generation", "gen-nobody-knows"])
    captured = capsys.readouterr()

    assert EXIT_FAILED == code
    assert "" == captured.out
    assert (
        "error: NotFoundResponseError: HTTP 404: Generation gen-nobody-knows not found\n"
        "       (status 404)\n"
    ) in captured.err


def test_generation_wait_asks_again_until_the_stats_are_ready(
    fake_openrouter: FakeOpenRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Right after a chat the stats are not there yet; ``--wait`` polls until they are.

    The stats become ready once the server has said 404 (no clock involved)."""
    monkeypatch.setenv("OPENROUTER_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url)
    fake_openrouter.generation_delay = 3600
    ledger = fake_openrouter._ledger
    lookup = ledger.lookup

    def ready_after_the_first_question(generation_id: str) -> Any:
        found = lookup(generation_id)
        fake_openrouter.generation_delay = 0.0
        return found

    monkeypatch.setattr(ledger, "lookup", ready_after_the_first_question)
    assert EXIT_OK == main(["chat", "--json", QUESTION])
    generation_id = json.loads(capsys.readouterr().out)["generation_id"]

    code = main(["generation", "--json", "--wait", "30", generation_id])
    facts = json.loads(capsys.readouterr().out)
    asked = [r for r in fake_openrouter.requests if r.path.startswith("/api/v1/generation")]

    assert EXIT_OK == code
    assert (generation_id, True) == (facts["id"], facts["streamed"])
    assert 2 == len(asked)  # a 404, then the stats


def test_key_shows_usage_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["key"])
    facts = {
        label.strip(): value.strip()
        for label, value in (line.split(":", 1) for line in capsys.readouterr().out.splitlines())
    }

    assert EXIT_OK == code
    assert {
        "label": "sk-or-v1-fa...key",
        "usage": "0",
        "limit": "10",
        "limit remaining": "10",
        "management key": "no",
        "limit reset": "n/a",
    } == {
        key: facts[key]
        for key in ("label", "usage", "limit", "limit remaining", "management key", "limit reset")
    }


def test_key_usage_counts_the_answers_before_it(
    fake_openrouter: FakeOpenRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With OPENROUTER_API_KEY set the commands ask the configured API: the key's usage
    there is what its chat answers cost."""
    monkeypatch.setenv("OPENROUTER_API_KEY", DEFAULT_API_KEY)
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url)
    assert EXIT_OK == main(["chat", "--json", "--no-stream", QUESTION])
    cost = json.loads(capsys.readouterr().out)["cost"]

    code = main(["key", "--json"])
    facts = json.loads(capsys.readouterr().out)

    assert EXIT_OK == code
    assert (cost, 10.0 - cost) == (facts["usage"], facts["limit_remaining"])


@pytest.mark.parametrize(
    "case",
    [
        (["key"], "/api/v1", "UnauthorizedResponseError", 401),
        (["generation", FAKE_GENERATION], "/api/v1", "UnauthorizedResponseError", 401),
        (["models"], "/api/v0", "OpenRouterDefaultError", 404),
    ],
    ids=["key", "generation", "models"],
)
def test_operation_failures_read_as_error_and_exit_1(
    fake_openrouter: FakeOpenRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[list[str], str, str, int],
) -> None:
    """A refused key, or a server without the operation (an undeclared status), is a message
    on stderr and exit 1; --json makes it one error object."""
    argv, root, expected, status = case
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-v1-wrong")
    monkeypatch.setenv("OPENROUTER_BASE_URL", fake_openrouter.base_url.replace("/api/v1", root))

    code = main(argv)
    captured = capsys.readouterr()
    json_code = main([*argv, "--json"])
    error = json.loads(capsys.readouterr().out)["error"]

    assert (EXIT_FAILED, EXIT_FAILED) == (code, json_code)
    assert "" == captured.out
    assert f"error: {expected}: HTTP {status}: " in captured.err
    assert f"(status {status})" in captured.err
    assert "Traceback" not in captured.err
    assert (expected, status) == (error["type"], error["status_code"])
    assert error["message"].startswith(f"HTTP {status}: ")


@pytest.mark.parametrize(
    "argv",
    [["generation"], ["generation", "gen-1", "--wait", "-1"], ["models", "--tools"], ["key", "x"]],
    ids=["no-id", "negative-wait", "unknown-option", "extra-argument"],
)
def test_operation_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)

    assert EXIT_USAGE == exit_info.value.code
    assert "usage: openrouter-core" in capsys.readouterr().err
