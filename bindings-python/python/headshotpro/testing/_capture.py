"""``MockServer.capture_webhooks()``: a small HTTP receiver in the test
process that verifies every delivery with ``verify_webhook`` and hands back
the verified events, with a way to wait for them without sleeping."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Union, overload

from .._errors import WebhookVerificationError
from .._types import WebhookEvent, WebhookEventType
from .._webhooks import verify_webhook

#: How often the receiver's thread checks whether it should stop.
_POLL_SECONDS = 0.05


@dataclasses.dataclass(frozen=True)
class CapturedWebhook:
    """A delivery exactly as it arrived, and the event it verified to: replay
    ``body`` and ``headers`` into your own webhook handler."""

    event: WebhookEvent
    body: bytes
    headers: Dict[str, str]


class WebhookCapture(Sequence[WebhookEvent]):
    """The verified events received so far, in arrival order (a read-only
    list). ``wait()`` blocks until enough have arrived; ``deliveries`` has
    the raw requests; ``rejected`` the deliveries that failed verification
    (answered 400, so the mock retries them)."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        """The secret deliveries are verified with."""
        self.url = ""
        """Where the receiver listens (set once started)."""
        self.deliveries: List[CapturedWebhook] = []
        self.rejected: List[WebhookVerificationError] = []
        self._arrived = threading.Condition()
        self._server: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @overload
    def __getitem__(self, index: int) -> WebhookEvent: ...
    @overload
    def __getitem__(self, index: slice) -> List[WebhookEvent]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[WebhookEvent, List[WebhookEvent]]:
        with self._arrived:
            events = [d.event for d in self.deliveries]
        return events[index]

    def __len__(self) -> int:
        with self._arrived:
            return len(self.deliveries)

    def __repr__(self) -> str:
        return f"WebhookCapture({list(self)!r})"

    def wait(
        self,
        count: int = 1,
        *,
        event: Optional[Union[WebhookEventType, str]] = None,
        model_id: Optional[str] = None,
        timeout: float = 10.0,
    ) -> List[WebhookEvent]:
        """Blocks until at least ``count`` verified events matching ``event`` and
        ``model_id`` (when given) have arrived, and returns the matching events.
        Raises ``TimeoutError`` after ``timeout`` seconds, naming what arrived."""

        def matching() -> List[WebhookEvent]:
            return [
                d.event
                for d in self.deliveries
                if (event is None or d.event.event == event)
                and (model_id is None or d.event.object.id == model_id)
            ]

        with self._arrived:
            if self._arrived.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            arrived = [f"{d.event.event} {d.event.object.id}" for d in self.deliveries]
            rejected = [str(e) for e in self.rejected]
        wanted = f"{count} {event or 'event'}(s)" + (f" for model {model_id}" if model_id else "")
        raise TimeoutError(
            f"waited {timeout} s for {wanted}; arrived: {arrived or 'none'}"
            + (f"; rejected: {rejected}" if rejected else "")
        )

    def _receive(self, body: bytes, headers: Dict[str, str]) -> bool:
        """Verifies one delivery; True when it is kept."""
        try:
            event = verify_webhook(body, headers, self.secret)
        except WebhookVerificationError as error:
            with self._arrived:
                self.rejected.append(error)
                self._arrived.notify_all()
            return False
        with self._arrived:
            self.deliveries.append(CapturedWebhook(event, body, headers))
            self._arrived.notify_all()
        return True

    def _start(self, path: str) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self._receive))
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://127.0.0.1:{port}{path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": _POLL_SECONDS},
            name="headshotpro-webhook-capture",
            daemon=True,
        )
        self._thread.start()

    def _stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _handler(receive: Callable[[bytes, Dict[str, str]], bool]) -> Any:
    """A request handler class that hands every POST body to ``receive``."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            kept = receive(body, {name: value for name, value in self.headers.items()})
            self.send_response(200 if kept else 400)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - overrides the base
            pass

    return Handler
