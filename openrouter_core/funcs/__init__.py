"""The operations: free functions taking the core first, each with an ``_async`` twin.

Each returns ``Success[T] | Failure[E]`` (the ``...Result`` alias next to it), so a
``match`` narrows both cases and is exhaustive. Each name loads on first use: the
module behind it, and the request machinery on the first call.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

    from ._api_keys_get_current_key_metadata import *  # noqa: F403
    from ._chat_parse import *  # noqa: F403
    from ._chat_run_tools import *  # noqa: F403
    from ._chat_send import *  # noqa: F403
    from ._chat_stream import *  # noqa: F403
    from ._credits_get_credits import *  # noqa: F403
    from ._embeddings_generate import *  # noqa: F403
    from ._embeddings_list_models import *  # noqa: F403
    from ._endpoints_list import *  # noqa: F403
    from ._generations_get_generation import *  # noqa: F403
    from ._models_count import *  # noqa: F403
    from ._models_get import *  # noqa: F403
    from ._models_list import *  # noqa: F403
    from ._models_list_for_user import *  # noqa: F403
    from ._providers_list import *  # noqa: F403

_HOMES: dict[str, tuple[str, ...]] = {
    "._api_keys_get_current_key_metadata": (
        "ApiKeysGetCurrentKeyMetadataError",
        "ApiKeysGetCurrentKeyMetadataResult",
        "api_keys_get_current_key_metadata",
        "api_keys_get_current_key_metadata_async",
    ),
    "._chat_parse": (
        "ChatParseResult",
        "Parsed",
        "chat_parse",
        "chat_parse_async",
        "response_format_for",
    ),
    "._chat_run_tools": (
        "ChatRunToolsResult",
        "ToolCallRecord",
        "ToolRun",
        "chat_run_tools",
        "chat_run_tools_async",
        "tool_from_function",
    ),
    "._chat_send": (
        "ChatSendResult",
        "chat_send",
        "chat_send_async",
    ),
    "._chat_stream": (
        "AsyncChatStream",
        "AsyncChatStreamResult",
        "ChatStream",
        "ChatStreamResult",
        "chat_stream",
        "chat_stream_async",
    ),
    "._credits_get_credits": (
        "CreditsGetCreditsError",
        "CreditsGetCreditsResult",
        "credits_get_credits",
        "credits_get_credits_async",
    ),
    "._embeddings_generate": (
        "EmbeddingsGenerateError",
        "EmbeddingsGenerateResult",
        "embeddings_generate",
        "embeddings_generate_async",
    ),
    "._embeddings_list_models": (
        "EmbeddingsListModelsError",
        "EmbeddingsListModelsResult",
        "embeddings_list_models",
        "embeddings_list_models_async",
    ),
    "._endpoints_list": (
        "EndpointsListError",
        "EndpointsListResult",
        "endpoints_list",
        "endpoints_list_async",
    ),
    "._generations_get_generation": (
        "GenerationsGetGenerationError",
        "GenerationsGetGenerationResult",
        "generations_get_generation",
        "generations_get_generation_async",
    ),
    "._models_count": (
        "ModelsCountError",
        "ModelsCountResult",
        "models_count",
        "models_count_async",
    ),
    "._models_get": (
        "ModelsGetError",
        "ModelsGetResult",
        "models_get",
        "models_get_async",
    ),
    "._models_list": (
        "ModelsListError",
        "ModelsListResult",
        "models_list",
        "models_list_async",
    ),
    "._models_list_for_user": (
        "ModelsListForUserError",
        "ModelsListForUserResult",
        "models_list_for_user",
        "models_list_for_user_async",
    ),
    "._providers_list": (
        "ProvidersListError",
        "ProvidersListResult",
        "providers_list",
        "providers_list_async",
    ),
}
"""Each module and the public names it defines (its ``__all__``). A name loads its own module
only: ``chat_send`` creates nothing of streaming, structured output or the tool loop."""

_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


if not TYPE_CHECKING:
    # Hidden from type checkers, which see the imports above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        if name == "__all__":
            value: Any = sorted(_HOME_OF)
        elif name in _HOME_OF:
            value = getattr(importlib.import_module(_HOME_OF[name], __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public names, for ``dir()``, ``help()`` and tab completion."""
    return sorted({*_HOME_OF, *(name for name in globals() if name.startswith("__"))})
