"""Finding, registering and editing members at the till."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent
from app.services.errors import InvalidInput, NotAllowed, NotFound
from app.services.members.members import MemberEdit, Registration
from tests.integration.test_members_support import program  # noqa: F401


def test_last_four_digits_give_a_pick_list_of_every_match(program):
    found = program.members.lookup("1234")
    assert sorted(m.name for m in found) == ["陈伟", "陈静"]
    assert {m.masked_phone for m in found} == {"138****1234", "139****1234"}
    assert program.members.lookup("5678")[0].name == "刘洋"
    with pytest.raises(NotFound, match="ends in 4321"):
        program.members.lookup("4321")


def test_full_phone_and_card_number_find_one_member(program):
    [by_phone] = program.members.lookup("138 0000 1234")
    assert by_phone.name == "陈静" and by_phone.level_code == "GOLD"
    [by_card] = program.members.lookup(by_phone.card_no)
    assert by_card.id == by_phone.id
    with pytest.raises(NotFound):
        program.members.find_by_phone("13811112222")


def test_dynamic_member_code_works_now_and_expires_within_minutes(program, clock):
    member_id = program.member_id("13800001234")
    code = program.members.current_code(member_id)
    assert code.startswith("88") and len(code) == 18
    assert program.members.lookup(code)[0].id == member_id
    clock.advance(minutes=2)  # still on screen a moment later: accepted
    assert program.members.find_by_code(code).id == member_id
    clock.advance(minutes=2)  # a screenshot from four minutes ago: refused
    with pytest.raises(NotAllowed, match="expired"):
        program.members.find_by_code(code)
    forged = code[:-6] + ("000000" if code[-6:] != "000000" else "111111")
    with pytest.raises(NotAllowed):
        program.members.find_by_code(forged)


def test_register_validates_phone_name_and_consent_then_is_found(program, sessions):
    with pytest.raises(InvalidInput, match="not a mobile number"):
        program.members.register(Registration("12345678901", "王芳", None, True))
    with pytest.raises(InvalidInput, match="agree"):
        program.members.register(Registration("13512345678", "王芳", None, False))
    with pytest.raises(InvalidInput, match="name"):
        program.members.register(Registration("13512345678", " ", None, True))
    with pytest.raises(InvalidInput, match="already a member"):
        program.members.register(Registration("13800001234", "王芳", None, True))
    seller = program.salesperson_id("1001")
    new = program.members.register(Registration("13512345678", "王芳", date(1992, 3, 4), True,
                                                salesperson_id=seller))
    assert new.level_code == "MEMBER" and new.salesperson_id == seller
    assert {m.name for m in program.members.lookup("5678")} == {"刘洋", "王芳"}
    with sessions() as s:
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).where(OutboxEvent.aggregate_id == new.id))]
    assert kinds == ["member.created", "member.bound"]


def test_an_edited_member_is_found_by_the_new_phone_and_sent_up(program, sessions):
    # the EDIT_MEMBERS check is in tests/integration/test_permissions_enforced.py
    member_id = program.member_id("13700005678")
    edited = program.members.edit(member_id, MemberEdit(name="刘阳", phone="13700008765",
                                                        tags="新客, 数码", level_code="SILVER"))
    assert (edited.name, edited.phone, edited.level_code) == ("刘阳", "13700008765", "SILVER")
    assert program.members.lookup("8765")[0].id == member_id
    assert program.members.find_by_last4("5678") == []
    with sessions() as s:
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "member.changed")).one()
    assert json.loads(event.payload)["tags"] == "新客,数码"
