"""transfers through the cloud: stores by code, lines by SKU, damaged goods and notes

A transfer from another store arrives through the change log; that store is not a
row of this database, so its side is named by code and its store id is NULL. Lines
carry the SKU code and name, because product ids differ from till to till.

Revision ID: 0012
Revises: 0011
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0012'
down_revision: Union[str, None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('transfer_order', schema=None) as batch_op:
        batch_op.add_column(sa.Column('from_store_code', sa.String(length=16), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('to_store_code', sa.String(length=16), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('reason', sa.String(length=300), nullable=False,
                                      server_default=''))
        batch_op.alter_column('from_store_id', existing_type=sa.String(length=36), nullable=True)
        batch_op.alter_column('to_store_id', existing_type=sa.String(length=36), nullable=True)
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sku_code', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('name', sa.String(length=200), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('damaged_milli', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('note', sa.String(length=200), nullable=False,
                                      server_default=''))
        batch_op.alter_column('product_id', existing_type=sa.String(length=36), nullable=True)
    # Transfers made before this revision were between stores of this database.
    op.execute("UPDATE transfer_order SET "
               "from_store_code = (SELECT code FROM store WHERE store.id = from_store_id), "
               "to_store_code = (SELECT code FROM store WHERE store.id = to_store_id)")
    op.execute("UPDATE transfer_line SET "
               "sku_code = (SELECT sku_code FROM product WHERE product.id = product_id), "
               "name = (SELECT name FROM product WHERE product.id = product_id)")


def downgrade() -> None:
    op.execute("DELETE FROM transfer_line WHERE product_id IS NULL OR transfer_id IN "
               "(SELECT id FROM transfer_order WHERE from_store_id IS NULL OR to_store_id IS NULL)")
    op.execute("DELETE FROM transfer_order WHERE from_store_id IS NULL OR to_store_id IS NULL")
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.alter_column('product_id', existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_column('note')
        batch_op.drop_column('damaged_milli')
        batch_op.drop_column('name')
        batch_op.drop_column('sku_code')
    with op.batch_alter_table('transfer_order', schema=None) as batch_op:
        batch_op.alter_column('to_store_id', existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column('from_store_id', existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_column('reason')
        batch_op.drop_column('to_store_code')
        batch_op.drop_column('from_store_code')
