"""members and salespeople

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 08:44:39.347512
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('commission_rule',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('rate_bp', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('scope_ref', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('member_level',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('price_tier', sa.String(length=16), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('points_multiplier_pct', sa.Integer(), nullable=False),
    sa.Column('upgrade_spend_fen', sa.Integer(), nullable=True),
    sa.Column('upgrade_topup_fen', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('rank')
    )
    op.create_table('topup_rule',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('threshold_fen', sa.Integer(), nullable=False),
    sa.Column('bonus_fen', sa.Integer(), nullable=False),
    sa.Column('repeatable', sa.Boolean(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('member_program',
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('store_id')
    )
    op.create_table('salesperson',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('badge', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('badge'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('user_id')
    )
    op.create_table('member',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('phone', sa.String(length=11), nullable=False),
    sa.Column('phone_last4', sa.String(length=4), nullable=False),
    sa.Column('card_no', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('level_id', sa.String(length=36), nullable=False),
    sa.Column('code_secret', sa.String(length=32), nullable=False),
    sa.Column('tags', sa.String(length=200), nullable=False),
    sa.Column('consent_at', sa.DateTime(), nullable=False),
    sa.Column('recruited_by_id', sa.String(length=36), nullable=True),
    sa.Column('salesperson_id', sa.String(length=36), nullable=True),
    sa.Column('bound_at', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['level_id'], ['member_level.id'], ),
    sa.ForeignKeyConstraint(['recruited_by_id'], ['salesperson.id'], ),
    sa.ForeignKeyConstraint(['salesperson_id'], ['salesperson.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('card_no'),
    sa.UniqueConstraint('phone')
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_phone_last4'), ['phone_last4'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_recruited_by_id'), ['recruited_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_salesperson_id'), ['salesperson_id'], unique=False)

    op.create_table('coupon',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('threshold_fen', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('scope_ref', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_member_id'), ['member_id'], unique=False)

    op.create_table('member_binding',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('salesperson_id', sa.String(length=36), nullable=False),
    sa.Column('previous_id', sa.String(length=36), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('by_user_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['by_user_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['previous_id'], ['salesperson.id'], ),
    sa.ForeignKeyConstraint(['salesperson_id'], ['salesperson.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('member_binding', schema=None) as batch_op:
        batch_op.create_index('ix_member_binding_member_created', ['member_id', 'created_at'], unique=False)

    op.create_table('points_move',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_type', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('overdraft', sa.Boolean(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('points_move', schema=None) as batch_op:
        batch_op.create_index('ix_points_move_member_created', ['member_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_points_move_ref_id'), ['ref_id'], unique=False)

    op.create_table('sales_credit',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('sale_line_id', sa.String(length=36), nullable=False),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('refund_line_id', sa.String(length=36), nullable=True),
    sa.Column('salesperson_id', sa.String(length=36), nullable=True),
    sa.Column('member_id', sa.String(length=36), nullable=True),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('commission_fen', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.String(length=36), nullable=True),
    sa.Column('business_date', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['rule_id'], ['commission_rule.id'], ),
    sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], ),
    sa.ForeignKeyConstraint(['sale_line_id'], ['sale_line.id'], ),
    sa.ForeignKeyConstraint(['salesperson_id'], ['salesperson.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sales_credit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_credit_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_credit_refund_id'), ['refund_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_credit_sale_id'), ['sale_id'], unique=False)
        batch_op.create_index('ix_sales_credit_sp_date', ['salesperson_id', 'business_date'], unique=False)

    op.create_table('stored_value_move',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('principal_fen', sa.Integer(), nullable=False),
    sa.Column('bonus_fen', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ref_type', sa.String(length=16), nullable=False),
    sa.Column('ref_id', sa.String(length=36), nullable=True),
    sa.Column('tender', sa.String(length=16), nullable=False),
    sa.Column('refund_id', sa.String(length=36), nullable=True),
    sa.Column('offline', sa.Boolean(), nullable=False),
    sa.Column('overdraft', sa.Boolean(), nullable=False),
    sa.Column('store_id', sa.String(length=36), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], ),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['store_id'], ['store.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stored_value_move', schema=None) as batch_op:
        batch_op.create_index('ix_stored_value_move_member_created', ['member_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stored_value_move_ref_id'), ['ref_id'], unique=False)

    op.create_table('coupon_redemption',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('coupon_id', sa.String(length=36), nullable=False),
    sa.Column('sale_id', sa.String(length=36), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('terminal_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['coupon_id'], ['coupon.id'], ),
    sa.ForeignKeyConstraint(['terminal_id'], ['terminal.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('coupon_id')
    )
    with op.batch_alter_table('coupon_redemption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupon_redemption_sale_id'), ['sale_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('coupon_redemption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_redemption_sale_id'))

    op.drop_table('coupon_redemption')
    with op.batch_alter_table('stored_value_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_value_move_ref_id'))
        batch_op.drop_index('ix_stored_value_move_member_created')

    op.drop_table('stored_value_move')
    with op.batch_alter_table('sales_credit', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_credit_sp_date')
        batch_op.drop_index(batch_op.f('ix_sales_credit_sale_id'))
        batch_op.drop_index(batch_op.f('ix_sales_credit_refund_id'))
        batch_op.drop_index(batch_op.f('ix_sales_credit_member_id'))

    op.drop_table('sales_credit')
    with op.batch_alter_table('points_move', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_points_move_ref_id'))
        batch_op.drop_index('ix_points_move_member_created')

    op.drop_table('points_move')
    with op.batch_alter_table('member_binding', schema=None) as batch_op:
        batch_op.drop_index('ix_member_binding_member_created')

    op.drop_table('member_binding')
    with op.batch_alter_table('coupon', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupon_member_id'))

    op.drop_table('coupon')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_salesperson_id'))
        batch_op.drop_index(batch_op.f('ix_member_recruited_by_id'))
        batch_op.drop_index(batch_op.f('ix_member_phone_last4'))
        batch_op.drop_index(batch_op.f('ix_member_created_at'))

    op.drop_table('member')
    op.drop_table('salesperson')
    op.drop_table('member_program')
    op.drop_table('topup_rule')
    op.drop_table('member_level')
    op.drop_table('commission_rule')
