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
``provider`` (the first endpoint of the model in the catalogue below), ``native_finish_reason``
and ``X-Generation-Id``. With ``"stream": true`` it sends ``: OPENROUTER PROCESSING``, a role
chunk, word-sized content chunks (tool-call argument fragments by index), a finish chunk, a
usage-only chunk with ``choices: []`` and ``data: [DONE]``. Every request is recorded in
``server.requests``. The pytest fixture ``fake_openrouter`` (module
``openrouter_core.testing.pytest_plugin``) yields a fresh server per test.

The operations around chat answer from one catalogue and one ledger, so the answers agree
with each other (shapes as in ``openrouter-ops.openapi.json``; ``FakeOpenRouter``'s
arguments set the delay, the key's limit, the credits and the management key):

==========================================  ====================================================
``GET /models``                             ``{"data", "total_count", "links": {"next"}}``. The
                                            text models unless ``output_modalities`` says
                                            otherwise (``embeddings``, ``all``, a list); also
                                            filters by ``supported_parameters``, ``category``,
                                            ``input_modalities``, ``q``, ``context``, price,
                                            ``arch``, ``model_authors``, ``providers``; ``sort``;
                                            ``offset``/``limit`` (both omitted: the whole list).
                                            Filters on data the fake lacks (benchmarks, age,
                                            region, zdr) are ignored; malformed values are 400.
``GET /models/count``                       ``{"data": {"count"}}`` for ``output_modalities``.
``GET /models/user``                        The text models (needs the API key).
``GET /model/{author}/{slug}``              ``{"data": Model}``; a ``:variant`` suffix resolves
                                            to its model; unknown models are 404.
``GET /models/{author}/{slug}/endpoints``   The model and one endpoint per provider hosting
                                            it, at the model's price.
``GET /providers``                          Every provider an endpoint names.
``GET /generation?id=``                     The stats of an answer the server served (chat or
                                            embeddings): model, provider, tokens, cost,
                                            ``streamed``. 404 until ``generation_delay``
                                            (default 0.5 s, settable) has passed since the
                                            answer, as the real API does; 404 for unknown ids.
                                            ``DEFAULT_ID`` (``chat_result()``'s) is known at once.
``GET /key``                                The key's ``usage``: the sum of the costs of every
                                            answer served, and ``limit_remaining`` under
                                            ``key_limit`` (default 10; None: no limit).
``GET /credits``                            Only for the management key
                                            (``DEFAULT_MANAGEMENT_KEY``): ``total_credits``
                                            and ``total_usage``; the API key gets 403.
``POST /embeddings``                        Deterministic unit vectors (the same model and
                                            input always give the same vector; ``dimensions``
                                            keeps a renormalised prefix), one per input: a
                                            string, strings, a token array, token arrays or
                                            ``{"content": [parts]}`` items;
                                            ``encoding_format: "base64"`` packs float32.
                                            Costs its tokens at the model's price; 404 for
                                            unknown models, 400 for chat models.
``GET /embeddings/models``                  The embedding models, paginated like ``/models``.
==========================================  ====================================================

The catalogue: ``openai/gpt-4o-mini``, ``openai/gpt-4o``, ``anthropic/claude-sonnet-4``,
``meta-llama/llama-3.1-8b-instruct`` (no tools), ``openrouter/auto`` (the default model of
chat answers), all at the price chat answers are billed at; and the embedding models
``openai/text-embedding-3-small`` (1536 dimensions) and ``mistralai/mistral-embed-2312``
(1024). The catalogue routes need no key, as on the real API; the others need the API key
(401 otherwise). Other paths answer 404 and other methods 405, with the real envelope.

Fault catalogue. Ask by model ``"fake/<fault>"`` or by header ``X-Fake-Fault: <fault>``
(the header wins). In-band errors are a provider failure with code 502. The faults act on
every route, after the request's own checks (a 400 comes first); on the routes other than
chat, the in-band faults (``error-in-body``, ``choice-error``, ``mid-stream-error``,
``error-chunk-first``) answer an HTTP 200 error body, and ``reset-mid-stream`` acts as
``reset-mid-body``.

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

from ._payloads import DEFAULT_ID as DEFAULT_ID
from ._payloads import chat_result as chat_result
from ._payloads import error_chunk as error_chunk
from ._payloads import stream_chunks as stream_chunks
from ._scripted import ScriptedTransport as ScriptedTransport
from ._scripted import error_response as error_response
from ._scripted import json_response as json_response
from ._scripted import mock_transport as mock_transport
from ._scripted import sse_response as sse_response
from ._server import DEFAULT_API_KEY as DEFAULT_API_KEY
from ._server import DEFAULT_MANAGEMENT_KEY as DEFAULT_MANAGEMENT_KEY
from ._server import FakeOpenRouter as FakeOpenRouter
from ._server import RecordedRequest as RecordedRequest

__all__ = [
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
