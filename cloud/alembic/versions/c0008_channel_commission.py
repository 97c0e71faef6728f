"""channel commission: commission earned on fulfilled channel orders, reversed on refund

Revision ID: c0008
Revises: c0007
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'c0008'
down_revision: Union[str, None] = 'c0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('channel_commission',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('salesperson_code', sa.String(length=32), nullable=False),
    sa.Column('rule_id', sa.String(length=36), nullable=True),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('commission_fen', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['order_id'], ['channel_order.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('order_id', 'line_no', 'kind')
    )
    op.create_index(op.f('ix_channel_commission_merchant_id'), 'channel_commission',
                    ['merchant_id'])
    op.create_index(op.f('ix_channel_commission_order_id'), 'channel_commission', ['order_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_channel_commission_order_id'), table_name='channel_commission')
    op.drop_index(op.f('ix_channel_commission_merchant_id'), table_name='channel_commission')
    op.drop_table('channel_commission')
