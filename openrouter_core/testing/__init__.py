"""Test your OpenRouter code offline: a fake server on loopback and scripted httpx responses.

Not imported by ``import openrouter_core``; needs nothing beyond the SDK's own dependencies.

``FakeOpenRouter`` is a real HTTP/1.1 server on 127.0.0.1 (ephemeral port) that serves
``POST /api/v1/chat/completions`` like OpenRouter: bearer-token check (401 envelope), body
validation (400 envelope), deterministic answers ("capital of France" -> "The capital of
France is Paris.", otherwise "You said: <last user message>"), a tool call when ``tools``
are given and ``tool_choice`` is ``"required"`` or names a function, or when the last
message is the user's and ``tool_choice`` is absent or ``"auto"`` (the first function
offered; arguments are an instance of its parameters schema), JSON for ``response_format``
(``json_schema``: a deterministic instance of the schema, where strings are the last user
message, integers 1, numbers 1.5, booleans true, arrays one item and the first choice of
every enum or union that is not null; local ``$ref``s are followed and recursion ends
through ``null`` or an empty array; ``json_object``: ``{"answer": <last user message>}``),
reasoning and ``reasoning_details`` when ``reasoning`` is
set, ``max_tokens`` truncation (``finish_reason: "length"``), ``usage`` with ``cost``,
``provider``, ``native_finish_reason`` and ``X-Generation-Id``. With ``"stream": true`` it
sends ``: OPENROUTER PROCESSING``, a role chunk, word-sized content chunks (tool-call
argument fragments by index), a finish chunk, a usage-only chunk with ``choices: []`` and
``data: [DONE]``. Other paths answer 404 and other methods 405. Every request is recorded in
``server.requests``. The pytest fixture ``fake_openrouter`` (module
``openrouter_core.testing.pytest_plugin``) yields a fresh server per test.

Fault catalogue. Ask by model ``"fake/<fault>"`` or by header ``X-Fake-Fault: <fault>``
(the header wins). In-band errors are a provider failure with code 502.

=========================  ===============================================================
``error-<status>``         That status with the real envelope, for 400 401 402 403 404 408
                           413 422 429 500 502 503 504 524 529. Provider errors (502, 504,
                           524, 529) carry ``metadata.provider_name`` and ``raw``; 429 and
                           503 send ``Retry-After``; 429 also ``X-RateLimit-*``.
``error-in-body``          HTTP 200 whose JSON body is ``{"error": {...}}`` (stream too).
``choice-error``           Non-stream: HTTP 200, half the content, ``finish_reason:
                           "error"`` and ``choices[0].error``. Stream: as mid-stream-error.
``mid-stream-error``       Stream: some content, then an error chunk (top-level ``error``,
                           ``finish_reason: "error"``), then the body ends without
                           ``[DONE]``. Non-stream: as choice-error.
``error-chunk-first``      Stream: an error chunk with ``choices: []`` before any content.
                           Non-stream: as error-in-body.
``truncate``               Stream: some content, then a clean end of body with no finish,
                           usage or ``[DONE]``. Non-stream: half a JSON body.
``stall[-<s>]``            Stream: after the role chunk only keep-alive comments for ``s``
                           seconds (default 10, at most 60), then the normal answer.
                           Non-stream: the headers, then nothing for ``s`` seconds.
``stall-mid[-<s>]``        The same stall after about half of the content (or body).
``slow[-<s>]``             Waits ``s`` seconds (default 1) before the status line.
``reset-before-status``    Reads the request, then resets the connection (TCP RST).
``reset-mid-body``         Non-stream: headers and half the body, then a reset.
``reset-mid-stream``       Stream: some content chunks, then a reset. Each of the two
                           reset-mid faults acts as the other in the other mode.
``html-502``               A 502 with a proxy's HTML page (``text/html``).
``non-json-200``           A 200 with an HTML body (``text/html``).
``flaky-<status>-<n>``     The first ``n`` requests answer as ``error-<status>``, then the
                           normal answer. Counted per server, per fault name and per
                           ``X-Fake-Request-Key`` header value (so retries of one logical
                           request share a count); ``server.reset()`` restarts counts.
``flaky-reset-<n>``        The same, failing with ``reset-before-status``.
=========================  ===============================================================

Other ``fake/...`` models and unknown fault headers get a 400 naming the fault.
``X-Fake-Retry-After: <value>`` overrides the ``Retry-After`` value of one request. Stalls
and slow answers end at once when the server closes.

The scripted kit (``json_response``, ``error_response``, ``sse_response``, ``chat_result``,
``stream_chunks``, ``mock_transport``) builds ``httpx.Response`` values for
``httpx.MockTransport``, for tests that need no sockets.
"""

from ._payloads import chat_result as chat_result
from ._payloads import error_chunk as error_chunk
from ._payloads import stream_chunks as stream_chunks
from ._scripted import ScriptedTransport as ScriptedTransport
from ._scripted import error_response as error_response
from ._scripted import json_response as json_response
from ._scripted import mock_transport as mock_transport
from ._scripted import sse_response as sse_response
from ._server import DEFAULT_API_KEY as DEFAULT_API_KEY
from ._server import FakeOpenRouter as FakeOpenRouter
from ._server import RecordedRequest as RecordedRequest

__all__ = [
    "DEFAULT_API_KEY",
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
