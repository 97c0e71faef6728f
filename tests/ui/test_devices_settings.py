"""The device settings screen: every test button against simulators (a TCP printer
on loopback, pseudo-terminal scale and pole display, simulated scanners)."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QThreadPool

from app.domain.clock import SystemClock
from app.services.devices import DeviceService, DeviceSettingsService, DrawerService
from drivers.display.protocols import parse_display
from drivers.printer.tcp_sim import TcpPrinterSimulator
from ui.screens.device_settings import DeviceSettingsScreen
from ui.widgets.device_status import DeviceStatusWidget
from tests.support.escpos_decode import decode

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def printer_sim():
    sim = TcpPrinterSimulator()
    yield sim
    sim.close()


@pytest.fixture
def devices(sessions, tmp_path, printer_sim):
    clock = SystemClock()
    service = DeviceService(sessions, clock, tmp_path, DeviceSettingsService(sessions, clock),
                            queue_options={"base_delay": 0.05, "max_delay": 0.2})
    service.start()
    yield service
    QThreadPool.globalInstance().waitForDone(5000)
    service.close()


@pytest.fixture
def screen(qtbot, devices, sessions):
    drawer = DrawerService(sessions, SystemClock(), lambda: devices.drawer)
    widget = DeviceSettingsScreen(devices, drawer, actor="9001")
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def set_url(qtbot, screen, kind, url):
    row = screen.rows[kind]
    row.url.setText(url)
    row.apply.click()
    assert row.result.text().startswith("Saved"), row.result.text()


def click_test_and_wait(qtbot, screen, kind, words):
    row = screen.rows[kind]
    row.test.click()
    qtbot.waitUntil(lambda: words in row.result.text(), timeout=5000)
    return row.result.text()


def test_print_test_page_reaches_the_network_printer(qtbot, screen, printer_sim):
    set_url(qtbot, screen, "printer", printer_sim.url + "?width=48&timeout=1")
    click_test_and_wait(qtbot, screen, "printer", "in the print queue")
    decoded = decode(printer_sim.wait_for(1)[0])
    assert "中文：蒙超市欢迎您，谢谢惠顾" in decoded.lines
    assert [b[1] for b in decoded.find("barcode")] == ["EAN13", "CODE128"]
    screen.refresh_jobs()
    qtbot.waitUntil(lambda: (screen.refresh_jobs() or screen.jobs.item(0, 2).text()) == "printed", timeout=5000)


def test_open_drawer_kicks_through_the_printer(qtbot, screen, printer_sim):
    set_url(qtbot, screen, "printer", printer_sim.url + "?timeout=1")
    set_url(qtbot, screen, "drawer", "printer://?pin=5")
    click_test_and_wait(qtbot, screen, "drawer", "told to open")
    assert decode(printer_sim.wait_for(1)[0]).find("drawer") == [("drawer", 5)]


def test_show_text_on_a_pole_display(qtbot, screen):
    from drivers.pty_device import PtyDevice

    with PtyDevice() as pole:
        set_url(qtbot, screen, "display", f"cd5220+serial://{pole.port}?cjk=gb18030")
        screen.display_text.setText("欢迎光临")
        click_test_and_wait(qtbot, screen, "display", "Check that the display")
        assert parse_display(pole.read(timeout=1, size=40), "cd5220", "gb18030") == ("欢迎光临", "MON POS")


def test_read_weight_from_a_toledo_scale_and_a_silent_one(qtbot, screen):
    from drivers.scale.sim import PtyScaleSimulator

    scale = PtyScaleSimulator("toledo")
    try:
        scale.grams = 1234
        set_url(qtbot, screen, "scale", scale.url)
        assert click_test_and_wait(qtbot, screen, "scale", "Stable weight") == "Stable weight: 1.234 kg"
        scale.silent = True
        text = click_test_and_wait(qtbot, screen, "scale", "did not answer")
        assert "0.000" not in text
    finally:
        screen.devices.scale.close()
        scale.close()


def test_scan_something_now_shows_the_code_and_gives_up_politely(qtbot, screen):
    set_url(qtbot, screen, "scanner", "sim://one sim://two")
    row = screen.rows["scanner"]
    row.test.click()
    assert row.result.text() == "Scan a barcode now…"
    screen.devices.scanners.scanners[1].inject("6901234567892")
    qtbot.waitUntil(lambda: row.result.text() == "Scanned: 6901234567892", timeout=3000)
    screen._scan_timer.setInterval(50)
    row.test.click()
    qtbot.waitUntil(lambda: "No scan arrived" in row.result.text(), timeout=3000)


def test_a_bad_url_is_shown_and_not_saved(qtbot, screen):
    row = screen.rows["printer"]
    before = screen.devices.urls["printer"]
    row.url.setText("escpos+usb://not-ids")
    row.apply.click()
    assert "VENDOR:PRODUCT" in row.result.text()
    assert screen.devices.urls["printer"] == before


def test_failed_job_can_be_retried_from_the_queue(qtbot, screen, printer_sim):
    printer_sim.mode = "paper_out"
    set_url(qtbot, screen, "printer", printer_sim.url + "?timeout=1")
    screen.devices.queue.max_attempts = 1
    click_test_and_wait(qtbot, screen, "printer", "in the print queue")
    qtbot.waitUntil(lambda: (screen.refresh_jobs() or screen.jobs.item(0, 2).text()) == "failed", timeout=5000)
    assert "out of paper" in screen.jobs.item(0, 3).text()
    printer_sim.mode = "online"
    screen.jobs.selectRow(0)
    screen.findChild(type(screen.rows["printer"].apply), "retryJob").click()
    assert screen.queue_result.text() == "Sent to the printer again."
    qtbot.waitUntil(lambda: (screen.refresh_jobs() or screen.jobs.item(0, 2).text()) == "printed", timeout=5000)
    assert printer_sim.wait_for(1)


def test_status_widget_shows_the_problem_and_what_to_do(qtbot, devices, printer_sim):
    printer_sim.mode = "paper_out"
    devices.apply("printer", printer_sim.url + "?timeout=1")
    widget = DeviceStatusWidget(devices)
    qtbot.addWidget(widget)
    widget.show()
    label = widget.labels["printer"]
    qtbot.waitUntil(lambda: "out of paper" in label.text(), timeout=5000)
    assert "Load a new roll" in label.toolTip()
    assert not widget.labels["scale"].isVisible()  # not set up: not shown
    printer_sim.mode = "online"
    widget.refresh()
    qtbot.waitUntil(lambda: label.text().endswith("OK"), timeout=5000)
