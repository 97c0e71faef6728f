"""Members and their balances travel between stores through the cloud (issue 7):
registered at store A, found at store B with the same points and stored value; what
B adds reaches A; nothing is counted twice when a till pulls back its own moves."""
from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import Product
from app.db.models_checkout import PromotionRow
from app.db.models_members import CommissionRule, Member, MemberLevel, Salesperson
from app.domain.money import Money
from app.services.context import load_context
from app.services.inventory.stock import StockService
from app.services.members.commission import RuleData
from app.services.members.coupons import CouponSpec
from app.services.members.members import MemberEdit, Registration
from app.services.members.points import add_points_move, points_balance
from app.services.members.stored_value import sv_balance
from app.services.members.wiring import MemberServices
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.sync.tills import make_till


class Store:
    """A till with its member services, on its own database."""

    def __init__(self, till, sessions, clock) -> None:
        self.till, self.sessions, self.clock = till, sessions, clock
        self.ctx = load_context(sessions, till.tenant.store, till.tenant.terminal)
        self.members = MemberServices.build(sessions, self.ctx, clock)

    def sync(self) -> None:
        assert self.till.client.push_once().rejected == 0
        self.till.client.pull_once()

    def earn(self, member_id: str, points: int) -> None:
        with self.sessions.begin() as s:
            add_points_move(s, member_id=member_id, points=points, kind="earn",
                            store_id=self.ctx.store_id, terminal_id=self.ctx.terminal_id,
                            now=self.clock.now(), ref_type="sale", ref_id=None)

    def balances(self, member_id: str) -> tuple[int, int, int]:
        with self.sessions() as s:
            sv = sv_balance(s, member_id)
            return (points_balance(s, member_id, self.clock.now()).total, sv.principal.fen,
                    sv.bonus.fen)

    def manager_id(self) -> str:
        with self.sessions() as s:
            from app.db.models import User
            return s.scalar(select(User.id).where(User.code == "9001"))


@pytest.fixture
def store_a(till, sessions, clock):
    return Store(till, sessions, clock)


@pytest.fixture
def store_b(cloud_db, cloud_server, store_a, tmp_path, clock):
    tenant = make_tenant(cloud_db.database, cloud_server.base_url,
                         merchant=store_a.till.tenant.merchant)
    path = tmp_path / "store-b.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    till = make_till(engine, sessions, clock, tenant)
    yield Store(till, sessions, clock)
    till.client.close()
    engine.dispose()


def _register(store: Store, phone: str, salesperson_id: str | None = None) -> str:
    return store.members.members.register(Registration(
        phone=phone, name="王芳", birthday=None, consent=True,
        salesperson_id=salesperson_id)).id


def test_a_member_registered_at_a_is_found_at_b_with_the_balance(store_a, store_b):
    person = store_a.members.salespeople.enroll(store_a.manager_id(), "SP07", "BADGE07", True)
    member_id = _register(store_a, "13811112222", salesperson_id=person.id)
    store_a.members.stored_value.top_up(member_id, Money(20000), "cash", store_a.manager_id(),
                                        topup_id="t-1")
    store_a.earn(member_id, 150)
    before = store_a.balances(member_id)
    store_a.sync()
    store_b.sync()

    found = store_b.members.members.find_by_phone("13811112222")
    assert (found.id, found.name, found.salesperson_id) == (member_id, "王芳", person.id)
    assert store_b.balances(member_id) == before
    with store_b.sessions() as s:
        remote = s.get(Salesperson, person.id)
        assert (remote.code, remote.badge) == ("SP07", "BADGE07")

    # B adds to the ledgers; A sees it; neither counts its own moves twice.
    store_b.members.stored_value.top_up(member_id, Money(5000), "cash", store_b.manager_id(),
                                        topup_id="t-2")
    store_b.earn(member_id, 40)
    store_b.sync()
    store_a.sync()
    store_b.sync()
    points, principal, bonus = before
    after = store_b.balances(member_id)
    assert after[0] == points + 40 and after[1] == principal + 5000
    assert store_a.balances(member_id) == after
    answer = requests.get(f"{store_a.till.tenant.base_url}/api/v1/admin/members/{member_id}",
                          headers=store_a.till.tenant.headers(admin=True),
                          timeout=HTTP_TIMEOUT).json()
    assert (answer["points"], answer["principal_fen"], answer["bonus_fen"]) == after


def test_a_page_applied_twice_changes_no_balance(store_a, store_b):
    member_id = _register(store_a, "13811113333")
    store_a.earn(member_id, 70)
    store_a.sync()
    store_b.sync()
    from app.sync.models import SyncCursor
    with store_b.sessions.begin() as s:  # as if B crashed after applying, before the cursor
        s.get(SyncCursor, "changes").version = 0
    store_b.sync()
    assert store_b.balances(member_id) == (70, 0, 0)


def test_a_phone_clash_skips_the_cloud_member_and_keeps_pulling(store_a, store_b):
    """Both stores registered the same phone offline: each till keeps its own member and
    the pull goes on (the cloud holds both for head office to merge)."""
    a_id = _register(store_a, "13811114444")
    b_id = _register(store_b, "13811114444")
    store_a.earn(a_id, 10)
    store_a.sync()
    store_b.sync()
    store_a.till.put_product("D7777", name="新品", price_fen=100)
    store_b.sync()
    with store_b.sessions() as s:
        assert s.scalar(select(Member.id).where(Member.phone == "13811114444")) == b_id
        assert s.get(Member, a_id) is None
        assert s.scalar(select(Product.name).where(Product.sku_code == "D7777")) == "新品"
    assert store_b.balances(b_id) == (0, 0, 0)


def test_master_data_from_a_and_head_office_reaches_b(store_a, store_b, clock):
    tenant = store_a.till.tenant
    store_a.members.commission.save(RuleData(id="", name="全场 2%", kind="percent",
                                             rate_bp=200), allowed=True)
    member_id = _register(store_a, "13811115555")
    starts = clock.now()
    store_a.members.coupons.issue(member_id, CouponSpec(
        "满100减10", "cash_off", 1000, starts, starts + timedelta(days=30), 10000), allowed=True)
    stock = StockService(store_a.sessions, store_a.ctx.store_id, clock, store_a.ctx.terminal_id)
    with store_a.sessions() as s:
        cola_id = s.scalar(select(Product.id).where(Product.sku_code == "D0001"))
    stock.adjust(cola_id, 2000, "damaged")
    store_a.sync()
    assert store_a.till.cloud_stock() == {"D0001": -2000}

    level = requests.put(f"{tenant.base_url}/api/v1/admin/member-levels/GOLD",
                         headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT,
                         json={"name": "金卡", "rank": 5, "discount_bp": 9500,
                               "points_multiplier_pct": 150})
    assert level.status_code == 200, level.text
    promotion = {"name": "可乐第二件半价", "kind": "second_item_percent",
                 "starts_at": starts.isoformat(),
                 "ends_at": (starts + timedelta(days=7)).isoformat(),
                 "scope": {"skus": ["D0001"]}, "rule": {"pay_percent": "50"}}
    answer = requests.put(f"{tenant.base_url}/api/v1/admin/promotions/P-COLA",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT,
                          json={"promotion": promotion})
    assert answer.status_code == 200, answer.text
    bad = requests.put(f"{tenant.base_url}/api/v1/admin/promotions/P-BAD",
                       headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT,
                       json={"promotion": {"kind": "free_lunch"}})
    assert bad.status_code == 422
    store_b.sync()
    with store_b.sessions() as s:
        rule = s.scalar(select(CommissionRule).where(CommissionRule.name == "全场 2%"))
        gold = s.scalar(select(MemberLevel).where(MemberLevel.code == "GOLD"))
        promo = s.get(PromotionRow, "P-COLA")
    assert rule is not None and rule.rate_bp == 200
    assert (gold.name, gold.discount_bp, gold.points_multiplier_pct) == ("金卡", 9500, 150)
    assert promo is not None and promo.active and promo.kind == "second_item_percent"


def test_a_till_reloading_from_a_snapshot_gets_members_and_balances(store_a, store_b,
                                                                    cloud_db):
    from datetime import datetime, timezone

    from cloud import changes
    person = store_a.members.salespeople.enroll(store_a.manager_id(), "SP08", "BADGE08", True)
    members = [_register(store_a, f"138222200{i:02d}", salesperson_id=person.id)
               for i in range(3)]
    for i, member_id in enumerate(members):
        store_a.earn(member_id, 10 * (i + 1))
    store_a.members.stored_value.top_up(members[0], Money(8800), "cash", store_a.manager_id(),
                                        topup_id="t-snap")
    store_a.sync()
    with cloud_db.database.write() as conn:  # B has never pulled, and the log is gone
        changes.prune_changes(conn, datetime.now(timezone.utc) + timedelta(hours=1),
                              store_a.till.tenant.merchant_id)
    store_b.till.client._page_size = 2  # phases spread over pages
    result = store_b.till.client.pull_once()
    assert result.snapshot
    for i, member_id in enumerate(members):
        assert store_b.members.members.find_by_phone(f"138222200{i:02d}").id == member_id
        assert store_b.balances(member_id) == store_a.balances(member_id)
    assert store_b.balances(members[0])[1] == 8800
    with store_b.sessions() as s:
        assert s.get(Member, members[2]).salesperson_id == person.id


def test_an_unsent_local_edit_is_not_undone_by_an_older_cloud_copy(store_a, store_b):
    member_id = _register(store_a, "13811116666")
    store_a.sync()
    store_b.sync()
    store_b.members.members.edit(member_id, MemberEdit(name="王芳芳"))  # not pushed yet
    store_a.members.members.edit(member_id, MemberEdit(tags="VIP"))
    store_a.sync()
    store_b.till.client.pull_once()  # A's copy (old name) arrives before B has pushed
    with store_b.sessions() as s:
        assert s.get(Member, member_id).name == "王芳芳"
    store_b.sync()  # B's edit goes up; the cloud logs the member again
    store_b.till.client.pull_once()
    store_a.till.client.pull_once()
    for store in (store_a, store_b):
        with store.sessions() as s:
            assert s.get(Member, member_id).name == "王芳芳"
