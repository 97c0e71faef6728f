"""Cloud tables of channel orders (omnichannel, issue 9), on cloud.models.Base.

Online channels (mall, mini-program, group-buy organiser, social shop) submit
orders with a channel credential; a store fulfils them. Stock reserved by
accepted orders is its own append-only ledger per store and SKU (reserved is
the sum), so available = on hand (stock_movement) - reserved. cloud.models
imports this module at its end so migrations and the drift test see the tables.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.ids import new_id
from cloud.models import ID, Base, JSONType, SerialKey, UTCDateTime


class ChannelCredential(Base):
    """A channel's API token for one merchant; only its sha256 is kept."""

    __tablename__ = "channel_credential"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    channel: Mapped[str] = mapped_column(String(24))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChannelMember(Base):
    """A customer known to the channels, found by phone or id, created on first order."""

    __tablename__ = "channel_member"
    __table_args__ = (UniqueConstraint("merchant_id", "phone"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    phone: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ShareCode(Base):
    """A salesperson's share link code (optionally for one SKU)."""

    __tablename__ = "share_code"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    salesperson_code: Mapped[str] = mapped_column(String(32))
    sku: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ChannelOrder(Base):
    """One order of one channel; (merchant, channel, external id) names it once.

    open_pickup_code holds the pickup code while the order is open and is cleared
    when it closes, so the unique key makes a code unique among the store's open
    orders while closed orders keep theirs in pickup_code.
    """

    __tablename__ = "channel_order"
    __table_args__ = (
        UniqueConstraint("merchant_id", "channel", "external_id"),
        UniqueConstraint("store_id", "open_pickup_code"),
        Index("ix_channel_order_store_status", "store_id", "status"),
        Index("ix_channel_order_group", "store_id", "group_id"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    channel: Mapped[str] = mapped_column(String(24))
    external_id: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[str] = mapped_column(ForeignKey("channel_member.id"))
    status: Mapped[str] = mapped_column(String(16))
    fulfilment: Mapped[str] = mapped_column(String(16))
    goods_fen: Mapped[int] = mapped_column(BigInteger)
    discount_fen: Mapped[int] = mapped_column(BigInteger)
    delivery_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    share_code: Mapped[str | None] = mapped_column(String(16))
    salesperson_code: Mapped[str | None] = mapped_column(String(32), index=True)
    pickup_code: Mapped[str] = mapped_column(String(6))
    open_pickup_code: Mapped[str | None] = mapped_column(String(6))
    carrier: Mapped[str] = mapped_column(String(40), default="")
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONType)  # address, note as sent
    # group-buy (社区团购): the group/leader the order belongs to; the pickup store
    # hands the group's orders out as one batch
    group_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ChannelOrderLine(Base):
    __tablename__ = "channel_order_line"
    order_id: Mapped[str] = mapped_column(ForeignKey("channel_order.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_fen: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class ChannelOrderTransition(Base):
    """Who moved an order from which state to which, and when (append-only)."""

    __tablename__ = "channel_order_transition"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    order_id: Mapped[str] = mapped_column(ForeignKey("channel_order.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    actor_kind: Mapped[str] = mapped_column(String(16))  # channel | terminal | admin
    event_id: Mapped[str | None] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class StockReservation(Base):
    """Append-only reservation ledger: + when an order is accepted, - when it is
    fulfilled or cancelled; reserved per store and SKU is the sum."""

    __tablename__ = "stock_reservation"
    __table_args__ = (Index("ix_stock_reservation_store_sku", "store_id", "sku_code"),)
    id: Mapped[int] = mapped_column(SerialKey, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    sku_code: Mapped[str] = mapped_column(String(32))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # reserve | release | fulfil
    order_id: Mapped[str] = mapped_column(ForeignKey("channel_order.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
