"""Database tables. A design is stored as its `wave.design/v1` document plus a version."""

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
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
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    review_status: str = Field(default="draft", max_length=20)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    # characters of all kept versions' documents: what the owner's storage quota counts
    stored_size: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    # set when the owner deletes it: gone for everyone, in the owner's trash until purged
    deleted_at: datetime | None = Field(default=None, index=True)


class DesignVersion(SQLModel, table=True):
    """Every save, so that a change can be undone and versions compared."""

    __tablename__ = "design_version"
    __table_args__ = (UniqueConstraint("design_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    version: int
    document: str = Field(sa_column=Column(Text, nullable=False))
    summary: str = Field(default="", max_length=300)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=now)


class UndoStep(SQLModel, table=True):
    """One edit a person made on a design, for their own undo and redo (see wave.undo)."""

    __tablename__ = "undo_step"
    __table_args__ = (UniqueConstraint("design_id", "user_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id")
    user_id: int = Field(foreign_key="user.id", index=True)
    seq: int  # increasing per user and design
    # the design's versions before and after the edit: their documents are in DesignVersion
    before_version: int
    after_version: int
    summary_nl: str = Field(default="", max_length=300)
    summary_en: str = Field(default="", max_length=300)
    state: str = Field(default="done", max_length=10)  # done, undone
    created_at: datetime = Field(default_factory=now)


class User(SQLModel, table=True):
    __tablename__ = "user"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=100)
    password_hash: str = Field(max_length=200)
    # UI preferences (JSON object, see wave.prefs): collapsed panels, zoom.
    prefs: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    created_at: datetime = Field(default_factory=now)


class SignInSession(SQLModel, table=True):
    """A signed-in browser. Kept in the database so that any app process knows it."""

    __tablename__ = "signin_session"

    id: str = Field(primary_key=True, max_length=64)  # random token, also the cookie value
    user_id: int = Field(foreign_key="user.id", index=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=now)
    expires_at: datetime


class LoginAttempt(SQLModel, table=True):
    """Failed sign-ins, for throttling (in the database: several processes share it).
    Counted per client address and per address and account (`wave.accounts.LIMITS`)."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_address_created_at", "address", "created_at"),
        Index("ix_login_attempt_address_email_created_at", "address", "email", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254)
    address: str = Field(default="", max_length=64)  # the client's IP address
    created_at: datetime = Field(default_factory=now, index=True)


class Share(SQLModel, table=True):
    __tablename__ = "share"
    __table_args__ = (UniqueConstraint("design_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = Field(max_length=10)  # edit, comment, view
    created_at: datetime = Field(default_factory=now)


class TeamLink(SQLModel, table=True):
    """Two people who use each other's own material (custom activities and templates):
    the owner invited the member by e-mail; only an accepted link counts (`wave.team`).
    Either side may end it. A share of a design makes no team."""

    __tablename__ = "team_link"
    __table_args__ = (UniqueConstraint("owner_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id")  # who invited (the unique pair's index)
    member_id: int = Field(foreign_key="user.id", index=True)  # who was invited
    accepted: bool = Field(default=False)
    created_at: datetime = Field(default_factory=now)


class Comment(SQLModel, table=True):
    __tablename__ = "comment"

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    activity_id: str | None = Field(default=None, max_length=64)
    rule_id: str | None = Field(default=None, max_length=64)  # a comment on a finding
    parent_id: int | None = Field(default=None, foreign_key="comment.id")
    author_id: int = Field(foreign_key="user.id")
    body: str = Field(sa_column=Column(Text, nullable=False))
    resolved: bool = Field(default=False)
    created_at: datetime = Field(default_factory=now)


class DesignEvent(SQLModel, table=True):
    """One line of a person's inbox (SPEC §6): what happened on a design they have
    access to, by whom, and whether they have seen it. `kind`: shared,
    review-requested, comment, reply, status, invitation-accepted."""

    __tablename__ = "design_event"

    id: int | None = Field(default=None, primary_key=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    # who is told; rows from before the inbox went to the design's owner
    recipient_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    actor_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=20)
    detail: str = Field(default="", max_length=300)
    seen: bool = Field(default=False)
    created_at: datetime = Field(default_factory=now)


class Invitation(SQLModel, table=True):
    """A share for an e-mail address that has no account yet: whoever signs up or signs
    in through its link gets the share. Only a hash of the link's token is kept."""

    __tablename__ = "invitation"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    design_id: int = Field(foreign_key="design.id", index=True)
    email: str = Field(max_length=254)
    role: str = Field(max_length=10)  # edit, comment, view
    invited_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=now)
    accepted_by: int | None = Field(default=None, foreign_key="user.id")
    accepted_at: datetime | None = None


class PasswordReset(SQLModel, table=True):
    """A one-time password-reset link (SPEC §6): valid for an hour, once. Only a hash of
    the link's token is kept."""

    __tablename__ = "password_reset"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=now)
    expires_at: datetime
    used_at: datetime | None = None


class CustomActivity(SQLModel, table=True):
    """A teacher's own activity beside the catalogue; placed as `activity: custom`."""

    __tablename__ = "custom_activity"

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    title: str = Field(max_length=200)
    learning_type: str = Field(max_length=20)
    interactions: str = Field(max_length=100)  # space-separated
    modes: str = Field(max_length=20, default="online offline")
    minutes: int = Field(default=30)
    created_at: datetime = Field(default_factory=now)


class CustomTemplate(SQLModel, table=True):
    """A design's phase structure saved as a template (SPEC §2 `custom`)."""

    __tablename__ = "custom_template"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True, index=True)
    owner_id: int = Field(foreign_key="user.id", index=True)
    name: str = Field(max_length=200)
    phases: str = Field(sa_column=Column(Text, nullable=False))  # JSON [{id,title,kind}]
    created_at: datetime = Field(default_factory=now)


class Presence(SQLModel, table=True):
    """Someone with a design open (SPEC §10): one row per open canvas (a browser tab,
    `client`), kept while its event stream is open and refreshed by it; a row whose
    stream stopped refreshing (a process that died) is left out after `STALE_S`."""

    __tablename__ = "presence"

    client: str = Field(primary_key=True, max_length=40)
    design_id: int = Field(foreign_key="design.id", index=True)
    user_id: int = Field(foreign_key="user.id")
    card: str | None = Field(default=None, max_length=64)  # the card whose editor is open
    seen_at: datetime = Field(default_factory=now)


class ProgrammeRecord(SQLModel, table=True):
    """A programme (SPEC §12): its `wave.programme/v1` document plus a version, owned and
    shared like a design (`wave.programmes`)."""

    __tablename__ = "programme"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    document: str = Field(sa_column=Column(Text, nullable=False))
    version: int = Field(default=1)
    example_slug: str | None = Field(default=None, max_length=64, index=True)
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)


class ProgrammeVersion(SQLModel, table=True):
    __tablename__ = "programme_version"
    __table_args__ = (UniqueConstraint("programme_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    version: int
    document: str = Field(sa_column=Column(Text, nullable=False))
    summary: str = Field(default="", max_length=300)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=now)


class ProgrammeShare(SQLModel, table=True):
    __tablename__ = "programme_share"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = Field(max_length=10)  # edit, comment, view
    created_at: datetime = Field(default_factory=now)


class ScanRecord(SQLModel, table=True):
    """A readiness scan (SPEC §13): a team's answers on the twelve dimensions at one
    level, owned and shared like a design (`wave.scans.store`). `follows`: the earlier
    scan of the same team and level it is compared with. Once closed, nobody answers."""

    __tablename__ = "scan"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    level: str = Field(max_length=20)  # course, programme, institution
    owner_id: int = Field(foreign_key="user.id", index=True)
    follows_id: int | None = Field(default=None, foreign_key="scan.id")
    closed_at: datetime | None = None
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)


class ScanShare(SQLModel, table=True):
    """A scan shared with a person: *edit* members answer, *view* members read."""

    __tablename__ = "scan_share"
    __table_args__ = (UniqueConstraint("scan_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    scan_id: int = Field(foreign_key="scan.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = Field(max_length=10)  # edit, view
    created_at: datetime = Field(default_factory=now)


class ScanAnswer(SQLModel, table=True):
    """One member's answer to one statement: 1–4, or NULL for "don't know". A member's
    answers are replaced as a whole when they answer again."""

    __tablename__ = "scan_answer"
    __table_args__ = (UniqueConstraint("scan_id", "user_id", "statement"),)

    id: int | None = Field(default=None, primary_key=True)
    scan_id: int = Field(foreign_key="scan.id", index=True)
    user_id: int = Field(foreign_key="user.id")
    statement: str = Field(max_length=64)  # e.g. facilities.2 (wave.scans.dimensions)
    value: int | None = None
    created_at: datetime = Field(default_factory=now)
