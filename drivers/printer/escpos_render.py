"""Receipt document -> ESC/POS bytes, a pure function.

Text is encoded here, not by python-escpos: its code-page "magic" encoder
knows single-byte code pages only and would turn Chinese into '?'. Chinese
printers take GB18030/GBK/Big5 as raw double-byte text once their Chinese
mode is on (FS &). python-escpos builds the structured commands (styles,
barcodes, QR, cut, drawer), whose bytes are cached: the same few styles
recur on every line and the whole render stays far below a millisecond.
"""
from __future__ import annotations

import codecs
import functools
import re


from app.domain.receipt import (
    BarcodeBlock,
    Block,
    Cut,
    Feed,
    QRBlock,
    ReceiptDocument,
    Rule,
    TextLine,
)
from app.domain.textwidth import char_width, text_width, wrap

CJK_ENCODINGS = ("gb18030", "gbk", "gb2312", "big5")
ENCODINGS = CJK_ENCODINGS + ("utf-8",)
_ALIASES = {"utf8": "utf-8", "cp936": "gbk", "gb-18030": "gb18030", "big-5": "big5"}

INIT = b"\x1b@"
CHINESE_ON = b"\x1c&"
LF = b"\n"

# Printer dots across the paper: 58 mm heads have 384, 80 mm heads 576.
_DOTS_58, _DOTS_80 = 384, 576

_REPLACE_ERRORS = "monpos-receipt-replace"


def _replace_keeping_width(exc: UnicodeError) -> tuple[str, int]:
    # A '?' per column keeps right-aligned figures in their columns.
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "?" * sum(max(1, char_width(ch)) for ch in bad), exc.end


codecs.register_error(_REPLACE_ERRORS, _replace_keeping_width)

# Characters some printer encodings lack, with stand-ins to try in order.
_SUBSTITUTES = {
    "\u00a5": ("\uffe5", "Y"),  # ¥ is not in GBK/GB2312/Big5; fullwidth ￥ is in GBK
    "\u00a0": (" ",),
    "\u20ac": ("EUR",),
    "\u2013": ("-",),
    "\u2014": ("\u2014", "-"),
}
# Control characters in product names would be read by the printer as commands.
_CONTROLS = {code: " " for code in (*range(0x20), 0x7F)}


def normalize_encoding(encoding: str) -> str:
    """The canonical name of a printer encoding; ValueError for one we cannot drive."""
    name = encoding.strip().lower().replace("_", "-")
    name = _ALIASES.get(name, name)
    if name not in ENCODINGS:
        raise ValueError(f"unknown printer encoding {encoding!r} (use one of {', '.join(ENCODINGS)})")
    return name


@functools.lru_cache(maxsize=None)
def _translation(encoding: str) -> dict[int, str]:
    table = dict(_CONTROLS)
    for ch, options in _SUBSTITUTES.items():
        if _encodable(ch, encoding):
            continue
        for option in options:
            if _encodable(option, encoding):
                table[ord(ch)] = option
                break
    return table


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def encode_text(text: str, encoding: str, width: int | None = None) -> bytes:
    """Text as the printer's encoding; never raises. With `width`, stand-ins that
    are wider than the original (¥ -> ￥) are paid for with a space from the
    widest gap, so the line does not spill onto the next one."""
    fixed = text.translate(_translation(encoding))
    if width is not None and fixed != text and text_width(fixed) > width >= text_width(text):
        fixed = _squeeze(fixed, text_width(fixed) - width)
    return fixed.encode(encoding, _REPLACE_ERRORS)


def _squeeze(text: str, excess: int) -> str:
    for _ in range(excess):
        runs = list(re.finditer(r" {2,}", text))
        if not runs:
            break
        widest = max(runs, key=lambda m: m.end() - m.start())
        text = text[: widest.start()] + text[widest.start() + 1:]
    return text


# --- python-escpos built commands, cached -----------------------------------

def _dummy():
    # python-escpos is imported on first use: loading its capability profiles
    # costs about a second, which must not delay the till's start.
    from escpos.printer import Dummy

    return Dummy()


@functools.lru_cache(maxsize=None)
def style_bytes(align: str, bold: bool, double: bool) -> bytes:
    d = _dummy()
    # GS ! (custom size) doubles Chinese characters too; ESC ! only doubles ASCII.
    scale = 2 if double else 1
    d.set(align=align, bold=bold, custom_size=True, width=scale, height=scale)
    return d.output


def cut_bytes(partial: bool) -> bytes:
    # GS V 65/66 0 feeds just to the cutter, then cuts. python-escpos' cut()
    # feeds six lines first (paper wasted on every sale) and, without the
    # feed, only knows the partial form.
    return b"\x1dVB\x00" if partial else b"\x1dVA\x00"


@functools.lru_cache(maxsize=None)
def feed_bytes(lines: int) -> bytes:
    d = _dummy()
    while lines > 0:
        step = min(lines, 255)
        d.print_and_feed(step)
        lines -= step
    return d.output


@functools.lru_cache(maxsize=None)
def drawer_bytes(pin: int = 2) -> bytes:
    if pin not in (2, 5):
        raise ValueError(f"a cash drawer is wired to pin 2 or pin 5, not {pin}")
    d = _dummy()
    d.cashdraw(pin)
    return d.output


@functools.lru_cache(maxsize=512)
def barcode_bytes(data: str, symbology: str, columns: int) -> bytes | None:
    """Native barcode commands, or None if this data cannot be printed as one."""
    if symbology == "CODE128":
        if not data or not all(" " <= ch <= "~" for ch in data):
            return None
        # '{' selects a code set in ESC/POS CODE128 data; a literal one is doubled.
        code, function_type = "{B" + data.replace("{", "{{"), "B"
        modules = 11 * (len(data) + 3) + 2
    else:
        code, function_type = data, "A"
        modules = 67 if symbology == "EAN8" else 95
    from escpos.escpos import Escpos

    if len(code) > 255 or not Escpos.check_barcode(symbology, code):
        return None
    dots = _DOTS_58 if columns <= 32 else _DOTS_80
    module_width = min(3, dots // modules)
    if module_width < 1:
        return None
    d = _dummy()
    # barcode() prints a line to stdout on every call; in the pinned 3.1 it
    # delegates to this hardware path, which is the one we want anyway.
    d._hw_barcode(code, symbology, height=64, width=max(2, module_width), pos="BELOW",
                  font="A", align_ct=False, function_type=function_type, check=True)
    if module_width == 1:
        # A receipt number on 58 mm paper only fits with 1-dot modules, which
        # printers accept but python-escpos refuses; the HRI line below backs it up.
        return d.output.replace(b"\x1dw\x02", b"\x1dw\x01", 1)
    return d.output


@functools.lru_cache(maxsize=128)
def qr_bytes(data: str, size: int) -> bytes:
    d = _dummy()
    d.qr(data, size=max(1, min(16, size)), native=True)
    return d.output


# --- rendering ------------------------------------------------------------------

class _Writer:
    __slots__ = ("out", "encoding", "columns", "style")

    def __init__(self, encoding: str, columns: int) -> None:
        self.out: list[bytes] = [INIT]
        if encoding in CJK_ENCODINGS:
            self.out.append(CHINESE_ON)
        self.encoding = encoding
        self.columns = columns
        self.style: tuple[str, bool, bool] | None = None

    def set_style(self, align: str, bold: bool = False, double: bool = False) -> None:
        style = (align, bold, double)
        if style != self.style:
            self.out.append(style_bytes(*style))
            self.style = style

    def line(self, text: str, width: int) -> None:
        # Wrapping here, not on the printer, keeps every part aligned and Chinese whole.
        parts = [text] if len(text) * 2 <= width else wrap(text, width)
        for part in parts:
            self.out.append(encode_text(part, self.encoding, width))
            self.out.append(LF)


def render_escpos(doc: ReceiptDocument, encoding: str = "gb18030") -> bytes:
    """The bytes that print `doc` on an ESC/POS printer whose Chinese text is `encoding`."""
    w = _Writer(normalize_encoding(encoding), doc.columns)
    for block in doc.blocks:
        _render_block(w, block)
    return b"".join(w.out)


def _render_block(w: _Writer, block: Block) -> None:
    if isinstance(block, TextLine):
        w.set_style(block.align, block.bold, block.double)
        w.line(block.text, w.columns // (2 if block.double else 1))
    elif isinstance(block, Rule):
        char = block.char[:1] or "-"
        w.set_style("left")
        w.line(char * (w.columns // max(1, char_width(char))), w.columns)
    elif isinstance(block, BarcodeBlock):
        w.set_style("center")
        code = barcode_bytes(block.data, block.symbology, w.columns)
        if code is None:
            w.line(block.data, w.columns)
        else:
            w.out.append(code)
    elif isinstance(block, QRBlock):
        if block.data:
            w.set_style("center")
            w.out.append(qr_bytes(block.data, block.size))
    elif isinstance(block, Feed):
        if block.lines > 0:
            w.out.append(feed_bytes(block.lines))
    elif isinstance(block, Cut):
        w.out.append(cut_bytes(block.partial))
