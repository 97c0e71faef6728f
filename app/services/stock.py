"""Stock on hand: always the sum of the ledger."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import StockMovement
from app.domain.quantity import Quantity


def on_hand(session: Session, store_id: str, product_id: str) -> Quantity:
    total = session.scalar(
        select(func.coalesce(func.sum(StockMovement.quantity_milli), 0)).where(
            StockMovement.store_id == store_id, StockMovement.product_id == product_id)
    )
    return Quantity(int(total))
