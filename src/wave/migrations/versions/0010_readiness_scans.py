"""readiness scans (SPEC §13): a scan, who it is shared with, and each member's answers

`scan`: owned like a design, at one level (course, programme, institution), optionally
following an earlier scan it is compared with, closed when nobody may answer any more.
`scan_share`: edit members answer, view members read. `scan_answer`: one row per member
and statement, value 1-4 or NULL for "don't know".

Revision ID: 0010_readiness_scans
Revises: 0008
Create Date: 2026-12-02 08:04:25
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010_readiness_scans"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("follows_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["follows_id"],
            ["scan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "scan_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("statement", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"],
            ["scan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scan_id", "user_id", "statement"),
    )
    with op.batch_alter_table("scan_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_answer_scan_id"), ["scan_id"], unique=False)

    op.create_table(
        "scan_share",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"],
            ["scan.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scan_id", "user_id"),
    )
    with op.batch_alter_table("scan_share", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_share_scan_id"), ["scan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_share_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scan_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_share_user_id"))
        batch_op.drop_index(batch_op.f("ix_scan_share_scan_id"))

    op.drop_table("scan_share")
    with op.batch_alter_table("scan_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_answer_scan_id"))

    op.drop_table("scan_answer")
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_owner_id"))

    op.drop_table("scan")
