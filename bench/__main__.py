"""Run every benchmark of issue 8 and print one table: ``python -m bench`` (``make bench``).

Each figure is compared with a floor measured in the same run (plain httpx + ``json.loads``,
plus a hand-written SSE split for streams) against the same loopback server, which runs in
its own process and answers from prebuilt bytes (``bench._server``). The machines are small
and noisy, so clients alternate within every round and figures are medians. The table goes
to standard output and every sample to ``bench/results.json``. ``--quick`` runs fewer
rounds (for trying the suite out, not for figures).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from bench import _coldstart, _decode_cost, _requests, _streams
from bench._clients import optional_clients
from bench._server import running
from bench._table import Row, render, write_json
from openrouter_core import __version__

RESULTS = Path(__file__).with_name("results.json")


def _notes(rows: list[Row]) -> list[str]:
    """What the table cannot show: where the import time goes and which modules come along."""
    notes = []
    by_key = {row.key: row for row in rows}
    if (row := by_key.get("import")) is not None:
        slow = ", ".join(
            f"{name} {ms:.1f}"
            for name, ms in list(row.details["self_ms_of_added_modules"].items())[:6]
        )
        packages = ", ".join(f"{k} {v}" for k, v in row.details["modules_added_by_package"].items())
        notes.append(
            f"(1a) ours adds {row.details['added_ms']:.1f} ms and "
            f"{len(row.details['modules_added'])} modules ({packages}); "
            f"slowest (self ms, one -X importtime run): {slow}"
        )
    if (row := by_key.get("process")) is not None:
        packages = ", ".join(f"{k} {v}" for k, v in row.details["modules_added_by_package"].items())
        notes.append(
            f"(1b) ours ends with {row.details['modules_ours']} modules loaded, the floor with "
            f"{row.details['modules_floor']}; ours adds {packages}"
        )
    return notes


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few rounds: a smoke run")
    args = parser.parse_args()
    quick: bool = args.quick
    others = optional_clients()
    started = time.perf_counter()
    rows: list[Row] = []
    with running() as (port, fake_url):
        sections: list[tuple[str, Callable[[], list[Row]]]] = [
            ("cold import", lambda: _coldstart.import_rows(5 if quick else 21)),
            ("cold process", lambda: _coldstart.process_rows(5 if quick else 15, fake_url)),
            ("latency", lambda: _requests.latency_rows(port, 200 if quick else 1500, others)),
            ("stream", lambda: _streams.throughput_rows(port, 2 if quick else 7, others)),
            ("pure sse", lambda: _decode_cost.pure_sse_rows(3 if quick else 7)),
            ("memory", lambda: _streams.memory_rows(port, 1 if quick else 2)),
            ("concurrency", lambda: _requests.concurrency_rows(port, 4 if quick else 25, others)),
            ("decode", lambda: _decode_cost.decode_rows(5 if quick else 15)),
        ]
        for name, section in sections:
            print(f"... {name}", file=sys.stderr, flush=True)
            rows += section()
    elapsed = time.perf_counter() - started
    print(render(rows))
    for note in _notes(rows):
        print(note)
    met = [row for row in rows if row.met is not None]
    print(
        f"{sum(bool(row.met) for row in met)}/{len(met)} targets met; ran in {elapsed:.0f} s; "
        f"every sample in {RESULTS}"
    )
    write_json(
        RESULTS,
        rows,
        {
            "openrouter_core": __version__,
            "python": platform.python_version(),
            "httpx": httpx.__version__,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "quick": quick,
            "seconds": elapsed,
            "extra_clients": others,
        },
    )


if __name__ == "__main__":
    main()
