"""channel orders at the till: group-buy batch, matched member, announcement, settings

Revision ID: 0011
Revises: 0010
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.String(length=40), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('local_member_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('announced_at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_channel_order_group', ['store_code', 'group_id'], unique=False)
        batch_op.create_index('ix_channel_order_local_member', ['local_member_id'], unique=False)
    # orders synced before this revision count as announced: no flood of old slips
    op.execute("UPDATE channel_order SET announced_at = updated_at")
    op.create_table('channel_till_setting',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('channel_till_setting')
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_order_local_member')
        batch_op.drop_index('ix_channel_order_group')
        batch_op.drop_column('announced_at')
        batch_op.drop_column('local_member_id')
        batch_op.drop_column('group_id')
