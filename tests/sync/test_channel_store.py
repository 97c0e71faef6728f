"""The store side of channel orders beyond one order's life: group-buy batches at a pickup
point, new orders announced once with their picking slips, members matched by phone."""
import json
import uuid

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent
from app.db.models_members import Member
from app.domain.receipt import render_text
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.channel_wiring import ChannelServices
from app.services.context import load_context
from app.services.errors import InvalidInput, NotFound
from app.services.members.demo import load_demo_members
from app.services.members.profile import ProfileService
from app.services.print_queue import PrintQueue
from app.sync.models_channel import ChannelOrder
from tests.factories import make_store
from tests.sync.test_channel_orders import _apply, _order_change


class _Devices:
    """What ChannelServices needs of the device service: the queue and the printer width."""

    def __init__(self, queue, columns=32):
        self.queue = queue
        self.current_printer = type("Printer", (), {"columns": columns})()


@pytest.fixture
def shop(engine, sessions, clock):
    ids = make_store(engine, clock.now())
    with engine.begin() as conn:
        load_demo_members(conn, ids["store"], clock.now())
    ctx = load_context(sessions, "S001", "T01")
    queue = PrintQueue(sessions, lambda: None, clock)  # not started: jobs stay to be read
    channel = ChannelServices.build(sessions, ctx, clock, CatalogService(engine, ctx.store_id,
                                                                         clock), _Devices(queue))
    staff = AuthService(sessions, ctx.store_id).login("1001", "1111")
    return channel, queue, staff


def _group_order(version, group, phone, code, name="顾客", **fields):
    return _order_change(version, str(uuid.uuid4()), group_id=group, pickup_code=code,
                         member={"id": f"m{version}", "phone": phone, "name": name}, **fields)


def _moves(sessions, order_id):
    with sessions() as s:
        rows = s.scalars(select(OutboxEvent).where(OutboxEvent.aggregate_id == order_id)
                         .order_by(OutboxEvent.seq)).all()
        return [json.loads(row.payload)["to"] for row in rows]


def test_a_group_batch_is_received_and_each_customer_checked_out(engine, sessions, clock, shop):
    channel, queue, staff = shop
    wang1 = _group_order(1, "G-望京-07", "13800138000", "100001", "王芳")
    wang2 = _group_order(2, "G-望京-07", "13800138000", "100002", "王芳")
    li = _group_order(3, "G-望京-07", "13900139000", "100003", "李雷")
    zhao = _group_order(4, "G-望京-07", "13700009000", "100004", "赵敏")
    elsewhere = _group_order(5, "G-其他-01", "13600136000", "100005",
                             created_at="2026-11-25T07:55:00+00:00")
    _apply(engine, clock, wang1, wang2, li, zhao, elsewhere, _order_change(6, str(uuid.uuid4())))

    [first, second] = channel.groups.groups()
    assert (first.group_id, first.orders, first.waiting, first.ready) == ("G-望京-07", 4, 4, 0)
    assert second.group_id == "G-其他-01"
    assert channel.groups.receive("G-望京-07", staff) == 4
    batch = channel.groups.batch("G-望京-07")
    assert {o.status for o in batch} == {"ready"} and all(o.fully_picked for o in batch)
    assert _moves(sessions, li["entity_id"]) == ["accepted", "picking", "ready"]

    # by pickup code: only that order
    [done] = channel.groups.check_out("G-望京-07", "100003", staff)
    assert (done.id, done.status) == (li["entity_id"], "completed")
    # by phone: both of 王芳's orders go together; the events carry each order's own code
    handed = channel.groups.check_out("G-望京-07", "138 0013 8000", staff)
    assert sorted(o.id for o in handed) == sorted([wang1["entity_id"], wang2["entity_id"]])
    with sessions() as s:
        codes = [json.loads(p)["pickup_code"] for p in s.scalars(
            select(OutboxEvent.payload).where(OutboxEvent.aggregate_id == wang2["entity_id"]))]
    assert "100002" in codes
    # collected already: nothing ready for that code any more
    with pytest.raises(NotFound, match="Nothing of group G-望京-07 is ready for 100003"):
        channel.groups.check_out("G-望京-07", "100003", staff)
    # by the last four digits of the phone
    [by_four] = channel.groups.check_out("G-望京-07", "9000", staff)
    assert by_four.member_name == "赵敏"

    text = render_text(channel.slips.batch_list("G-望京-07", channel.groups.batch("G-望京-07")))
    assert "团购提货清单" in text and "G-望京-07" in text
    assert "共 4 单" in text and "已取 4 单" in text and "138****8000" in text
    assert "13800138000" not in text  # phones are masked on paper
    channel.slips.print_batch_list("G-望京-07", channel.groups.batch("G-望京-07"))
    assert [job.kind for job in queue.jobs()] == ["group_batch"]
    assert [g.group_id for g in channel.groups.groups()] == ["G-其他-01"]  # all collected


def test_last_four_digits_shared_by_two_customers_are_refused(engine, clock, shop):
    channel, _, staff = shop
    _apply(engine, clock, _group_order(1, "G1", "13800008888", "200001"),
           _group_order(2, "G1", "13900008888", "200002"))
    channel.groups.receive("G1", staff)
    with pytest.raises(InvalidInput, match="Several customers"):
        channel.groups.check_out("G1", "8888", staff)
    with pytest.raises(NotFound, match="no orders at this store"):
        channel.groups.batch("G-nobody")


def test_new_orders_are_announced_once_and_slips_print_when_set(engine, clock, shop):
    channel, queue, _ = shop
    first, second, gone = (str(uuid.uuid4()) for _ in range(3))
    _apply(engine, clock, _order_change(1, first, note="请放冰袋"))
    assert [o.id for o in channel.slips.announce_new()] == [first]
    assert channel.slips.announce_new() == []      # announced once
    assert queue.jobs() == []                      # auto-print is off by default

    channel.slips.set_auto_print(True)
    assert channel.slips.auto_print()
    _apply(engine, clock, _order_change(2, second), _order_change(3, gone, status="cancelled"))
    assert [o.id for o in channel.slips.announce_new()] == [second]  # not the cancelled one
    [job] = queue.jobs()
    assert (job.kind, job.ref_id) == ("picking_slip", second)
    slip = render_text(queue.document(job.id))
    assert "拣货单" in slip and "WX-2" in slip and "可口可乐 330ml罐装" in slip
    assert "D0001" in slip and "x2" in slip and "138****8000" in slip

    text = render_text(channel.slips.picking_slip(first))
    assert "备注: 请放冰袋" in text


def test_a_channel_orders_member_is_matched_to_the_tills_member(engine, sessions, clock, shop):
    channel, _, _ = shop
    known, unknown = str(uuid.uuid4()), str(uuid.uuid4())
    _apply(engine, clock,
           _order_change(1, known, member={"id": "c1", "phone": "+8613800001234", "name": "陈"}),
           _order_change(2, unknown, member={"id": "c2", "phone": "13311112222", "name": "新"}))
    with sessions() as s:
        member_id = s.scalar(select(Member.id).where(Member.phone == "13800001234"))
    assert [o.id for o in channel.orders.orders_of_member(member_id)] == [known]
    recent = ProfileService(sessions, clock).profile(member_id).recent
    assert [(p.sale_id, p.channel) for p in recent if p.channel != "store"] == [(known, "mini_program")]
    with sessions() as s:  # a phone the till does not know stays unmatched
        assert s.get(ChannelOrder, unknown).local_member_id is None
