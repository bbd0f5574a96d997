"""The drawings (wave.drawing): well-formed, self-contained SVG whose numbers are the profile's."""

import xml.etree.ElementTree as ET

import pytest

from wave.catalogue import get_catalogue
from wave.drawing import profile_charts, wave_svg
from wave.drawing.svg import wrap
from wave.engine import check
from wave.examples import example_index, load_example
from wave.format import parse_design

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
SLUGS = [info.slug for info in example_index()]


@pytest.fixture(scope="module")
def catalogue():
    return get_catalogue()


def parse_self_contained(svg: str) -> ET.Element:
    """Parse an SVG and check that nothing in it points outside the document."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert 'href="http' not in svg and "url(" not in svg
    for el in root.iter():
        assert el.tag not in (f"{SVG}script", f"{SVG}foreignObject", f"{SVG}image"), el.tag
        for name in ("href", XLINK_HREF):
            if name in el.attrib:
                assert el.attrib[name].startswith("#"), el.attrib[name]
        assert "style" not in el.attrib or "url(" not in el.attrib["style"]
    return root


def marks(root: ET.Element, attribute: str) -> dict[str, str]:
    """data-key/data-phase -> data-value of the marks (bars) in a chart."""
    return {
        el.attrib[attribute]: el.attrib["data-value"]
        for el in root.iter()
        if attribute in el.attrib and "data-value" in el.attrib
    }


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


# --- the wave ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("compact", [False, True])
def test_wave_svg_is_well_formed_and_self_contained(slug, compact, catalogue):
    design = load_example(slug)
    root = parse_self_contained(wave_svg(design, catalogue, "nl", compact=compact))
    assert root.find(f"{SVG}title").text == design.title


@pytest.mark.parametrize("slug", SLUGS)
def test_wave_svg_has_one_group_per_activity_in_time_order(slug, catalogue):
    design = load_example(slug)
    profile = check(design, catalogue).profile
    root = parse_self_contained(wave_svg(design, catalogue, "en", profile=profile))
    groups = [g for g in root.iter(f"{SVG}g") if "data-activity" in g.attrib]
    placed = design.placed()
    assert [g.attrib["data-activity"] for g in groups] == [a.id for a in placed]
    assert [int(g.attrib["data-time"]) for g in groups] == list(range(len(placed)))
    assert [g.attrib["data-mode"] for g in groups] == [a.mode for a in placed]
    assert sum(int(g.attrib["data-minutes"]) for g in groups) == profile.total_minutes
    links = [g for g in root.iter(f"{SVG}g") if "data-from" in g.attrib]
    assert [(g.attrib["data-from"], g.attrib["data-to"]) for g in links] == [
        (k.from_, k.to) for k in design.links
    ]
    assert [p for p in root.iter(f"{SVG}path") if p.attrib.get("data-role") == "wave"]
    assert f"{round(profile.online_share * 100)}% online" in " ".join(texts(root))


def test_numbered_cards_count_on_from_the_given_number(catalogue):
    """The PDF numbers its activity table; its drawings carry the same numbers (finding 25),
    also when the wave is split over rows (the second row counts on)."""
    design = load_example("synchroon-asynchroon")
    plain = parse_self_contained(wave_svg(design, catalogue, "nl"))
    assert not [el for el in plain.iter() if "data-number" in el.attrib]
    for start in (1, 5):
        root = parse_self_contained(wave_svg(design, catalogue, "nl", numbered=start))
        numbers = [int(el.attrib["data-number"]) for el in root.iter() if "data-number" in el.attrib]
        assert numbers == list(range(start, start + len(design.placed())))


def test_user_text_is_escaped(catalogue):
    hostile = "<script>alert(\"x\")</script> & 'quotes' ]]>"
    design = parse_design(
        {
            "format": "wave.design/v1",
            "title": hostile,
            "phases": [
                {
                    "id": "p1",
                    "title": "<b>fase</b> & co",
                    "activities": [
                        {"id": "a1", "activity": "kennisclip", "mode": "online", "title": hostile},
                        {
                            "id": "a2",
                            "activity": "custom",
                            "mode": "offline",
                            "title": "</text><svg onload=x>",
                            "learning_type": "practice",
                            "interactions": ["student-student"],
                        },
                    ],
                }
            ],
            "links": [{"from": "a1", "to": "a2"}],
        },
        catalogue,
    )
    report = check(design, catalogue)
    for svg in (
        wave_svg(design, catalogue, "nl", profile=report.profile),
        wave_svg(design, catalogue, "nl", compact=True),
        *(str(c.svg) for c in profile_charts(report, design, "nl")),
    ):
        root = parse_self_contained(svg)
        assert "<script" not in svg and "<svg onload" not in svg and "<b>" not in svg
        assert all(el.tag.startswith(SVG) for el in root.iter())
    root = ET.fromstring(wave_svg(design, catalogue, "nl"))
    assert root.find(f"{SVG}title").text == hostile


def test_an_empty_design_draws(catalogue):
    design = parse_design({"format": "wave.design/v1", "title": "Leeg"}, catalogue)
    report = check(design, catalogue)
    parse_self_contained(wave_svg(design, catalogue, "nl"))
    parse_self_contained(wave_svg(design, catalogue, "nl", compact=True))
    for chart in profile_charts(report, design, "en"):
        parse_self_contained(str(chart.svg))


# --- the profile charts -------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chart_numbers_equal_the_profile(slug, lang, catalogue):
    design = load_example(slug)
    report = check(design, catalogue, lang=lang)
    p = report.profile
    charts = {c.id: c for c in profile_charts(report, design, lang)}
    assert list(charts) == ["share", "timing", "learning-types", "interactions", "environments", "phases"]
    roots = {key: parse_self_contained(str(c.svg)) for key, c in charts.items()}

    share = roots["share"]
    pct = round(p.online_share * 100)
    assert texts(share)[0].startswith(f"{pct}% online · ")
    if p.total_minutes:
        values = marks(share, "data-key")
        assert int(values["online"]) == p.online_minutes
        assert int(values["offline"]) == p.total_minutes - p.online_minutes
        online_bar = next(el for el in share.iter() if el.attrib.get("data-key") == "online")
        assert float(online_bar.attrib["data-share"]) == p.online_share
    band = [el for el in share.iter(f"{SVG}text") if el.attrib.get("data-band") == p.category]
    assert p.category == "traditional" or band[0].attrib.get("font-weight") == "bold"

    timing = roots["timing"]
    assert any(text.startswith(f"{round(p.sync_share * 100)}%") for text in texts(timing))
    if p.total_minutes:
        assert float(marks(timing, "data-key")["sync"]) == p.sync_share

    for key, table in (
        ("learning-types", p.by_learning_type),
        ("interactions", p.by_interaction),
        ("environments", p.by_environment),
    ):
        drawn = {k: int(v) for k, v in marks(roots[key], "data-key").items()}
        assert drawn == table, key
        for minutes in table.values():
            assert f"{minutes} min" in texts(roots[key])

    phases = {k: int(v) for k, v in marks(roots["phases"], "data-phase").items()}
    assert phases == p.by_phase
    assert int(marks(roots["phases"], "data-key")["total"]) == p.total_minutes
    if design.study_load_hours is not None:
        assert float(marks(roots["phases"], "data-key")["budget"]) == design.study_load_hours * 60


def test_text_alternatives_carry_the_same_numbers(catalogue):
    design = load_example("marketing-communicatie")
    report = check(design, catalogue, lang="en")
    p = report.profile
    charts = {c.id: c for c in profile_charts(report, design, "en")}
    assert dict(charts["learning-types"].rows) == {
        "Acquisition": f"{p.by_learning_type['acquisition']} min",
        "Investigation": f"{p.by_learning_type['investigation']} min",
        "Practice": f"{p.by_learning_type['practice']} min",
        "Discussion": f"{p.by_learning_type['discussion']} min",
        "Collaboration": f"{p.by_learning_type['collaboration']} min",
        "Production": f"{p.by_learning_type['production']} min",
    }
    assert dict(charts["share"].rows)["Online"] == (
        f"{p.online_minutes} min ({round(p.online_share * 100)}%)"
    )
    phase_rows = dict(charts["phases"].rows)
    assert [phase_rows[ph.title] for ph in design.phases] == [
        f"{p.by_phase[ph.id]} min" for ph in design.phases
    ]
    assert phase_rows["Total"] == f"{p.total_minutes} min"
    assert all(c.rows for c in charts.values())


def test_wrap_keeps_to_the_number_of_lines():
    lines = wrap("Hoorcollege: communicatieproces en boodschapstrategieën " * 3, 124, 11, lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert wrap("Kort", 124, 11, lines=3) == ["Kort"]
    assert wrap("", 124, 11, lines=3) == []


def test_a_thumbnail_of_a_long_design_shows_its_start_and_how_many_more(catalogue):
    phases = [
        {
            "id": f"w{w}",
            "title": f"Week {w}",
            "activities": [
                {
                    "id": f"a{w}-{i}",
                    "activity": "kennisclip" if i % 2 else "lezen",
                    "mode": "online" if i % 2 else "offline",
                }
                for i in range(10)
            ],
        }
        for w in range(10)
    ]
    design = parse_design({"format": "wave.design/v1", "title": "Lang", "phases": phases}, catalogue)
    root = parse_self_contained(wave_svg(design, catalogue, "nl", compact=True, limit=40))
    groups = [g.attrib["data-activity"] for g in root.iter(f"{SVG}g") if "data-activity" in g.attrib]
    assert groups == [a.id for a in design.placed()[:40]]
    more = [el for el in root.iter(f"{SVG}text") if "data-more" in el.attrib]
    assert more[0].text == "+60"
