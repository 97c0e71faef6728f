"""Commission on channel orders, by the merchant's commission rules (issue 9).

When an order is fulfilled (picked up or shipped) its salesperson (the share code's)
is credited each line's commission under the rules the tills publish (projected into
commission_rule), picked and computed by the till's own functions so a sale earns the
same at the till and online. The order's discount is spread over its lines in
proportion to their amounts, so a percent rule pays on net sales. Rows are keyed by
(order, line, kind): crediting again adds nothing, and a refund reverses exactly what
was credited.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterator

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.commission import CreditLine, RuleData, commission_for, pick_rule
from cloud.models import Product  # first: cloud.models registers the other tables
from cloud.channel_models import ChannelOrder, ChannelOrderLine
from cloud.models_channel_commission import ChannelCommission
from cloud.models_ledgers import CloudCommissionRule

CREDIT, REVERSAL = "credit", "reversal"


def credit_order(conn: Connection, order, now: datetime) -> None:
    """Credit the order's salesperson with commission on each line (once per line)."""
    if not order.salesperson_code:
        return
    rules = merchant_rules(conn, order.merchant_id)
    if not rules:
        return
    rows = []
    for line_no, line in credit_lines(conn, order):
        rule = pick_rule(rules, line, now)
        commission = commission_for(rule, line)
        if rule is not None and commission:
            rows.append(dict(_base(order, now), line_no=line_no, kind=CREDIT,
                             rule_id=rule.id, amount_fen=line.amount_fen,
                             commission_fen=commission))
    _insert(conn, rows)


def reverse_order(conn: Connection, order, now: datetime) -> None:
    """Take back all commission credited on a refunded order (once per line)."""
    credited = conn.execute(select(ChannelCommission).where(
        ChannelCommission.order_id == order.id, ChannelCommission.kind == CREDIT)).all()
    _insert(conn, [dict(_base(order, now), salesperson_code=c.salesperson_code,
                        line_no=c.line_no, kind=REVERSAL, rule_id=c.rule_id,
                        amount_fen=-c.amount_fen, commission_fen=-c.commission_fen)
                   for c in credited])


def commission_by_code(conn: Connection, merchant_id: str, order_filter,
                       per_store: bool) -> Iterator[tuple[tuple[str, str | None], int]]:
    """((salesperson code, store id or None), net commission) of the orders the filter
    selects (credits less reversals)."""
    keys = ((ChannelCommission.salesperson_code, ChannelOrder.store_id) if per_store
            else (ChannelCommission.salesperson_code,))
    for row in conn.execute(
            select(*keys, func.sum(ChannelCommission.commission_fen))
            .join(ChannelOrder, ChannelOrder.id == ChannelCommission.order_id)
            .where(ChannelCommission.merchant_id == merchant_id, order_filter)
            .group_by(*keys)):
        yield (row[0], row[1] if per_store else None), int(row[-1])


def merchant_rules(conn: Connection, merchant_id: str) -> list[RuleData]:
    return [_rule(data) for data in conn.scalars(select(CloudCommissionRule.data).where(
        CloudCommissionRule.merchant_id == merchant_id))]


def credit_lines(conn: Connection, order) -> list[tuple[int, CreditLine]]:
    """(line no, the line at its net amount): the order discount is spread over the
    lines by amount with the till's largest-remainder rule, so they add up to goods -
    discount."""
    lines = conn.execute(select(ChannelOrderLine).where(ChannelOrderLine.order_id == order.id)
                         .order_by(ChannelOrderLine.line_no)).all()
    products = dict(conn.execute(select(Product.sku, Product.data).where(
        Product.merchant_id == order.merchant_id,
        Product.sku.in_([line.sku for line in lines]))).all())
    goods = sum(line.amount_fen for line in lines)
    shares = (Money(order.discount_fen).allocate([line.amount_fen for line in lines])
              if goods else [Money(0)] * len(lines))
    result = []
    for line, share in zip(lines, shares):
        data = products.get(line.sku) or {}
        category = data.get("category") or ""
        result.append((line.line_no, CreditLine(
            line.sku, (category,) if category else (), line.amount_fen - share.fen,
            line.quantity_milli, bool(data.get("is_weighed")))))
    return result


def _rule(data: dict[str, Any]) -> RuleData:
    return RuleData(data["id"], data.get("name", ""), data["kind"], data.get("rate_bp", 0),
                    data.get("amount_fen", 0), data.get("scope", "all"),
                    data.get("scope_ref", ""), _moment(data.get("starts_at")),
                    _moment(data.get("ends_at")), data.get("active", True))


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def _base(order, now: datetime) -> dict[str, Any]:
    return dict(merchant_id=order.merchant_id, order_id=order.id,
                salesperson_code=order.salesperson_code, created_at=now)


def _insert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    conn.execute(dialect_insert(ChannelCommission).on_conflict_do_nothing(
        index_elements=["order_id", "line_no", "kind"]),
        [dict(row, id=new_id()) for row in rows])
