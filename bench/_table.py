"""Rows of the one results table, the statistics behind them, and their two renderings."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Figure:
    """One measured value with its unit; ``higher_is_better`` orients the ratio's target."""

    value: float
    unit: str

    def text(self) -> str:
        """The value as the table shows it."""
        if self.unit == "x":
            return f"{self.value:.2f}x"
        if self.value >= 100 or self.unit in ("chunks/s", "modules"):
            return f"{self.value:,.0f} {self.unit}"
        return f"{self.value:.3g} {self.unit}"


@attrs.frozen(kw_only=True)
class Row:
    """A table row: ours against the floor measured in the same run.

    ``ratio`` is ours / floor. ``met`` is None for figures without a target. ``extra`` holds
    the optional third-party clients' figures (``openai``, ``openrouter``) by column name.
    """

    key: str
    figure: str
    ours: Figure
    floor: Figure
    target: str
    met: bool | None
    ratio: float
    extra: dict[str, Figure] = attrs.field(factory=dict)
    details: dict[str, Any] = attrs.field(factory=dict)


def ratio_row(
    key: str,
    figure: str,
    ours: float,
    floor: float,
    unit: str,
    *,
    max_ratio: float | None = None,
    min_ratio: float | None = None,
    extra: dict[str, float] | None = None,
    details: dict[str, Any] | None = None,
) -> Row:
    """A row whose target, if any, bounds ours / floor from above or below."""
    ratio = ours / floor if floor else math.inf
    if max_ratio is not None:
        target, met = f"<= {max_ratio:.2f}x", ratio <= max_ratio
    elif min_ratio is not None:
        target, met = f">= {min_ratio:.2f}x", ratio >= min_ratio
    else:
        target, met = "(report)", None
    return Row(
        key=key,
        figure=figure,
        ours=Figure(value=ours, unit=unit),
        floor=Figure(value=floor, unit=unit),
        target=target,
        met=met,
        ratio=ratio,
        extra={name: Figure(value=value, unit=unit) for name, value in (extra or {}).items()},
        details=details or {},
    )


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def p90(values: Sequence[float]) -> float:
    """The 90th percentile (inclusive method)."""
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def interleaved(runs: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each run per round; the order rotates every round so that load on the
    machine, and whatever a run leaves behind, hit every run alike."""
    names = list(runs)
    times: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            runs[name]()
            times[name].append(time.perf_counter() - start)
    return times


def render(rows: Sequence[Row]) -> str:
    """The plain-text table: figure, ours, floor, ratio, target, met, then extra columns."""
    extra_names = sorted({name for row in rows for name in row.extra})
    header = ["figure", "ours", "floor", "ratio", "target", "met?"]
    for name in extra_names:
        header += [name, f"{name}/floor"]
    lines = [header]
    for row in rows:
        met = "-" if row.met is None else ("yes" if row.met else "NO")
        line = [
            row.figure,
            row.ours.text(),
            row.floor.text(),
            f"{row.ratio:.2f}x",
            row.target,
            met,
        ]
        for name in extra_names:
            other = row.extra.get(name)
            line += [other.text(), f"{other.value / row.floor.value:.2f}x"] if other else ["", ""]
        lines.append(line)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


def write_json(path: Path, rows: Sequence[Row], meta: dict[str, Any]) -> None:
    """Every row with its raw details, plus how the run was made."""
    payload = {"meta": meta, "rows": [attrs.asdict(row) for row in rows]}
    path.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
