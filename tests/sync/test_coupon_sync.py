"""Coupons issued at store A are redeemable at store B (issue 7): they come down the
change log by id; a coupon used at one store is used at the others once they sync;
two tills taking the same coupon offline are listed by the cloud for head office."""
from __future__ import annotations

from datetime import timedelta

import pytest
import requests

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.domain.ids import new_id
from app.services.context import load_context
from app.services.errors import StateError
from app.services.members.coupons import CouponSpec, check_usable, redeem_in_session
from app.services.members.members import Registration
from app.services.members.wiring import MemberServices
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.sync.tills import make_till


class Shop:
    def __init__(self, till, sessions, clock) -> None:
        self.till, self.sessions, self.clock = till, sessions, clock
        self.ctx = load_context(sessions, till.tenant.store, till.tenant.terminal)
        self.members = MemberServices.build(sessions, self.ctx, clock)

    def sync(self) -> None:
        assert self.till.client.push_once().rejected == 0
        self.till.client.pull_once()

    def redeem(self, code: str, member_id: str, amount_fen: int) -> str:
        """What checkout does with a coupon on a sale: check it, then use it."""
        sale_id = new_id()
        with self.sessions.begin() as s:
            coupon = self.members.coupons.by_code(code)
            check_usable(coupon, member_id, self.clock.now())
            redeem_in_session(s, coupon, sale_id, amount_fen, self.ctx.terminal_id,
                              self.clock.now())
        return sale_id


@pytest.fixture
def shop_a(till, sessions, clock):
    return Shop(till, sessions, clock)


@pytest.fixture
def shop_b(cloud_db, cloud_server, shop_a, tmp_path, clock):
    tenant = make_tenant(cloud_db.database, cloud_server.base_url,
                         merchant=shop_a.till.tenant.merchant)
    path = tmp_path / "store-b.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    till = make_till(engine, sessions, clock, tenant)
    yield Shop(till, sessions, clock)
    till.client.close()
    engine.dispose()


def _member_with_coupon(shop: Shop, phone: str) -> tuple[str, str]:
    member_id = shop.members.members.register(Registration(
        phone=phone, name="王芳", birthday=None, consent=True)).id
    now = shop.clock.now()
    coupon = shop.members.coupons.issue(member_id, CouponSpec(
        "满100减10", "cash_off", 1000, now - timedelta(days=1), now + timedelta(days=30),
        threshold_fen=10000), allowed=True)
    return member_id, coupon.code


def _double_redemptions(shop: Shop) -> list[dict]:
    tenant = shop.till.tenant
    answer = requests.get(f"{tenant.base_url}/api/v1/admin/coupons/double-redemptions",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()["coupons"]


def test_a_coupon_issued_at_a_is_redeemed_at_b_and_then_used_at_a(shop_a, shop_b):
    member_id, code = _member_with_coupon(shop_a, "13811114444")
    shop_a.sync()
    shop_b.sync()
    [coupon] = shop_b.members.coupons.for_member(member_id)
    assert (coupon.code, coupon.value, coupon.threshold_fen, coupon.used) == (
        code, 1000, 10000, False)

    shop_b.redeem(code, member_id, 1000)
    shop_b.sync()
    assert shop_a.members.coupons.by_code(code).used is False  # A has not pulled yet
    shop_a.sync()
    assert shop_a.members.coupons.by_code(code).used is True
    with pytest.raises(StateError):
        shop_a.redeem(code, member_id, 1000)
    assert _double_redemptions(shop_a) == []

    shop_b.sync()  # B pulls its own redemption back: still one use, nothing doubled
    assert shop_b.members.coupons.for_member(member_id) == []


def test_the_same_coupon_taken_at_two_stores_offline_is_listed(shop_a, shop_b):
    member_id, code = _member_with_coupon(shop_a, "13811115555")
    shop_a.sync()
    shop_b.sync()
    sale_a = shop_a.redeem(code, member_id, 1000)  # both offline: each till allows one use
    sale_b = shop_b.redeem(code, member_id, 1000)
    with pytest.raises(StateError):
        shop_b.redeem(code, member_id, 1000)  # but only one per till
    shop_a.sync()
    shop_b.sync()
    shop_a.sync()

    [flagged] = _double_redemptions(shop_a)
    assert (flagged["code"], flagged["member_id"], flagged["times_redeemed"],
            flagged["amount_fen"]) == (code, member_id, 2, 2000)
    assert sorted((r["store"], r["sale_id"]) for r in flagged["redemptions"]) == sorted([
        (shop_a.till.tenant.store, sale_a), (shop_b.till.tenant.store, sale_b)])
    # each till keeps its own redemption; neither counts the coupon twice
    assert shop_a.members.coupons.by_code(code).used is True
    assert shop_b.members.coupons.by_code(code).used is True


def test_another_merchant_sees_none_of_the_double_redemptions(shop_a, shop_b, cloud_db,
                                                                cloud_server):
    member_id, code = _member_with_coupon(shop_a, "13811116666")
    shop_a.sync()
    shop_b.sync()
    shop_a.redeem(code, member_id, 1000)
    shop_b.redeem(code, member_id, 1000)
    shop_a.sync()
    shop_b.sync()
    assert [c["code"] for c in _double_redemptions(shop_a)] == [code]
    other = make_tenant(cloud_db.database, cloud_server.base_url)
    answer = requests.get(f"{other.base_url}/api/v1/admin/coupons/double-redemptions",
                          headers=other.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200 and answer.json()["coupons"] == []
    terminal = requests.get(f"{other.base_url}/api/v1/admin/coupons/double-redemptions",
                            headers=other.headers(), timeout=HTTP_TIMEOUT)
    assert terminal.status_code == 403
