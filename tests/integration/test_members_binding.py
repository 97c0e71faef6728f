"""Exclusive salesperson (专属导购) binding rules, and who is credited with a sale."""
from __future__ import annotations

import pytest

from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.services.members.program import load_program, save_program
from app.services.members.salespeople import credited_salesperson
from tests.integration.test_members_support import program  # noqa: F401


def _set_rule(program, rule, days=30):
    with program.sessions.begin() as s:
        save_program(s, program.ctx.store_id, load_program(s, program.ctx.store_id),
                     program.clock.now(), allowed=True, binding_rule=rule,
                     binding_protection_days=days)


def _rebind_by_qr(program, member_id, user_code):
    return program.salespeople.bind(member_id, program.salesperson_id(user_code), "qr", None)


def test_first_binding_wins_until_a_manager_rebinds_with_a_reason(program, sessions):
    member_id = program.member_id("13800001234")  # bound to 1001 at registration
    with pytest.raises(NotAllowed, match="already has an exclusive salesperson"):
        _rebind_by_qr(program, member_id, "9001")
    with pytest.raises(NotAllowed):
        program.salespeople.bind(member_id, program.salesperson_id("9001"), "manager",
                                 program.ids["cashier"], allowed=False, reason="moved")
    with pytest.raises(InvalidInput, match="why"):
        program.salespeople.bind(member_id, program.salesperson_id("9001"), "manager",
                                 program.ids["manager"], allowed=True)
    result = program.salespeople.bind(member_id, program.salesperson_id("9001"), "manager",
                                      program.ids["manager"], allowed=True, reason="导购离职")
    assert result.changed and result.previous_id == program.salesperson_id("1001")
    history = program.salespeople.binding_history(member_id)
    assert [(h.source, h.reason, h.by_user_id) for h in history] == [
        ("registration", "", None), ("manager", "导购离职", program.ids["manager"])]


def test_latest_binding_wins_when_the_store_says_so(program):
    _set_rule(program, "latest")
    member_id = program.member_id("13800001234")
    result = _rebind_by_qr(program, member_id, "9001")
    assert result.changed
    assert program.members.find_by_phone("13800001234").salesperson_id == program.salesperson_id("9001")


def test_protection_period_blocks_rebinding_for_n_days(program, clock):
    _set_rule(program, "protect", days=30)
    member_id = program.member_id("15800002468")  # never bound
    assert _rebind_by_qr(program, member_id, "1001").changed  # first binding always allowed
    clock.advance(days=29)
    with pytest.raises(NotAllowed):
        _rebind_by_qr(program, member_id, "9001")
    clock.advance(days=1)
    assert _rebind_by_qr(program, member_id, "9001").changed


def test_salesperson_found_by_badge_code_or_binding_qr(program):
    person = program.salespeople.by_scan("29001001")
    assert person.name == "张丽"
    assert program.salespeople.by_scan("SP1001").id == person.id
    assert program.salespeople.by_scan(person.binding_qr).id == person.id
    with pytest.raises(NotFound, match="badge"):
        program.salespeople.by_scan("29009999")


def test_credit_goes_to_line_then_sale_then_exclusive_salesperson():
    assert credited_salesperson("line", "sale", "own") == "line"
    assert credited_salesperson(None, "sale", "own") == "sale"
    assert credited_salesperson(None, None, "own") == "own"
    assert credited_salesperson(None, None, None) is None


def test_enrolling_a_salesperson_needs_a_manager(program):
    with pytest.raises(NotAllowed):
        program.salespeople.enroll(program.ids["cashier"], "SPX", "2900X", allowed=False)
    with pytest.raises(InvalidInput, match="already"):
        program.salespeople.enroll(program.ids["cashier"], "SPX", "2900X", allowed=True)
