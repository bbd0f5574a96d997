"""sign-in limits per client address

Failed sign-ins are counted per client address and per address and account
(wave.accounts.LIMITS), no longer per account alone; the e-mail index gives way
to two that serve those counts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:25:28.051138
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        # rows from before have no address: they count for none, and are purged within a day
        batch_op.add_column(
            sa.Column(
                "address", sqlmodel.sql.sqltypes.AutoString(length=64), server_default="", nullable=False
            )
        )
        batch_op.drop_index(batch_op.f("ix_login_attempt_email"))
        batch_op.create_index("ix_login_attempt_address_created_at", ["address", "created_at"], unique=False)
        batch_op.create_index(
            "ix_login_attempt_address_email_created_at", ["address", "email", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempt_address_email_created_at")
        batch_op.drop_index("ix_login_attempt_address_created_at")
        batch_op.create_index(batch_op.f("ix_login_attempt_email"), ["email"], unique=False)
        batch_op.drop_column("address")
