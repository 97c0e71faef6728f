"""Serial devices on pseudo-terminals: scanners, scales, pole displays, a serial
printer and drawer, including garbage, split frames, unplug and replug."""
from __future__ import annotations

import sys
import threading
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

from app.domain.money import Money  # noqa: E402
from app.domain.receipt import ReceiptDocument  # noqa: E402
from drivers.display import item_lines, open_display  # noqa: E402
from drivers.display.protocols import parse_display  # noqa: E402
from drivers.drawer import DrawerError, open_drawer  # noqa: E402
from drivers.printer import PrinterError, PrinterStatus, open_printer  # noqa: E402
from drivers.pty_device import PtyDevice  # noqa: E402
from drivers.scale import ScaleError, open_scale  # noqa: E402
from drivers.scale.sim import PtyScaleSimulator  # noqa: E402
from drivers.scanner.serial_scanner import CONNECTED, DISCONNECTED, ScannerSet  # noqa: E402
from tests.support.escpos_decode import decode  # noqa: E402


def wait_until(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


# --- scanners --------------------------------------------------------------------------

class Collector:
    def __init__(self):
        self.codes: list[str] = []
        self.states: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def scan(self, code):
        with self.lock:
            self.codes.append(code)

    def state(self, url, state, message):
        self.states.append((url, state))


def test_two_serial_scanners_deliver_to_one_place_despite_garbage_and_splits(tmp_path):
    got = Collector()
    with PtyDevice() as first, PtyDevice() as second:
        scanners = ScannerSet([f"serial-scanner://{first.port}?min_length=4",
                               f"serial-scanner://{second.port}?baudrate=115200"], got.scan, got.state)
        scanners.start()
        try:
            assert wait_until(lambda: sum(s == CONNECTED for _, s in got.states) == 2)
            first.write(b"69012345")
            time.sleep(0.05)
            first.write(b"67892\r\n")
            second.write(b"\xff\xfe\x00garbage\r")  # line noise: dropped
            second.write(b"\x02PAY-28761234\x03\r")
            assert wait_until(lambda: len(got.codes) == 2)
            first.write(b"ab\r")  # too short for this scanner
            second.write(b"LAST\n")
            assert wait_until(lambda: "LAST" in got.codes)
        finally:
            scanners.stop()
    assert sorted(got.codes) == ["6901234567892", "LAST", "PAY-28761234"]


def test_serial_scanner_recovers_after_unplug_and_replug(tmp_path):
    got = Collector()
    device = PtyDevice(link_path=tmp_path / "ttyScanner")
    scanners = ScannerSet([f"serial-scanner://{device.port}"], got.scan, got.state)
    for scanner in scanners.scanners:
        scanner.retry_s = 0.05
    scanners.start()
    try:
        assert wait_until(lambda: got.states and got.states[-1][1] == CONNECTED)
        device.write(b"BEFORE01\r")
        assert wait_until(lambda: got.codes == ["BEFORE01"])
        device.write(b"HALF")  # half a code, then the cable is pulled
        time.sleep(0.05)
        device.unplug()
        assert wait_until(lambda: got.states[-1][1] == DISCONNECTED)
        assert "reconnects by itself" in scanners.scanners[0].message
        device.replug()
        assert wait_until(lambda: got.states[-1][1] == CONNECTED)
        device.write(b"AFTER002\r")
        assert wait_until(lambda: "AFTER002" in got.codes)
    finally:
        scanners.stop()
        device.close()
    assert got.codes == ["BEFORE01", "AFTER002"]  # the half code is not a scan


# --- scales -------------------------------------------------------------------------------

@pytest.mark.parametrize("protocol,continuous", [("toledo", False), ("cas", False), ("cas", True)])
def test_scale_gives_only_stable_weights(protocol, continuous):
    sim = PtyScaleSimulator(protocol, continuous)
    scale = open_scale(sim.url)
    try:
        sim.grams = 1234
        assert scale.read_weight() == 1234
        sim.stable = False
        with pytest.raises(ScaleError, match="not steady"):
            scale.read_weight()
        sim.stable, sim.overload = True, True
        with pytest.raises(ScaleError, match="too heavy"):
            scale.read_weight()
        sim.overload = False
        sim.garbage, sim.split = b"\xff\x00\x13noise", True
        assert scale.read_weight() == 1234
    finally:
        scale.close()
        sim.close()


@pytest.mark.parametrize("protocol", ["toledo", "cas"])
def test_scale_that_does_not_answer_is_an_error_never_zero(protocol):
    sim = PtyScaleSimulator(protocol)
    sim.silent = True
    scale = open_scale(sim.url)
    try:
        with pytest.raises(ScaleError, match="did not answer"):
            scale.read_weight()
    finally:
        scale.close()
        sim.close()


def test_tare_and_zero():
    sim = PtyScaleSimulator("toledo")
    scale = open_scale(sim.url)
    try:
        sim.grams = 150  # the empty bowl
        assert scale.tare() == 150
        sim.grams = 650
        assert scale.read_weight() == 500
        scale.zero()
        assert wait_until(lambda: sim.zeroed == 1)
        assert scale.read_weight() == 650  # zero clears the tare
    finally:
        scale.close()
        sim.close()


def test_scale_unplugged_and_plugged_back(tmp_path):
    sim = PtyScaleSimulator("toledo", link_path=tmp_path / "ttyScale")
    scale = open_scale(sim.url)
    try:
        sim.grams = 800
        assert scale.read_weight() == 800
        sim.device.unplug()
        with pytest.raises(ScaleError) as caught:
            scale.read_weight()
        assert "Check its cable" in str(caught.value)
        sim.device.replug()
        assert scale.read_weight() == 800
    finally:
        scale.close()
        sim.close()


# --- pole display --------------------------------------------------------------------------

@pytest.mark.parametrize("command_set", ["cd5220", "epson"])
def test_pole_display_shows_the_item_and_total_in_chinese(command_set):
    with PtyDevice() as device:
        display = open_display(f"{command_set}+serial://{device.port}?cjk=gb18030")
        try:
            display.show(*item_lines("农夫山泉 550ml", Money(200), Money(1450)))
            data = device.read(timeout=1, size=40)
        finally:
            display.close()
    assert parse_display(data, command_set, "gb18030") == ("农夫山泉 550ml  2.00", "TOTAL          14.50")  # 20 columns each


def test_display_unplugged_raises_a_sentence_then_works_again(tmp_path):
    from drivers.display import DisplayError

    device = PtyDevice(link_path=tmp_path / "ttyPole")
    display = open_display(f"cd5220+serial://{device.port}")
    try:
        display.show("HELLO")
        assert parse_display(device.read(timeout=1, size=20), "cd5220")[0] == "HELLO"
        device.unplug()
        with pytest.raises(DisplayError, match="customer display"):
            display.show("LOST")
            display.show("LOST")  # a write into a vanished pty may need a second try to fail
        device.replug()
        display.show("BACK")
        assert parse_display(device.read(timeout=1, size=20), "cd5220")[0] == "BACK"
    finally:
        display.close()
        device.close()


# --- serial printer and drawers -------------------------------------------------------------

def test_serial_printer_prints_and_reads_status(tmp_path):
    with PtyDevice() as device:
        printer = open_printer(f"escpos+serial://{device.port}?baudrate=115200&width=32&timeout=0.3", tmp_path)
        doc = ReceiptDocument(32)
        doc.text("串口打印机")
        printer.print_document(doc)
        assert decode(device.read(timeout=1, until=b"\n")).lines == ["串口打印机"]
        assert printer.status() is PrinterStatus.UNKNOWN  # nothing answered: unknown, not offline
        assert device.read(timeout=0.3) == b"\x10\x04\x01"  # it asked, once, then gave up

        def answer():
            for reply in (b"\x16", b"\x12", b"\x72"):
                device.read(timeout=1, size=3)
                device.write(reply)
        helper = threading.Thread(target=answer)
        helper.start()
        assert printer.status() is PrinterStatus.PAPER_OUT
        helper.join(2)
        printer.close()


def test_serial_printer_missing_port_is_offline_with_a_sentence(tmp_path):
    printer = open_printer(f"escpos+serial://{tmp_path / 'ttyNone'}", tmp_path)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match="cannot be opened"):
        printer.kick_drawer()


def test_drawer_through_the_printer_with_pulse_timing(tmp_path):
    target = tmp_path / "lp0"
    printer = open_printer(f"escpos+file://{target}", tmp_path)
    open_drawer("printer://?pin=5&on_ms=60&off_ms=240", lambda: printer).kick()
    assert target.read_bytes() == b"\x1bp\x01\x1e\x78"
    open_drawer("printer://", lambda: printer).kick()
    assert decode(target.read_bytes()).find("drawer") == [("drawer", 5), ("drawer", 2)]


def test_serial_drawer_and_its_unplugged_error(tmp_path):
    with PtyDevice() as device:
        open_drawer(f"serial-drawer://{device.port}?command=1b7000197d", lambda: None).kick()
        assert device.read(timeout=1, size=5) == b"\x1bp\x00\x19\x7d"
    with pytest.raises(DrawerError, match="open it with its key"):
        open_drawer(f"serial-drawer://{tmp_path / 'gone'}", lambda: None).kick()
