"""What a first request loads: a fresh process pays only for the modules it uses.

Cold start is a promise of the package layout (``make bench``, section ``cold process``,
times it); these tests pin the part of it that is deterministic, in a fresh interpreter.
"""

import json
import subprocess
import sys

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
    "openrouter_core._clients",
    "openrouter_core._converter",
    "openrouter_core._core",
    "openrouter_core._deadline",
    "openrouter_core._delivery",
    "openrouter_core._http",
    "openrouter_core._operation",
    "openrouter_core._options",
    "openrouter_core._plan",
    "openrouter_core._results",
    "openrouter_core._retries",
    "openrouter_core._runtime",
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
