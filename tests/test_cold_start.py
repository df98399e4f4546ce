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


_COUNTING_COMPILES = """\
import builtins

compiled = []
_compile = builtins.compile


def compile(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return _compile(source, filename, *args, **kwargs)


builtins.compile = compile
"""


def test_a_plain_chat_send_compiles_no_converter_hook(fake_openrouter: FakeOpenRouter) -> None:
    """The converter's hooks interpret their first uses: a one-request process compiles
    none of its generated functions (each cost 0.2-2 ms to compile)."""
    program = _COUNTING_COMPILES + _PLAIN_CHAT_SEND.replace("sorted(sys.modules)", "compiled")
    out = subprocess.run(
        [sys.executable, "-c", program, fake_openrouter.base_url, fake_openrouter.api_key or ""],
        capture_output=True,
        text=True,
        check=True,
    )
    compiled: list[str] = json.loads(out.stdout)
    assert compiled  # the counting works: typing and attrs compile their own code
    assert not [name for name in compiled if name.startswith(("<structure ", "<unstructure "))]
