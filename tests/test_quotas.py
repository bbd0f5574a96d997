"""Per-person quotas (SPEC §11): designs owned, storage of their versions, versions kept
per design. Over a quota: a clear 403, and nothing stored."""

from sqlmodel import Session, col, func, select
from webfixtures import new_design

from wave.db import get_engine
from wave.models import DesignRecord, DesignVersion
from wave.settings import get_settings


def doc(title: str = "Quota", notes: str = "") -> dict:
    return {
        "format": "wave.design/v1",
        "title": title,
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "activities": [
                    {"id": f"a{i}", "activity": "kennisclip", "mode": "online", "notes": notes}
                    for i in range(60)
                ],
            }
        ],
    }


def owned(client) -> int:
    return sum(1 for d in client.get("/api/designs").json() if d["owned"])


def test_a_person_owns_at_most_max_designs(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "max_designs", owned(client) + 2)
    for _ in range(2):
        assert client.post("/api/designs", json=doc()).status_code == 201
    r = client.post("/api/designs", json=doc(), headers={"Accept-Language": "en"})
    assert r.status_code == 403 and "maximum of" in r.json()["detail"]
    r = client.post(
        "/import",
        files={"file": ("x.json", b'{"format": "wave.design/v1", "title": "X"}', "application/json")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 422 and "maximum" in r.text
    r = client.post("/designs", data={"title": "Nog een", "template": "linear"})
    assert r.status_code == 422 and "maximum" in r.text
    assert owned(client) == get_settings().max_designs


def test_storage_is_counted_and_a_write_over_it_stores_nothing(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "max_storage_mb", 1)
    big = doc(notes="n" * 7_000)  # some 420,000 characters a version
    r = client.post("/api/designs", json=big)
    assert r.status_code == 201, r.text
    design_id = r.json()["id"]
    stored = client.get(f"/api/designs/{design_id}").json()
    assert client.put(f"/api/designs/{design_id}", json={**stored, "title": "Twee"}).status_code == 200
    stored = client.get(f"/api/designs/{design_id}").json()
    r = client.put(
        f"/api/designs/{design_id}", json={**stored, "title": "Drie"}, headers={"Accept-Language": "en"}
    )
    assert r.status_code == 403 and "storage is full" in r.json()["detail"]
    assert client.get(f"/api/designs/{design_id}").json() == stored
    r = client.post(
        f"/designs/{design_id}/edit/phase-add",
        headers={"HX-Request": "true"},
        data={"version": stored["version"], "title": "Week 2"},
    )
    assert r.status_code == 403 and "toast-error" in r.text
    assert client.get(f"/api/designs/{design_id}").json() == stored
    assert client.post("/api/designs", json=big).status_code == 403


def test_old_versions_are_dropped_beyond_versions_kept(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "versions_kept", 110)
    design_id = new_design(client)
    for i in range(114):
        stored = client.get(f"/api/designs/{design_id}").json()
        r = client.put(f"/api/designs/{design_id}", json={**stored, "title": f"Versie {i + 2}"})
        assert r.status_code == 200, r.text
    with Session(get_engine()) as session:
        versions = session.exec(
            select(DesignVersion.version, func.length(DesignVersion.document))
            .where(DesignVersion.design_id == design_id)
            .order_by(col(DesignVersion.version))
        ).all()
        record = session.get(DesignRecord, design_id)
        assert [v for v, _ in versions] == list(range(6, 116))
        assert record.stored_size == sum(size for _, size in versions)
    assert client.get(f"/designs/{design_id}/versions").status_code == 200
