"""Device settings, test actions and the cash drawer log on a real migrated database."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models_devices import DrawerKick
from app.domain.receipt import BarcodeBlock, QRBlock
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.services.devices import (
    ERROR, NOT_SET, OK, DeviceProblem, DeviceService, DeviceSettingsService, DrawerService, build_test_page,
)
from app.services.errors import InvalidInput, NotFound
from app.services.print_queue import DONE
from drivers.drawer import SimDrawer
from drivers.printer import PrinterStatus
from tests.factories import COLA, make_store
from tests.support.escpos_decode import decode


@pytest.fixture
def devices(sessions, clock, tmp_path):
    service = DeviceService(sessions, clock, tmp_path, DeviceSettingsService(sessions, clock))
    yield service
    service.close()


def test_defaults_then_saved_urls_survive_a_restart(sessions, clock, tmp_path, devices):
    assert devices.urls["printer"] == "sim://?width=48" and devices.urls["scale"] == "none://"
    devices.apply("scale", "sim://?grams=500")
    devices.apply("printer", "sim://?width=32&cjk=gbk")
    again = DeviceService(sessions, clock, tmp_path, DeviceSettingsService(sessions, clock))
    assert again.urls["scale"] == "sim://?grams=500" and again.printer.columns == 32
    assert again.read_weight() == 500


@pytest.mark.parametrize("kind,url,words", [
    ("printer", "lpt://x", "unknown kind"),
    ("scale", "toledo+serial:///dev/ttyS0?mode=sometimes", "mode='sometimes'"),
    ("display", "vfd://COM1", "unknown kind"),
    ("drawer", "printer://?pin=3", "pin='3'"),
    ("scanner", "serial-scanner:///dev/ttyACM0?baudrate=7", "baudrate='7'"),
])
def test_a_bad_url_is_refused_with_the_reason_and_not_saved(devices, kind, url, words):
    before = dict(devices.urls)
    with pytest.raises(InvalidInput) as caught:
        devices.apply(kind, url)
    assert words in caught.value.message
    assert devices.urls == before and devices.settings.urls() == before


def test_test_page_has_chinese_and_both_code_types(devices, tmp_path):
    job_id = devices.print_test_page()
    devices.queue.process_due()
    assert devices.queue.job(job_id).status == DONE
    data = (tmp_path / "printer-sim" / "last.bin").read_bytes()
    decoded = decode(data)
    assert "中文：蒙超市欢迎您，谢谢惠顾" in decoded.lines
    assert [b[1] for b in decoded.find("barcode")] == ["EAN13", "CODE128"]
    assert decoded.find("qr") == [("qr", "https://example.com/monpos-test")]
    blocks = devices.queue.document(job_id).blocks
    assert any(isinstance(b, BarcodeBlock) for b in blocks) and any(isinstance(b, QRBlock) for b in blocks)


def test_display_and_scale_not_set_up_say_where_to_set_them(devices):
    with pytest.raises(DeviceProblem, match="device settings"):
        devices.show_on_display("hi")
    with pytest.raises(DeviceProblem, match="device settings"):
        devices.read_weight()
    devices.apply("display", "sim://")
    devices.show_on_display("欢迎光临", "Welcome")
    assert devices.display.lines == ("欢迎光临", "Welcome")


def test_scale_problems_are_sentences_never_zero(devices):
    devices.apply("scale", "sim://?grams=0")
    devices.scale.answering = False
    with pytest.raises(DeviceProblem, match="did not answer"):
        devices.read_weight()


def test_states_tell_what_to_do_next(devices):
    states = {state.kind: state for state in devices.states()}
    assert states["printer"].level == OK and states["scale"].level == NOT_SET
    devices.printer.simulate(PrinterStatus.PAPER_OUT)
    devices.queue.enqueue(build_test_page(48), "test", "t")
    devices.queue.process_due()
    printer = devices.printer_state()
    assert printer.level == ERROR and "Load a new roll" in printer.message and "1 receipt(s) waiting" in printer.message


def test_several_scanners_reach_the_scan_listener(devices):
    devices.apply("scanner", "sim://a sim://b")
    heard = []
    stop = devices.add_scan_listener(heard.append)
    for scanner in devices.scanners.scanners:
        scanner.inject(f"CODE-{scanner.url[-1]}")
    stop()
    assert heard == ["CODE-a", "CODE-b"]


# --- cash drawer ----------------------------------------------------------------------

def kicks(sessions):
    with sessions() as s:
        return [(k.reason, k.actor, k.allowed, k.opened) for k in s.scalars(select(DrawerKick)
                                                                            .order_by(DrawerKick.created_at))]


def test_every_kick_is_logged_refused_and_failed_ones_too(engine, sessions, clock):
    from app.services.permissions import PermissionDenied
    from app.services.staff_rules import StaffRules
    from tests.integration.test_staff_helpers import make_world

    staff = make_world(engine, sessions, clock)
    drawer = SimDrawer()
    service = DrawerService(sessions, clock, lambda: drawer, StaffRules(staff.perms, staff.audit))
    info = service.open("manual", staff.supervisor)
    assert info.opened and len(drawer.kicks) == 1
    clock.advance(seconds=1)
    with pytest.raises(PermissionDenied, match="may not open the drawer"):
        service.open("manual", staff.cashier)
    clock.advance(seconds=1)
    drawer.fail = True
    with pytest.raises(DeviceProblem, match="open it with its key|Open it with its key"):
        service.open("manual", staff.supervisor)
    assert len(drawer.kicks) == 1
    assert kicks(sessions) == [("manual", "5001", True, True), ("manual", "1001", False, False),
                               ("manual", "5001", True, False)]
    assert [k.opened for k in service.kicks()] == [False, False, True]


def test_a_till_without_staff_rules_opens_the_drawer_for_anyone(sessions, clock):
    drawer = SimDrawer()
    service = DrawerService(sessions, clock, lambda: drawer)
    assert service.open("manual", "1001").opened and len(drawer.kicks) == 1


def test_drawer_opens_after_a_committed_cash_sale_only(engine, sessions, clock):
    make_store(engine, clock.now())
    ctx = load_context(sessions, "S001", "T01")
    checkout = CheckoutService(sessions, CatalogService(engine, ctx.store_id, clock), ctx, clock)
    checkout.start_sale(AuthService(sessions, ctx.store_id).login("1001", "1111"))
    checkout.add_code(COLA)
    sale = checkout.pay_cash("5")
    drawer = SimDrawer()
    service = DrawerService(sessions, clock, lambda: drawer)
    info = service.open_after_sale(sale.sale_id, "1001")
    assert info is not None and info.reason == "cash_sale" and len(drawer.kicks) == 1
    with pytest.raises(NotFound):
        service.open_after_sale("no-such-sale", "1001")
    assert kicks(sessions) == [("cash_sale", "1001", True, True)]


def test_a_broken_stored_url_never_stops_the_till(sessions, clock, tmp_path):
    settings = DeviceSettingsService(sessions, clock)
    settings.save("printer", "escpos+usb://bad")
    settings.save("scale", "toledo+serial:///dev/ttyS9?mode=sometimes")
    devices = DeviceService(sessions, clock, tmp_path, settings)
    try:
        job_id = devices.print_test_page()  # the receipt is kept, not lost
        devices.queue.process_due()
        job = devices.queue.job(job_id)
        assert job.status == "waiting" and "VENDOR:PRODUCT" in job.last_error
        states = {state.kind: state for state in devices.states()}
        assert states["printer"].level == ERROR and "Fix it in the device settings" in states["printer"].message
        assert states["scale"].level == ERROR and "mode='sometimes'" in states["scale"].message
        devices.apply("printer", "sim://")
        devices.queue.process_due()
        assert devices.queue.job(job_id).status == DONE
        assert {state.kind: state for state in devices.states()}["printer"].level == OK
    finally:
        devices.close()
