"""Cloud tables of transfers (调拨) between stores of one merchant, on cloud.models.Base.

A transfer is projected from the sending till's transfer.sent event (its id is the
till's transfer id) and closed by the receiving till's transfer.received. The stock
itself moves in each store's ledger through the stock.movements events; these tables
hold what is in transit and the differences found on arrival. cloud.models imports
this module at its end so migrations and the drift test see the tables.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cloud.models import ID, Base, UTCDateTime


class CloudTransfer(Base):
    __tablename__ = "transfer_order"
    __table_args__ = (Index("ix_transfer_order_from_status", "from_store_id", "status"),
                      Index("ix_transfer_order_to_status", "to_store_id", "status"))
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    from_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    to_store_id: Mapped[str | None] = mapped_column(ForeignKey("store.id"))  # None: refused
    from_store_code: Mapped[str] = mapped_column(String(16))
    to_store_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # in_transit | received | refused
    reason: Mapped[str] = mapped_column(String(300), default="")
    sent_event_id: Mapped[str] = mapped_column(ID, unique=True)
    received_event_id: Mapped[str | None] = mapped_column(ID)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CloudTransferLine(Base):
    __tablename__ = "transfer_line"
    transfer_id: Mapped[str] = mapped_column(ForeignKey("transfer_order.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    sent_milli: Mapped[int] = mapped_column(BigInteger)
    received_milli: Mapped[int | None] = mapped_column(BigInteger)  # damaged included
    damaged_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")
