"""The compiled half of the package (Rust). Use the public ``headshotpro`` API instead."""

import asyncio
from typing import Any, Optional, final

__all__ = [
    "CORE_VERSION",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "VERSION",
    "Canceller",
    "NativeClient",
    "parse_webhook",
    "sign_webhook",
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
    ) -> NativeClient: ...
    @property
    def base_url(self) -> str: ...
    @property
    def user_agent(self) -> str: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...
    def organization_retrieve(self, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def organization_credits(self, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def invites_create(
        self, email: str, team_id: Optional[str], event_loop: Optional[asyncio.AbstractEventLoop] = None
    ) -> Any: ...
    def invites_revoke(self, email: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def invites_list(self, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def invites_retrieve(self, invite_id: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def teams_create(self, name: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def teams_update(
        self, team_id: str, name: str, event_loop: Optional[asyncio.AbstractEventLoop] = None
    ) -> Any: ...
    def teams_delete(self, team_id: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def teams_add_members(
        self, team_id: str, emails: list[str], event_loop: Optional[asyncio.AbstractEventLoop] = None
    ) -> Any: ...
    def models_create(
        self,
        email: str,
        team_id: Optional[str],
        is_development: bool,
        event_loop: Optional[asyncio.AbstractEventLoop] = None,
    ) -> Any: ...
    def models_retrieve(self, model_id: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def models_delete(self, model_id: str, event_loop: Optional[asyncio.AbstractEventLoop] = None) -> Any: ...
    def models_wait(
        self,
        model_id: str,
        until: str,
        timeout: float,
        event_loop: Optional[asyncio.AbstractEventLoop] = None,
    ) -> Any: ...

@final
class Canceller:
    def __call__(self, future: asyncio.Future[Any]) -> None: ...

def parse_webhook(raw: bytes) -> Any: ...
def verify_webhook(raw: bytes, headers: list[tuple[str, str]], secret: str, tolerance: float) -> Any: ...
def sign_webhook(raw: bytes, secret: str, timestamp: int) -> str: ...
