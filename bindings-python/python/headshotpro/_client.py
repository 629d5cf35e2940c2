"""``Client`` and ``AsyncClient``: the same resources, blocking or awaitable.

Blocking calls release the GIL for the whole request, so threads run in
parallel. Async calls return real awaitables; cancelling the task cancels the
request. Both work in a child process after ``os.fork()``. Every operation is
written once, in the ``_…Operations`` classes below (see ``_operation``).
"""

from __future__ import annotations

from types import TracebackType
from typing import List, Optional, Sequence, Type, TypeVar, Union

from . import _native
from ._operation import AsyncResource, Call, Resource, SyncResource, operation
from ._types import DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelStatus, Organization

Status = Union[ModelStatus, str]
_C = TypeVar("_C", bound="_BaseClient")


class _OrganizationOperations(Resource):
    @operation
    def retrieve(self) -> Call[Organization]:
        """The organization, with its teams."""
        return Call(_native.organization_retrieve, self._native)

    @operation
    def credits(self) -> Call[int]:
        """Credits left."""
        return Call(_native.organization_credits, self._native)


class _InvitesOperations(Resource):
    @operation
    def create(self, email: str, *, team_id: Optional[str] = None) -> Call[Invite]:
        """Invites ``email`` (into ``team_id``, if given). Never retried once sent."""
        return Call(_native.invites_create, self._native, email, team_id)

    @operation
    def revoke(self, email: str) -> Call[None]:
        """Revokes the pending invite of ``email``."""
        return Call(_native.invites_revoke, self._native, email)

    @operation
    def list(self) -> Call[List[InviteSummary]]:
        """Every invite of the organization."""
        return Call(_native.invites_list, self._native)

    @operation
    def retrieve(self, invite_id: str) -> Call[InviteDetails]:
        """One invite's state."""
        return Call(_native.invites_retrieve, self._native, invite_id)


class _TeamsOperations(Resource):
    @operation
    def create(self, name: str) -> Call[Organization]:
        """Creates a team."""
        return Call(_native.teams_create, self._native, name)

    @operation
    def update(self, team_id: str, name: str) -> Call[Organization]:
        """Renames a team."""
        return Call(_native.teams_update, self._native, team_id, name)

    @operation
    def delete(self, team_id: str) -> Call[Organization]:
        """Deletes a team."""
        return Call(_native.teams_delete, self._native, team_id)

    @operation
    def add_members(self, team_id: str, emails: Sequence[str]) -> Call[Organization]:
        """Adds members (by email) to a team."""
        return Call(_native.teams_add_members, self._native, team_id, list(emails))


class _ModelsOperations(Resource):
    @operation
    def create(
        self, email: str, *, team_id: Optional[str] = None, is_development: bool = False
    ) -> Call[Model]:
        """Creates a model for ``email``. Never retried once sent."""
        return Call(_native.models_create, self._native, email, team_id, is_development)

    @operation
    def retrieve(self, model_id: str) -> Call[Model]:
        """One model."""
        return Call(_native.models_retrieve, self._native, model_id)

    @operation
    def delete(self, model_id: str) -> Call[DeletedModel]:
        """Deletes a model."""
        return Call(_native.models_delete, self._native, model_id)

    @operation
    def wait(self, model_id: str, *, until: Status = "active", timeout: float = 600.0) -> Call[Model]:
        """Polls the model until it reaches ``until`` (or ``deleted``, which is
        final; ``failed`` is not). Raises ``APITimeoutError`` after ``timeout`` seconds."""
        return Call(_native.models_wait, self._native, model_id, str(until), timeout)


class OrganizationResource(_OrganizationOperations, SyncResource):
    """``client.organization``: the organization behind the key."""


class InvitesResource(_InvitesOperations, SyncResource):
    """``client.invites``: team-member invites."""


class TeamsResource(_TeamsOperations, SyncResource):
    """``client.teams``: teams of the organization. Each call returns the organization."""


class ModelsResource(_ModelsOperations, SyncResource):
    """``client.models``: whitelabel models."""


class AsyncOrganizationResource(_OrganizationOperations, AsyncResource):
    """``client.organization`` of an ``AsyncClient``: the organization behind the key."""


class AsyncInvitesResource(_InvitesOperations, AsyncResource):
    """``client.invites`` of an ``AsyncClient``: team-member invites."""


class AsyncTeamsResource(_TeamsOperations, AsyncResource):
    """``client.teams`` of an ``AsyncClient``. Each call returns the organization."""


class AsyncModelsResource(_ModelsOperations, AsyncResource):
    """``client.models`` of an ``AsyncClient``: whitelabel models."""


class _BaseClient:
    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        connect_timeout: Optional[float] = None,
        allow_insecure_http: bool = False,
    ) -> None:
        self._bind(
            _native.NativeClient(
                api_key, base_url, timeout, max_retries, connect_timeout, allow_insecure_http
            )
        )

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
            self._native.with_options(timeout, max_retries)
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
    seconds; ``max_retries`` 0 disables retries; ``connect_timeout`` (seconds,
    default 10) bounds connecting; ``allow_insecure_http=True`` permits a plain
    ``http://`` base URL to a non-loopback host (the key then travels in clear
    text). A setting that is not usable raises ``InvalidArgumentError``. Safe to
    share between threads.
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
