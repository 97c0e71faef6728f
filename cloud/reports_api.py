"""Head-office reports over the cloud's sale projections: JSON or CSV, per merchant.

Figures come from the `sale` and `sale_line` projections of sale.completed events,
so they cover every store and terminal that has pushed its sales. Returns,
tenders, channels and salespeople are not projected in the cloud yet.
"""
from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from sqlalchemy import func, select

from cloud.api import _db, admin_only
from cloud.models import Sale, SaleLine, Store
from cloud.tenancy import Principal

router = APIRouter(prefix="/api/v1/admin/reports")


def _period(first: str, last: str) -> tuple[str, str]:
    try:
        a, b = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        raise HTTPException(422, "first and last must be dates like 2026-11-25") from None
    if b < a:
        raise HTTPException(422, "last must not be before first")
    return a.isoformat(), b.isoformat()


def _answer(rows: list[dict[str, Any]], columns: list[str], fmt: str, extra: dict) -> Any:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8")
    return {**extra, "rows": rows}


@router.get("/stores")
def store_ranking(request: Request, first: str, last: str,
                  format: str = Query("json", pattern="^(json|csv)$"),  # noqa: A002
                  principal: Principal = Depends(admin_only)) -> Any:
    """Stores ranked by sales in the period, with orders and the average basket."""
    a, b = _period(first, last)
    with _db(request).read() as conn:
        result = conn.execute(
            select(Store.code, Store.name, func.count(Sale.id), func.sum(Sale.total_fen))
            .join(Sale, Sale.store_id == Store.id)
            .where(Sale.merchant_id == principal.merchant_id, Sale.business_date.between(a, b))
            .group_by(Store.code, Store.name)).all()
    rows = [dict(rank=0, store=code, name=name, orders=n, sales_fen=int(total),
                 average_basket_fen=(int(total) + n // 2) // n)
            for code, name, n, total in result]
    rows.sort(key=lambda r: (-r["sales_fen"], r["store"]))
    for i, row in enumerate(rows, 1):
        row["rank"] = i
    totals = dict(orders=sum(r["orders"] for r in rows), sales_fen=sum(r["sales_fen"] for r in rows))
    return _answer(rows, ["rank", "store", "name", "orders", "sales_fen", "average_basket_fen"],
                   format, {"first": a, "last": b, "totals": totals})


@router.get("/products")
def top_products(request: Request, first: str, last: str,
                 limit: int = Query(50, ge=1, le=10_000),
                 format: str = Query("json", pattern="^(json|csv)$"),  # noqa: A002
                 principal: Principal = Depends(admin_only)) -> Any:
    """SKUs ranked by sales across all stores in the period."""
    a, b = _period(first, last)
    with _db(request).read() as conn:
        result = conn.execute(
            select(SaleLine.sku_code, func.max(SaleLine.name), func.sum(SaleLine.quantity_milli),
                   func.sum(SaleLine.amount_fen), func.count(func.distinct(Sale.store_id)))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.merchant_id == principal.merchant_id, Sale.business_date.between(a, b))
            .group_by(SaleLine.sku_code)
            .order_by(func.sum(SaleLine.amount_fen).desc(), SaleLine.sku_code).limit(limit)).all()
    rows = [dict(rank=i, sku=sku, name=name, quantity_milli=int(qty), sales_fen=int(amount),
                 stores=stores)
            for i, (sku, name, qty, amount, stores) in enumerate(result, 1)]
    return _answer(rows, ["rank", "sku", "name", "quantity_milli", "sales_fen", "stores"], format,
                   {"first": a, "last": b})
