"""``FakeOpenRouter``: a real HTTP/1.1 server on 127.0.0.1 that answers like OpenRouter.

Built on ``http.server.ThreadingHTTPServer`` (one thread per connection, keep-alive,
chunked SSE). The fault catalogue is in the package docstring; the answers come from the
pure ``_replies`` and the payloads from ``_payloads``, so this module only does I/O.

Shutdown strategy: ``close()`` first sets an event that every wait in a handler (stalls,
slow answers) watches, then stops accepting, then shuts down every open connection so
handler threads blocked on a keep-alive read wake up, and finally joins them all. Nothing
outlives the ``with`` block.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

import attrs
from returns.result import Failure

from openrouter_core._converter import from_builtins
from openrouter_core.models import ChatRequest, UnknownChatMessage

from ._catalogue import provider_of
from ._faults import (
    RETRY_AFTER_STATUSES,
    Fault,
    generation_error,
    parse_fault,
    status_error_body,
)
from ._ledger import Ledger, chat_generation
from ._operations import CHAT, Account, Reply, Target, answer_operation, authorize, route
from ._payloads import (
    DEFAULT_MODEL,
    JSONDict,
    chat_result,
    error_chunk,
    error_envelope,
    split_words,
    stream_chunks,
)
from ._replies import Answer, UnanswerableError, answer

DEFAULT_API_KEY = "sk-or-v1-fake-key"
DEFAULT_MANAGEMENT_KEY = "sk-or-v1-fake-management-key"
FAULT_HEADER = "X-Fake-Fault"
REQUEST_KEY_HEADER = "X-Fake-Request-Key"
RETRY_AFTER_HEADER = "X-Fake-Retry-After"

_KEEPALIVE = b": OPENROUTER PROCESSING\n\n"
_DONE = b"data: [DONE]\n\n"
_FAULT_MODEL_PREFIX = "fake/"
# The provider failure behind every in-band error fault (choice, chunk, HTTP-200 body).
_IN_BAND_STATUS = 502
# Time for the client to read what was sent before a reset: an RST that arrives first makes
# the kernel drop unread data, and "mid-stream" would look like "before status".
_RESET_PAUSE = 0.05
# On routes other than chat, the faults that need a chat answer fail as an HTTP-200 error body.
_IN_BAND = frozenset({"error-in-body", "error-chunk-first", "choice-error", "mid-stream-error"})
_CUT_STREAM = frozenset(
    {"truncate", "mid-stream-error", "choice-error", "reset-mid-stream", "reset-mid-body"}
)
_HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
    b"</body>\r\n</html>\r\n"
)
_NOT_JSON_200 = b"<html><body>Service is up.</body></html>"


@attrs.frozen
class RecordedRequest:
    """One request the fake server received, for assertions.

    ``headers`` has lower-case names (repeated headers joined with ", "); ``json`` is the
    parsed body, or None when the body is empty or not JSON.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    json: Any


class _Aborted(Exception):
    """The server is closing: stop answering and drop the connection."""


class FakeOpenRouter:
    """An OpenRouter look-alike on ``127.0.0.1``: chat and every operation around it.

    The server starts listening in the constructor (an ephemeral port unless ``port`` is
    given) and serves from background threads until ``close()`` or the end of its ``with``
    block. Point a client at ``base_url`` with ``api_key``::

        with FakeOpenRouter() as server:
            httpx.post(f"{server.base_url}/chat/completions",
                       headers={"Authorization": f"Bearer {server.api_key}"},
                       json={"messages": [{"role": "user", "content": "Hi"}]})

    Args:
        api_key: The only bearer token accepted; None accepts any non-empty token.
        management_key: The management key: ``/credits`` answers it and refuses the API
            key with 403; ``/key`` accepts both; every other keyed route refuses it (401).
        generation_delay: Seconds after an answer before ``/generation`` knows it (until
            then it answers 404, as the real API does while it stores the stats).
        key_limit: The credit limit ``/key`` reports (None: unlimited).
        credits: The account's ``total_credits`` in ``/credits``.
        port: The port to bind on 127.0.0.1; 0 picks a free one.
        retry_after: The ``Retry-After`` value sent with 429 and 503 answers (a request can
            override it with the ``X-Fake-Retry-After`` header).
        keepalive_interval: Seconds between ``: OPENROUTER PROCESSING`` comments in a stall.
    """

    def __init__(
        self,
        *,
        api_key: str | None = DEFAULT_API_KEY,
        management_key: str | None = DEFAULT_MANAGEMENT_KEY,
        generation_delay: float = 0.5,
        key_limit: float | None = 10.0,
        credits: float = 100.0,
        port: int = 0,
        retry_after: str = "1",
        keepalive_interval: float = 0.25,
    ) -> None:
        self.api_key = api_key
        self.management_key = management_key
        self.key_limit = key_limit
        self.credits = credits
        self._ledger = Ledger(generation_delay)
        self.retry_after = retry_after
        self.keepalive_interval = keepalive_interval
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._flaky: Counter[tuple[str, str]] = Counter()
        self._closed = False
        self._httpd = _HTTPServer(self, port)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"FakeOpenRouter:{self.port}",
            daemon=True,
        )
        self._thread.start()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The API root to configure clients with, ``http://127.0.0.1:<port>/api/v1``."""
        return f"http://127.0.0.1:{self.port}/api/v1"

    @property
    def generation_delay(self) -> float:
        """Seconds after an answer before ``/generation`` knows it; settable."""
        return self._ledger.ready_after

    @generation_delay.setter
    def generation_delay(self, seconds: float) -> None:
        self._ledger.ready_after = seconds

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    def reset(self) -> None:
        """Forget the recorded requests, the served generations and the key's usage, and
        restart every ``flaky-*`` count."""
        with self._lock:
            self._requests.clear()
            self._flaky.clear()
        self._ledger.reset()

    def close(self) -> None:
        """Stop serving, end stalls, drop open connections and join every thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._httpd.closing.set()
        self._httpd.shutdown()
        self._httpd.disconnect_all()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _flaky_fails(self, key: tuple[str, str], times: int) -> bool:
        """Count one attempt under ``key``; True while fewer than ``times`` have failed."""
        with self._lock:
            failed = self._flaky[key]
            self._flaky[key] = failed + 1
        return failed < times


class _HTTPServer(ThreadingHTTPServer):
    # Non-daemon handler threads are tracked and joined by server_close().
    daemon_threads = False
    block_on_close = True
    # socketserver's default backlog of 5 overflows when many clients connect at once, and
    # the kernel then resets some of them (seen with 100 concurrent tasks).
    request_queue_size = 128

    def __init__(self, owner: FakeOpenRouter, port: int) -> None:
        self.owner = owner
        self.closing = threading.Event()
        self._lock = threading.Lock()
        self._live: set[socket.socket] = set()
        self._resets: set[socket.socket] = set()
        super().__init__(("127.0.0.1", port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._live.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._live.discard(request)
            reset = request in self._resets
            self._resets.discard(request)
        if reset:
            # Skip the FIN that shutdown_request sends: with SO_LINGER 0, close() sends RST.
            self.close_request(request)
        else:
            super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that closes its end (a stream cancelled, a pooled keep-alive connection
        # dropped) is normal traffic, not a server fault worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def reset_on_close(self, connection: socket.socket) -> None:
        """Make the end of this connection an abrupt reset (RST) instead of a clean close."""
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with self._lock:
            self._resets.add(connection)

    def disconnect_all(self) -> None:
        """Shut every open connection, waking handlers blocked on a keep-alive read."""
        with self._lock:
            live = list(self._live)
        for connection in live:
            with contextlib.suppress(OSError):  # already closed by its handler
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes: without TCP_NODELAY, Nagle's algorithm
    # and the client's delayed ACK add ~40 ms to every answer.
    disable_nagle_algorithm = True
    server_version = "FakeOpenRouter"
    sys_version = ""
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests read ``FakeOpenRouter.requests`` instead of a log."""

    def do_POST(self) -> None:
        try:
            self._exchange()
        except (_Aborted, OSError):
            # The server is closing, or the client went away mid-answer.
            self.close_connection = True

    do_GET = do_PUT = do_PATCH = do_DELETE = do_POST

    def _exchange(self) -> None:
        owner = self.server.owner
        body = self._read_body()
        parsed = _parse_json(body)
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        owner._record(RecordedRequest(self.command, self.path, headers, body, parsed))
        target = route(self.command, self.path)
        if isinstance(target, Reply):
            return self._json(target.status, target.body, target.headers)
        authorization = self.headers.get("Authorization", "")
        access = authorize(target.route, authorization, owner.api_key, owner.management_key)
        if isinstance(access, Reply):
            return self._json(access.status, access.body)
        if target.route.name != CHAT:
            token = authorization.partition(" ")[2].strip()
            return self._operation(target, parsed, token, management=access)
        problem = _request_problem(body)
        if problem is not None:
            return self._json(400, error_envelope(400, problem))
        fault_name, fault = self._fault(parsed)
        if fault_name is not None and fault is None:
            message = f"{fault_name} is not a valid fault (see openrouter_core.testing)"
            return self._json(400, error_envelope(400, message))
        try:
            reply = answer(parsed)
        except UnanswerableError as error:
            return self._json(400, error_envelope(400, str(error)))
        self._reply(reply, self._flaky(fault_name, fault), stream=parsed.get("stream") is True)

    def _operation(self, target: Target, request: Any, token: str, *, management: bool) -> None:
        """Answer an operation other than chat; faults apply after the request is validated."""
        owner = self.server.owner
        fields = request if isinstance(request, dict) else {}
        fault_name, fault = self._fault(fields)
        if fault_name is not None and fault is None:
            message = f"{fault_name} is not a valid fault (see openrouter_core.testing)"
            return self._json(400, error_envelope(400, message))
        account = Account(
            ledger=owner._ledger,
            api_key=token,
            management=management,
            key_limit=owner.key_limit,
            credits=owner.credits,
            new_id=_generation_id,
            user_agent=self.headers.get("User-Agent"),
            origin=self.headers.get("HTTP-Referer"),
        )
        reply = answer_operation(target, account, request)
        if reply.status == 400:
            return self._json(reply.status, reply.body, reply.headers)
        fault = self._flaky(fault_name, fault)
        model = fields.get("model")
        model = model if isinstance(model, str) else DEFAULT_MODEL
        if self._failed_early(fault, model):
            return None
        if fault is not None and fault.kind in _IN_BAND:
            return self._json(200, {"error": generation_error(_IN_BAND_STATUS, model)})
        if reply.served is not None:
            owner._ledger.record(reply.served)
        kind = None if fault is None else fault.kind
        seconds = 0.0 if fault is None else fault.seconds
        self._body(reply.status, _dumps(reply.body), reply.headers, kind, seconds)

    def _flaky(self, fault_name: str | None, fault: Fault | None) -> Fault | None:
        """The fault to act on: a ``flaky-*`` fault counts this attempt and may pass."""
        if fault is not None and fault.kind == "flaky":
            count_key = (fault_name or "", self.headers.get(REQUEST_KEY_HEADER, ""))
            if not self.server.owner._flaky_fails(count_key, fault.times):
                return None
        return fault

    def _failed_early(self, fault: Fault | None, model: str) -> bool:
        """Act on a fault that replaces the whole answer (after a ``slow`` wait); True if so."""
        if fault is None:
            return False
        kind = fault.kind
        if kind == "slow":
            self._wait(fault.seconds)
        if kind == "error" or (kind == "flaky" and not fault.reset):
            self._status_error(fault.status, model)
        elif kind in ("reset-before-status", "flaky"):
            self._reset()
        elif kind == "html-502":
            self._send(502, "text/html", _HTML_502, {})
        elif kind == "non-json-200":
            self._send(200, "text/html", _NOT_JSON_200, {})
        else:
            return False
        return True

    def _fault(self, request: JSONDict) -> tuple[str | None, Fault | None]:
        """The fault asked for by header, else by a ``fake/<fault>`` model; names unparsed."""
        name = self.headers.get(FAULT_HEADER)
        model = request.get("model")
        if name is None and isinstance(model, str) and model.startswith(_FAULT_MODEL_PREFIX):
            name = model.removeprefix(_FAULT_MODEL_PREFIX)
        if name is None:
            return None, None
        return name, parse_fault(name.strip())

    def _reply(self, reply: Answer, fault: Fault | None, *, stream: bool) -> None:
        if self._failed_early(fault, reply.model):
            return None
        kind = None if fault is None else fault.kind
        seconds = 0.0 if fault is None else fault.seconds
        gen_id = _generation_id()
        meta: JSONDict = {
            "id": gen_id,
            "model": reply.model,
            "provider": provider_of(reply.model),
            "created": int(time.time()),
        }
        served = chat_generation(
            reply,
            id=gen_id,
            provider=meta["provider"],
            created=time.time(),
            streamed=stream,
            fault=kind,
            user_agent=self.headers.get("User-Agent"),
            origin=self.headers.get("HTTP-Referer"),
        )
        self.server.owner._ledger.record(served)
        if kind == "error-in-body" or (kind == "error-chunk-first" and not stream):
            error = {"error": generation_error(_IN_BAND_STATUS, reply.model)}
            return self._json(200, error, {"X-Generation-Id": gen_id})
        if stream:
            return self._stream(reply, meta, kind, seconds)
        return self._complete(reply, meta, kind, seconds)

    def _complete(self, reply: Answer, meta: JSONDict, kind: str | None, seconds: float) -> None:
        content, error = reply.content, None
        if kind in ("choice-error", "mid-stream-error"):
            content = "".join(_first_half(split_words(reply.content or "")))
            error = generation_error(_IN_BAND_STATUS, reply.model)
        payload = chat_result(
            content,
            reasoning=reply.reasoning,
            tool_calls=reply.tool_calls,
            finish_reason=None if error else reply.finish_reason,
            error=error,
            prompt_tokens=reply.prompt_tokens,
            **meta,
        )
        self._body(200, _dumps(payload), {"X-Generation-Id": meta["id"]}, kind, seconds)

    def _body(
        self,
        status: int,
        body: bytes,
        headers: Mapping[str, str],
        kind: str | None,
        seconds: float,
    ) -> None:
        """Send a JSON answer, cut, stalled or reset as the fault ``kind`` asks."""
        if kind == "truncate":
            body = body[: len(body) // 2]
        self._head(status, "application/json", headers, length=len(body))
        if kind == "stall":
            self._wait(seconds)
        half = len(body) // 2
        if kind in ("reset-mid-body", "reset-mid-stream"):
            self.wfile.write(body[:half])
            return self._reset()
        if kind == "stall-mid":
            self.wfile.write(body[:half])
            self._wait(seconds)
            body = body[half:]
        self.wfile.write(body)

    def _stream(self, reply: Answer, meta: JSONDict, kind: str | None, seconds: float) -> None:
        chunks = stream_chunks(
            reply.content,
            reasoning=reply.reasoning,
            tool_calls=reply.tool_calls,
            finish_reason=reply.finish_reason,
            prompt_tokens=reply.prompt_tokens,
            **meta,
        )
        # The role chunk and about half of the rest: never the finish or the usage chunk.
        cut = max(2, (len(chunks) - 1) // 2)
        stall_at = {"stall": 1, "stall-mid": cut}.get(kind or "")
        headers = {"X-Generation-Id": meta["id"], "Cache-Control": "no-cache"}
        self._head(200, "text/event-stream", headers)
        self._chunk(_KEEPALIVE)
        if kind == "error-chunk-first":
            error = generation_error(_IN_BAND_STATUS, reply.model)
            self._chunk(_event(error_chunk(error, with_choice=False, **meta)))
            return self._chunk(b"")
        for index, item in enumerate(chunks):
            if index == stall_at:
                self._stall(seconds)
            if index == cut and kind in _CUT_STREAM:
                break
            self._chunk(_event(item))
        else:
            self._chunk(_DONE)
        if kind in ("mid-stream-error", "choice-error"):
            error = generation_error(_IN_BAND_STATUS, reply.model)
            self._chunk(_event(error_chunk(error, **meta)))
        if kind in ("reset-mid-stream", "reset-mid-body"):
            return self._reset()
        self._chunk(b"")

    def _status_error(self, status: int, model: str) -> None:
        headers: dict[str, str] = {}
        if status in RETRY_AFTER_STATUSES:
            default = self.server.owner.retry_after
            headers["Retry-After"] = self.headers.get(RETRY_AFTER_HEADER, default)
        if status == 429:
            reset_ms = int((time.time() + 60) * 1000)
            headers.update({"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0"})
            headers["X-RateLimit-Reset"] = str(reset_ms)
        self._json(status, status_error_body(status, model), headers)

    def _read_body(self) -> bytes:
        if "chunked" not in self.headers.get("Transfer-Encoding", "").lower():
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = []
        while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
            parts.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass  # trailers
        return b"".join(parts)

    def _head(
        self,
        status: int,
        content_type: str,
        headers: Mapping[str, str],
        length: int | None = None,
    ) -> None:
        """Send the status line and headers; ``length`` None means a chunked body follows."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(
        self, status: int, content_type: str, body: bytes, headers: Mapping[str, str]
    ) -> None:
        self._head(status, content_type, headers, length=len(body))
        self.wfile.write(body)

    def _json(
        self, status: int, payload: JSONDict, headers: Mapping[str, str] | None = None
    ) -> None:
        self._send(status, "application/json", _dumps(payload), headers or {})

    def _chunk(self, data: bytes) -> None:
        """Write one HTTP chunk; empty ``data`` ends the chunked body."""
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    def _wait(self, seconds: float) -> None:
        if self.server.closing.wait(seconds):
            raise _Aborted

    def _stall(self, seconds: float) -> None:
        """Send only keep-alive comments for ``seconds``: the stream shows no progress."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self._wait(min(self.server.owner.keepalive_interval, left))
            self._chunk(_KEEPALIVE)

    def _reset(self) -> None:
        self._wait(_RESET_PAUSE)
        self.server.reset_on_close(self.connection)
        self.close_connection = True


def _parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        return None


def _request_problem(body: bytes) -> str | None:
    """Why the body is not a chat request the real API would accept, or None.

    Decoding with the SDK's own ``ChatRequest`` keeps the fake exactly as strict as the
    models; the answer itself is then built from the raw JSON, so request fields the models
    do not know yet still reach it.
    """
    if not body:
        return "Request body is empty; expected a JSON chat request"
    try:
        value = json.loads(body)
    except ValueError as error:
        return f"Request body is not valid JSON: {error}"
    if not isinstance(value, dict):
        return "Request body is not a JSON object"
    decoded = from_builtins(value, ChatRequest)
    if isinstance(decoded, Failure):
        return "Invalid chat request: " + "; ".join(decoded.failure().details)
    messages = decoded.unwrap().messages
    if not messages:
        return "$.messages: expected at least one message"
    for index, message in enumerate(messages):
        if isinstance(message, UnknownChatMessage):
            return f"$.messages[{index}].role: unknown role {message.raw.get('role')!r}"
    return None


def _generation_id() -> str:
    return f"gen-{int(time.time())}-{uuid.uuid4().hex[:20]}"


def _first_half(pieces: list[str]) -> list[str]:
    return pieces[: max(1, len(pieces) // 2)]


def _dumps(payload: JSONDict) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def _event(payload: JSONDict) -> bytes:
    return b"data: " + _dumps(payload) + b"\n\n"
