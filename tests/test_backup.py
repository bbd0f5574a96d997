"""`wave backup OUT` and `wave restore IN` (SPEC §11).

The main test runs a real `wave serve` on a database of its own while a thread
keeps creating and editing designs through the JSON API, takes `wave backup`
in the middle of those writes and restores it into a fresh database. The
restored copy must be one moment of the source: every row equals the source's
row, a design's row agrees with its newest version, the writes in it are a
prefix of the acknowledged ones, and everything acknowledged before the backup
started is there. A second backup, taken once the writes have stopped, must
restore to exactly the source's rows, table by table.

It runs on SQLite, and on PostgreSQL when WAVE_TEST_DATABASE_URL names one (the
suite's second run), in scratch databases `wave_backup_…` beside that one. The
other tests are about input the commands refuse, on SQLite.
"""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from webfixtures import PASSWORD, PROCESS_S, REQUEST_S, STARTUP_S, sign_up_and_in, wave_serve

from wave.backup import libpq_conninfo

GIVEN_URL = os.environ.get("WAVE_TEST_DATABASE_URL") or ""
KIND = "postgresql" if GIVEN_URL.startswith("postgresql") else "sqlite"
WORKER = os.environ.get("PYTEST_XDIST_WORKER")


def minimal(title: str, minutes: int = 20) -> dict:
    """The smallest useful wave.design/v1 document (as in test_api)."""
    return {
        "format": "wave.design/v1",
        "title": title,
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student legt het 4P-model uit"}],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "mode": "online",
                        "timing": "async",
                        "minutes": minutes,
                        "topics": ["4P-model"],
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "werkcollege",
                        "mode": "offline",
                        "timing": "sync",
                        "goals": ["g1"],
                    },
                ],
            }
        ],
        "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
    }


# --- helpers: the CLI, a server, the rows of a database --------------------------------


def wave(*args: str, url: str, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "WAVE_DATABASE_URL": url}
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "wave.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
        stdin=subprocess.DEVNULL,
    )


def assert_refused(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def rows(url: str) -> dict[str, dict[tuple, dict]]:
    """Every row of every table (column name -> value), by table and primary key."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            found = {}
            for table in inspect(conn).get_table_names():
                key = inspect(conn).get_pk_constraint(table)["constrained_columns"]
                quoted = conn.dialect.identifier_preparer.quote(table)
                table_rows = [dict(r) for r in conn.execute(text(f"SELECT * FROM {quoted}")).mappings()]
                found[table] = {tuple(r[k] for k in key) or tuple(r.values()): r for r in table_rows}
            return found
    finally:
        engine.dispose()


def signed_in(base: str, name: str, email: str | None = None) -> httpx.Client:
    http = httpx.Client(base_url=base, timeout=REQUEST_S)
    if email is None:
        return sign_up_and_in(http, name=name)
    r = http.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    http.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    return http


# --- the databases -----------------------------------------------------------------------


def _scratch(name: str) -> str:
    """A new PostgreSQL database beside the suite's one; its URL."""
    scratch = f"{name}_{WORKER}" if WORKER else name
    admin = create_engine(GIVEN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{scratch}"'))
    admin.dispose()
    return make_url(GIVEN_URL).set(database=scratch).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    admin = create_engine(GIVEN_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def databases(tmp_path) -> Iterator[tuple[str, str]]:
    """(source, target): the database Wave runs on and an empty one to restore into."""
    if KIND == "sqlite":
        yield f"sqlite:///{tmp_path / 'source.db'}", f"sqlite:///{tmp_path / 'restored' / 'wave.db'}"
        return
    pytest.importorskip("psycopg")
    urls = _scratch("wave_backup_src"), _scratch("wave_backup_dst")
    try:
        yield urls
    finally:
        for url in urls:
            _drop(url)


# --- backup while Wave writes ------------------------------------------------------------


class Writer(threading.Thread):
    """Creates a design, edits it twice, creates the next…, one request at a time, until
    stopped; `acknowledged` lists (design id, version) in the order the server answered."""

    def __init__(self, http: httpx.Client):
        super().__init__(daemon=True)
        self.http = http
        self.acknowledged: list[tuple[int, int]] = []
        self.lock = threading.Condition()
        self.stop = threading.Event()
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            n = 0
            while not self.stop.is_set():
                if n % 3 == 0:
                    r = self.http.post("/api/designs", json=minimal(f"Schrijver {n}"))
                    assert r.status_code == 201, r.text
                else:
                    design_id, version = self.acknowledged[-1]
                    r = self.http.put(
                        f"/api/designs/{design_id}",
                        json={**minimal(f"Schrijver {n - n % 3}", minutes=20 + n), "version": version},
                    )
                    assert r.status_code == 200, r.text
                with self.lock:
                    self.acknowledged.append((r.json()["id"], r.json()["version"]))
                    self.lock.notify_all()
                n += 1
        except BaseException as exc:
            self.failure = exc
            with self.lock:
                self.lock.notify_all()

    def wait_for(self, count: int) -> list[tuple[int, int]]:
        """Until `count` writes are acknowledged; a copy of them."""
        with self.lock:
            self.lock.wait_for(
                lambda: len(self.acknowledged) >= count or self.failure or not self.is_alive(),
                timeout=STARTUP_S,
            )
            if self.failure:
                raise self.failure
            assert len(self.acknowledged) >= count, "the writer stopped writing"
            return list(self.acknowledged)


def test_a_backup_during_writes_restores_one_moment_of_the_database(databases, tmp_path):
    source, target = databases
    first, second = tmp_path / "during.backup", tmp_path / "after.backup"
    with wave_serve(source, tmp_path / "source.log") as base:
        owner, coach = signed_in(base, "Eigenaar"), signed_in(base, "Coach")
        # one of everything before the writes: designs with versions, a share, a comment
        kept = owner.post("/api/designs", json=minimal("Blijft")).json()["id"]
        version = 1
        for minutes in (25, 30):
            r = owner.put(f"/api/designs/{kept}", json={**minimal("Blijft", minutes), "version": version})
            assert r.status_code == 200, r.text
            version = r.json()["version"]
        r = owner.post(f"/api/designs/{kept}/shares", json={"email": coach.email, "role": "comment"})
        assert r.status_code == 201, r.text
        r = coach.post(f"/designs/{kept}/review/comments", data={"body": "Mooi begin!"})
        assert r.status_code == 200, r.text
        served = {kept: owner.get(f"/api/designs/{kept}").json()}
        # and a readiness scan, shared, with the answers of both (SPEC §11: scans come back too)
        scan = owner.post("/api/scans", json={"title": "Teamscan", "level": "programme"}).json()["id"]
        r = owner.post(f"/api/scans/{scan}/shares", json={"email": coach.email, "role": "edit"})
        assert r.status_code == 201, r.text
        for who, value in ((owner, 2), (coach, 4)):
            r = who.post(
                f"/api/scans/{scan}/answers", json={"answers": {"facilities.1": value, "finances.1": None}}
            )
            assert r.status_code == 200, r.text
        scan_report = owner.get(f"/api/scans/{scan}/report").json()
        assert scan_report["respondents"] == 2

        writer = Writer(signed_in(base, "Eigenaar", email=owner.email))
        writer.start()
        try:
            before = writer.wait_for(6)
            done = wave("backup", str(first), url=source)
            assert done.returncode == 0, done.stderr
            after = len(writer.wait_for(0))
            writer.wait_for(after + 3)  # the writes go on past the backup
        finally:
            writer.stop.set()
            writer.join(REQUEST_S)
        assert writer.failure is None, writer.failure
        acknowledged = writer.acknowledged
        # quiet now: a backup of this moment restores to exactly these rows
        done = wave("backup", str(second), url=source)
        assert done.returncode == 0, done.stderr
    final = rows(source)

    done = wave("restore", str(first), url=target)
    assert done.returncode == 0, done.stderr
    restored = rows(target)

    assert restored.keys() == final.keys()
    for table, table_rows in restored.items():
        if table in ("design", "alembic_version"):
            continue
        for key, row in table_rows.items():  # rows are only added meanwhile, never changed
            assert row == final[table].get(key), f"{table} {key}: not a row of the source"
    versions = {(v["design_id"], v["version"]): v for v in restored["design_version"].values()}
    changing = ("version", "document", "updated_at", "stored_size")
    for key, record in restored["design"].items():
        then, now = (
            {k: v for k, v in r.items() if k not in changing} for r in (record, final["design"][key])
        )
        assert then == now, f"design {key}: not a row of the source"
        own = sorted(v for d, v in versions if d == record["id"])
        assert own == list(range(1, record["version"] + 1)), f"design {key}: versions {own}"
        assert record["document"] == versions[record["id"], record["version"]]["document"], (
            f"design {key}: its document is not its newest version's"
        )
        size = sum(len(v["document"]) for (d, _), v in versions.items() if d == record["id"])
        assert record["stored_size"] == size, f"design {key}: stored_size is not its versions'"

    present = [write in versions for write in acknowledged]
    moment = present.count(True)
    assert present == [True] * moment + [False] * (len(present) - moment), (
        "the writes in the backup are not the first ones acknowledged"
    )
    assert moment >= len(before), "a write acknowledged before the backup started is missing"

    with wave_serve(target, tmp_path / "restored.log") as base:
        owner_again = signed_in(base, "Eigenaar", email=owner.email)
        assert owner_again.get(f"/api/designs/{kept}").json() == served[kept]
        for design_id, version in before:
            r = owner_again.get(f"/api/designs/{design_id}")
            assert r.status_code == 200, r.text
            assert r.json()["version"] >= version
        coach_again = signed_in(base, "Coach", email=coach.email)
        assert coach_again.get(f"/api/designs/{kept}").json() == served[kept]
        assert owner_again.get(f"/api/scans/{scan}/report").json() == scan_report
        assert coach_again.get(f"/api/scans/{scan}").json()["own_answers"] == {
            "facilities.1": 4,
            "finances.1": None,
        }

    # the target holds data now: a second restore needs --force, and then gives the source
    assert_refused(wave("restore", str(second), url=target), "--force")
    done = wave("restore", "--force", str(second), url=target)
    assert done.returncode == 0, done.stderr
    assert rows(target) == final


# --- SQLite: the WAL, refusals, migrations -------------------------------------------------


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _migrated(path: Path, revision: str = "head") -> str:
    from alembic import command

    from wave.db import alembic_config, migrate

    url = _sqlite_url(path)
    if revision == "head":
        migrate(url)
    else:
        command.upgrade(alembic_config(url), revision)
    return url


def _add_user(url: str, email: str) -> None:
    from sqlmodel import Session

    from wave.models import User

    engine = create_engine(url, poolclass=NullPool)
    with Session(engine) as session:
        session.add(User(email=email, name="Iemand", password_hash="x"))
        session.commit()
    engine.dispose()


def _emails(url: str) -> list[str]:
    return sorted(row["email"] for row in rows(url)["user"].values())


def test_the_backup_holds_what_is_still_in_the_wal(tmp_path):
    url = _migrated(tmp_path / "wave.db")
    writer = sqlite3.connect(tmp_path / "wave.db")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")  # the write stays in wave.db-wal
    writer.execute(
        'INSERT INTO "user" (email, name, password_hash, prefs, created_at) '
        "VALUES ('wal@school.example', 'WAL', 'x', '{}', '2026-01-01')"
    )
    writer.commit()
    try:
        assert (tmp_path / "wave.db-wal").stat().st_size > 0
        done = wave("backup", str(tmp_path / "out.backup"), url=url)
        assert done.returncode == 0, done.stderr
    finally:
        writer.close()
    assert not (tmp_path / "out.backup-wal").exists()
    copy = sqlite3.connect(tmp_path / "out.backup")
    assert copy.execute('SELECT email FROM "user"').fetchall() == [("wal@school.example",)]
    copy.close()


def test_restore_refuses_a_database_with_data_unless_forced(tmp_path):
    source = _migrated(tmp_path / "source.db")
    _add_user(source, "bron@school.example")
    assert wave("backup", str(tmp_path / "b"), url=source).returncode == 0
    target = _migrated(tmp_path / "target.db")
    _add_user(target, "doel@school.example")

    assert_refused(wave("restore", str(tmp_path / "b"), url=target), "--force")
    assert _emails(target) == ["doel@school.example"]
    done = wave("restore", "--force", str(tmp_path / "b"), url=target)
    assert done.returncode == 0, done.stderr
    assert _emails(target) == ["bron@school.example"]


def test_restore_needs_no_force_over_the_worked_examples_alone(tmp_path):
    source = _migrated(tmp_path / "source.db")
    _add_user(source, "bron@school.example")
    assert wave("backup", str(tmp_path / "b"), url=source).returncode == 0
    target = _migrated(tmp_path / "target.db")
    with sqlite3.connect(tmp_path / "target.db") as conn:  # what seeding stores
        conn.execute(
            "INSERT INTO design (title, template, document, version, example_slug, "
            "review_status, created_at, updated_at) VALUES ('Voorbeeld', 'linear', '{}', "
            "1, 'voorbeeld', 'draft', '2026-01-01', '2026-01-01')"
        )
    conn.close()
    done = wave("restore", str(tmp_path / "b"), url=target)
    assert done.returncode == 0, done.stderr
    assert _emails(target) == ["bron@school.example"]


def test_an_older_backup_is_migrated_on_restore(tmp_path):
    from alembic.script import ScriptDirectory

    from wave.db import alembic_config

    source = _migrated(tmp_path / "old.db", "0002")
    with sqlite3.connect(tmp_path / "old.db") as conn:
        conn.execute(
            "INSERT INTO design (title, template, document, version, review_status, "
            "created_at, updated_at) VALUES ('Oud', 'linear', ?, 1, 'draft', "
            "'2026-01-01', '2026-01-01')",
            (json.dumps(minimal("Oud")),),
        )
    conn.close()
    assert wave("backup", str(tmp_path / "b"), url=source).returncode == 0
    target = _sqlite_url(tmp_path / "new" / "wave.db")
    done = wave("restore", str(tmp_path / "b"), url=target)
    assert done.returncode == 0, done.stderr
    restored = rows(target)
    head = ScriptDirectory.from_config(alembic_config(target)).get_current_head()
    assert list(restored["alembic_version"]) == [(head,)]
    assert [r["title"] for r in restored["design"].values()] == ["Oud"]


def _sqlite_file(path: Path, *statements: str) -> Path:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return path


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: d / "missing.backup", ["no such file"]),
        (lambda d: (d / "notes.txt").write_text("geen back-up") and d / "notes.txt", ["not a Wave backup"]),
        (lambda d: _sqlite_file(d / "other.db", "CREATE TABLE t (x)"), ["not a Wave backup"]),
        (
            lambda d: _sqlite_file(
                d / "newer.db",
                "CREATE TABLE alembic_version (version_num TEXT)",
                "INSERT INTO alembic_version VALUES ('9999')",
            ),
            ["'9999'"],
        ),
    ],
    ids=["missing", "text", "not-wave", "unknown-revision"],
)
def test_restore_refuses_what_is_not_a_wave_backup(tmp_path, make, words):
    file = make(tmp_path)
    target = tmp_path / "target.db"
    assert_refused(wave("restore", str(file), url=_sqlite_url(target)), *words)
    assert not target.exists()


def test_backup_refuses_without_a_database_or_a_place_to_write(tmp_path):
    assert_refused(wave("backup", str(tmp_path / "b"), url=_sqlite_url(tmp_path / "none.db")), "no database")
    url = _migrated(tmp_path / "wave.db")
    assert_refused(wave("backup", str(tmp_path / "no" / "b"), url=url), "cannot be written")
    assert_refused(wave("backup", str(tmp_path), url=url), "directory")
    assert_refused(wave("backup", str(tmp_path / "wave.db"), url=url), "the database itself")


def test_a_backup_goes_back_into_its_own_kind_of_database(tmp_path):
    url = _migrated(tmp_path / "wave.db")
    assert wave("backup", str(tmp_path / "b"), url=url).returncode == 0
    # not contacted: the kinds differ before anything is opened
    assert_refused(
        wave("restore", str(tmp_path / "b"), url="postgresql+psycopg://x@127.0.0.1:1/x"),
        "SQLite",
        "PostgreSQL",
    )


def test_without_pg_dump_the_message_says_what_to_install(tmp_path):
    url = "postgresql+psycopg://postgres@127.0.0.1:1/wave"  # not contacted: pg_dump is looked for first
    assert_refused(
        wave("backup", str(tmp_path / "b"), url=url, path=str(tmp_path)),
        "pg_dump",
        "apt-get install postgresql-client",
    )
    (tmp_path / "b").write_bytes(b"PGDMP")
    assert_refused(
        wave("restore", str(tmp_path / "b"), url=url, path=str(tmp_path)),
        "pg_restore",
        "apt-get install postgresql-client",
    )


def test_the_libpq_url_keeps_the_password_off_the_command_line():
    conninfo, env = libpq_conninfo("postgresql+psycopg://wave:p%40ss@db.example:5433/wave?sslmode=require")
    assert conninfo == "postgresql://wave@db.example:5433/wave?sslmode=require"
    assert env["PGPASSWORD"] == "p@ss"
