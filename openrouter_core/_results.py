"""The ``Result`` types every function answers with, re-exported from ``returns``."""

from returns.result import Failure, Result, Success

__all__ = ["Failure", "Result", "Success"]
