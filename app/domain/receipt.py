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


def build_sale_receipt(receipt: SaleReceipt, columns: int) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    if receipt.copy:
        doc.text("** 重印小票 COPY **", "center", bold=True)
    doc.text(receipt.store_name, "center", bold=True, double=True)
    for extra in (receipt.store_address, receipt.store_phone):
        if extra:
            doc.text(extra, "center")
    doc.add(Rule())
    doc.text(f"小票号: {receipt.receipt_no}")
    doc.text(f"日期: {receipt.local_time}")
    doc.text(f"收银员: {receipt.cashier}  机号: {receipt.terminal}")
    doc.add(Rule())
    _add_lines(doc, receipt.lines)
    doc.add(Rule())
    doc.text(two_columns(f"件数: {receipt.piece_count}", f"合计: {receipt.total.plain()}", columns), bold=True)
    for name, amount in receipt.tenders:
        doc.text(two_columns(name, amount.plain(), columns))
    if receipt.change.fen:
        doc.text(two_columns("实收", receipt.tendered.plain(), columns))
        doc.text(two_columns("找零", receipt.change.plain(), columns))
    for rate_bp, tax in receipt.tax_by_rate:
        doc.text(two_columns(f"其中税额({_rate_text(rate_bp)})", tax.plain(), columns))
    doc.add(Rule())
    doc.add(BarcodeBlock(receipt.receipt_no, "CODE128"))
    doc.text(receipt.footer, "center")
    doc.add(Feed(2))
    doc.add(Cut())
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
        return
    doc.text(two_columns("品名/数量x单价", "金额", columns))
    for line in lines:
        for part in wrap(line.name, columns):
            doc.text(part)
        detail = f"  {line.quantity} x {line.unit_price.plain()}"
        doc.text(two_columns(detail, line.amount.plain(), columns))


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
