"""Customer pole displays, chosen by URL:

    cd5220+serial://COM4?baudrate=9600
    epson+serial:///dev/ttyUSB2?cjk=gb18030      (a DM-D with a Chinese font)
    sim://                                       keeps the two lines in memory

Every call is one short write; a display that is unplugged raises
DisplayError and is opened again on the next call.
"""
from __future__ import annotations

from typing import Protocol

from app.domain.money import Money
from app.domain.textwidth import text_width, truncate
from drivers.display.protocols import COMMAND_SETS, ENCODINGS, clear_bytes, fit, render_lines
from drivers.serial_link import DeviceUrlError, SerialLink, SerialLinkError, baudrate_of, split_url


class DisplayError(Exception):
    """The display did not take the text; str() is a sentence for the cashier."""


class CustomerDisplay(Protocol):
    url: str

    def show(self, top: str, bottom: str = "") -> None: ...

    def clear(self) -> None: ...

    def close(self) -> None: ...


class SerialDisplay:
    def __init__(self, port: str, command_set: str = "cd5220", encoding: str = "ascii",
                 baudrate: int = 9600, url: str = "") -> None:
        self.url = url or f"{command_set}+serial://{port}"
        self.command_set = command_set
        self.encoding = encoding
        self.link = SerialLink(port, baudrate, timeout=0.3)

    def show(self, top: str, bottom: str = "") -> None:
        self._write(render_lines(self.command_set, top, bottom, self.encoding))

    def clear(self) -> None:
        self._write(clear_bytes())

    def close(self) -> None:
        self.link.close()

    def _write(self, data: bytes) -> None:
        try:
            self.link.write(data)
        except SerialLinkError as exc:
            raise DisplayError(f"The customer display at {exc}. Check its cable; selling goes on.") from exc


class SimDisplay:
    def __init__(self, url: str = "sim://") -> None:
        self.url = url
        self.lines = ("", "")
        self.history: list[tuple[str, str]] = []

    def show(self, top: str, bottom: str = "") -> None:
        self.lines = (fit(top).rstrip(), fit(bottom).rstrip())
        self.history.append(self.lines)

    def clear(self) -> None:
        self.lines = ("", "")

    def close(self) -> None:
        pass


def item_lines(name: str, price: Money, total: Money) -> tuple[str, str]:
    """What the customer reads after a scan: the item and its price, then the total."""
    price_text = price.plain()
    name = truncate(name, 20 - text_width(price_text) - 1)
    top = name + " " * (20 - text_width(name) - len(price_text)) + price_text
    total_text = total.plain()
    return top, "TOTAL" + " " * (15 - len(total_text)) + total_text


def open_display(url: str) -> CustomerDisplay:
    scheme, path, params = split_url(url, ("baudrate", "cjk"))
    if scheme == "sim":
        return SimDisplay(url)
    command_set, _, transport = scheme.partition("+")
    if command_set not in COMMAND_SETS or transport != "serial":
        raise DeviceUrlError(f"Display URL {url!r}: unknown kind; use cd5220+serial://, epson+serial:// or sim://.")
    encoding = params.get("cjk", "ascii").lower()
    if encoding not in ENCODINGS:
        raise DeviceUrlError(f"Display URL {url!r}: cjk={encoding!r}; use one of {', '.join(ENCODINGS)}.")
    return SerialDisplay(path, command_set, encoding, baudrate_of(url, params), url)
