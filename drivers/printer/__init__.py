"""Receipt printers, chosen by URL:

    sim://?width=48&cjk=gb18030&status=online
    escpos+file:///dev/usb/lp0?width=32&cjk=gbk
    escpos+tcp://192.168.1.50:9100?width=48&cjk=gb18030&timeout=3
    escpos+serial:///dev/ttyUSB0?baudrate=9600     escpos+serial://COM3
    escpos+usb://04b8:0202                         (needs pyusb)
    escpos+win32://EPSON TM-T88V                   (Windows spooler)
    escpos+cups://TM-T20                           (needs pycups)

Every kind also takes header=, footer= (lines split by |), logo=PATH,
copies=1..5 and cut=full|partial|none (drivers.printer.profile).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from drivers.printer.base import PrinterError, PrinterStatus, ReceiptPrinter
from drivers.printer.escpos_render import ENCODINGS, normalize_encoding, render_escpos
from drivers.printer.profile import CUT_MODES, MAX_COPIES, PROFILE_PARAMS, PrintProfile, ProfiledPrinter

__all__ = [
    "PrinterError", "PrinterStatus", "PrinterUrlError", "ReceiptPrinter", "open_printer", "render_escpos",
]

WIDTHS = (32, 42, 48)
_SIM_STATUSES = ("online", "offline", "paper_out", "paper_near_end", "cover_open", "unknown")
_PARAMS = {
    "sim": ("width", "cjk", "status") + PROFILE_PARAMS,
    "escpos+file": ("width", "cjk") + PROFILE_PARAMS,
    "escpos+tcp": ("width", "cjk", "timeout") + PROFILE_PARAMS,
    "escpos+serial": ("width", "cjk", "baudrate", "timeout") + PROFILE_PARAMS,
    "escpos+usb": ("width", "cjk") + PROFILE_PARAMS,
    "escpos+win32": ("width", "cjk") + PROFILE_PARAMS,
    "escpos+cups": ("width", "cjk") + PROFILE_PARAMS,
}


class PrinterUrlError(ValueError):
    """A printer URL in the settings that cannot be used; the message names the bad part."""


def open_printer(url: str, data_dir: Path) -> ReceiptPrinter:
    """The printer a settings URL describes; `data_dir` is where the simulator keeps its jobs."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _PARAMS:
        known = ", ".join(f"{name}://" for name in _PARAMS)
        raise PrinterUrlError(f"Printer URL {url!r}: unknown kind {scheme + '://' if scheme else '(none)'}; "
                              f"use one of {known}.")
    params = _params(url, parts.query, _PARAMS[scheme])
    printer = _open_kind(url, scheme, parts, params, Path(data_dir))
    profile = _profile(url, params)
    return printer if profile.is_plain else ProfiledPrinter(printer, profile)


def _open_kind(url: str, scheme: str, parts, params: dict[str, str], data_dir: Path) -> ReceiptPrinter:
    columns = _width(url, params.get("width", "48"))
    encoding = _encoding(url, params.get("cjk", "gb18030"))
    if scheme in _OTHER_KINDS:
        return _OTHER_KINDS[scheme](url, parts, params, columns, encoding)
    if scheme == "sim":
        from drivers.printer.sim import SimPrinter

        status = _sim_status(url, params.get("status", "online"))
        return SimPrinter(Path(data_dir), columns, encoding, status, url=url)
    if scheme == "escpos+file":
        from drivers.printer.escpos_file import FilePrinter

        path = unquote(parts.netloc + parts.path)
        if not path:
            raise PrinterUrlError(f"Printer URL {url!r}: the path is missing, e.g. escpos+file:///dev/usb/lp0.")
        return FilePrinter(path, columns, encoding, url=url)
    from drivers.printer.escpos_tcp import DEFAULT_PORT, DEFAULT_TIMEOUT, TcpPrinter

    host, port = _host_port(url, parts, DEFAULT_PORT)
    timeout = _timeout(url, params.get("timeout", str(DEFAULT_TIMEOUT)))
    return TcpPrinter(host, port, columns, encoding, timeout, url=url)


def _params(url: str, query: str, allowed: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in allowed:
            raise PrinterUrlError(f"Printer URL {url!r}: unknown setting {name!r}; "
                                  f"this kind of printer takes {', '.join(allowed)}.")
        if name in params:
            raise PrinterUrlError(f"Printer URL {url!r}: the setting {name!r} is given twice.")
        params[name] = value.strip()
    return params


def _width(url: str, value: str) -> int:
    if value.isdigit() and int(value) in WIDTHS:
        return int(value)
    raise PrinterUrlError(f"Printer URL {url!r}: width={value!r} is not a paper width in columns; "
                          f"use 32 (58 mm), 42 or 48 (80 mm).")


def _encoding(url: str, value: str) -> str:
    try:
        return normalize_encoding(value)
    except ValueError:
        raise PrinterUrlError(f"Printer URL {url!r}: cjk={value!r} is not an encoding the printer can use; "
                              f"use one of {', '.join(ENCODINGS)}.") from None


def _sim_status(url: str, value: str) -> PrinterStatus:
    if value.lower() not in _SIM_STATUSES:
        raise PrinterUrlError(f"Printer URL {url!r}: status={value!r} is not a simulated condition; "
                              f"use one of {', '.join(_SIM_STATUSES)}.")
    return PrinterStatus(value.lower())


def _host_port(url: str, parts, default_port: int) -> tuple[str, int]:
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise PrinterUrlError(f"Printer URL {url!r}: the port is not a number from 1 to 65535.") from None
    if not host:
        raise PrinterUrlError(f"Printer URL {url!r}: the printer's address is missing, "
                              f"e.g. escpos+tcp://192.168.1.50:9100.")
    if port == 0:
        raise PrinterUrlError(f"Printer URL {url!r}: the port is not a number from 1 to 65535.")
    return host, port or default_port


def _timeout(url: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.05 <= seconds <= 60:
        raise PrinterUrlError(f"Printer URL {url!r}: timeout={value!r} is not a number of seconds "
                              f"from 0.05 to 60.")
    return seconds


def _profile(url: str, params: dict[str, str]) -> PrintProfile:
    copies_raw = params.get("copies", "1")
    if not (copies_raw.isdigit() and 1 <= int(copies_raw) <= MAX_COPIES):
        raise PrinterUrlError(f"Printer URL {url!r}: copies={copies_raw!r} is not a number from 1 to {MAX_COPIES}.")
    cut = params.get("cut", "full").lower()
    if cut not in CUT_MODES:
        raise PrinterUrlError(f"Printer URL {url!r}: cut={cut!r} is not a cut mode; use one of {', '.join(CUT_MODES)}.")
    logo = params.get("logo", "")
    return PrintProfile(header=_lines(params.get("header", "")), footer=_lines(params.get("footer", "")),
                        logo=Path(logo).expanduser() if logo else None, copies=int(copies_raw), cut=cut)


def _lines(raw: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in raw.split("|") if line.strip())


def _open_serial(url: str, parts, params: dict[str, str], columns: int, encoding: str) -> ReceiptPrinter:
    from drivers.printer.escpos_serial import SerialPrinter
    from drivers.serial_link import DeviceUrlError, baudrate_of

    port = unquote(parts.netloc + parts.path)
    if not port:
        raise PrinterUrlError(f"Printer URL {url!r}: the serial port is missing, "
                              f"e.g. escpos+serial:///dev/ttyUSB0 or escpos+serial://COM3.")
    try:
        baudrate = baudrate_of(url, params)
    except DeviceUrlError as exc:
        raise PrinterUrlError(str(exc).replace("Device URL", "Printer URL")) from None
    timeout = _timeout(url, params.get("timeout", "0.5"))
    return SerialPrinter(port, baudrate, columns, encoding, url=url, timeout=timeout)


def _open_usb(url: str, parts, params: dict[str, str], columns: int, encoding: str) -> ReceiptPrinter:
    from drivers.printer.escpos_backends import usb_printer

    ids = unquote(parts.netloc + parts.path).strip("/")
    vendor, _, product = ids.partition(":")
    try:
        vendor_id, product_id = int(vendor, 16), int(product, 16)
    except ValueError:
        raise PrinterUrlError(f"Printer URL {url!r}: the USB ids are not VENDOR:PRODUCT in hex, "
                              f"e.g. escpos+usb://04b8:0202.") from None
    if not (0 < vendor_id <= 0xFFFF and 0 < product_id <= 0xFFFF):
        raise PrinterUrlError(f"Printer URL {url!r}: USB ids are four hex digits each, e.g. 04b8:0202.")
    return usb_printer(vendor_id, product_id, columns, encoding, url)


def _spooler(kind: str):
    def open_spooled(url: str, parts, params: dict[str, str], columns: int, encoding: str) -> ReceiptPrinter:
        from drivers.printer import escpos_backends

        name = unquote(parts.netloc + parts.path).strip("/")
        if not name:
            raise PrinterUrlError(f"Printer URL {url!r}: the printer's name is missing, "
                                  f"e.g. escpos+{kind}://TM-T20.")
        make = escpos_backends.win32_printer if kind == "win32" else escpos_backends.cups_printer
        return make(name, columns, encoding, url)
    return open_spooled


_OTHER_KINDS = {"escpos+serial": _open_serial, "escpos+usb": _open_usb,
                "escpos+win32": _spooler("win32"), "escpos+cups": _spooler("cups")}
