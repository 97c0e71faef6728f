"""transfer requests: a store asks another store of its merchant to send goods

Revision ID: c0007
Revises: c0006
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision: str = 'c0007'
down_revision: Union[str, None] = 'c0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('transfer_request',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('from_store_id', sa.String(length=36), nullable=False),
    sa.Column('to_store_id', sa.String(length=36), nullable=False),
    sa.Column('from_store_code', sa.String(length=16), nullable=False),
    sa.Column('to_store_code', sa.String(length=16), nullable=False),
    sa.Column('lines', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('requested_by', sa.String(length=60), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['to_store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_transfer_request_from_store', 'transfer_request', ['from_store_id'])
    op.create_index('ix_transfer_request_to_store', 'transfer_request', ['to_store_id'])
    op.create_index(op.f('ix_transfer_request_merchant_id'), 'transfer_request', ['merchant_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_transfer_request_merchant_id'), table_name='transfer_request')
    op.drop_index('ix_transfer_request_to_store', table_name='transfer_request')
    op.drop_index('ix_transfer_request_from_store', table_name='transfer_request')
    op.drop_table('transfer_request')
