"""team links

`team_link`: a person invites a colleague to use each other's own material
(custom activities and templates); only an accepted link counts (wave.team).
Until now an *edit* share made two people a team without asking either; that
no longer counts, and no links are made for it: a team starts with an
invitation someone accepts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["user.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("owner_id", "member_id"),
    )
    with op.batch_alter_table("team_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_link_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("team_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_link_member_id"))
    op.drop_table("team_link")
