"""Printer drivers against a simulator directory, real files and a local TCP printer."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from app.domain.receipt import ReceiptDocument
from drivers.printer import PrinterError, PrinterStatus, PrinterUrlError, ReceiptPrinter, open_printer
from drivers.printer.escpos_file import FilePrinter
from drivers.printer.escpos_tcp import TcpPrinter, interpret_status
from drivers.printer.sim import SimPrinter
from tests.support.escpos_decode import decode

SHORT = 0.3  # seconds: every network wait in these tests is bounded by this or a small multiple


def small_doc(columns: int = 48, words: str = "谢谢惠顾") -> ReceiptDocument:
    doc = ReceiptDocument(columns)
    doc.text("蒙超市", "center", bold=True, double=True)
    doc.text(words)
    return doc


# --- URLs -----------------------------------------------------------------------

def test_open_printer_by_url(tmp_path):
    sim = open_printer("sim://?width=32&cjk=gbk", tmp_path)
    assert isinstance(sim, SimPrinter) and isinstance(sim, ReceiptPrinter)
    assert (sim.columns, sim.encoding, sim.status()) == (32, "gbk", PrinterStatus.ONLINE)
    assert open_printer("sim://", tmp_path).columns == 48
    lp = open_printer("escpos+file:///dev/usb/lp0?cjk=GB18030", tmp_path)
    assert isinstance(lp, FilePrinter) and lp.path == Path("/dev/usb/lp0") and lp.encoding == "gb18030"
    tcp = open_printer("escpos+tcp://192.168.1.50?width=42&timeout=1.5", tmp_path)
    assert isinstance(tcp, TcpPrinter)
    assert (tcp.host, tcp.port, tcp.columns, tcp.timeout) == ("192.168.1.50", 9100, 42, 1.5)
    assert open_printer("escpos+tcp://10.0.0.9:9101", tmp_path).port == 9101


@pytest.mark.parametrize("url,names", [
    ("lpt://printer", "lpt://"),
    ("/dev/usb/lp0", "(none)"),
    ("sim://?width=40", "width='40'"),
    ("sim://?width=wide", "width='wide'"),
    ("sim://?cjk=shift_jis", "cjk='shift_jis'"),
    ("sim://?status=jammed", "status='jammed'"),
    ("sim://?widht=48", "'widht'"),
    ("sim://?width=32&width=48", "'width' is given twice"),
    ("escpos+file://?width=32", "path is missing"),
    ("escpos+file:///dev/usb/lp0?timeout=3", "'timeout'"),
    ("escpos+tcp://:9100", "address is missing"),
    ("escpos+tcp://printer:99999", "port"),
    ("escpos+tcp://printer?timeout=0", "timeout='0'"),
    ("escpos+tcp://printer?timeout=abc", "timeout='abc'"),
])
def test_bad_urls_name_the_bad_part(tmp_path, url, names):
    with pytest.raises(PrinterUrlError) as caught:
        open_printer(url, tmp_path)
    assert names in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_status_messages_are_sentences():
    for status in PrinterStatus:
        assert status.message.endswith(".") and status.message[0].isupper()


# --- simulator ----------------------------------------------------------------------

def test_sim_keeps_bytes_and_text_of_every_job(tmp_path):
    printer = open_printer("sim://?width=32", tmp_path)
    printer.print_document(small_doc(32, "第一张"))
    printer.print_document(small_doc(32, "第二张"))
    folder = tmp_path / "printer-sim"
    bins = sorted(folder.glob("2*.bin"))
    texts = sorted(folder.glob("2*.txt"))
    assert len(bins) == 2 and len(texts) == 2
    assert decode(bins[0].read_bytes()).lines == ["蒙超市", "第一张"]
    assert "第二张" in texts[1].read_text(encoding="utf-8")
    assert (folder / "last.bin").read_bytes() == bins[1].read_bytes()
    assert (folder / "last.txt").read_text(encoding="utf-8") == texts[1].read_text(encoding="utf-8")
    assert "蒙超市" in (folder / "last.txt").read_text(encoding="utf-8")


def test_sim_drawer_log(tmp_path):
    printer = open_printer("sim://", tmp_path)
    printer.kick_drawer()
    printer.kick_drawer(5)
    log = (tmp_path / "printer-sim" / "drawer.log").read_text(encoding="utf-8").splitlines()
    assert len(log) == 2 and log[0].endswith("pin=2") and log[1].endswith("pin=5")


@pytest.mark.parametrize("status,words", [("offline", "offline"), ("paper_out", "out of paper")])
def test_sim_faults_refuse_the_job(tmp_path, status, words):
    printer = open_printer(f"sim://?status={status}", tmp_path)
    assert printer.status() is PrinterStatus(status)
    with pytest.raises(PrinterError) as caught:
        printer.print_document(small_doc())
    assert words in str(caught.value)
    assert caught.value.status is PrinterStatus(status)
    assert not list((tmp_path / "printer-sim").glob("*.bin"))


def test_sim_fault_can_clear(tmp_path):
    printer = open_printer("sim://?status=offline", tmp_path)
    with pytest.raises(PrinterError):
        printer.kick_drawer()
    printer.simulate(PrinterStatus.ONLINE)
    printer.print_document(small_doc())
    assert (tmp_path / "printer-sim" / "last.bin").exists()


# --- file -----------------------------------------------------------------------------

def test_file_printer_appends_each_job(tmp_path):
    target = tmp_path / "lp0"
    printer = open_printer(f"escpos+file://{target}?width=32&cjk=gbk", tmp_path)
    assert printer.status() is PrinterStatus.UNKNOWN
    printer.print_document(small_doc(32, "第一张"))
    first = target.read_bytes()
    printer.print_document(small_doc(32, "第二张"))
    printer.kick_drawer()
    data = target.read_bytes()
    assert data.startswith(first) and len(data) > 2 * len(first) - 10
    decoded = decode(data, "gbk")
    assert decoded.lines == ["蒙超市", "第一张", "蒙超市", "第二张"]
    assert decoded.find("drawer") == [("drawer", 2)]


def test_file_printer_in_a_missing_folder_says_so(tmp_path):
    target = tmp_path / "no-such-folder" / "lp0"
    printer = FilePrinter(target)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError) as caught:
        printer.print_document(small_doc())
    message = str(caught.value)
    assert message.startswith(f"The receipt printer at {target} cannot be opened")
    assert "does not exist" in message and message.endswith("then reprint.")
    assert not target.parent.exists()


def test_file_printer_never_creates_a_device_node():
    printer = FilePrinter("/dev/mon-pos-no-such-printer")
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError, match="not connected"):
        printer.print_document(small_doc())
    assert not Path("/dev/mon-pos-no-such-printer").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anything")
def test_file_printer_without_permission_says_so(tmp_path):
    target = tmp_path / "lp0"
    target.write_bytes(b"")
    target.chmod(0o400)
    with pytest.raises(PrinterError, match="permission denied"):
        FilePrinter(target).print_document(small_doc())


# --- TCP --------------------------------------------------------------------------------

ONLINE = {1: 0x16, 2: 0x12, 4: 0x12}


class FakeNetworkPrinter:
    """A port-9100 printer on loopback: records each connection's bytes and
    answers DLE EOT n with replies[n]."""

    def __init__(self, replies: dict[int, int]) -> None:
        self.replies = dict(replies)
        self.jobs: list[bytes] = []
        self._stop = threading.Event()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(4)
        self._server.settimeout(0.05)
        self.port = self._server.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (socket.timeout, OSError):
                continue
            with conn:
                self.jobs.append(self._handle(conn))

    def _handle(self, conn: socket.socket) -> bytes:
        conn.settimeout(SHORT)
        data = bytearray()
        answered = 0
        deadline = time.monotonic() + 5 * SHORT
        while time.monotonic() < deadline and not self._stop.is_set():
            try:
                chunk = conn.recv(4096)
            except (socket.timeout, OSError):
                break
            if not chunk:
                break
            data += chunk
            while (at := data.find(b"\x10\x04", answered)) >= 0 and at + 2 < len(data):
                conn.sendall(bytes([self.replies.get(data[at + 2], 0x12)]))
                answered = at + 3
        return bytes(data)

    def wait_for_jobs(self, count: int) -> list[bytes]:
        deadline = time.monotonic() + 10 * SHORT
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.jobs

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self._server.close()


@pytest.fixture
def network_printer():
    servers: list[FakeNetworkPrinter] = []

    def start(replies: dict[int, int] = ONLINE) -> FakeNetworkPrinter:
        servers.append(FakeNetworkPrinter(replies))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_tcp_printer_sends_the_receipt(tmp_path, network_printer):
    server = network_printer()
    printer = open_printer(f"escpos+tcp://127.0.0.1:{server.port}?width=32&timeout={SHORT}", tmp_path)
    printer.print_document(small_doc(32, "找零 12.50"))
    printer.kick_drawer(5)
    jobs = server.wait_for_jobs(2)
    assert len(jobs) == 2
    assert decode(jobs[0]).lines == ["蒙超市", "找零 12.50"]
    assert decode(jobs[1]).find("drawer") == [("drawer", 5)]


@pytest.mark.parametrize("replies,expected", [
    (ONLINE, PrinterStatus.ONLINE),
    ({1: 0x1E, 2: 0x12, 4: 0x12}, PrinterStatus.OFFLINE),
    ({1: 0x1E, 2: 0x16, 4: 0x12}, PrinterStatus.COVER_OPEN),
    ({1: 0x1E, 2: 0x32, 4: 0x72}, PrinterStatus.PAPER_OUT),
    ({1: 0x16, 2: 0x12, 4: 0x1E}, PrinterStatus.PAPER_NEAR_END),
    ({1: 0xFF, 2: 0x12, 4: 0x12}, PrinterStatus.UNKNOWN),
])
def test_tcp_status_from_dle_eot_replies(network_printer, replies, expected):
    server = network_printer(replies)
    printer = TcpPrinter("127.0.0.1", server.port, timeout=SHORT)
    assert printer.status() is expected
    queries = server.wait_for_jobs(1)[0]
    assert decode(queries).find("status_request") == [("status_request", 1), ("status_request", 2),
                                                      ("status_request", 4)]


def test_interpret_status_table():
    assert interpret_status(0x16, 0x12, 0x12) is PrinterStatus.ONLINE
    assert interpret_status(0x16, 0x12, 0x12 | 0x60) is PrinterStatus.PAPER_OUT
    assert interpret_status(0x00, 0x12, 0x12) is PrinterStatus.UNKNOWN


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_tcp_connection_refused_is_offline():
    printer = TcpPrinter("127.0.0.1", free_port(), timeout=SHORT)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterError) as caught:
        printer.print_document(small_doc())
    assert str(caught.value).startswith("The receipt printer at 127.0.0.1:")
    assert "refused the connection" in str(caught.value)
    assert caught.value.status is PrinterStatus.OFFLINE


def test_tcp_silent_printer_is_unknown_within_the_timeout():
    # Listens (the kernel completes the handshake) but never reads or answers.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        printer = TcpPrinter("127.0.0.1", silent.getsockname()[1], timeout=0.2)
        assert printer.status() is PrinterStatus.UNKNOWN
