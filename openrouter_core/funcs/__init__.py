"""The operations: free functions taking the core first, each with an ``_async`` twin."""

from .chat_parse import ChatParseResult as ChatParseResult
from .chat_parse import Parsed as Parsed
from .chat_parse import chat_parse as chat_parse
from .chat_parse import chat_parse_async as chat_parse_async
from .chat_parse import response_format_for as response_format_for
from .chat_run_tools import ChatRunToolsResult as ChatRunToolsResult
from .chat_run_tools import ToolCallRecord as ToolCallRecord
from .chat_run_tools import ToolRun as ToolRun
from .chat_run_tools import chat_run_tools as chat_run_tools
from .chat_run_tools import chat_run_tools_async as chat_run_tools_async
from .chat_run_tools import tool_from_function as tool_from_function
from .chat_send import chat_send as chat_send
from .chat_send import chat_send_async as chat_send_async
from .chat_stream import AsyncChatStream as AsyncChatStream
from .chat_stream import ChatStream as ChatStream
from .chat_stream import chat_stream as chat_stream
from .chat_stream import chat_stream_async as chat_stream_async

__all__ = [
    "AsyncChatStream",
    "ChatParseResult",
    "ChatRunToolsResult",
    "ChatStream",
    "Parsed",
    "ToolCallRecord",
    "ToolRun",
    "chat_parse",
    "chat_parse_async",
    "chat_run_tools",
    "chat_run_tools_async",
    "chat_send",
    "chat_send_async",
    "chat_stream",
    "chat_stream_async",
    "response_format_for",
    "tool_from_function",
]
