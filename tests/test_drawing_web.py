"""The drawings in the app: the wave download, the charts in the critic panel, the
dashboard thumbnails."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from test_compare import REDESIGN

SVG = "{http://www.w3.org/2000/svg}"


class Outline(HTMLParser):
    """The parts of a page these tests look at: charts and their tables, thumbnails, links."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.charts: list[str] = []
        self.tables_in_details: dict[str, int] = {}
        self.thumbnails: dict[str, int] = {}
        self.categories: list[str] = []
        self.links: list[str] = []
        self.chart: str | None = None
        self.item: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "data-chart" in a:
            self.chart = a["data-chart"]
            self.charts.append(self.chart)
        if tag == "table" and self.chart and any(t == "details" for t, _ in self.stack):
            self.tables_in_details[self.chart] = self.tables_in_details.get(self.chart, 0) + 1
        if tag == "li" and (
            "design-item" in (a.get("class") or "") or "example-card" in (a.get("class") or "")
        ):
            self.item = a["class"].split()[0]
        if tag == "svg" and self.item and any("thumb" in (x.get("class") or "") for _, x in self.stack):
            self.thumbnails[self.item] = self.thumbnails.get(self.item, 0) + 1
        if tag == "span" and "data-category" in a:
            self.categories.append(a["data-category"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag not in (
            "br",
            "input",
            "img",
            "meta",
            "link",
            "path",
            "rect",
            "circle",
            "line",
            "polyline",
            "polygon",
            "ellipse",
        ):
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "figure":
            self.chart = None
        if tag == "li":
            self.item = None


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def new_design(client) -> int:
    return client.post("/api/designs", json=REDESIGN).json()["id"]


def test_wave_svg_download(client):
    design_id = new_design(client)
    r = client.get(f"/designs/{design_id}/wave.svg?download=1")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('-wave.svg"')
    assert disposition.endswith('.svg"')
    root = ET.fromstring(r.text)
    assert root.tag == f"{SVG}svg"
    assert len([g for g in root.iter(f"{SVG}g") if "data-activity" in g.attrib]) == 6
    plain = client.get(f"/designs/{design_id}/wave.svg")
    assert "content-disposition" not in plain.headers
    compact = client.get(f"/designs/{design_id}/wave.svg?compact=1")
    assert ET.fromstring(compact.text).attrib["data-drawing"] == "wave-compact"
    assert client.get("/designs/999999/wave.svg").status_code == 404


def test_canvas_shows_every_chart_with_a_table(client):
    design_id = new_design(client)
    r = client.get(f"/designs/{design_id}")
    assert r.status_code == 200
    page = outline(r.text)
    assert page.charts == ["share", "timing", "learning-types", "interactions", "environments", "phases"]
    assert page.tables_in_details == dict.fromkeys(page.charts, 1)
    assert f"/designs/{design_id}/wave.svg?download=1" in page.links
    assert f"/designs/{design_id}/compare" in page.links


def test_an_edit_returns_the_charts_with_the_critic(client):
    design_id = new_design(client)
    r = client.post(f"/designs/{design_id}/edit/remove", data={"version": 1, "placed": "keep"})
    assert r.status_code == 200
    assert len(outline(r.text).charts) == 6


def test_dashboard_cards_have_a_thumbnail_and_a_category(client):
    new_design(client)
    page = outline(client.get("/").text)
    assert page.thumbnails.get("design-item", 0) >= 1
    assert page.thumbnails.get("example-card", 0) >= 4
    assert set(page.categories) <= {"traditional", "web-facilitated", "blended", "online"}
    assert "blended" in page.categories
