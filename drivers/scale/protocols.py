"""Scale protocols as pure functions: frames of bytes -> readings.

Toledo 8217 (request "W"): the scale answers STX + weight + CR, e.g.
b"\\x0201.234\\r" (kg, three decimals), or, when it cannot give a weight,
STX "?" + a status byte + CR; status bits: 0 in motion, 1 over capacity,
2 under zero, 3 outside zero capture range, 4 at centre of zero (bit 5 is
always set). "Z" zeroes the scale.

CAS (EC/ER/CI "ST,GS" format), continuous or on request: a line such as
b"ST,GS,+001.234kg\\r\\n": ST stable / US unstable / OL overload, then GS
gross / NT net / TR tare, then the signed weight and the unit (kg or g).

Parsers never raise anything but ScaleProtocolError, whatever the bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STX, CR, LF = 0x02, 0x0D, 0x0A
MAX_FRAME = 64


class ScaleProtocolError(ValueError):
    """Bytes that are not a frame of the protocol."""


@dataclass(frozen=True)
class Reading:
    grams: int | None  # None: the scale gave a status instead of a weight
    stable: bool
    overload: bool = False
    under_zero: bool = False


# --- Toledo 8217 ------------------------------------------------------------------

TOLEDO_REQUEST = b"W"
TOLEDO_ZERO = b"Z"
_TOLEDO_WEIGHT = re.compile(rb"^\s*(-?)(\d{1,3})\.(\d{3})$")


def parse_toledo(frame: bytes) -> Reading:
    """One frame between STX and CR (both excluded)."""
    if frame[:1] == b"?":
        if len(frame) != 2:
            raise ScaleProtocolError("a Toledo status frame is '?' and one status byte")
        status = frame[1]
        if not status & 0x20 or status & 0x80:
            raise ScaleProtocolError("not a Toledo status byte")
        return Reading(None, stable=not status & 0x01, overload=bool(status & 0x02),
                       under_zero=bool(status & 0x04))
    match = _TOLEDO_WEIGHT.match(frame)
    if match is None:
        raise ScaleProtocolError("not a Toledo weight")
    sign, whole, thousandths = match.groups()
    grams = int(whole) * 1000 + int(thousandths)
    return Reading(-grams if sign else grams, stable=True, under_zero=bool(sign) and grams > 0)


def toledo_frames(buffer: bytearray) -> list[bytes]:
    """Cut complete STX..CR frames off the front of `buffer` (which keeps the
    unfinished rest). Bytes outside frames are noise and are dropped."""
    frames: list[bytes] = []
    while True:
        start = buffer.find(bytes((STX,)))
        if start < 0:
            buffer.clear()
            return frames
        del buffer[:start]
        end = buffer.find(bytes((CR,)))
        if end < 0:
            if len(buffer) > MAX_FRAME:
                buffer.clear()
            return frames
        frames.append(bytes(buffer[1:end]))
        del buffer[: end + 1]


def toledo_weight_frame(grams: int) -> bytes:
    """What a Toledo scale sends for a stable weight (simulators use this)."""
    sign = "-" if grams < 0 else ""
    whole, thousandths = divmod(abs(grams), 1000)
    return b"\x02" + f"{sign}{whole:02d}.{thousandths:03d}".encode() + b"\r"


def toledo_status_frame(motion: bool = False, overload: bool = False, under_zero: bool = False) -> bytes:
    status = 0x20 | (0x01 if motion else 0) | (0x02 if overload else 0) | (0x04 if under_zero else 0)
    return b"\x02?" + bytes((status,)) + b"\r"


# --- CAS ----------------------------------------------------------------------------

CAS_REQUEST = b"W"
CAS_ZERO = b"Z"
# searched, not matched: line noise before a frame (a scale switched on mid-line) is skipped
_CAS_LINE = re.compile(rb"(ST|US|OL),(GS|NT|TR),([+-])\s*(\d{1,4}(?:\.\d{1,3})?)\s*(kg|g)$")


def parse_cas(frame: bytes) -> Reading:
    """One line without its CR LF."""
    match = _CAS_LINE.search(frame.strip(b" \x00"))
    if match is None:
        raise ScaleProtocolError("not a CAS weight line")
    state, _kind, sign, number, unit = match.groups()
    if state == b"OL":
        return Reading(None, stable=False, overload=True)
    whole, _, frac = number.partition(b".")
    if unit == b"kg":
        grams = int(whole) * 1000 + int((frac + b"000")[:3])
    else:
        grams = int(whole)  # a gram scale shows no decimals worth keeping
    if sign == b"-":
        grams = -grams
    return Reading(grams, stable=state == b"ST", under_zero=grams < 0)


def cas_frames(buffer: bytearray) -> list[bytes]:
    frames: list[bytes] = []
    while True:
        end = min((i for i in (buffer.find(b"\r"), buffer.find(b"\n")) if i >= 0), default=-1)
        if end < 0:
            if len(buffer) > MAX_FRAME:
                buffer.clear()
            return frames
        line = bytes(buffer[:end])
        del buffer[: end + 1]
        if line:
            frames.append(line)


def cas_weight_frame(grams: int, stable: bool = True, overload: bool = False) -> bytes:
    state = "OL" if overload else ("ST" if stable else "US")
    sign = "-" if grams < 0 else "+"
    whole, thousandths = divmod(abs(grams), 1000)
    return f"{state},GS,{sign}{whole:03d}.{thousandths:03d}kg\r\n".encode()


@dataclass(frozen=True)
class Protocol:
    name: str
    request: bytes
    zero: bytes
    frames: object  # Callable[[bytearray], list[bytes]]
    parse: object  # Callable[[bytes], Reading]


PROTOCOLS = {
    "toledo": Protocol("toledo", TOLEDO_REQUEST, TOLEDO_ZERO, toledo_frames, parse_toledo),
    "cas": Protocol("cas", CAS_REQUEST, CAS_ZERO, cas_frames, parse_cas),
}
