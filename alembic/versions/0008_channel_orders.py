"""channel orders received through sync

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008'
down_revision: Union[str, None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('channel_order',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('store_code', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('fulfilment', sa.String(length=16), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('member_phone', sa.String(length=20), nullable=False),
    sa.Column('member_name', sa.String(length=100), nullable=False),
    sa.Column('goods_fen', sa.Integer(), nullable=False),
    sa.Column('discount_fen', sa.Integer(), nullable=False),
    sa.Column('delivery_fen', sa.Integer(), nullable=False),
    sa.Column('paid_fen', sa.Integer(), nullable=False),
    sa.Column('salesperson_code', sa.String(length=32), nullable=False),
    sa.Column('pickup_code', sa.String(length=6), nullable=False),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('tracking_no', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('placed_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('cloud_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.create_index('ix_channel_order_pickup', ['store_code', 'pickup_code'], unique=False)
        batch_op.create_index('ix_channel_order_store_status', ['store_code', 'status'], unique=False)

    op.create_table('channel_order_line',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku_code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_price_fen', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('picked_milli', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['channel_order.id'], ),
    sa.PrimaryKeyConstraint('order_id', 'line_no')
    )


def downgrade() -> None:
    op.drop_table('channel_order_line')
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_order_store_status')
        batch_op.drop_index('ix_channel_order_pickup')
    op.drop_table('channel_order')
