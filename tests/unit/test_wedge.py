"""Keyboard-wedge scanner timing: scans are bursts ending in Enter, people are slow."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from drivers.scanner import WedgeDecoder


def feed(decoder: WedgeDecoder, text: str, start_ms: float, gap_ms: float) -> float:
    """Keys `gap_ms` apart from `start_ms`; returns the time of the last key."""
    now = start_ms
    for i, ch in enumerate(text):
        now = start_ms + i * gap_ms
        decoder.push(ch, now)
    return now


def test_fast_burst_ending_in_enter_is_a_scan():
    d = WedgeDecoder()
    last = feed(d, "6901234567892", 1000, 8)
    assert d.enter(last + 10) == "6901234567892"
    assert d.pending == ""


def test_zero_gaps_count_as_a_burst():
    d = WedgeDecoder()
    last = feed(d, "12345678", 5, 0)
    assert d.enter(last) == "12345678"


def test_slow_typing_is_never_a_scan():
    d = WedgeDecoder()
    last = feed(d, "6901234567892", 0, 120)
    assert d.enter(last + 30) is None
    assert d.take() == "6901234567892"


def test_burst_followed_by_a_late_enter_is_not_a_scan():
    d = WedgeDecoder(gap_ms=50)
    last = feed(d, "12345678", 0, 5)
    assert d.enter(last + 200) is None
    assert d.pending == "12345678"


def test_too_short_burst_is_not_a_scan():
    d = WedgeDecoder(min_length=4)
    last = feed(d, "123", 0, 5)
    assert d.enter(last + 5) is None
    assert d.take() == "123"


def test_prefix_and_suffix_are_stripped_and_required():
    d = WedgeDecoder(prefix="]C", suffix="#")
    last = feed(d, "]C6901234567892#", 0, 4)
    assert d.enter(last + 4) == "6901234567892"
    last = feed(d, "6901234567892", 100, 4)
    assert d.enter(last + 4) is None  # no prefix: configured scanners always send it
    assert d.take() == "6901234567892"
    last = feed(d, "]C12#", 500, 4)
    assert d.enter(last + 4) is None  # the code itself is shorter than min_length


def test_human_keystroke_then_scan_when_the_caller_flushes():
    d = WedgeDecoder()
    d.push("5", 0)
    assert not d.expired(40)
    assert d.expired(300)
    assert d.take() == "5"
    last = feed(d, "6901234567892", 320, 6)
    assert d.enter(last + 6) == "6901234567892"


def test_human_keystroke_shortly_before_a_scan_stays_for_the_caller():
    # The caller's flush timer did not run (busy event loop): the person's "5"
    # is still buffered when the burst arrives, yet the burst is still a scan.
    d = WedgeDecoder()
    d.push("5", 0)
    last = feed(d, "6901234567892", 150, 6)
    assert d.enter(last + 6) == "6901234567892"
    assert d.take() == "5"


def test_expired_only_with_old_keys():
    d = WedgeDecoder(gap_ms=50)
    assert not d.expired(10_000)
    d.push("a", 100)
    assert not d.expired(150)
    assert d.expired(151)


def test_non_printable_keys_are_ignored_and_multi_char_text_is_split():
    d = WedgeDecoder()
    d.push("", 0)
    d.push("\r", 1)
    d.push("ab", 2)
    d.push("cd", 3)
    assert d.pending == "abcd"
    assert d.enter(5) == "abcd"


def test_enter_on_empty_buffer():
    assert WedgeDecoder().enter(0) is None


@pytest.mark.parametrize("kwargs", [{"gap_ms": 0}, {"min_length": 0}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        WedgeDecoder(**kwargs)


@given(
    code=st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=4, max_size=40),
    gaps=st.lists(st.floats(min_value=0, max_value=30), min_size=40, max_size=40),
)
def test_any_scanner_speed_burst_is_a_scan(code, gaps):
    d = WedgeDecoder(gap_ms=50)
    now = 1000.0
    for ch, gap in zip(code, gaps):
        now += gap
        d.push(ch, now)
    assert d.enter(now + gaps[-1]) == code


@given(
    text=st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=30),
    gaps=st.lists(st.floats(min_value=90, max_value=400), min_size=30, max_size=30),
)
def test_human_speed_typing_is_never_a_scan(text, gaps):
    d = WedgeDecoder(gap_ms=50)
    now = 0.0
    for ch, gap in zip(text, gaps):
        now += gap
        d.push(ch, now)
    assert d.enter(now + 10) is None
    assert d.take() == text
