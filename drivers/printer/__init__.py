"""Receipt printers, chosen by URL:

    sim://?width=48&cjk=gb18030&status=online
    escpos+file:///dev/usb/lp0?width=32&cjk=gbk
    escpos+tcp://192.168.1.50:9100?width=48&cjk=gb18030&timeout=3
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from drivers.printer.base import PrinterError, PrinterStatus, ReceiptPrinter
from drivers.printer.escpos_render import ENCODINGS, normalize_encoding, render_escpos

__all__ = [
    "PrinterError", "PrinterStatus", "PrinterUrlError", "ReceiptPrinter", "open_printer", "render_escpos",
]

WIDTHS = (32, 42, 48)
_SIM_STATUSES = ("online", "offline", "paper_out", "paper_near_end", "cover_open", "unknown")
_PARAMS = {
    "sim": ("width", "cjk", "status"),
    "escpos+file": ("width", "cjk"),
    "escpos+tcp": ("width", "cjk", "timeout"),
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
    columns = _width(url, params.get("width", "48"))
    encoding = _encoding(url, params.get("cjk", "gb18030"))
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
