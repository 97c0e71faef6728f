"""Periods, cost rounding and which cost price counts, without a database."""
from datetime import date, datetime, timezone

from app.services.reports.ledger import CostBook
from app.services.reports.measures import Measures, Period, ReportFilter, cost_of

UTC = timezone.utc


def test_previous_period_has_the_same_length_and_ends_the_day_before():
    month = Period(date(2026, 11, 1), date(2026, 11, 25))
    assert month.previous() == Period(date(2026, 10, 7), date(2026, 10, 31))
    assert Period(date(2026, 3, 1), date(2026, 3, 1)).previous().first == date(2026, 2, 28)


def test_cost_of_weighed_goods_rounds_half_up_to_the_fen():
    assert cost_of(1235, 800) == 988  # 1.235 kg at 8.00/kg
    assert cost_of(1005, 50) == 50  # 50.25 -> 50
    assert cost_of(1010, 50) == 51  # 50.5 -> 51
    assert cost_of(-1000, 333) == -333


def test_a_store_cost_wins_over_the_chain_and_dated_costs_apply_only_in_their_time():
    book = CostBook([
        ("p1", None, 200, None, None),
        ("p1", "store", 180, None, None),
        ("p2", None, 500, None, datetime(2026, 6, 1)),
        ("p2", None, 550, datetime(2026, 6, 1), None),
    ])
    assert book.unit_cost("p1", datetime(2026, 1, 1, tzinfo=UTC)) == 180
    assert book.unit_cost("p2", datetime(2026, 5, 31, tzinfo=UTC)) == 500
    assert book.unit_cost("p2", datetime(2026, 6, 2, tzinfo=UTC)) == 550
    assert book.unit_cost("unknown", datetime(2026, 6, 2, tzinfo=UTC)) == 0


def test_filters_that_pick_sales_are_told_apart_from_a_category():
    assert not ReportFilter(category_code="饮料").on_sales
    assert ReportFilter(channel="online").on_sales


def test_net_and_margin_subtract_returns_and_cost():
    m = Measures(amount_fen=1000, returns_fen=200, cost_fen=500)
    m.add(Measures(amount_fen=100))
    assert (m.net_fen, m.margin_fen) == (900, 400)
