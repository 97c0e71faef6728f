"""channel orders: credentials, members, share codes, orders, transitions, reservations

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# JSONB on PostgreSQL, JSON text on SQLite (matches cloud.models.JSONType).
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')

revision: str = 'c0002'
down_revision: Union[str, None] = 'c0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('channel_credential',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('channel_credential', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_credential_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('channel_member',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merchant_id', 'phone')
    )
    op.create_table('share_code',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('salesperson_code', sa.String(length=32), nullable=False),
    sa.Column('sku', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('share_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_code_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('channel_order',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=24), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('fulfilment', sa.String(length=16), nullable=False),
    sa.Column('goods_fen', sa.BigInteger(), nullable=False),
    sa.Column('discount_fen', sa.BigInteger(), nullable=False),
    sa.Column('delivery_fen', sa.BigInteger(), nullable=False),
    sa.Column('paid_fen', sa.BigInteger(), nullable=False),
    sa.Column('share_code', sa.String(length=16), nullable=True),
    sa.Column('salesperson_code', sa.String(length=32), nullable=True),
    sa.Column('pickup_code', sa.String(length=6), nullable=False),
    sa.Column('open_pickup_code', sa.String(length=6), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('tracking_no', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('details', JSON_TYPE, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['channel_member.id'], ),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merchant_id', 'channel', 'external_id'),
    sa.UniqueConstraint('store_id', 'open_pickup_code')
    )
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_order_salesperson_code'), ['salesperson_code'], unique=False)
        batch_op.create_index('ix_channel_order_store_status', ['store_id', 'status'], unique=False)

    op.create_table('channel_order_line',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_fen', sa.BigInteger(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['channel_order.id'], ),
    sa.PrimaryKeyConstraint('order_id', 'line_no')
    )
    op.create_table('channel_order_transition',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('actor_kind', sa.String(length=16), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['channel_order.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('channel_order_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_order_transition_order_id'), ['order_id'], unique=False)

    op.create_table('stock_reservation',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('sku_code', sa.String(length=32), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['order_id'], ['channel_order.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_reservation_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_stock_reservation_store_sku', ['store_id', 'sku_code'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stock_reservation', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_reservation_store_sku')
        batch_op.drop_index(batch_op.f('ix_stock_reservation_order_id'))

    op.drop_table('stock_reservation')
    with op.batch_alter_table('channel_order_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_order_transition_order_id'))

    op.drop_table('channel_order_transition')
    op.drop_table('channel_order_line')
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_order_store_status')
        batch_op.drop_index(batch_op.f('ix_channel_order_salesperson_code'))

    op.drop_table('channel_order')
    with op.batch_alter_table('share_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_share_code_merchant_id'))

    op.drop_table('share_code')
    op.drop_table('channel_member')
    with op.batch_alter_table('channel_credential', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_credential_merchant_id'))

    op.drop_table('channel_credential')
