"""What a first request loads: a fresh process pays only for the modules it uses.

Cold start is a promise of the package layout (``make bench``, section ``cold process``,
times it); these tests pin the part of it that is deterministic, in a fresh interpreter.
"""

import json
import subprocess
import sys

import pytest

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
# streaming, structured output or tool-loop code, no model module its data does not touch.
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
    "openrouter_core.errors",
    "openrouter_core.errors._classes",
    "openrouter_core.funcs",
    "openrouter_core.funcs._chat_send",
    "openrouter_core.models",
    "openrouter_core.models._messages",
    "openrouter_core.models._request",
    "openrouter_core.models._response",
    "openrouter_core.models._usage",
]


def _modules_of_a_plain_chat_send(fake: FakeOpenRouter) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _PLAIN_CHAT_SEND, fake.base_url, fake.api_key or ""],
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
