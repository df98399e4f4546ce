"""The package explains itself: pinned public names, dir(), help(), the error tree, reprs."""

import importlib
import pydoc
import re
import subprocess
import sys
from types import ModuleType

import pytest
from returns.result import Failure

import openrouter_core
from openrouter_core import NO_RETRIES, OpenRouter, OpenRouterCore, errors, funcs, models, testing
from openrouter_core.errors import OpenRouterError, TooManyRequestsResponseError
from openrouter_core.funcs import chat_stream, chat_stream_async
from openrouter_core.testing import FakeOpenRouter

from .spec_support import load_generator, load_ops_spec, load_spec
from .support import MODES, Mode, run_async, user_request

PACKAGE = [
    "BackoffStrategy",
    "Failure",
    "HookContext",
    "Hooks",
    "NO_RETRIES",
    "OpenRouter",
    "OpenRouterCore",
    "RequestOptions",
    "Result",
    "RetryConfig",
    "Runtime",
    "Success",
    "__version__",
    "from_dict",
    "to_dict",
]
FUNCS = [
    "ApiKeysGetCurrentKeyMetadataError",
    "ApiKeysGetCurrentKeyMetadataResult",
    "AsyncChatStream",
    "AsyncChatStreamResult",
    "ChatParseResult",
    "ChatRunToolsResult",
    "ChatSendResult",
    "ChatStream",
    "ChatStreamResult",
    "CreditsGetCreditsError",
    "CreditsGetCreditsResult",
    "EmbeddingsGenerateError",
    "EmbeddingsGenerateResult",
    "EmbeddingsListModelsError",
    "EmbeddingsListModelsResult",
    "EndpointsListError",
    "EndpointsListResult",
    "GenerationsGetGenerationError",
    "GenerationsGetGenerationResult",
    "ModelsCountError",
    "ModelsCountResult",
    "ModelsGetError",
    "ModelsGetResult",
    "ModelsListError",
    "ModelsListForUserError",
    "ModelsListForUserResult",
    "ModelsListResult",
    "Parsed",
    "ProvidersListError",
    "ProvidersListResult",
    "ToolCallRecord",
    "ToolRun",
    "api_keys_get_current_key_metadata",
    "api_keys_get_current_key_metadata_async",
    "chat_parse",
    "chat_parse_async",
    "chat_run_tools",
    "chat_run_tools_async",
    "chat_send",
    "chat_send_async",
    "chat_stream",
    "chat_stream_async",
    "credits_get_credits",
    "credits_get_credits_async",
    "embeddings_generate",
    "embeddings_generate_async",
    "embeddings_list_models",
    "embeddings_list_models_async",
    "endpoints_list",
    "endpoints_list_async",
    "generations_get_generation",
    "generations_get_generation_async",
    "models_count",
    "models_count_async",
    "models_get",
    "models_get_async",
    "models_list",
    "models_list_async",
    "models_list_for_user",
    "models_list_for_user_async",
    "providers_list",
    "providers_list_async",
    "response_format_for",
    "tool_from_function",
]
ERRORS = [
    "BadGatewayResponseError",
    "BadRequestResponseError",
    "ChatParseError",
    "ChatRunToolsError",
    "ChatSendError",
    "ChatStreamError",
    "ClientError",
    "ConnectionFailedError",
    "EdgeNetworkTimeoutResponseError",
    "ForbiddenResponseError",
    "GenerationError",
    "HTTPStatusErrors",
    "InternalServerResponseError",
    "InvalidRequestError",
    "NotFoundResponseError",
    "OpenRouterDefaultError",
    "OpenRouterError",
    "OperationError",
    "PayloadTooLargeResponseError",
    "PaymentRequiredResponseError",
    "ProviderOverloadedResponseError",
    "RefusalError",
    "RequestAbortedError",
    "RequestTimeoutError",
    "RequestTimeoutResponseError",
    "ResponseError",
    "ResponseValidationError",
    "SDKValidationError",
    "ServiceUnavailableResponseError",
    "StreamFailure",
    "StreamStalledError",
    "StreamTruncatedError",
    "StructuredOutputError",
    "TooManyRequestsResponseError",
    "ToolLoopInterruptedError",
    "ToolRoundsExceededError",
    "TransportErrors",
    "UnauthorizedResponseError",
    "UnexpectedClientError",
    "UnprocessableEntityResponseError",
]
TESTING = [
    "DEFAULT_API_KEY",
    "DEFAULT_ID",
    "DEFAULT_MANAGEMENT_KEY",
    "FakeOpenRouter",
    "RecordedRequest",
    "ScriptedTransport",
    "chat_result",
    "error_chunk",
    "error_response",
    "json_response",
    "mock_transport",
    "sse_response",
    "stream_chunks",
]
SUBPACKAGES = ["errors", "funcs", "models", "testing"]


def _public(module: ModuleType) -> list[str]:
    return sorted(n for n in dir(module) if not n.startswith("_") or n == "__version__")


@pytest.mark.parametrize(
    ("module", "names"),
    [(openrouter_core, PACKAGE), (funcs, FUNCS), (errors, ERRORS), (testing, TESTING)],
)
def test_public_names_are_pinned(module: ModuleType, names: list[str]) -> None:
    """``__all__`` is exactly the pinned list, and every name in it resolves."""
    assert module.__all__ == names
    assert [n for n in names if getattr(module, n, None) is None] == []


def test_model_names_are_the_generators() -> None:
    """The models export exactly the names the generator gives a module, and dir() lists them."""
    assert models.__all__ == sorted(load_generator().Model(load_spec(), load_ops_spec()).module_of)


def test_each_package_name_is_where_the_package_looks_it_up() -> None:
    """The package loads a name from its module alone (``OpenRouterCore`` makes no settings
    class): the table it looks in is each module's ``__all__``, so neither can drift."""
    homes = openrouter_core._HOMES
    assert {
        module: sorted(importlib.import_module(module, openrouter_core.__name__).__all__)
        for module in homes
    } == {module: sorted(names) for module, names in homes.items()}


def test_each_operation_name_is_where_funcs_looks_it_up() -> None:
    """``funcs`` loads a name from its module alone: the table it looks in is each module's
    ``__all__`` (what mypy sees through the star imports), so neither can drift."""
    homes = funcs._HOMES
    assert {
        module: sorted(importlib.import_module(module, funcs.__name__).__all__) for module in homes
    } == {module: sorted(names) for module, names in homes.items()}


def test_an_operation_loads_only_its_own_module() -> None:
    """Touching ``chat_send`` imports its module, not the stream, tool loop or catalogue."""
    code = (
        "import sys\n"
        "from openrouter_core.funcs import chat_send\n"
        "print(sorted(m for m in sys.modules if m.startswith('openrouter_core.funcs.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['openrouter_core.funcs._chat_send']"]


def test_dir_lists_the_public_names_and_subpackages() -> None:
    assert _public(openrouter_core) == sorted([*PACKAGE, *SUBPACKAGES])
    assert _public(models) == models.__all__


def test_dir_and_star_import_in_a_fresh_interpreter() -> None:
    """Before anything is loaded: dir() lists the lazy names, and * imports them."""
    code = (
        "import openrouter_core as o, sys\n"
        "assert 'httpx' not in sys.modules\n"
        "print(sorted(n for n in dir(o) if not n.startswith('_')))\n"
        "ns = {}\n"
        "exec('from openrouter_core import *', ns)\n"
        "print(sorted(n for n in ns if n != '__builtins__'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    listed = sorted(n for n in [*PACKAGE, *SUBPACKAGES] if not n.startswith("_"))
    assert out == [str(listed), str(PACKAGE)]


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'OpenRuoter'"):
        _ = openrouter_core.OpenRuoter  # type: ignore[attr-defined]


def test_help_starts_with_the_package_guide_and_lists_our_classes() -> None:
    text = pydoc.plain(pydoc.render_doc(openrouter_core))
    description = text.split("DESCRIPTION", 1)[1]
    assert description.lstrip().startswith("Start here::")
    classes = text.split("\nCLASSES\n", 1)[1]
    for name in ("OpenRouterCore", "OpenRouter", "RequestOptions", "RetryConfig"):
        assert re.search(rf"^    class {name}\b", classes, re.MULTILINE), name


def test_the_error_tree_in_the_errors_docstring_is_the_class_tree() -> None:
    """Each class in the docstring's tree sits under its real base class, and all are there."""
    doc = errors.__doc__ or ""
    tree = doc.split("Hierarchy::", 1)[1].split("\n\n", 2)[1]
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in tree.splitlines():
        match = re.match(r"^(\s*(?:[│ ]   )*)(?:[├└]── )?(\w+)", line)
        assert match, line
        depth, name = len(match.group(1)) + (4 if "──" in line else 0), match.group(2)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            parents[name] = stack[-1][1]
        stack.append((depth, name))
    classes = {
        name: cls
        for name in errors.__all__
        if isinstance(cls := getattr(errors, name), type) and issubclass(cls, OpenRouterError)
    }
    assert {n: c.__bases__[0].__name__ for n, c in classes.items() if c is not OpenRouterError} == (
        parents
    )


def test_an_errors_repr_names_its_class() -> None:
    error = TooManyRequestsResponseError(message="slow down", status_code=429, retry_after=2.0)
    assert repr(error).startswith("TooManyRequestsResponseError(message='slow down'")
    assert repr(Failure(error)) == "<Failure: TooManyRequestsResponseError: HTTP 429: slow down>"


@pytest.mark.parametrize("mode", MODES)
def test_a_streams_repr_tells_outcome_model_and_generation_id(
    mode: Mode, fake_openrouter: FakeOpenRouter
) -> None:
    core = OpenRouterCore(
        api_key=fake_openrouter.api_key,
        server_url=fake_openrouter.base_url,
        retry_config=NO_RETRIES,
    )
    if mode == "sync":
        with chat_stream(core, user_request()).unwrap() as stream:
            before = repr(stream)
            for _ in stream:
                pass
            after = repr(stream)
        core.close()
    else:

        async def reprs() -> tuple[str, str]:
            async with (await chat_stream_async(core, user_request())).unwrap() as stream:
                first = repr(stream)
                async for _ in stream:
                    pass
                return first, repr(stream)

        before, after = run_async(core, reprs)
    name = "ChatStream" if mode == "sync" else "AsyncChatStream"
    assert re.fullmatch(
        rf"<{name} outcome='in_progress' model=('openai/gpt-4o'|None) generation_id='gen-[\w-]+'>",
        before,
    )
    assert re.fullmatch(
        rf"<{name} outcome='completed' model='openai/gpt-4o' generation_id='gen-[\w-]+'>", after
    )


def test_every_public_subpackage_imports_on_attribute_access() -> None:
    for name in SUBPACKAGES:
        assert getattr(openrouter_core, name) is importlib.import_module(f"openrouter_core.{name}")


def test_the_raising_stream_reprs_the_same(fake_openrouter: FakeOpenRouter) -> None:
    with (
        OpenRouter(
            api_key=fake_openrouter.api_key,
            server_url=fake_openrouter.base_url,
            retry_config=NO_RETRIES,
        ) as client,
        client.chat.stream(user_request()) as stream,
    ):
        for _ in stream:
            pass
        assert re.fullmatch(
            r"<RaisingChatStream outcome='completed' model='openai/gpt-4o' "
            r"generation_id='gen-[\w-]+'>",
            repr(stream),
        )
