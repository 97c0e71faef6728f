"""Two tills of one store, both offline, sell the same SKU to the same member, paying
with points and stored value (issue 7, multi-terminal correctness). Once both sync, the
cloud's stock, points and stored value are the sums of both tills' ledgers; the
overdraft one till allowed offline is flagged in the cloud; a duplicate push changes
nothing."""
from __future__ import annotations

import pytest
import requests
from sqlalchemy import func, select, update

from app.db.models import OutboxEvent, User
from app.db.models_members import PointsMove, StoredValueMove
from app.domain.money import Money
from app.services.auth import AuthService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.services.members.members import Registration
from app.services.members.points import add_points_move
from app.services.members.program import load_program, save_program
from app.services.members.wiring import MemberServices
from cloud.models_ledgers import PointsMove as CloudPointsMove
from cloud.models_ledgers import StoredValueMove as CloudStoredValueMove
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.factories import COLA
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import cloud_books, till_books

pytestmark = pytest.mark.faults
PHONE = "13855556666"
POINTS, STORED_FEN = 1500, 3000   # ¥15 of points (100 per ¥1) and ¥30 on the card
OVERDRAFT_FEN = 2000             # offline, a till may take up to ¥20 past the balance


class MemberTill:
    """A till of the store with the real member services behind its checkout."""

    def __init__(self, till, clock, online: list[bool]) -> None:
        self.till, self.sessions, self.clock = till, till.sessions, clock
        self.ctx = load_context(till.sessions, till.tenant.store, till.tenant.terminal)
        self.services = MemberServices.build(till.sessions, self.ctx, clock, lambda: online[0])
        self.checkout = CheckoutService(till.sessions, till.catalog, self.ctx, clock,
                                        members=self.services)
        self.checkout.start_sale(AuthService(till.sessions, self.ctx.store_id).login("1001", "1111"))

    def sell_to_member(self, member_id: str, colas: int, points: str, stored: str):
        for _ in range(colas):
            self.checkout.add_code(COLA)
        self.checkout.members.attach_id(member_id)
        assert self.checkout.members.pay_points(points) is None
        assert self.checkout.members.pay_stored_value(stored) is None
        return self.checkout.pay_cash("")

    def manager_id(self) -> str:
        with self.sessions() as s:
            return s.scalar(select(User.id).where(User.code == "9001"))

    def sync(self) -> None:
        assert self.till.client.push_once().rejected == 0
        self.till.client.pull_once()

    def ledgers(self, member_id: str) -> tuple[dict, dict]:
        """{move id: points} and {move id: (principal, bonus, overdraft)} on this till."""
        with self.sessions() as s:
            points = dict(s.execute(select(PointsMove.id, PointsMove.points)
                                    .where(PointsMove.member_id == member_id)).all())
            stored = {r.id: (r.principal_fen, r.bonus_fen, r.overdraft) for r in s.scalars(
                select(StoredValueMove).where(StoredValueMove.member_id == member_id))}
        return points, stored


@pytest.fixture
def network(cloud_server):
    proxy = FaultProxy(cloud_server.port)
    yield proxy
    proxy.close()


@pytest.fixture
def store(tills, clock, tenant, cloud_db, cloud_server, network):
    """Till A and till B of one store; a member registered, topped up and given points at
    A while online, known to B through the cloud, with an offline overdraft allowed."""
    second = make_tenant(cloud_db.database, cloud_server.base_url, store=tenant.store,
                         terminal="T02", merchant=tenant.merchant)
    online = [True]
    a = MemberTill(tills.make(tenant, clock, base_url=network.base_url, retries=0), clock, online)
    b = MemberTill(tills.make(second, clock, base_url=network.base_url, retries=0), clock, online)
    with a.sessions.begin() as s:
        save_program(s, a.ctx.store_id, load_program(s, a.ctx.store_id), clock.now(), True,
                     offline_overdraft_fen=OVERDRAFT_FEN)
    member_id = a.services.members.register(Registration(
        phone=PHONE, name="李娜", birthday=None, consent=True, salesperson_id=None)).id
    a.services.stored_value.top_up(member_id, Money(STORED_FEN), "cash", a.manager_id(),
                                   topup_id="topup-1")
    with a.sessions.begin() as s:
        add_points_move(s, member_id=member_id, points=POINTS, kind="earn",
                        store_id=a.ctx.store_id, terminal_id=a.ctx.terminal_id,
                        now=clock.now(), ref_type="sale", ref_id=None)
    a.sync()
    b.sync()
    assert b.services.members.find_by_phone(PHONE).id == member_id
    assert b.ledgers(member_id) == a.ledgers(member_id)
    return a, b, member_id, online


def _cloud_member(tenant, member_id: str) -> tuple[int, int, int]:
    answer = requests.get(f"{tenant.base_url}/api/v1/admin/members/{member_id}",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return body["points"], body["principal_fen"], body["bonus_fen"]


def _cloud_ledgers(cloud_db, member_id: str) -> tuple[dict, dict]:
    with cloud_db.database.read() as conn:
        points = dict(conn.execute(select(CloudPointsMove.id, CloudPointsMove.points)
                                   .where(CloudPointsMove.member_id == member_id)).all())
        stored = {r.id: (r.principal_fen, r.bonus_fen, r.overdraft) for r in conn.execute(
            select(CloudStoredValueMove).where(CloudStoredValueMove.member_id == member_id))}
    return points, stored


def test_two_offline_tills_add_up_and_the_overdraft_is_flagged(store, tenant, cloud_db,
                                                               network):
    a, b, member_id, online = store
    online[0] = False
    network.set_down(True)
    # A: 10 colas, ¥10 in points, ¥20 stored value (within what A knows), the rest cash.
    sale_a = a.sell_to_member(member_id, 10, "10", "20")
    # B has not heard of A's sale: ¥10 in points and ¥45 stored value, ¥15 past the ¥30
    # B knows of, within the offline overdraft; B flags it.
    sale_b = b.sell_to_member(member_id, 20, "10", "45")
    assert (sale_a.total.fen, sale_b.total.fen) == (3500, 7000)

    points_a, stored_a = a.ledgers(member_id)
    points_b, stored_b = b.ledgers(member_id)
    flagged_b = {k for k, (_, _, over) in stored_b.items() if over}
    assert len(flagged_b) == 1 and not any(over for *_, over in stored_a.values())
    # Each till's own ledger, offline: the other till's sale is not in it yet.
    assert sum(points_a.values()) == POINTS - 1000 + _earned(a, sale_a)
    assert sum(v[0] + v[1] for v in stored_b.values()) == STORED_FEN - 4500

    network.set_down(False)
    online[0] = True
    a.sync()
    b.sync()
    a.sync()
    all_points = {**points_a, **points_b}  # the member's moves of both tills, by move id
    all_stored = {**stored_a, **stored_b}
    assert len(all_points) == len(points_a) + len(points_b) - _shared(points_a, points_b)

    cloud_points, cloud_stored = _cloud_ledgers(cloud_db, member_id)
    assert cloud_points == all_points
    assert cloud_stored == all_stored
    assert {k for k, (_, _, over) in cloud_stored.items() if over} == flagged_b
    expected = (sum(all_points.values()), sum(v[0] for v in all_stored.values()),
                sum(v[1] for v in all_stored.values()))
    assert expected[0] == POINTS - 2000 + _earned(a, sale_a) + _earned(b, sale_b)
    assert expected[1] + expected[2] == STORED_FEN - 6500  # ¥35 overdrawn in all
    assert _cloud_member(tenant, member_id) == expected
    for till in (a, b):  # both tills now see what the cloud sees
        assert till.ledgers(member_id) == (all_points, all_stored)

    sold = _sold_both(a, b)
    assert sold == {"D0001": 30_000}
    books = cloud_books(cloud_db.database, tenant)
    assert books.sold == sold and books.stock == {"D0001": -30_000}

    # The same events pushed again (as after a lost acknowledgement): nothing doubles.
    for till in (a, b):
        with till.sessions.begin() as s:
            s.execute(update(OutboxEvent).values(sent_at=None))
        again = till.till.client.push_once()
        assert again.accepted == 0 and again.rejected == 0 and again.duplicate > 0
    assert _cloud_ledgers(cloud_db, member_id) == (cloud_points, cloud_stored)
    assert _cloud_member(tenant, member_id) == expected
    after = cloud_books(cloud_db.database, tenant)
    assert after.events == after.distinct_events == books.events
    assert (after.sale_rows, after.sold, after.stock) == (2, sold, {"D0001": -30_000})


def _earned(till: MemberTill, sale) -> int:
    """Points the sale earned the member (its own earn move on that till)."""
    with till.sessions() as s:
        return s.scalar(select(func.coalesce(func.sum(PointsMove.points), 0))
                        .where(PointsMove.ref_id == sale.sale_id, PointsMove.kind == "earn"))


def _shared(left: dict, right: dict) -> int:
    return len(left.keys() & right.keys())


def _sold_both(a: MemberTill, b: MemberTill) -> dict[str, int]:
    _, sold_a = till_books(a.sessions)
    _, sold_b = till_books(b.sessions)
    return {sku: sold_a.get(sku, 0) + sold_b.get(sku, 0) for sku in {*sold_a, *sold_b}}
