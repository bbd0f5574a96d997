"""stored size per design

`design.stored_size`: the characters of all the design's kept versions, so a
person's storage quota (wave.store) is one SUM over their designs, not over
every version.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("design", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stored_size", sa.BigInteger(), server_default="0", nullable=False))
    op.execute(
        "UPDATE design SET stored_size = (SELECT COALESCE(SUM(LENGTH(v.document)), 0) "
        "FROM design_version v WHERE v.design_id = design.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("design", schema=None) as batch_op:
        batch_op.drop_column("stored_size")
