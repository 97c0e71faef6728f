"""transfers between stores: the order in transit and the differences on arrival

Revision ID: c0005
Revises: c0004
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'c0005'
down_revision: Union[str, None] = 'c0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('transfer_order',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('from_store_id', sa.String(length=36), nullable=False),
    sa.Column('to_store_id', sa.String(length=36), nullable=True),
    sa.Column('from_store_code', sa.String(length=16), nullable=False),
    sa.Column('to_store_code', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('sent_event_id', sa.String(length=36), nullable=False),
    sa.Column('received_event_id', sa.String(length=36), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['to_store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sent_event_id')
    )
    with op.batch_alter_table('transfer_order', schema=None) as batch_op:
        batch_op.create_index('ix_transfer_order_from_status', ['from_store_id', 'status'], unique=False)
        batch_op.create_index('ix_transfer_order_to_status', ['to_store_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_order_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('transfer_line',
    sa.Column('transfer_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku_code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('sent_milli', sa.BigInteger(), nullable=False),
    sa.Column('received_milli', sa.BigInteger(), nullable=True),
    sa.Column('damaged_milli', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer_order.id'], ),
    sa.PrimaryKeyConstraint('transfer_id', 'line_no')
    )


def downgrade() -> None:
    op.drop_table('transfer_line')
    with op.batch_alter_table('transfer_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_order_merchant_id'))
        batch_op.drop_index('ix_transfer_order_to_status')
        batch_op.drop_index('ix_transfer_order_from_status')
    op.drop_table('transfer_order')
