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
    assert "error: " in run.stderr
    assert expected_class in run.stderr
    assert "Traceback" not in run.stderr


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
    """Failures before or during the answer, streamed or not, all read as ``error: ...``."""
    argv = ["chat", "--no-retries", "--model", model, QUESTION]

    code = main(argv if stream else [*argv, "--no-stream"])
    err = capsys.readouterr().err

    assert EXIT_FAILED == code
    assert "\nerror: " in err
    assert f"({expected_class}" in err


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
    assert "attempt 1 failed, retrying: HTTP 500" in captured.err


def test_timeout_turns_a_stall_into_a_failure(capsys: pytest.CaptureFixture[str]) -> None:
    """--timeout sets the stream watchdog, so a stalled stream fails instead of waiting."""
    code = main(["chat", "--no-retries", "--timeout", "0.2", "--model", "fake/stall-5", QUESTION])

    assert EXIT_FAILED == code
    assert "(StreamStalledError" in capsys.readouterr().err


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
