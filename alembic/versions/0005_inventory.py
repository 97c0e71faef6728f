"""inventory: suppliers, brands, variants, pack units, stock levels and balances,
purchasing, goods documents, stocktakes, transfers

stock_balance is a cache of the stock_movement ledger kept by a trigger on
inserts (the checkout's movements too), back-filled here from the ledger.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BALANCE_TRIGGER = """
CREATE TRIGGER trg_stock_movement_balance AFTER INSERT ON stock_movement
BEGIN
    INSERT INTO stock_balance (store_id, product_id, on_hand_milli, reserved_milli)
    VALUES (NEW.store_id, NEW.product_id, NEW.quantity_milli, 0)
    ON CONFLICT (store_id, product_id)
    DO UPDATE SET on_hand_milli = on_hand_milli + NEW.quantity_milli;
END
"""

BACKFILL = """
INSERT INTO stock_balance (store_id, product_id, on_hand_milli, reserved_milli)
SELECT store_id, product_id, SUM(quantity_milli), 0 FROM stock_movement
 GROUP BY store_id, product_id
"""


def upgrade() -> None:
    op.create_table('brand',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('supplier',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('contact', sa.String(length=60), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('document_counter',
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('store_id', 'kind')
    )
    op.create_table('purchase_order',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('supplier_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    with op.batch_alter_table('purchase_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_order_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('stocktake',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    op.create_table('transfer_order',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('from_store_id', sa.String(length=36), nullable=False),
    sa.Column('to_store_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['from_store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['to_store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    op.create_table('goods_document',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('supplier_id', sa.String(length=36), nullable=True),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['purchase_order.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    with op.batch_alter_table('goods_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goods_document_order_id'), ['order_id'], unique=False)

    op.create_table('pack_unit',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=16), nullable=False),
    sa.Column('factor_milli', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=48), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('barcode'),
    sa.UniqueConstraint('product_id', 'name')
    )
    with op.batch_alter_table('pack_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pack_unit_product_id'), ['product_id'], unique=False)

    op.create_table('product_extra',
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('supplier_id', sa.String(length=36), nullable=True),
    sa.Column('style_code', sa.String(length=32), nullable=True),
    sa.Column('colour', sa.String(length=32), nullable=False),
    sa.Column('size', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], ),
    sa.PrimaryKeyConstraint('product_id')
    )
    with op.batch_alter_table('product_extra', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_extra_style_code'), ['style_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_product_extra_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('purchase_order_line',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('ordered_milli', sa.Integer(), nullable=False),
    sa.Column('received_milli', sa.Integer(), nullable=False),
    sa.Column('unit_cost_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['purchase_order.id'], ),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('order_id', 'product_id')
    )
    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_order_line_order_id'), ['order_id'], unique=False)

    op.create_table('stock_balance',
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('on_hand_milli', sa.Integer(), nullable=False),
    sa.Column('reserved_milli', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('store_id', 'product_id')
    )
    with op.batch_alter_table('stock_balance', schema=None) as batch_op:
        batch_op.create_index('ix_stock_balance_store_on_hand', ['store_id', 'on_hand_milli'], unique=False)

    op.create_table('stock_level_setting',
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('min_milli', sa.Integer(), nullable=False),
    sa.Column('max_milli', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('store_id', 'product_id')
    )
    op.create_table('stocktake_count',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('stocktake_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('device', sa.String(length=40), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktake.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stocktake_count', schema=None) as batch_op:
        batch_op.create_index('ix_stocktake_count_take_product', ['stocktake_id', 'product_id'], unique=False)

    op.create_table('stocktake_item',
    sa.Column('stocktake_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('book_milli', sa.Integer(), nullable=False),
    sa.Column('cost_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktake.id'], ),
    sa.PrimaryKeyConstraint('stocktake_id', 'product_id')
    )
    op.create_table('transfer_line',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('transfer_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('sent_milli', sa.Integer(), nullable=False),
    sa.Column('received_milli', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer_order.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('transfer_id', 'product_id')
    )
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_line_transfer_id'), ['transfer_id'], unique=False)

    op.create_table('goods_document_line',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_cost_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['goods_document.id'], ),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('goods_document_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goods_document_line_document_id'), ['document_id'], unique=False)


    op.execute(BACKFILL)
    op.execute(BALANCE_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_stock_movement_balance")
    with op.batch_alter_table('goods_document_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goods_document_line_document_id'))

    op.drop_table('goods_document_line')
    with op.batch_alter_table('transfer_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_line_transfer_id'))

    op.drop_table('transfer_line')
    op.drop_table('stocktake_item')
    with op.batch_alter_table('stocktake_count', schema=None) as batch_op:
        batch_op.drop_index('ix_stocktake_count_take_product')

    op.drop_table('stocktake_count')
    op.drop_table('stock_level_setting')
    with op.batch_alter_table('stock_balance', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_balance_store_on_hand')

    op.drop_table('stock_balance')
    with op.batch_alter_table('purchase_order_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_order_line_order_id'))

    op.drop_table('purchase_order_line')
    with op.batch_alter_table('product_extra', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_extra_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_product_extra_style_code'))

    op.drop_table('product_extra')
    with op.batch_alter_table('pack_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pack_unit_product_id'))

    op.drop_table('pack_unit')
    with op.batch_alter_table('goods_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goods_document_order_id'))

    op.drop_table('goods_document')
    op.drop_table('transfer_order')
    op.drop_table('stocktake')
    with op.batch_alter_table('purchase_order', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_order_supplier_id'))

    op.drop_table('purchase_order')
    op.drop_table('document_counter')
    op.drop_table('supplier')
    op.drop_table('brand')
