"""Photos and what ``photos.save`` reports.

Photo URLs are signed bearer URLs (anyone holding one can fetch the photo
until it expires), so ``repr()`` shows them with their query values
redacted; the attributes themselves are whole.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING, List, Optional

from ._base import _Base
from ._enums_current import LikedStatus, PhotoStatus

if TYPE_CHECKING:  # for the annotations only: pathlib costs import time
    from pathlib import Path

    from ._errors import HeadshotProError


def _redacted(url: Optional[str]) -> str:
    from . import _native

    return repr(None if url is None else _native.redact_url(url))


@dataclasses.dataclass(frozen=True, repr=False)
class PhotoUrls(_Base):
    """A photo's signed URLs; ``thumbnail`` and ``original`` come with ``include="all"``."""

    main: str
    thumbnail: Optional[str]
    original: Optional[str]

    def __repr__(self) -> str:
        return (
            f"PhotoUrls(main={_redacted(self.main)}, thumbnail={_redacted(self.thumbnail)}, "
            f"original={_redacted(self.original)})"
        )


@dataclasses.dataclass(frozen=True)
class Photo(_Base):
    """A generated headshot."""

    id: str
    model_id: Optional[str]
    status: PhotoStatus
    liked_status: LikedStatus
    created_at: datetime
    urls: PhotoUrls
    expires_at: datetime
    """When the signed URLs stop working (24 hours after they were issued)."""


@dataclasses.dataclass(frozen=True)
class FavoritePhoto(Photo):
    """A member's chosen favorite (``photos.favorites``): the photo's fields and whose it is."""

    email: Optional[str]
    name: Optional[str]
    team_id: Optional[str]
    team_name: Optional[str]


@dataclasses.dataclass(frozen=True, repr=False)
class DownloadLink(_Base):
    """One photo's signed download URL. Fetch it without credentials: it points at a CDN."""

    photo_id: str
    url: str

    def __repr__(self) -> str:
        return f"DownloadLink(photo_id={self.photo_id!r}, url={_redacted(self.url)})"


@dataclasses.dataclass(frozen=True)
class DownloadLinks(_Base):
    """Signed download URLs for a model's photos (``photos.download_links``)."""

    downloads: List[DownloadLink]
    expires_at: datetime


@dataclasses.dataclass(frozen=True)
class SavedPhoto(_Base):
    """A photo ``photos.save`` wrote."""

    photo_id: str
    path: Path
    bytes: int
    content_type: Optional[str]


@dataclasses.dataclass(frozen=True)
class FailedDownload(_Base):
    """A photo ``photos.save`` did not write, and why: ``error`` is the exception
    (``PermissionDeniedError`` for an expired URL, ``InvalidArgumentError`` for a
    file that exists without ``overwrite``, ``APIConnectionError`` for a broken
    transfer)."""

    photo_id: str
    error: HeadshotProError

    def __str__(self) -> str:
        return f"photo {self.photo_id}: {self.error}"


@dataclasses.dataclass(frozen=True)
class SaveReport(_Base):
    """What ``photos.save`` did, each list in the order of the download links.
    Files already written are kept when others fail: check ``failed``."""

    saved: List[SavedPhoto]
    failed: List[FailedDownload]

    @property
    def is_complete(self) -> bool:
        """Whether every photo was saved."""
        return not self.failed

    @property
    def bytes(self) -> int:
        """Bytes written in all."""
        return sum(photo.bytes for photo in self.saved)


@dataclasses.dataclass(frozen=True)
class SaveProgress(_Base):
    """One photo's download has ended (``photos.save(on_progress=...)``)."""

    photo_id: str
    saved: bool
    """Whether it was saved (else it is in ``SaveReport.failed``)."""
    bytes: int
    """Bytes written for it (0 when it failed)."""
    completed: int
    """Photos finished so far, this one included."""
    total: int
    """Photos in this save."""
