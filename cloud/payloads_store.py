"""Payloads of store operations: refunds, stock, shifts, back office, payments, voids (v1)."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool, StrictStr

from cloud.payloads_common import Code, Day, Id, Int64, Moment, SmallInt, Strict, Text

STOCK_KINDS = ("opening", "sale", "return", "receiving", "supplier_return", "adjustment",
               "transfer_out", "transfer_in", "stocktake")


class RefundLineV1(Strict):
    line_no: SmallInt = Field(ge=1)
    sale_line_id: Id | None = None
    product_id: Id = ""
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(max_length=200)
    quantity_milli: Int64 = Field(gt=0)
    amount_fen: Int64
    tax_rate_bp: Int64 = Field(ge=0, le=10000)
    tax_fen: Int64


class RefundPaymentV1(Strict):
    tender: StrictStr = Field(max_length=24)
    amount_fen: Int64
    reference: StrictStr = Field(default="", max_length=64)
    status: StrictStr = Field(default="done", max_length=16)


class RefundCompletedV1(Strict):
    refund_id: Id
    refund_no: StrictStr = Field(max_length=48)
    sale_id: Id | None = None
    receipt_no: StrictStr = Field(default="", max_length=48)
    store: StrictStr
    terminal: StrictStr
    cashier_id: Id
    business_date: Day
    created_at: Moment
    total_fen: Int64
    tax_fen: Int64
    without_receipt: StrictBool = False
    reason: Text = ""
    lines: list[RefundLineV1] = Field(min_length=1)
    payments: list[RefundPaymentV1] = Field(default_factory=list)


class StockMoveV1(Strict):
    id: Id
    product_id: Id = ""
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    quantity_milli: Int64
    note: Text = ""


class StockMovementsV1(Strict):
    kind: Literal[STOCK_KINDS]  # type: ignore[valid-type]
    ref_type: Code = ""
    ref_id: Id
    at: Moment
    movements: list[StockMoveV1] = Field(min_length=1)


class ShiftOpenedV1(Strict):
    shift_id: Id
    seq: SmallInt = Field(ge=1)
    store: StrictStr
    terminal: StrictStr
    cashier: Code
    opening_float_fen: Int64 = Field(ge=0)
    previous_shift_id: Id | None = None


class ShiftCashMovementV1(Strict):
    shift_id: Id
    seq: SmallInt = Field(ge=1)
    store: StrictStr
    terminal: StrictStr
    movement_id: Id
    kind: StrictStr = Field(max_length=24)
    amount_fen: Int64
    reason: Text = ""
    actor: Code
    approver: Code | None = None


class ShiftTenderV1(Strict):
    tender: StrictStr = Field(max_length=24)
    expected_fen: Int64
    counted_fen: Int64 | None = None
    difference_fen: Int64 | None = None


class ShiftReportV1(Strict):
    kind: Code
    lines: list[dict[str, Any]] = Field(default_factory=list)
    movements: list[dict[str, Any]] = Field(default_factory=list)
    tenders: list[ShiftTenderV1]
    over_short_fen: Int64


class ShiftClosedV1(Strict):
    shift_id: Id
    seq: SmallInt = Field(ge=1)
    store: StrictStr
    terminal: StrictStr
    closed_by: Code
    denominations: dict[StrictStr, Int64] = Field(default_factory=dict)
    report: ShiftReportV1


class SaleHeldV1(Strict):
    draft_id: Id
    total_fen: Int64


class StocktakePostedV1(Strict):
    number: Code
    store: StrictStr
    value_fen: Int64
    changed: Int64 = Field(ge=0)


class OrderLineV1(Strict):
    product_id: Id
    ordered_milli: Int64 = Field(gt=0)
    unit_cost_fen: Int64 = Field(ge=0)


class PurchaseOrderSentV1(Strict):
    number: Code
    store: StrictStr
    supplier_id: Id
    lines: list[OrderLineV1] = Field(min_length=1)


class PurchaseOrderClosedV1(Strict):
    number: Code


# A barcode as the catalog keeps it (sale lines hold up to 48 characters).
BarcodeCode = Annotated[StrictStr, Field(min_length=1, max_length=48)]


class ProductSavedV1(Strict):
    """A till's product save: a command the cloud applies to its catalog (by SKU)."""

    product_id: Id
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(min_length=1, max_length=200)
    category: StrictStr = Field(default="", max_length=200)
    retail_fen: Int64 = Field(ge=0)
    member_fen: Int64 | None = Field(default=None, ge=0)
    cost_fen: Int64 | None = Field(default=None, ge=0)
    floor_fen: Int64 | None = Field(default=None, ge=0)
    barcodes: list[BarcodeCode] = Field(default_factory=list, max_length=100)
    brand: StrictStr = Field(default="", max_length=100)
    spec: StrictStr = Field(default="", max_length=60)
    active: StrictBool = True
    unit: StrictStr = Field(default="个", max_length=16)
    tax_rate_bp: Int64 = Field(default=1300, ge=0, le=10000)
    is_weighed: StrictBool = False
    plu: StrictStr | None = Field(default=None, max_length=8)


class ImportedProductV1(Strict):
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(min_length=1, max_length=200)
    retail_fen: Int64 = Field(ge=0)
    member_fen: Int64 | None = Field(default=None, ge=0)
    cost_fen: Int64 | None = Field(default=None, ge=0)
    active: StrictBool = True
    category: StrictStr = Field(default="", max_length=200)
    barcodes: list[BarcodeCode] = Field(default_factory=list, max_length=100)
    unit: StrictStr = Field(default="个", max_length=16)
    tax_rate_bp: Int64 = Field(default=1300, ge=0, le=10000)


class ProductsImportedV1(Strict):
    products: list[ImportedProductV1] = Field(min_length=1)


class ChangedPriceV1(Strict):
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    amount_fen: Int64 = Field(ge=0)


class BulkPriceChangeV1(Strict):
    price_type: Code
    percent_bp: Int64
    amount_fen: Int64
    category: StrictStr | None = None
    supplier_id: Id | None = None
    changed: Int64 = Field(ge=0)
    # The resulting price of each product changed (absent from tills before issue 7).
    prices: list[ChangedPriceV1] = Field(default_factory=list)


class PaymentAttemptV1(Strict):
    attempt_id: Id
    draft_id: Id
    out_trade_no: Code
    channel: Code
    provider: Code
    amount_fen: Int64 = Field(gt=0)
    provider_ref: StrictStr | None = Field(default=None, max_length=64)


class VoidLineV1(Strict):
    sku_code: StrictStr = Field(max_length=32)
    quantity_milli: Int64
    unit_price_fen: Int64


class CheckoutVoidV1(Strict):
    draft_id: Id
    kind: Code
    reason: Text = ""
    amount_fen: Int64
    store: StrictStr
    terminal: StrictStr
    cashier_id: Id
    lines: list[VoidLineV1] = Field(default_factory=list)


STORE_PAYLOADS: dict[str, dict[int, type[Strict]]] = {
    "refund.completed": {1: RefundCompletedV1},
    "stock.movements": {1: StockMovementsV1},
    "shift.opened": {1: ShiftOpenedV1},
    "shift.cash_movement": {1: ShiftCashMovementV1},
    "shift.closed": {1: ShiftClosedV1},
    "sale.held": {1: SaleHeldV1},
    "stocktake.posted": {1: StocktakePostedV1},
    "purchase_order.sent": {1: PurchaseOrderSentV1},
    "purchase_order.closed": {1: PurchaseOrderClosedV1},
    "backoffice.product_saved": {1: ProductSavedV1},
    "backoffice.products_imported": {1: ProductsImportedV1},
    "backoffice.bulk_price_change": {1: BulkPriceChangeV1},
    "payment.success": {1: PaymentAttemptV1},
    "payment.reversed": {1: PaymentAttemptV1},
    "checkout.line_voided": {1: CheckoutVoidV1},
    "checkout.sale_voided": {1: CheckoutVoidV1},
}
