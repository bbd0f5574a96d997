"""Schemathesis against `/openapi.json` of a real `wave serve` process (SPEC §11):
every operation, a fixed number of generated examples, once signed in and once
signed out. Zero server errors, and every answer as the document says: a
documented status code, content type and body schema."""

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import delete
from sqlmodel import Session
from webfixtures import PASSWORD, unique_email

from wave.db import get_engine
from wave.models import LoginAttempt

EXAMPLES = 12  # per operation and session state: bounded, so the suite stays fast
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(live_server):
    return schemathesis.openapi.from_url(f"{live_server}/openapi.json")


@pytest.fixture(scope="module", autouse=True)
def forget_failed_sign_ins():
    """The generated sign-ins fail, all from the live server's one client address: forget
    them after this module, so that the sign-in limits per address (wave.accounts.LIMITS)
    leave the browser tests that sign in after it their room."""
    yield
    with Session(get_engine()) as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.address == "127.0.0.1"))
        session.commit()


@pytest.fixture(scope="module")
def signed_in(live_server) -> dict[str, str]:
    """The headers of a signed-in teacher who owns one design and one scan (so ids can hit)."""
    email = unique_email("schemathesis")
    with httpx.Client(base_url=live_server, timeout=60) as http:
        http.post(
            "/api/auth/signup", json={"email": email, "password": PASSWORD, "name": "Schema"}
        ).raise_for_status()
        r = http.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        r.raise_for_status()
        # a readiness scan of their own too, so that small scan ids can hit one they may use
        http.post("/api/scans", json={"title": "Schema", "level": "course"}).raise_for_status()
        return {
            "Cookie": f"wave_session={http.cookies['wave_session']}",
            "X-CSRF-Token": r.json()["csrf_token"],
        }


CASE_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def run_every_operation(
    schema, base_url: str, headers: dict[str, str] | None = None, skip: tuple[str, ...] = ()
) -> list[str]:
    """Generated cases for each operation; the failures, one line per operation."""
    failures, calls = [], {}
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path in skip:
            continue

        @given(case=operation.as_strategy())
        @CASE_SETTINGS
        def check(case):
            calls[case.operation.label] = calls.get(case.operation.label, 0) + 1
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

        try:
            check()
        except Exception as failure:  # noqa: BLE001 - collected, reported below
            failures.append(f"{operation.label}: {failure}"[:2000])
    operations = [r.ok() for r in schema.get_all_operations() if r.ok().path not in skip]
    assert len(operations) >= 10, [o.label for o in operations]
    assert all(calls.get(o.label, 0) >= 1 for o in operations), calls  # every one was tried
    return failures


def test_signed_out(api_schema, live_server):
    failures = run_every_operation(api_schema, live_server)
    assert not failures, "\n\n".join(failures)


def test_signed_in(api_schema, live_server, signed_in):
    # signing out would end the session the other cases use; signed out it runs above
    failures = run_every_operation(api_schema, live_server, signed_in, skip=("/api/auth/logout",))
    assert not failures, "\n\n".join(failures)
