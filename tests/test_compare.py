"""Before/after: the compare view and page mark exactly the engine's added, removed,
changed and moved activities."""

from html.parser import HTMLParser

import pytest

from wave.catalogue import get_catalogue
from wave.drawing import compare_view
from wave.engine import check
from wave.format import parse_design


def act(id_, activity, mode, minutes, timing=None, **extra):
    a = {"id": id_, "activity": activity, "mode": mode, "minutes": minutes, **extra}
    if timing:
        a["timing"] = timing
    return a


BASELINE = {
    "title": "Oude opzet",
    "phases": [
        {
            "id": "w1",
            "title": "Week 1",
            "activities": [
                act("keep", "lezen", "offline", 60),
                act("longer", "casus", "offline", 90, "sync"),
                act("to-online", "discussie", "offline", 45),
                act("gone", "hoorcollege", "offline", 100),
            ],
        },
        {
            "id": "w2",
            "title": "Week 2",
            "activities": [
                act("also-gone", "werkcollege", "offline", 90),
                act("retimed", "casus", "online", 30, "sync"),
            ],
        },
    ],
}

REDESIGN = {
    "format": "wave.design/v1",
    "title": 'Nieuwe opzet <met> & "tekens"',
    "phases": [
        {
            "id": "w1",
            "title": "Voorbereiding",
            "activities": [
                act("new-clip", "kennisclip", "online", 20),
                act("keep", "lezen", "offline", 60),
                act("longer", "casus", "offline", 120, "sync"),
            ],
        },
        {
            "id": "w2",
            "title": "Bijeenkomst",
            "activities": [
                act("to-online", "discussie", "online", 45),
                act("retimed", "casus", "online", 30, "async"),
                act("new-forum", "forum", "online", 30),
            ],
        },
    ],
    "links": [{"from": "new-clip", "to": "longer"}],
    "baseline": BASELINE,
}

EXPECTED = {
    "added": {"new-clip", "new-forum"},
    "removed": {"gone", "also-gone"},
    "changed": {"longer", "to-online", "retimed"},
    "moved": {"to-online"},
}


@pytest.fixture(scope="module")
def catalogue():
    return get_catalogue()


def test_compare_view_uses_the_engines_delta(catalogue):
    design = parse_design(REDESIGN, catalogue)
    report = check(design, catalogue)
    view = compare_view(design, catalogue, report, "nl")
    delta = report.profile.baseline
    assert view.has_baseline
    for kind, ids in EXPECTED.items():
        assert set(view.ids(kind)) == ids == set(getattr(delta, kind)), kind
    assert [r.id for r in view.rows if not r.changes] == ["keep"]
    # something in, something out: in minus out is the engine's minutes delta
    assert view.minutes_in == 20 + 30 + 30  # two new activities, one that grew
    assert view.minutes_out == 100 + 90
    assert view.minutes_in - view.minutes_out == delta.minutes_delta
    assert view.after.minutes == report.profile.total_minutes
    assert view.before.minutes == sum(a["minutes"] for p in BASELINE["phases"] for a in p["activities"])
    assert view.after.interactive_minutes - view.before.interactive_minutes == (
        delta.interactive_minutes_delta
    )


def test_without_a_baseline_there_is_nothing_to_compare(catalogue):
    design = parse_design({**REDESIGN, "baseline": None}, catalogue)
    view = compare_view(design, catalogue, check(design, catalogue), "en")
    assert not view.has_baseline and view.rows == [] and view.before_svg is None


# --- the page -----------------------------------------------------------------------------


class Marks(HTMLParser):
    """Collects the change marks of the table rows and of the drawings' activities."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, set[str]] = {}
        self.cards: dict[str, dict[str, set[str]]] = {}
        self.side: str | None = None
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "figure" and "compare-side" in (a.get("class") or ""):
            self.side = a["class"].split()[-1]
        if tag == "tr" and "data-activity" in a:
            self.rows[a["data-activity"]] = set((a.get("data-change") or "").split())
        if tag == "g" and "data-activity" in a and self.side:
            marks = self.cards.setdefault(self.side, {})
            marks[a["data-activity"]] = set((a.get("data-change") or "").split())

    def handle_endtag(self, tag):
        if tag == "figure":
            self.side = None


def marked(marks: dict[str, set[str]], kind: str) -> set[str]:
    return {placed_id for placed_id, kinds in marks.items() if kind in kinds}


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


def test_compare_page_marks_exactly_the_changes(client):
    design_id = client.post("/api/designs", json=REDESIGN).json()["id"]
    r = client.get(f"/designs/{design_id}/compare")
    assert r.status_code == 200
    page = parse(r.text)
    for kind, ids in EXPECTED.items():
        assert marked(page.rows, kind) == ids, kind
    assert set(page.rows) == {"keep", *set().union(*EXPECTED.values())}
    assert page.rows["keep"] == set()
    # the drawings: the redesign marks what was added and changed, the baseline what was
    # removed and changed
    after, before = page.cards["after"], page.cards["before"]
    assert marked(after, "added") == EXPECTED["added"] and not marked(after, "removed")
    assert marked(before, "removed") == EXPECTED["removed"] and not marked(before, "added")
    for side in (after, before):
        assert marked(side, "changed") == EXPECTED["changed"]
        assert marked(side, "moved") == EXPECTED["moved"]
    assert "<met>" not in r.text  # the title is escaped


def test_compare_page_without_baseline_explains_how_to_record_one(client):
    design_id = client.post("/api/designs", json={**REDESIGN, "baseline": None}).json()["id"]
    r = client.get(f"/designs/{design_id}/compare", headers={"Accept-Language": "en"})
    assert r.status_code == 200
    page = parse(r.text)
    assert "no-baseline" in page.ids and page.rows == {}
    assert "Record as current situation" in r.text


def test_compare_page_of_a_missing_design_is_404(client):
    assert client.get("/designs/999999/compare").status_code == 404
