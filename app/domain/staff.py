"""Staff rules the till and head office both apply: the permission names and how a PIN
is hashed (a till verifies what the cloud hashes, so there is one set of parameters)."""
from __future__ import annotations

import enum

from argon2 import PasswordHasher

PIN_HASHER = PasswordHasher(time_cost=2, memory_cost=32 * 1024, parallelism=1)


class Permission(str, enum.Enum):
    PRICE_OVERRIDE = "price_override"
    DISCOUNT_ABOVE_LIMIT = "discount_above_limit"
    VOID_LINE = "void_line"
    CANCEL_SALE = "cancel_sale"
    REFUND = "refund"
    REFUND_WITHOUT_RECEIPT = "refund_without_receipt"
    OPEN_DRAWER = "open_drawer"
    REPRINT = "reprint"
    STOCK_ADJUSTMENT = "stock_adjustment"
    EDIT_PRODUCTS = "edit_products"
    MANAGE_STAFF = "manage_staff"
    DEVICE_SETTINGS = "device_settings"
    OPEN_SHIFT = "open_shift"
    CLOSE_SHIFT = "close_shift"
    VIEW_REPORTS = "view_reports"
    PAY_IN_OUT = "pay_in_out"
    SAFE_DROP = "safe_drop"
    VIEW_AUDIT = "view_audit"
    EDIT_MEMBERS = "edit_members"
