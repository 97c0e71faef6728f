"""staff, permissions, shifts and cash, audit trail

Roles as data (seeded with the default roles), staff badges, login lockout
state, the hash-chained audit log (append-only: triggers refuse UPDATE and
DELETE), shifts with their cash drawer ledger and close counts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""
from datetime import datetime, timezone
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# A frozen copy of app.services.permissions.DEFAULT_ROLES as of this revision
# (a test checks they agree): migrations must not change when the app does.
_CASHIER = ["open_shift", "close_shift", "void_line", "reprint", "safe_drop"]
_SUPERVISOR = _CASHIER + ["price_override", "discount_above_limit", "cancel_sale", "refund",
                          "open_drawer", "pay_in_out", "view_reports"]
_ALL = _SUPERVISOR + ["refund_without_receipt", "stock_adjustment", "edit_products",
                      "manage_staff", "device_settings", "view_audit"]
DEFAULT_ROLES = [
    ("cashier", "Cashier", 1000, _CASHIER),
    ("salesperson", "Salesperson", 500, ["reprint"]),
    ("supervisor", "Supervisor", 3000, _SUPERVISOR),
    ("manager", "Store manager", 10000, _ALL),
    ("hq_admin", "HQ admin", 10000, _ALL),
]

_APPEND_ONLY = ("CREATE TRIGGER audit_entry_no_{name} BEFORE {verb} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")


def upgrade() -> None:
    op.create_table('role',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('discount_limit_bp', sa.Integer(), nullable=False),
    sa.Column('builtin', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('role_permission',
    sa.Column('role_code', sa.String(length=32), nullable=False),
    sa.Column('permission', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['role_code'], ['role.code'], ),
    sa.PrimaryKeyConstraint('role_code', 'permission')
    )
    op.create_table('staff_badge',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('badge_code', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('badge_code')
    )
    with op.batch_alter_table('staff_badge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_badge_user_id'), ['user_id'], unique=False)

    op.create_table('staff_login_state',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('failed_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=False),
    sa.Column('actor_code', sa.String(length=32), nullable=False),
    sa.Column('approver_id', sa.String(length=36), nullable=False),
    sa.Column('approver_code', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=80), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('hash'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_action_at', ['action', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(_APPEND_ONLY.format(verb=verb, name=verb.lower()))

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('shift',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('cashier_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('opening_float_fen', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('previous_shift_id', sa.String(length=36), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by_id', sa.String(length=36), nullable=True),
    sa.Column('denominations', sa.Text(), nullable=False),
    sa.Column('report', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['cashier_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['closed_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('terminal_id', 'seq')
    )
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.create_index('ix_shift_terminal_status', ['terminal_id', 'status'], unique=False)

    op.create_table('cash_movement',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=False),
    sa.Column('approver_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['approver_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cash_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cash_movement_shift_id'), ['shift_id'], unique=False)

    op.create_table('shift_tender_count',
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('tender', sa.String(length=16), nullable=False),
    sa.Column('expected_fen', sa.Integer(), nullable=False),
    sa.Column('counted_fen', sa.Integer(), nullable=False),
    sa.Column('difference_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.PrimaryKeyConstraint('shift_id', 'tender')
    )
    _seed_roles()


def _seed_roles() -> None:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    role = sa.table('role', sa.column('code'), sa.column('name'), sa.column('discount_limit_bp'),
                    sa.column('builtin'), sa.column('updated_at'))
    grant = sa.table('role_permission', sa.column('role_code'), sa.column('permission'))
    op.bulk_insert(role, [dict(code=c, name=n, discount_limit_bp=bp, builtin=True, updated_at=now)
                          for c, n, bp, _ in DEFAULT_ROLES])
    op.bulk_insert(grant, [dict(role_code=c, permission=p)
                           for c, _, _, perms in DEFAULT_ROLES for p in perms])


def downgrade() -> None:
    for name in ('shift_tender_count', 'cash_movement', 'shift', 'audit_head'):
        op.drop_table(name)
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_{verb.lower()}")
    for name in ('audit_entry', 'staff_login_state', 'staff_badge', 'role_permission', 'role'):
        op.drop_table(name)
