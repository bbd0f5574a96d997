"""presence: who has a design open, and which card each is editing (SPEC §10)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 05:10:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("card", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("seen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["design_id"], ["design.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("client"),
    )
    with op.batch_alter_table("presence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_presence_design_id"), ["design_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("presence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_presence_design_id"))
    op.drop_table("presence")
