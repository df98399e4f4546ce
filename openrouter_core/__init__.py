"""openrouter-core: OpenRouter's chat completions API as free functions returning Results."""

from returns.result import Failure as Failure
from returns.result import Result as Result
from returns.result import Success as Success

__all__ = ["Failure", "Result", "Success"]
