"""The compiled half of the package (Rust). Use the public ``headshotpro`` API instead."""

import asyncio
import os
from typing import Any, Dict, List, Optional, Tuple, Union, final

_Loop = Optional[asyncio.AbstractEventLoop]

__all__ = [
    "CORE_VERSION",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "VERSION",
    "Canceller",
    "NativeCapture",
    "NativeClient",
    "NativeMockServer",
    "NativePage",
    "invites_create",
    "invites_create_many",
    "invites_list",
    "invites_retrieve",
    "invites_retrieve_by_email",
    "invites_revoke",
    "members_list",
    "cli_main",
    "env_log_level",
    "from_json",
    "mock_start",
    "models_create",
    "models_delete",
    "models_list",
    "models_retrieve",
    "models_wait",
    "organization_credits",
    "organization_retrieve",
    "parse_webhook",
    "photos_download_links",
    "photos_favorite",
    "photos_favorites",
    "photos_list",
    "photos_retrieve",
    "photos_save",
    "redact_url",
    "request",
    "sign_webhook",
    "teams_add_members",
    "teams_create",
    "teams_delete",
    "teams_list",
    "teams_update",
    "verify_webhook",
]

VERSION: str
CORE_VERSION: str
SIGNATURE_HEADER: str
TIMESTAMP_HEADER: str
DEFAULT_TOLERANCE: float

@final
class NativeClient:
    def __new__(
        cls,
        api_key: Optional[str],
        base_url: Optional[str],
        timeout: float,
        max_retries: int,
        connect_timeout: Optional[float] = None,
        allow_insecure_http: bool = False,
        proxy: Optional[str] = None,
        extra_root_certificates: Optional[bytes] = None,
        max_requests_per_minute: Optional[int] = None,
        default_headers: Optional[List[Tuple[str, str]]] = None,
        app_info: Optional[Tuple[str, Optional[str], Optional[str]]] = None,
        log_level: Optional[str] = None,
        on_request: Optional[List[Any]] = None,
        on_response: Optional[List[Any]] = None,
    ) -> NativeClient: ...
    @property
    def base_url(self) -> str: ...
    @property
    def user_agent(self) -> str: ...
    @property
    def timeout(self) -> float: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def last_rate_limit(self) -> Any: ...
    @property
    def max_requests_per_minute(self) -> Optional[int]: ...
    @property
    def closed(self) -> bool: ...
    @property
    def app_info(self) -> Optional[Tuple[str, Optional[str], Optional[str]]]: ...
    @property
    def default_headers(self) -> List[Tuple[str, str]]: ...
    @property
    def log_level(self) -> str: ...
    def with_options(
        self,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        headers: Optional[List[Tuple[str, str]]] = None,
    ) -> NativeClient: ...
    def capturing(self) -> Tuple[NativeClient, NativeCapture]:
        """A twin sharing this client's pool whose answers the capture records (``with_raw_response``)."""
    def close(self) -> None: ...

@final
class NativeCapture:
    def last(self) -> Optional[Dict[str, Any]]:
        """The latest answer's status, headers, rate limit, operation…; ``None`` when it got none."""

@final
class NativePage:
    @property
    def items(self) -> List[Any]: ...
    @property
    def total(self) -> int: ...
    @property
    def limit(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def has_more(self) -> bool: ...
    def has_next_page(self) -> bool: ...
    def next_page(self, event_loop: _Loop = None) -> Any: ...

@final
class NativeMockServer:
    @property
    def url(self) -> str: ...
    @property
    def cdn_url(self) -> str: ...
    @property
    def api_key(self) -> str: ...
    @property
    def ca_pem(self) -> Optional[str]: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...
    def accept_invite(self, invite_id: str) -> Any: ...
    def upload_photos(self, invite_id: str) -> Any: ...
    def advance_invite(self, invite_id: str) -> Any: ...
    def complete_onboarding(self, model_id: str) -> Any: ...
    def advance(self, model_id: str) -> Any: ...
    def fail(self, model_id: str) -> Any: ...
    def photos(self, model_id: str) -> Any: ...
    def like_photo(self, photo_id: str, status: str) -> Any: ...
    def choose_favorite(self, model_id: str, photo_id: str) -> Any: ...
    def organization(self, key: Optional[str] = None) -> Any: ...
    def set_organization(self, changes: Dict[str, Any], key: Optional[str] = None) -> Any: ...
    def inject_fault(
        self,
        method: Optional[str],
        path: str,
        status: Optional[int],
        raw_body: Optional[str],
        json_body: Optional[str],
        headers: List[Tuple[str, str]],
        delay_ms: Optional[int],
        drop: bool,
        after: Union[str, int, None],
        times: int,
    ) -> int: ...
    def clear_faults(self) -> None: ...
    def requests(self) -> Any: ...
    def clear_requests(self) -> None: ...
    def webhooks(self) -> Any: ...
    def clear_webhooks(self) -> None: ...
    def reset(self) -> None: ...
    def seed(self, members: int, models: int, team_id: Optional[str] = None) -> Any: ...
    def state(self) -> Any: ...

def mock_start(options: Dict[str, Any]) -> NativeMockServer: ...

@final
class Canceller:
    def __call__(self, future: asyncio.Future[Any]) -> None: ...

def parse_webhook(raw: bytes) -> Any: ...
def redact_url(url: str) -> str: ...
def env_log_level() -> str:
    """``HEADSHOTPRO_LOG`` as the core reads it: ``off``, ``error``, ``warn``, ``info`` or ``debug``."""
def cli_main(argv: List[str]) -> int:
    """Runs the ``headshotpro`` command (GIL released); returns its exit code (0, 1, 2 or 130)."""
def from_json(type_name: str, text: str) -> Any:
    """Reads the API's JSON as the named type, through the core. Raises ``InvalidArgumentError``."""
def request(
    client: NativeClient,
    method: str,
    path: str,
    body: Optional[str],
    query: List[Tuple[str, str]],
    event_loop: _Loop = None,
) -> Any:
    """``client.request``: ``body`` is JSON text; returns the decoded answer. The core checks method and path."""
def verify_webhook(raw: bytes, headers: list[tuple[str, str]], secret: str, tolerance: float) -> Any: ...
def sign_webhook(raw: bytes, secret: str, timestamp: int) -> str: ...

# The operations: each blocks (GIL released) and returns the result, or, given
# an event loop, returns an asyncio future of it at once.
def organization_retrieve(client: NativeClient, event_loop: _Loop = None) -> Any: ...
def organization_credits(client: NativeClient, event_loop: _Loop = None) -> Any: ...
def invites_create(client: NativeClient, email: str, team_id: Optional[str], event_loop: _Loop = None) -> Any: ...
def invites_revoke(client: NativeClient, email: str, event_loop: _Loop = None) -> Any: ...
def invites_list(client: NativeClient, event_loop: _Loop = None) -> Any: ...
def invites_retrieve(client: NativeClient, invite_id: str, event_loop: _Loop = None) -> Any: ...
def teams_create(client: NativeClient, name: str, event_loop: _Loop = None) -> Any: ...
def teams_update(client: NativeClient, team_id: str, name: str, event_loop: _Loop = None) -> Any: ...
def teams_delete(client: NativeClient, team_id: str, event_loop: _Loop = None) -> Any: ...
def teams_add_members(client: NativeClient, team_id: str, emails: list[str], event_loop: _Loop = None) -> Any: ...
def models_create(
    client: NativeClient,
    email: str,
    team_id: Optional[str],
    is_development: bool,
    version: Optional[str],
    event_loop: _Loop = None,
) -> Any: ...
def models_retrieve(client: NativeClient, model_id: str, event_loop: _Loop = None) -> Any: ...
def models_delete(client: NativeClient, model_id: str, event_loop: _Loop = None) -> Any: ...
def models_wait(client: NativeClient, model_id: str, until: str, timeout: float, event_loop: _Loop = None) -> Any: ...
def teams_list(client: NativeClient, event_loop: _Loop = None) -> Any: ...
def members_list(
    client: NativeClient, status: Optional[str], limit: Optional[int], offset: Optional[int], event_loop: _Loop = None
) -> Any: ...
def invites_retrieve_by_email(client: NativeClient, email: str, event_loop: _Loop = None) -> Any: ...
def models_list(
    client: NativeClient,
    status: Optional[str],
    team_id: Optional[str],
    limit: Optional[int],
    offset: Optional[int],
    event_loop: _Loop = None,
) -> Any: ...
def photos_list(
    client: NativeClient,
    model_id: str,
    status: Optional[str],
    liked_status: Optional[str],
    include: Optional[str],
    limit: Optional[int],
    offset: Optional[int],
    event_loop: _Loop = None,
) -> Any: ...
def photos_retrieve(
    client: NativeClient, model_id: str, photo_id: str, include: Optional[str], event_loop: _Loop = None
) -> Any: ...
def photos_favorite(client: NativeClient, model_id: str, include: Optional[str], event_loop: _Loop = None) -> Any: ...
def photos_download_links(
    client: NativeClient,
    model_id: str,
    photo_ids: Optional[List[str]],
    include: Optional[str],
    event_loop: _Loop = None,
) -> Any: ...
def photos_favorites(
    client: NativeClient,
    team_id: Optional[str],
    include: Optional[str],
    limit: Optional[int],
    offset: Optional[int],
    event_loop: _Loop = None,
) -> Any: ...
def photos_save(
    client: NativeClient,
    model_id: str,
    directory: Union[str, os.PathLike[str]],
    photo_ids: Optional[List[str]],
    include: Optional[str],
    overwrite: bool,
    concurrency: Optional[int],
    on_progress: Any,
    event_loop: _Loop = None,
) -> Any:
    """``photos.save``: downloads into ``directory``; returns the ``SaveReport``."""
def invites_create_many(
    client: NativeClient,
    emails: List[str],
    team_id: Optional[str],
    concurrency: Optional[int],
    on_progress: Any,
    event_loop: _Loop = None,
) -> Any:
    """``invites.create_many``: one ``BulkInviteResult`` per email, in input order."""
