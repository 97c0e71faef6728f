"""Shelf labels: on the receipt printer, or as an A4 PDF sheet (3 x 8 labels) through Qt."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.inventory.labels import LabelData, label_data, labels_document
from ui.backoffice.common import RowsModel, button, show_error, table, yuan
from ui.tasks import run_in_background

COLUMNS, ROWS = 3, 8


class LabelDialog(QDialog):
    def __init__(self, services, product_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ctx = getattr(parent, "ctx", None)
        self.labels = label_data(services.engine, product_ids)
        self.setWindowTitle(self.tr("Shelf labels"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        model = RowsModel([self.tr("Code"), self.tr("Name"), self.tr("Price"), self.tr("Barcode")],
                          lambda l: (l.sku_code, l.name, yuan(l.retail_fen), l.barcode))
        model.set_rows(self.labels)
        layout.addWidget(table(model, 1))
        self.message = QLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Print on receipt printer"), self.print_receipt, "labelsReceipt"))
        row.addWidget(button(self.tr("Save PDF sheet…"), self.save_pdf, "labelsPdf"))
        row.addWidget(button(self.tr("Close"), self.accept))
        layout.addLayout(row)

    def print_receipt(self) -> None:
        if self.ctx is None:
            return
        printer = self.ctx.receipts.printer
        doc = labels_document(self.labels)
        run_in_background(lambda: printer.print_document(doc),
                          lambda _: self.message.setText(self.tr("Labels sent to the printer.")),
                          lambda exc: show_error(self, exc))

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save labels"), "labels.pdf", "PDF (*.pdf)")
        if path:
            write_label_sheet(Path(path), self.labels)
            self.message.setText(self.tr("Saved %1").replace("%1", path))


def write_label_sheet(path: Path, labels: list[LabelData]) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    painter = QPainter(writer)
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        width, height = page.width() / COLUMNS, page.height() / ROWS
        for index, label in enumerate(labels):
            if index and index % (COLUMNS * ROWS) == 0:
                writer.newPage()
            slot = index % (COLUMNS * ROWS)
            cell = QRectF((slot % COLUMNS) * width, (slot // COLUMNS) * height, width, height)
            _draw_label(painter, cell.adjusted(12, 12, -12, -12), label)
    finally:
        painter.end()


def _draw_label(painter: QPainter, box: QRectF, label: LabelData) -> None:
    painter.setPen(Qt.GlobalColor.lightGray)
    painter.drawRect(box)
    painter.setPen(Qt.GlobalColor.black)
    painter.setFont(QFont("Noto Sans CJK SC", 9, QFont.Weight.Bold))
    top = QRectF(box.left() + 10, box.top() + 6, box.width() - 20, box.height() * 0.3)
    painter.drawText(top, Qt.TextFlag.TextWordWrap, f"{label.name}")
    painter.setFont(QFont("Noto Sans CJK SC", 20, QFont.Weight.Bold))
    price = QRectF(box.left() + 10, box.top() + box.height() * 0.32, box.width() - 20, box.height() * 0.3)
    painter.drawText(price, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"¥{yuan(label.retail_fen)}")
    painter.setFont(QFont("Noto Sans CJK SC", 7))
    painter.drawText(price, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label.unit)
    bars = QRectF(box.left() + 10, box.top() + box.height() * 0.64, box.width() - 20, box.height() * 0.24)
    _draw_barcode(painter, bars, label)
    painter.drawText(QRectF(bars.left(), bars.bottom(), bars.width(), box.bottom() - bars.bottom()),
                     Qt.AlignmentFlag.AlignHCenter, label.barcode)


def _draw_barcode(painter: QPainter, box: QRectF, label: LabelData) -> None:
    """Bars from python-barcode's module pattern ('1' = black module)."""
    import barcode

    kind = {"EAN13": "ean13", "EAN8": "ean8"}.get(label.symbology, "code128")
    try:
        modules = "".join(barcode.get(kind, label.barcode).build())
    except Exception:  # noqa: BLE001 - a code the symbology refuses: print the text only
        return
    module = box.width() / max(1, len(modules))
    for i, bit in enumerate(modules):
        if bit == "1":
            painter.fillRect(QRectF(box.left() + i * module, box.top(), module + 0.3, box.height()),
                             Qt.GlobalColor.black)
