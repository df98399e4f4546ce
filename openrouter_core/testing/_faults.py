"""The fake server's fault catalogue: parsing fault names and the error bodies they produce.

Pure: a fault name (the part after ``fake/`` in the model, or an ``X-Fake-Fault`` header
value) becomes a ``Fault`` value; the server's handler acts on it. The catalogue itself is
documented in ``openrouter_core.testing``'s docstring.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

import attrs

from ._payloads import DEFAULT_PROVIDER, JSONDict, error_envelope, error_object

FaultKind = Literal[
    "error",
    "error-in-body",
    "choice-error",
    "mid-stream-error",
    "error-chunk-first",
    "truncate",
    "stall",
    "stall-mid",
    "slow",
    "reset-before-status",
    "reset-mid-body",
    "reset-mid-stream",
    "html-502",
    "non-json-200",
    "flaky",
]

MAX_DELAY_SECONDS = 60.0
"""Stalls and slow answers are capped, so a mistyped fault cannot hang a test run."""

_DEFAULT_SECONDS: dict[FaultKind, float] = {"stall": 10.0, "stall-mid": 10.0, "slow": 1.0}
_TIMED_KINDS: dict[str, FaultKind] = {kind: kind for kind in _DEFAULT_SECONDS}
_SIMPLE: dict[str, FaultKind] = {
    kind: kind
    for kind in (
        "error-in-body",
        "choice-error",
        "mid-stream-error",
        "error-chunk-first",
        "truncate",
        "reset-before-status",
        "reset-mid-body",
        "reset-mid-stream",
        "html-502",
        "non-json-200",
    )
}
_TIMED = re.compile(r"(stall-mid|stall|slow)(?:-(\d+(?:\.\d+)?))?")
_ERROR = re.compile(r"error-(\d{3})")
_FLAKY = re.compile(r"flaky-(\d{3}|reset)-(\d+)")

# status -> (message, error_type, from the provider?) after the docs' status table (section 7.3).
_ERRORS: dict[int, tuple[str, str, bool]] = {
    400: ("Invalid request parameters or malformed input", "invalid_request", False),
    401: ("Missing Authentication header", "authentication", False),
    402: (
        "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
        "payment_required",
        False,
    ),
    403: ("Input flagged by moderation", "permission_denied", False),
    404: ("No endpoints found for this model", "not_found", False),
    408: ("Operation timed out. Please try again later.", "timeout", False),
    413: ("Request payload exceeds size limits", "payload_too_large", False),
    422: ("Semantic validation failure", "unprocessable", False),
    429: ("Rate limit exceeded: free-models-per-min.", "rate_limit_exceeded", False),
    500: ("Internal Server Error", "server", False),
    502: ("Provider returned error", "provider_unavailable", True),
    503: ("No available provider meets your routing requirements", "provider_overloaded", False),
    504: ("Provider timed out", "timeout", True),
    524: ("Provider request timed out at edge network", "timeout", True),
    529: ("Provider is temporarily overloaded", "provider_overloaded", True),
}
ERROR_STATUSES: tuple[int, ...] = tuple(_ERRORS)
"""Every status ``fake/error-<status>`` and ``fake/flaky-<status>-<n>`` accept."""

RETRY_AFTER_STATUSES = frozenset({429, 503})


@attrs.frozen
class Fault:
    """A parsed fault: its kind and the number it carries (status, seconds or repeat count)."""

    kind: FaultKind
    status: int = 0
    seconds: float = 0.0
    times: int = 0
    reset: bool = False
    """For ``flaky``: fail by resetting the connection instead of answering ``status``."""


def parse_fault(name: str) -> Fault | None:
    """The fault a name asks for, or None when the name is not in the catalogue."""
    if name in _SIMPLE:
        return Fault(_SIMPLE[name])
    if match := _ERROR.fullmatch(name):
        status = int(match[1])
        return Fault("error", status=status) if status in _ERRORS else None
    if match := _TIMED.fullmatch(name):
        kind = _TIMED_KINDS[match[1]]
        seconds = float(match[2]) if match[2] else _DEFAULT_SECONDS[kind]
        return Fault(kind, seconds=min(seconds, MAX_DELAY_SECONDS))
    if match := _FLAKY.fullmatch(name):
        if match[1] == "reset":
            return Fault("flaky", times=int(match[2]), reset=True)
        status = int(match[1])
        return Fault("flaky", status=status, times=int(match[2])) if status in _ERRORS else None
    return None


def error_metadata(status: int, model: str) -> JSONDict:
    """The ``metadata`` a real error of this status carries.

    Provider errors carry ``provider_name`` and ``raw`` (the upstream body as JSON text) next
    to ``error_type``; a moderation 403 carries ``reasons`` and ``flagged_input``; the 500
    message is masked and keeps only ``error_type``.
    """
    _, error_type, from_provider = _ERRORS[status]
    metadata: JSONDict = {"error_type": error_type}
    if from_provider:
        upstream = {"error": {"message": f"Upstream answered {status}", "code": status}}
        metadata["provider_name"] = DEFAULT_PROVIDER
        metadata["provider_code"] = str(status)
        metadata["raw"] = json.dumps(upstream)
    if status == 403:
        metadata.update(
            reasons=["fake-moderation"],
            flagged_input="fake flagged input",
            provider_name=DEFAULT_PROVIDER,
            model_slug=model,
        )
    return metadata


def status_error_body(status: int, model: str) -> JSONDict:
    """The envelope of an HTTP error status, as the real API sends it."""
    return error_envelope(status, _ERRORS[status][0], error_metadata(status, model))


def generation_error(status: int, model: str) -> dict[str, Any]:
    """The inner error object of a failure during generation (in-band, under HTTP 200)."""
    return error_object(status, _ERRORS[status][0], error_metadata(status, model))
