"""Pure protocol functions of scales, pole displays, serial scanners and the drawer pulse."""
from __future__ import annotations

import pytest

from drivers.display.protocols import DisplayProtocolError, parse_display, render_lines
from drivers.drawer import pulse_bytes
from drivers.scale.protocols import (
    Reading, ScaleProtocolError, cas_frames, cas_weight_frame, parse_cas, parse_toledo, toledo_frames,
    toledo_status_frame, toledo_weight_frame,
)
from drivers.scanner.serial_scanner import SerialFrameDecoder


# --- Toledo 8217 ------------------------------------------------------------------

def test_toledo_weight_and_status_frames():
    assert parse_toledo(b"01.234") == Reading(1234, stable=True)
    assert parse_toledo(b"00.005").grams == 5
    assert parse_toledo(b"?" + bytes((0x21,))) == Reading(None, stable=False)
    assert parse_toledo(b"?" + bytes((0x22,))).overload
    assert parse_toledo(b"?" + bytes((0x24,))).under_zero


@pytest.mark.parametrize("frame", [b"", b"1.2", b"01,234", b"?", b"?\x01", b"abc", b"01.2345"])
def test_toledo_rejects_what_is_not_a_frame(frame):
    with pytest.raises(ScaleProtocolError):
        parse_toledo(frame)


def test_toledo_frames_survive_split_and_noise():
    buffer = bytearray(b"\xff\x00")
    assert toledo_frames(buffer) == []
    buffer += toledo_weight_frame(1500)[:3]
    assert toledo_frames(buffer) == []
    buffer += toledo_weight_frame(1500)[3:] + b"junk" + toledo_status_frame(motion=True)
    frames = toledo_frames(buffer)
    assert [parse_toledo(f).grams for f in frames] == [1500, None]
    assert buffer == bytearray()


# --- CAS --------------------------------------------------------------------------------

def test_cas_lines():
    assert parse_cas(b"ST,GS,+001.234kg") == Reading(1234, stable=True)
    assert parse_cas(b"US,GS,+001.234kg").stable is False
    assert parse_cas(b"ST,NT,+  0.500kg").grams == 500
    assert parse_cas(b"ST,GS,+  750g").grams == 750
    assert parse_cas(b"OL,GS,+999.999kg").overload
    assert parse_cas(b"ST,GS,-000.020kg").under_zero


@pytest.mark.parametrize("frame", [b"", b"ST,GS,+1.2lb", b"XX,GS,+001.234kg", b"ST;GS;+001.234kg"])
def test_cas_rejects_what_is_not_a_line(frame):
    with pytest.raises(ScaleProtocolError):
        parse_cas(frame)


def test_cas_frames_split_on_line_ends():
    buffer = bytearray(cas_weight_frame(1234)[:5])
    assert cas_frames(buffer) == []
    buffer += cas_weight_frame(1234)[5:] + cas_weight_frame(10, stable=False)
    assert [parse_cas(f) for f in cas_frames(buffer)] == [Reading(1234, True), Reading(10, False)]


# --- pole displays -------------------------------------------------------------------

@pytest.mark.parametrize("command_set", ["cd5220", "epson"])
def test_display_lines_round_trip(command_set):
    data = render_lines(command_set, "Milk 250ml      3.50", "TOTAL          12.00")
    assert parse_display(data, command_set) == ("Milk 250ml      3.50", "TOTAL          12.00")


@pytest.mark.parametrize("command_set", ["cd5220", "epson"])
def test_display_chinese_is_cut_by_width_in_gb18030(command_set):
    data = render_lines(command_set, "农夫山泉天然饮用水550ml", "合计 ¥12.00", "gb18030")
    top, bottom = parse_display(data, command_set, "gb18030")
    assert top == "农夫山泉天然饮用水55"  # 20 columns: nine characters of two, then two digits
    assert bottom == "合计 ¥12.00"


def test_display_without_chinese_font_shows_question_marks_keeping_columns():
    data = render_lines("cd5220", "牛奶 3.50", "", "ascii")
    assert parse_display(data, "cd5220") == ("???? 3.50", "")


def test_cd5220_commands_are_the_documented_ones():
    data = render_lines("cd5220", "A", "B")
    assert data.startswith(b"\x1b@\x0c\x1bQA") and b"\r\x1bQB" in data and data.endswith(b"\r")
    assert render_lines("epson", "A", "B").startswith(b"\x1b@\x0c\x1f$\x01\x01")


@pytest.mark.parametrize("data", [b"\x1bQC", b"\x1bQAabc", b"\x07"])
def test_display_parser_rejects_garbage(data):
    with pytest.raises(DisplayProtocolError):
        parse_display(data, "cd5220")


# --- serial scanner framing -----------------------------------------------------------

def test_scanner_frames_on_cr_lf_and_crlf_and_survives_splits():
    decoder = SerialFrameDecoder()
    assert decoder.feed(b"69012345") == []
    assert decoder.feed(b"67892\r") == ["6901234567892"]
    assert decoder.feed(b"ABC-1\nXYZ\r\n\r\n") == ["ABC-1", "XYZ"]
    assert decoder.feed(b"\x02WRAPPED\x03\r") == ["WRAPPED"]


def test_scanner_drops_garbage_and_run_ons():
    decoder = SerialFrameDecoder(min_length=4)
    assert decoder.feed(b"\xff\xfe\x00\x01\r") == []
    assert decoder.feed(b"ab\r") == []  # shorter than the minimum
    assert decoder.feed(b"x" * 1000 + b"\r" + b"GOOD1234\r") == ["GOOD1234"]
    assert decoder.rejected == 3


# --- drawer pulse -------------------------------------------------------------------------

def test_drawer_pulse_timing_and_pin():
    assert pulse_bytes(2, 100, 500) == b"\x1bp\x00\x32\xfa"
    assert pulse_bytes(5, 50, 50) == b"\x1bp\x01\x19\x19"
    for bad in (lambda: pulse_bytes(3), lambda: pulse_bytes(2, 0, 100), lambda: pulse_bytes(2, 100, 600)):
        with pytest.raises(ValueError):
            bad()
