"""Database tables. A design is stored as its `wave.design/v1` document plus a version."""

from datetime import UTC, datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def now() -> datetime:
    return datetime.now(UTC)


class DesignRecord(SQLModel, table=True):
    __tablename__ = "design"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    template: str = Field(max_length=64)
    document: str = Field(sa_column=Column(Text, nullable=False))
    version: int = Field(default=1)
    example_slug: str | None = Field(default=None, max_length=64, index=True)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)


class DesignVersion(SQLModel, table=True):
    """Every save, so that a change can be undone and versions compared."""

    __tablename__ = "design_version"
    __table_args__ = (UniqueConstraint("design_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    version: int
    document: str = Field(sa_column=Column(Text, nullable=False))
    summary: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=now)
