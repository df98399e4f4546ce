"""The demo CLI: ``openrouter-core chat "What is the capital of France?"``.

``chat`` streams the answer to the terminal as it arrives, then says who served it and
what it cost; ``models`` lists the models (``--supports tools`` for those that take
tools) with context length and prices; ``generation ID`` shows what a generation really
cost; ``key`` shows the key's usage and limit. Without ``OPENROUTER_API_KEY`` every command
answers from an embedded ``FakeOpenRouter``, so it works offline on a fresh clone, and a
``fake/<fault>`` model (the catalogue is in ``openrouter_core.testing``) shows how each
failure reads. Standard library only, besides the SDK itself.

Exit codes: 0 answered; 1 the call or the stream failed (or stdout was closed); 2 a usage
error (argparse's code); 130 interrupted by Ctrl-C (128 + SIGINT, as shells report it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from openrouter_core import (
    NO_RETRIES,
    Failure,
    HookContext,
    Hooks,
    OpenRouterCore,
    RequestOptions,
    Success,
    __version__,
)
from openrouter_core.errors import OpenRouterError
from openrouter_core.funcs import (
    ChatStream,
    api_keys_get_current_key_metadata,
    chat_send,
    chat_stream,
    generations_get_generation,
    models_list,
)
from openrouter_core.models import (
    ChatContentText,
    ChatMessages,
    ChatRequest,
    ChatResult,
    ChatStreamChunk,
    ChatSystemMessage,
    ChatUserMessage,
    GenerationData,
    GetCurrentKeyData,
    Model,
)

if TYPE_CHECKING:
    import httpx

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DEFAULT_MODEL = "openai/gpt-4o-mini"
APP_TITLE = "openrouter-core demo"

# The error fields worth showing, when the error has them (names shared by several classes).
_ERROR_FIELDS = ("status_code", "code", "retry_after", "generation_id", "partial_content")
_PER_MILLION = 1_000_000
# The generation the embedded fake server knows from the start (the testing kit's DEFAULT_ID).
_FAKE_GENERATION = "gen-1700000000-fakefakefakefake"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: the process arguments) and return the exit code."""
    args = _parser().parse_args(argv)
    printer = _Printer(json_mode=args.json, out=sys.stdout, err=sys.stderr)
    command = _COMMANDS[args.command]
    try:
        with _connect(printer) as core:
            return command(core, args, printer)
    except KeyboardInterrupt:
        # The stream and the core were closed on the way out (their ``with`` blocks): the
        # connection is gone, so providers that support cancellation stop generating.
        printer.interrupted()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Whoever read stdout has gone (``| head``): stop quietly, as other command-line
        # tools do. Pointing stdout at devnull keeps the interpreter's last flush from failing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openrouter-core",
        description="Demo of openrouter-core: ask OpenRouter a question. Without "
        "OPENROUTER_API_KEY it answers offline from an embedded fake OpenRouter.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chat = commands.add_parser(
        "chat",
        help="send one question and print the answer",
        description="Send one question, stream the answer, then print model, provider, "
        "finish reason, tokens, cost and generation id.",
        epilog="Offline, a model named fake/<fault> (e.g. fake/error-429, "
        "fake/mid-stream-error, fake/truncate) makes the fake server fail on purpose.",
    )
    chat.add_argument("prompt", help="the question to ask")
    chat.add_argument("--model", default=DEFAULT_MODEL, help=f"model id (default {DEFAULT_MODEL})")
    chat.add_argument("--system", help="a system message sent before the question")
    chat.add_argument(
        "--no-stream", action="store_true", help="wait for the whole answer instead of streaming"
    )
    chat.add_argument(
        "--json", action="store_true", help="print one JSON object (the answer or the error)"
    )
    chat.add_argument(
        "--no-retries", action="store_true", help="make one attempt only (default: retry)"
    )
    chat.add_argument(
        "--timeout",
        type=_positive_seconds,
        metavar="SECONDS",
        help="give up when no content arrives for this long "
        "(default: 300 s for the first content, then 120 s between pieces)",
    )
    models = commands.add_parser(
        "models",
        help="list the models, with context length and prices",
        description="List the text models: id, context length, and prompt and completion "
        "price in dollars per million tokens.",
    )
    models.add_argument(
        "--supports",
        action="append",
        default=[],
        metavar="PARAMETER",
        help="only models that support this request parameter (tools, structured_outputs, "
        "reasoning, ...); repeat it or separate with commas to ask for several",
    )
    generation = commands.add_parser(
        "generation",
        help="show what one generation really cost",
        description="Show a generation's model, provider, tokens, cost and timings. Stats "
        "appear a few seconds after the generation ends; --wait keeps asking until then.",
        epilog=f"Offline, the fake server knows the generation {_FAKE_GENERATION}.",
    )
    generation.add_argument("id", help="the generation id (a chat answer's id)")
    generation.add_argument(
        "--wait",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="keep asking for up to this long while the stats are not ready (default 0)",
    )
    commands.add_parser(
        "key",
        help="show the API key's usage and limit",
        description="Show the calling key's label, usage (total, today, this week, this "
        "month), limit and what remains of it.",
    )
    for command in (models, generation, commands.choices["key"]):
        command.add_argument(
            "--json", action="store_true", help="print one JSON object (the answer or the error)"
        )
    return parser


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}")
    return seconds


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return seconds


@contextmanager
def _connect(printer: _Printer) -> Iterator[OpenRouterCore]:
    """A core for the real API when ``OPENROUTER_API_KEY`` is set, else for a fake server."""
    hooks = Hooks(before_request=[printer.retrying], after_error=[printer.attempt_failed])
    if os.environ.get("OPENROUTER_API_KEY"):
        with OpenRouterCore(app_title=APP_TITLE, hooks=hooks) as core:
            yield core
        return
    # Imported here: only the offline mode needs the server (and its threads).
    from openrouter_core.testing import FakeOpenRouter

    with (
        FakeOpenRouter() as server,
        OpenRouterCore(
            api_key=server.api_key, server_url=server.base_url, app_title=APP_TITLE, hooks=hooks
        ) as core,
    ):
        printer.note(
            f"OPENROUTER_API_KEY is not set: answering from the embedded fake OpenRouter "
            f"at {server.base_url}"
        )
        yield core


def _chat(core: OpenRouterCore, args: argparse.Namespace, printer: _Printer) -> int:
    messages: list[ChatMessages] = []
    if args.system:
        messages.append(ChatSystemMessage(content=args.system))
    messages.append(ChatUserMessage(content=args.prompt))
    request = ChatRequest(model=args.model, messages=messages)
    options = RequestOptions(
        retries=NO_RETRIES if args.no_retries else None,
        timeout=args.timeout,
        first_content_timeout=args.timeout,
        idle_timeout=args.timeout,
    )
    if args.no_stream:
        sent = chat_send(core, request, options)
        if isinstance(sent, Failure):
            return printer.failure(sent.failure())
        reply = sent.unwrap()
        printer.answer(reply, reply.id, streamed=False)
        return EXIT_OK
    started = chat_stream(core, request, options)
    if isinstance(started, Failure):
        return printer.failure(started.failure())
    return _follow(started.unwrap(), printer)


def _models(core: OpenRouterCore, args: argparse.Namespace, printer: _Printer) -> int:
    wanted = ",".join(name.strip() for text in args.supports for name in text.split(","))
    match models_list(core, supported_parameters=wanted or None):
        case Success(listing):
            printer.models([_model_row(model) for model in listing.data])
            return EXIT_OK
        case Failure(error):
            return printer.failure(error)


def _generation(core: OpenRouterCore, args: argparse.Namespace, printer: _Printer) -> int:
    match generations_get_generation(core, id=args.id, ready_timeout=args.wait):
        case Success(found):
            printer.facts(_generation_facts(found.data))
            return EXIT_OK
        case Failure(error):
            return printer.failure(error)


def _key(core: OpenRouterCore, _args: argparse.Namespace, printer: _Printer) -> int:
    match api_keys_get_current_key_metadata(core):
        case Success(found):
            printer.facts(_key_facts(found.data))
            return EXIT_OK
        case Failure(error):
            return printer.failure(error)


def _follow(stream: ChatStream, printer: _Printer) -> int:
    """Print the stream's content as it arrives, then the summary or the failure."""
    with stream:
        for item in stream:
            match item:
                case Success(ChatStreamChunk() as chunk):
                    printer.delta(chunk)
                case Failure(error):
                    return printer.failure(error)
        printer.answer(stream.collect(), stream.generation_id, streamed=True)
        return EXIT_OK


class _Printer:
    """Everything the CLI writes: human text, or one JSON object on stdout with ``--json``.

    Notes and errors go to stderr in human mode, so stdout holds only the answer.
    """

    def __init__(self, *, json_mode: bool, out: TextIO, err: TextIO) -> None:
        self.json_mode = json_mode
        self.out = out
        self.err = err
        self._line_open = False  # streamed text without a final newline yet
        self._last_error: OpenRouterError | None = None

    def note(self, text: str) -> None:
        print(text, file=self.err, flush=True)

    def attempt_failed(
        self, _context: HookContext, _response: httpx.Response | None, error: OpenRouterError
    ) -> None:
        """The ``after_error`` hook: remember why the attempt failed, in case a retry follows."""
        self._last_error = error

    def retrying(self, context: HookContext, _request: httpx.Request) -> None:
        """The ``before_request`` hook: say why a retry happens (the last failure is reported
        once, by ``failure``), so a slow answer does not look like a hang."""
        if context.attempt > 1 and not self.json_mode:
            self.note(f"attempt {context.attempt - 1} failed, retrying: {self._last_error}")

    def delta(self, chunk: ChatStreamChunk) -> None:
        if self.json_mode:
            return
        for choice in chunk.choices:
            if choice.delta.content:
                # Marked before writing: a Ctrl-C right after the write still ends the line.
                self._line_open = not choice.delta.content.endswith("\n")
                self.out.write(choice.delta.content)
                self.out.flush()

    def answer(self, reply: ChatResult, generation_id: str | None, *, streamed: bool) -> None:
        summary = _summary(reply, generation_id)
        if self.json_mode:
            print(json.dumps(summary, ensure_ascii=False), file=self.out, flush=True)
            return
        if not streamed:
            self._line_open = not summary["content"].endswith("\n")
            self.out.write(summary["content"])
        self._end_line()
        usage = "n/a"
        if summary["total_tokens"] is not None:
            usage = (
                f"{summary['prompt_tokens']} prompt + {summary['completion_tokens']} completion"
                f" = {summary['total_tokens']} total"
            )
        cost = summary["cost"]
        rows = [
            ("model", summary["model"]),
            ("provider", summary["provider"]),
            ("finish reason", summary["finish_reason"]),
            ("tokens", usage),
            ("cost", "n/a" if cost is None else f"${cost:.10f}".rstrip("0").rstrip(".")),
            ("generation id", summary["generation_id"]),
        ]
        print(file=self.out)
        for label, value in rows:
            print(f"{label + ':':<15}{'n/a' if value is None else value}", file=self.out)
        self.out.flush()

    def models(self, rows: list[dict[str, Any]]) -> None:
        """The model table: id, context length, prompt and completion $ per million tokens."""
        if self.json_mode:
            print(json.dumps({"models": rows}, ensure_ascii=False), file=self.out, flush=True)
            return
        header = ("model", "context", "prompt $/M", "completion $/M")
        cells = [
            (
                row["id"],
                _count(row["context_length"]),
                _money(row["prompt_per_million"]),
                _money(row["completion_per_million"]),
            )
            for row in rows
        ]
        widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]
        for line in [header, *cells]:
            first, *numbers = line
            aligned = [f"{first:<{widths[0]}}"]
            aligned += [f"{cell:>{width}}" for cell, width in zip(numbers, widths[1:], strict=True)]
            print("  ".join(aligned), file=self.out)
        self.out.flush()

    def facts(self, facts: dict[str, Any]) -> None:
        """One ``label: value`` line per fact, or the facts as one JSON object."""
        if self.json_mode:
            print(json.dumps(facts, ensure_ascii=False), file=self.out, flush=True)
            return
        width = max(len(label) for label in facts) + 2
        for label, value in facts.items():
            shown = "n/a" if value is None else _shown(value)
            print(f"{label.replace('_', ' ') + ':':<{width}}{shown}", file=self.out)
        self.out.flush()

    def failure(self, error: OpenRouterError) -> int:
        """Report a failed call or stream; returns the exit code."""
        details = {name: getattr(error, name) for name in _ERROR_FIELDS if hasattr(error, name)}
        if self.json_mode:
            body = {"type": type(error).__name__, "message": error.description, **details}
            body["attempts"] = error.attempts
            print(json.dumps({"error": body}, ensure_ascii=False), file=self.out, flush=True)
            return EXIT_FAILED
        self._end_line()
        facts = []  # str(error) names the class already
        if details.get("status_code") is not None:
            facts.append(f"status {details['status_code']}")
        if error.attempts > 1:
            facts.append(f"after {error.attempts} attempts")
        if details.get("retry_after") is not None:
            facts.append(f"retry after {details['retry_after']:g} s")
        if details.get("generation_id"):
            facts.append(f"generation id {details['generation_id']}")
        self.note(f"error: {error}" + (f"\n       ({', '.join(facts)})" if facts else ""))
        return EXIT_FAILED

    def interrupted(self) -> None:
        self._end_line()
        self.note("interrupted: the request was cancelled and its connection closed")

    def _end_line(self) -> None:
        if self._line_open:
            self.out.write("\n")
            self.out.flush()
            self._line_open = False


def _summary(reply: ChatResult, generation_id: str | None) -> dict[str, Any]:
    """The answer and its facts, as the flat object ``--json`` prints."""
    choice = reply.choices[0] if reply.choices else None
    usage = reply.usage
    return {
        "content": _text(choice.message.content) if choice else "",
        "model": reply.model,
        "provider": reply.provider,
        "finish_reason": choice.finish_reason if choice else None,
        "prompt_tokens": usage.prompt_tokens if usage else None,
        "completion_tokens": usage.completion_tokens if usage else None,
        "total_tokens": usage.total_tokens if usage else None,
        "cost": usage.cost if usage else None,
        "generation_id": generation_id,
    }


def _per_million(price: str) -> float | None:
    """A per-token price string as dollars per million tokens; None when it is not a price
    (``"-1"``: the router's price depends on the model it picks)."""
    try:
        value = float(price) * _PER_MILLION
    except ValueError:
        return None
    return round(value, 6) if value >= 0 else None


def _model_row(model: Model) -> dict[str, Any]:
    return {
        "id": model.id,
        "name": model.name,
        "context_length": model.context_length,
        "prompt_per_million": _per_million(model.pricing.prompt),
        "completion_per_million": _per_million(model.pricing.completion),
        "supported_parameters": list(model.supported_parameters),
    }


def _generation_facts(data: GenerationData) -> dict[str, Any]:
    return {
        "id": data.id,
        "model": data.model,
        "provider": data.provider_name,
        "created_at": data.created_at,
        "streamed": data.streamed,
        "finish_reason": data.finish_reason,
        "prompt_tokens": data.tokens_prompt,
        "completion_tokens": data.tokens_completion,
        "reasoning_tokens": data.native_tokens_reasoning,
        "total_cost": data.total_cost,
        "latency_ms": data.latency,
        "generation_time_ms": data.generation_time,
    }


def _key_facts(data: GetCurrentKeyData) -> dict[str, Any]:
    return {
        "label": data.label,
        "usage": data.usage,
        "usage_today": data.usage_daily,
        "usage_this_week": data.usage_weekly,
        "usage_this_month": data.usage_monthly,
        "limit": data.limit,
        "limit_remaining": data.limit_remaining,
        "limit_reset": data.limit_reset,
        "free_tier": data.is_free_tier,
        "management_key": data.is_management_key,
        "expires_at": data.expires_at,
    }


def _shown(value: object) -> str:
    """A fact as a person reads it: money-like floats in full, booleans as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.10f}".rstrip("0").rstrip(".") or "0"
    return str(value)


def _count(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}"


def _money(value: float | None) -> str:
    """Dollars with at least two decimals and at most four: ``0.15``, ``0.60``, ``0.075``."""
    if value is None:
        return "varies"
    whole, _, cents = f"{value:.4f}".rstrip("0").partition(".")
    return f"{whole}.{cents:0<2}"


_COMMANDS: dict[str, Callable[[OpenRouterCore, argparse.Namespace, _Printer], int]] = {
    "chat": _chat,
    "models": _models,
    "generation": _generation,
    "key": _key,
}


def _text(content: object) -> str:
    """The text of a message's content: a string, or the text parts of a list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.text for part in content if isinstance(part, ChatContentText))
    return ""
