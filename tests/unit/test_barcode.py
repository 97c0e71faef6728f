import pytest
from hypothesis import given, strategies as st

from app.domain.barcode import (
    BarcodeError, complete_ean13, complete_ean8, gtin_check_digit, has_valid_check_digit, read_code,
)


@pytest.mark.parametrize("code", ["6901028075480", "6920459905012", "96385074", "036000291452",
                                  "4006381333931"])
def test_real_codes_have_valid_check_digits(code):
    assert has_valid_check_digit(code)


def test_check_digit_arithmetic():
    assert gtin_check_digit("690102807548") == 0
    assert complete_ean13("400638133393") == "4006381333931"
    assert complete_ean8("9638507") == "96385074"


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(1, 9))
def test_any_single_digit_error_in_the_check_digit_is_caught(body, delta):
    good = complete_ean13(body)
    bad = good[:-1] + str((int(good[-1]) + delta) % 10)
    assert has_valid_check_digit(good)
    assert not has_valid_check_digit(bad)


def test_read_code_cleans_scanner_noise_and_classifies():
    assert read_code(" 6901028075480\r\n").symbology == "EAN-13"
    assert read_code("036000291452").lookup_keys == ("036000291452", "0036000291452")
    assert read_code("d0001").code == "D0001"


@pytest.mark.parametrize("raw,reason", [
    ("", "empty code"), ("  \t", "empty code"), ("6901028075481", "wrong check digit"),
    ("9" * 60, "code too long"), ("可乐", "code has characters no barcode has"),
    ("12;34", "code has characters no barcode has"),
])
def test_read_code_refuses_garbage_with_a_reason(raw, reason):
    with pytest.raises(BarcodeError) as info:
        read_code(raw)
    assert info.value.reason == reason
