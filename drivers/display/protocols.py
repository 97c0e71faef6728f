"""Pole display command sets as pure functions: two lines of text -> bytes, and back.

CD5220: ESC @ init, CLR (0x0C), ESC Q A text CR writes the upper line,
ESC Q B text CR the lower one.
Epson DM-D: ESC @ init, CLR, US $ x y moves the cursor (1-based), then the text.

Displays are 2 x 20 columns; a Chinese character takes two, so text is cut
by width, never in the middle of a character. Chinese is sent as GB18030
(or GBK/Big5) only to displays that have a Chinese font (`cjk=` in the URL);
for the others it becomes '?'.
"""
from __future__ import annotations

from app.domain.textwidth import char_width, pad_right, truncate

COLUMNS, ROWS = 20, 2
ESC, CLR, US = 0x1B, 0x0C, 0x1F
COMMAND_SETS = ("cd5220", "epson")
ENCODINGS = ("ascii", "gb18030", "gbk", "big5")


class DisplayProtocolError(ValueError):
    """Bytes that are not a display command stream."""


def fit(text: str, columns: int = COLUMNS) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    return pad_right(truncate(clean, columns), columns)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "ascii":
        # one '?' per column a wide character would have taken keeps the layout
        text = "".join(ch if ord(ch) < 0x80 else "??" if _wide(ch) else "?" for ch in text)
    return text.encode(encoding, "replace")


def _wide(ch: str) -> bool:
    return char_width(ch) == 2


def render_lines(command_set: str, top: str, bottom: str, encoding: str = "ascii") -> bytes:
    """Clear the display and show the two lines."""
    lines = (encode(fit(top), encoding), encode(fit(bottom), encoding))
    if command_set == "cd5220":
        return (bytes((ESC, 0x40, CLR)) + b"\x1bQA" + lines[0] + b"\r" + b"\x1bQB" + lines[1] + b"\r")
    if command_set == "epson":
        return (bytes((ESC, 0x40, CLR)) + bytes((US, 0x24, 1, 1)) + lines[0]
                + bytes((US, 0x24, 1, 2)) + lines[1])
    raise ValueError(f"unknown display command set {command_set!r}")


def clear_bytes() -> bytes:
    return bytes((CLR,))


def parse_display(data: bytes, command_set: str, encoding: str = "ascii") -> tuple[str, str]:
    """What a display shows after receiving `data` (the simulator and tests read it back).
    Raises DisplayProtocolError on anything but the commands above."""
    rows = [bytearray(), bytearray()]
    row = 0
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == CLR:
            rows, row, i = [bytearray(), bytearray()], 0, i + 1
        elif byte == ESC and data[i + 1:i + 2] == b"@":
            i += 2
        elif command_set == "cd5220" and byte == ESC and data[i + 1:i + 2] == b"Q":
            row, i = _cd5220_line(data, i, rows)
        elif command_set == "epson" and byte == US and data[i + 1:i + 2] == b"$":
            if i + 3 >= len(data) or data[i + 3] not in (1, 2) or not 1 <= data[i + 2] <= COLUMNS:
                raise DisplayProtocolError("bad cursor move")
            row = data[i + 3] - 1
            rows[row] = rows[row][: data[i + 2] - 1]
            i += 4
        elif byte >= 0x20 and command_set == "epson":
            rows[row].append(byte)
            i += 1
        else:
            raise DisplayProtocolError(f"unexpected byte 0x{byte:02x} at {i}")
    try:
        return tuple(bytes(r).decode(encoding).rstrip() for r in rows)  # type: ignore[return-value]
    except (UnicodeDecodeError, LookupError) as exc:
        raise DisplayProtocolError("text is not in the display's encoding") from exc


def _cd5220_line(data: bytes, i: int, rows: list[bytearray]) -> tuple[int, int]:
    which = data[i + 2:i + 3]
    if which not in (b"A", b"B"):
        raise DisplayProtocolError("ESC Q needs A or B")
    end = data.find(b"\r", i + 3)
    if end < 0:
        raise DisplayProtocolError("line without CR")
    row = 0 if which == b"A" else 1
    rows[row] = bytearray(data[i + 3:end])
    return row, end + 1
