"""Points expiry: spending takes the soonest-expiring points first; what is left in an
expired lot is no longer available and is written off by the expiry job."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.services.members.points import (
    balance_of, expire_all_due, max_redeem_fen, points_balance, points_earned,
)
from app.services.members.program import ProgramSettings

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)


def test_spending_uses_the_points_that_expire_first():
    soon, later = NOW + timedelta(days=10), NOW + timedelta(days=300)
    moves = [(500, later), (300, soon), (-400, None)]
    assert balance_of(moves, NOW).available == 400
    # 10 days on, the early lot is used up by the spend: nothing expires
    assert balance_of(moves, NOW + timedelta(days=11)).available == 400
    # a year on, the rest of the later lot has expired too
    assert balance_of(moves, NOW + timedelta(days=301)).available == 0


def test_expired_points_are_not_available_until_written_off():
    moves = [(1000, NOW - timedelta(days=1)), (200, None), (-300, None)]
    bal = balance_of(moves, NOW)
    assert (bal.total, bal.available, bal.due_to_expire) == (900, 200, 700)
    written = balance_of(moves + [(-700, None)], NOW)
    assert (written.total, written.available, written.due_to_expire) == (200, 200, 0)


def test_earning_counts_whole_yuan_times_level_and_birthday():
    settings = ProgramSettings(points_per_yuan=1, birthday_multiplier_pct=200)
    assert points_earned(12_999, settings, 100, birthday_month=False) == 129
    assert points_earned(12_999, settings, 150, birthday_month=True) == 389
    assert points_earned(0, settings, 150, birthday_month=True) == 0


def test_redeem_respects_the_minimum_order_the_cap_and_the_balance():
    settings = ProgramSettings(redeem_points_per_yuan=100, redeem_cap_bp=3000, redeem_min_order_fen=2000)
    assert max_redeem_fen(1999, 10_000, settings) == 0
    assert max_redeem_fen(10_000, 10_000, settings) == 3000
    assert max_redeem_fen(10_000, 1234, settings) == 1234
    fifty = ProgramSettings(redeem_points_per_yuan=50, redeem_cap_bp=10000, redeem_min_order_fen=0)
    assert max_redeem_fen(10_000, 101, fifty) == 202  # 2 fen per point


def test_the_expiry_job_writes_off_every_due_member(engine, sessions, clock):
    from tests.integration.test_members_support import build_program
    program = build_program(engine, sessions, clock)  # demo points expire in a year
    clock.advance(days=366)
    assert expire_all_due(sessions, program.ctx.store_id, None, clock.now()) == 5
    with sessions() as s:
        member_id = program.member_id("13800001234")
        assert points_balance(s, member_id, clock.now()).total == 0
    assert expire_all_due(sessions, program.ctx.store_id, None, clock.now()) == 0
