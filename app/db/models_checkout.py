"""Terminal tables of the checkout area, on the shared Base (imported at the end of app.db.models).

Promotions are data (the pricing engine's JSON form); a sale line's pricing
snapshot lives beside the line; payment attempts are written *before* the
provider is called so an unknown outcome is never forgotten; refunds are new
documents linked to the sale, never edits of it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, ID, id_column, UTCDateTime


class PromotionRow(Base):
    """One promotion as the pricing engine's dict (app.domain.pricing.codec) in JSON."""

    __tablename__ = "promotion"
    __table_args__ = (Index("ix_promotion_active_ends", "active", "ends_at"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CheckoutSetting(Base):
    """Per-store checkout settings: 抹零 mode and the scale barcode layouts in use."""

    __tablename__ = "checkout_setting"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    rounding_mode: Mapped[str] = mapped_column(String(16), default="none")
    scale_layouts: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SaleLineDetail(Base):
    """How a sale line's amount came about, as sold (returns and commissions read it)."""

    __tablename__ = "sale_line_detail"
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_line.id"), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    regular_price_fen: Mapped[int] = mapped_column(Integer)
    base_price_fen: Mapped[int] = mapped_column(Integer)
    price_source: Mapped[str] = mapped_column(String(16))
    base_amount_fen: Mapped[int] = mapped_column(Integer)
    promotion_fen: Mapped[int] = mapped_column(Integer, default=0)
    manual_fen: Mapped[int] = mapped_column(Integer, default=0)
    rounding_fen: Mapped[int] = mapped_column(Integer, default=0)
    promotion_ids: Mapped[str] = mapped_column(String(400), default="")
    adjustments: Mapped[str] = mapped_column(Text, default="[]")
    # the member level's discount (会员折扣) on the line, and the salesperson chosen for
    # this line at the till (None: the sale's, else the member's exclusive one is credited)
    member_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    salesperson_id: Mapped[str | None] = mapped_column(ID)


class CheckoutVoid(Base):
    """A voided line or a cancelled sale: recorded for loss prevention, never deleted."""

    __tablename__ = "checkout_void"
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    cashier_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    draft_id: Mapped[str] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(12))  # line | sale
    amount_fen: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class PaymentAttempt(Base):
    """A mobile payment, persisted before the provider is asked, updated as it resolves."""

    __tablename__ = "payment_attempt"
    id: Mapped[str] = id_column()
    draft_id: Mapped[str] = mapped_column(ID, index=True)
    out_trade_no: Mapped[str] = mapped_column(String(40), unique=True)
    provider: Mapped[str] = mapped_column(String(24))
    channel: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    code_hint: Mapped[str] = mapped_column(String(24), default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    provider_ref: Mapped[str] = mapped_column(String(64), default="")
    message: Mapped[str] = mapped_column(String(200), default="")
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sale.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HeldSale(Base):
    """挂单: a parked sale (lines, discounts) that survives a restart until recalled."""

    __tablename__ = "held_sale"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"), index=True)
    cashier_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    label: Mapped[str] = mapped_column(String(60), default="")
    total_fen: Mapped[int] = mapped_column(Integer)
    piece_count: Mapped[int] = mapped_column(Integer)
    line_count: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Refund(Base):
    __tablename__ = "refund"
    __table_args__ = (UniqueConstraint("terminal_id", "business_date", "seq"),)
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    cashier_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sale.id"), index=True)
    refund_no: Mapped[str] = mapped_column(String(48), unique=True)
    business_date: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    without_receipt: Mapped[bool] = mapped_column(Boolean, default=False)
    exchange_sale_id: Mapped[str | None] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class RefundLine(Base):
    __tablename__ = "refund_line"
    __table_args__ = (UniqueConstraint("refund_id", "line_no"),)
    id: Mapped[str] = id_column()
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    sale_line_id: Mapped[str | None] = mapped_column(ForeignKey("sale_line.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    sku_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    is_weighed: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    quantity_milli: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(Integer)


class RefundPayment(Base):
    __tablename__ = "refund_payment"
    __table_args__ = (UniqueConstraint("refund_id", "line_no"),)
    id: Mapped[str] = id_column()
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    tender: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(64), default="")
    original_payment_id: Mapped[str | None] = mapped_column(ForeignKey("payment.id"))
    # done, or pending when a wallet refund is still to be confirmed by the provider
    status: Mapped[str] = mapped_column(String(12), default="done")


class RefundCounter(Base):
    """Last refund sequence per terminal and business day: gapless like receipts."""

    __tablename__ = "refund_counter"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
