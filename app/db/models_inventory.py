"""Terminal tables of the inventory area, on the shared Base (imported at the end of app.db.models).

The stock ledger itself is `stock_movement` (app.db.models). `stock_balance` is a
cache of its sums kept by a trigger on `stock_movement` inserts (created in
revision 0005), so the checkout's own movements keep it in step too; it can be
rebuilt from the ledger at any time (app.services.inventory.stock.rebuild_balances).
Prices other than retail/member/cost live in `price` too: price_type 'floor'.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, id_column, UTCDateTime


class Supplier(Base):
    __tablename__ = "supplier"
    id: Mapped[str] = id_column()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    contact: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Brand(Base):
    __tablename__ = "brand"
    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(100), unique=True)


class ProductExtra(Base):
    """Back-office facts of a product: its supplier and, for variants, style/colour/size."""

    __tablename__ = "product_extra"
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), primary_key=True)
    supplier_id: Mapped[str | None] = mapped_column(ForeignKey("supplier.id"), index=True)
    style_code: Mapped[str | None] = mapped_column(String(32), index=True)
    colour: Mapped[str] = mapped_column(String(32), default="")
    size: Mapped[str] = mapped_column(String(16), default="")


class PackUnit(Base):
    """A pack a product is bought in: 箱 of 24 个 is factor_milli 24000."""

    __tablename__ = "pack_unit"
    __table_args__ = (UniqueConstraint("product_id", "name"),)
    id: Mapped[str] = id_column()
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), index=True)
    name: Mapped[str] = mapped_column(String(16))
    factor_milli: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str | None] = mapped_column(String(48), unique=True)


class StockLevelSetting(Base):
    __tablename__ = "stock_level_setting"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), primary_key=True)
    min_milli: Mapped[int] = mapped_column(Integer, default=0)
    max_milli: Mapped[int] = mapped_column(Integer, default=0)


class StockBalance(Base):
    """Cached sums of the ledger per store and product (trigger-maintained)."""

    __tablename__ = "stock_balance"
    # negative balances only: sales of goods in stock never write it (0013_checkout_speed)
    __table_args__ = (Index("ix_stock_balance_negative", "store_id", "product_id",
                            sqlite_where=text("on_hand_milli < 0")),)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), primary_key=True)
    on_hand_milli: Mapped[int] = mapped_column(Integer, default=0)
    reserved_milli: Mapped[int] = mapped_column(Integer, default=0)


class PurchaseOrder(Base):
    __tablename__ = "purchase_order"
    id: Mapped[str] = id_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    supplier_id: Mapped[str] = mapped_column(ForeignKey("supplier.id"), index=True)
    status: Mapped[str] = mapped_column(String(24), default="draft")
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_line"
    __table_args__ = (UniqueConstraint("order_id", "product_id"),)
    id: Mapped[str] = id_column()
    order_id: Mapped[str] = mapped_column(ForeignKey("purchase_order.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    ordered_milli: Mapped[int] = mapped_column(Integer)
    received_milli: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost_fen: Mapped[int] = mapped_column(Integer)


class GoodsDocument(Base):
    """A posted receipt of goods or a return to a supplier (its lines are ledger movements)."""

    __tablename__ = "goods_document"
    id: Mapped[str] = id_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(24))  # receiving | supplier_return
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    supplier_id: Mapped[str | None] = mapped_column(ForeignKey("supplier.id"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("purchase_order.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class GoodsDocumentLine(Base):
    __tablename__ = "goods_document_line"
    id: Mapped[str] = id_column()
    document_id: Mapped[str] = mapped_column(ForeignKey("goods_document.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    quantity_milli: Mapped[int] = mapped_column(Integer)
    unit_cost_fen: Mapped[int] = mapped_column(Integer)


class Stocktake(Base):
    __tablename__ = "stocktake"
    id: Mapped[str] = id_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    scope: Mapped[str] = mapped_column(Text, default="")  # '' = whole store, else category codes
    status: Mapped[str] = mapped_column(String(16), default="counting")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StocktakeItem(Base):
    """The book quantity of one product, frozen when counting started."""

    __tablename__ = "stocktake_item"
    stocktake_id: Mapped[str] = mapped_column(ForeignKey("stocktake.id"), primary_key=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), primary_key=True)
    book_milli: Mapped[int] = mapped_column(Integer)
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)


class StocktakeCount(Base):
    """One count from one device (append-only): a scan is +1, a typed count its quantity."""

    __tablename__ = "stocktake_count"
    __table_args__ = (Index("ix_stocktake_count_take_product", "stocktake_id", "product_id"),)
    id: Mapped[str] = id_column()
    stocktake_id: Mapped[str] = mapped_column(ForeignKey("stocktake.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    device: Mapped[str] = mapped_column(String(40), default="")
    quantity_milli: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TransferOrder(Base):
    """A transfer between stores. Stores are named by code (codes are unique in the cloud);
    the store id is set for a store this database holds and NULL for a remote one."""

    __tablename__ = "transfer_order"
    id: Mapped[str] = id_column()
    number: Mapped[str] = mapped_column(String(40), unique=True)
    from_store_id: Mapped[str | None] = mapped_column(ForeignKey("store.id"))
    to_store_id: Mapped[str | None] = mapped_column(ForeignKey("store.id"))
    from_store_code: Mapped[str] = mapped_column(String(16), default="")
    to_store_code: Mapped[str] = mapped_column(String(16), default="")
    # in_transit | received | refused (by the cloud) | returned (refused, taken back)
    status: Mapped[str] = mapped_column(String(16), default="in_transit")
    reason: Mapped[str] = mapped_column(String(300), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TransferLine(Base):
    __tablename__ = "transfer_line"
    __table_args__ = (UniqueConstraint("transfer_id", "product_id"),)
    id: Mapped[str] = id_column()
    transfer_id: Mapped[str] = mapped_column(ForeignKey("transfer_order.id"), index=True)
    # NULL while a transfer from another store names a SKU this till does not have yet
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"))
    sku_code: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    sent_milli: Mapped[int] = mapped_column(Integer)
    received_milli: Mapped[int | None] = mapped_column(Integer)  # arrived, damaged included
    damaged_milli: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")


class DocumentCounter(Base):
    """Last number per store and document kind: PO/GR/ST/TR numbers people read."""

    __tablename__ = "document_counter"
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
