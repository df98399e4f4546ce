"""The fake server's account: the generations it served and what they cost.

``Ledger`` is the only state behind ``/generation``, ``/key`` and ``/credits``; the payload
builders beside it are pure. A generation becomes visible ``ready_after`` seconds after it
was served (before that ``/generation`` answers 404, as the real API does while it
persists the stats); its cost adds to the key's usage at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import attrs

from ._payloads import DEFAULT_ID, DEFAULT_MODEL, DEFAULT_PROVIDER, JSONDict, chat_result
from ._replies import Answer

_RATE_LIMIT_NOTE = "This field is deprecated and safe to ignore."
# Faults whose answer is an error before any content: nothing is generated or billed.
_NOTHING_GENERATED = frozenset({"error-in-body", "error-chunk-first"})
_ENDS_IN_ERROR = _NOTHING_GENERATED | {"choice-error", "mid-stream-error"}


@attrs.frozen(kw_only=True)
class Generation:
    """What ``/generation`` reports about one answer the server sent."""

    id: str
    model: str
    provider: str
    api_type: str = "completions"
    created: float
    """Unix seconds."""
    streamed: bool = False
    finish_reason: str | None = "stop"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0
    cost: float = 0.0
    origin: str | None = None
    user_agent: str | None = None


def _default_generation() -> Generation:
    """The answer the scripted kit's ``chat_result()`` describes, served before time began."""
    usage = chat_result()["usage"]
    return Generation(
        id=DEFAULT_ID,
        model=DEFAULT_MODEL,
        provider=DEFAULT_PROVIDER,
        created=1_700_000_000.0,
        prompt_tokens=usage["prompt_tokens"],
        completion_tokens=usage["completion_tokens"],
        cost=usage["cost"],
    )


def chat_generation(
    reply: Answer,
    *,
    id: str,
    provider: str,
    created: float,
    streamed: bool,
    fault: str | None,
    user_agent: str | None,
    origin: str | None,
) -> Generation:
    """The stats of a chat answer as served, with the usage its body reports.

    In-band error faults end with ``finish_reason: "error"``; those that fail before any
    content report no tokens and cost nothing.
    """
    usage = chat_result(
        reply.content,
        reasoning=reply.reasoning,
        tool_calls=reply.tool_calls,
        prompt_tokens=reply.prompt_tokens,
    )["usage"]
    if fault in _NOTHING_GENERATED:
        usage = {"prompt_tokens": 0, "completion_tokens": 0, "cost": 0.0}
    return Generation(
        id=id,
        model=reply.model,
        provider=provider,
        created=created,
        streamed=streamed,
        finish_reason="error" if fault in _ENDS_IN_ERROR else reply.finish_reason,
        prompt_tokens=usage["prompt_tokens"],
        completion_tokens=usage["completion_tokens"],
        reasoning_tokens=usage.get("completion_tokens_details", {}).get("reasoning_tokens", 0),
        cost=usage["cost"],
        user_agent=user_agent,
        origin=origin,
    )


class Ledger:
    """Thread-safe record of served generations; ``clock`` is ``time.monotonic`` by default.

    The server starts out knowing one generation, ``DEFAULT_ID`` (the scripted kit's default
    ``chat_result()``), ready at once, so ``/generation`` has an answer before any chat.
    """

    def __init__(self, ready_after: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ready_after = ready_after
        self._clock = clock
        self._lock = threading.Lock()
        self._served: dict[str, tuple[float, Generation]] = {}
        self._usage = 0.0
        self.reset()

    def reset(self) -> None:
        """Forget every generation and the usage (the default generation stays, unbilled)."""
        with self._lock:
            self._served = {DEFAULT_ID: (float("-inf"), _default_generation())}
            self._usage = 0.0

    def record(self, generation: Generation) -> None:
        """Remember a generation just served and bill its cost."""
        with self._lock:
            self._served[generation.id] = (self._clock(), generation)
            self._usage += generation.cost

    def lookup(self, generation_id: str) -> Generation | None:
        """The generation, once its stats are ready; None while pending or when unknown."""
        with self._lock:
            served_at, generation = self._served.get(generation_id, (0.0, None))
        if generation is None or self._clock() - served_at < self.ready_after:
            return None
        return generation

    @property
    def usage(self) -> float:
        """Credits used by every generation served so far."""
        with self._lock:
            return self._usage


def generation_payload(generation: Generation) -> JSONDict:
    """The ``/generation`` body for a served answer."""
    latency = 120.0 + 8.0 * generation.completion_tokens
    created_at = datetime.fromtimestamp(generation.created, UTC).isoformat()
    return {
        "data": {
            "id": generation.id,
            "upstream_id": f"up-{generation.id.removeprefix('gen-')}",
            "total_cost": generation.cost,
            "cache_discount": None,
            "upstream_inference_cost": None,
            "created_at": created_at,
            "model": generation.model,
            "app_id": None,
            "streamed": generation.streamed,
            "cancelled": False,
            "provider_name": generation.provider,
            "latency": latency,
            "moderation_latency": None,
            "generation_time": latency - 100.0,
            "finish_reason": generation.finish_reason,
            "native_finish_reason": generation.finish_reason,
            "service_tier": None,
            "tokens_prompt": generation.prompt_tokens,
            "tokens_completion": generation.completion_tokens,
            "native_tokens_prompt": generation.prompt_tokens,
            "native_tokens_completion": generation.completion_tokens,
            "native_tokens_completion_images": 0,
            "native_tokens_reasoning": generation.reasoning_tokens,
            "native_tokens_cached": 0,
            "num_media_prompt": None,
            "num_input_audio_prompt": None,
            "num_media_completion": 0,
            "num_search_results": None,
            "num_fetches": None,
            "web_search_engine": None,
            "origin": generation.origin or "",
            "usage": generation.cost,
            "is_byok": False,
            "external_user": None,
            "api_type": generation.api_type,
            "preset_id": None,
            "router": None,
            "provider_responses": None,
            "user_agent": generation.user_agent,
            "http_referer": generation.origin,
            "data_region": "global",
            "workspace_id": None,
        }
    }


def _label(api_key: str) -> str:
    """How the dashboard names a key: its start and end, the middle elided."""
    return f"{api_key[:11]}...{api_key[-3:]}" if len(api_key) > 14 else api_key


def key_payload(api_key: str, *, usage: float, limit: float | None, management: bool) -> JSONDict:
    """The ``/key`` body: ``usage`` so far (all of it today), the limit and what remains."""
    remaining = None if limit is None else round(max(limit - usage, 0.0), 12)
    return {
        "data": {
            "label": _label(api_key),
            "limit": limit,
            "limit_remaining": remaining,
            "limit_reset": None,
            "include_byok_in_limit": False,
            "usage": usage,
            "usage_daily": usage,
            "usage_weekly": usage,
            "usage_monthly": usage,
            "byok_usage": 0.0,
            "byok_usage_daily": 0.0,
            "byok_usage_weekly": 0.0,
            "byok_usage_monthly": 0.0,
            "is_free_tier": False,
            "is_management_key": management,
            "is_provisioning_key": management,
            "creator_user_id": "user_fake",
            "expires_at": None,
            "rate_limit": {"requests": -1, "interval": "10s", "note": _RATE_LIMIT_NOTE},
        }
    }


def credits_payload(*, total: float, usage: float) -> JSONDict:
    """The ``/credits`` body: credits bought and used by the whole account."""
    return {"data": {"total_credits": total, "total_usage": usage}}
