"""The rows a completed sale writes, built as plain dicts for fast Core inserts.

Every line keeps a snapshot of how its amount came about (regular and base
price, promotion, level discount, manual discount and 抹零 shares, the salesperson
chosen for the line), which returns and commissions read later without re-pricing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping, Sequence

from app.domain.cart import CartLine
from app.domain.ids import new_id
from app.domain.pricing import AdjustmentSource, PricedCart, PricedLine
from app.services.tenders import Tender


@dataclass(frozen=True, slots=True)
class SaleHeader:
    sale_id: str
    store_id: str
    terminal_id: str
    cashier_id: str
    receipt_no: str
    business_date: str
    seq: int
    started_at: datetime
    completed_at: datetime
    piece_count: int


def _adjustment_sums(line: PricedLine) -> tuple[int, int, int, int]:
    """Signed fen of the line's (promotion, manual, rounding, member level) adjustments."""
    sums = {source: 0 for source in AdjustmentSource}
    for adj in line.adjustments:
        sums[adj.source] += adj.amount.fen
    return (sums[AdjustmentSource.PROMOTION], sums[AdjustmentSource.MANUAL],
            sums[AdjustmentSource.ROUNDING], sums[AdjustmentSource.MEMBER])


def _adjustments_json(line: PricedLine) -> str:
    return json.dumps([
        {"source": a.source.value, "level": a.level.value, "amount_fen": a.amount.fen,
         "promotion_id": a.promotion_id, "label": a.label, "detail": a.detail, "units": a.units}
        for a in line.adjustments], ensure_ascii=False, separators=(",", ":"))


def sale_row(header: SaleHeader, priced: PricedCart, tenders: Sequence[Tender]) -> dict[str, Any]:
    regular = priced.regular_subtotal.fen
    # everything the customer did not pay against regular prices, 抹零 apart
    discount = regular - priced.total.fen + priced.rounding.fen
    return dict(
        id=header.sale_id, store_id=header.store_id, terminal_id=header.terminal_id,
        cashier_id=header.cashier_id, receipt_no=header.receipt_no,
        business_date=header.business_date, seq=header.seq, channel="store", status="completed",
        subtotal_fen=regular, discount_fen=discount, rounding_fen=priced.rounding.fen,
        total_fen=priced.total.fen, tax_fen=priced.tax_total.fen,
        paid_fen=sum(t.tendered.fen for t in tenders),
        change_fen=sum(t.change.fen for t in tenders), piece_count=header.piece_count,
        started_at=header.started_at, completed_at=header.completed_at)


def line_rows(sale_id: str, lines: Sequence[CartLine], priced: PricedCart,
              salespeople: Mapping[str, str] | None = None) -> tuple[list[dict], list[dict]]:
    """sale_line rows and their sale_line_detail rows, in cart order; ``salespeople`` maps
    line id -> the salesperson chosen for that line."""
    salespeople = salespeople or {}
    rows, details = [], []
    for number, (line, p) in enumerate(zip(lines, priced.lines), start=1):
        product = line.product
        rows.append(dict(
            id=line.line_id, sale_id=sale_id, line_no=number, product_id=product.product_id,
            sku_code=product.sku_code, barcode=product.barcode, name=product.name,
            unit=product.unit, is_weighed=product.is_weighed, unit_price_fen=p.base_price.fen,
            quantity_milli=line.quantity.milli, amount_fen=p.amount.fen,
            tax_rate_bp=p.tax_rate_bp, tax_fen=p.tax.fen))
        promotion, manual, rounding, member = _adjustment_sums(p)
        details.append(dict(
            sale_line_id=line.line_id, sale_id=sale_id, regular_price_fen=p.regular_price.fen,
            base_price_fen=p.base_price.fen, price_source=p.base_source.value,
            base_amount_fen=p.base_amount.fen, promotion_fen=promotion, manual_fen=manual,
            rounding_fen=rounding, promotion_ids=",".join(dict.fromkeys(p.promotion_ids)),
            adjustments=_adjustments_json(p), member_fen=member,
            salesperson_id=salespeople.get(line.line_id)))
    return rows, details


def payment_rows(sale_id: str, tenders: Sequence[Tender], now: datetime) -> list[dict]:
    return [dict(id=new_id(), sale_id=sale_id, line_no=i, tender=t.kind, amount_fen=t.amount.fen,
                 tendered_fen=t.tendered.fen, change_fen=t.change.fen, reference=t.reference,
                 created_at=now)
            for i, t in enumerate(tenders, start=1)]


def stock_rows(header: SaleHeader, lines: Sequence[CartLine], kind: str = "sale",
               sign: int = -1) -> list[dict]:
    return [dict(id=new_id(), store_id=header.store_id, product_id=line.product.product_id,
                 quantity_milli=sign * line.quantity.milli, kind=kind, ref_type=kind,
                 ref_id=header.sale_id, terminal_id=header.terminal_id, note="",
                 created_at=header.completed_at)
            for line in lines]


def sale_payload(header: SaleHeader, sale: dict, lines: list[dict], details: list[dict],
                 payments: list[dict], store_code: str, terminal_code: str,
                 credited: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """The sale.completed event. ``credited`` maps line id -> the salesperson credited
    with it (the line's, else the sale's, else the member's exclusive one)."""
    detail_of = {d["sale_line_id"]: d for d in details}
    credited = credited or {}
    return {
        "sale_id": header.sale_id, "receipt_no": header.receipt_no, "store": store_code,
        "terminal": terminal_code, "business_date": header.business_date,
        "cashier_id": header.cashier_id, "completed_at": header.completed_at.isoformat(),
        "subtotal_fen": sale["subtotal_fen"], "discount_fen": sale["discount_fen"],
        "rounding_fen": sale["rounding_fen"], "total_fen": sale["total_fen"],
        "tax_fen": sale["tax_fen"], "paid_fen": sale["paid_fen"], "change_fen": sale["change_fen"],
        "member_id": sale.get("member_id"), "salesperson_id": sale.get("salesperson_id"),
        "lines": [
            {"line_no": l["line_no"], "product_id": l["product_id"], "sku_code": l["sku_code"],
             "barcode": l["barcode"], "name": l["name"], "unit_price_fen": l["unit_price_fen"],
             "quantity_milli": l["quantity_milli"], "amount_fen": l["amount_fen"],
             "tax_rate_bp": l["tax_rate_bp"], "tax_fen": l["tax_fen"],
             "regular_price_fen": detail_of[l["id"]]["regular_price_fen"],
             "promotion_fen": detail_of[l["id"]]["promotion_fen"],
             "manual_fen": detail_of[l["id"]]["manual_fen"],
             "rounding_fen": detail_of[l["id"]]["rounding_fen"],
             "promotion_ids": detail_of[l["id"]]["promotion_ids"],
             "member_fen": detail_of[l["id"]]["member_fen"],
             "salesperson_id": credited.get(l["id"], detail_of[l["id"]]["salesperson_id"])}
            for l in lines],
        "payments": [{"tender": p["tender"], "amount_fen": p["amount_fen"],
                      "tendered_fen": p["tendered_fen"], "change_fen": p["change_fen"],
                      "reference": p["reference"]} for p in payments],
    }
