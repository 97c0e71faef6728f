import pytest
from hypothesis import given, strategies as st

from app.domain.cart import Cart, CartError, ProductSnapshot, tax_included
from app.domain.money import Money
from app.domain.quantity import Quantity, QuantityError, extend

COLA = ProductSnapshot("p1", "D1", "6901028075480", "可口可乐", Money(350), 1300, "罐")
APPLE = ProductSnapshot("p2", "F1", "", "红富士苹果", Money(1280), 900, "kg", is_weighed=True)


def test_repeat_scan_raises_quantity_of_last_line():
    cart = Cart()
    cart.add(COLA)
    cart.add(COLA)
    assert len(cart) == 1 and cart.lines[0].quantity == Quantity.units(2)
    assert cart.total == Money(700)


def test_weighed_lines_never_merge_and_round_once():
    cart = Cart()
    cart.add(APPLE, Quantity(1235))  # 1.235 kg x 12.80 = 15.808 -> 15.81
    cart.add(APPLE, Quantity(500))
    assert len(cart) == 2
    assert cart.lines[0].amount == Money(1581)
    assert cart.piece_count == 2


def test_refused_changes_leave_the_cart_unchanged():
    cart = Cart()
    line = cart.add(COLA)
    with pytest.raises(QuantityError):
        cart.set_quantity(line.line_id, Quantity(1500))  # half a can
    with pytest.raises(QuantityError):
        cart.set_quantity(line.line_id, Quantity(0))
    with pytest.raises(CartError):
        cart.remove("nope")
    assert cart.lines == (line,)


def test_tax_is_contained_in_the_price():
    assert tax_included(Money(113), 1300) == Money(13)
    assert tax_included(Money(109), 900) == Money(9)
    assert tax_included(Money(100), 0) == Money(0)


products = st.builds(
    ProductSnapshot, product_id=st.sampled_from(["a", "b", "c"]), sku_code=st.just("X"),
    barcode=st.just(""), name=st.just("x"), unit_price=st.integers(0, 10**6).map(Money),
    tax_rate_bp=st.sampled_from([0, 900, 1300]), unit=st.just("个"), is_weighed=st.booleans(),
)


@given(st.lists(st.tuples(products, st.integers(1, 50_000)), max_size=40))
def test_total_is_sum_of_line_amounts_and_tax_by_rate(items):
    cart = Cart()
    for product, milli in items:
        qty = Quantity(milli) if product.is_weighed else Quantity.units(milli % 20 + 1)
        cart.add(product, qty)
    assert cart.total == Money(sum(extend(l.product.unit_price, l.quantity).fen for l in cart.lines))
    assert cart.tax_total == Money(sum(m.fen for m in cart.tax_by_rate().values()))
    assert all(l.amount.fen >= 0 for l in cart.lines)
