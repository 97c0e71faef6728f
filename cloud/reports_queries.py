"""Set-based sums per store over the cloud's projections, always for one merchant.

Till sales come from `sale` (business date of the sale), returns from `refund`
(business date of the return, at the store that took it back), tenders from
`sale_payment` and `refund_payment`, channel orders from `channel_order` once the
goods have left the store (picked up, shipped, completed), dated by the local day
they were placed. Each function is one or two GROUP BY queries: the database adds
up, Python only merges the handful of resulting rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Connection

from cloud.channel_codes import CREDITED_STATES
from cloud.channel_models import ChannelOrder, ChannelOrderLine
from cloud.models import Sale, SaleLine
from cloud.models_ledgers import (
    CloudMember, Refund, RefundLine, RefundPayment, SalePayment, SalesCredit,
)
from cloud.reports_common import Period

TILL_CHANNEL = "store"  # till sales in the channel report; online channels keep their names


@dataclass
class StoreTill:
    """A store's till sales and returns in a period (amounts in fen)."""

    orders: int = 0
    sales_fen: int = 0
    member_sales_fen: int = 0
    returns: int = 0
    returns_fen: int = 0
    units_sold_milli: int = 0
    units_returned_milli: int = 0

    @property
    def net_sales_fen(self) -> int:
        return self.sales_fen - self.returns_fen


@dataclass
class ChannelSum:
    orders: int = 0
    sales_fen: int = 0
    units_milli: int = 0


@dataclass
class TenderSum:
    payments: int = 0
    sales_fen: int = 0
    refunds: int = 0
    refunds_fen: int = 0
    refunds_pending_fen: int = 0

    @property
    def net_fen(self) -> int:
        return self.sales_fen - self.refunds_fen


def sales_in(merchant_id: str, period: Period):
    return and_(Sale.merchant_id == merchant_id,
                Sale.business_date.between(period.first_text, period.last_text))


def refunds_in(merchant_id: str, period: Period):
    return and_(Refund.merchant_id == merchant_id,
                Refund.business_date.between(period.first_text, period.last_text))


def channel_orders_in(merchant_id: str, period: Period):
    return and_(ChannelOrder.merchant_id == merchant_id,
                ChannelOrder.status.in_(CREDITED_STATES),
                ChannelOrder.created_at >= period.since_utc,
                ChannelOrder.created_at < period.until_utc)


def till_by_store(conn: Connection, merchant_id: str, period: Period,
                  with_units: bool = False) -> dict[str, StoreTill]:
    """store id -> its till sales, member sales and returns (and units if asked)."""
    stores: dict[str, StoreTill] = {}
    for store_id, n, total, member_total in conn.execute(
            select(Sale.store_id, func.count(), func.sum(Sale.total_fen),
                   # the sale names its member (sale.completed carries member_id)
                   func.sum(case((Sale.member_id.is_not(None), Sale.total_fen), else_=0)))
            .where(sales_in(merchant_id, period)).group_by(Sale.store_id)):
        stores[store_id] = StoreTill(orders=n, sales_fen=int(total),
                                     member_sales_fen=int(member_total))
    for store_id, n, total in conn.execute(
            select(Refund.store_id, func.count(), func.sum(Refund.total_fen))
            .where(refunds_in(merchant_id, period)).group_by(Refund.store_id)):
        figures = stores.setdefault(store_id, StoreTill())
        figures.returns, figures.returns_fen = n, int(total)
    if with_units:
        _add_units(conn, merchant_id, period, stores)
    return stores


def _add_units(conn: Connection, merchant_id: str, period: Period,
               stores: dict[str, StoreTill]) -> None:
    for store_id, sold in conn.execute(
            select(Sale.store_id, func.sum(SaleLine.quantity_milli))
            .join(SaleLine, SaleLine.sale_id == Sale.id)
            .where(sales_in(merchant_id, period)).group_by(Sale.store_id)):
        stores.setdefault(store_id, StoreTill()).units_sold_milli = int(sold)
    for store_id, returned in conn.execute(
            select(Refund.store_id, func.sum(RefundLine.quantity_milli))
            .join(RefundLine, RefundLine.refund_id == Refund.id)
            .where(refunds_in(merchant_id, period)).group_by(Refund.store_id)):
        stores.setdefault(store_id, StoreTill()).units_returned_milli = int(returned)


def channels_by_store(conn: Connection, merchant_id: str, period: Period,
                      with_units: bool = False) -> dict[tuple[str, str], ChannelSum]:
    """(store id, channel) -> fulfilled channel orders and what the customers paid."""
    sums: dict[tuple[str, str], ChannelSum] = {}
    for store_id, channel, n, paid in conn.execute(
            select(ChannelOrder.store_id, ChannelOrder.channel, func.count(),
                   func.sum(ChannelOrder.paid_fen))
            .where(channel_orders_in(merchant_id, period))
            .group_by(ChannelOrder.store_id, ChannelOrder.channel)):
        sums[(store_id, channel)] = ChannelSum(orders=n, sales_fen=int(paid))
    if with_units:
        for store_id, channel, qty in conn.execute(
                select(ChannelOrder.store_id, ChannelOrder.channel,
                       func.sum(ChannelOrderLine.quantity_milli))
                .join(ChannelOrderLine, ChannelOrderLine.order_id == ChannelOrder.id)
                .where(channel_orders_in(merchant_id, period))
                .group_by(ChannelOrder.store_id, ChannelOrder.channel)):
            sums.setdefault((store_id, channel), ChannelSum()).units_milli = int(qty)
    return sums


def tenders_by_store(conn: Connection, merchant_id: str,
                     period: Period) -> dict[tuple[str, str], TenderSum]:
    """(store id, tender) -> what the tills took in and paid back with it."""
    sums: dict[tuple[str, str], TenderSum] = {}
    for store_id, tender, n, total in conn.execute(
            select(Sale.store_id, SalePayment.tender, func.count(), func.sum(SalePayment.amount_fen))
            .join(SalePayment, SalePayment.sale_id == Sale.id)
            .where(sales_in(merchant_id, period)).group_by(Sale.store_id, SalePayment.tender)):
        sums[(store_id, tender)] = TenderSum(payments=n, sales_fen=int(total))
    pending = case((RefundPayment.status != "done", RefundPayment.amount_fen), else_=0)
    for store_id, tender, n, total, not_done in conn.execute(
            select(Refund.store_id, RefundPayment.tender, func.count(),
                   func.sum(RefundPayment.amount_fen), func.sum(pending))
            .join(RefundPayment, RefundPayment.refund_id == Refund.id)
            .where(refunds_in(merchant_id, period)).group_by(Refund.store_id, RefundPayment.tender)):
        figures = sums.setdefault((store_id, tender), TenderSum())
        figures.refunds, figures.refunds_fen = n, int(total)
        figures.refunds_pending_fen = int(not_done)
    return sums


def new_members(conn: Connection, merchant_id: str, period: Period) -> int:
    """Members registered at any store of the merchant in the period."""
    return int(conn.scalar(select(func.count()).select_from(CloudMember).where(
        CloudMember.merchant_id == merchant_id, CloudMember.created_at >= period.since_utc,
        CloudMember.created_at < period.until_utc)) or 0)


def commission(conn: Connection, merchant_id: str, period: Period) -> int:
    """Commission earned on the period's sales net of what its returns reversed."""
    earned = conn.scalar(select(func.coalesce(func.sum(SalesCredit.commission_fen), 0))
                         .join(Sale, Sale.id == SalesCredit.sale_id)
                         .where(sales_in(merchant_id, period), SalesCredit.refund_id.is_(None),
                                SalesCredit.merchant_id == merchant_id))
    reversed_ = conn.scalar(select(func.coalesce(func.sum(SalesCredit.commission_fen), 0))
                            .join(Refund, Refund.id == SalesCredit.refund_id)
                            .where(refunds_in(merchant_id, period),
                                   SalesCredit.merchant_id == merchant_id))
    return int(earned) + int(reversed_)
