"""The SSE decoder: framing by the WHATWG rules, whatever the chunk boundaries."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openrouter_core._sse import SSEDecoder, SSEEvent, SSELineTooLongError


def decode(chunks: Iterable[bytes], max_line_bytes: int = 16 * 1024 * 1024) -> list[SSEEvent]:
    """Feed every chunk, then finish, and return all events in order."""
    decoder = SSEDecoder(max_line_bytes=max_line_bytes)
    events: list[SSEEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.finish())
    return events


def bytewise(data: bytes) -> list[bytes]:
    """Split a stream into one-byte chunks."""
    return [data[i : i + 1] for i in range(len(data))]


FEEDS = pytest.mark.parametrize("split", [lambda b: [b], bytewise], ids=["whole", "byte_at_a_time"])


@FEEDS
@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        pytest.param(b"data: a\n\n", [SSEEvent("a")], id="lf"),
        pytest.param(b"data: a\r\n\r\n", [SSEEvent("a")], id="crlf"),
        pytest.param(b"data: a\r\r", [SSEEvent("a")], id="cr"),
        pytest.param(
            b"data: a\r\n\ndata: b\r\rdata: c\n\r\n",
            [SSEEvent("a"), SSEEvent("b"), SSEEvent("c")],
            id="mixed_line_ends",
        ),
        pytest.param(b"data: a\ndata: b\ndata:c\n\n", [SSEEvent("a\nb\nc")], id="multi_line_data"),
        pytest.param(b"data:a\n\n", [SSEEvent("a")], id="no_space_after_colon"),
        pytest.param(b"data:  a \n\n", [SSEEvent(" a ")], id="only_one_space_stripped"),
        pytest.param(b"data\ndata: a\n\n", [SSEEvent("\na")], id="field_without_colon"),
        pytest.param(b"data:\n\n", [SSEEvent("")], id="empty_data_line_dispatches"),
        pytest.param(b'data: {"a": 1}\n\n', [SSEEvent('{"a": 1}')], id="json"),
        pytest.param(
            b": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: a\n\n",
            [SSEEvent("a")],
            id="keep_alive_comments",
        ),
        pytest.param(
            b"data: a\n: inside\ndata: b\n\n", [SSEEvent("a\nb")], id="comment_inside_event"
        ),
        pytest.param(b"event: x\nid: 7\nretry: 10\n\n", [], id="no_data_lines_no_event"),
        pytest.param(
            b"event: ping\ndata: a\n\ndata: b\n\n",
            [SSEEvent("a", event="ping"), SSEEvent("b")],
            id="event_type_resets_after_dispatch",
        ),
        pytest.param(
            b"event: x\n\ndata: a\n\n", [SSEEvent("a")], id="event_type_resets_without_data"
        ),
        pytest.param(
            b"id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n",
            [SSEEvent("a", id="1"), SSEEvent("b", id="1"), SSEEvent("c", id="")],
            id="last_event_id_persists",
        ),
        pytest.param(b"id: 1\x002\ndata: a\n\n", [SSEEvent("a")], id="id_with_nul_ignored"),
        pytest.param(
            b"retry: 5\nfoo: bar\ndata: a\n\n", [SSEEvent("a")], id="retry_and_unknown_ignored"
        ),
        pytest.param(b"\xef\xbb\xbfdata: a\n\n", [SSEEvent("a")], id="leading_bom"),
        pytest.param(
            b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n",
            [SSEEvent("b")],
            id="only_one_bom_stripped",
        ),
        pytest.param(b"\xef\xbbdata: a\n\n", [], id="partial_bom_is_not_a_bom"),
        pytest.param(b"data: a\n", [SSEEvent("a")], id="eof_dispatches_pending_event"),
        pytest.param(b"data: a", [SSEEvent("a")], id="eof_unterminated_line"),
        pytest.param(b"data: a\r", [SSEEvent("a")], id="eof_after_cr"),
        pytest.param(b"event: x\n", [], id="eof_without_data"),
        pytest.param(b"", [], id="empty_stream"),
        pytest.param(b"data: \xff\xfe\n\n", [SSEEvent("\ufffd\ufffd")], id="invalid_utf8_replaced"),
        pytest.param("data: é€😀\n\n".encode(), [SSEEvent("é€😀")], id="multi_byte_utf8"),
        pytest.param(
            'data: {"c": "a\u2028b\u2029c\x85d\x0be\x0cf\x1cg"}\n\n'.encode(),
            [SSEEvent('{"c": "a\u2028b\u2029c\x85d\x0be\x0cf\x1cg"}')],
            id="unicode_line_separators_survive",
        ),
    ],
)
def test_decodes(split, stream: bytes, expected: list[SSEEvent]) -> None:
    """Each framing case decodes to the same events fed whole or one byte at a time."""
    assert expected == decode(split(stream))


def test_cr_then_lf_across_chunks_is_one_line_end() -> None:
    """A CR ending one chunk and an LF starting the next end a single line, not two."""
    assert [SSEEvent("a\nb")] == decode([b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"])


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        pytest.param(
            [b"event: x\nid: 1\n", b"data: a\n\n", b"data: b\n\n"],
            [SSEEvent("a", event="x", id="1"), SSEEvent("b", id="1")],
            id="fields_before_a_whole_event_chunk",
        ),
        pytest.param([b"data: a\n", b"data: b\n\n"], [SSEEvent("a\nb")], id="data_pending"),
        pytest.param([b"data: a", b"data: b\n\n"], [SSEEvent("adata: b")], id="line_pending"),
        pytest.param([b"data: a\r", b"data: b\n\n"], [SSEEvent("a\nb")], id="after_cr"),
        pytest.param([b"\xef\xbb", b"\xbf", b"data: a\n\n"], [SSEEvent("a")], id="after_bom"),
        pytest.param([b"data: a\r\n\n"], [SSEEvent("a")], id="with_cr"),
        pytest.param([b"data: a\nb\n"], [SSEEvent("a")], id="two_lines"),
    ],
)
def test_whole_event_chunks_respect_pending_state(
    chunks: list[bytes], expected: list[SSEEvent]
) -> None:
    """A chunk that is exactly one event still joins what earlier chunks left pending."""
    assert expected == decode(chunks)


def test_utf8_split_across_chunks() -> None:
    """A multi-byte character split between chunks decodes whole."""
    encoded = "data: 😀\n\n".encode()
    assert [SSEEvent("😀")] == decode([encoded[:7], encoded[7:9], encoded[9:]])


def test_feed_returns_events_as_soon_as_complete() -> None:
    """An event is returned by the feed that completes it, not later."""
    decoder = SSEDecoder()
    assert [] == decoder.feed(b"data: a\n")
    assert [SSEEvent("a")] == decoder.feed(b"\ndata: b")
    assert [] == decoder.feed(b"\n")
    assert [SSEEvent("b")] == decoder.finish()


def test_done_sentinel() -> None:
    """Only the exact ``[DONE]`` payload is the sentinel."""
    assert (True, False, False) == (
        SSEEvent("[DONE]").done,
        SSEEvent(" [DONE]").done,
        SSEEvent("[DONE]\n").done,
    )


@pytest.mark.parametrize(
    "chunks",
    [
        pytest.param([b"data: " + b"x" * 20 + b"\n\n"], id="complete_line"),
        pytest.param([b"data: " + b"x" * 10, b"x" * 10], id="unterminated_line"),
        pytest.param([b"data: xxxxxx\n" * 3], id="event_data"),
    ],
)
def test_over_long_input_raises(chunks: list[bytes]) -> None:
    """A line or an event's data past the cap raises instead of growing memory."""
    decoder = SSEDecoder(max_line_bytes=16)
    with pytest.raises(SSELineTooLongError):
        for chunk in chunks:
            decoder.feed(chunk)


def test_line_at_the_cap_is_fine() -> None:
    """A line exactly ``max_line_bytes`` long is accepted."""
    line = b"data: " + b"x" * 10
    assert [SSEEvent("x" * 10)] == decode([line + b"\n\n"], max_line_bytes=len(line))


_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=12)
_FIELD = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=6)
_ENDINGS = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def streams(draw: st.DrawFn) -> tuple[bytes, list[SSEEvent]]:
    """A valid stream with mixed line ends, comments, fields and a BOM, and its events."""
    lines: list[str] = []
    expected: list[SSEEvent] = []
    last_id: str | None = None
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.booleans()):
            lines += [": OPENROUTER PROCESSING", ""]
        event = draw(st.none() | _FIELD)
        if event is not None:
            lines.append(f"event: {event}")
        if draw(st.booleans()):
            last_id = draw(_FIELD)
            lines.append(f"id: {last_id}")
        data = draw(_TEXT)
        for part in data.split("\n"):
            sep = ": " if part.startswith(" ") or draw(st.booleans()) else ":"
            lines.append(f"data{sep}{part}")
        if draw(st.booleans()):
            lines.append(": comment")
        lines.append("")
        expected.append(SSEEvent(data, event=event, id=last_id))
    text = ""
    previous = ""
    for line in lines:
        ending = draw(_ENDINGS)
        if previous == "\r" and not line and ending == "\n":
            ending = "\r\n"  # a lone LF here would complete the CR, not end a new line
        text += line + ending
        previous = ending
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + text).encode(), expected


def splits(data: bytes, cuts: list[int], after_every_cr: bool = False) -> list[bytes]:
    """Cut ``data`` at the given offsets, and optionally right after each CR."""
    points = {0, len(data), *(c % (len(data) + 1) for c in cuts)}
    if after_every_cr:
        points.update(i + 1 for i, byte in enumerate(data) if byte == 13)
    ordered = sorted(points)
    return [data[a:b] for a, b in pairwise(ordered)]


@given(streams(), st.lists(st.integers(0, 10_000), max_size=30), st.booleans())
def test_any_split_of_a_valid_stream_gives_its_events(
    stream: tuple[bytes, list[SSEEvent]], cuts: list[int], after_every_cr: bool
) -> None:
    """Any chunking of a valid stream, even inside a character or a CRLF, yields its events."""
    data, expected = stream
    assert expected == decode([data])
    assert expected == decode(splits(data, cuts, after_every_cr))


@given(st.binary(max_size=300), st.lists(st.integers(0, 10_000), max_size=30), st.booleans())
def test_arbitrary_bytes_never_raise_and_ignore_chunking(
    data: bytes, cuts: list[int], after_every_cr: bool
) -> None:
    """Garbage never raises anything but the length cap, and chunking never changes the result."""

    def attempt(chunks: list[bytes]) -> list[SSEEvent] | None:
        try:
            return decode(chunks, max_line_bytes=64)
        except SSELineTooLongError:
            return None

    assert attempt([data]) == attempt(splits(data, cuts, after_every_cr))


@given(streams(), st.lists(st.integers(0, 10_000), max_size=30), st.booleans())
def test_feed_data_gives_the_data_of_feeds_events(
    stream: tuple[bytes, list[SSEEvent]], cuts: list[int], after_every_cr: bool
) -> None:
    """``feed_data`` (the chat stream's path) returns exactly the data of ``feed``'s events,
    read by read, also when whole one-event chunks follow a partial line or a BOM."""
    data, _ = stream
    chunks = [*splits(data, cuts, after_every_cr), b"data: x\n\n", b"data: y\n\n"]
    events, datas = SSEDecoder(), SSEDecoder()
    for chunk in chunks:
        assert [event.data for event in events.feed(chunk)] == datas.feed_data(chunk)
