"""Per-printer settings that shape every receipt: header and footer text, a
logo image, copies and the cut mode.

They come from the printer URL (`...?header=蒙超市&footer=谢谢|再见&logo=/path/logo.png
&copies=2&cut=partial`; `|` separates lines) and wrap any printer: the
document is decorated, then rendered once, so all copies travel as one job.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from app.domain.receipt import Cut, Feed, ReceiptDocument, TextLine, render_text
from drivers.printer.base import PrinterStatus, ReceiptPrinter
from drivers.printer.escpos_render import render_escpos

log = logging.getLogger(__name__)

CUT_MODES = ("full", "partial", "none")
MAX_COPIES = 5
PROFILE_PARAMS = ("header", "footer", "logo", "copies", "cut")
_DOTS = {32: 384, 42: 512, 48: 576}


@dataclass(frozen=True)
class PrintProfile:
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    logo: Path | None = None
    copies: int = 1
    cut: str = "full"

    @property
    def is_plain(self) -> bool:
        return self == PrintProfile()


def decorate(doc: ReceiptDocument, profile: PrintProfile) -> ReceiptDocument:
    """The document with the header on top, the footer before the final feed
    and cut, and the cut done as the profile says."""
    blocks = list(doc.blocks)
    tail_start = len(blocks)
    while tail_start > 0 and isinstance(blocks[tail_start - 1], (Feed, Cut)):
        tail_start -= 1
    body, tail = blocks[:tail_start], blocks[tail_start:]
    header = [TextLine(text, "center", bold=True) for text in profile.header]
    footer = [TextLine(text, "center") for text in profile.footer]
    tail = [block for block in tail if not isinstance(block, Cut)]
    if profile.cut == "none":
        tail.append(Feed(3))  # enough paper past the tear bar
    else:
        tail.append(Cut(partial=profile.cut == "partial"))
    return dataclasses.replace(doc, blocks=header + body + footer + tail)


def render_job(doc: ReceiptDocument, encoding: str, profile: PrintProfile) -> bytes:
    """All copies of the decorated receipt, each with the logo on top."""
    one = logo_bytes(profile.logo, doc.columns) + render_escpos(decorate(doc, profile), encoding)
    return one * max(1, profile.copies)


def logo_bytes(path: Path | None, columns: int) -> bytes:
    if path is None:
        return b""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        log.warning("receipt logo %s is missing; printing without it", path)
        return b""
    return _logo(str(path), stamp, _DOTS.get(columns, 576))


@functools.lru_cache(maxsize=8)
def _logo(path: str, _stamp: int, max_dots: int) -> bytes:
    from escpos.printer import Dummy
    from PIL import Image

    try:
        with Image.open(path) as image:
            image.load()
            if image.width > max_dots:
                height = max(1, image.height * max_dots // image.width)
                image = image.resize((max_dots, height))
            d = Dummy()
            d.set(align="center")
            d.image(image, center=False)
            d.set(align="left")
            return d.output
    except Exception as exc:  # a bad image must never cost the customer the receipt
        log.warning("receipt logo %s cannot be printed (%s); printing without it", path, exc)
        return b""


class ProfiledPrinter:
    """Any printer, with a PrintProfile applied to every receipt."""

    def __init__(self, inner: ReceiptPrinter, profile: PrintProfile) -> None:
        self.inner = inner
        self.profile = profile

    url = property(lambda self: self.inner.url)
    columns = property(lambda self: self.inner.columns)
    encoding = property(lambda self: self.inner.encoding)

    def print_document(self, doc: ReceiptDocument) -> None:
        print_rendered = getattr(self.inner, "print_rendered", None)
        if print_rendered is not None:  # the simulator keeps a readable copy too
            text = render_text(decorate(doc, self.profile))
            print_rendered(render_job(doc, self.inner.encoding, self.profile),
                           text * max(1, self.profile.copies))
            return
        send_bytes = getattr(self.inner, "send_bytes", None)
        if send_bytes is not None:
            send_bytes(render_job(doc, self.inner.encoding, self.profile))
            return
        decorated = decorate(doc, self.profile)
        for _ in range(max(1, self.profile.copies)):
            self.inner.print_document(decorated)

    def send_bytes(self, data: bytes) -> None:
        self.inner.send_bytes(data)  # type: ignore[attr-defined]

    def status(self) -> PrinterStatus:
        return self.inner.status()

    def kick_drawer(self, pin: int = 2) -> None:
        self.inner.kick_drawer(pin)

    def close(self) -> None:
        self.inner.close()
