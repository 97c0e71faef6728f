"""Terminal tables of the devices area, on the shared Base (imported at the end of app.db.models).

print_job is the durable print queue: a receipt is stored here before any
byte goes to a printer, so a printer that is off never loses one.
drawer_kick logs every cash-drawer opening, refused ones too (loss prevention).
device_setting holds the URL of each device kind chosen on the settings screen.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import ID, Base, UTCDateTime
from app.domain.ids import new_id


class PrintJob(Base):
    __tablename__ = "print_job"
    __table_args__ = (Index("ix_print_job_status_next", "status", "next_attempt_at"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(24))  # sale | refund | test | shift ...
    ref_id: Mapped[str] = mapped_column(String(64), index=True)
    document: Mapped[str] = mapped_column(Text)  # ReceiptDocument as JSON
    status: Mapped[str] = mapped_column(String(12))  # waiting | printing | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    reprint_of: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DrawerKick(Base):
    __tablename__ = "drawer_kick"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    reason: Mapped[str] = mapped_column(String(40))  # cash_sale | manual | test ...
    actor: Mapped[str] = mapped_column(String(64))
    ref_id: Mapped[str] = mapped_column(String(64), default="")
    device_url: Mapped[str] = mapped_column(String(300), default="")
    allowed: Mapped[bool] = mapped_column(Boolean)
    opened: Mapped[bool] = mapped_column(Boolean)
    error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class DeviceSetting(Base):
    __tablename__ = "device_setting"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
