"""Receipt preview drawn on the paper's column grid.

Fonts do not make a Chinese character exactly two Latin columns wide, so a
text box misaligns receipts; here every character is placed at its column
(a wide character takes two), as the printer places it.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from app.domain.textwidth import char_width
from ui.fonts import monospace_font

PAPER_MARGIN = 12


class ReceiptView(QWidget):
    def __init__(self, text: str, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptView")
        self._lines = text.rstrip("\n").split("\n")
        self._columns = columns
        self.setFont(monospace_font(11))
        metrics = QFontMetricsF(self.font())
        self._cell = metrics.horizontalAdvance("0")
        self._line_height = metrics.height() * 1.15
        self._ascent = metrics.ascent()

    def text(self) -> str:
        return "\n".join(self._lines)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = self._cell * self._columns + 2 * PAPER_MARGIN
        height = self._line_height * len(self._lines) + 2 * PAPER_MARGIN
        return QSize(int(width) + 1, int(height) + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        paper = QRectF(0, 0, self._cell * self._columns + 2 * PAPER_MARGIN, self.height())
        painter.fillRect(paper, QColor("#fffef8"))
        painter.setPen(QColor("#202020"))
        for row, line in enumerate(self._lines):
            top = PAPER_MARGIN + row * self._line_height
            column = 0
            for ch in line:
                width = char_width(ch)
                if ch != " ":
                    cell = QRectF(PAPER_MARGIN + column * self._cell, top,
                                  self._cell * max(width, 1), self._line_height)
                    painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), ch)
                column += width
        painter.end()
