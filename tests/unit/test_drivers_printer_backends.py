"""Printer URLs for USB, serial, Windows spooler and CUPS, per-printer settings, and the
clear failure of a transport whose library or OS support is missing."""
from __future__ import annotations

import pytest

from app.domain.receipt import Cut, Feed, ReceiptDocument
from drivers.printer import PrinterError, PrinterStatus, PrinterUrlError, open_printer
from drivers.printer.escpos_backends import EscposBackendPrinter
from drivers.printer.escpos_file import FilePrinter
from drivers.printer.escpos_serial import SerialPrinter
from drivers.printer.profile import PrintProfile, ProfiledPrinter, decorate
from tests.support.escpos_decode import decode


def receipt(columns: int = 32) -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    doc.text("小票正文")
    doc.add(Feed(2))
    doc.add(Cut())
    return doc


def test_each_kind_opens_from_its_url(tmp_path):
    serial = open_printer("escpos+serial:///dev/ttyUSB0?baudrate=19200&width=32&cjk=gbk", tmp_path)
    assert isinstance(serial, SerialPrinter)
    assert (serial.link.port, serial.link.baudrate, serial.columns, serial.encoding) == (
        "/dev/ttyUSB0", 19200, 32, "gbk")
    assert open_printer("escpos+serial://COM3", tmp_path).link.port == "COM3"
    usb = open_printer("escpos+usb://04b8:0202?width=42", tmp_path)
    assert isinstance(usb, EscposBackendPrinter) and usb.where == "USB 04b8:0202" and usb.columns == 42
    win = open_printer("escpos+win32://EPSON%20TM-T88V", tmp_path)
    assert win.where == "Windows printer 'EPSON TM-T88V'"
    assert open_printer("escpos+cups://TM-T20", tmp_path).where == "CUPS printer 'TM-T20'"


@pytest.mark.parametrize("url,names", [
    ("escpos+usb://04b8", "VENDOR:PRODUCT"),
    ("escpos+usb://zz:0202", "VENDOR:PRODUCT"),
    ("escpos+serial://?baudrate=9600", "serial port is missing"),
    ("escpos+serial:///dev/ttyS0?baudrate=1234", "baudrate='1234'"),
    ("escpos+win32://", "name is missing"),
    ("escpos+cups://TM?copies=9", "copies='9'"),
    ("sim://?cut=sideways", "cut='sideways'"),
])
def test_bad_urls_say_what_is_wrong(tmp_path, url, names):
    with pytest.raises(PrinterUrlError) as caught:
        open_printer(url, tmp_path)
    assert names in str(caught.value)


@pytest.mark.parametrize("url,words", [
    ("escpos+usb://04b8:0202", "pyusb"),
    ("escpos+win32://TM-T88V", "only on Windows"),
    ("escpos+cups://TM-T20", "pycups"),
])
def test_missing_backend_fails_the_job_with_a_sentence_never_a_crash(tmp_path, url, words):
    printer = open_printer(url, tmp_path)
    if printer.usable:
        pytest.skip("this machine has the library; the missing-library path cannot be shown here")
    assert printer.status() is PrinterStatus.OFFLINE
    for action in (lambda: printer.print_document(receipt()), lambda: printer.kick_drawer(2)):
        with pytest.raises(PrinterError) as caught:
            action()
        assert words in str(caught.value) and str(caught.value).endswith(".")
        assert caught.value.status is PrinterStatus.OFFLINE


class FakeEscposDevice:
    """Stands in for a python-escpos transport object: records raw writes, answers reads."""

    def __init__(self, replies: list[bytes]):
        self.sent: list[bytes] = []
        self.replies = list(replies)
        self.opened = self.closed = 0

    def open(self):
        self.opened += 1

    def close(self):
        self.closed += 1

    def _raw(self, data):
        self.sent.append(bytes(data))

    def _read(self):
        return self.replies.pop(0) if self.replies else b""


def usable_backend(device: FakeEscposDevice, two_way=True) -> EscposBackendPrinter:
    return EscposBackendPrinter("usb", "USB 04b8:0202", lambda: device, 32, "gb18030", "escpos+usb://04b8:0202",
                                two_way=two_way)


@pytest.fixture
def restore_usable(monkeypatch):
    monkeypatch.setattr(EscposBackendPrinter, "usable", property(lambda self: True))  # as if pyusb were installed


def test_backend_prints_through_the_device_and_closes_it(restore_usable):
    device = FakeEscposDevice([])
    printer = usable_backend(device)
    printer.print_document(receipt())
    assert decode(b"".join(device.sent)).lines == ["小票正文", "", ""]
    assert device.opened == device.closed == 1


def test_backend_status_reads_replies_and_empty_is_unknown(restore_usable):
    online = usable_backend(FakeEscposDevice([b"\x16", b"\x12", b"\x12"]))
    assert online.status() is PrinterStatus.ONLINE
    paper_out = usable_backend(FakeEscposDevice([b"\x1e", b"\x32", b"\x72"]))
    assert paper_out.status() is PrinterStatus.PAPER_OUT
    assert usable_backend(FakeEscposDevice([])).status() is PrinterStatus.UNKNOWN
    assert usable_backend(FakeEscposDevice([b"\x16"] * 3), two_way=False).status() is PrinterStatus.UNKNOWN


def test_backend_that_cannot_open_reports_offline(restore_usable):
    def unplugged():
        raise OSError("Device not found or cable not plugged in")
    printer = EscposBackendPrinter("usb", "USB 04b8:0202", unplugged, url="escpos+usb://04b8:0202")
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match="cannot be opened: device not found"):
        printer.print_document(receipt())


# --- per-printer settings -----------------------------------------------------------

def test_header_footer_and_cut_mode_shape_the_receipt(tmp_path):
    target = tmp_path / "lp0"
    url = f"escpos+file://{target}?width=32&header=蒙超市|人民路店&footer=扫码关注&cut=partial"
    printer = open_printer(url, tmp_path)
    assert isinstance(printer, ProfiledPrinter) and printer.columns == 32
    printer.print_document(receipt())
    decoded = decode(target.read_bytes())
    assert decoded.lines[:4] == ["蒙超市", "人民路店", "小票正文", "扫码关注"]
    assert decoded.style_of("蒙超市").align == "center"
    assert decoded.find("cut") == [("cut", "partial")]


def test_copies_print_as_one_job_and_no_cut_leaves_paper_to_tear(tmp_path):
    target = tmp_path / "lp0"
    open_printer(f"escpos+file://{target}?copies=2&cut=none", tmp_path).print_document(receipt())
    decoded = decode(target.read_bytes())
    assert decoded.lines.count("小票正文") == 2
    assert decoded.find("cut") == []


def test_logo_is_printed_as_an_image_above_the_receipt(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("1", (800, 100), 0).save(logo)
    target = tmp_path / "lp0"
    open_printer(f"escpos+file://{target}?width=32&logo={logo}", tmp_path).print_document(receipt())
    decoded = decode(target.read_bytes())
    images = decoded.find("raster_image") + decoded.find("bit_image")
    assert images and images[0][1] <= 384  # scaled to a 58 mm head
    assert decoded.lines[-3] == "小票正文"


def test_a_missing_logo_never_costs_the_receipt(tmp_path):
    target = tmp_path / "lp0"
    open_printer(f"escpos+file://{target}?logo={tmp_path / 'gone.png'}", tmp_path).print_document(receipt())
    assert "小票正文" in decode(target.read_bytes()).lines


def test_sim_with_a_profile_keeps_the_readable_copy(tmp_path):
    printer = open_printer("sim://?width=32&header=欢迎光临&copies=2", tmp_path)
    printer.print_document(receipt())
    text = (tmp_path / "printer-sim" / "last.txt").read_text(encoding="utf-8")
    assert text.count("欢迎光临") == 2 and text.count("小票正文") == 2


def test_decorate_adds_a_cut_when_the_document_has_none():
    doc = ReceiptDocument(32)
    doc.text("x")
    assert isinstance(decorate(doc, PrintProfile()).blocks[-1], Cut)
    assert PrintProfile().is_plain and not PrintProfile(copies=2).is_plain


def test_plain_urls_still_give_the_plain_printer(tmp_path):
    assert isinstance(open_printer(f"escpos+file://{tmp_path / 'lp'}", tmp_path), FilePrinter)
