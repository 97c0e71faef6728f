"""Every protocol parser, fed random bytes: it rejects them with its own error or
returns something sensible, never crashes with anything else and never hangs."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.display.protocols import DisplayProtocolError, parse_display
from drivers.printer.escpos_tcp import interpret_status
from drivers.printer.base import PrinterStatus
from drivers.scale.protocols import (
    MAX_FRAME, Reading, ScaleProtocolError, cas_frames, parse_cas, parse_toledo, toledo_frames,
)
from drivers.scanner.serial_scanner import SerialFrameDecoder

FUZZ = settings(max_examples=300, deadline=None)
chunks = st.lists(st.binary(max_size=80), max_size=12)


@FUZZ
@given(st.binary(max_size=200))
def test_toledo_parser(data):
    try:
        reading = parse_toledo(data)
    except ScaleProtocolError:
        return
    assert isinstance(reading, Reading)


@FUZZ
@given(st.binary(max_size=200))
def test_cas_parser(data):
    try:
        reading = parse_cas(data)
    except ScaleProtocolError:
        return
    assert isinstance(reading, Reading)


@FUZZ
@given(chunks)
def test_scale_framers_keep_a_bounded_buffer(parts):
    for framer in (toledo_frames, cas_frames):
        buffer = bytearray()
        for part in parts:
            buffer += part
            for frame in framer(buffer):
                assert isinstance(frame, bytes)
            assert len(buffer) <= MAX_FRAME + 80  # at most one unfinished frame plus the last chunk


@FUZZ
@given(st.binary(max_size=300), st.sampled_from(["cd5220", "epson"]), st.sampled_from(["ascii", "gb18030"]))
def test_display_parser(data, command_set, encoding):
    try:
        top, bottom = parse_display(data, command_set, encoding)
    except DisplayProtocolError:
        return
    assert isinstance(top, str) and isinstance(bottom, str)


@FUZZ
@given(chunks)
def test_scanner_framing(parts):
    decoder = SerialFrameDecoder()
    for part in parts:
        for code in decoder.feed(part):
            assert code and code.isprintable() and "\r" not in code and "\n" not in code
        assert len(decoder._buffer) <= decoder.max_length


@FUZZ
@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_printer_status_replies(printer, offline_cause, paper):
    assert isinstance(interpret_status(printer, offline_cause, paper), PrinterStatus)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["key", "enter"]), st.text(max_size=3), st.floats(0, 300)), max_size=60))
def test_wedge_decoder_never_crashes_and_codes_respect_min_length(events):
    from drivers.scanner.wedge import WedgeDecoder

    decoder = WedgeDecoder(gap_ms=50, min_length=4)
    now = 0.0
    for kind, text, step in events:
        now += step
        if kind == "key":
            decoder.push(text, now)
        else:
            code = decoder.enter(now)
            assert code is None or len(code) >= 4
