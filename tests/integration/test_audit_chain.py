"""The audit log is append-only and tamper-evident: a changed, removed or forged row is found."""
from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from app.domain.money import Money
from app.services.audit import AuditFilter
from tests.integration.test_staff_helpers import make_world


@pytest.fixture
def world(engine, sessions, clock):
    w = make_world(engine, sessions, clock)
    w.auth.login("1001", "1111")
    w.shifts.open_shift(w.cashier, Money(50000))
    w.shifts.safe_drop(w.cashier, Money(20000))
    w.audit.record("drawer.open", w.cashier, subject="no sale", details={"why": "找零"})
    return w


def _entries(engine):
    with engine.connect() as conn:
        return conn.execute(text("SELECT seq, action FROM audit_entry ORDER BY seq")).all()


def test_an_untouched_log_verifies(world, engine):
    check = world.audit.verify_chain()
    assert check.ok and check.checked == len(_entries(engine)) == 4


def test_the_database_refuses_updates_and_deletes(world, engine):
    for sql in ("UPDATE audit_entry SET actor_code = 'x' WHERE seq = 1",
                "DELETE FROM audit_entry WHERE seq = 1"):
        with pytest.raises(DatabaseError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    assert world.audit.verify_chain().ok


def _tamper(engine, *sql):
    """What someone with the sqlite3 shell could do: drop the guard, then edit."""
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_entry_no_update"))
        conn.execute(text("DROP TRIGGER audit_entry_no_delete"))
        for statement in sql:
            conn.execute(text(statement))


def test_a_changed_row_is_reported_as_the_first_broken_entry(world, engine):
    _tamper(engine, "UPDATE audit_entry SET details = replace(details, '20000', '2000') "
                    "WHERE action = 'cash.movement'")
    check = world.audit.verify_chain()
    assert not check.ok and check.first_broken_seq == 3
    assert "changed" in check.problem


def test_a_rehashed_row_still_breaks_the_link_to_the_next(world, engine):
    # forging a consistent hash for the edited row does not help: the next row points elsewhere
    from app.services.audit import chain_hash
    from app.db.models_staff import AuditEntry
    _tamper(engine, "UPDATE audit_entry SET actor_code = '9001' WHERE seq = 2")
    with world.audit._sessions.begin() as s:
        row = s.get(AuditEntry, 2)
        s.execute(text("UPDATE audit_entry SET hash = :h WHERE seq = 2"),
                  {"h": chain_hash(row.prev_hash, row)})
    check = world.audit.verify_chain()
    assert not check.ok and check.first_broken_seq == 3 and "link" in check.problem


def test_a_deleted_row_is_reported(world, engine):
    _tamper(engine, "DELETE FROM audit_entry WHERE seq = 2")
    check = world.audit.verify_chain()
    assert not check.ok and check.first_broken_seq == 3 and "missing" in check.problem


def test_removing_the_last_entries_is_reported(world, engine):
    _tamper(engine, "DELETE FROM audit_entry WHERE seq = 4")
    check = world.audit.verify_chain()
    assert not check.ok and check.first_broken_seq == 4


def test_filter_and_csv_export(world):
    shift_entries = world.audit.entries(AuditFilter(action_prefix="shift."))
    assert [e.action for e in shift_entries] == ["shift.opened"]
    assert [e.subject for e in world.audit.entries(AuditFilter(text="找零"))] == ["no sale"]
    out = io.StringIO()
    assert world.audit.export_csv(out) == 4
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:3] == ["seq", "time_utc", "action"]
    assert [r[2] for r in rows[1:]] == ["login", "shift.opened", "cash.movement", "drawer.open"]
