"""The customer's window on a second monitor: the line just scanned and the
total, the payment QR code, a thank-you screen, and an idle slideshow of the
pictures in a folder.

The main window drives it with show_line / show_payment / show_thanks /
show_idle; after the thank-you it falls back to the slideshow by itself.
"""
from __future__ import annotations

from pathlib import Path

import qrcode
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.domain.money import Money

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
SLIDE_MS = 6000
THANKS_MS = 6000
QR_PIXELS = 360


def qr_pixmap(data: str, pixels: int = QR_PIXELS) -> QPixmap:
    """The QR code of `data`, drawn crisply at `pixels` square."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    cell = max(1, pixels // len(matrix))
    image = QImage(cell * len(matrix), cell * len(matrix), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * cell, y * cell, cell, cell, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


def _label(name: str, point_size: int, bold: bool = False, color: str = "#1f2328") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"font-size: {point_size}pt; color: {color};" + (" font-weight: bold;" if bold else ""))
    return label


class CustomerDisplayWindow(QWidget):
    def __init__(self, store_name: str, slideshow_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer display"))
        self.setStyleSheet("background: white;")
        self.store_name = store_name
        self.slides = self._find_slides(slideshow_dir)
        self.slide_index = 0
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._build_idle()
        self._build_sale()
        self._build_payment()
        self._build_thanks()
        self._slide_timer = QTimer(self, interval=SLIDE_MS)
        self._slide_timer.timeout.connect(self.next_slide)
        self._thanks_timer = QTimer(self, singleShot=True, interval=THANKS_MS)
        self._thanks_timer.timeout.connect(self.show_idle)
        self.show_idle()

    # --- pages --------------------------------------------------------------------------
    def _build_idle(self) -> None:
        self.idle_page = QWidget()
        column = QVBoxLayout(self.idle_page)
        self.slide = _label("slide", 36, bold=True)
        column.addWidget(self.slide, 1)
        self.pages.addWidget(self.idle_page)

    def _build_sale(self) -> None:
        self.sale_page = QWidget()
        column = QVBoxLayout(self.sale_page)
        self.line_name = _label("lineName", 30, bold=True)
        self.line_detail = _label("lineDetail", 24, color="#57606a")
        self.total = _label("saleTotal", 54, bold=True, color="#cf222e")
        self.items = _label("itemCount", 18, color="#57606a")
        for widget, stretch in ((self.line_name, 2), (self.line_detail, 1), (self.total, 3), (self.items, 1)):
            column.addWidget(widget, stretch)
        self.pages.addWidget(self.sale_page)

    def _build_payment(self) -> None:
        self.payment_page = QWidget()
        column = QVBoxLayout(self.payment_page)
        self.pay_total = _label("payTotal", 40, bold=True, color="#cf222e")
        self.pay_qr = _label("payQr", 12)
        self.pay_hint = _label("payHint", 22)
        for widget, stretch in ((self.pay_total, 1), (self.pay_qr, 3), (self.pay_hint, 1)):
            column.addWidget(widget, stretch)
        self.pages.addWidget(self.payment_page)

    def _build_thanks(self) -> None:
        self.thanks_page = QWidget()
        column = QVBoxLayout(self.thanks_page)
        self.thanks = _label("thanks", 44, bold=True, color="#0a7d32")
        self.thanks_detail = _label("thanksDetail", 26)
        column.addWidget(self.thanks, 2)
        column.addWidget(self.thanks_detail, 1)
        self.pages.addWidget(self.thanks_page)

    # --- what the till shows -------------------------------------------------------------
    def show_line(self, name: str, quantity: str, amount: Money, total: Money, item_count: int,
                  unit_price: Money | None = None) -> None:
        self._thanks_timer.stop()
        self._slide_timer.stop()
        self.line_name.setText(name)
        price = f" × {unit_price.format()}" if unit_price is not None else ""
        self.line_detail.setText(f"{quantity}{price} = {amount.format()}")
        self.total.setText(self.tr("Total %1").replace("%1", total.format()))
        self.items.setText(self.tr("%1 item(s)").replace("%1", str(item_count)))
        self.pages.setCurrentWidget(self.sale_page)

    def show_payment(self, total: Money, qr_data: str = "", hint: str = "") -> None:
        self._thanks_timer.stop()
        self._slide_timer.stop()
        self.pay_total.setText(self.tr("To pay %1").replace("%1", total.format()))
        if qr_data:
            self.pay_qr.setPixmap(qr_pixmap(qr_data))
        else:
            self.pay_qr.clear()
        self.pay_hint.setText(hint or (self.tr("Scan the code with your phone to pay") if qr_data else ""))
        self.pages.setCurrentWidget(self.payment_page)

    def show_thanks(self, total: Money, change: Money) -> None:
        self._slide_timer.stop()
        self.thanks.setText(self.tr("Thank you, please come again!"))
        detail = self.tr("Paid %1").replace("%1", total.format())
        if change.fen:
            detail += "   " + self.tr("Change %1").replace("%1", change.format())
        self.thanks_detail.setText(detail)
        self.pages.setCurrentWidget(self.thanks_page)
        self._thanks_timer.start()

    def show_idle(self) -> None:
        self._thanks_timer.stop()
        self.pages.setCurrentWidget(self.idle_page)
        self.slide_index = 0
        self._show_slide()
        if len(self.slides) > 1:
            self._slide_timer.start()

    def next_slide(self) -> None:
        if self.slides:
            self.slide_index = (self.slide_index + 1) % len(self.slides)
        self._show_slide()

    def _show_slide(self) -> None:
        if not self.slides:
            self.slide.setText(f"{self.store_name}\n{self.tr('Welcome')}")
            return
        pixmap = QPixmap(str(self.slides[self.slide_index]))
        if pixmap.isNull():  # a broken picture is skipped, not shown as a blank screen
            self.slide.setText(self.store_name)
            return
        self.slide.setPixmap(pixmap.scaled(self.slide.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    @staticmethod
    def _find_slides(folder: Path | None) -> list[Path]:
        if folder is None or not Path(folder).is_dir():
            return []
        return sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)

    def place_on_screen(self, index: int = 1) -> bool:
        """Full screen on monitor `index` (the second by default); False when there is no such monitor."""
        screens = QGuiApplication.screens()
        if index >= len(screens):
            return False
        self.setGeometry(screens[index].geometry())
        self.showFullScreen()
        return True
