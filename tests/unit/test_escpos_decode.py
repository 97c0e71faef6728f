"""The test decoder itself: every command it claims to know, and garbage."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from tests.support.escpos_decode import decode

ESC, GS, FS, DLE = b"\x1b", b"\x1d", b"\x1c", b"\x10"


def test_text_styles_and_lines():
    data = (ESC + b"@" + FS + b"&" + ESC + b"a\x01" + ESC + b"E\x01" + GS + b"!\x11"
            + "店名".encode("gbk") + b"\n" + ESC + b"a0" + ESC + b"E\x00" + GS + b"!\x00"
            + b"line 2\r\n" + ESC + b"!\x38" + b"big\n")
    decoded = decode(data, "gbk")
    assert decoded.commands[:6] == [
        ("init",), ("chinese", True), ("align", "center"), ("bold", True), ("size", 2, 2), ("text", "店名"),
    ]
    assert ("align", "left") in decoded.commands
    assert ("print_mode", 0x38) in decoded.commands
    assert decoded.lines == ["店名", "line 2", "big"]
    assert decoded.text == "店名\nline 2\nbig"
    assert [(s.align, s.bold, s.width) for s in decoded.styles] == [
        ("center", True, 2), ("left", False, 1), ("left", True, 2),
    ]


def test_chinese_needs_chinese_mode():
    gbk = "找零".encode("gbk")
    assert decode(FS + b"&" + gbk + b"\n", "gbk").lines == ["找零"]
    assert decode(gbk + b"\n", "gbk").lines != ["找零"]  # read as code page 437
    assert decode(FS + b"&" + FS + b"." + gbk, "gbk").lines != ["找零"]
    assert decode(ESC + b"t\x10" + "é".encode("cp1252"), "gbk").lines == ["é"]


def test_gb18030_four_byte_sequences():
    text = "¥𠮷"
    data = FS + b"&" + text.encode("gb18030") + b"\n"
    assert decode(data, "gb18030").lines == [text]


def test_feeds_cut_and_drawer():
    data = (b"a" + ESC + b"d\x03" + b"b" + ESC + b"J\x20" + GS + b"V\x00" + GS + b"V1"
            + GS + b"VA\x10" + GS + b"VB\x00" + GS + b"Va\x05" + GS + b"Vh\x00"
            + ESC + b"p\x00\x19\xfa" + ESC + b"p\x01\x32\x32" + ESC + b"2" + ESC + b"3\x40")
    decoded = decode(data)
    assert decoded.lines == ["a", "", "", "b"]
    assert decoded.find("feed") == [("feed", 3)]
    assert decoded.find("feed_dots") == [("feed_dots", 0x20)]
    assert decoded.find("cut") == [
        ("cut", "full"), ("cut", "partial"), ("cut", "full"), ("cut", "partial"), ("cut", "full"), ("cut", "partial"),
    ]
    assert decoded.find("drawer") == [("drawer", 2), ("drawer", 5)]
    assert decoded.find("line_spacing") == [("line_spacing", None), ("line_spacing", 0x40)]


def test_barcodes_both_forms_and_hri():
    data = (GS + b"h\x50" + GS + b"w\x02" + GS + b"f\x00" + GS + b"H\x02"
            + GS + b"k\x026901234567892\x00"
            + GS + b"kI\x0d{BS001-{{X}-1" + GS + b"H\x00"
            + GS + b"kI\x06{C\x0c\x22\x38\x01")
    decoded = decode(data)
    assert ("barcode_height", 0x50) in decoded.commands
    assert ("barcode_width", 2) in decoded.commands
    assert ("hri_font", 0) in decoded.commands
    assert ("hri_position", 2) in decoded.commands
    assert decoded.find("barcode") == [
        ("barcode", "EAN13", "6901234567892"),
        ("barcode", "CODE128", "S001-{X}-1"),
        ("barcode", "CODE128", "12345601"),
    ]
    # HRI below the first two; switched off for the third.
    assert decoded.lines == ["6901234567892", "S001-{X}-1"]


def test_qr_store_and_print():
    content = "https://mon.example/小票".encode("utf-8")
    store = GS + b"(k" + bytes([len(content) + 3, 0]) + b"1P0" + content
    data = (GS + b"(k\x04\x001A2\x00" + GS + b"(k\x03\x001C\x06" + GS + b"(k\x03\x001E1"
            + store + GS + b"(k\x03\x001Q0")
    decoded = decode(data)
    assert decoded.commands == [
        ("qr_model", 2), ("qr_size", 6), ("qr_ec", "1"), ("qr", "https://mon.example/小票"),
    ]


def test_status_requests_and_realtime():
    decoded = decode(DLE + b"\x04\x01" + DLE + b"\x04\x04" + DLE + b"\x14\x01\x00\x01")
    assert decoded.commands == [("status_request", 1), ("status_request", 4), ("realtime", 1, 0, 1)]


def test_images_are_skipped_whole():
    raster = GS + b"v0\x00\x02\x00\x03\x00" + b"\xff" * 6
    column = ESC + b"*\x21\x02\x00" + b"\x1b" * 6
    decoded = decode(raster + column + b"ok\n")
    assert decoded.commands[:2] == [("raster_image", 16, 3), ("bit_image", 0x21, 2)]
    assert decoded.lines == ["ok"]


@pytest.mark.parametrize("data", [
    ESC, GS + b"k", GS + b"kI\x10abc", GS + b"k\x02123", GS + b"(k\x10\x001P0ab", ESC + b"p\x00",
    GS + b"v0\x00\xff\xff\xff\xff", DLE + b"\x04", FS,
])
def test_truncated_sequences_become_unknown(data):
    decoded = decode(b"x" + data)
    assert decoded.commands[-1] == ("unknown", data)
    assert decoded.lines == ["x"]


def test_unknown_commands_are_reported_and_skipped():
    decoded = decode(ESC + b"\x7f" + GS + b"Vz" + b"\x07" + ESC + b"a\x09" + b"ok")
    assert decoded.commands == [
        ("unknown", ESC + b"\x7f"), ("unknown", GS + b"Vz"), ("unknown", b"\x07"),
        ("unknown", ESC + b"a\x09"), ("text", "ok"),
    ]


PIECES = st.sampled_from([ESC, GS, FS, DLE, b"(k", b"k", b"V", b"!", b"&", b"\x04", b"\x00", b"\n", b"{B", b"1P0"])


@settings(max_examples=400, deadline=None)
@given(data=st.binary(max_size=300), encoding=st.sampled_from(["gb18030", "gbk", "big5", "utf-8"]))
def test_random_bytes_never_raise(data, encoding):
    decoded = decode(data, encoding)
    assert isinstance(decoded.text, str)
    assert len(decoded.lines) == len(decoded.styles)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.one_of(PIECES, st.binary(max_size=4)), max_size=60))
def test_command_shaped_garbage_never_raises(parts):
    data = b"".join(parts)
    decoded = decode(data, "gb18030")
    assert len(decoded.commands) <= len(data) + 1
