"""Terminal tables of the members area, on the shared Base (imported at the end of app.db.models).

Points, stored value and salesperson credit are append-only ledgers: balances are
sums of movements. A member's exclusive salesperson is cached on the member row;
the binding log is the record of how it came about.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, ID, id_column, UTCDateTime


class MemberProgram(Base):
    """Per-store settings of the member programme as JSON (app.services.members.program)."""

    __tablename__ = "member_program"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberLevel(Base):
    """A level and its benefits. price_tier is the price.price_type of its member prices."""

    __tablename__ = "member_level"
    id: Mapped[str] = id_column()
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    price_tier: Mapped[str] = mapped_column(String(16), default="member")
    discount_bp: Mapped[int] = mapped_column(
        Integer, CheckConstraint("discount_bp > 0 AND discount_bp <= 10000"), default=10000)
    points_multiplier_pct: Mapped[int] = mapped_column(Integer, default=100)
    upgrade_spend_fen: Mapped[int | None] = mapped_column(Integer)
    upgrade_topup_fen: Mapped[int | None] = mapped_column(Integer)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    phone: Mapped[str] = mapped_column(String(11), unique=True)
    phone_last4: Mapped[str] = mapped_column(String(4), index=True)
    card_no: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    birthday: Mapped[date | None] = mapped_column(Date)
    level_id: Mapped[str] = mapped_column(ForeignKey("member_level.id"))
    code_secret: Mapped[str] = mapped_column(String(32))
    tags: Mapped[str] = mapped_column(String(200), default="")
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recruited_by_id: Mapped[str | None] = mapped_column(ForeignKey("salesperson.id"), index=True)
    salesperson_id: Mapped[str | None] = mapped_column(ForeignKey("salesperson.id"), index=True)
    bound_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PointsMove(Base):
    """Points ledger. Earned lots carry their expiry; spends and expiries are negative."""

    __tablename__ = "points_move"
    __table_args__ = (Index("ix_points_move_member_created", "member_id", "created_at"),)
    id: Mapped[str] = id_column()
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    points: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    ref_type: Mapped[str] = mapped_column(String(16), default="")
    ref_id: Mapped[str | None] = mapped_column(ID, index=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # a return that gives back what a sale took: ref_id stays the sale
    refund_id: Mapped[str | None] = mapped_column(ID)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    overdraft: Mapped[bool] = mapped_column(Boolean, default=False)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminal.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StoredValueMove(Base):
    """Stored-value ledger with principal (本金) and bonus (赠送金) apart."""

    __tablename__ = "stored_value_move"
    __table_args__ = (Index("ix_stored_value_move_member_created", "member_id", "created_at"),)
    id: Mapped[str] = id_column()
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    principal_fen: Mapped[int] = mapped_column(Integer)
    bonus_fen: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    ref_type: Mapped[str] = mapped_column(String(16), default="")
    ref_id: Mapped[str | None] = mapped_column(ID, index=True)
    tender: Mapped[str] = mapped_column(String(16), default="")
    # a return that gives back what a sale took: ref_id stays the sale
    refund_id: Mapped[str | None] = mapped_column(ID)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    overdraft: Mapped[bool] = mapped_column(Boolean, default=False)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminal.id"))
    created_by_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TopUpRule(Base):
    """充200送50: a top-up of at least threshold gets bonus (once, or per multiple)."""

    __tablename__ = "topup_rule"
    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(60))
    threshold_fen: Mapped[int] = mapped_column(Integer, CheckConstraint("threshold_fen > 0"))
    bonus_fen: Mapped[int] = mapped_column(Integer, CheckConstraint("bonus_fen >= 0"))
    repeatable: Mapped[bool] = mapped_column(Boolean, default=False)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Coupon(Base):
    """A coupon issued to a member; redeemed once (see CouponRedemption)."""

    __tablename__ = "coupon"
    id: Mapped[str] = id_column()
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))  # cash_off | percent_off
    value: Mapped[int] = mapped_column(Integer)  # fen, or basis points off
    threshold_fen: Mapped[int] = mapped_column(Integer, default=0)
    scope: Mapped[str] = mapped_column(String(12), default="all")  # all | category | sku
    scope_ref: Mapped[str] = mapped_column(String(64), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CouponRedemption(Base):
    """The one use of a coupon: the unique coupon_id makes a second use impossible."""

    __tablename__ = "coupon_redemption"
    id: Mapped[str] = id_column()
    coupon_id: Mapped[str] = mapped_column(ForeignKey("coupon.id"), unique=True)
    sale_id: Mapped[str] = mapped_column(ID, index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminal.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Salesperson(Base):
    """A staff member who sells (导购), with a code and a badge barcode."""

    __tablename__ = "salesperson"
    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), unique=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    badge: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberBinding(Base):
    """Log of exclusive-salesperson bindings (专属导购); the newest row per member holds."""

    __tablename__ = "member_binding"
    __table_args__ = (Index("ix_member_binding_member_created", "member_id", "created_at"),)
    id: Mapped[str] = id_column()
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    salesperson_id: Mapped[str] = mapped_column(ForeignKey("salesperson.id"))
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("salesperson.id"))
    source: Mapped[str] = mapped_column(String(16))  # registration | qr | manager
    by_user_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CommissionRule(Base):
    __tablename__ = "commission_rule"
    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(12))  # percent | per_item
    rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    scope: Mapped[str] = mapped_column(String(12), default="all")  # all | category | sku
    scope_ref: Mapped[str] = mapped_column(String(64), default="")
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SalesCredit(Base):
    """Who is credited with each sold or returned line, and the commission: a ledger.

    Returns are negative rows linked to the refund; sums give performance.
    """

    __tablename__ = "sales_credit"
    __table_args__ = (
        Index("ix_sales_credit_sp_date", "salesperson_id", "business_date"),
    )
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    sale_line_id: Mapped[str] = mapped_column(ForeignKey("sale_line.id"))
    # refund tables belong to the checkout branch of the migrations: no FK across branches
    refund_id: Mapped[str | None] = mapped_column(ID, index=True)
    refund_line_id: Mapped[str | None] = mapped_column(ID)
    salesperson_id: Mapped[str | None] = mapped_column(ForeignKey("salesperson.id"))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), index=True)
    quantity_milli: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    commission_fen: Mapped[int] = mapped_column(Integer, default=0)
    rule_id: Mapped[str | None] = mapped_column(ForeignKey("commission_rule.id"))
    business_date: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProductTierPrice(Base):
    """A product's price for one member price tier (MemberLevel.price_tier, e.g. "gold").

    Chain-wide. A level whose tier has no price here for a product falls back to the
    product's plain member price, then its regular price.
    """

    __tablename__ = "product_tier_price"
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), primary_key=True)
    tier: Mapped[str] = mapped_column(String(16), primary_key=True)
    price_fen: Mapped[int] = mapped_column(
        Integer, CheckConstraint("price_fen >= 0", name="ck_product_tier_price_nonneg"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
