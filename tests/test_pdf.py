"""The PDF export (SPEC §7): content, language, safety and size.

Text is taken back out of the PDF with pypdf and compared without whitespace,
since titles and goals wrap across lines in table cells.
"""

import io
import re
import socket
import socketserver
import threading
import time

import pytest
from pypdf import PdfReader

from wave.catalogue import get_catalogue
from wave.examples import example_index, load_example
from wave.export import render_pdf
from wave.export.pdf import FetchRefused, StaticOnlyFetcher, pdf_filename
from wave.export.view import findings_by_tip
from wave.format import parse_design
from wave.templating import STATIC_DIR

SLUGS = [info.slug for info in example_index()]


def pdf_text(pdf: bytes) -> tuple[str, int]:
    """All text of a PDF with the whitespace removed, and its page count."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return squash(text), len(reader.pages)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def generated_design(count: int, *, phases: int = 10) -> dict:
    """A valid design with `count` activities spread over `phases` phases."""
    catalogue = get_catalogue()
    entries = catalogue.activities
    goals = [{"id": f"g{i}", "text": f"Goal number {i}: the student can do thing {i}."} for i in range(1, 6)]
    design_phases = [
        {"id": f"p{i}", "title": f"Week {i + 1}", "kind": "sequence", "activities": []} for i in range(phases)
    ]
    for n in range(count):
        entry = entries[n % len(entries)]
        mode = entry.modes[n % len(entry.modes)]
        design_phases[n * phases // count]["activities"].append(
            {
                "id": f"a{n}",
                "activity": entry.id,
                "title": f"Activity {n} {entry.name.en}",
                "mode": mode,
                "minutes": 30,
                "goals": [f"g{n % 5 + 1}"],
                "topics": [f"topic {n % 17}"],
                "notes": f"Notes for activity {n}: what students do and why it matters.",
            }
        )
    links = [{"from": f"a{n}", "to": f"a{n + 1}", "kind": "prepares"} for n in range(count - 1)]
    return {
        "format": "wave.design/v1",
        "title": f"Generated design with {count} activities",
        "language": "en",
        "template": "linear",
        "study_load_hours": count * 0.6,
        "goals": goals,
        "phases": design_phases,
        "links": links,
    }


# --- content -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue():
    return get_catalogue()


@pytest.mark.parametrize("slug", SLUGS)
def test_example_pdf_holds_title_goals_and_activities(slug, catalogue):
    design = load_example(slug)
    text, pages = pdf_text(render_pdf(design, catalogue))
    assert 2 <= pages <= 30
    assert squash(design.title) in text
    for goal in design.goals:
        assert squash(goal.text) in text, goal.id
    for phase in design.phases:
        assert squash(phase.title) in text
    for placed in design.placed():
        assert squash(placed.title) in text, placed.id


def test_pdf_speaks_the_designs_language(catalogue):
    design = load_example("marketing-communicatie")
    assert design.language == "nl"
    dutch, _ = pdf_text(render_pdf(design, catalogue))
    english, _ = pdf_text(render_pdf(design, catalogue, lang="en"))
    assert squash("Activiteiten per fase") in dutch
    assert squash("Activities per phase") in english
    assert squash("Activities per phase") not in dutch


def test_owner_and_open_comments_appear_when_given(catalogue):
    class Comment:
        author = "Coach Carla"
        body = "Koppel de quiz aan de casus."
        activity_title = "Online quiz over clips en hoofdstuk"
        created_at = __import__("datetime").datetime(2025, 3, 4, 10, 0)

    design = load_example("marketing-communicatie")
    without, _ = pdf_text(render_pdf(design, catalogue))
    assert "CoachCarla" not in without
    text, _ = pdf_text(render_pdf(design, catalogue, owner="Docent Dirk", comments=[Comment()]))
    assert "DocentDirk" in text
    assert "CoachCarla" in text and squash(Comment.body) in text


def test_findings_are_grouped_by_tip(catalogue):
    from wave.engine import check

    design = load_example("valkuil-dubbel-aanbod")
    report = check(design, catalogue, lang="en")
    groups = findings_by_tip(report)
    tips = [g.tip for g in groups]
    assert tips == sorted(tips, key=lambda t: (t is None, t or 0))
    assert sum(len(g.findings) for g in groups) == len(report.findings)
    text, _ = pdf_text(render_pdf(design, catalogue, lang="en"))
    for finding in report.findings:
        assert squash(finding.title) in text


def test_filename_is_ascii_from_the_title():
    assert pdf_filename("Marketingcommunicatie – module 1: één") == "marketingcommunicatie-module-1-een.pdf"
    assert pdf_filename("???") == "design.pdf"
    assert pdf_filename("x" * 300).removesuffix(".pdf") == "x" * 60


# --- the web route ---------------------------------------------------------------------


def test_api_returns_a_pdf(client):
    designs = client.get("/api/designs").json()
    example = next(d for d in designs if d["example"] == "marketing-communicatie")
    r = client.get(f"/api/designs/{example['id']}/export.pdf")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith('attachment; filename="marketingcommunicatie')
    assert r.content.startswith(b"%PDF-")
    text, pages = pdf_text(r.content)
    assert "Marketingcommunicatie" in text and pages >= 2


def test_api_pdf_of_unknown_design_is_404(client):
    r = client.get("/api/designs/999999/export.pdf")
    assert r.status_code == 404
    assert "detail" in r.json()


def test_canvas_has_the_pdf_button(client):
    designs = client.get("/api/designs").json()
    page = client.get(f"/designs/{designs[0]['id']}").text
    assert f'href="/api/designs/{designs[0]["id"]}/export.pdf"' in page
    assert "data-pdf-export" in page


# --- safety -------------------------------------------------------------------------------


class Listener:
    """A TCP listener on a free local port that notes each connection as it accepts it.

    `connections_before_marker()` opens a connection of its own and tells how many came
    before it. The kernel hands out connections first come, first served, so once the
    marker is accepted every connection opened earlier has been counted: the answer
    needs no guess of how long a late connection might take to arrive."""

    def __init__(self):
        self.accepted: list[tuple[str, int]] = []  # client addresses, in accept order
        self.changed = threading.Condition()
        outer = self

        class Server(socketserver.ThreadingTCPServer):
            def process_request(self, request, client_address):  # on the accepting thread
                with outer.changed:
                    outer.accepted.append(client_address)
                    outer.changed.notify_all()
                super().process_request(request, client_address)

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def connections_before_marker(self) -> int:
        with socket.create_connection(("127.0.0.1", self.port)) as marker:
            me = marker.getsockname()
            with self.changed:
                # the bound only keeps a broken listener from hanging the suite
                assert self.changed.wait_for(lambda: me in self.accepted, timeout=600)
                return self.accepted.index(me)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def hostile_design(port: int) -> dict:
    base = f"http://127.0.0.1:{port}"
    img = f'<img src="{base}/img">'
    link = f'<link rel=stylesheet href="{base}/css">'
    style = f"<style>@import url({base}/import);</style>"
    css = '<div style="background: url(file:///etc/passwd)">x</div>'
    script = "<script>alert(1)</script>"
    words = " ".join(f"w{i:05d}" for i in range(1700))[:10_000]
    return {
        "format": "wave.design/v1",
        "title": f"{script}{img}",
        "language": "en",
        "goals": [{"id": "g1", "text": f"{link} {style}"}, {"id": "g2", "text": "y" * 900}],
        "phases": [
            {
                "id": "p1",
                "title": f'<svg><image href="{base}/svg"/></svg>',
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "mode": "online",
                        "title": css,
                        "topics": [f"url({base}/topic)"],
                        "goals": ["g1"],
                        "notes": words,
                    },
                    {
                        "id": "a2",
                        "activity": "custom",
                        "mode": "offline",
                        "title": style,
                        "learning_type": "discussion",
                        "interactions": ["student-student"],
                        "notes": f"{img}\n{link}\n{'z' * 3000}",
                    },
                ],
            }
        ],
    }


def test_hostile_design_fetches_nothing_and_shows_its_markup_as_text(catalogue):
    with Listener() as listener:
        data = hostile_design(listener.port)
        design = parse_design(data, catalogue)
        pdf = render_pdf(design, catalogue)
        assert listener.connections_before_marker() == 0
    text, pages = pdf_text(pdf)
    assert 2 <= pages <= 40
    assert squash(data["title"]) in text
    assert squash(data["goals"][0]["text"]) in text
    assert squash(data["phases"][0]["title"]) in text
    activity_one, activity_two = data["phases"][0]["activities"]
    assert squash(activity_one["title"]) in text
    assert squash(activity_two["title"]) in text
    # the 10,000-character note (the longest allowed) is there in full, in order (it spans pages, so
    # footers and repeated table heads come between its words)
    assert re.findall(r"w\d{5}", text) == re.findall(r"w\d{5}", activity_one["notes"])
    assert sum(len(run) for run in re.findall("z{50,}", text)) == 3000
    assert "y" * 900 in text


def test_the_listener_would_have_seen_a_fetch():
    """The hostile test is only worth something if a fetch would be counted."""
    with Listener() as listener:
        with socket.create_connection(("127.0.0.1", listener.port)):
            pass
        assert listener.connections_before_marker() == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/style.css",
        "ftp://example.org/file",
        "file:///etc/passwd",
        (STATIC_DIR / ".." / ".." / "pyproject.toml").as_uri(),
        STATIC_DIR.as_uri() + "/%2e%2e/%2e%2e/pyproject.toml",
        "file://otherhost" + str(STATIC_DIR / "print.css"),
        STATIC_DIR.as_uri() + "/no-such-file.css",
        "wave-icon:no-such-icon/1f6fd1",
        "wave-icon:book-open/url(x)",
        "wave-drawing:row99",
    ],
)
def test_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(FetchRefused):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_static_files_and_data_urls():
    fetcher = StaticOnlyFetcher()
    css = fetcher.fetch((STATIC_DIR / "print.css").as_uri())
    assert b"@page" in css.read()
    data = fetcher.fetch("data:text/plain;base64,aGk=")
    assert data.read() == b"hi"
    icon = fetcher.fetch("wave-icon:book-open/1f6fd1").read()
    assert icon.startswith(b"<svg") and b'stroke="#1f6fd1"' in icon
    drawing = StaticOnlyFetcher(drawings={"row0": b"<svg/>"}).fetch("wave-drawing:row0")
    assert drawing.read() == b"<svg/>"


# --- size -------------------------------------------------------------------------------------


def test_hundred_activities_render(catalogue, record_property):
    """The 2 s target is `wave bench`'s figure (pdf_100_s); the time is only recorded here."""
    design = parse_design(generated_design(100), catalogue)
    render_pdf(load_example("marketing-communicatie"), catalogue)  # warm: fonts, CSS
    started = time.perf_counter()
    pdf = render_pdf(design, catalogue)
    record_property("seconds_100_activities", round(time.perf_counter() - started, 2))
    text, pages = pdf_text(pdf)
    assert "Activity99" in text


def test_thousand_activities_still_render(catalogue, record_property):
    """About 20 s and 100 pages here (the UI shows that it is working)."""
    design = parse_design(generated_design(1000, phases=20), catalogue)
    started = time.perf_counter()
    pdf = render_pdf(design, catalogue)
    record_property("seconds_1000_activities", round(time.perf_counter() - started, 2))
    reader = PdfReader(io.BytesIO(pdf))
    assert 50 < len(reader.pages) < 300
    # the last row is near the end (before the profile and the findings): read back from there
    tail = "".join(squash(page.extract_text() or "") for page in reader.pages[-8:])
    assert "Activity999" in tail


# --- the button on the canvas --------------------------------------------------------------


@pytest.mark.browser
def test_pdf_button_downloads_and_shows_that_it_is_working(page, teacher):
    from playwright.sync_api import expect
    from webfixtures import new_design

    design_id = new_design(teacher, title="Knop voor de PDF")
    page.goto(f"/designs/{design_id}")
    page.get_by_text("Exporteren").click()  # the export menu holds the PDF button
    button = page.locator("[data-pdf-export]")
    page.evaluate("""() => {
        window.busySeen = [];
        const el = document.querySelector("[data-pdf-export]");
        const note = () => window.busySeen.push(el.getAttribute("aria-busy") + "|" + el.textContent.trim());
        new MutationObserver(note).observe(el, {attributes: true, childList: true});
    }""")
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == "knop-voor-de-pdf.pdf"
    with open(download.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    busy = page.evaluate("window.busySeen")
    assert any(state.startswith("true|PDF wordt gemaakt") for state in busy), busy
    expect(button).not_to_have_attribute("aria-busy", "true")
    expect(button).to_have_text("PDF")


@pytest.mark.browser
def test_pdf_button_says_so_when_the_pdf_fails(page, teacher):
    from playwright.sync_api import expect
    from webfixtures import new_design

    design_id = new_design(teacher, title="Mislukte PDF")
    page.route("**/export.pdf", lambda route: route.fulfill(status=500, body="kapot"))
    page.goto(f"/designs/{design_id}")
    page.get_by_text("Exporteren").click()
    page.locator("[data-pdf-export]").click()
    expect(page.locator("#status .toast-error")).to_contain_text("De PDF kon niet worden gemaakt")
    expect(page.locator("[data-pdf-export]")).to_have_text("PDF")
