"""Debug logging through pytest-httpx, both twins: the events are there, the key never is."""

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

from openrouter_core import BackoffStrategy, RetryConfig
from openrouter_core.errors import SDKValidationError

from .shell_support import FakeClock, tracking_core
from .support import MODES, URL, Mode, result_json, send, user_request

pytestmark = pytest.mark.parametrize("mode", MODES)

KEY = "sk-or-v1-log-secret-9f8e7d6c5b4a"
LOGGER = "openrouter_core"
RETRY = RetryConfig(backoff=BackoffStrategy(initial_interval=1.0, exponent=1.0))


def _call(mode: Mode, **options: Any) -> Any:
    responses: list[httpx.Response] = []
    options.setdefault("retry_config", RETRY)
    core = tracking_core(mode, FakeClock(), responses, api_key=KEY, **options)
    return send(mode, core, user_request())


def _texts(records: list[logging.LogRecord]) -> list[str]:
    return [record.getMessage() for record in records if record.name == LOGGER]


def _503() -> dict[str, Any]:
    return {
        "url": URL,
        "status_code": 503,
        "json": {"error": {"code": 503, "message": "down"}},
        "headers": {"X-Generation-Id": "gen-503"},
    }


def test_success_logs_method_url_status_generation_and_elapsed(
    mode: Mode, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """A successful call logs the request, its status and generation id, and the time taken."""
    httpx_mock.add_response(url=URL, json=result_json(), headers={"X-Generation-Id": "gen-123"})
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    _call(mode)
    assert [
        f"POST {URL} attempt=1",
        f"POST {URL} attempt=1 status=200 generation_id=gen-123",
        f"POST {URL} attempt=1 outcome=ok elapsed=0.000s total=0.000s",
    ] == _texts(caplog.records)


def test_retry_logs_the_error_and_the_delay(
    mode: Mode, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """A retried 503 logs its status, generation id, the sleep and the next attempt."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    _call(mode)
    assert [
        f"POST {URL} attempt=1",
        f"POST {URL} attempt=1 status=503 generation_id=gen-503",
        f"POST {URL} attempt=1 outcome=ServiceUnavailableResponseError status=503"
        " generation_id=gen-503 elapsed=0.000s total=0.000s",
        "retrying after ServiceUnavailableResponseError: sleeping 0.750s (attempt 1)",
        f"POST {URL} attempt=2",
        f"POST {URL} attempt=2 status=200 generation_id=None",
        f"POST {URL} attempt=2 outcome=ok elapsed=0.000s total=0.750s",
    ] == _texts(caplog.records)


def test_custom_debug_logger_receives_the_events(
    mode: Mode, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """With debug_logger set, events go to that logger and none to openrouter_core."""
    httpx_mock.add_response(url=URL, json=result_json())
    mine = logging.getLogger("tests.my_app.openrouter")
    caplog.set_level(logging.DEBUG, logger=mine.name)
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    _call(mode, debug_logger=mine)
    names = {record.name for record in caplog.records}
    assert {mine.name} == names
    assert f"POST {URL} attempt=1" == caplog.records[0].getMessage()


def test_nothing_is_logged_above_debug(
    mode: Mode, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """At INFO the library stays silent, retries included."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())
    caplog.set_level(logging.INFO, logger=LOGGER)
    _call(mode)
    assert [] == _texts(caplog.records)


def _echo_headers_error(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError(f"could not send {dict(request.headers)!r}", request=request)


def _echo_headers_body(request: httpx.Request) -> httpx.Response:
    text = f"bad request; you sent {dict(request.headers)!r}"
    return httpx.Response(400, json={"error": {"code": 400, "message": text}})


def _success(mock: HTTPXMock) -> None:
    mock.add_response(url=URL, json=result_json())


def _unauthorized(mock: HTTPXMock) -> None:
    mock.add_response(url=URL, status_code=401, json={"error": {"code": 401, "message": "No auth"}})


def _retried(mock: HTTPXMock) -> None:
    mock.add_response(**_503())
    mock.add_response(**_503())
    mock.add_response(url=URL, json=result_json())


def _transport_error_echoing_headers(mock: HTTPXMock) -> None:
    mock.add_callback(_echo_headers_error, url=URL, is_reusable=True)


def _error_body_echoing_headers(mock: HTTPXMock) -> None:
    mock.add_callback(_echo_headers_body, url=URL)


SCENARIOS: dict[str, Callable[[HTTPXMock], None]] = {
    "success": _success,
    "unauthorized": _unauthorized,
    "retries": _retried,
    "transport-error-echoing-headers": _transport_error_echoing_headers,
    "error-body-echoing-headers": _error_body_echoing_headers,
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_key_and_authorization_never_appear_in_any_record(
    mode: Mode, scenario: str, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever happens, no log record (of any logger, at any level) holds the key."""
    SCENARIOS[scenario](httpx_mock)
    caplog.set_level(logging.DEBUG)
    _call(mode)
    assert caplog.records, "nothing was logged, so nothing was checked"
    leaks = [
        record.getMessage()
        for record in caplog.records
        if any(
            secret in text
            for secret in (KEY, "Bearer", "uthorization")
            for text in (record.getMessage(), repr(record.args), str(record.exc_info))
        )
    ]
    assert [] == leaks


def test_library_adds_no_handlers(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """After a call the openrouter_core logger still has no handlers and propagates."""
    httpx_mock.add_response(url=URL, json=result_json())
    _call(mode)
    logger = logging.getLogger(LOGGER)
    assert ([], True) == (logger.handlers, logger.propagate)


def test_credentials_in_the_server_url_are_refused_unlogged(
    mode: Mode, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    """A server URL with user:password is refused (httpx would send them as Basic auth in
    place of the key), and neither the error nor the log shows them."""
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    outcome = _call(mode, server_url="https://proxy-user:proxy-secret@openrouter.test/api/v1")
    error = outcome.failure()
    texts = [*_texts(caplog.records), str(error), repr(error)]
    assert (SDKValidationError, "server_url") == (type(error), error.field)
    assert all("proxy-secret" not in text and "proxy-user" not in text for text in texts)
    assert [] == httpx_mock.get_requests()
