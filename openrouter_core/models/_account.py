"""The account's credits (``/credits``) and the calling key's limits (``/key``)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GetCreditsData(Value):
    """The account's purchased and used credits, in US dollars."""

    #: Total credits purchased.
    total_credits: float
    #: Total credits used.
    total_usage: float
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GetCreditsResponse(Value):
    """Total credits purchased and used."""

    data: GetCreditsData
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GetCurrentKeyData(Value):
    """The calling key: its limit, what remains, and its usage."""

    #: Total external BYOK usage (in USD) for the API key.
    byok_usage: float
    #: External BYOK usage (in USD) for the current UTC day.
    byok_usage_daily: float
    #: External BYOK usage (in USD) for current UTC month.
    byok_usage_monthly: float
    #: External BYOK usage (in USD) for the current UTC week (Monday-Sunday).
    byok_usage_weekly: float
    #: Whether to include external BYOK usage in the credit limit.
    include_byok_in_limit: bool
    #: Whether this is a free tier API key.
    is_free_tier: bool
    #: Whether this is a management key.
    is_management_key: bool
    #: Whether this is a management key.
    is_provisioning_key: bool
    #: Human-readable label for the API key.
    label: str
    #: Legacy rate limit information about a key. Will always return -1.
    rate_limit: GetCurrentKeyRateLimit
    #: Total OpenRouter credit usage (in USD) for the API key.
    usage: float
    #: OpenRouter credit usage (in USD) for the current UTC day.
    usage_daily: float
    #: OpenRouter credit usage (in USD) for the current UTC month.
    usage_monthly: float
    #: OpenRouter credit usage (in USD) for the current UTC week (Monday-Sunday).
    usage_weekly: float
    #: The user ID of the key creator. For organization-owned keys, this is the member who
    #: created the key. For individual users, this is the user's own ID.
    creator_user_id: str | None = None
    #: ISO 8601 UTC timestamp when the API key expires, or null if no expiration.
    expires_at: str | None = None
    #: Spending limit for the API key in USD.
    limit: float | None = None
    #: Remaining spending limit in USD.
    limit_remaining: float | None = None
    #: Type of limit reset for the API key.
    limit_reset: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GetCurrentKeyRateLimit(Value):
    """The key's request rate limit (deprecated)."""

    #: Rate limit interval.
    interval: str
    #: Note about the rate limit.
    note: str
    #: Number of requests allowed per interval.
    requests: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GetCurrentKeyResponse(Value):
    """The body of ``GET /key``."""

    #: Current API key information.
    data: GetCurrentKeyData
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
