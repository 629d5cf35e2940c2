"""The compiled half of the package (Rust). Use the public ``headshotpro`` API instead."""

import asyncio
import os
from typing import Any, List, Optional, Union, final

_Loop = Optional[asyncio.AbstractEventLoop]

__all__ = [
    "CORE_VERSION",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "VERSION",
    "Canceller",
    "NativeClient",
    "NativePage",
    "invites_create",
    "invites_list",
    "invites_retrieve",
    "invites_retrieve_by_email",
    "invites_revoke",
    "members_list",
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
    def with_options(self, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> NativeClient: ...
    def close(self) -> None: ...

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
class Canceller:
    def __call__(self, future: asyncio.Future[Any]) -> None: ...

def parse_webhook(raw: bytes) -> Any: ...
def redact_url(url: str) -> str: ...
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
) -> Any: ...
