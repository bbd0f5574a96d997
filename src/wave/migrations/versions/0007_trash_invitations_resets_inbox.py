"""trash, invitations, password resets, the inbox, comments on findings

- `design.deleted_at`: a deleted design is gone for everyone and sits in the
  owner's trash until it is purged (30 days).
- `invitation`: a share for an e-mail address without an account.
- `password_reset`: one-time reset links.
- `design_event.recipient_id`: the inbox is per person now; earlier events were
  the owner's, and stay theirs.
- `comment.rule_id`: a comment on one finding.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 02:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("design", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_design_deleted_at"), ["deleted_at"], unique=False)
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rule_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
    with op.batch_alter_table("design_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recipient_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_design_event_recipient_id"), ["recipient_id"], unique=False)
        batch_op.create_foreign_key("fk_design_event_recipient_id_user", "user", ["recipient_id"], ["id"])
    op.execute(
        "UPDATE design_event SET recipient_id = "
        "(SELECT owner_id FROM design WHERE design.id = design_event.design_id)"
    )
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("design_id", sa.Integer(), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("invited_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("accepted_by", sa.Integer(), nullable=True),
        sa.Column("accepted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["design_id"], ["design.id"]),
        sa.ForeignKeyConstraint(["invited_by"], ["user.id"]),
        sa.ForeignKeyConstraint(["accepted_by"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_token_hash"), ["token_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_invitation_design_id"), ["design_id"], unique=False)
    op.create_table(
        "password_reset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("password_reset", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_password_reset_token_hash"), ["token_hash"], unique=True)
        batch_op.create_index(batch_op.f("ix_password_reset_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("password_reset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_reset_user_id"))
        batch_op.drop_index(batch_op.f("ix_password_reset_token_hash"))
    op.drop_table("password_reset")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_design_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_token_hash"))
    op.drop_table("invitation")
    with op.batch_alter_table("design_event", schema=None) as batch_op:
        batch_op.drop_constraint("fk_design_event_recipient_id_user", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_design_event_recipient_id"))
        batch_op.drop_column("recipient_id")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_column("rule_id")
    with op.batch_alter_table("design", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_design_deleted_at"))
        batch_op.drop_column("deleted_at")
