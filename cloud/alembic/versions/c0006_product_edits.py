"""product edits from tills: when a cloud product was last edited (last writer wins)

Revision ID: c0006
Revises: c0005
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'c0006'
down_revision: Union[str, None] = 'c0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Products edited before this revision have none: any edit is newer than them.
    with op.batch_alter_table('product') as batch:
        batch.add_column(sa.Column('edited_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('product') as batch:
        batch.drop_column('edited_at')
