"""Backup and restore of the whole database (SPEC §11), for `wave backup` and `wave restore`.

A backup is one file. On SQLite it is an SQLite database written with SQLite's
online backup API: one read transaction copies every page, so the copy is the
database as of one moment, WAL content included, while Wave goes on writing. On
PostgreSQL it is a `pg_dump --format=custom` archive (one snapshot as well).

Both carry Alembic's `alembic_version` table: that is how a file is recognised
as a Wave backup, and after a restore the migrations bring an older backup up to
the current schema. A backup made by a newer Wave (a revision this one does not
know) is refused rather than half understood.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

Kind = Literal["sqlite", "postgresql"]
MAGIC: dict[Kind, bytes] = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP"}
KIND_NAMES: dict[Kind, str] = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CLIENT_TOOLS = (
    "it comes with PostgreSQL's client programs (Debian/Ubuntu: "
    "apt-get install postgresql-client, the server's major version or newer)"
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for a person."""


@dataclass(frozen=True)
class Done:
    """What was written or restored: the kind of database and its schema revision."""

    kind: Kind
    revision: str


# --- the configured database ------------------------------------------------------


def database_kind(url: str) -> Kind:
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise BackupError("WAVE_DATABASE_URL is not a database URL") from None
    if backend not in MAGIC:
        raise BackupError(f"backups are made of SQLite and PostgreSQL databases, not {backend}")
    return backend


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("WAVE_DATABASE_URL names no SQLite file")
    return Path(database)


def libpq_conninfo(url: str) -> tuple[str, dict[str, str]]:
    """The SQLAlchemy URL (`postgresql+psycopg://…`) as a libpq URL for pg_dump and
    pg_restore, and the environment to run them in: the password goes in PGPASSWORD,
    not on a command line that `ps` shows to everyone on the machine."""
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    plain = URL.create(
        "postgresql",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return plain.render_as_string(hide_password=False), env


def _engine(url: str):
    # A short-lived engine of our own, not wave.db's cached one: nothing stays open.
    return create_engine(url, poolclass=NullPool)


def _revision_in_database(url: str) -> str | None:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise BackupError(f"cannot read the database: {_first_line(exc)}") from None
    finally:
        engine.dispose()


def has_data(url: str) -> bool:
    """Whether the database holds anything a person made: an account, a design that
    or programme that is not a worked example (those are stored again at start-up), a share, a comment…
    A database with tables but no Wave schema counts when any table has a row."""
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            wave = "alembic_version" in tables
            for table in sorted(tables - {"alembic_version"}):
                if wave and table in ("design_version", "programme_version"):
                    continue  # every version belongs to a design or programme, which is counted
                examples = wave and table in ("design", "programme")
                where = " WHERE example_slug IS NULL" if examples else ""
                quoted = conn.dialect.identifier_preparer.quote(table)
                if conn.execute(text(f"SELECT 1 FROM {quoted}{where} LIMIT 1")).first():
                    return True
            return False
    except SQLAlchemyError as exc:
        raise BackupError(f"cannot read the database: {_first_line(exc)}") from None
    finally:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# --- backup files --------------------------------------------------------------------


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from wave.db import alembic_config

    return {s.revision for s in ScriptDirectory.from_config(alembic_config("")).walk_revisions()}


def _check_revision(file: Path, revision: str | None) -> str:
    if not revision:
        raise BackupError(f"{file}: not a Wave backup (no alembic_version)")
    if revision not in _known_revisions():
        raise BackupError(
            f"{file}: schema revision {revision!r} is not one this Wave knows "
            "(a backup of another application, or made by a newer Wave)"
        )
    return revision


def backup_kind(file: Path) -> Kind:
    """The kind of backup `file` is, from its first bytes."""
    try:
        with file.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise BackupError(f"{file}: no such file") from None
    except OSError as exc:
        raise BackupError(f"{file}: cannot be read: {exc.strerror or exc}") from None
    for kind, magic in MAGIC.items():
        if head.startswith(magic):
            return kind
    raise BackupError(
        f"{file}: not a Wave backup (neither an SQLite database nor a pg_dump custom-format archive)"
    )


def _partial(out: Path) -> Path:
    """Where a backup is written until it is complete; then it is renamed to `out`,
    so `out` is never a half-written file."""
    return out.with_name(f".{out.name}.partial")


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise BackupError(f"{out}: is a directory; give the backup file's name")
    if not out.parent.is_dir():
        raise BackupError(f"{out}: cannot be written: {out.parent} is not a directory")


# --- SQLite --------------------------------------------------------------------------


def _open_sqlite(path: Path, mode: str) -> sqlite3.Connection:
    # mode=ro/rw never creates a file; timeout waits for a writer's lock like wave.db does
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode={mode}", uri=True, timeout=30)


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone():
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _sqlite_backup(url: str, out: Path) -> Done:
    path = sqlite_path(url)
    if not path.is_file():
        raise BackupError(f"{path}: no database here (WAVE_DATABASE_URL)")
    if out.exists() and out.resolve() == path.resolve():
        raise BackupError(f"{out}: is the database itself")
    _check_out(out)
    partial = _partial(out)
    partial.unlink(missing_ok=True)
    try:
        source = _open_sqlite(path, "rw")  # rw: a WAL database's readers write its -shm
        try:
            revision = _check_revision(path, _sqlite_revision(source))
            copy = sqlite3.connect(partial)
            try:
                # pages=-1: every page in one step, under one read transaction, so the
                # copy is one moment of the database; writers go on meanwhile (WAL).
                source.backup(copy, pages=-1)
                # The copy is one self-contained file: no -wal beside it to forget.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, out)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{path}: the backup failed: {exc}") from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{out}: cannot be written: {exc.strerror or exc}") from None
    return Done("sqlite", revision)


def _sqlite_restore(url: str, file: Path, *, force: bool) -> Done:
    path = sqlite_path(url)
    try:
        backup = _open_sqlite(file, "ro")
    except sqlite3.Error as exc:
        raise BackupError(f"{file}: cannot be opened: {exc}") from None
    try:
        try:
            revision = _check_revision(file, _sqlite_revision(backup))
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{file}: not a Wave backup ({exc})") from None
        if path.exists() and path.resolve() == file.resolve():
            raise BackupError(f"{file}: is the database itself")
        if path.exists() and not force and has_data(url):
            raise BackupError(f"{path} holds data; restoring replaces all of it (give --force to do that)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(path, timeout=30)
            try:
                # Through the backup API, not by copying the file over the database:
                # SQLite replaces the content under its own locks, WAL included.
                backup.backup(target, pages=-1)
            finally:
                target.close()
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(f"{path}: the restore failed: {exc}") from None
    finally:
        backup.close()
    return Done("sqlite", revision)


# --- PostgreSQL ----------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed: {CLIENT_TOOLS}")
    return found


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(args, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        said = [line for line in done.stderr.strip().splitlines() if line.strip()][-5:]
        name = Path(args[0]).name
        raise BackupError(
            f"{name} failed (exit status {done.returncode})" + ("".join(f"\n  {line}" for line in said))
        )
    return done


COPY_VERSION = re.compile(
    r"^COPY \S*alembic_version \(version_num\) FROM stdin;\n(.*?)\n\\\.$", re.MULTILINE | re.DOTALL
)


def _archive_revision(pg_restore: str, file: Path) -> str | None:
    """The revision in a pg_dump archive: its alembic_version data, as pg_restore reads it."""
    listed = _run([pg_restore, "--list", str(file)], os.environ.copy()).stdout
    if not re.search(r"\bTABLE \S+ alembic_version\b", listed):
        return None
    script = _run(
        [pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(file)], os.environ.copy()
    ).stdout
    found = COPY_VERSION.search(script)
    return found.group(1).strip() if found else None


def _postgresql_backup(url: str, out: Path) -> Done:
    pg_dump = _tool("pg_dump")
    _check_out(out)
    revision = _revision_in_database(url)
    if revision is None:
        raise BackupError(
            "the database of WAVE_DATABASE_URL holds no Wave schema (no alembic_version): nothing to back up"
        )
    conninfo, env = libpq_conninfo(url)
    partial = _partial(out)
    partial.unlink(missing_ok=True)
    try:
        _run([pg_dump, "--format=custom", f"--file={partial}", f"--dbname={conninfo}"], env)
        os.replace(partial, out)
    except OSError as exc:
        raise BackupError(f"{out}: cannot be written: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    return Done("postgresql", revision)


def _postgresql_restore(url: str, file: Path, *, force: bool) -> Done:
    pg_restore = _tool("pg_restore")
    revision = _check_revision(file, _archive_revision(pg_restore, file))
    if not force and has_data(url):
        raise BackupError(
            "the database of WAVE_DATABASE_URL holds data; restoring replaces "
            "all of it (give --force to do that)"
        )
    conninfo, env = libpq_conninfo(url)
    # One transaction: a restore that fails half-way leaves the database as it was.
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={conninfo}",
            str(file),
        ],
        env,
    )
    return Done("postgresql", revision)


# --- the two operations --------------------------------------------------------------


def backup_database(*, url: str, out: Path) -> Done:
    """Write a consistent copy of the whole database at `url` to `out` while Wave runs."""
    kind = database_kind(url)
    return _sqlite_backup(url, out) if kind == "sqlite" else _postgresql_backup(url, out)


def restore_database(*, url: str, file: Path, force: bool = False) -> Done:
    """Replace the database at `url` by the backup `file`, then migrate it to the
    current schema. Refuses a database that holds data unless `force`."""
    kind = database_kind(url)
    found = backup_kind(file)
    if found != kind:
        raise BackupError(
            f"{file}: a backup of {KIND_NAMES[found]}, but WAVE_DATABASE_URL "
            f"names {KIND_NAMES[kind]} (a backup goes back into the kind of "
            "database it came from)"
        )
    if kind == "sqlite":
        done = _sqlite_restore(url, file, force=force)
    else:
        done = _postgresql_restore(url, file, force=force)
    from wave.db import migrate

    try:
        migrate(url)
    except Exception as exc:  # the data is back; say what the migration said, no traceback
        raise BackupError(f"restored, but the migrations failed: {_first_line(exc)}") from None
    return done
