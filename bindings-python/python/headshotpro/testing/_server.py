"""``MockServer``: the HeadshotPro API emulator, started inside this process."""

from __future__ import annotations

import contextlib
import json
import secrets
from types import TracebackType
from typing import Any, Dict, Iterator, List, Mapping, Optional, Type, Union

from .. import _native
from .._client import AsyncClient, Client
from .._enums_current import LikedStatus
from ._capture import WebhookCapture
from ._records import (
    MockInvite,
    MockModel,
    MockPhoto,
    OrganizationSettings,
    RecordedRequest,
    SeedReport,
    WebhookDelivery,
)


class NotGiven:
    """The default of ``set_organization``'s arguments: leave that setting as it is
    (``None`` clears an optional setting)."""

    _instance: Optional[NotGiven] = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class MockServer:
    """A stateful HeadshotPro API emulator on 127.0.0.1 and an ephemeral port,
    running inside this process (no download, no second binary)::

        with MockServer(credits=5) as mock:
            client = mock.client()
            invite = client.invites.create("ada@example.com")
            mock.accept_invite(invite.id)

    Every argument is a setting of the default organization or the server.
    Timers default to test speed (webhooks sent at once and retried every
    50 ms, development models advancing every 50 ms); pass the production
    values (``webhook_delay_ms=5000``, ``dev_step_ms=1000``) to slow them.
    ``tls=True`` serves HTTPS with HTTP/2 under a certificate made now: its
    authority is ``ca_pem``, which ``client()`` trusts.

    Control methods play the people on the other side (``accept_invite``,
    ``complete_onboarding``, ``choose_favorite``…), inject faults and read the
    request and webhook logs; an unknown id raises ``NotFoundError``. ``close()``
    (or leaving the ``with`` block) stops the server; closing twice does
    nothing, and a process that never closes it still exits.
    """

    def __init__(
        self,
        *,
        credits: int = 100,
        whitelabel: bool = True,
        webhook_url: Optional[str] = None,
        webhook_secret: Optional[str] = None,
        webhook_delay_ms: int = 0,
        webhook_retry_ms: int = 50,
        dev_step_ms: int = 50,
        rate_limit: Optional[int] = None,
        rate_window_ms: int = 60_000,
        invite_limit: Optional[int] = None,
        photos_per_model: int = 8,
        photo_url_ttl_ms: int = 86_400_000,
        tls: bool = False,
        port: int = 0,
        api_key: Optional[str] = None,
    ) -> None:
        options: Dict[str, Any] = {
            "credits": credits,
            "whitelabel": whitelabel,
            "webhook_url": webhook_url,
            "webhook_secret": webhook_secret,
            "webhook_delay_ms": webhook_delay_ms,
            "webhook_retry_ms": webhook_retry_ms,
            "dev_step_ms": dev_step_ms,
            "rate_limit": rate_limit,
            "rate_window_ms": rate_window_ms,
            "invite_limit": invite_limit,
            "photos_per_model": photos_per_model,
            "photo_url_ttl_ms": photo_url_ttl_ms,
            "tls": tls,
            "port": port,
        }
        if api_key is not None:
            options["api_key"] = api_key
        self._native: _native.NativeMockServer = _native.mock_start(options)

    # ---- where it is -----------------------------------------------------------------

    @property
    def url(self) -> str:
        """The API's base URL, e.g. ``http://127.0.0.1:41234`` (``https://`` with TLS)."""
        return self._native.url

    @property
    def cdn_url(self) -> str:
        """Where photos are served: the same server under another host name
        (``http://localhost:41234``), as a CDN would be another host."""
        return self._native.cdn_url

    @property
    def api_key(self) -> str:
        """The default organization's API key."""
        return self._native.api_key

    @property
    def ca_pem(self) -> Optional[str]:
        """With ``tls=True``, the PEM of the certificate authority to trust
        (``Client(extra_root_certificates=mock.ca_pem)``); else ``None``."""
        return self._native.ca_pem

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._native.closed

    def client(self, **options: Any) -> Client:
        """A ``Client`` for this server: its URL, key and (with TLS) its
        certificate authority. ``options`` are passed on (``max_retries=0``…)."""
        return Client(**self._client_options(options))

    def async_client(self, **options: Any) -> AsyncClient:
        """An ``AsyncClient`` for this server, like ``client()``."""
        return AsyncClient(**self._client_options(options))

    def _client_options(self, options: Dict[str, Any]) -> Dict[str, Any]:
        settings: Dict[str, Any] = {"api_key": self.api_key, "base_url": self.url}
        if self.ca_pem is not None:
            settings["extra_root_certificates"] = self.ca_pem
        settings.update(options)
        return settings

    # ---- people on the other side ----------------------------------------------------

    def accept_invite(self, invite_id: str) -> MockInvite:
        """The invitee signs up: ``pending-invite`` → ``waiting-for-upload``."""
        result: MockInvite = self._native.accept_invite(invite_id)
        return result

    def upload_photos(self, invite_id: str) -> MockInvite:
        """The member uploads photos: a credit is spent, ``generating-headshots``."""
        result: MockInvite = self._native.upload_photos(invite_id)
        return result

    def advance_invite(self, invite_id: str) -> MockInvite:
        """The invite's next step: accept, upload, or ``generating-headshots`` → ``active``."""
        result: MockInvite = self._native.advance_invite(invite_id)
        return result

    def complete_onboarding(self, model_id: str) -> MockModel:
        """The user finishes onboarding: ``onboarding`` → ``waiting``, a credit spent
        unless it is a development model (which then advances by itself)."""
        result: MockModel = self._native.complete_onboarding(model_id)
        return result

    def advance(self, model_id: str) -> MockModel:
        """The model's next status (from ``onboarding`` it completes onboarding);
        turning ``active`` gives it its photos and sends ``model.photos_ready``."""
        result: MockModel = self._native.advance(model_id)
        return result

    def fail(self, model_id: str) -> MockModel:
        """Training fails: ``failed`` (the next ``advance`` goes back to ``pending``)."""
        result: MockModel = self._native.fail(model_id)
        return result

    def photos(self, model_id: str) -> List[MockPhoto]:
        """A model's photos, as the mock keeps them."""
        result: List[MockPhoto] = self._native.photos(model_id)
        return result

    def like_photo(self, photo_id: str, status: Union[LikedStatus, str] = "liked") -> MockPhoto:
        """The user rates a photo: ``"liked"``, ``"loved"`` or ``"none"``."""
        result: MockPhoto = self._native.like_photo(photo_id, str(status))
        return result

    def choose_favorite(self, model_id: str, photo_id: str) -> MockModel:
        """The user picks a favorite among an active model's photos; sends
        ``model.favorite_selected``."""
        result: MockModel = self._native.choose_favorite(model_id, photo_id)
        return result

    # ---- the organization ------------------------------------------------------------

    def organization(self, *, key: Optional[str] = None) -> OrganizationSettings:
        """The settings of the default organization (or of the one with API key ``key``)."""
        result: OrganizationSettings = self._native.organization(key)
        return result

    def set_organization(
        self,
        *,
        credits: Union[int, NotGiven] = NOT_GIVEN,
        whitelabel: Union[bool, NotGiven] = NOT_GIVEN,
        webhook_url: Union[str, None, NotGiven] = NOT_GIVEN,
        webhook_secret: Union[str, None, NotGiven] = NOT_GIVEN,
        invite_limit: Union[int, None, NotGiven] = NOT_GIVEN,
        rate_limit: Union[int, None, NotGiven] = NOT_GIVEN,
        rate_window_ms: Union[int, NotGiven] = NOT_GIVEN,
        photos_per_model: Union[int, NotGiven] = NOT_GIVEN,
        photo_url_ttl_ms: Union[int, NotGiven] = NOT_GIVEN,
        envelope: Union[str, NotGiven] = NOT_GIVEN,
        name: Union[str, NotGiven] = NOT_GIVEN,
        website: Union[str, NotGiven] = NOT_GIVEN,
        description: Union[str, NotGiven] = NOT_GIVEN,
        key: Optional[str] = None,
    ) -> OrganizationSettings:
        """Changes the settings given (of the organization with API key ``key``,
        else the default one); ``None`` clears an optional setting. ``envelope``
        is ``"top"`` or ``"data"`` (where V2 answers put their fields);
        ``photo_url_ttl_ms=0`` makes every signed photo URL already expired."""
        given = {
            "credits": credits,
            "whitelabel": whitelabel,
            "webhook_url": webhook_url,
            "webhook_secret": webhook_secret,
            "invite_limit": invite_limit,
            "rate_limit": rate_limit,
            "rate_window_ms": rate_window_ms,
            "photos_per_model": photos_per_model,
            "photo_url_ttl_ms": photo_url_ttl_ms,
            "envelope": envelope,
            "name": name,
            "website": website,
            "description": description,
        }
        changes = {k: v for k, v in given.items() if not isinstance(v, NotGiven)}
        result: OrganizationSettings = self._native.set_organization(changes, key)
        return result

    def seed(self, *, members: int = 0, models: int = 0, team_id: Optional[str] = None) -> SeedReport:
        """Creates accepted members (``seed-N@example.com``) and active development
        models with their photos (``seed-model-N@example.com``) at once, without
        webhooks: for paging tests and benchmarks."""
        result: SeedReport = self._native.seed(members, models, team_id)
        return result

    # ---- faults and logs -------------------------------------------------------------

    def inject_fault(
        self,
        method: Optional[str],
        path: str,
        *,
        status: Optional[int] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        delay_ms: Optional[int] = None,
        drop: bool = False,
        after: Union[str, int, None] = None,
        times: int = 1,
    ) -> int:
        """Makes the next ``times`` requests whose method is ``method`` (``None``:
        any) and whose path starts with ``path`` fail; returns the fault's id.

        ``status`` answers that status (with the ``INJECTED`` error body unless
        ``body`` is given); ``body`` answers that body (a ``str`` is sent as is,
        for malformed answers; anything else as JSON; 200 unless ``status``);
        ``headers`` adds answer headers; ``delay_ms`` waits first; ``drop`` closes
        the connection without an answer. ``after`` processes the request first,
        then fails: ``"drop"`` closes the connection, a status answers it instead
        of the real answer — how exactly-once creates are tested."""
        raw = body if isinstance(body, str) else None
        as_json = None if body is None or isinstance(body, str) else json.dumps(body)
        fault_id: int = self._native.inject_fault(
            method,
            path,
            status,
            raw,
            as_json,
            list((headers or {}).items()),
            delay_ms,
            drop,
            after,
            times,
        )
        return fault_id

    def clear_faults(self) -> None:
        """Removes every fault still pending."""
        self._native.clear_faults()

    def requests(self) -> List[RecordedRequest]:
        """Every API and CDN request received, in order (control calls are not logged)."""
        result: List[RecordedRequest] = self._native.requests()
        return result

    def clear_requests(self) -> None:
        """Clears the request log."""
        self._native.clear_requests()

    def webhooks(self) -> List[WebhookDelivery]:
        """Every webhook delivery attempt, in order."""
        result: List[WebhookDelivery] = self._native.webhooks()
        return result

    def clear_webhooks(self) -> None:
        """Clears the webhook delivery log."""
        self._native.clear_webhooks()

    def reset(self) -> None:
        """Back to the start state (this server's settings included): cancels pending
        webhooks and timers, clears the logs and faults."""
        self._native.reset()

    def state(self) -> Dict[str, Any]:
        """The whole state as plain JSON data, for debugging."""
        result: Dict[str, Any] = self._native.state()
        return result

    @contextlib.contextmanager
    def capture_webhooks(self, secret: Optional[str] = None, *, path: str = "/webhooks") -> Iterator[WebhookCapture]:
        """Receives the default organization's webhooks in this process while the
        ``with`` block runs, verifying each with ``verify_webhook``::

            with mock.capture_webhooks() as events:
                model = client.models.create("ada@example.com", is_development=True)
                events.wait(1, event="model.created")

        The organization's webhook URL points at the receiver meanwhile, and its
        secret is ``secret`` (else the one it has, else a random one); both are
        restored afterwards."""
        before = self.organization()
        chosen = secret or before.webhook_secret or f"whsec_test_{secrets.token_hex(16)}"
        capture = WebhookCapture(chosen)
        capture._start(path)
        try:
            self.set_organization(webhook_url=capture.url, webhook_secret=chosen)
            yield capture
        finally:
            try:
                if not self.closed:
                    self.set_organization(webhook_url=before.webhook_url, webhook_secret=before.webhook_secret)
            finally:
                capture._stop()

    # ---- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Stops the server and waits until it is down. Closing twice does nothing."""
        self._native.close()

    def __enter__(self) -> MockServer:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return "MockServer(closed)" if self.closed else f"MockServer(url={self.url!r})"
