import pytest

from app.domain.money import Money
from app.domain.quantity import Quantity, QuantityError, extend


def test_parse_whole_and_weighed():
    assert Quantity.parse("3") == Quantity(3000)
    assert Quantity.parse("1.235", weighed=True) == Quantity(1235)
    assert Quantity(1235).format() == "1.235" and Quantity(2000).format() == "2"


@pytest.mark.parametrize("text,weighed", [("0", False), ("-1", False), ("1.5", False),
                                          ("1.2345", True), ("abc", False), ("100000", False)])
def test_parse_refuses_bad_quantities(text, weighed):
    with pytest.raises(QuantityError):
        Quantity.parse(text, weighed=weighed)


def test_extend_rounds_half_up():
    assert extend(Money(1280), Quantity(1235)) == Money(1581)
    assert extend(Money(350), Quantity(3000)) == Money(1050)
