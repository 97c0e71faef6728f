"""transfer requests: a store asks another store for goods (from the cloud's change log)

Revision ID: 0015
Revises: 0014
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0015'
down_revision: Union[str, None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('transfer_request',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('from_store_code', sa.String(length=16), nullable=False),
    sa.Column('to_store_code', sa.String(length=16), nullable=False),
    sa.Column('lines_json', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('requested_by', sa.String(length=60), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transfer_request', schema=None) as batch_op:
        batch_op.create_index('ix_transfer_request_from_store', ['from_store_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('transfer_request', schema=None) as batch_op:
        batch_op.drop_index('ix_transfer_request_from_store')
    op.drop_table('transfer_request')
