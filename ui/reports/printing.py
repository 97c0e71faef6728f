"""The daily summary on paper: the receipt printer, or a PDF page drawn with QPdfWriter."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from app.domain.receipt import ReceiptDocument, render_text
from ui.fonts import monospace_font


def write_pdf(doc: ReceiptDocument, path: str, title: str) -> None:
    """The summary as text in a monospace font on A4, as it reads on the receipt."""
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)))
    writer.setResolution(300)
    painter = QPainter(writer)
    try:
        font = monospace_font()
        font.setPointSizeF(10)
        painter.setFont(font)
        height = painter.fontMetrics().lineSpacing()
        page_height = writer.height()
        y = height
        for line in render_text(doc).splitlines():
            if y > page_height:
                writer.newPage()
                y = height
            painter.drawText(0, y, line)
            y += height
    finally:
        painter.end()
