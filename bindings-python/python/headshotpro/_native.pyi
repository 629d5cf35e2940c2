"""The compiled half of the package (Rust). Use the public ``headshotpro`` API instead."""

import asyncio
from typing import Any, Optional, final

_Loop = Optional[asyncio.AbstractEventLoop]

__all__ = [
    "CORE_VERSION",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "VERSION",
    "Canceller",
    "NativeClient",
    "invites_create",
    "invites_list",
    "invites_retrieve",
    "invites_revoke",
    "models_create",
    "models_delete",
    "models_retrieve",
    "models_wait",
    "organization_credits",
    "organization_retrieve",
    "parse_webhook",
    "redact_url",
    "sign_webhook",
    "teams_add_members",
    "teams_create",
    "teams_delete",
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
    def closed(self) -> bool: ...
    def with_options(self, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> NativeClient: ...
    def close(self) -> None: ...

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
    client: NativeClient, email: str, team_id: Optional[str], is_development: bool, event_loop: _Loop = None
) -> Any: ...
def models_retrieve(client: NativeClient, model_id: str, event_loop: _Loop = None) -> Any: ...
def models_delete(client: NativeClient, model_id: str, event_loop: _Loop = None) -> Any: ...
def models_wait(client: NativeClient, model_id: str, until: str, timeout: float, event_loop: _Loop = None) -> Any: ...
