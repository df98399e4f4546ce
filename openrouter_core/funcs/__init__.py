"""The operations: free functions taking the core first, each with an ``_async`` twin."""

from .chat_send import chat_send as chat_send
from .chat_send import chat_send_async as chat_send_async

__all__ = ["chat_send", "chat_send_async"]
