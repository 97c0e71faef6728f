"""The audit trail: who did what, with whose approval; append-only and tamper-evident.

Each entry's hash is sha256(previous hash + canonical JSON of the entry), so
changing, removing or reordering any row breaks the chain from that row on,
and `verify_chain` names the first broken entry. The app has no API to edit
or delete entries, and the database refuses UPDATE and DELETE on the table
(triggers in migration 0006); the chain catches what is done around them.

Callers append inside their own transaction (`append(session, ...)`), so an
action and its audit entry commit together or not at all.
"""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_staff import AuditEntry, AuditHead
from app.domain.clock import Clock
from app.domain.ids import new_id

GENESIS_HASH = "0" * 64
EXPORT_LIMIT = 1_000_000


class AuditAction:
    """The actions recorded (strings, so new kinds need no schema change)."""

    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    LOGIN_LOCKED = "login.locked"
    LOGOUT = "logout"
    USER_SWITCH = "login.switch"
    OVERRIDE = "override.approved"
    OVERRIDE_FAILED = "override.failed"
    PERMISSION_DENIED = "permission.denied"
    VOID_LINE = "sale.void_line"
    CANCEL_SALE = "sale.cancel"
    REFUND = "refund"
    PRICE_OVERRIDE = "sale.price_override"
    DISCOUNT = "sale.discount"
    DRAWER_OPEN = "drawer.open"
    REPRINT = "receipt.reprint"
    SETTINGS_CHANGED = "settings.changed"
    ROLE_CHANGED = "role.changed"
    STAFF_CHANGED = "staff.changed"
    STAFF_UNLOCKED = "staff.unlocked"
    SHIFT_OPENED = "shift.opened"
    SHIFT_CLOSED = "shift.closed"
    SHIFT_HANDOVER = "shift.handover"
    CASH_MOVEMENT = "cash.movement"
    X_REPORT = "shift.x_report"
    AUDIT_EXPORTED = "audit.exported"
    STOCK_ADJUSTMENT = "stock.adjustment"
    STOCKTAKE_POSTED = "stock.stocktake_posted"
    OVER_RECEIPT = "stock.over_receipt"
    PRODUCT_EDIT = "product.edit"
    PRICE_BULK_CHANGE = "product.bulk_price"
    PRODUCT_IMPORT = "product.import"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: datetime
    action: str
    actor_code: str
    approver_code: str
    subject: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    problem: str = ""


@dataclass(frozen=True, slots=True)
class AuditFilter:
    since: datetime | None = None
    until: datetime | None = None
    action_prefix: str = ""
    actor_code: str = ""
    text: str = ""  # searched in subject and details
    limit: int = 500


def canonical_json(entry: AuditEntry) -> str:
    body = {
        "seq": entry.seq, "id": entry.id, "at": entry.at.isoformat(timespec="microseconds"),
        "store_id": entry.store_id, "terminal_id": entry.terminal_id, "action": entry.action,
        "actor_id": entry.actor_id, "actor_code": entry.actor_code,
        "approver_id": entry.approver_id, "approver_code": entry.approver_code,
        "subject": entry.subject, "details": json.loads(entry.details),
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chain_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical_json(entry)).encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, store_id: str = "",
                 terminal_id: str = "") -> None:
        self._sessions = sessions
        self._clock = clock
        self._store_id = store_id
        self._terminal_id = terminal_id

    # --- writing ---------------------------------------------------------
    def append(self, session: Session | Connection, action: str, actor: Any = None, *,
               approval: Any = None, subject: str = "",
               details: dict[str, Any] | None = None) -> AuditEntry:
        """Append in the caller's transaction (an ORM session, or a Core connection for
        bulk writers such as the product import). `actor` is a StaffMember (or None for
        an unknown user); `approval` an Approval whose approver, if any, is recorded."""
        seq, prev_hash = self._claim_next(session)
        approver = getattr(approval, "approver", None)
        entry = AuditEntry(
            seq=seq, id=new_id(), at=self._clock.now(),
            store_id=self._store_id, terminal_id=self._terminal_id, action=action,
            actor_id=getattr(actor, "id", "") or "", actor_code=getattr(actor, "code", "") or "",
            approver_id=getattr(approver, "id", "") or "",
            approver_code=getattr(approver, "code", "") or "", subject=subject[:80],
            details=json.dumps(_with_permission(details, approval), ensure_ascii=False,
                               sort_keys=True, separators=(",", ":"), default=str),
            prev_hash=prev_hash,
        )
        entry.hash = chain_hash(prev_hash, entry)
        if isinstance(session, Connection):
            session.execute(insert(AuditEntry).values(
                {a.key: getattr(entry, a.key) for a in AuditEntry.__mapper__.column_attrs}))
        else:
            session.add(entry)
        session.execute(text("UPDATE audit_head SET last_hash = :h WHERE id = 1"), {"h": entry.hash})
        return entry

    def record(self, action: str, actor: Any = None, **kwargs: Any) -> None:
        """Append in a transaction of its own (for events with no business rows, e.g. a login)."""
        with self._sessions.begin() as session:
            self.append(session, action, actor, **kwargs)

    @staticmethod
    def _claim_next(session: Session | Connection) -> tuple[int, str]:
        # The upsert takes SQLite's write lock before the tip is read, so two
        # writers can never chain onto the same previous entry.
        row = session.execute(
            text("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 1, :g) "
                 "ON CONFLICT (id) DO UPDATE SET last_seq = last_seq + 1 "
                 "RETURNING last_seq, last_hash"), {"g": GENESIS_HASH}).one()
        return row[0], row[1]

    # --- reading -----------------------------------------------------------
    def entries(self, flt: AuditFilter = AuditFilter()) -> list[AuditRecord]:
        with self._sessions() as s:
            rows = s.scalars(_filtered(flt).order_by(AuditEntry.seq.desc()).limit(flt.limit)).all()
            return [_record(r) for r in rows]

    def verify_chain(self) -> ChainCheck:
        """Walk the chain from the start; report the first entry that does not fit."""
        with self._sessions() as s:
            prev_hash, expected_seq, checked = GENESIS_HASH, 1, 0
            for entry in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():
                problem = _problem(entry, prev_hash, expected_seq)
                if problem:
                    return ChainCheck(False, checked, entry.seq, problem)
                prev_hash, expected_seq, checked = entry.hash, entry.seq + 1, checked + 1
            head = s.get(AuditHead, 1)
            if head is not None and (head.last_seq != expected_seq - 1 or head.last_hash != prev_hash):
                return ChainCheck(False, checked, expected_seq,
                                  "entries after this one were removed from the end of the log")
            return ChainCheck(True, checked)

    def export_csv(self, out: IO[str], flt: AuditFilter = AuditFilter(limit=EXPORT_LIMIT)) -> int:
        writer = csv.writer(out)
        writer.writerow(["seq", "time_utc", "action", "actor", "approver", "subject", "details",
                         "hash"])
        count = 0
        with self._sessions() as s:
            query = _filtered(flt).order_by(AuditEntry.seq).limit(flt.limit)
            for r in s.execute(query).scalars():
                writer.writerow([r.seq, r.at.isoformat(timespec="seconds"), r.action, r.actor_code,
                                 r.approver_code, r.subject, r.details, r.hash])
                count += 1
        return count


def _with_permission(details: dict[str, Any] | None, approval: Any) -> dict[str, Any]:
    out = dict(details or {})
    permission = getattr(approval, "permission", None)
    if permission is not None:
        out.setdefault("permission", getattr(permission, "value", permission))
    return out


def _problem(entry: AuditEntry, prev_hash: str, expected_seq: int) -> str:
    if entry.seq != expected_seq:
        return f"entry {expected_seq} is missing"
    if entry.prev_hash != prev_hash:
        return "does not link to the entry before it"
    try:
        recomputed = chain_hash(prev_hash, entry)
    except (ValueError, TypeError):
        return "its details are not valid JSON"
    if recomputed != entry.hash:
        return "its content was changed after it was written"
    return ""


def _filtered(flt: AuditFilter):
    query = select(AuditEntry)
    if flt.since is not None:
        query = query.where(AuditEntry.at >= flt.since)
    if flt.until is not None:
        query = query.where(AuditEntry.at < flt.until)
    if flt.action_prefix:
        query = query.where(AuditEntry.action.startswith(flt.action_prefix, autoescape=True))
    if flt.actor_code:
        query = query.where((AuditEntry.actor_code == flt.actor_code)
                            | (AuditEntry.approver_code == flt.actor_code))
    if flt.text:
        like = f"%{flt.text}%"
        query = query.where(AuditEntry.subject.like(like) | AuditEntry.details.like(like))
    return query


def _record(r: AuditEntry) -> AuditRecord:
    return AuditRecord(r.seq, r.at, r.action, r.actor_code, r.approver_code, r.subject,
                       json.loads(r.details), r.hash)
