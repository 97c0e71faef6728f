"""stock.movements: receiving, supplier returns, adjustments, stocktakes, transfers and
opening stock, one ledger row each, so a store's stock in the cloud is its ledger's sum."""
from __future__ import annotations

from cloud.event_schema import ValidEvent
from cloud.models import StockMovement
from cloud.payloads_store import StockMovementsV1


def project_stock_movements(p, event: ValidEvent) -> None:
    moves: StockMovementsV1 = event.payload
    for move in moves.movements:
        p.append(StockMovement, dict(
            merchant_id=p.merchant_id, store_id=p.store_id, sku_code=move.sku_code,
            quantity_milli=move.quantity_milli, kind=moves.kind, event_id=event.envelope.id,
            created_at=moves.at))


PROJECTORS = {"stock.movements": project_stock_movements}
