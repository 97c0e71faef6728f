"""Receipts as documents: blocks of text, rules, barcodes and QR codes.

A document is laid out for a paper width in columns (58 mm = 32, 80 mm = 48;
a Chinese character counts two). Turning it into printer bytes is a driver's
job; turning it into plain text (preview, simulator copy) is `render_text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from app.domain.money import Money
from app.domain.textwidth import pad_left, pad_right, text_width, truncate, two_columns, wrap

Align = Literal["left", "center", "right"]
PAPER_COLUMNS = {58: 32, 80: 48}


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False  # double width and height


@dataclass(frozen=True, slots=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True, slots=True)
class BarcodeBlock:
    data: str
    symbology: Literal["CODE128", "EAN13", "EAN8"] = "CODE128"


@dataclass(frozen=True, slots=True)
class QRBlock:
    data: str
    size: int = 6


@dataclass(frozen=True, slots=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True, slots=True)
class Cut:
    partial: bool = False


Block = Union[TextLine, Rule, BarcodeBlock, QRBlock, Feed, Cut]


@dataclass(slots=True)
class ReceiptDocument:
    columns: int
    blocks: list[Block] = field(default_factory=list)

    def add(self, block: Block) -> "ReceiptDocument":
        self.blocks.append(block)
        return self

    def text(self, text: str, align: Align = "left", bold: bool = False, double: bool = False) -> None:
        self.blocks.append(TextLine(text, align, bold, double))


# --- sale receipt --------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    quantity: str
    unit_price: Money
    amount: Money
    regular_price: Money | None = None   # shown struck-through-style when the price was lower
    notes: tuple[str, ...] = ()          # promotions and discounts on the line, e.g. "第二件半价 -1.75"


@dataclass(frozen=True, slots=True)
class TenderLine:
    name: str
    amount: Money
    reference: str = ""   # card slip or trade number; only its tail is printed


@dataclass(frozen=True, slots=True)
class SaleReceipt:
    """Everything a customer reads on a sale receipt, already in local time."""

    store_name: str
    receipt_no: str
    local_time: str  # 'YYYY-MM-DD HH:MM:SS' in the store's zone
    cashier: str
    terminal: str
    lines: tuple[ReceiptLine, ...]
    piece_count: int
    total: Money
    tax_by_rate: tuple[tuple[int, Money], ...]
    tenders: tuple[tuple[str, Money], ...]
    tendered: Money
    change: Money
    store_address: str = ""
    store_phone: str = ""
    footer: str = "谢谢惠顾，欢迎再次光临"
    copy: bool = False
    regular_total: Money | None = None     # at regular prices, when anything was taken off
    price_savings: Money = Money(0)        # member and special prices (positive)
    promotion_savings: Money = Money(0)    # promotions (positive)
    manual_discount: Money = Money(0)      # the cashier's discounts (positive)
    rounding: Money = Money(0)             # 抹零, signed as added to the total
    member_discount: Money = Money(0)      # the member level's discount (positive)
    member_blocks: tuple["Block", ...] = ()  # member, points, stored value, salesperson + QR


def _header(doc: ReceiptDocument, store_name: str, address: str, phone: str, copy: bool,
            title: str = "") -> None:
    if copy:
        doc.text("** 重印小票 COPY **", "center", bold=True)
    doc.text(store_name, "center", bold=True, double=True)
    for extra in (address, phone):
        if extra:
            doc.text(extra, "center")
    if title:
        doc.text(title, "center", bold=True)
    doc.add(Rule())


def _minus(amount: Money) -> str:
    return (-amount).plain() if amount.fen else "0.00"


def _add_savings(doc: ReceiptDocument, receipt: SaleReceipt) -> None:
    columns = doc.columns
    if receipt.regular_total is not None and receipt.regular_total != receipt.total:
        doc.text(two_columns("原价合计", receipt.regular_total.plain(), columns))
    for label, amount in (("会员/特价优惠", receipt.price_savings),
                          ("促销优惠", receipt.promotion_savings),
                          ("会员折扣", receipt.member_discount),
                          ("折扣", receipt.manual_discount)):
        if amount.fen:
            doc.text(two_columns(label, _minus(amount), columns))
    if receipt.rounding.fen:
        doc.text(two_columns("抹零", receipt.rounding.plain(), columns))


def _add_tenders(doc: ReceiptDocument, tenders, tendered: Money, change: Money) -> None:
    columns = doc.columns
    for tender in tenders:
        name, amount = (tender.name, tender.amount) if isinstance(tender, TenderLine) else tender
        reference = tender.reference if isinstance(tender, TenderLine) else ""
        label = f"{name} ...{reference[-4:]}" if reference else name
        doc.text(two_columns(label, amount.plain(), columns))
    if change.fen:
        doc.text(two_columns("实收", tendered.plain(), columns))
        doc.text(two_columns("找零", change.plain(), columns))


def _add_tax(doc: ReceiptDocument, tax_by_rate) -> None:
    for rate_bp, tax in tax_by_rate:
        doc.text(two_columns(f"其中税额({_rate_text(rate_bp)})", tax.plain(), doc.columns))


def _footer(doc: ReceiptDocument, code: str, footer: str) -> None:
    doc.add(Rule())
    doc.add(BarcodeBlock(code, "CODE128"))
    doc.text(footer, "center")
    doc.add(Feed(2))
    doc.add(Cut())


def build_sale_receipt(receipt: SaleReceipt, columns: int) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    _header(doc, receipt.store_name, receipt.store_address, receipt.store_phone, receipt.copy)
    doc.text(f"小票号: {receipt.receipt_no}")
    doc.text(f"日期: {receipt.local_time}")
    doc.text(f"收银员: {receipt.cashier}  机号: {receipt.terminal}")
    doc.add(Rule())
    _add_lines(doc, receipt.lines)
    doc.add(Rule())
    _add_savings(doc, receipt)
    doc.text(two_columns(f"件数: {receipt.piece_count}", f"合计: {receipt.total.plain()}", columns), bold=True)
    _add_tenders(doc, receipt.tenders, receipt.tendered, receipt.change)
    _add_tax(doc, receipt.tax_by_rate)
    saved = (receipt.price_savings + receipt.promotion_savings + receipt.member_discount
             + receipt.manual_discount - receipt.rounding)
    if saved.fen > 0:
        doc.text(f"本单共节省 {saved.plain()} 元", "center")
    if receipt.member_blocks:
        doc.add(Rule())
        doc.blocks.extend(receipt.member_blocks)
    _footer(doc, receipt.receipt_no, receipt.footer)
    return doc


@dataclass(frozen=True, slots=True)
class RefundReceipt:
    store_name: str
    refund_no: str
    original_receipt_no: str    # "" for a return without a receipt
    local_time: str
    cashier: str
    terminal: str
    lines: tuple[ReceiptLine, ...]
    total: Money                # refunded, positive
    tenders: tuple[TenderLine, ...]
    tax_by_rate: tuple[tuple[int, Money], ...]
    reason: str = ""
    store_address: str = ""
    store_phone: str = ""
    copy: bool = False


def build_refund_receipt(receipt: RefundReceipt, columns: int) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    _header(doc, receipt.store_name, receipt.store_address, receipt.store_phone, receipt.copy,
            "退货单 REFUND")
    doc.text(f"退货单号: {receipt.refund_no}")
    doc.text(f"原小票号: {receipt.original_receipt_no or '无小票退货'}")
    doc.text(f"日期: {receipt.local_time}")
    doc.text(f"收银员: {receipt.cashier}  机号: {receipt.terminal}")
    if receipt.reason:
        doc.text(f"原因: {receipt.reason}")
    doc.add(Rule())
    _add_lines(doc, receipt.lines)
    doc.add(Rule())
    doc.text(two_columns("退款合计", receipt.total.plain(), columns), bold=True)
    _add_tenders(doc, receipt.tenders, Money(0), Money(0))
    _add_tax(doc, receipt.tax_by_rate)
    doc.text("顾客签字: ____________")
    _footer(doc, receipt.refund_no, "请保留此单据")
    return doc


def _rate_text(rate_bp: int) -> str:
    whole, frac = divmod(rate_bp, 100)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0") + "%"


def _add_lines(doc: ReceiptDocument, lines: tuple[ReceiptLine, ...]) -> None:
    columns = doc.columns
    if columns >= 42:
        name_w, qty_w, num_w = columns - 28, 8, 10
        doc.text(pad_right("品名", name_w) + pad_left("数量", qty_w) + pad_left("单价", num_w) + pad_left("金额", num_w))
        for line in lines:
            parts = wrap(line.name, name_w)
            figures = (
                pad_left(line.quantity, qty_w)
                + pad_left(line.unit_price.plain(), num_w)
                + pad_left(line.amount.plain(), num_w)
            )
            doc.text(pad_right(parts[0], name_w) + figures)
            for rest in parts[1:]:
                doc.text(rest)
            _add_notes(doc, line)
        return
    doc.text(two_columns("品名/数量x单价", "金额", columns))
    for line in lines:
        for part in wrap(line.name, columns):
            doc.text(part)
        detail = f"  {line.quantity} x {line.unit_price.plain()}"
        doc.text(two_columns(detail, line.amount.plain(), columns))
        _add_notes(doc, line)


def _add_notes(doc: ReceiptDocument, line: ReceiptLine) -> None:
    if line.regular_price is not None and line.regular_price != line.unit_price:
        doc.text(f"  原价 {line.regular_price.plain()}")
    for note in line.notes:
        for part in wrap(f"  {note}", doc.columns):
            doc.text(part)


# --- plain text rendering ------------------------------------------------

def render_text(doc: ReceiptDocument) -> str:
    """What the paper shows, as text (barcodes as their human-readable line)."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, TextLine):
            scale = 2 if block.double else 1
            width = doc.columns // scale
            for part in wrap(block.text, width):
                line = _aligned(part, block.align, width)
                # a double-size character covers two columns of paper
                indent = len(line) - len(line.lstrip(" "))
                out.append(" " * (indent * scale) + line.lstrip(" "))
        elif isinstance(block, Rule):
            out.append(block.char * doc.columns)
        elif isinstance(block, BarcodeBlock):
            out.append(_aligned(f"|||| {block.data} ||||", "center", doc.columns))
        elif isinstance(block, QRBlock):
            out.append(_aligned(f"[QR {block.data}]", "center", doc.columns))
        elif isinstance(block, Feed):
            out.extend([""] * block.lines)
        elif isinstance(block, Cut):
            out.append("")
    return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"


def _aligned(text: str, align: Align, width: int) -> str:
    text = truncate(text, width)
    room = width - text_width(text)
    if align == "center":
        return " " * (room // 2) + text
    if align == "right":
        return " " * room + text
    return text
