"""Cloud table of transfer requests: a store asks another store of its merchant to send
it goods (the holder sends the transfer, so a request is all the asking store can make).

The id is made by the asking till, so a retried request finds the first one. A request
is fulfilled when a transfer with the same id exists (the holder's till sends the
transfer under the request's id), so nothing here is ever updated. cloud.models
imports this module at its end so migrations and the drift test see the table.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from cloud.models import ID, Base, JSONType, UTCDateTime


class CloudTransferRequest(Base):
    __tablename__ = "transfer_request"
    __table_args__ = (Index("ix_transfer_request_from_store", "from_store_id"),
                      Index("ix_transfer_request_to_store", "to_store_id"))
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    from_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))  # holds the goods
    to_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))    # asks for them
    from_store_code: Mapped[str] = mapped_column(String(16))
    to_store_code: Mapped[str] = mapped_column(String(16))
    lines: Mapped[Any] = mapped_column(JSONType)  # [{"sku", "name", "quantity_milli"}]
    note: Mapped[str] = mapped_column(String(300), default="")
    requested_by: Mapped[str] = mapped_column(String(60))  # store/terminal/staff
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
