"""Terminal copy of the transfer requests its store made or must answer (issue 9).

A request comes down the change log and never changes afterwards: it is fulfilled
once a transfer with the request's id exists here (the holding store sends the
transfer under that id; the asking store receives it under the same id), so both
stores see fulfilment without another message. app.db.models imports this module.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, UTCDateTime


class TransferRequest(Base):
    __tablename__ = "transfer_request"
    __table_args__ = (Index("ix_transfer_request_from_store", "from_store_code"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # made by the asking till
    from_store_code: Mapped[str] = mapped_column(String(16))  # holds the goods, sends them
    to_store_code: Mapped[str] = mapped_column(String(16))    # asked for them
    lines_json: Mapped[str] = mapped_column(Text)  # [{"sku", "name", "quantity_milli"}]
    note: Mapped[str] = mapped_column(String(300), default="")
    requested_by: Mapped[str] = mapped_column(String(60), default="")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
