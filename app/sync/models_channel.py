"""Terminal copy of the channel orders its store fulfils (issue 9), from the change log.

The cloud owns the order; the till keeps what it needs to work offline: the
header, the lines with how much has been picked, and the pickup code. Local
moves write the row and an outbox event in one transaction. app.db.models
imports this module at its end so migrations 0008/0011 and the drift test see it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, UTCDateTime


class ChannelOrder(Base):
    __tablename__ = "channel_order"
    __table_args__ = (Index("ix_channel_order_store_status", "store_code", "status"),
                      Index("ix_channel_order_pickup", "store_code", "pickup_code"),
                      Index("ix_channel_order_group", "store_code", "group_id"),
                      Index("ix_channel_order_local_member", "local_member_id"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the cloud's order id
    store_code: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(24))
    external_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    fulfilment: Mapped[str] = mapped_column(String(16))
    member_id: Mapped[str] = mapped_column(String(36), default="")
    member_phone: Mapped[str] = mapped_column(String(20), default="")
    member_name: Mapped[str] = mapped_column(String(100), default="")
    goods_fen: Mapped[int] = mapped_column(Integer)
    discount_fen: Mapped[int] = mapped_column(Integer)
    delivery_fen: Mapped[int] = mapped_column(Integer)
    paid_fen: Mapped[int] = mapped_column(Integer)
    salesperson_code: Mapped[str] = mapped_column(String(32), default="")
    pickup_code: Mapped[str] = mapped_column(String(6))
    carrier: Mapped[str] = mapped_column(String(40), default="")
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cloud_version: Mapped[int] = mapped_column(Integer, default=0)  # change last applied
    group_id: Mapped[str] = mapped_column(String(40), default="")  # group-buy batch, "" if none
    # this till's member with the order's phone, matched when the order is synced
    local_member_id: Mapped[str | None] = mapped_column(String(36))
    # when this till first announced the order (notice, picking slip); None: not yet
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChannelOrderLine(Base):
    __tablename__ = "channel_order_line"
    order_id: Mapped[str] = mapped_column(ForeignKey("channel_order.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    quantity_milli: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    picked_milli: Mapped[int] = mapped_column(Integer, default=0)  # scanned while picking


class ChannelTillSetting(Base):
    """This till's own channel-order settings (e.g. auto-print picking slips)."""

    __tablename__ = "channel_till_setting"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
