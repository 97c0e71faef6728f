"""Points and stored-value moves from the cloud: every store's moves reach every till,
so a member's balance here includes what they earned or topped up elsewhere.

Moves are inserted by their id and skipped when already there, so this till's own
moves (sent up, then logged back down) and a page applied twice count once. A move
of a member this till does not have (e.g. skipped for a phone clash) is skipped too.
"""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from app.db.models_members import Member, PointsMove, StoredValueMove
from app.sync.apply_local import LocalKeys, moment

log = logging.getLogger(__name__)
POINTS_MOVE, STORED_VALUE_MOVE = "points_move", "stored_value_move"
CHUNK = 500


def apply_moves(conn: Connection, keys: LocalKeys, entity: str,
                documents: list[dict[str, Any]]) -> int:
    """Insert moves not seen before; returns how many documents were usable."""
    if not documents:
        return 0
    known = _known_members(conn, {d["member_id"] for d in documents})
    rows = [_row(entity, keys, d) for d in documents if d["member_id"] in known]
    if len(rows) < len(documents):
        log.warning("skipped %d %s changes of members this till does not have",
                    len(documents) - len(rows), entity)
    table = PointsMove if entity == POINTS_MOVE else StoredValueMove
    for start in range(0, len(rows), CHUNK):
        conn.execute(sqlite_insert(table).on_conflict_do_nothing(index_elements=["id"]),
                     rows[start:start + CHUNK])
    return len(rows)


def _known_members(conn: Connection, member_ids: set[str]) -> set[str]:
    ids, found = list(member_ids), set()
    for start in range(0, len(ids), CHUNK):
        found.update(conn.scalars(select(Member.id).where(Member.id.in_(ids[start:start + CHUNK]))))
    return found


def _row(entity: str, keys: LocalKeys, d: dict[str, Any]) -> dict[str, Any]:
    row = dict(id=d["id"], member_id=d["member_id"], kind=d["kind"],
               ref_type=d.get("ref_type") or "", ref_id=d.get("ref_id"),
               refund_id=d.get("refund_id"), offline=bool(d.get("offline")),
               overdraft=bool(d.get("overdraft")), store_id=keys.store_id(d.get("store")),
               terminal_id=keys.terminal_id(d.get("store"), d.get("terminal")),
               created_at=moment(d["created_at"]))
    if entity == POINTS_MOVE:
        return {**row, "points": _int(d["points"]), "expires_at": moment(d.get("expires_at"))}
    return {**row, "principal_fen": _int(d["principal_fen"]), "bonus_fen": _int(d["bonus_fen"]),
            "tender": d.get("tender") or "", "created_by_id": None}


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"ledger amounts are integers, got {value!r}")
    return value
