"""``Client`` and ``AsyncClient``: the same resources, blocking or awaitable.

Blocking calls release the GIL for the whole request, so threads run in
parallel. Async calls return real awaitables; cancelling the task cancels the
request. Both work in a child process after ``os.fork()``.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, List, Optional, Sequence, Type, TypeVar, Union, cast

from . import _native
from ._types import DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelStatus, Organization

if TYPE_CHECKING:  # asyncio is imported on the first async call: it costs import time
    import asyncio

Status = Union[ModelStatus, str]
_C = TypeVar("_C", bound="_BaseClient")


def _loop() -> asyncio.AbstractEventLoop:
    import asyncio

    return asyncio.get_running_loop()


class _Resource:
    def __init__(self, native: _native.NativeClient) -> None:
        self._native = native


class OrganizationResource(_Resource):
    """``client.organization``: the organization behind the key."""

    def retrieve(self) -> Organization:
        """The organization, with its teams."""
        return cast(Organization, self._native.organization_retrieve())

    def credits(self) -> int:
        """Credits left."""
        return cast(int, self._native.organization_credits())


class InvitesResource(_Resource):
    """``client.invites``: team-member invites."""

    def create(self, email: str, *, team_id: Optional[str] = None) -> Invite:
        """Invites ``email`` (into ``team_id``, if given). Never retried once sent."""
        return cast(Invite, self._native.invites_create(email, team_id))

    def revoke(self, email: str) -> None:
        """Revokes the pending invite of ``email``."""
        self._native.invites_revoke(email)

    def list(self) -> List[InviteSummary]:
        """Every invite of the organization."""
        return cast(List[InviteSummary], self._native.invites_list())

    def retrieve(self, invite_id: str) -> InviteDetails:
        """One invite's state."""
        return cast(InviteDetails, self._native.invites_retrieve(invite_id))


class TeamsResource(_Resource):
    """``client.teams``: teams of the organization. Each call returns the organization."""

    def create(self, name: str) -> Organization:
        """Creates a team."""
        return cast(Organization, self._native.teams_create(name))

    def update(self, team_id: str, name: str) -> Organization:
        """Renames a team."""
        return cast(Organization, self._native.teams_update(team_id, name))

    def delete(self, team_id: str) -> Organization:
        """Deletes a team."""
        return cast(Organization, self._native.teams_delete(team_id))

    def add_members(self, team_id: str, emails: Sequence[str]) -> Organization:
        """Adds members (by email) to a team."""
        return cast(Organization, self._native.teams_add_members(team_id, list(emails)))


class ModelsResource(_Resource):
    """``client.models``: whitelabel models."""

    def create(
        self, email: str, *, team_id: Optional[str] = None, is_development: bool = False
    ) -> Model:
        """Creates a model for ``email``. Never retried once sent."""
        return cast(Model, self._native.models_create(email, team_id, is_development))

    def retrieve(self, model_id: str) -> Model:
        """One model."""
        return cast(Model, self._native.models_retrieve(model_id))

    def delete(self, model_id: str) -> DeletedModel:
        """Deletes a model."""
        return cast(DeletedModel, self._native.models_delete(model_id))

    def wait(
        self, model_id: str, *, until: Status = "active", timeout: float = 600.0
    ) -> Model:
        """Polls the model until it reaches ``until`` (or ``deleted``, which is
        final; ``failed`` is not). Raises ``APITimeoutError`` after ``timeout`` seconds."""
        return cast(Model, self._native.models_wait(model_id, str(until), float(timeout)))


class AsyncOrganizationResource(_Resource):
    """``client.organization``: the organization behind the key."""

    async def retrieve(self) -> Organization:
        """The organization, with its teams."""
        return cast(Organization, await self._native.organization_retrieve(_loop()))

    async def credits(self) -> int:
        """Credits left."""
        return cast(int, await self._native.organization_credits(_loop()))


class AsyncInvitesResource(_Resource):
    """``client.invites``: team-member invites."""

    async def create(self, email: str, *, team_id: Optional[str] = None) -> Invite:
        """Invites ``email`` (into ``team_id``, if given). Never retried once sent."""
        return cast(Invite, await self._native.invites_create(email, team_id, _loop()))

    async def revoke(self, email: str) -> None:
        """Revokes the pending invite of ``email``."""
        await self._native.invites_revoke(email, _loop())

    async def list(self) -> List[InviteSummary]:
        """Every invite of the organization."""
        return cast(List[InviteSummary], await self._native.invites_list(_loop()))

    async def retrieve(self, invite_id: str) -> InviteDetails:
        """One invite's state."""
        return cast(InviteDetails, await self._native.invites_retrieve(invite_id, _loop()))


class AsyncTeamsResource(_Resource):
    """``client.teams``: teams of the organization. Each call returns the organization."""

    async def create(self, name: str) -> Organization:
        """Creates a team."""
        return cast(Organization, await self._native.teams_create(name, _loop()))

    async def update(self, team_id: str, name: str) -> Organization:
        """Renames a team."""
        return cast(Organization, await self._native.teams_update(team_id, name, _loop()))

    async def delete(self, team_id: str) -> Organization:
        """Deletes a team."""
        return cast(Organization, await self._native.teams_delete(team_id, _loop()))

    async def add_members(self, team_id: str, emails: Sequence[str]) -> Organization:
        """Adds members (by email) to a team."""
        return cast(
            Organization, await self._native.teams_add_members(team_id, list(emails), _loop())
        )


class AsyncModelsResource(_Resource):
    """``client.models``: whitelabel models."""

    async def create(
        self, email: str, *, team_id: Optional[str] = None, is_development: bool = False
    ) -> Model:
        """Creates a model for ``email``. Never retried once sent."""
        return cast(
            Model, await self._native.models_create(email, team_id, is_development, _loop())
        )

    async def retrieve(self, model_id: str) -> Model:
        """One model."""
        return cast(Model, await self._native.models_retrieve(model_id, _loop()))

    async def delete(self, model_id: str) -> DeletedModel:
        """Deletes a model."""
        return cast(DeletedModel, await self._native.models_delete(model_id, _loop()))

    async def wait(
        self, model_id: str, *, until: Status = "active", timeout: float = 600.0
    ) -> Model:
        """Polls the model until it reaches ``until`` (or ``deleted``, which is
        final; ``failed`` is not). Raises ``APITimeoutError`` after ``timeout`` seconds."""
        return cast(
            Model,
            await self._native.models_wait(model_id, str(until), float(timeout), _loop()),
        )


class _BaseClient:
    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 60.0,
        max_retries: int = 2,
    ) -> None:
        self._bind(_native.NativeClient(api_key, base_url, float(timeout), max_retries))

    def _bind(self, native: _native.NativeClient) -> None:
        """Attaches the native client and the resources that use it."""
        self._native = native

    def with_options(
        self: _C, *, timeout: Optional[float] = None, max_retries: Optional[int] = None
    ) -> _C:
        """A client with another per-attempt ``timeout`` (seconds) or ``max_retries``
        (``None`` keeps this client's), sharing this client's connection pool:
        ``client.with_options(timeout=5).models.retrieve(model_id)``. This client is
        unchanged; closing either one leaves the other usable."""
        derived = type(self).__new__(type(self))
        derived._bind(
            self._native.with_options(None if timeout is None else float(timeout), max_retries)
        )
        return derived

    @property
    def base_url(self) -> str:
        """The base URL requests go to."""
        return self._native.base_url

    @property
    def user_agent(self) -> str:
        """The user agent sent with every request."""
        return self._native.user_agent

    @property
    def timeout(self) -> float:
        """The per-attempt timeout, in seconds."""
        return self._native.timeout

    @property
    def max_retries(self) -> int:
        """The retries after a failed attempt (0: none)."""
        return self._native.max_retries

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._native.closed

    def __repr__(self) -> str:
        if self._native.closed:
            return f"{type(self).__name__}(closed)"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"timeout={self.timeout}, max_retries={self.max_retries})"
        )


class Client(_BaseClient):
    """A blocking HeadshotPro client.

    ``api_key`` defaults to ``HEADSHOTPRO_API_KEY``, ``base_url`` to
    ``HEADSHOTPRO_BASE_URL`` then production; ``timeout`` is per attempt, in
    seconds; ``max_retries`` 0 disables retries. Safe to share between threads.
    """

    organization: OrganizationResource
    invites: InvitesResource
    teams: TeamsResource
    models: ModelsResource

    def _bind(self, native: _native.NativeClient) -> None:
        super()._bind(native)
        self.organization = OrganizationResource(native)
        self.invites = InvitesResource(native)
        self.teams = TeamsResource(native)
        self.models = ModelsResource(native)

    def close(self) -> None:
        """Releases the connection pool, once every client sharing it (``with_options``)
        is closed too. Later calls on this client raise ``RuntimeError``."""
        self._native.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncClient(_BaseClient):
    """An asyncio HeadshotPro client: the surface of ``Client``, every call awaitable.

    Cancelling a task cancels its request. Safe to share between tasks and loops.
    """

    organization: AsyncOrganizationResource
    invites: AsyncInvitesResource
    teams: AsyncTeamsResource
    models: AsyncModelsResource

    def _bind(self, native: _native.NativeClient) -> None:
        super()._bind(native)
        self.organization = AsyncOrganizationResource(native)
        self.invites = AsyncInvitesResource(native)
        self.teams = AsyncTeamsResource(native)
        self.models = AsyncModelsResource(native)

    async def close(self) -> None:
        """Releases the connection pool, once every client sharing it (``with_options``)
        is closed too. Later calls on this client raise ``RuntimeError``."""
        self._native.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()


__all__ = ["Client", "AsyncClient"]
