"""An incremental Server-Sent Events decoder: bytes in, events out, no I/O.

It follows the WHATWG "event stream interpretation" rules, with two deliberate choices:

- Lines end at CR, LF or CRLF only, found over *bytes*. ``str.splitlines`` (and so
  ``httpx.Response.iter_lines``) also breaks on U+2028, U+2029, U+0085, VT and FF, which
  appear inside JSON strings and would corrupt them.
- At end of input, ``finish()`` dispatches a pending event whose data lines are complete
  even without the closing blank line, and treats an unterminated last line as a line.
  The standard discards both; a server that closed right after its last event would
  otherwise lose it.

Usage::

    decoder = SSEDecoder()
    for chunk in byte_chunks:
        for event in decoder.feed(chunk):
            ...
    for event in decoder.finish():
        ...
"""

from __future__ import annotations

from typing import NamedTuple

_BOM = b"\xef\xbb\xbf"
_CR = 13
_LF = 10
_COLON = 58


class SSELineTooLongError(ValueError):
    """A line, or one event's data, grew past the decoder's ``max_line_bytes``.

    This caps the memory a misbehaving server can make the client hold; the decoder is
    unusable afterwards.
    """


class SSEEvent(NamedTuple):
    """One dispatched event.

    ``data`` is the event's ``data:`` lines joined with ``"\\n"``. ``event`` is the
    ``event:`` field of this event (``None`` when absent, which the standard reads as
    ``"message"``). ``id`` is the last event ID seen so far in the stream, which per the
    standard carries over to later events (``None`` until an ``id:`` field arrives).

    A named tuple rather than a frozen attrs class: a stream makes one per event, and a
    tuple is built in about half the time.
    """

    data: str
    event: str | None = None
    id: str | None = None

    @property
    def done(self) -> bool:
        """Whether this is OpenRouter's end-of-stream sentinel, ``data: [DONE]``."""
        return self.data == "[DONE]"


class SSEDecoder:
    """Turn a byte stream into ``SSEEvent`` values, one network chunk at a time.

    Partial lines (and so UTF-8 sequences split across chunks) are carried over to the
    next ``feed``; each complete line is decoded as UTF-8 with ``errors="replace"``, so
    invalid bytes never raise. Call ``finish()`` once at end of input.
    """

    __slots__ = (
        "_bom_pending",
        "_data",
        "_data_size",
        "_event",
        "_last_id",
        "_max",
        "_pending",
        "_pending_size",
        "_skip_lf",
    )

    def __init__(self, max_line_bytes: int = 16 * 1024 * 1024) -> None:
        self._max = max_line_bytes
        # An unterminated line, kept as parts so a long line costs linear time to gather.
        self._pending: list[bytes] = []
        self._pending_size = 0
        # The previous chunk ended in CR: an LF starting this one belongs to that line end.
        self._skip_lf = False
        self._bom_pending = True
        self._data: list[str] = []
        self._data_size = 0
        self._event: str | None = None
        self._last_id: str | None = None

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Take the next bytes of the stream; return the events they complete.

        Raises:
            SSELineTooLongError: a line or an event's data exceeds ``max_line_bytes``.
        """
        data = self._lone_event(chunk)
        if data is not None:
            event = SSEEvent(data, self._event, self._last_id)
            self._event = None
            return [event]
        return self._feed_lines(chunk)

    def feed_data(self, chunk: bytes) -> list[str]:
        """``feed``, returning only each event's data: all that a JSON-over-SSE client (such
        as a chat stream) reads, without an event object per chunk.

        Raises:
            SSELineTooLongError: a line or an event's data exceeds ``max_line_bytes``.
        """
        data = self._lone_event(chunk)
        if data is not None:
            self._event = None
            return [data]
        return [event.data for event in self._feed_lines(chunk)]

    def _lone_event(self, chunk: bytes) -> str | None:
        """The data of ``chunk`` if it is exactly one ``data: ...\\n\\n`` event and nothing is
        pending: how OpenRouter's server flushes, so most chunks of a stream."""
        end = len(chunk) - 2
        if (
            chunk.startswith(b"data: ")
            and chunk.find(b"\n") == end
            and chunk[-1] == _LF
            and not self._pending
            and not self._data
            and not self._skip_lf
            and not self._bom_pending
            and _CR not in chunk  # an int operand is a memchr; b"\r" costs 5x as much
            and end <= self._max
        ):
            return chunk[6:end].decode("utf-8", "replace")
        return None

    def _feed_lines(self, chunk: bytes) -> list[SSEEvent]:
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk[0] == _LF:
                chunk = chunk[1:]
                if not chunk:
                    return []
        if self._bom_pending:
            chunk = self._strip_bom(chunk)
            if not chunk:
                return []
        if _LF not in chunk and _CR not in chunk:
            self._pending.append(chunk)
            self._pending_size += len(chunk)
            if self._pending_size > self._max:
                raise SSELineTooLongError(f"SSE line longer than {self._max} bytes")
            return []
        if self._pending:
            self._pending.append(chunk)
            chunk = b"".join(self._pending)
            self._pending = []
            self._pending_size = 0
        # bytes.splitlines breaks at CR, LF and CRLF only (unlike str.splitlines).
        lines = chunk.splitlines()
        last = chunk[-1]
        if last == _CR:
            self._skip_lf = True
        elif last != _LF:
            tail = lines.pop()
            self._pending.append(tail)
            self._pending_size = len(tail)
        if len(chunk) > self._max and max(map(len, lines), default=0) > self._max:
            raise SSELineTooLongError(f"SSE line longer than {self._max} bytes")
        if self._pending_size > self._max:
            raise SSELineTooLongError(f"SSE line longer than {self._max} bytes")
        return self._process(lines)

    def finish(self) -> list[SSEEvent]:
        """Signal end of input; return the events still pending.

        An unterminated last line counts as a line, and an event whose data lines are
        complete is dispatched even without its closing blank line. The decoder is reset,
        except for the last event ID.
        """
        lines = [b"".join(self._pending)] if self._pending else []
        self._pending = []
        self._pending_size = 0
        self._skip_lf = False
        self._bom_pending = True  # what follows would be a new stream
        lines.append(b"")
        return self._process(lines)

    def _strip_bom(self, chunk: bytes) -> bytes:
        # The BOM may arrive split over several chunks: hold back a strict prefix of it.
        head = b"".join(self._pending) + chunk if self._pending else chunk
        if len(head) < len(_BOM) and _BOM.startswith(head):
            self._pending = [head]
            self._pending_size = len(head)
            return b""
        self._bom_pending = False
        self._pending = []
        self._pending_size = 0
        return head[3:] if head.startswith(_BOM) else head

    def _process(self, lines: list[bytes]) -> list[SSEEvent]:
        events: list[SSEEvent] = []
        data = self._data
        for line in lines:
            if not line:
                if data:
                    events.append(SSEEvent("\n".join(data), self._event, self._last_id))
                    data = self._data = []
                    self._data_size = 0
                self._event = None
                continue
            if line.startswith(b"data:"):
                value = line[6:] if line[5:6] == b" " else line[5:]
                data.append(value.decode("utf-8", "replace"))
                self._data_size += len(value)
                if self._data_size > self._max:
                    raise SSELineTooLongError(f"SSE event data longer than {self._max} bytes")
                continue
            if line[0] == _COLON:
                continue
            self._field(line)
        return events

    def _field(self, line: bytes) -> None:
        name, colon, raw = line.partition(b":")
        if colon and raw[:1] == b" ":
            raw = raw[1:]
        value = raw.decode("utf-8", "replace")
        if name == b"data":  # "data" with no colon: an empty data line
            self._data.append(value)
        elif name == b"event":
            self._event = value
        elif name == b"id" and "\x00" not in value:
            self._last_id = value
        # "retry" and unknown fields mean nothing to a client that never reconnects.
