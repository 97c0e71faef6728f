"""Terminal tables of the staff area, on the shared Base (imported at the end of app.db.models).

Roles and their permissions are data a manager edits; badges map a scanned
barcode to a user; login state survives a restart so a lockout cannot be
dodged by restarting the till. The audit log is append-only and hash-chained
(audit_head holds the chain's tip so appends serialise on one row). Shifts own
the cash drawer: its movements are an append-only ledger.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, ID, id_column, UTCDateTime
from app.domain.ids import new_id


class Role(Base):
    __tablename__ = "role"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    # the largest discount this role may give on its own, in basis points (1000 = 10 %)
    discount_limit_bp: Mapped[int] = mapped_column(Integer, default=0)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RolePermission(Base):
    __tablename__ = "role_permission"
    role_code: Mapped[str] = mapped_column(ForeignKey("role.code"), primary_key=True)
    permission: Mapped[str] = mapped_column(String(40), primary_key=True)


class StaffBadge(Base):
    __tablename__ = "staff_badge"
    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    badge_code: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffLoginState(Base):
    __tablename__ = "staff_login_state"
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_action_at", "action", "at"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(ID, unique=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    store_id: Mapped[str] = mapped_column(String(36), default="")
    terminal_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[str] = mapped_column(String(36), default="")
    actor_code: Mapped[str] = mapped_column(String(32), default="")
    approver_id: Mapped[str] = mapped_column(String(36), default="")
    approver_code: Mapped[str] = mapped_column(String(32), default="")
    subject: Mapped[str] = mapped_column(String(80), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """One row: the last sequence and hash of the chain."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class Shift(Base):
    __tablename__ = "shift"
    __table_args__ = (UniqueConstraint("terminal_id", "seq"),
                      Index("ix_shift_terminal_status", "terminal_id", "status"))
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    seq: Mapped[int] = mapped_column(Integer)  # shift number on this terminal, for the Z report
    cashier_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | closed
    opening_float_fen: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    previous_shift_id: Mapped[str | None] = mapped_column(ID)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    denominations: Mapped[str] = mapped_column(Text, default="{}")  # counted pieces per fen value
    report: Mapped[str] = mapped_column(Text, default="")  # the Z figures as closed, JSON


class CashMovement(Base):
    """Append-only cash drawer ledger: float, pay-ins, pay-outs, safe drops (signed, into the drawer)."""

    __tablename__ = "cash_movement"
    id: Mapped[str] = id_column()
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    actor_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    approver_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ShiftTenderCount(Base):
    """Expected vs counted per tender at the close; difference = 长短款 (over > 0, short < 0)."""

    __tablename__ = "shift_tender_count"
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), primary_key=True)
    tender: Mapped[str] = mapped_column(String(16), primary_key=True)
    expected_fen: Mapped[int] = mapped_column(Integer)
    counted_fen: Mapped[int] = mapped_column(Integer)
    difference_fen: Mapped[int] = mapped_column(Integer)
