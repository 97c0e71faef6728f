"""Shelf labels: what a label shows, and labels as a receipt-printer document."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.domain.barcode import has_valid_check_digit
from app.domain.money import Money
from app.domain.receipt import BarcodeBlock, Cut, Feed, ReceiptDocument, Rule, TextLine


@dataclass(frozen=True, slots=True)
class LabelData:
    sku_code: str
    name: str
    spec: str
    unit: str
    retail_fen: int
    member_fen: int | None
    barcode: str

    @property
    def symbology(self) -> str:
        if len(self.barcode) == 13 and has_valid_check_digit(self.barcode):
            return "EAN13"
        if len(self.barcode) == 8 and has_valid_check_digit(self.barcode):
            return "EAN8"
        return "CODE128"


_LABELS = text("""
    SELECT p.sku_code, p.name, p.spec, p.unit,
           COALESCE((SELECT amount_fen FROM price WHERE product_id = p.id AND price_type = 'retail'
                     AND store_id IS NULL AND starts_at IS NULL LIMIT 1), 0) AS retail,
           (SELECT amount_fen FROM price WHERE product_id = p.id AND price_type = 'member'
                     AND store_id IS NULL AND starts_at IS NULL LIMIT 1) AS member,
           COALESCE((SELECT code FROM barcode WHERE product_id = p.id ORDER BY is_primary DESC LIMIT 1),
                    p.sku_code) AS barcode
      FROM product p WHERE p.id = :id
""")


def label_data(engine: Engine, product_ids: list[str]) -> list[LabelData]:
    with engine.connect() as conn:
        rows = [conn.execute(_LABELS, {"id": pid}).first() for pid in product_ids]
    return [LabelData(r.sku_code, r.name, r.spec, r.unit, r.retail, r.member, r.barcode) for r in rows if r]


def labels_document(labels: list[LabelData], columns: int = 48) -> ReceiptDocument:
    """One label after another on receipt paper, cut between them."""
    doc = ReceiptDocument(columns)
    for label in labels:
        doc.blocks.append(TextLine(label.name, "center", bold=True))
        if label.spec:
            doc.blocks.append(TextLine(f"{label.spec} / {label.unit}", "center"))
        doc.blocks.append(TextLine(f"¥{Money(label.retail_fen).plain()}", "center", double=True))
        if label.member_fen is not None:
            doc.blocks.append(TextLine(f"会员价 ¥{Money(label.member_fen).plain()}", "center"))
        doc.blocks.append(BarcodeBlock(label.barcode, label.symbology))
        doc.blocks.extend([Rule(), Feed(1), Cut(partial=True)])
    return doc
