"""The operations: free functions taking the core first, each with an ``_async`` twin."""

from .chat_send import chat_send as chat_send
from .chat_send import chat_send_async as chat_send_async
from .chat_stream import AsyncChatStream as AsyncChatStream
from .chat_stream import ChatStream as ChatStream
from .chat_stream import chat_stream as chat_stream
from .chat_stream import chat_stream_async as chat_stream_async

__all__ = [
    "AsyncChatStream",
    "ChatStream",
    "chat_send",
    "chat_send_async",
    "chat_stream",
    "chat_stream_async",
]
