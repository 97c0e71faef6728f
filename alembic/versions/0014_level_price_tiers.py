"""member level price tiers; editing members needs a permission

- product_tier_price: a product's price per member price tier (MemberLevel.price_tier),
  so a gold level can have its own prices apart from the plain member price.
- edit_members: the builtin supervisor, manager and HQ admin roles get the new
  permission (roles were seeded by 0006; a store's own roles are left to its manager).

Revision ID: 0014
Revises: 0013
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0014'
down_revision: Union[str, None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# frozen here: migrations must not change when the app's DEFAULT_ROLES does
_GRANTED_TO = ("supervisor", "manager", "hq_admin")
_PERMISSION = "edit_members"


def upgrade() -> None:
    op.create_table('product_tier_price',
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('tier', sa.String(length=16), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('price_fen >= 0', name='ck_product_tier_price_nonneg'),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.PrimaryKeyConstraint('product_id', 'tier')
    )
    # only roles that exist (a store may have removed one); never a duplicate grant
    for role in _GRANTED_TO:
        op.execute(sa.text(
            "INSERT INTO role_permission (role_code, permission) "
            "SELECT code, :permission FROM role WHERE code = :role AND NOT EXISTS ("
            "SELECT 1 FROM role_permission WHERE role_code = :role AND permission = :permission)"
        ).bindparams(role=role, permission=_PERMISSION))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM role_permission WHERE permission = :permission")
               .bindparams(permission=_PERMISSION))
    op.drop_table('product_tier_price')
