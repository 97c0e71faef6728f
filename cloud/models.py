"""Cloud database models (SQLAlchemy 2.0 typed mappings).

Tenancy is merchant -> stores -> terminals. Money is integer fen (*_fen),
quantities integer thousandths (*_milli), times UTC. Events are stored once by
their id; sales and the stock ledger are projections of newly inserted events.
The schema itself comes only from cloud/alembic; a test compares the two.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain.ids import new_id

ID = String(36)
# JSONB on PostgreSQL (compact, indexable); JSON text on SQLite.
JSONType = JSON().with_variant(JSONB(), "postgresql")
# SQLite only auto-increments an INTEGER PRIMARY KEY, PostgreSQL wants BIGINT for ledgers.
SerialKey = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as naive UTC and gives them back aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    pass


class Merchant(Base):
    __tablename__ = "merchant"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Store(Base):
    """Store codes are unique across the cloud, so an event's store code names one store."""

    __tablename__ = "store"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Terminal(Base):
    """A till. Only the sha256 of its device token is kept."""

    __tablename__ = "terminal"
    __table_args__ = (UniqueConstraint("store_id", "code"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    code: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class EnrolmentCode(Base):
    __tablename__ = "enrolment_code"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AdminUser(Base):
    """Head-office user of one merchant, authenticated by an admin token."""

    __tablename__ = "admin_user"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Event(Base):
    """Every event a terminal pushed, exactly once (the primary key is the event id)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_terminal_seq", "terminal_id", "seq"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    schema_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)


class QuarantinedEvent(Base):
    """An event the cloud could not take, kept as received for a manager to see."""

    __tablename__ = "quarantined_event"
    __table_args__ = (UniqueConstraint("terminal_id", "event_id"),)
    id: Mapped[int] = mapped_column(SerialKey, primary_key=True, autoincrement=True)
    event_id: Mapped[str | None] = mapped_column(String(64))
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    kind: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(String(500))
    raw: Mapped[Any] = mapped_column(JSONType)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Sale(Base):
    """Projection of sale.completed: the header."""

    __tablename__ = "sale"
    # reports read a merchant's sales by business date
    __table_args__ = (Index("ix_sale_merchant_date", "merchant_id", "business_date"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    event_id: Mapped[str] = mapped_column(ID, unique=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    receipt_no: Mapped[str] = mapped_column(String(48))
    business_date: Mapped[str] = mapped_column(String(10))
    cashier_id: Mapped[str] = mapped_column(String(36))
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    total_fen: Mapped[int] = mapped_column(BigInteger)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    change_fen: Mapped[int] = mapped_column(BigInteger)
    # who bought (the member, till ids) and the salesperson named for the whole sale
    member_id: Mapped[str | None] = mapped_column(ID)
    salesperson_id: Mapped[str | None] = mapped_column(ID)


class SaleLine(Base):
    __tablename__ = "sale_line"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku_code: Mapped[str] = mapped_column(String(32))
    barcode: Mapped[str] = mapped_column(String(48))
    name: Mapped[str] = mapped_column(String(200))
    unit_price_fen: Mapped[int] = mapped_column(BigInteger)
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    salesperson_id: Mapped[str | None] = mapped_column(ID)  # who is credited with the line


class StockMovement(Base):
    """Append-only stock ledger per store and SKU; on hand is the sum."""

    __tablename__ = "stock_movement"
    __table_args__ = (Index("ix_stock_movement_store_sku", "store_id", "sku_code"),)
    id: Mapped[int] = mapped_column(SerialKey, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    sku_code: Mapped[str] = mapped_column(String(32))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(24))
    event_id: Mapped[str] = mapped_column(ID, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Product(Base):
    """Head-office catalog: the cloud owns products and prices (DESIGN.md: Authority)."""

    __tablename__ = "product"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When the data was edited (HQ: the call; a till's command: its event's created_at):
    # an edit older than this one arriving late does not overwrite it.
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChangeCounter(Base):
    """One row per merchant: the last change version handed out and the newest one pruned.

    Writers bump last_version in their own transaction, which row-locks it, so
    versions become visible in the order they were assigned and a reader paging
    `since=` never skips one that commits later.
    """

    __tablename__ = "change_counter"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    last_version: Mapped[int] = mapped_column(BigInteger, default=0)
    pruned_through: Mapped[int] = mapped_column(BigInteger, default=0)


class Change(Base):
    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_created_at", "created_at"),)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))
    data: Mapped[Any] = mapped_column(JSONType, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


# Channel-order tables register on the same Base (migrations and the drift test see them).
from cloud import channel_models as _channel_models  # noqa: E402,F401
from cloud import models_transfers as _models_transfers  # noqa: E402,F401
from cloud import models_transfer_requests as _models_transfer_requests  # noqa: E402,F401
# Projections of the other till events (members, ledgers, refunds, shifts): issue 7.
from cloud import models_ledgers as _models_ledgers  # noqa: E402,F401
from cloud import models_staff as _models_staff  # noqa: E402,F401
# Commission earned on channel orders (issue 9).
from cloud import models_channel_commission as _models_channel_commission  # noqa: E402,F401
