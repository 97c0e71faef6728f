"""Commission earned on channel orders (issue 9), on cloud.models.Base.

One row per order line and kind: "credit" when the order is fulfilled, "reversal"
(negative) when it is refunded. The unique key makes crediting idempotent: a replayed
or repeated move finds the row there and adds nothing.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.ids import new_id
from cloud.models import ID, Base, UTCDateTime


class ChannelCommission(Base):
    __tablename__ = "channel_commission"
    __table_args__ = (UniqueConstraint("order_id", "line_no", "kind"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("channel_order.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # credit | reversal
    salesperson_code: Mapped[str] = mapped_column(String(32))
    rule_id: Mapped[str | None] = mapped_column(String(36))
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # the line's net sales
    commission_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
