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
from typing import NamedTuple

import httpx

from bench import _coldstart, _decode_cost, _requests, _streams
from bench._clients import optional_clients
from bench._server import running
from bench._table import Row, render, write_json
from openrouter_core import __version__

RESULTS = Path(__file__).with_name("results.json")


class Setting(NamedTuple):
    """What every section needs: the loopback server, the round counts, the extra clients."""

    port: int
    fake_url: str
    quick: bool
    others: list[str]

    def rounds(self, quick: int, full: int) -> int:
        return quick if self.quick else full


SECTIONS: dict[str, Callable[[Setting], list[Row]]] = {
    "cold import": lambda s: _coldstart.import_rows(s.rounds(5, 21)),
    "cold process": lambda s: _coldstart.process_rows(s.rounds(5, 15), s.fake_url),
    "latency": lambda s: _requests.latency_rows(s.port, s.rounds(200, 1500), s.others),
    "stream": lambda s: _streams.throughput_rows(s.port, s.rounds(2, 7), s.others),
    "pure sse": lambda s: _decode_cost.pure_sse_rows(s.rounds(3, 7)),
    "memory": lambda s: _streams.memory_rows(s.port, s.rounds(1, 2)),
    "concurrency": lambda s: _requests.concurrency_rows(s.port, s.rounds(4, 25), s.others),
    "decode": lambda s: _decode_cost.decode_rows(s.rounds(5, 15)),
}


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
    parser.add_argument(
        "--only",
        action="append",
        choices=list(SECTIONS),
        metavar="SECTION",
        help="run only this section (repeatable; results.json then holds only these rows): "
        + ", ".join(SECTIONS),
    )
    args = parser.parse_args()
    quick: bool = args.quick
    only: list[str] | None = args.only
    others = optional_clients()
    started = time.perf_counter()
    rows: list[Row] = []
    with running() as (port, fake_url):
        for name, section in SECTIONS.items():
            if only and name not in only:
                continue
            print(f"... {name}", file=sys.stderr, flush=True)
            rows += section(Setting(port, fake_url, quick, others))
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
