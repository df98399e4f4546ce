"""Cold start, in fresh interpreters: the import, and a whole one-request process.

Each child runs in a new ``python`` process (the project's venv interpreter); ours and the
floor alternate, and the figure is the median of the runs. The import is timed inside the
child (interpreter start-up is the same for both); the one-request process is timed whole,
from the parent, since that is what a CLI user waits for.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter

import attrs

from bench._table import Row, interleaved, median, ratio_row

DEPS = "import httpx, attrs, cattrs.preconf.json, returns.result"
OURS = DEPS + "; import openrouter_core, openrouter_core.funcs"

_TIMED_IMPORT = """\
import time
start = time.perf_counter()
{imports}
print(time.perf_counter() - start)
"""

_MODULES_ADDED = f"""\
import json, sys
{DEPS}
before = set(sys.modules)
{OURS}
print(json.dumps(sorted(set(sys.modules) - before)))
"""

OURS_PROCESS = """\
import json, sys
from openrouter_core import OpenRouterCore, Success
from openrouter_core.funcs import chat_send
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage

request = ChatRequest(
    model="openai/gpt-4o-mini",
    messages=[
        ChatSystemMessage(content="You are a helpful assistant."),
        ChatUserMessage(content="What is the capital of France?"),
    ],
)
with OpenRouterCore(api_key="sk-bench", server_url=sys.argv[1]) as core:
    result = chat_send(core, request)
assert isinstance(result, Success), result
assert "Paris" in result.unwrap().choices[0].message.content
if len(sys.argv) > 2:
    print(json.dumps(sorted(sys.modules)))
"""

FLOOR_PROCESS = """\
import json, sys
import httpx

body = {
    "model": "openai/gpt-4o-mini",
    "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "What is the capital of France?"},
    ],
}
with httpx.Client() as client:
    response = client.post(
        sys.argv[1] + "/chat/completions",
        content=json.dumps(body, separators=(",", ":")).encode(),
        headers={"Authorization": "Bearer sk-bench", "Content-Type": "application/json"},
    )
    value = json.loads(response.content)
assert "Paris" in value["choices"][0]["message"]["content"]
if len(sys.argv) > 2:
    print(json.dumps(sorted(sys.modules)))
"""

_IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


# A user's interpreter caches bytecode; this environment may forbid it, which would time
# the compiler instead of the import (the editable install has no .pyc files of its own).
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _run(code: str, *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env=_ENV,
    )


def _import_seconds(imports: str) -> float:
    return float(_run(_TIMED_IMPORT.format(imports=imports)).stdout)


def _group(modules: list[str]) -> dict[str, int]:
    """Module counts by top-level package, largest first."""
    counts = Counter(name.split(".")[0] for name in modules)
    return dict(counts.most_common())


def _self_times_ms(modules: set[str]) -> dict[str, float]:
    """Self import time (ms) of ``modules`` in one ``-X importtime`` run of OURS, slowest first."""
    stderr = _run(OURS, importtime=True).stderr
    times = {
        match.group(4): int(match.group(1)) / 1000
        for match in map(_IMPORTTIME.match, stderr.splitlines())
        if match and match.group(4) in modules
    }
    return dict(sorted(times.items(), key=lambda item: -item[1]))


def import_rows(runs: int) -> list[Row]:
    """(1a) ``import openrouter_core, openrouter_core.funcs`` against its dependencies alone."""
    _import_seconds(OURS)  # compile bytecode and warm the file cache for both
    ours: list[float] = []
    floor: list[float] = []
    # The children time their own imports; the parent's clock would add start-up.
    interleaved(
        {
            "ours": lambda: ours.append(_import_seconds(OURS)),
            "floor": lambda: floor.append(_import_seconds(DEPS)),
        },
        runs,
    )
    added = json.loads(_run(_MODULES_ADDED).stdout)
    ours_ms, floor_ms = median(ours) * 1000, median(floor) * 1000
    row = ratio_row(
        "import",
        "(1a) import openrouter_core+funcs vs deps",
        ours_ms,
        floor_ms,
        "ms",
        details={
            "runs": runs,
            "ours_ms": [t * 1000 for t in ours],
            "floor_ms": [t * 1000 for t in floor],
            "added_ms": ours_ms - floor_ms,
            "modules_added": added,
            "modules_added_by_package": _group(added),
            "self_ms_of_added_modules": _self_times_ms(set(added)),
        },
    )
    return [attrs.evolve(row, target="adds <= 30 ms", met=ours_ms - floor_ms <= 30.0)]


def process_rows(runs: int, fake_url: str) -> list[Row]:
    """(1b) import + core + one ``chat_send`` Success, against httpx + json.loads."""
    _run(OURS_PROCESS, fake_url)
    _run(FLOOR_PROCESS, fake_url)
    times = interleaved(
        {
            "ours": lambda: _run(OURS_PROCESS, fake_url),
            "floor": lambda: _run(FLOOR_PROCESS, fake_url),
        },
        runs,
    )
    ours_modules = set(json.loads(_run(OURS_PROCESS, fake_url, "modules").stdout))
    floor_modules = set(json.loads(_run(FLOOR_PROCESS, fake_url, "modules").stdout))
    added = sorted(ours_modules - floor_modules)
    return [
        ratio_row(
            "process",
            "(1b) process: import+core+1 chat_send",
            median(times["ours"]) * 1000,
            median(times["floor"]) * 1000,
            "ms",
            max_ratio=1.4,  # issue 16
            details={
                "runs": runs,
                "ours_ms": [t * 1000 for t in times["ours"]],
                "floor_ms": [t * 1000 for t in times["floor"]],
                "modules_ours": len(ours_modules),
                "modules_floor": len(floor_modules),
                "modules_added": added,
                "modules_added_by_package": _group(added),
            },
        )
    ]
