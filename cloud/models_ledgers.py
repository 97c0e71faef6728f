"""Cloud projections of till events besides sales (issue 7), on cloud.models.Base.

Ledgers (points, stored value, sales credit, stock in cloud.models) are append-only;
balances are sums. Rows keyed by the till's own ids (member, move, coupon, shift)
make a replay a no-op. Ids of other till rows (sale line, user) are kept as plain
strings: the cloud never has those rows. cloud.models imports this module at its end.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cloud.channel_models import ChannelOrder
from cloud.models import ID, Base, JSONType, SerialKey, UTCDateTime


class SalePayment(Base):
    """Tenders of a sale, for tender reports (projection of sale.completed)."""

    __tablename__ = "sale_payment"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender: Mapped[str] = mapped_column(String(24), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    change_fen: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(String(64))


class Refund(Base):
    """Projection of refund.completed: the header; sale_id is the till's sale (may be
    empty for a return without receipt, or not uploaded yet by another store)."""

    __tablename__ = "refund"
    __table_args__ = (Index("ix_refund_merchant_date", "merchant_id", "business_date"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    event_id: Mapped[str] = mapped_column(ID, unique=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    refund_no: Mapped[str] = mapped_column(String(48))
    sale_id: Mapped[str | None] = mapped_column(ID, index=True)
    business_date: Mapped[str] = mapped_column(String(10))
    cashier_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    total_fen: Mapped[int] = mapped_column(BigInteger)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    without_receipt: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(500))


class RefundLine(Base):
    __tablename__ = "refund_line"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_line_id: Mapped[str | None] = mapped_column(ID)
    sku_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    quantity_milli: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(BigInteger)


class RefundPayment(Base):
    __tablename__ = "refund_payment"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender: Mapped[str] = mapped_column(String(24))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))


class CloudMember(Base):
    """A member of the merchant, registered at any store (master data, sent to all tills)."""

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_merchant_phone", "merchant_id", "phone"),
                      Index("ix_member_merchant_created", "merchant_id", "created_at"))
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    home_store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    phone: Mapped[str] = mapped_column(String(11))
    card_no: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(40))
    birthday: Mapped[str | None] = mapped_column(String(10))
    level_code: Mapped[str] = mapped_column(String(64))
    tags: Mapped[str] = mapped_column(String(200))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recruited_by_id: Mapped[str | None] = mapped_column(ID)
    salesperson_id: Mapped[str | None] = mapped_column(ID)
    bound_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    code_secret: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberLevelDef(Base):
    """A member level as head office defines it; tills get it through the change log."""

    __tablename__ = "member_level"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberProgramDef(Base):
    """The merchant's member programme settings, last changed by HQ or a store."""

    __tablename__ = "member_program"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PointsMove(Base):
    """Points ledger of all stores; the till's move id is the key."""

    __tablename__ = "points_move"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    member_id: Mapped[str] = mapped_column(ID, index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    event_id: Mapped[str] = mapped_column(ID)
    points: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    ref_type: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str | None] = mapped_column(ID)
    refund_id: Mapped[str | None] = mapped_column(ID)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    offline: Mapped[bool] = mapped_column(Boolean)
    overdraft: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StoredValueMove(Base):
    """Stored-value ledger of all stores, principal (本金) and bonus (赠送金) apart."""

    __tablename__ = "stored_value_move"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    member_id: Mapped[str] = mapped_column(ID, index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    event_id: Mapped[str] = mapped_column(ID)
    principal_fen: Mapped[int] = mapped_column(BigInteger)
    bonus_fen: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    ref_type: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str | None] = mapped_column(ID)
    refund_id: Mapped[str | None] = mapped_column(ID)
    tender: Mapped[str] = mapped_column(String(16))
    offline: Mapped[bool] = mapped_column(Boolean)
    overdraft: Mapped[bool] = mapped_column(Boolean)
    by_user_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Coupon(Base):
    __tablename__ = "coupon"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    member_id: Mapped[str] = mapped_column(ID, index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    code: Mapped[str] = mapped_column(String(24))
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CouponRedemption(Base):
    """Keyed by event: a coupon used twice by two offline tills shows up as two rows."""

    __tablename__ = "coupon_redemption"
    event_id: Mapped[str] = mapped_column(ID, primary_key=True)
    coupon_id: Mapped[str] = mapped_column(ID, index=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    member_id: Mapped[str] = mapped_column(ID)
    sale_id: Mapped[str] = mapped_column(ID)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SalesCredit(Base):
    """Credit and commission per line and salesperson; reversals are negative rows."""

    __tablename__ = "sales_credit"
    __table_args__ = (Index("ix_sales_credit_salesperson", "merchant_id", "salesperson_id"),)
    id: Mapped[int] = mapped_column(SerialKey, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    event_id: Mapped[str] = mapped_column(ID, index=True)
    sale_id: Mapped[str] = mapped_column(ID, index=True)
    refund_id: Mapped[str | None] = mapped_column(ID, index=True)
    sale_line_id: Mapped[str] = mapped_column(ID)
    refund_line_id: Mapped[str | None] = mapped_column(ID)
    salesperson_id: Mapped[str | None] = mapped_column(ID)
    member_id: Mapped[str | None] = mapped_column(ID)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    commission_fen: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CloudSalesperson(Base):
    __tablename__ = "salesperson"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    user_id: Mapped[str] = mapped_column(ID)
    code: Mapped[str] = mapped_column(String(16))
    badge: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(60))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CloudCommissionRule(Base):
    __tablename__ = "commission_rule"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Promotion(Base):
    """A promotion as the till's pricing engine reads it, published by head office."""

    __tablename__ = "promotion"
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)
    active: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Shift(Base):
    """A till's shift: opened, cash moves, and the Z figures when closed."""

    __tablename__ = "shift"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchant.id"))
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    seq: Mapped[int] = mapped_column(Integer)
    cashier: Mapped[str] = mapped_column(String(64))
    opening_float_fen: Mapped[int] = mapped_column(BigInteger)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[str | None] = mapped_column(String(64))
    over_short_fen: Mapped[int | None] = mapped_column(BigInteger)
    report: Mapped[Any] = mapped_column(JSONType, nullable=True)


class ShiftCashMovement(Base):
    __tablename__ = "shift_cash_movement"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    shift_id: Mapped[str] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(64))
    approver: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ShiftTenderCount(Base):
    __tablename__ = "shift_tender_count"
    shift_id: Mapped[str] = mapped_column(ID, primary_key=True)
    tender: Mapped[str] = mapped_column(String(24), primary_key=True)
    expected_fen: Mapped[int] = mapped_column(BigInteger)
    counted_fen: Mapped[int | None] = mapped_column(BigInteger)
    difference_fen: Mapped[int | None] = mapped_column(BigInteger)


# Head-office reports count a merchant's fulfilled channel orders by the day they were
# placed. Declared here (the channel's table is cloud.channel_models') because the
# index belongs to the reports and comes with this module's migration (c0003).
Index("ix_channel_order_merchant_created", ChannelOrder.merchant_id, ChannelOrder.created_at)
