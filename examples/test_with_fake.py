"""Test your own OpenRouter code offline, without patching anything.

Two ways: the ``fake_openrouter`` pytest fixture (a real server on 127.0.0.1, registered
automatically when openrouter-core is installed), and scripted responses behind
``httpx.MockTransport`` (no sockets at all).

Run: ``python -m pytest examples/test_with_fake.py``.
"""

import httpx

from openrouter_core import NO_RETRIES, Failure, OpenRouterCore, Success
from openrouter_core.funcs import chat_send, chat_stream
from openrouter_core.models import ChatRequest, ChatStreamChunk, ChatUserMessage
from openrouter_core.testing import (
    FakeOpenRouter,
    chat_result,
    error_response,
    json_response,
    mock_transport,
    sse_response,
    stream_chunks,
)

# --- The code under test: yours -------------------------------------------------------


def capital_of(core: OpenRouterCore, country: str, model: str = "openai/gpt-4o-mini") -> str:
    """Ask for a capital; any failure becomes a short apology instead of an exception."""
    question = ChatUserMessage(content=f"What is the capital of {country}?")
    result = chat_send(core, ChatRequest(model=model, messages=[question]))
    if isinstance(result, Failure):
        return f"Sorry, no answer ({type(result.failure()).__name__})."
    return result.unwrap().text or "(no text)"


def streamed_text(core: OpenRouterCore, prompt: str) -> tuple[str, str]:
    """Stream an answer; return the text that arrived and how the stream ended."""
    started = chat_stream(core, ChatRequest(messages=[ChatUserMessage(content=prompt)]))
    if isinstance(started, Failure):
        return "", type(started.failure()).__name__
    text = ""
    with started.unwrap() as stream:
        for item in stream:
            match item:
                case Success(ChatStreamChunk() as chunk):
                    text += "".join(choice.delta.content or "" for choice in chunk.choices)
    return text, stream.outcome


# --- With the fake server: real HTTP over loopback --------------------------------------


def test_capital_of_reads_the_answer(fake_openrouter: FakeOpenRouter) -> None:
    """The answer comes back, and the server recorded what was sent."""
    with OpenRouterCore(
        api_key=fake_openrouter.api_key, server_url=fake_openrouter.base_url
    ) as core:
        answer = capital_of(core, "France")

    assert "The capital of France is Paris." == answer
    sent = fake_openrouter.requests[0].json
    assert "What is the capital of France?" == sent["messages"][-1]["content"]


def test_capital_of_apologises_when_rate_limited(fake_openrouter: FakeOpenRouter) -> None:
    """A fault model (here a 429) turns into the apology; retries are off to keep it fast."""
    with OpenRouterCore(
        api_key=fake_openrouter.api_key,
        server_url=fake_openrouter.base_url,
        retry_config=NO_RETRIES,
    ) as core:
        answer = capital_of(core, "France", model="fake/error-429")

    assert "Sorry, no answer (TooManyRequestsResponseError)." == answer


# --- With scripted responses: httpx.MockTransport, no sockets ----------------------------


def test_capital_of_retries_a_503_then_answers() -> None:
    """A scripted 503 (Retry-After: 0) is retried, then the scripted answer is read."""
    transport = mock_transport(
        [error_response(503, retry_after="0"), json_response(chat_result("Paris."))]
    )
    with OpenRouterCore(api_key="test-key", http_client=httpx.Client(transport=transport)) as core:
        answer = capital_of(core, "France")

    assert "Paris." == answer
    assert 2 == len(transport.requests)


def test_a_truncated_stream_is_reported_as_truncated() -> None:
    """A stream cut before [DONE] and before any finish reason ends as "truncated"."""
    cut = sse_response(*stream_chunks("The capital of France is Paris.")[:4], done=False)
    transport = mock_transport([cut])
    with OpenRouterCore(api_key="test-key", http_client=httpx.Client(transport=transport)) as core:
        text, outcome = streamed_text(core, "Capital of France?")

    assert ("The capital of ", "truncated") == (text, outcome)
