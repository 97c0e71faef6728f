"""Property tests of the member ledgers, top-up bonuses and commission, through the services."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, event, given, settings, strategies as st
from sqlalchemy import func, select

from app.db.models_members import PointsMove, SalesCredit, StoredValueMove
from app.domain.ids import new_id
from app.domain.money import Money
from app.services.errors import ServiceError
from app.services.members.commission import CreditLine, RuleData, commission_for, pick_rule
from app.services.members.members import Registration
from app.services.members.points import add_points_move, expire_due, points_balance
from app.services.members.program import load_program, save_program
from app.services.members.sales import on_refund_completed, on_sale_completed
from app.services.members.stored_value import TopUpRuleData, bonus_for, split_payment, sv_balance
from tests.integration.test_members_support import build_program, write_refund, write_sale

DB_SETTINGS = settings(max_examples=30, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture,
                                              HealthCheck.too_slow])
_phones = itertools.count(13300000000)
_seqs = itertools.count(100)


def _new_member(program) -> str:
    return program.members.register(Registration(str(next(_phones)), "测试", None, True)).id


def _allow_overdraft(program, points: int, fen: int) -> None:
    with program.sessions.begin() as s:
        save_program(s, program.ctx.store_id, load_program(s, program.ctx.store_id),
                     program.clock.now(), allowed=True, offline_overdraft_points=points,
                     offline_overdraft_fen=fen, offline_daily_points_cap=3000,
                     offline_daily_stored_value_cap_fen=30_000)


points_steps = st.lists(st.one_of(
    st.tuples(st.just("earn"), st.integers(1, 3000)),
    st.tuples(st.just("redeem"), st.integers(1, 12).map(lambda n: n * 100), st.booleans()),
    st.tuples(st.just("days"), st.integers(1, 400)),
    st.tuples(st.just("give_back"), st.integers(1, 20).map(lambda n: n * 100)),
), max_size=25)


def test_points_never_go_below_zero_through_the_till_unless_flagged(engine, sessions, clock):
    program = build_program(engine, sessions, clock)
    _allow_overdraft(program, points=300, fen=0)

    @DB_SETTINGS
    @given(points_steps)
    def run(steps):
        member_id, sales = _new_member(program), []
        for step in steps:
            _points_step(program, member_id, step, sales)
            with sessions() as s:
                bal = points_balance(s, member_id, clock.now())
                flagged = s.scalar(select(func.count()).where(PointsMove.member_id == member_id,
                                                               PointsMove.overdraft.is_(True)))
            assert bal.available <= bal.total
            if not flagged:
                assert bal.available >= 0 and bal.total >= 0
            else:
                assert bal.total >= -300 * flagged
    run()


def _points_step(program, member_id, step, sales):
    kind, now = step[0], program.clock.now()
    with program.sessions.begin() as s:
        if kind == "earn":
            add_points_move(s, member_id=member_id, points=step[1], kind="earn", store_id=program.ctx.store_id,
                            terminal_id=None, now=now, expires_at=now.replace(year=now.year + 1))
        elif kind == "days":
            program.clock.advance(days=step[1])
            expire_due(s, member_id, program.ctx.store_id, None, program.clock.now())
        elif kind == "redeem":
            program.online[0] = step[2]
            sale_id = new_id()
            try:
                auth = program.tenders.authorize_points(member_id, Money(step[1]), sale_id, Money(100_000))
                program.tenders.capture(s, auth, order_total=Money(100_000))
                sales.append(sale_id)
                event("points overdraft" if auth.overdraft else "points redeemed")
            except ServiceError:
                pass  # refused at the till: nothing written
            program.online[0] = True
        elif kind == "give_back" and sales:
            try:
                program.tenders.refund_points(s, sales[-1], Money(step[1]), new_id())
            except ServiceError:
                pass


sv_steps = st.lists(st.one_of(
    st.tuples(st.just("topup"), st.integers(1, 120_000)),
    st.tuples(st.just("pay"), st.integers(1, 60_000), st.booleans()),
    st.tuples(st.just("give_back"), st.integers(1, 60_000)),
    st.tuples(st.just("days"), st.integers(1, 3)),
), max_size=20)


def test_stored_value_never_goes_below_zero_through_the_till_unless_flagged(engine, sessions, clock):
    program = build_program(engine, sessions, clock)
    _allow_overdraft(program, points=0, fen=5_000)

    @DB_SETTINGS
    @given(sv_steps)
    def run(steps):
        member_id, sales = _new_member(program), []
        for step in steps:
            _sv_step(program, member_id, step, sales)
            with sessions() as s:
                bal = sv_balance(s, member_id)
                flagged = s.scalar(select(func.count()).where(StoredValueMove.member_id == member_id,
                                                               StoredValueMove.overdraft.is_(True)))
            if not flagged:
                assert bal.principal.fen >= 0 and bal.bonus.fen >= 0
            else:
                assert bal.total.fen >= -5_000 * flagged
    run()


def _sv_step(program, member_id, step, sales):
    kind = step[0]
    if kind == "topup":
        program.stored_value.top_up(member_id, Money(step[1]), "cash", program.ids["cashier"], new_id())
    elif kind == "days":
        program.clock.advance(days=step[1])
    elif kind == "pay":
        program.online[0] = step[2]
        sale_id = new_id()
        try:
            auth = program.tenders.authorize_stored_value(member_id, Money(step[1]), sale_id)
            with program.sessions.begin() as s:
                program.tenders.capture(s, auth)
            sales.append(sale_id)
            event("stored value overdraft" if auth.overdraft else "stored value paid")
        except ServiceError:
            pass
        program.online[0] = True
    elif kind == "give_back" and sales:
        try:
            with program.sessions.begin() as s:
                program.tenders.refund_stored_value(s, sales[-1], Money(step[1]), new_id())
        except ServiceError:
            pass


rules_st = st.lists(st.builds(TopUpRuleData, threshold_fen=st.integers(1, 200_000),
                              bonus_fen=st.integers(0, 50_000), repeatable=st.booleans()), max_size=5)


@given(rules_st, st.integers(0, 1_000_000), st.integers(0, 1_000_000))
def test_top_up_bonus_is_the_best_rule_and_never_shrinks_with_more_money(rules, a, b):
    low, high = sorted((a, b))
    assert bonus_for(low, rules) <= bonus_for(high, rules)
    reached = [r for r in rules if low >= r.threshold_fen]
    if not reached:
        assert bonus_for(low, rules) == 0
    for rule in reached:
        times = low // rule.threshold_fen if rule.repeatable else 1
        assert bonus_for(low, rules) >= rule.bonus_fen * times
    assert bonus_for(low, rules) in {0} | {r.bonus_fen * (low // r.threshold_fen if r.repeatable else 1)
                                           for r in reached}


@given(st.integers(1, 10**7), st.integers(0, 10**7), st.integers(0, 10**7))
def test_a_payment_splits_into_principal_and_bonus_that_add_up(amount, principal, bonus):
    p, b = split_payment(amount, principal, bonus)
    assert p + b == amount and p >= 0 and b >= 0
    assert b <= bonus
    if amount <= principal + bonus:
        assert p <= principal


def test_top_up_through_the_till_adds_exactly_principal_plus_bonus(engine, sessions, clock):
    program = build_program(engine, sessions, clock)  # demo rules: 200->20, 500->80, 1000->200

    @DB_SETTINGS
    @given(st.integers(1, 300_000))
    def run(amount):
        member_id = _new_member(program)
        result = program.stored_value.top_up(member_id, Money(amount), "cash", program.ids["cashier"], new_id())
        expected = bonus_for(amount, [TopUpRuleData(20_000, 2_000), TopUpRuleData(50_000, 8_000),
                                      TopUpRuleData(100_000, 20_000)])
        assert (result.balance.principal.fen, result.balance.bonus.fen) == (amount, expected)
    run()


ITEMS = [("A0001", "服装"), ("D0001", "饮料"), ("S0001", "休闲零食")]
lines_st = st.lists(st.tuples(st.sampled_from(ITEMS), st.integers(1, 5), st.integers(1, 50_000),
                              st.lists(st.integers(1, 5), max_size=3)), min_size=1, max_size=5)


def test_commission_is_the_sum_over_lines_minus_returns(engine, sessions, clock):
    program = build_program(engine, sessions, clock)
    seller = program.salesperson_id("1001")

    @DB_SETTINGS
    @given(lines_st)
    def run(lines):
        with sessions() as s:
            from app.services.members.commission import load_rules
            rules = load_rules(s)
        with sessions.begin() as s:
            sale = write_sale(s, program, [(sku, qty * 1000, amount) for (sku, _), qty, amount, _ in lines],
                              seq=next(_seqs))
            on_sale_completed(s, sale.id, clock.now(), sale_salesperson_id=seller)
            sale_lines = sorted(sale.lines, key=lambda l: l.line_no)
        expected = 0
        for line, ((sku, top), qty, amount, parts) in zip(sale_lines, lines):
            credit = CreditLine(sku, (top,), amount, qty * 1000)
            expected += commission_for(pick_rule(rules, credit, clock.now()), credit)
        returned = _return_in_parts(program, sale.id, sale_lines, lines)
        with sessions() as s:
            net = s.scalar(select(func.sum(SalesCredit.commission_fen)).where(SalesCredit.sale_id == sale.id))
            sold = s.scalar(select(func.sum(SalesCredit.commission_fen)).where(
                SalesCredit.sale_id == sale.id, SalesCredit.refund_id.is_(None)))
        assert sold == expected
        if returned == "all":
            assert net == 0
        assert 0 <= net <= sold
    run()


def _return_in_parts(program, sale_id, sale_lines, lines) -> str:
    """Return each line piece by piece as the parts say; 'all' when every piece came back."""
    everything = True
    for line, (_, qty, amount, parts) in zip(sale_lines, lines):
        left_qty, left_amount = qty, amount
        for part in parts:
            take = min(part, left_qty)
            if take <= 0:
                break
            fen = amount * take // qty if take < left_qty else left_amount
            with program.sessions.begin() as s:
                refund = write_refund(s, program, sale_id, [(line.id, take * 1000, fen)], seq=next(_seqs))
                on_refund_completed(s, refund.id, program.clock.now())
            left_qty, left_amount = left_qty - take, left_amount - fen
        everything = everything and left_qty == 0
    return "all" if everything else "part"


@given(st.integers(0, 10**6), st.integers(0, 10_000), st.integers(1, 10**6))
def test_percent_commission_rounds_half_up(amount, rate, _):
    rule = RuleData("r", "r", "percent", rate_bp=rate)
    got = commission_for(rule, CreditLine("X", (), amount, 1000))
    assert abs(got * 10000 - amount * rate) <= 5000
