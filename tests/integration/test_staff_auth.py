"""Login by PIN or badge, lockout after repeated failures, idle lock, quick switch."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.db.models import User
from app.services.audit import AuditFilter
from app.services.auth import StaffLocked, WrongCredentials, _hasher
from tests.integration.test_staff_helpers import CASHIER_BADGE, make_world


@pytest.fixture
def world(engine, sessions, clock):
    return make_world(engine, sessions, clock, max_failures=3, lockout_minutes=10,
                      idle_lock_seconds=120)


def test_login_by_code_and_pin_and_by_badge(world):
    assert world.auth.login("1001", "1111").name == "张丽"
    assert world.auth.login_badge(CASHIER_BADGE).code == "1001"
    assert world.auth.verify(CASHIER_BADGE, "").code == "1001"
    actions = [(e.action, e.details["by"]) for e in world.audit.entries(AuditFilter(action_prefix="login"))]
    assert actions == [("login", "badge"), ("login", "badge"), ("login", "pin")]


def test_a_badge_can_be_made_to_need_the_pin(engine, sessions, clock):
    w = make_world(engine, sessions, clock, badge_requires_pin=True)
    with pytest.raises(WrongCredentials):
        w.auth.login_badge(CASHIER_BADGE)
    assert w.auth.login_badge(CASHIER_BADGE, "1111").code == "1001"


def test_an_unknown_badge_or_user_is_refused_and_audited(world):
    with pytest.raises(WrongCredentials, match="Wrong user or PIN"):
        world.auth.login_badge("NOT-A-BADGE")
    with pytest.raises(WrongCredentials):
        world.auth.login("7777", "1111")
    failed = world.audit.entries(AuditFilter(action_prefix="login.failed"))
    assert [e.subject for e in failed] == ["7777", "NOT-A-BADGE"]


def test_lockout_after_repeated_wrong_pins_then_unlocks_after_the_wait(world, clock):
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            world.auth.login("1001", "0000")
    with pytest.raises(StaffLocked, match="张丽 is locked .* Try again in 10 min"):
        world.auth.login("1001", "0000")
    # the right PIN does not help while locked, nor does the badge
    with pytest.raises(StaffLocked):
        world.auth.login("1001", "1111")
    with pytest.raises(StaffLocked):
        world.auth.login_badge(CASHIER_BADGE)
    clock.advance(minutes=4)
    with pytest.raises(StaffLocked, match="Try again in 6 min"):
        world.auth.login("1001", "1111")
    clock.advance(minutes=6)
    assert world.auth.login("1001", "1111").code == "1001"
    assert world.auth.lock_remaining("1001") == timedelta(0)
    actions = [e.action for e in world.audit.entries(AuditFilter(actor_code="1001"))]
    assert actions.count("login.failed") == 3 and actions.count("login.locked") == 3


def test_lockout_survives_a_restart_of_the_till(world, engine, sessions, clock):
    from app.services.auth import AuthService
    for _ in range(3):
        with pytest.raises((WrongCredentials, StaffLocked)):
            world.auth.login("1001", "0000")
    restarted = AuthService(sessions, world.ctx.store_id, None, clock, max_failures=3)
    with pytest.raises(StaffLocked):
        restarted.login("1001", "1111")


def test_a_good_login_resets_the_failure_count(world):
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            world.auth.login("1001", "0000")
    world.auth.login("1001", "1111")
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            world.auth.login("1001", "0000")
    assert world.auth.login("1001", "1111").code == "1001"


def test_a_manager_unlocks_a_locked_cashier(world):
    for _ in range(3):
        with pytest.raises((WrongCredentials, StaffLocked)):
            world.auth.login("1001", "0000")
    world.admin.unlock(world.manager, "1001")
    assert world.auth.login("1001", "1111").code == "1001"
    assert world.audit.entries(AuditFilter(action_prefix="staff.unlocked"))[0].actor_code == "9001"


def test_idle_lock_policy(world, clock):
    last = clock.now()
    clock.advance(seconds=119)
    assert not world.auth.is_idle(last)
    clock.advance(seconds=1)
    assert world.auth.is_idle(last)


def test_quick_switch_authenticates_and_is_audited_as_a_switch(world):
    assert world.auth.switch_user("5001", "5555").code == "5001"
    assert world.audit.entries(AuditFilter(action_prefix="login"))[0].action == "login.switch"


def test_pins_are_stored_as_argon2_hashes(world, sessions):
    with sessions() as s:
        stored = s.scalar(select(User.pin_hash).where(User.code == "1001"))
    assert stored.startswith("$argon2id$") and "1111" not in stored
    assert _hasher.verify(stored, "1111")
