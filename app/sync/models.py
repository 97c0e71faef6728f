"""Terminal tables of the sync client: the pull cursor, the device credential and the
local record of events the cloud rejected.

They live on app.db.models.Base so Alembic (migration 0002) and the drift test see them;
app.db.models imports this module at its end for that reason.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, UTCDateTime


class SyncCursor(Base):
    """How far this till has applied the cloud's change log.

    While a full reload is under way, snapshot_version is the cloud version the
    snapshot started at and snapshot_after the last key applied, so an
    interrupted reload resumes where it stopped.
    """

    __tablename__ = "sync_cursor"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    snapshot_version: Mapped[int | None] = mapped_column(Integer)
    snapshot_after: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncCredential(Base):
    """The device token this till got when it enrolled (one row)."""

    __tablename__ = "sync_credential"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    base_url: Mapped[str] = mapped_column(String(200))
    store_code: Mapped[str] = mapped_column(String(16))
    terminal_code: Mapped[str] = mapped_column(String(16))
    token: Mapped[str] = mapped_column(String(200))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncQuarantine(Base):
    """An outbox event the cloud rejected: marked sent so it never blocks the queue,
    and kept here with the reason so a manager can see it."""

    __tablename__ = "sync_quarantine"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(500))
    rejected_at: Mapped[datetime] = mapped_column(UTCDateTime())
