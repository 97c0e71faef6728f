"""What checkout reads from the database besides products: promotions and store settings.

Promotions are data: each row holds the pricing engine's dict as JSON, so the
back office and sync send new offers without a code change. The till builds
one ``PromotionBook`` from the rows in force and rebuilds it when they change.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_checkout import CheckoutSetting, PromotionRow
from app.domain.pricing import (
    Promotion, PromotionBook, PromotionDataError, RoundingMode, promotion_from_dict,
    promotion_to_dict,
)
from app.domain.scale_barcode import DEFAULT_LAYOUTS, ScaleLayout, layouts_by_name
from app.services.errors import InvalidInput

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CheckoutSettings:
    rounding: RoundingMode = RoundingMode.NONE
    scale_layouts: tuple[ScaleLayout, ...] = layouts_by_name(DEFAULT_LAYOUTS)


def save_promotions(sessions: sessionmaker[Session], promotions: Iterable[Promotion],
                    now: datetime) -> None:
    """Insert or replace promotions (back office, sync, tests)."""
    with sessions.begin() as s:
        for promotion in promotions:
            row = s.get(PromotionRow, promotion.id) or PromotionRow(id=promotion.id)
            row.name, row.kind = promotion.name, promotion.kind.value
            row.data = json.dumps(promotion_to_dict(promotion), ensure_ascii=False)
            row.starts_at, row.ends_at = promotion.starts_at, promotion.ends_at
            row.active, row.updated_at = True, now
            s.add(row)


def deactivate_promotion(sessions: sessionmaker[Session], promotion_id: str, now: datetime) -> None:
    with sessions.begin() as s:
        row = s.get(PromotionRow, promotion_id)
        if row is not None:
            row.active, row.updated_at = False, now


def load_promotion_book(sessions: sessionmaker[Session], now: datetime) -> PromotionBook:
    """Active promotions that have not ended; a malformed row is logged and skipped,
    so one bad offer from the back office never stops the till from selling."""
    promotions = []
    with sessions() as s:
        rows = s.scalars(select(PromotionRow).where(PromotionRow.active.is_(True),
                                                    PromotionRow.ends_at > now)).all()
        for row in rows:
            try:
                promotions.append(promotion_from_dict(json.loads(row.data)))
            except (PromotionDataError, ValueError) as exc:
                log.error("promotion %s skipped: %s", row.id, exc)
    return PromotionBook(promotions)


def load_settings(sessions: sessionmaker[Session], store_id: str) -> CheckoutSettings:
    with sessions() as s:
        row = s.get(CheckoutSetting, store_id)
    if row is None:
        return CheckoutSettings()
    names = [n for n in row.scale_layouts.split(",") if n.strip()] or list(DEFAULT_LAYOUTS)
    try:
        return CheckoutSettings(RoundingMode(row.rounding_mode), layouts_by_name(names))
    except ValueError as exc:
        log.error("checkout settings of store %s unreadable, using defaults: %s", store_id, exc)
        return CheckoutSettings()


def save_settings(sessions: sessionmaker[Session], store_id: str, rounding: RoundingMode,
                  scale_layouts: Iterable[str], now: datetime) -> CheckoutSettings:
    names = [n.strip() for n in scale_layouts if n.strip()]
    try:
        layouts = layouts_by_name(names)
    except ValueError as exc:
        raise InvalidInput("Unknown scale barcode layout: {error}", error=str(exc)) from exc
    with sessions.begin() as s:
        row = s.get(CheckoutSetting, store_id) or CheckoutSetting(store_id=store_id)
        row.rounding_mode, row.scale_layouts, row.updated_at = rounding.value, ",".join(names), now
        s.add(row)
    return CheckoutSettings(rounding, layouts)
