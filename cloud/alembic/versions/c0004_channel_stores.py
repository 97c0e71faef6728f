"""channel: group-buy batches (group id on channel orders) for pickup stores

Revision ID: c0004
Revises: c0003
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'c0004'
down_revision: Union[str, None] = 'c0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.String(length=40), nullable=True))
        batch_op.create_index('ix_channel_order_group', ['store_id', 'group_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_order_group')
        batch_op.drop_column('group_id')
