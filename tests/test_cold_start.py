"""What a first request loads: a fresh process pays only for the modules it uses.

Cold start is a promise of the package layout (``make bench``, section ``cold process``,
times it); these tests pin the part of it that is deterministic, in a fresh interpreter.
"""

import json
import subprocess
import sys

import pytest

from openrouter_core import errors
from openrouter_core.testing import FakeOpenRouter

_PLAIN_CHAT_SEND = """\
import json, sys
from openrouter_core import OpenRouterCore, Success
from openrouter_core.funcs import chat_send
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage

request = ChatRequest(
    model="openai/gpt-4o-mini",
    messages=[ChatSystemMessage(content="Be brief."), ChatUserMessage(content="Capital?")],
)
with OpenRouterCore(api_key=sys.argv[2], server_url=sys.argv[1]) as core:
    assert isinstance(chat_send(core, request), Success)
print(json.dumps(sorted(sys.modules)))
"""

# Everything a plain chat_send needs of ours, and nothing else: no other operation, no
# streaming, structured output or tool-loop code, no model module its data does not touch,
# no error class (a reply makes no error value).
PLAIN_CHAT_SEND_MODULES = [
    "openrouter_core",
    "openrouter_core._chat",
    "openrouter_core._checks",
    "openrouter_core._clients",
    "openrouter_core._clocks",
    "openrouter_core._converter",
    "openrouter_core._core",
    "openrouter_core._deadline",
    "openrouter_core._delivery",
    "openrouter_core._http",
    "openrouter_core._operation",
    "openrouter_core._plan",
    "openrouter_core._results",
    "openrouter_core._retries",
    "openrouter_core._send",
    "openrouter_core._sequences",
    "openrouter_core._text",
    "openrouter_core._values",
    "openrouter_core._version",
    "openrouter_core.funcs",
    "openrouter_core.funcs._chat_send",
    "openrouter_core.models",
    "openrouter_core.models._messages",
    "openrouter_core.models._request",
    "openrouter_core.models._response",
    "openrouter_core.models._usage",
]


def _modules_of_a_plain_chat_send(fake: FakeOpenRouter) -> list[str]:
    return _modules_after(_PLAIN_CHAT_SEND, fake)


def _modules_after(script: str, fake: FakeOpenRouter) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", script, fake.base_url, fake.api_key or ""],
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(out.stdout)
    return modules


def test_a_plain_chat_send_loads_only_what_it_uses(fake_openrouter: FakeOpenRouter) -> None:
    """Our modules are exactly the pinned list; of the libraries, httpx, attrs and returns
    (cattrs only explains failures), and none of the standard library's that only a failure
    or an option needs (``html`` for an HTML error page, ``importlib.util`` for SOCKS)."""
    modules = _modules_of_a_plain_chat_send(fake_openrouter)
    assert [m for m in modules if m.split(".")[0] == "openrouter_core"] == (PLAIN_CHAT_SEND_MODULES)
    tops = {m.split(".")[0] for m in modules}
    assert {"httpx", "attrs", "returns"} <= tops
    assert not {"cattrs", "html", "importlib.util"} & set(modules)


_COUNTING_COMPILES = """\
import builtins

compiled = []
_compile = builtins.compile


def compile(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return _compile(source, filename, *args, **kwargs)


builtins.compile = compile
"""


@pytest.mark.parametrize("script", ["chat_send", "chat_stream"])
def test_a_first_request_compiles_no_converter_hook(
    script: str, fake_openrouter: FakeOpenRouter
) -> None:
    """The converter's hooks interpret their first uses: a one-request process (a plain
    ``chat_send``, or a short ``chat_stream``) compiles none of their generated functions
    (each costs 0.2-2 ms to compile)."""
    body = _PLAIN_CHAT_SEND if script == "chat_send" else _PLAIN_CHAT_STREAM
    program = _COUNTING_COMPILES + body.replace("sorted(sys.modules)", "compiled")
    compiled = _modules_after(program, fake_openrouter)
    assert compiled  # the counting works: typing and attrs compile their own code
    assert not [name for name in compiled if name.startswith(("<structure ", "<unstructure "))]


_PLAIN_CHAT_STREAM = """\
import json, sys
from openrouter_core import OpenRouterCore
from openrouter_core.funcs import chat_stream
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage

request = ChatRequest(
    model="openai/gpt-4o-mini",
    messages=[ChatSystemMessage(content="Be brief."), ChatUserMessage(content="Capital?")],
)
with OpenRouterCore(api_key=sys.argv[2], server_url=sys.argv[1]) as core:
    with chat_stream(core, request).unwrap() as stream:
        chunks = [item.unwrap() for item in stream]
assert "".join(c.text or "" for c in chunks) == "You said: Capital?"
assert chunks[-1].usage is not None and chunks[-1].usage.prompt_tokens_details is not None
print(json.dumps(sorted(sys.modules)))
"""

# The model modules a plain request and its text answer touch, and what each holds: a
# module creates all its classes when it loads (about 0.3 ms each), so the rarer message
# roles, the operation wrapper, the assistant message's parts, tool-call deltas and
# server-tool usage live elsewhere (tools/gen_models.py, MODULES).
PLAIN_SEND_MODEL_MODULES = ["_messages", "_request", "_response", "_usage"]
PLAIN_STREAM_MODEL_MODULES = ["_messages", "_request", "_stream", "_usage"]


def _model_modules(modules: list[str]) -> list[str]:
    prefix = "openrouter_core.models."
    return [m.removeprefix(prefix) for m in modules if m.startswith(prefix)]


def test_a_plain_chat_send_loads_only_the_model_modules_it_uses(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """System and user messages, the result, its choice and assistant message, and the
    usage: 10 classes in 4 modules."""
    modules = _modules_of_a_plain_chat_send(fake_openrouter)
    assert PLAIN_SEND_MODEL_MODULES == _model_modules(modules)


def test_a_plain_chat_stream_loads_only_the_model_modules_it_uses(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """A text stream read to its usage chunk (not collected): the chunk, choice and delta
    classes instead of the result's, and none of tool calls, reasoning or metadata."""
    modules = _modules_after(_PLAIN_CHAT_STREAM, fake_openrouter)
    assert PLAIN_STREAM_MODEL_MODULES == _model_modules(modules)


def _run(script: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert 0 == out.returncode, out.stderr
    return out.stdout


_ERROR_MODULES = {"openrouter_core.errors", "openrouter_core.errors._classes"}

_REPLIES = """\
import asyncio, json, sys
from openrouter_core import OpenRouterCore, Success
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.models import ChatRequest, ChatUserMessage

request = ChatRequest(model="openai/gpt-4o-mini", messages=[ChatUserMessage(content="Capital?")])
url, key, mode = sys.argv[1:]

def sync():
    with OpenRouterCore(api_key=key, server_url=url) as core:
        reply = chat_send(core, request)
        started = chat_stream(core, request)
        assert isinstance(started, Success), started
        with started.unwrap() as stream:
            items = list(stream)
    return reply, items, stream.outcome

async def asynchronous():
    async with OpenRouterCore(api_key=key, server_url=url) as core:
        reply = await chat_send_async(core, request)
        started = await chat_stream_async(core, request)
        assert isinstance(started, Success), started
        async with started.unwrap() as stream:
            items = [item async for item in stream]
    return reply, items, stream.outcome

reply, items, outcome = sync() if mode == "sync" else asyncio.run(asynchronous())
assert isinstance(reply, Success), reply
assert items and all(isinstance(item, Success) for item in items), items
assert "completed" == outcome
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_replies_create_no_error_class(fake_openrouter: FakeOpenRouter, mode: str) -> None:
    """A chat_send and a chat_stream that succeed, in a fresh process, never load the error
    classes (each an attrs class, compiled when created): nothing on their way needs one."""
    out = _run(_REPLIES, fake_openrouter.base_url, fake_openrouter.api_key or "", mode)
    assert "openrouter_core._stream" in json.loads(out)  # the stream did run
    assert not _ERROR_MODULES & set(json.loads(out))


def test_importing_the_package_creates_no_error_class() -> None:
    script = (
        "import json, sys, openrouter_core, openrouter_core.funcs, openrouter_core.models; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    assert not _ERROR_MODULES & set(json.loads(_run(script)))


_FAILURES = """\
import asyncio, json, sys
from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.models import ChatRequest, ChatUserMessage

url, key, mode, model, how = sys.argv[1:]
request = ChatRequest(model=model, messages=[ChatUserMessage(content="Capital?")])
options = RequestOptions(retries=NO_RETRIES)
if how == "unreachable":
    url = "http://127.0.0.1:9/api/v1"  # the discard port: nothing listens

def sync():
    with OpenRouterCore(api_key=key, server_url=url) as core:
        if how != "stream":
            return chat_send(core, request, options).failure()
        with chat_stream(core, request, options).unwrap() as stream:
            return list(stream)[-1].failure()

async def asynchronous():
    async with OpenRouterCore(api_key=key, server_url=url) as core:
        if how != "stream":
            return (await chat_send_async(core, request, options)).failure()
        async with (await chat_stream_async(core, request, options)).unwrap() as stream:
            return [item async for item in stream][-1].failure()

error = sync() if mode == "sync" else asyncio.run(asynchronous())
import openrouter_core.errors as errors
classes = [getattr(errors, name) for name in errors.__all__]
classes = [c for c in classes if isinstance(c, type)]  # not the unions
print(json.dumps([type(error).__name__, [c.__name__ for c in classes if isinstance(error, c)]]))
"""

_ANSWERS = [
    ("fake/error-400", "send", "BadRequestResponseError"),
    ("fake/error-404", "send", "NotFoundResponseError"),
    ("fake/error-429", "send", "TooManyRequestsResponseError"),
    ("fake/error-503", "send", "ServiceUnavailableResponseError"),
    ("fake/error-504", "send", "OpenRouterDefaultError"),
    ("fake/error-529", "send", "ProviderOverloadedResponseError"),
    ("fake/non-json-200", "send", "ResponseValidationError"),
    ("fake/error-in-body", "send", "GenerationError"),
    ("openai/gpt-4o-mini", "unreachable", "ConnectionFailedError"),
    ("fake/mid-stream-error", "stream", "GenerationError"),
    ("fake/truncate", "stream", "StreamTruncatedError"),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("model", "how", "expected"), _ANSWERS)
def test_a_failure_in_a_fresh_process_answers_its_class(
    fake_openrouter: FakeOpenRouter, mode: str, model: str, how: str, expected: str
) -> None:
    """The first failure of a process loads the error classes it needs (the status table,
    the union of the operation): the value is of the expected public class, and of its
    ancestors, which the public names match with ``isinstance``."""
    out = _run(_FAILURES, fake_openrouter.base_url, fake_openrouter.api_key or "", mode, model, how)
    name, matches = json.loads(out)
    cls = getattr(errors, expected)
    assert expected == name
    assert sorted(c.__name__ for c in cls.__mro__ if c.__name__ in errors.__all__) == sorted(
        matches
    )


_HELPERS = """\
import asyncio, dataclasses, json, sys
from openrouter_core import OpenRouterCore, Success
from openrouter_core.funcs import (
    chat_parse, chat_parse_async, chat_run_tools, chat_run_tools_async,
)
from openrouter_core.models import ChatRequest, ChatUserMessage

@dataclasses.dataclass
class City:
    name: str
    population: int

def lookup(city: str) -> dict[str, int]:
    "The population of a city."
    return {"population": 2_100_000}

request = ChatRequest(model="openai/gpt-4o-mini", messages=[ChatUserMessage(content="Paris?")])
url, key, mode = sys.argv[1:]

def sync():
    with OpenRouterCore(api_key=key, server_url=url) as core:
        return chat_parse(core, request, City), chat_run_tools(core, request, [lookup])

async def asynchronous():
    async with OpenRouterCore(api_key=key, server_url=url) as core:
        parsed = await chat_parse_async(core, request, City)
        return parsed, await chat_run_tools_async(core, request, [lookup])

parsed, run = sync() if mode == "sync" else asyncio.run(asynchronous())
assert isinstance(parsed, Success) and City("Paris?", 1) == parsed.unwrap().value, parsed
assert isinstance(run, Success) and 1 == len(run.unwrap().calls), run
assert "2100000" in run.unwrap().calls[0].output, run
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_structured_output_and_tools_create_no_error_class(
    fake_openrouter: FakeOpenRouter, mode: str
) -> None:
    """A chat_parse that fits and a chat_run_tools whose tool returns a dict (serialised by
    the converter) make no error value, and load no error class either."""
    out = _run(_HELPERS, fake_openrouter.base_url, fake_openrouter.api_key or "", mode)
    assert "openrouter_core._tool_loop" in json.loads(out)  # the tool loop did run
    assert not _ERROR_MODULES & set(json.loads(out))


SETTINGS_CLASSES = {
    "BackoffStrategy",
    "HookContext",
    "Hooks",
    "RequestOptions",
    "RetryConfig",
    "Runtime",
}
"""The attrs classes a caller configures a core or a call with (and hooks are told)."""

_MADE = """\
import attrs, sys
made = sorted(
    name
    for module in list(sys.modules.values())
    if getattr(module, "__name__", "").startswith("openrouter_core")
    for name, value in vars(module).items()
    if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__
)
"""
"""Sets ``made``: the attrs classes of ours created so far."""

_DEFAULT_CALL = """\
import asyncio, json, sys
from openrouter_core import OpenRouterCore
from openrouter_core.funcs import chat_send, chat_send_async
from openrouter_core.models import ChatRequest, ChatUserMessage

request = ChatRequest(model="openai/gpt-4o-mini", messages=[ChatUserMessage(content="Hi")])
if sys.argv[3] == "sync":
    with OpenRouterCore(api_key=sys.argv[2], server_url=sys.argv[1]) as core:
        outcome = chat_send(core, request)
else:
    async def main():
        async with OpenRouterCore(api_key=sys.argv[2], server_url=sys.argv[1]) as core:
            return await chat_send_async(core, request)
    outcome = asyncio.run(main())
"""


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_call_with_the_defaults_creates_no_settings_class(
    mode: str, fake_openrouter: FakeOpenRouter
) -> None:
    """A core made with no retry config, hooks or runtime, and a call given no options,
    read none of the settings classes: attrs creates a class (compiling its ``__init__``)
    only when a caller makes, passes or reads one, or an attempt fails and the retry
    policy needs its defaults."""
    shown = "print(json.dumps([type(outcome).__name__, made, sorted(sys.modules)]))"
    argv = [sys.executable, "-c", _DEFAULT_CALL + _MADE + shown, fake_openrouter.base_url]
    out = subprocess.run(
        [*argv, fake_openrouter.api_key or "", mode], capture_output=True, text=True, check=True
    )
    outcome, made, modules = json.loads(out.stdout)
    assert outcome == "Success"
    assert "ChatRequest" in made  # the check sees the classes a call does create
    assert SETTINGS_CLASSES & set(made) == set()
    homes = {f"openrouter_core.{name}" for name in ("_retry_config", "_runtime", "_options")}
    assert homes & set(modules) == set()


@pytest.mark.parametrize(
    ("name", "use", "settings"),
    [
        ("RetryConfig", "RetryConfig()", {"BackoffStrategy", "RetryConfig"}),
        ("NO_RETRIES", "NO_RETRIES", {"BackoffStrategy", "RetryConfig"}),
        ("Runtime", "Runtime()", {"Runtime"}),
        (
            "RequestOptions",
            "RequestOptions(timeout=1.0)",
            {"HookContext", "Hooks", "RequestOptions"},
        ),
        ("Hooks", "Hooks()", {"HookContext", "Hooks", "RequestOptions"}),
        (
            "OpenRouterCore",
            "OpenRouterCore(api_key='k').hooks",
            {"HookContext", "Hooks", "RequestOptions"},
        ),
        (
            "OpenRouterCore",
            "OpenRouterCore(api_key='k').retry_config",
            {"BackoffStrategy", "RetryConfig"},
        ),
        ("OpenRouterCore", "OpenRouterCore(api_key='k').runtime", {"Runtime"}),
    ],
)
def test_a_settings_class_is_created_by_its_own_use(
    name: str, use: str, settings: set[str]
) -> None:
    """Making or reading one creates the classes of its module, not the other settings'."""
    code = f"from openrouter_core import {name}\n{use}\n{_MADE}print(' '.join(made))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert SETTINGS_CLASSES & set(out.stdout.split()) == settings
