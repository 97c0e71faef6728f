"""reports: daily aggregate of the sales ledger and a sale-by-day index

Revision ID: 0009
Revises: 0008
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0009'
down_revision: Union[str, None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_MEASURES = ("orders", "quantity_milli", "amount_fen", "cost_fen", "discount_fen",
             "rounding_fen", "returns_count", "returns_quantity_milli", "returns_fen",
             "member_orders", "member_fen", "commission_fen")


def upgrade() -> None:
    op.create_table(
        'report_daily',
        sa.Column('store_id', sa.String(length=36), nullable=False),
        sa.Column('business_date', sa.String(length=10), nullable=False),
        sa.Column('dim', sa.String(length=16), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in _MEASURES],
        sa.ForeignKeyConstraint(['store_id'], ['store.id']),
        sa.PrimaryKeyConstraint('store_id', 'business_date', 'dim', 'key'),
    )
    op.create_table(
        'report_day_state',
        sa.Column('store_id', sa.String(length=36), nullable=False),
        sa.Column('business_date', sa.String(length=10), nullable=False),
        sa.Column('sale_count', sa.Integer(), nullable=False),
        sa.Column('refund_count', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('built_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['store_id'], ['store.id']),
        sa.PrimaryKeyConstraint('store_id', 'business_date'),
    )
    with op.batch_alter_table('sale') as batch:
        batch.create_index('ix_sale_store_business_date', ['store_id', 'business_date'])


def downgrade() -> None:
    with op.batch_alter_table('sale') as batch:
        batch.drop_index('ix_sale_store_business_date')
    op.drop_table('report_day_state')
    op.drop_table('report_daily')
