"""Terminal database models (SQLAlchemy 2.0 typed mappings).

Ids are time-ordered UUID strings; money is integer fen (*_fen); quantities
are integer thousandths (*_milli); times are UTC.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text,
    UniqueConstraint, TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.ids import new_id

ID = String(36)


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as naive UTC and gives them back aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    pass


def id_column() -> Mapped[str]:
    """A time-ordered UUID primary key; every area's tables use it."""
    return mapped_column(ID, primary_key=True, default=new_id)


class Store(Base):
    __tablename__ = "store"
    id: Mapped[str] = id_column()
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Terminal(Base):
    __tablename__ = "terminal"
    __table_args__ = (UniqueConstraint("store_id", "code"),)
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")


class TaxRate(Base):
    __tablename__ = "tax_rate"
    id: Mapped[str] = id_column()
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    rate_bp: Mapped[int] = mapped_column(Integer, CheckConstraint("rate_bp >= 0 AND rate_bp <= 10000"))


class Category(Base):
    __tablename__ = "category"
    id: Mapped[str] = id_column()
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Product(Base):
    __tablename__ = "product"
    id: Mapped[str] = id_column()
    sku_code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(100), default="")
    spec: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(16), default="个")
    category_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"), index=True)
    tax_rate_id: Mapped[str] = mapped_column(ForeignKey("tax_rate.id"))
    is_weighed: Mapped[bool] = mapped_column(Boolean, default=False)
    plu: Mapped[str | None] = mapped_column(String(8), unique=True)
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # rowid of the product's row in the product_fts search index
    search_rowid: Mapped[int] = mapped_column(Integer, unique=True)

    barcodes: Mapped[list["Barcode"]] = relationship(back_populates="product")
    tax_rate: Mapped[TaxRate] = relationship()


class Barcode(Base):
    __tablename__ = "barcode"
    id: Mapped[str] = id_column()
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), index=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=True)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class Price(Base):
    """A price of a product; store_id NULL means every store."""

    __tablename__ = "price"
    __table_args__ = (
        Index("ix_price_product_type", "product_id", "price_type"),
        CheckConstraint("amount_fen >= 0", name="ck_price_amount_nonneg"),
    )
    id: Mapped[str] = id_column()
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    store_id: Mapped[str | None] = mapped_column(ForeignKey("store.id"))
    price_type: Mapped[str] = mapped_column(String(16), default="retail")
    amount_fen: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[str] = id_column()
    store_id: Mapped[str | None] = mapped_column(ForeignKey("store.id"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(32))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Sale(Base):
    __tablename__ = "sale"
    __table_args__ = (UniqueConstraint("terminal_id", "business_date", "seq"),)
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"))
    cashier_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"))
    receipt_no: Mapped[str] = mapped_column(String(48), unique=True)
    business_date: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16), default="store")
    status: Mapped[str] = mapped_column(String(16), default="completed")
    subtotal_fen: Mapped[int] = mapped_column(Integer)
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    rounding_fen: Mapped[int] = mapped_column(Integer, default=0)
    total_fen: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(Integer)
    paid_fen: Mapped[int] = mapped_column(Integer)
    change_fen: Mapped[int] = mapped_column(Integer, default=0)
    piece_count: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # who bought and who sold (not the cashier); members-area tables, so no FK across
    # migration branches. Per-line salespeople are in sale_line_detail.
    member_id: Mapped[str | None] = mapped_column(ID, index=True)
    salesperson_id: Mapped[str | None] = mapped_column(ID)

    lines: Mapped[list["SaleLine"]] = relationship(order_by="SaleLine.line_no")
    payments: Mapped[list["Payment"]] = relationship(order_by="Payment.line_no")


class SaleLine(Base):
    __tablename__ = "sale_line"
    __table_args__ = (UniqueConstraint("sale_id", "line_no"),)
    id: Mapped[str] = id_column()
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))  # no index: nothing reads lines by product
    sku_code: Mapped[str] = mapped_column(String(32))
    barcode: Mapped[str] = mapped_column(String(48), default="")
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16))
    is_weighed: Mapped[bool] = mapped_column(Boolean, default=False)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    quantity_milli: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    tax_fen: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (UniqueConstraint("sale_id", "line_no"),)
    id: Mapped[str] = id_column()
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    tender: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    tendered_fen: Mapped[int] = mapped_column(Integer)
    change_fen: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StockMovement(Base):
    """Append-only stock ledger; on hand = sum(quantity_milli) per store and product."""

    __tablename__ = "stock_movement"
    __table_args__ = (Index("ix_stock_movement_store_product", "store_id", "product_id"),)
    id: Mapped[str] = id_column()
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    quantity_milli: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    ref_type: Mapped[str] = mapped_column(String(24), default="")
    ref_id: Mapped[str | None] = mapped_column(ID, index=True)
    terminal_id: Mapped[str | None] = mapped_column(ForeignKey("terminal.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxEvent(Base):
    """Sync events written in the same transaction as the rows they describe.

    `seq` is the terminal sequence the cloud receives them in.
    """

    __tablename__ = "outbox_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(ID, unique=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40))
    aggregate_id: Mapped[str] = mapped_column(ID)
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")


class ReceiptCounter(Base):
    """Last receipt sequence per terminal and business day: gapless numbering."""

    __tablename__ = "receipt_counter"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"), primary_key=True)
    business_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


# Tables owned by other packages register on the same Base, so migrations, the
# drift test and sessions see one schema.
from app.sync import models as _sync_models  # noqa: E402,F401
from app.sync import models_channel as _channel_models  # noqa: E402,F401
from app.sync import models_transfer_requests as _transfer_request_models  # noqa: E402,F401
from app.db import (  # noqa: E402,F401
    models_checkout, models_devices, models_inventory, models_members, models_staff,
)
from app.db import models_reports as _models_reports  # noqa: E402,F401
