"""ESC/POS bytes back into commands and the text a customer reads.

Tests assert on what the paper shows, not on byte strings. The decoder reads
like a printer: text runs are decoded in the Chinese encoding only while
Chinese mode (FS &) is on, so a renderer that forgets FS & fails the test.
It never raises: unknown or truncated sequences become ("unknown", bytes),
and every step consumes at least one byte, so it always ends.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
_CODEPAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 17: "cp866", 19: "cp858"}
_BARCODES_A = {0: "UPC-A", 1: "UPC-E", 2: "EAN13", 3: "EAN8", 4: "CODE39", 5: "ITF", 6: "NW7"}
_BARCODES_B = {65 + m: name for m, name in _BARCODES_A.items()} | {
    72: "CODE93", 73: "CODE128", 74: "GS1-128", 75: "GS1 DATABAR OMNIDIRECTIONAL",
    76: "GS1 DATABAR TRUNCATED", 77: "GS1 DATABAR LIMITED", 78: "GS1 DATABAR EXPANDED",
}
# Commands taking one argument byte: (prefix, letter) -> name.
_ONE_ARG = {
    (ESC, ord("-")): "underline", (ESC, ord("M")): "font", (ESC, ord("G")): "double_strike",
    (ESC, ord("V")): "rotate", (ESC, ord("{")): "upside_down", (ESC, ord(" ")): "char_spacing",
    (ESC, ord("R")): "charset", (ESC, ord("e")): "reverse_feed",
    (GS, ord("B")): "invert", (GS, ord("b")): "smoothing", (GS, ord("h")): "barcode_height",
    (GS, ord("w")): "barcode_width", (GS, ord("H")): "hri_position", (GS, ord("f")): "hri_font",
    (GS, ord("a")): "auto_status", (FS, ord("!")): "kanji_mode", (FS, ord("C")): "kanji_code",
    (FS, ord("W")): "kanji_quadruple", (FS, ord("-")): "kanji_underline",
}
# Commands taking two argument bytes (nL nH).
_TWO_ARGS = {(ESC, ord("$")): "position", (GS, ord("L")): "left_margin", (GS, ord("W")): "print_width",
             (ESC, ord("\\")): "relative_position"}


@dataclass
class Style:
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1


@dataclass
class Decoded:
    commands: list[tuple] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    styles: list[Style] = field(default_factory=list)  # the style each line started in

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def names(self) -> list[str]:
        return [command[0] for command in self.commands]

    def find(self, name: str) -> list[tuple]:
        return [command for command in self.commands if command[0] == name]

    def style_of(self, needle: str) -> Style:
        """The style of the first line containing `needle` (KeyError if none)."""
        for line, style in zip(self.lines, self.styles):
            if needle in line:
                return style
        raise KeyError(needle)


def decode(data: bytes, encoding: str = "gb18030") -> Decoded:
    return _Decoder(bytes(data), encoding).run()


class _Decoder:
    def __init__(self, data: bytes, encoding: str) -> None:
        self.data = data
        self.pos = 0
        self.encoding = encoding.lower()
        self.out = Decoded()
        self.style = Style()
        self.chinese = False
        self.codepage = "cp437"
        self.hri = 0
        self.qr_data = b""
        self.line: list[str] = []
        self.line_style: Style | None = None

    # plumbing -----------------------------------------------------------
    def run(self) -> Decoded:
        n = len(self.data)
        while self.pos < n:
            start = self.pos
            self.step()
            if self.pos <= start:  # a bug here must not hang a test run
                self.pos = start + 1
        if self.line:
            self.end_line()
        return self.out

    def emit(self, *command) -> None:
        self.out.commands.append(tuple(command))

    def take(self, count: int) -> bytes | None:
        """The next `count` bytes, or None (and the rest as unknown) if truncated."""
        chunk = self.data[self.pos:self.pos + count]
        if len(chunk) < count:
            return None
        self.pos += count
        return chunk

    def truncated(self, start: int) -> None:
        self.emit("unknown", self.data[start:])
        self.pos = len(self.data)

    def add_text(self, text: str) -> None:
        if not self.line:
            self.line_style = Style(**vars(self.style))
        self.line.append(text)

    def end_line(self) -> None:
        self.out.lines.append("".join(self.line).rstrip())
        self.out.styles.append(self.line_style or Style(**vars(self.style)))
        self.line, self.line_style = [], None

    def flush_line(self) -> None:
        if self.line:
            self.end_line()

    # dispatch -----------------------------------------------------------
    def step(self) -> None:
        byte = self.data[self.pos]
        if byte >= 0x20 or byte == 0x09:
            self.text_run()
        elif byte == 0x0A:
            self.pos += 1
            self.emit("lf")
            self.end_line()
        elif byte == 0x0D:
            self.pos += 1
        elif byte in (ESC, GS, FS, DLE):
            self.escape(byte)
        else:
            self.pos += 1
            self.emit("unknown", bytes([byte]))

    def text_run(self) -> None:
        start = self.pos
        n = len(self.data)
        while self.pos < n and (self.data[self.pos] >= 0x20 or self.data[self.pos] == 0x09):
            self.pos += 1
        raw = self.data[start:self.pos]
        if self.encoding in ("utf-8", "utf8"):
            text = raw.decode("utf-8", "replace")
        elif self.chinese:
            text = raw.decode(self.encoding, "replace")
        else:
            text = raw.decode(self.codepage, "replace")
        self.emit("text", text)
        self.add_text(text)

    def escape(self, prefix: int) -> None:
        start = self.pos
        head = self.take(2)
        if head is None:
            self.truncated(start)
            return
        key = (prefix, head[1])
        handler = _HANDLERS.get(key)
        if handler is not None:
            handler(self, start)
        elif key in _ONE_ARG:
            self.simple(start, _ONE_ARG[key], 1)
        elif key in _TWO_ARGS:
            self.simple(start, _TWO_ARGS[key], 2)
        else:
            self.emit("unknown", head)

    def simple(self, start: int, name: str, count: int) -> None:
        args = self.take(count)
        if args is None:
            self.truncated(start)
        elif count == 1:
            self.emit(name, args[0])
            if name == "hri_position":
                self.hri = args[0] & 0x03
        else:
            self.emit(name, args[0] | args[1] << 8)

    def arg(self, start: int) -> int | None:
        args = self.take(1)
        if args is None:
            self.truncated(start)
            return None
        return args[0]

    # ESC -----------------------------------------------------------------
    def esc_init(self, start: int) -> None:
        self.flush_line()
        self.emit("init")
        self.style, self.chinese, self.codepage, self.hri = Style(), False, "cp437", 0

    def esc_align(self, start: int) -> None:
        n = self.arg(start)
        if n is None:
            return
        if n not in _ALIGN:
            self.emit("unknown", self.data[start:self.pos])
            return
        self.style.align = _ALIGN[n]
        self.emit("align", self.style.align)

    def esc_bold(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.style.bold = bool(n & 1)
            self.emit("bold", self.style.bold)

    def esc_mode(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.style.bold = bool(n & 0x08)
            self.style.height = 2 if n & 0x10 else 1
            self.style.width = 2 if n & 0x20 else 1
            self.emit("print_mode", n)

    def esc_codepage(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.codepage = _CODEPAGES.get(n, "cp437")
            self.emit("codepage", n)

    def esc_feed(self, start: int) -> None:
        n = self.arg(start)
        if n is None:
            return
        self.emit("feed", n)
        for _ in range(n):
            self.end_line()

    def esc_feed_dots(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.emit("feed_dots", n)
            self.flush_line()

    def esc_drawer(self, start: int) -> None:
        args = self.take(3)
        if args is None:
            self.truncated(start)
            return
        self.emit("drawer", 5 if args[0] & 1 else 2)

    def esc_spacing_default(self, start: int) -> None:
        self.emit("line_spacing", None)

    def esc_spacing(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.emit("line_spacing", n)

    def esc_bit_image(self, start: int) -> None:
        head = self.take(3)
        if head is None:
            self.truncated(start)
            return
        mode, dots = head[0], head[1] | head[2] << 8
        size = dots * (3 if mode in (32, 33) else 1)
        if self.take(size) is None:
            self.truncated(start)
            return
        self.flush_line()
        self.emit("bit_image", mode, dots)

    # GS ------------------------------------------------------------------
    def gs_size(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.style.width = (n >> 4 & 0x07) + 1
            self.style.height = (n & 0x07) + 1
            self.emit("size", self.style.width, self.style.height)

    def gs_cut(self, start: int) -> None:
        m = self.arg(start)
        if m is None:
            return
        if m in (0, 1, 48, 49):
            pass
        elif m in (65, 66, 97, 98, 103, 104):
            if self.arg(start) is None:
                return
        else:
            self.emit("unknown", self.data[start:self.pos])
            return
        self.flush_line()
        self.emit("cut", "partial" if m % 2 == (0 if m >= 65 else 1) else "full")

    def gs_barcode(self, start: int) -> None:
        m = self.arg(start)
        if m is None:
            return
        if m <= 6:
            end = self.data.find(b"\x00", self.pos, self.pos + 256)
            if end < 0:
                self.truncated(start)
                return
            raw, self.pos = self.data[self.pos:end], end + 1
            name = _BARCODES_A[m]
        elif m in _BARCODES_B:
            length = self.arg(start)
            if length is None:
                return
            raw = self.take(length)
            if raw is None:
                self.truncated(start)
                return
            name = _BARCODES_B[m]
        else:
            self.emit("unknown", self.data[start:self.pos])
            return
        text = _code128_text(raw) if name in ("CODE128", "GS1-128") else raw.decode("latin-1")
        self.flush_line()
        self.emit("barcode", name, text)
        if self.hri:
            self.add_text(text)
            self.end_line()

    def gs_paren(self, start: int) -> None:
        head = self.take(3)
        if head is None:
            self.truncated(start)
            return
        fn_class, length = head[0], head[1] | head[2] << 8
        body = self.take(length)
        if body is None:
            self.truncated(start)
            return
        if fn_class != ord("k") or len(body) < 2:
            self.emit("unknown", self.data[start:self.pos])
            return
        self.two_d(body[0], body[1], body[2:])

    def two_d(self, cn: int, fn: int, params: bytes) -> None:
        if cn != 0x31:  # not QR (PDF417, MaxiCode...)
            self.emit("2d", cn, fn)
        elif fn == 65 and params:
            self.emit("qr_model", params[0] - 48)
        elif fn == 67 and params:
            self.emit("qr_size", params[0])
        elif fn == 69 and params:
            self.emit("qr_ec", chr(params[0]))
        elif fn == 80 and params:
            self.qr_data = params[1:]
        elif fn == 81:
            self.flush_line()
            self.emit("qr", self.qr_data.decode("utf-8", "replace"))
        else:
            self.emit("2d", cn, fn)

    def gs_raster(self, start: int) -> None:
        head = self.take(6)
        if head is None or head[0] not in (0x30, 0):
            if head is None:
                self.truncated(start)
            else:
                self.emit("unknown", self.data[start:self.pos])
            return
        width, height = head[2] | head[3] << 8, head[4] | head[5] << 8
        if self.take(width * height) is None:
            self.truncated(start)
            return
        self.flush_line()
        self.emit("raster_image", width * 8, height)

    # FS and DLE --------------------------------------------------------------
    def fs_chinese_on(self, start: int) -> None:
        self.chinese = True
        self.emit("chinese", True)

    def fs_chinese_off(self, start: int) -> None:
        self.chinese = False
        self.emit("chinese", False)

    def dle_eot(self, start: int) -> None:
        n = self.arg(start)
        if n is not None:
            self.emit("status_request", n)

    def dle_dc4(self, start: int) -> None:
        args = self.take(3)
        if args is None:
            self.truncated(start)
            return
        self.emit("realtime", args[0], args[1], args[2])


_HANDLERS = {
    (ESC, ord("@")): _Decoder.esc_init,
    (ESC, ord("a")): _Decoder.esc_align,
    (ESC, ord("E")): _Decoder.esc_bold,
    (ESC, ord("!")): _Decoder.esc_mode,
    (ESC, ord("t")): _Decoder.esc_codepage,
    (ESC, ord("d")): _Decoder.esc_feed,
    (ESC, ord("J")): _Decoder.esc_feed_dots,
    (ESC, ord("p")): _Decoder.esc_drawer,
    (ESC, ord("2")): _Decoder.esc_spacing_default,
    (ESC, ord("3")): _Decoder.esc_spacing,
    (ESC, ord("*")): _Decoder.esc_bit_image,
    (GS, ord("!")): _Decoder.gs_size,
    (GS, ord("V")): _Decoder.gs_cut,
    (GS, ord("k")): _Decoder.gs_barcode,
    (GS, ord("(")): _Decoder.gs_paren,
    (GS, ord("v")): _Decoder.gs_raster,
    (FS, ord("&")): _Decoder.fs_chinese_on,
    (FS, ord(".")): _Decoder.fs_chinese_off,
    (DLE, 0x04): _Decoder.dle_eot,
    (DLE, 0x14): _Decoder.dle_dc4,
}


def _code128_text(raw: bytes) -> str:
    """The human-readable data of an ESC/POS CODE128 payload ({A/{B/{C code sets)."""
    out: list[str] = []
    code_c = False
    i = 0
    while i < len(raw):
        byte = raw[i]
        if byte == ord("{") and i + 1 < len(raw):
            selector = chr(raw[i + 1])
            if selector == "{":
                out.append("{")
            elif selector in "ABC":
                code_c = selector == "C"
            # {S (shift) and {1..{4 (FNC) carry no printable data
            i += 2
            continue
        out.append(f"{byte:02d}" if code_c else chr(byte))
        i += 1
    return "".join(out)
