"""Promotions head office publishes: the pricing engine's dict, stored as the till's
promotion rows (the cloud checked it with the same codec before logging it)."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.db.models_checkout import PromotionRow
from app.sync.apply_local import moment

ENTITY = "promotion"


def apply_promotions(conn: Connection, changes: list[dict[str, Any]], now: datetime) -> int:
    latest = {c["entity_id"]: c["data"] for c in changes
              if c.get("op") == "upsert" and isinstance(c.get("data"), dict)}
    for promotion_id, data in latest.items():
        document = {k: v for k, v in data.items() if k != "active"}
        values = dict(name=data.get("name", promotion_id), kind=data["kind"],
                      data=json.dumps(document, ensure_ascii=False),
                      starts_at=moment(data["starts_at"]), ends_at=moment(data["ends_at"]),
                      active=bool(data.get("active", True)), updated_at=now)
        if conn.scalar(select(PromotionRow.id).where(PromotionRow.id == promotion_id)):
            conn.execute(update(PromotionRow).where(PromotionRow.id == promotion_id)
                         .values(**values))
        else:
            conn.execute(insert(PromotionRow).values(id=promotion_id, **values))
    return len(latest)
