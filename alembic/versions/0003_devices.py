"""devices: durable print queue, cash drawer log, device settings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('print_job',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('ref_id', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=False),
    sa.Column('reprint_of', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.create_index('ix_print_job_status_next', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_job_ref_id'), ['ref_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_job_created_at'), ['created_at'], unique=False)
    op.create_table('drawer_kick',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('ref_id', sa.String(length=64), nullable=False),
    sa.Column('device_url', sa.String(length=300), nullable=False),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.Column('opened', sa.Boolean(), nullable=False),
    sa.Column('error', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drawer_kick', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drawer_kick_created_at'), ['created_at'], unique=False)
    op.create_table('device_setting',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind')
    )


def downgrade() -> None:
    op.drop_table('device_setting')
    with op.batch_alter_table('drawer_kick', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drawer_kick_created_at'))
    op.drop_table('drawer_kick')
    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_job_created_at'))
        batch_op.drop_index(batch_op.f('ix_print_job_ref_id'))
        batch_op.drop_index('ix_print_job_status_next')
    op.drop_table('print_job')
