"""The customer's second-monitor window."""
from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from app.domain.money import Money
from ui.customer_display import CustomerDisplayWindow, qr_pixmap


def make_slides(folder, count):
    folder.mkdir()
    for n in range(count):
        image = QImage(64, 48, QImage.Format.Format_RGB32)
        image.fill(QColor(["red", "green", "blue"][n % 3]))
        image.save(str(folder / f"{n:02d}.png"))
    (folder / "notes.txt").write_text("not a picture")


def test_line_total_payment_thanks_then_back_to_idle(qtbot, tmp_path):
    window = CustomerDisplayWindow("蒙超市", None)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    assert window.pages.currentWidget() is window.idle_page and "蒙超市" in window.slide.text()
    window.show_line("可口可乐 330ml", "2", Money(700), Money(1490), 3)
    assert window.pages.currentWidget() is window.sale_page
    assert window.line_name.text() == "可口可乐 330ml" and "14.90" in window.total.text()
    assert window.items.text() == "3 item(s)"
    window.show_payment(Money(1490), "weixin://wxpay/bizpayurl?pr=abc123")
    assert window.pages.currentWidget() is window.payment_page
    assert not window.pay_qr.pixmap().isNull() and "14.90" in window.pay_total.text()
    window._thanks_timer.setInterval(50)
    window.show_thanks(Money(1490), Money(510))
    assert window.pages.currentWidget() is window.thanks_page and "5.10" in window.thanks_detail.text()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.idle_page, timeout=2000)


def test_idle_slideshow_cycles_through_the_pictures(qtbot, tmp_path):
    make_slides(tmp_path / "slides", 3)
    window = CustomerDisplayWindow("蒙超市", tmp_path / "slides")
    qtbot.addWidget(window)
    window.show()
    assert [p.name for p in window.slides] == ["00.png", "01.png", "02.png"]
    seen = []
    for _ in range(4):
        seen.append(window.slide.pixmap().toImage().pixelColor(5, 5).name())
        window.next_slide()
    assert seen == ["#ff0000", "#008000", "#0000ff", "#ff0000"]


def test_qr_code_is_square_and_has_quiet_border():
    pixmap = qr_pixmap("https://pay.example.com/o/1", 300)
    image = pixmap.toImage()
    assert pixmap.width() == pixmap.height() > 100
    assert image.pixelColor(1, 1).name() == "#ffffff"


def test_a_single_monitor_keeps_the_window_where_it_is(qtbot):
    window = CustomerDisplayWindow("蒙超市")
    qtbot.addWidget(window)
    assert window.place_on_screen(5) is False
