"""Scale labels: the common layouts, flags, PLU, price or weight, check digits."""
import pytest

from app.domain.money import Money
from app.domain.quantity import Quantity, extend
from app.domain.scale_barcode import (
    COMMON_LAYOUTS, ScaleBarcodeError, ScaleLayout, layouts_by_name, make_code, read_any,
    read_scale_code, weight_for_label_price,
)
from app.services.checkout_pricing import scale_product
from app.domain.cart import ProductSnapshot


def test_price_label_reads_plu_and_price():
    code = make_code(COMMON_LAYOUTS["ean13_plu5_price"], "1001", 1581)
    assert code.startswith("2001001") and len(code) == 13
    read = read_scale_code(code, COMMON_LAYOUTS["ean13_plu5_price"])
    assert (read.plu, read.price, read.weight) == ("01001", Money(1581), None)
    assert read.plu_keys == ("01001", "1001")


def test_weight_label_reads_grams():
    code = make_code(COMMON_LAYOUTS["ean13_plu5_weight"], "1001", 535)
    assert read_any(code, COMMON_LAYOUTS.values()).layout in ("ean13_plu5_price", "ean13_plu5_weight")
    read = read_scale_code(code, COMMON_LAYOUTS["ean13_plu5_weight"])
    assert read.weight == Quantity(535)


def test_eighteen_digit_label_has_weight_and_price():
    layout = COMMON_LAYOUTS["code18_plu5_weight_price"]
    code = make_code(layout, "1001", 1235, 1581)
    assert len(code) == 18
    read = read_scale_code(code, layout)
    assert (read.weight, read.price) == (Quantity(1235), Money(1581))


def test_wrong_flag_length_or_check_digit_is_not_a_scale_code():
    layout = COMMON_LAYOUTS["ean13_plu5_price"]
    good = make_code(layout, "1001", 1581)
    bad_check = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert read_scale_code(bad_check, layout) is None
    assert read_scale_code("6901001015815", layout) is None
    assert read_scale_code(good[:-1], layout) is None
    no_check = ScaleLayout("no_check", 13, ("2",), 1, 6, 7, 6, "price", 2, check_digit=False)
    assert read_scale_code(bad_check, no_check).price is not None


def test_layouts_are_checked():
    with pytest.raises(ScaleBarcodeError):
        ScaleLayout("bad", 14, ("2",), 1, 6, 7, 5, "price", 2)
    with pytest.raises(ScaleBarcodeError):
        ScaleLayout("bad", 13, ("2",), 1, 6, 7, 6, "price", 2)  # runs into the check digit
    with pytest.raises(ScaleBarcodeError, match="unknown"):
        layouts_by_name(["nope"])


@pytest.mark.parametrize("price,unit", [(1581, 1280), (999, 8800), (1, 1280), (99999, 350)])
def test_label_price_is_what_the_customer_pays(price, unit):
    weight, per_kg = weight_for_label_price(Money(price), Money(unit))
    assert extend(per_kg, weight) == Money(price)


@pytest.mark.parametrize("grams,label_fen", [(1235, 1581), (1235, 1590), (535, 685)])
def test_scale_product_charges_the_label_amount(grams, label_fen):
    """The customer pays what the label says; the printed weight is kept whenever a
    per-kg price reaches the amount exactly, else it moves by a few grams."""
    apple = ProductSnapshot("p", "F1", "", "苹果", Money(1280), 900, "kg", True)
    layout = COMMON_LAYOUTS["code18_plu5_weight_price"]
    read = read_scale_code(make_code(layout, "1001", grams, label_fen), layout)
    product, quantity = scale_product(apple, read)
    assert extend(product.unit_price, quantity) == Money(label_fen)
    assert abs(quantity.milli - grams) <= 5
