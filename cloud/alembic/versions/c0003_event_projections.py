"""cloud projections of all till events: refunds, tenders, members and their ledgers,
coupons, sales credit, salespeople, commission rules, programme, levels, promotions, shifts,
who bought and sold each sale, the indexes of the head-office reports, staff and roles

Revision ID: c0003
Revises: c0002
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# JSONB on PostgreSQL, JSON text on SQLite (matches cloud.models.JSONType).
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')

revision: str = 'c0003'
down_revision: Union[str, None] = 'c0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('shift_cash_movement',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('approver', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('shift_cash_movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_cash_movement_shift_id'), ['shift_id'], unique=False)

    op.create_table('shift_tender_count',
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('tender', sa.String(length=24), nullable=False),
    sa.Column('expected_fen', sa.BigInteger(), nullable=False),
    sa.Column('counted_fen', sa.BigInteger(), nullable=True),
    sa.Column('difference_fen', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('shift_id', 'tender')
    )
    op.create_table('commission_rule',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('commission_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commission_rule_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('member_level',
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('merchant_id', 'code')
    )
    op.create_table('member_program',
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('merchant_id')
    )
    op.create_table('promotion',
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('merchant_id', 'id')
    )
    op.create_table('coupon',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_member_id'), ['member_id'], unique=False)

    op.create_table('coupon_redemption',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('coupon_id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('event_id')
    )
    with op.batch_alter_table('coupon_redemption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_redemption_coupon_id'), ['coupon_id'], unique=False)

    op.create_table('member',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('home_store_id', sa.String(length=36), nullable=False),
    sa.Column('phone', sa.String(length=11), nullable=False),
    sa.Column('card_no', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('birthday', sa.String(length=10), nullable=True),
    sa.Column('level_code', sa.String(length=64), nullable=False),
    sa.Column('tags', sa.String(length=200), nullable=False),
    sa.Column('consent_at', sa.DateTime(), nullable=False),
    sa.Column('recruited_by_id', sa.String(length=36), nullable=True),
    sa.Column('salesperson_id', sa.String(length=36), nullable=True),
    sa.Column('bound_at', sa.DateTime(), nullable=True),
    sa.Column('code_secret', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['home_store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index('ix_member_merchant_phone', ['merchant_id', 'phone'], unique=False)

    op.create_table('sales_credit',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('sale_line_id', sa.String(length=36), nullable=False),
    sa.Column('refund_line_id', sa.String(length=36), nullable=True),
    sa.Column('salesperson_id', sa.String(length=36), nullable=True),
    sa.Column('member_id', sa.String(length=36), nullable=True),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('commission_fen', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sales_credit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_credit_event_id'), ['event_id'], unique=False)
        batch_op.create_index('ix_sales_credit_salesperson', ['merchant_id', 'salesperson_id'], unique=False)

    op.create_table('salesperson',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('badge', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('salesperson', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_salesperson_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('points_move',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('points', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_type', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=True),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('overdraft', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('points_move', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_points_move_member_id'), ['member_id'], unique=False)

    op.create_table('refund',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('refund_no', sa.String(length=48), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=True),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('cashier_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('total_fen', sa.BigInteger(), nullable=False),
    sa.Column('tax_fen', sa.BigInteger(), nullable=False),
    sa.Column('without_receipt', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id')
    )
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refund_sale_id'), ['sale_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refund_store_id'), ['store_id'], unique=False)

    op.create_table('shift',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('cashier', sa.String(length=64), nullable=False),
    sa.Column('opening_float_fen', sa.BigInteger(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.Column('over_short_fen', sa.BigInteger(), nullable=True),
    sa.Column('report', JSON_TYPE, nullable=True),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shift_store_id'), ['store_id'], unique=False)

    op.create_table('stored_value_move',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('principal_fen', sa.BigInteger(), nullable=False),
    sa.Column('bonus_fen', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_type', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=True),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('tender', sa.String(length=16), nullable=False),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('overdraft', sa.Boolean(), nullable=False),
    sa.Column('by_user_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stored_value_move', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_value_move_member_id'), ['member_id'], unique=False)

    op.create_table('refund_line',
    sa.Column('refund_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sale_line_id', sa.String(length=36), nullable=True),
    sa.Column('sku_code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('tax_fen', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['refund_id'], ['refund.id'], ),
    sa.PrimaryKeyConstraint('refund_id', 'line_no')
    )
    op.create_table('refund_payment',
    sa.Column('refund_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('tender', sa.String(length=24), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['refund_id'], ['refund.id'], ),
    sa.PrimaryKeyConstraint('refund_id', 'line_no')
    )
    op.create_table('sale_payment',
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('tender', sa.String(length=24), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('change_fen', sa.BigInteger(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], ),
    sa.PrimaryKeyConstraint('sale_id', 'line_no')
    )
    with op.batch_alter_table('sale_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sale_payment_tender'), ['tender'], unique=False)

    # sale projection: who bought and who sold (sale.completed carries them)
    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.add_column(sa.Column('member_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('salesperson_id', sa.String(length=36), nullable=True))
        batch_op.create_index('ix_sale_merchant_date', ['merchant_id', 'business_date'], unique=False)

    with op.batch_alter_table('sale_line', schema=None) as batch_op:
        batch_op.add_column(sa.Column('salesperson_id', sa.String(length=36), nullable=True))

    # what the head-office reports filter and join on
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.create_index('ix_refund_merchant_date', ['merchant_id', 'business_date'], unique=False)
    with op.batch_alter_table('sales_credit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_credit_sale_id'), ['sale_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_credit_refund_id'), ['refund_id'], unique=False)
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.create_index('ix_channel_order_merchant_created', ['merchant_id', 'created_at'], unique=False)
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index('ix_member_merchant_created', ['merchant_id', 'created_at'], unique=False)

    # staff and roles of each store, for the store's other tills
    op.create_table('staff',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('home_store_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('badges', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['home_store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index('ix_staff_merchant_store', ['merchant_id', 'home_store_id'], unique=False)

    op.create_table('staff_role',
    sa.Column('merchant_id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchant.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('merchant_id', 'store_id', 'code')
    )


def downgrade() -> None:
    op.drop_table('staff_role')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index('ix_staff_merchant_store')
    op.drop_table('staff')
    with op.batch_alter_table('channel_order', schema=None) as batch_op:
        batch_op.drop_index('ix_channel_order_merchant_created')
    with op.batch_alter_table('sale_line', schema=None) as batch_op:
        batch_op.drop_column('salesperson_id')
    with op.batch_alter_table('sale', schema=None) as batch_op:
        batch_op.drop_index('ix_sale_merchant_date')
        batch_op.drop_column('salesperson_id')
        batch_op.drop_column('member_id')

    with op.batch_alter_table('sale_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_payment_tender'))

    op.drop_table('sale_payment')
    op.drop_table('refund_payment')
    op.drop_table('refund_line')
    with op.batch_alter_table('stored_value_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_value_move_member_id'))

    op.drop_table('stored_value_move')
    with op.batch_alter_table('shift', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_store_id'))

    op.drop_table('shift')
    with op.batch_alter_table('refund', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refund_store_id'))
        batch_op.drop_index(batch_op.f('ix_refund_sale_id'))
        batch_op.drop_index(batch_op.f('ix_refund_merchant_id'))

    op.drop_table('refund')
    with op.batch_alter_table('points_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_move_member_id'))

    op.drop_table('points_move')
    with op.batch_alter_table('salesperson', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_salesperson_merchant_id'))

    op.drop_table('salesperson')
    with op.batch_alter_table('sales_credit', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_credit_salesperson')
        batch_op.drop_index(batch_op.f('ix_sales_credit_event_id'))

    op.drop_table('sales_credit')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index('ix_member_merchant_phone')

    op.drop_table('member')
    with op.batch_alter_table('coupon_redemption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_redemption_coupon_id'))

    op.drop_table('coupon_redemption')
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_member_id'))

    op.drop_table('coupon')
    op.drop_table('promotion')
    op.drop_table('member_program')
    op.drop_table('member_level')
    with op.batch_alter_table('commission_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commission_rule_merchant_id'))

    op.drop_table('commission_rule')
    op.drop_table('shift_tender_count')
    with op.batch_alter_table('shift_cash_movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shift_cash_movement_shift_id'))

    op.drop_table('shift_cash_movement')
