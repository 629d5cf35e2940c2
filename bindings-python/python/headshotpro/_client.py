"""``Client`` and ``AsyncClient``: the same resources, blocking or awaitable.

Blocking calls release the GIL for the whole request, so threads run in
parallel. Async calls return real awaitables; cancelling the task cancels the
request. Both work in a child process after ``os.fork()``. Every operation is
written once, in the ``_…Operations`` classes below (see ``_operation``).
"""

from __future__ import annotations

import json
import logging
import os
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from . import _logs, _native
from ._errors import InvalidArgumentError
from ._operation import AsyncResource, Call, ListCall, Resource, SyncResource, operation, paginated
from ._enums import ModelStatus
from ._response import RawResponses
from ._types import (
    AppInfo,
    DeletedModel,
    Invite,
    InviteDetails,
    InviteSummary,
    Model,
    Organization,
    RateLimitInfo,
    RequestEvent,
    ResponseEvent,
    Team,
)

if TYPE_CHECKING:  # annotations only: these load on first use
    from ._bulk import BulkInviteResult, BulkProgress
    from ._current import InviteV2, Member, ModelSummary
    from ._enums_current import LikedStatus, MemberStatus, ModelVersion, PhotoInclude, PhotoStatus
    from ._photos import DownloadLinks, FavoritePhoto, Photo, SaveProgress, SaveReport

    Include = Union[PhotoInclude, str]
    """Which photo URLs to include: ``"main"`` (the default) or ``"all"``."""

Status = Union[ModelStatus, str]
"""A model status: the enum or its wire string (``"active"``)."""
_C = TypeVar("_C", bound="_BaseClient")
_logger = logging.getLogger("headshotpro")

Headers = Union[Mapping[str, str], Iterable[Tuple[str, str]]]
"""Header names and values: a mapping, or ``(name, value)`` pairs."""
Query = Union[Mapping[str, str], Iterable[Tuple[str, str]]]
"""Query parameters: a mapping, or ``(name, value)`` pairs (a name may repeat)."""
RequestHook = Callable[[RequestEvent], object]
"""An ``on_request`` hook: called with a ``RequestEvent`` before each attempt."""
ResponseHook = Callable[[ResponseEvent], object]
"""An ``on_response`` hook: called with a ``ResponseEvent`` after each attempt."""


def _pairs(name: str, values: Optional[Union[Headers, Query]]) -> Optional[List[Tuple[str, str]]]:
    """Headers or query parameters as ``(name, value)`` pairs of strings."""
    if values is None:
        return None
    items = values.items() if isinstance(values, Mapping) else values
    pairs: List[Tuple[str, str]] = []
    for item in items:
        try:
            key, value = item
        except (TypeError, ValueError):
            raise InvalidArgumentError(f"{name} must be a mapping or (name, value) pairs, not {values!r}") from None
        if not isinstance(key, str) or not isinstance(value, str):
            raise InvalidArgumentError(f"{name} names and values must be str, not {key!r}: {value!r}")
        pairs.append((key, value))
    return pairs


def _app_info(app: Optional[Union[AppInfo, Mapping[str, str]]]) -> Optional[Tuple[str, Optional[str], Optional[str]]]:
    """``app_info`` as ``(name, version, url)``."""
    if app is None:
        return None
    if isinstance(app, Mapping):
        unknown = set(app) - {"name", "version", "url"}
        if "name" not in app or unknown:
            raise InvalidArgumentError(
                f"app_info needs a name and takes only name, version and url, not {sorted(app)}"
            )
        app = AppInfo(app["name"], app.get("version"), app.get("url"))
    if not isinstance(app, AppInfo):
        raise InvalidArgumentError(f"app_info must be an AppInfo or a dict, not {app!r}")
    for part in (app.name, app.version, app.url):
        if part is not None and not isinstance(part, str):
            raise InvalidArgumentError(f"app_info parts must be str, not {part!r}")
    return (app.name, app.version, app.url)


def _hooks(name: str, hooks: Optional[Union[Callable[[Any], object], Sequence[Callable[[Any], object]]]]) -> Optional[List[Any]]:
    """A hook or a sequence of hooks as a list of callables."""
    if hooks is None:
        return None
    listed = [hooks] if callable(hooks) else list(hooks)
    for hook in listed:
        if not callable(hook):
            raise InvalidArgumentError(f"{name} must be a callable or a list of callables, not {hook!r}")
    return listed


def _json_body(body: Any) -> Optional[str]:
    """The escape hatch's body as JSON text; what JSON cannot hold is refused."""
    if body is None:
        return None
    try:
        return json.dumps(body, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise InvalidArgumentError(f"body cannot be sent as JSON: {err}") from None


def _wire(value: Optional[str]) -> Optional[str]:
    """An enum or string argument as its wire string (``None`` stays unset)."""
    return None if value is None else str(value)


def _ids(name: str, values: Optional[Sequence[str]]) -> Optional[List[str]]:
    """A sequence of ids as a list; a lone string is refused, not split into letters."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise InvalidArgumentError(f"{name} must be a list of ids, not a single string")
    return list(values)


_Progress = TypeVar("_Progress", "SaveProgress", "BulkProgress")


def _guarded(
    on_progress: Optional[Callable[[_Progress], object]], about: Callable[[_Progress], str]
) -> Optional[Callable[[_Progress], None]]:
    """``on_progress`` wrapped so that its exceptions are logged, never raised into the
    work it reports on; ``about`` names the report in the log line."""
    if on_progress is None:
        return None

    def report(progress: _Progress) -> None:
        try:
            on_progress(progress)
        except Exception:  # noqa: BLE001 - a progress report never breaks the work
            _logger.warning(
                "on_progress raised an exception for %s; the work goes on",
                about(progress),
                exc_info=True,
            )

    return report


class _OrganizationOperations(Resource):
    @operation
    def retrieve(self) -> Call[Organization]:
        """The organization behind the key, with its teams::

            org = client.organization.retrieve()
            print(org.name, [t.name for t in org.teams])

        Raises the ``APIError`` subclass of the answer (``AuthenticationError``, ``RateLimitError``…) or ``APIConnectionError``/``APITimeoutError``."""
        return Call(_native.organization_retrieve, self._native)

    @operation
    def credits(self) -> Call[int]:
        """Credits left: ``client.organization.credits()`` → ``100``. Raises the ``APIError`` subclass of the answer (``AuthenticationError``, ``RateLimitError``…) or ``APIConnectionError``/``APITimeoutError``."""
        return Call(_native.organization_credits, self._native)


class _InvitesOperations(Resource):
    @operation
    def create(self, email: str, *, team_id: Optional[str] = None) -> Call[Invite]:
        """Invites ``email`` (into ``team_id``, if given)::

            invite = client.invites.create("ada@example.com")
            print(invite.link)

        Never duplicated: a lost answer is resent and reconciled. Raises
        ``InvalidArgumentError`` (nothing sent) for an email without ``@``,
        ``InsufficientCreditsError``, ``InviteLimitError``, ``BadRequestError``
        (``ALREADY_EXISTS`` for a pending invite), or another ``APIError``."""
        return Call(_native.invites_create, self._native, email, team_id)

    @operation
    def revoke(self, email: str) -> Call[None]:
        """Revokes the pending invite of ``email``. Raises ``NotFoundError`` when
        there is none, or another ``APIError``."""
        return Call(_native.invites_revoke, self._native, email)

    @operation
    def list(self) -> Call[List[InviteSummary]]:
        """Every invite of the organization (``InviteSummary``). Raises the ``APIError`` subclass of the answer (``AuthenticationError``, ``RateLimitError``…) or ``APIConnectionError``/``APITimeoutError``."""
        return Call(_native.invites_list, self._native)

    @operation
    def retrieve(self, invite_id: str) -> Call[InviteDetails]:
        """One invite's state (``InviteDetails``). Raises ``NotFoundError`` for an
        unknown id, ``InvalidArgumentError`` (nothing sent) for a blank one."""
        return Call(_native.invites_retrieve, self._native, invite_id)

    @operation
    def retrieve_by_email(self, email: str) -> Call[InviteV2]:
        """The invite sent to ``email``, as the current API describes it
        (``InviteV2``). Raises ``NotFoundError`` when there is none."""
        return Call(_native.invites_retrieve_by_email, self._native, email)

    @operation
    def create_many(
        self,
        emails: Iterable[str],
        *,
        team_id: Optional[str] = None,
        concurrency: int = 4,
        on_progress: Optional[Callable[[BulkProgress], object]] = None,
    ) -> Call[List[BulkInviteResult]]:
        """Invites every email (into ``team_id``, if given), ``concurrency`` (1..32)
        at once through the client's shared rate limiter, and returns one
        ``BulkInviteResult`` per input, in input order: ``created`` (with the
        invite), ``exists``, ``invalid`` or ``failed`` (with the exception)::

            results = client.invites.create_many(["ada@example.com", "bob@example.com"])
            failed = [r for r in results if not r.ok]

        Invalid emails are rejected locally and never sent; a repeated email is
        sent once; a lost answer never makes a duplicate. One failure does not
        stop the others, except ``InsufficientCreditsError`` and
        ``InviteLimitError``, which stop the sends: every input left ends
        ``failed`` with that error. ``on_progress(BulkProgress)`` is called once per
        input as it ends (on a worker thread for ``Client``, on the event loop for
        ``AsyncClient``); an exception it raises is logged and the sends go on.

        Raises ``InvalidArgumentError`` (nothing sent) only for bad arguments:
        ``concurrency`` outside 1..32, a blank ``team_id``, a lone string for
        ``emails``."""
        if isinstance(emails, (str, bytes)):
            raise InvalidArgumentError("emails must be a list of emails, not a single string")
        return Call(
            _native.invites_create_many,
            self._native,
            list(emails),
            team_id,
            concurrency,
            _guarded(on_progress, lambda p: f"input {p.index}"),
        )


class _TeamsOperations(Resource):
    @operation
    def list(self) -> Call[List[Team]]:
        """Every team of the organization: ``[Team(id, name)]``. Raises the ``APIError`` subclass of the answer (``AuthenticationError``, ``RateLimitError``…) or ``APIConnectionError``/``APITimeoutError``."""
        return Call(_native.teams_list, self._native)

    @operation
    def create(self, name: str) -> Call[Organization]:
        """Creates a team and returns the organization with it::

            team = client.teams.create("Design").teams[-1]

        Raises ``InvalidArgumentError`` (nothing sent) for a blank name, or an ``APIError``."""
        return Call(_native.teams_create, self._native, name)

    @operation
    def update(self, team_id: str, name: str) -> Call[Organization]:
        """Renames a team; returns the organization. Raises ``NotFoundError`` for
        an unknown team, ``InvalidArgumentError`` for a blank id or name."""
        return Call(_native.teams_update, self._native, team_id, name)

    @operation
    def delete(self, team_id: str) -> Call[Organization]:
        """Deletes a team; returns the organization. Raises ``NotFoundError`` for
        an unknown team."""
        return Call(_native.teams_delete, self._native, team_id)

    @operation
    def add_members(self, team_id: str, emails: Sequence[str]) -> Call[Organization]:
        """Adds members (by email, any number: sent 100 a request) to a team;
        returns the organization. Raises ``InvalidArgumentError`` (nothing sent)
        for an empty list, ``NotFoundError`` for an unknown team,
        ``BadRequestError`` for an email that is not a member."""
        return Call(_native.teams_add_members, self._native, team_id, list(emails))


class _ModelsOperations(Resource):
    @operation
    def create(
        self,
        email: str,
        *,
        team_id: Optional[str] = None,
        is_development: bool = False,
        version: Optional[Union[ModelVersion, str]] = None,
    ) -> Call[Model]:
        """Creates a model for ``email`` (``version``: ``"lora"`` or ``"one-shot"``,
        the server's default when unset). When the answer is lost it is resent and
        reconciled by email: never a duplicate model::

            model = client.models.create("ada@example.com", is_development=True)
            print(model.signed_url)  # open it for the user

        Raises ``InvalidArgumentError`` (nothing sent) for a bad email,
        ``InsufficientCreditsError``, or another ``APIError``."""
        return Call(
            _native.models_create, self._native, email, team_id, is_development, _wire(version)
        )

    @paginated
    def list(
        self,
        *,
        status: Optional[Status] = None,
        team_id: Optional[str] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> ListCall[ModelSummary]:
        """The organization's models, one page (``limit`` 1..200, the server's
        default 50); iterate the page to walk every model::

            for model in client.models.list(status="active"):
                print(model.id, model.email)

        Raises ``InvalidArgumentError`` (nothing sent) for ``limit`` outside 1..200
        or a negative ``offset``, or an ``APIError``."""
        return ListCall(_native.models_list, self._native, _wire(status), team_id, limit, offset)

    @operation
    def retrieve(self, model_id: str) -> Call[Model]:
        """One model, with a fresh ``signed_url`` for its user::

            model = client.models.retrieve(model_id)
            if model.status == "active": ...

        Raises ``NotFoundError`` for an unknown model."""
        return Call(_native.models_retrieve, self._native, model_id)

    @operation
    def delete(self, model_id: str) -> Call[DeletedModel]:
        """Deletes a model (``DeletedModel``). Raises ``NotFoundError`` for an
        unknown model; a delete whose answer was lost and whose model is gone
        when resent succeeds."""
        return Call(_native.models_delete, self._native, model_id)

    @operation
    def wait(self, model_id: str, *, until: Status = "active", timeout: float = 600.0) -> Call[Model]:
        """Polls the model until it reaches ``until`` (or ``deleted``, which is
        final; ``failed`` is not)::

            model = client.models.wait(model.model_id, until="active", timeout=600)

        Raises ``APITimeoutError`` after ``timeout`` seconds, ``NotFoundError`` for
        an unknown model."""
        return Call(_native.models_wait, self._native, model_id, str(until), timeout)


class _MembersOperations(Resource):
    @paginated
    def list(
        self,
        *,
        status: Optional[Union[MemberStatus, str]] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> ListCall[Member]:
        """Members of the organization (``accepted``, ``pending``, ``finished``), one
        page (``limit`` 1..200, the server's default 50); iterate the page to walk
        every member. Raises ``InvalidArgumentError`` (nothing sent) for ``limit``
        outside 1..200 or a negative ``offset``, or an ``APIError``."""
        return ListCall(_native.members_list, self._native, _wire(status), limit, offset)


class _PhotosOperations(Resource):
    @paginated
    def list(
        self,
        model_id: str,
        *,
        status: Optional[Union[PhotoStatus, str]] = None,
        liked_status: Optional[Union[LikedStatus, str]] = None,
        include: Optional[Include] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> ListCall[Photo]:
        """A model's photos, one page; iterate the page to walk every photo::

            for photo in client.photos.list(model_id, liked_status="liked"):
                print(photo.urls.main)

        Raises ``InvalidArgumentError`` (nothing sent) for ``limit`` outside 1..200
        or a negative ``offset``, ``NotFoundError`` for an unknown model."""
        return ListCall(
            _native.photos_list,
            self._native,
            model_id,
            _wire(status),
            _wire(liked_status),
            _wire(include),
            limit,
            offset,
        )

    @operation
    def retrieve(self, model_id: str, photo_id: str, *, include: Optional[Include] = None) -> Call[Photo]:
        """One photo of a model (``include="all"`` adds the thumbnail and
        original URLs). Raises ``NotFoundError`` for an unknown model or photo."""
        return Call(_native.photos_retrieve, self._native, model_id, photo_id, _wire(include))

    @operation
    def favorite(self, model_id: str, *, include: Optional[Include] = None) -> Call[Optional[Photo]]:
        """The photo the user chose as their favorite, or ``None`` while they have
        not chosen. Raises ``NotFoundError`` for an unknown model."""
        return Call(_native.photos_favorite, self._native, model_id, _wire(include))

    @operation
    def download_links(
        self,
        model_id: str,
        *,
        photo_ids: Optional[Sequence[str]] = None,
        include: Optional[Include] = None,
    ) -> Call[DownloadLinks]:
        """Signed download URLs for some photos (every photo when ``photo_ids`` is
        ``None``). Changes nothing, so it is retried like a GET. Raises
        ``InvalidArgumentError`` for an empty ``photo_ids``, ``NotFoundError`` for an
        unknown model."""
        return Call(
            _native.photos_download_links,
            self._native,
            model_id,
            _ids("photo_ids", photo_ids),
            _wire(include),
        )

    @paginated
    def favorites(
        self,
        *,
        team_id: Optional[str] = None,
        include: Optional[Include] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> ListCall[FavoritePhoto]:
        """The favorite photo of every member of the organization (or of one team),
        one page; iterate the page to walk every favorite. Raises
        ``InvalidArgumentError`` (nothing sent) for a bad ``limit``/``offset``."""
        return ListCall(
            _native.photos_favorites, self._native, team_id, _wire(include), limit, offset
        )

    @operation
    def save(
        self,
        model_id: str,
        directory: Union[str, os.PathLike[str]],
        *,
        photo_ids: Optional[Sequence[str]] = None,
        include: Optional[Include] = None,
        overwrite: bool = False,
        concurrency: int = 4,
        on_progress: Optional[Callable[[SaveProgress], object]] = None,
    ) -> Call[SaveReport]:
        """Downloads a model's photos (or ``photo_ids``) into ``directory``, created if
        needed and checked writable before any request. Signed URLs are fetched
        without the API key, ``concurrency`` (1..32) at once, each file streamed to a
        hidden temporary name and renamed into place. Existing files are kept unless
        ``overwrite``. A photo that fails does not stop the others: check
        ``report.failed`` (each with its exception). ``on_progress(SaveProgress)`` is
        called once per photo as it ends (on a worker thread for ``Client``, on the
        event loop for ``AsyncClient``), all before ``save`` returns; an exception it
        raises is logged and the downloads go on."""
        return Call(
            _native.photos_save,
            self._native,
            model_id,
            directory,
            _ids("photo_ids", photo_ids),
            _wire(include),
            overwrite,
            concurrency,
            _guarded(on_progress, lambda p: f"photo {p.photo_id}"),
        )


class OrganizationResource(_OrganizationOperations, SyncResource):
    """``client.organization``: the organization behind the key."""


class InvitesResource(_InvitesOperations, SyncResource):
    """``client.invites``: team-member invites."""


class TeamsResource(_TeamsOperations, SyncResource):
    """``client.teams``: teams of the organization. Each call returns the organization."""


class ModelsResource(_ModelsOperations, SyncResource):
    """``client.models``: whitelabel models."""


class MembersResource(_MembersOperations, SyncResource):
    """``client.members``: who was invited, who joined, who finished."""


class PhotosResource(_PhotosOperations, SyncResource):
    """``client.photos``: generated headshots — list, look at, download."""


class AsyncOrganizationResource(_OrganizationOperations, AsyncResource):
    """``client.organization`` of an ``AsyncClient``: the organization behind the key."""


class AsyncInvitesResource(_InvitesOperations, AsyncResource):
    """``client.invites`` of an ``AsyncClient``: team-member invites."""


class AsyncTeamsResource(_TeamsOperations, AsyncResource):
    """``client.teams`` of an ``AsyncClient``. Each call returns the organization."""


class AsyncModelsResource(_ModelsOperations, AsyncResource):
    """``client.models`` of an ``AsyncClient``: whitelabel models."""


class AsyncMembersResource(_MembersOperations, AsyncResource):
    """``client.members`` of an ``AsyncClient``: who was invited, who joined, who finished."""


class AsyncPhotosResource(_PhotosOperations, AsyncResource):
    """``client.photos`` of an ``AsyncClient``: generated headshots — list, look at, download."""


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
        proxy: Optional[str] = None,
        extra_root_certificates: Optional[Union[str, bytes]] = None,
        max_requests_per_minute: Optional[int] = None,
        default_headers: Optional[Headers] = None,
        app_info: Optional[Union[AppInfo, Mapping[str, str]]] = None,
        on_request: Optional[Union[RequestHook, Sequence[RequestHook]]] = None,
        on_response: Optional[Union[ResponseHook, Sequence[ResponseHook]]] = None,
    ) -> None:
        if isinstance(extra_root_certificates, str):
            extra_root_certificates = extra_root_certificates.encode("utf-8")
        self._bind(
            _native.NativeClient(
                api_key,
                base_url,
                timeout,
                max_retries,
                connect_timeout,
                allow_insecure_http,
                proxy,
                extra_root_certificates,
                max_requests_per_minute,
                _pairs("default_headers", default_headers),
                _app_info(app_info),
                _logs.threshold(),
                _hooks("on_request", on_request),
                _hooks("on_response", on_response),
            )
        )

    def _bind(self, native: _native.NativeClient) -> None:
        """Attaches the native client and the resources that use it."""
        self._native = native

    def with_options(
        self: _C,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        headers: Optional[Headers] = None,
    ) -> _C:
        """A client with another per-attempt ``timeout`` (seconds), ``max_retries``
        or extra ``headers`` (``None`` keeps this client's), sharing this client's
        connection pool, hooks and rate limits:
        ``client.with_options(timeout=5, headers={"X-Trace-Id": "t-42"}).models.retrieve(model_id)``.
        ``headers`` replace the default headers of the same name (in any case).
        This client is unchanged; closing either one leaves the other usable.

        Raises ``InvalidArgumentError`` for an unusable setting, or a header the
        SDK sets itself (``Authorization``, ``Host``, ``User-Agent``…) or one
        holding CR/LF."""
        return self._derive(self._native.with_options(timeout, max_retries, _pairs("headers", headers)))

    def _derive(self: _C, native: _native.NativeClient) -> _C:
        derived = type(self).__new__(type(self))
        derived._bind(native)
        return derived

    def _capturing(self: _C) -> Tuple[_C, _native.NativeCapture]:
        """A twin of this client recording its answers, and the record."""
        native, capture = self._native.capturing()
        return self._derive(native), capture

    @property
    def with_raw_response(self) -> RawResponses:
        """The client's resources, with operations that return an ``APIResponse``
        (``data``, ``status``, ``headers``, ``rate_limit``; ``parse()`` gives the
        data) instead of the data alone::

            response = client.with_raw_response.organization.credits()
            print(response.data, response.rate_limit.remaining)

        On an ``AsyncClient`` they are awaited as usual. Failures raise the
        exceptions of the plain call."""
        return RawResponses(self, isinstance(self, AsyncClient))

    @property
    def default_headers(self) -> List[Tuple[str, str]]:
        """The headers sent with every API request, as ``(name, value)`` pairs."""
        return self._native.default_headers

    @property
    def app_info(self) -> Optional[AppInfo]:
        """The application named in the user agent, if set."""
        app = self._native.app_info
        return None if app is None else AppInfo(*app)

    @property
    def log_level(self) -> str:
        """The most detailed log records this client produces: ``off``, ``error``,
        ``warn``, ``info`` or ``debug`` (the ``headshotpro`` logger's level when
        the client was created)."""
        return self._native.log_level

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
    def last_rate_limit(self) -> Optional[RateLimitInfo]:
        """The ``X-RateLimit-*`` headers of the last answer that carried them
        (``limit``, ``remaining``, ``reset_at``), shared with ``with_options``
        clients; ``None`` before any such answer."""
        return cast(Optional[RateLimitInfo], self._native.last_rate_limit)

    @property
    def max_requests_per_minute(self) -> Optional[int]:
        """The local cap on requests in any 60 seconds, if one was set."""
        return self._native.max_requests_per_minute

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
    text). ``proxy`` (``http://user:pass@host:port``) replaces the system's
    proxies (loopback hosts never use one); ``extra_root_certificates`` (PEM,
    ``str`` or ``bytes``) are trusted besides the system's roots;
    ``max_requests_per_minute`` caps the client below the server's limit.

    Operability: ``default_headers`` (a mapping) go with every API request
    (``with_options(headers=...)`` adds per-call ones); ``app_info``
    (``AppInfo(name, version, url)`` or a dict) is appended to the user agent;
    ``on_request`` / ``on_response`` (a callable or a list) receive a
    ``RequestEvent`` / ``ResponseEvent`` for every attempt, on the SDK's worker
    threads (an exception they raise is logged, never raised into the call).
    Logs go to the ``headshotpro`` logger of ``logging``, at the level it has when
    the client is created (see ``headshotpro._logs``; ``HEADSHOTPRO_LOG=debug``
    turns them on without code); the key never appears in them.
    ``client.with_raw_response.<resource>.<op>(...)`` gives status, headers and
    rate limit with the data; ``client.request(method, path)`` calls what the SDK
    does not wrap yet; ``client.last_rate_limit`` is the latest ``X-RateLimit-*``.

    Example::

        with headshotpro.Client(app_info={"name": "Acme", "version": "1.2"}) as client:
            model = client.models.create("ada@example.com")

    A setting that is not usable (a bad header, a blank app name…) raises
    ``InvalidArgumentError``. Safe to share between threads.
    """

    organization: OrganizationResource
    invites: InvitesResource
    teams: TeamsResource
    models: ModelsResource
    members: MembersResource
    photos: PhotosResource

    def _bind(self, native: _native.NativeClient) -> None:
        super()._bind(native)
        self.organization = OrganizationResource(native)
        self.invites = InvitesResource(native)
        self.teams = TeamsResource(native)
        self.models = ModelsResource(native)
        self.members = MembersResource(native)
        self.photos = PhotosResource(native)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Optional[Query] = None,
    ) -> Any:
        """Calls an endpoint this SDK does not wrap yet, with the same key, retries,
        rate limits, hooks, logs and errors as every operation, and returns the
        answer's decoded JSON (``None`` for an empty answer)::

            teams = client.request("GET", "/api/v2/organization/teams")
            page = client.request("GET", "/api/v2/organization/models", query={"limit": "5"})

        ``method`` is ``GET``, ``POST``, ``PUT``, ``PATCH`` or ``DELETE`` (POST and
        PATCH are retried only on 429 or a refused connection); ``path`` starts
        with ``/`` under the base URL. Raises ``InvalidArgumentError`` (nothing
        sent) for another method, an absolute URL, ``..`` segments or a body JSON
        cannot hold; ``ResponseDecodeError`` for an answer that is not JSON; the
        usual ``APIError`` subclasses for error answers."""
        return _native.request(self._native, method, path, _json_body(body), _pairs("query", query) or [])

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
    """An asyncio HeadshotPro client: the surface and settings of ``Client``,
    every call awaitable::

        async with headshotpro.AsyncClient() as client:
            credits = await client.organization.credits()
            response = await client.with_raw_response.models.retrieve(model_id)

    Cancelling a task cancels its request. Hooks and logging run on the SDK's
    worker threads; ``on_progress`` callbacks run on the event loop. Safe to
    share between tasks and loops.
    """

    organization: AsyncOrganizationResource
    invites: AsyncInvitesResource
    teams: AsyncTeamsResource
    models: AsyncModelsResource
    members: AsyncMembersResource
    photos: AsyncPhotosResource

    def _bind(self, native: _native.NativeClient) -> None:
        super()._bind(native)
        self.organization = AsyncOrganizationResource(native)
        self.invites = AsyncInvitesResource(native)
        self.teams = AsyncTeamsResource(native)
        self.models = AsyncModelsResource(native)
        self.members = AsyncMembersResource(native)
        self.photos = AsyncPhotosResource(native)

    async def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Optional[Query] = None,
    ) -> Any:
        """The awaitable form of ``Client.request``: calls an endpoint this SDK
        does not wrap yet and returns the answer's decoded JSON::

            teams = await client.request("GET", "/api/v2/organization/teams")

        Raises as ``Client.request`` does."""
        import asyncio

        return await _native.request(
            self._native, method, path, _json_body(body), _pairs("query", query) or [],
            asyncio.get_running_loop(),
        )

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
