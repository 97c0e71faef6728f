"""Head-office reports across stores and channels: JSON or CSV, one merchant at a time.

Every report takes a period of business dates (`first`, `last`, both included, at
most a year) and answers for the admin token's merchant only; amounts are integer
fen, quantities thousandths, shares basis points (10000 = all). `format=csv` gives
the rows as CSV; `by=store` breaks a report down per store instead of across them.

- /stores       store ranking net of returns, orders, average basket, member share
- /salespeople  salesperson ranking: till credits (net of reversals) and channel orders
- /channels     till sales as channel "store" beside each online channel
- /tenders      sale payments minus refund payments per tender
- /dashboard    headline figures beside the previous period of the same length
- /products     SKUs ranked by sales
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import func, select

from cloud.api import _db, admin_only
from cloud.models import Sale, SaleLine
from cloud.reports_common import answer, parse_period
from cloud.reports_dashboard import DASHBOARD_COLUMNS, dashboard
from cloud.reports_people import salesperson_ranking
from cloud.reports_tables import sales_by_channel, sales_by_tender, store_ranking
from cloud.reports_queries import sales_in
from cloud.tenancy import Principal

router = APIRouter(prefix="/api/v1/admin/reports")
Format = Query("json", pattern="^(json|csv)$")
By = Query("all", pattern="^(all|store)$")


@router.get("/stores")
def stores(request: Request, first: str, last: str, format: str = Format,  # noqa: A002
           principal: Principal = Depends(admin_only)) -> Any:
    """Stores ranked by net sales (sales - refunds), with orders, the average basket
    (sales / orders) and the member share of sales."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        rows, columns, totals = store_ranking(conn, principal.merchant_id, period)
    return answer(rows, columns, format, {**period.as_dict(), "totals": totals})


@router.get("/salespeople")
def salespeople(request: Request, first: str, last: str, format: str = Format,  # noqa: A002
                by: str = By, principal: Principal = Depends(admin_only)) -> Any:
    """Salespeople ranked by net sales: till sales credited minus reversals, plus fulfilled
    channel orders attributed to them; commission, returns and members beside them."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        rows, columns, totals = salesperson_ranking(conn, principal.merchant_id, period, by)
    return answer(rows, columns, format, {**period.as_dict(), "by": by, "totals": totals})


@router.get("/channels")
def channels(request: Request, first: str, last: str, format: str = Format,  # noqa: A002
             by: str = By, principal: Principal = Depends(admin_only)) -> Any:
    """Till sales (channel "store", net of returns) and each online channel's picked-up,
    shipped or completed orders (what the customer paid)."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        rows, columns, totals = sales_by_channel(conn, principal.merchant_id, period, by)
    return answer(rows, columns, format, {**period.as_dict(), "by": by, "totals": totals})


@router.get("/tenders")
def tenders(request: Request, first: str, last: str, format: str = Format,  # noqa: A002
            by: str = By, principal: Principal = Depends(admin_only)) -> Any:
    """Per tender: sale payments, refund payments (pending ones shown apart) and the net."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        rows, columns, totals = sales_by_tender(conn, principal.merchant_id, period, by)
    return answer(rows, columns, format, {**period.as_dict(), "by": by, "totals": totals})


@router.get("/dashboard")
def merchant_dashboard(request: Request, first: str, last: str,
                       format: str = Format,  # noqa: A002
                       principal: Principal = Depends(admin_only)) -> Any:
    """Headline figures of the period and of the previous period of equal length."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        rows, extra = dashboard(conn, principal.merchant_id, period)
    return answer(rows, DASHBOARD_COLUMNS, format, extra)


@router.get("/products")
def top_products(request: Request, first: str, last: str,
                 limit: int = Query(50, ge=1, le=10_000),
                 format: str = Format,  # noqa: A002
                 principal: Principal = Depends(admin_only)) -> Any:
    """SKUs ranked by sales across all stores in the period."""
    period = parse_period(first, last)
    with _db(request).read() as conn:
        result = conn.execute(
            select(SaleLine.sku_code, func.max(SaleLine.name), func.sum(SaleLine.quantity_milli),
                   func.sum(SaleLine.amount_fen), func.count(func.distinct(Sale.store_id)))
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(sales_in(principal.merchant_id, period))
            .group_by(SaleLine.sku_code)
            .order_by(func.sum(SaleLine.amount_fen).desc(), SaleLine.sku_code).limit(limit)).all()
    rows = [dict(rank=i, sku=sku, name=name, quantity_milli=int(qty), sales_fen=int(amount),
                 stores=stores)
            for i, (sku, name, qty, amount, stores) in enumerate(result, 1)]
    return answer(rows, ["rank", "sku", "name", "quantity_milli", "sales_fen", "stores"], format,
                  period.as_dict())
