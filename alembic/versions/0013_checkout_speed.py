"""checkout speed: fewer B-trees written per sale

Every completed sale wrote two indexes nobody reads on the till:
- ix_sale_line_product_id: no till query looks sale lines up by product (reports go
  through the sale), and products are never deleted, so the foreign key never needs it;
  each line landed on a random page of it.
- ix_stock_balance_store_on_hand: every sale line moved its balance's entry (two random
  pages per line). Its one selective use, the back office's "negative stock" filter, is
  served by a partial index of the negative balances only, which sales of goods in stock
  never touch.

Revision ID: 0013
Revises: 0012
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0013'
down_revision: Union[str, None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_index('ix_sale_line_product_id', table_name='sale_line')
    op.drop_index('ix_stock_balance_store_on_hand', table_name='stock_balance')
    op.create_index('ix_stock_balance_negative', 'stock_balance', ['store_id', 'product_id'],
                    sqlite_where=sa.text('on_hand_milli < 0'))


def downgrade() -> None:
    op.drop_index('ix_stock_balance_negative', table_name='stock_balance')
    op.create_index('ix_stock_balance_store_on_hand', 'stock_balance',
                    ['store_id', 'on_hand_milli'])
    op.create_index('ix_sale_line_product_id', 'sale_line', ['product_id'])
