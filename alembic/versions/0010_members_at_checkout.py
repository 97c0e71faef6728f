"""members at checkout: who bought and who sold on the sale, the level discount per line

Revision ID: 0010
Revises: 0009
"""
from typing import Sequence, Union

from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


revision: str = '0010'
down_revision: Union[str, None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # plain ADD COLUMN (nullable or with a default): no table rebuild of a big sale table
    op.add_column('sale', sa.Column('member_id', sa.String(length=36), nullable=True))
    op.add_column('sale', sa.Column('salesperson_id', sa.String(length=36), nullable=True))
    op.create_index('ix_sale_member_id', 'sale', ['member_id'])
    op.add_column('sale_line_detail', sa.Column('member_fen', sa.Integer(), nullable=False,
                                                server_default='0'))
    op.add_column('sale_line_detail', sa.Column('salesperson_id', sa.String(length=36),
                                                nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sale_line_detail') as batch:
        batch.drop_column('salesperson_id')
        batch.drop_column('member_fen')
    op.drop_index('ix_sale_member_id', table_name='sale')
    with op.batch_alter_table('sale') as batch:
        batch.drop_column('salesperson_id')
        batch.drop_column('member_id')
