"""Report tables: a daily aggregate of the sales ledger, rebuildable at any time.

`report_daily` holds one row per store, business day, dimension and key (the
whole day, an hour, a tender, a product, a salesperson). It is a cache: every
figure can be recomputed from sale / sale_line / payment / refund rows, and a
day is rebuilt when its fingerprint (sale and refund counts) no longer matches.
Import this module at the end of app.db.models so the schema sees it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, Sale, UTCDateTime

# Reports read a store's sales by business day; the sale table had no index for it.
SALE_DAY_INDEX = Index("ix_sale_store_business_date", Sale.store_id, Sale.business_date)


class ReportDaily(Base):
    __tablename__ = "report_daily"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    orders: Mapped[int] = mapped_column(Integer, default=0)
    quantity_milli: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    rounding_fen: Mapped[int] = mapped_column(Integer, default=0)
    returns_count: Mapped[int] = mapped_column(Integer, default=0)
    returns_quantity_milli: Mapped[int] = mapped_column(Integer, default=0)
    returns_fen: Mapped[int] = mapped_column(Integer, default=0)
    member_orders: Mapped[int] = mapped_column(Integer, default=0)
    member_fen: Mapped[int] = mapped_column(Integer, default=0)
    commission_fen: Mapped[int] = mapped_column(Integer, default=0)


class ReportDayState(Base):
    """What a day's aggregate was built from, to tell when it is stale."""

    __tablename__ = "report_day_state"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    sale_count: Mapped[int] = mapped_column(Integer)
    refund_count: Mapped[int] = mapped_column(Integer)
    # how the sums were computed (AGGREGATE_VERSION): a new way of computing rebuilds
    version: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[datetime] = mapped_column(UTCDateTime())
