"""What a transfer looks like to the back office: lines with what was sent, what arrived
and the differences (short, over, damaged), each a figure a manager can act on."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models_inventory import TransferLine, TransferOrder

IN_TRANSIT, RECEIVED, REFUSED, RETURNED = "in_transit", "received", "refused", "returned"


@dataclass(frozen=True, slots=True)
class TransferLineView:
    product_id: str | None
    sku_code: str
    name: str
    sent_milli: int
    received_milli: int | None
    damaged_milli: int = 0
    note: str = ""

    @property
    def difference_milli(self) -> int:
        """Arrived minus sent: below zero is short, above zero over."""
        return (self.received_milli or 0) - self.sent_milli

    @property
    def short_milli(self) -> int:
        return max(0, -self.difference_milli) if self.received_milli is not None else 0

    @property
    def over_milli(self) -> int:
        return max(0, self.difference_milli) if self.received_milli is not None else 0

    @property
    def has_difference(self) -> bool:
        return self.received_milli is not None and bool(self.difference_milli or self.damaged_milli)


@dataclass(frozen=True, slots=True)
class TransferView:
    id: str
    number: str
    from_store_id: str | None
    to_store_id: str | None
    status: str
    lines: list[TransferLineView]
    from_store_code: str = ""
    to_store_code: str = ""
    reason: str = ""

    @property
    def differences(self) -> list[TransferLineView]:
        return [line for line in self.lines if line.has_difference]

    @property
    def in_transit(self) -> bool:
        return self.status == IN_TRANSIT


def transfer_view(session: Session, order: TransferOrder) -> TransferView:
    lines = session.scalars(select(TransferLine).where(TransferLine.transfer_id == order.id)
                            .order_by(TransferLine.sku_code)).all()
    return TransferView(
        order.id, order.number, order.from_store_id, order.to_store_id, order.status,
        [TransferLineView(l.product_id, l.sku_code, l.name, l.sent_milli, l.received_milli,
                          l.damaged_milli or 0, l.note or "") for l in lines],
        order.from_store_code, order.to_store_code, order.reason or "")
