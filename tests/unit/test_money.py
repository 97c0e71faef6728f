from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from app.domain.money import Money, MoneyError, allocate_largest_remainder, money_sum

fen = st.integers(min_value=-10**12, max_value=10**12)


def test_format_has_symbol_thousands_and_two_decimals():
    assert Money(123450).format() == "¥1,234.50"
    assert Money(5).format() == "¥0.05"
    assert Money(-199).format() == "-¥1.99"
    assert Money(0).plain() == "0.00"


@pytest.mark.parametrize("text,expected", [
    ("12", 1200), ("12.5", 1250), ("¥1,234.50", 123450), ("０.01".replace("０", "0"), 1),
    ("  100 ", 10000), ("￥8", 800), ("3元", 300),
])
def test_parse_reads_amounts_people_type(text, expected):
    assert Money.parse(text) == Money(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.234", "NaN", "inf", "1e400x"])
def test_parse_refuses_what_is_not_money(text):
    with pytest.raises(MoneyError):
        Money.parse(text)


def test_money_refuses_floats():
    with pytest.raises(MoneyError):
        Money(1.5)  # type: ignore[arg-type]


@given(fen)
def test_format_then_parse_round_trips(value):
    assert Money.parse(Money(value).format()) == Money(value)


@given(fen, fen, fen)
def test_addition_is_associative_and_subtraction_undoes_it(a, b, c):
    x, y, z = Money(a), Money(b), Money(c)
    assert (x + y) + z == x + (y + z)
    assert (x + y) - y == x


@given(st.integers(min_value=-10**9, max_value=10**9),
       st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=50))
def test_allocation_always_adds_up_and_is_proportional(total, weights):
    parts = allocate_largest_remainder(total, weights)
    assert sum(parts) == total
    weight_sum = sum(weights) or len(weights)
    effective = weights if sum(weights) else [1] * len(weights)
    for part, w in zip(parts, effective):
        exact = Decimal(total) * w / weight_sum
        assert abs(Decimal(part) - exact) < 1


def test_allocation_gives_leftover_to_largest_remainders():
    assert allocate_largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate_largest_remainder(-100, [1, 1, 1]) == [-34, -33, -33]
    assert Money(1000).allocate([300, 700]) == [Money(300), Money(700)]


def test_times_rounds_half_up_once():
    assert Money(350).times(Decimal("0.5")) == Money(175)
    assert Money(1).times(Decimal("0.5")) == Money(1)
    assert money_sum([Money(1), Money(2)]) == Money(3)
